# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] slideshow={"slide_type": "slide"}
# # 3 · What did it learn?
#
# A trained classifier is a pile of numbers. In this chapter we turn those numbers back
# into pictures: the templates a linear classifier compares each digit with, the patterns
# the first layer of a network responds to, the mistakes it makes (and how sure it is of
# them), and, for any single digit, which pixels pushed the network towards its answer.
#
# Some of what we find is easy to read, some is not, and both are worth knowing before
# we trust a network's answer.

# %% slideshow={"slide_type": "skip"}
import matplotlib.pyplot as plt
import numpy as np
import torch

from course.data import load_mnist
from course.interpret import linear_templates, pixels
from course.plotting import show_digits

data = load_mnist("bundled")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a trained classifier is a pile of numbers; today we turn them back into pictures:
# templates of a linear classifier, receptive fields of a network's first layer, its mistakes
# and how sure it was, and which pixels drove one decision. Some of it reads easily, some
# does not, and both are worth knowing before we trust an answer.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A linear classifier: one template per class
#
# The simplest classifier gives each class c a score that is a weighted sum of the 784
# pixels plus a constant:
#
# $$s_c(x) = w_c \cdot x + b_c = \sum_{\text{pixels } p} w_{c,p}\, x_p + b_c,$$
#
# and answers with the class of the highest score. There is one weight per pixel and
# class, so each class's weights $w_c$ form a 28 × 28 picture, its *template*: a digit
# scores high for class c when its ink falls where $w_c$ is large and positive.
#
# We train such classifiers on the 4,000 training digits (pixels scaled to [0, 1]) with
# scikit-learn, a few seconds each: two **logistic regressions**, which turn the ten
# scores into probabilities with a softmax, and a **linear support vector machine**
# (SVM), which instead asks the right class's score to beat the others by a margin. The
# SVM and the logistic regression differ in how they are trained, not in what they
# compute. The two logistic regressions differ in how hard their weights are pulled
# towards zero while training: `C` is the inverse strength of that penalty, and the small
# `C = 0.003` pulls hard.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
smooth, smooth_templates = linear_templates(data.x_train, data.y_train, kind="logistic", C=0.003)
logreg, templates = linear_templates(data.x_train, data.y_train, kind="logistic")  # C = 0.1
svm, svm_templates = linear_templates(data.x_train, data.y_train, kind="svm")      # C = 0.01
X_test = pixels(data.x_test)  # (1000, 784) in [0, 1], one digit per row
for name, model in [("logistic regression, C = 0.003", smooth),
                    ("logistic regression, C = 0.1", logreg), ("linear SVM, C = 0.01", svm)]:
    print(f"{name:<32}{model.score(X_test, data.y_test):.1%} of the test digits right")

# %% [markdown] slideshow={"slide_type": "fragment"}
# Close to nine in ten, with nothing but one weighted sum per class. Here are the
# templates of the strongly penalised logistic regression. Red weights are positive (ink
# there speaks *for* the class), blue negative (ink there speaks *against* it), white near
# zero.

# %% slideshow={"slide_type": "fragment"}
fig = show_digits(smooth_templates, titles=[f"class {c}" for c in range(10)], vmin=None, ncols=5,
                  size=1.8, suptitle="Logistic regression, C = 0.003: the template w_c of each class")
fig.subplots_adjust(hspace=0.3)  # room for the titles of the second row
plt.show()

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** one weighted sum of the 784 pixels per class, highest score wins; the weights of a
# class form a 28 × 28 picture, its template. Point at the printout: 88.0 % (logistic,
# C = 0.003), 91.3 % (C = 0.1), 91.1 % (SVM), with nothing but ten weighted sums.
#
# **Ask:** before the picture: what will the template of the 0 look like, and what colour is
# its centre? **Expect:** a red ring around a blue hole: the centre is blue (negative) because
# 1s, 4s, 7s and 8s put ink there and a 0 never does.

# %% [markdown] slideshow={"slide_type": "subslide"}
# Most classes can be read off their template: the 0 is a red ring around a blue hole,
# the 1 an upright red stroke between two blue ones, the 3 and the 6 are visible. But
# these are not pictures of average digits, as in chapter 1. A template does not have to
# describe its class, only to **tell it apart from the other nine**. Ink that every
# digit has tells nothing, so it gets little weight; ink that *this* class has and the
# others lack gets a positive weight; ink that other classes have and this one lacks, a
# negative one. The centre of a 0 is blue because a 1, 4, 7 or 8 puts ink there and a 0
# never does.
#
# A simple picture of "what this class has that the others lack" is the mean digit of
# the class minus the mean of all digits, $\bar x_c - \bar x$. Compare it with the
# templates:

# %% slideshow={"slide_type": "fragment"}
from course.pixel_stats import mean_digits

X_train = pixels(data.x_train)
contrast = mean_digits(data.x_train, data.y_train) - X_train.mean(axis=0).reshape(28, 28)
show_digits(contrast, titles=[f"class {c}" for c in range(10)], vmin=None, size=1.3,
            suptitle="Mean digit of each class minus the mean of all digits (red +, blue −)")
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# They are nearly the same pictures (the correlations are printed below), and not by
# chance. Training starts from all weights 0, where every class gets probability 1/10.
# There the gradient of the loss with respect to $w_c$ is, for ten classes of equal size,
# $\tfrac{1}{10}(\bar x - \bar x_c)$, so the first step of gradient descent moves each
# template straight towards its contrast image. A strong penalty keeps the weights small,
# close to that first step.
#
# The weakly penalised logistic regression and the SVM are a little more accurate, and
# their templates look different:

# %% slideshow={"slide_type": "fragment"}
show_digits(templates, titles=[f"class {c}" for c in range(10)], vmin=None, size=1.3,
            suptitle="Logistic regression, C = 0.1: the template of each class (red +, blue −)")
plt.show()
show_digits(svm_templates, titles=[f"class {c}" for c in range(10)], vmin=None, size=1.3,
            suptitle="Linear SVM, C = 0.01: the template of each class (red +, blue −)")
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# Speckle on top of the same shapes. With a weaker penalty the classifier can afford
# large weights on single pixels that help with a few training digits; that buys it a
# few percent more of the test digits too, and costs the pictures their clarity.
# Underneath, all three sets of templates follow the contrast images. The correlation
# of each template with its class's contrast image, pixel by pixel:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
for name, w in [("logistic, C = 0.003", smooth_templates), ("logistic, C = 0.1", templates),
                ("linear SVM, C = 0.01", svm_templates)]:
    r = [np.corrcoef(w[c].ravel(), contrast[c].ravel())[0, 1] for c in range(10)]
    print(f"{name:<21} classes 0..9: " + " ".join(f"{x:.2f}" for x in r))

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a template describes what tells a class apart from the other nine, not the class
# itself; the mean of the class minus the mean of all digits is nearly the same picture. From
# all-zero weights the first gradient step moves each template straight towards its contrast
# image, and a strong penalty keeps the weights near that first step.
#
# **Ask:** which model's templates follow the contrast images most closely? **Expect:** the
# strongly penalised one: correlations 0.93 to 0.97, against 0.63 to 0.76 for C = 0.1 and 0.52
# to 0.70 for the SVM. The weaker penalty buys speckle on single pixels, and 3 points of test
# accuracy (88.0 % → 91.3 %).

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A network's first layer: receptive fields
#
# Now a network with one hidden layer of 100 neurons (ReLU), trained with Adam on the
# same digits. Each time a training digit is used it is shifted by up to 2 pixels and
# turned by up to 10 degrees at random (`augment=True`), so the network sees more
# variety than 4,000 fixed images. Its settings are kept in `course.exercises.ch03`, so
# the exercises at the end check against this very network. Training takes a few
# seconds; afterwards the trained network is kept in a cache, and running the notebook
# again reuses it.

# %% slideshow={"slide_type": "fragment"}
from course.exercises.ch03 import MLP_CONFIG, MLP_SIZES, chapter_mlp
from course.training import accuracy, predict

print("layers:", MLP_SIZES)
print(MLP_CONFIG)
mlp, history, from_cache = chapter_mlp(data)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"network: {accuracy(mlp, data.x_test, data.y_test):.1%} of the test digits right "
      f"({accuracy(mlp, data.x_train, data.y_train):.1%} of the training digits)")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Each hidden neuron j computes $\max(0,\; v_j \cdot x + a_j)$, a weighted sum of the
# pixels like a class score above. So its 784 input weights $v_j$ are again a picture:
# the neuron's *receptive field*, the pattern of ink that excites it (red) or holds it
# back (blue). Here are all 100.

# %% slideshow={"slide_type": "fragment"}
from course.interpret import concentration, first_layer_fields

fields = first_layer_fields(mlp)  # (100, 28, 28): row j of the first weight matrix
show_digits(fields, ncols=10, vmin=None, size=0.85,
            suptitle="The 100 receptive fields of the first layer (red +, blue −)")
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# Unlike the templates, most of these do not look like anything: broad blotches of red
# and blue, with no digit and no part of a digit to be recognised. That is the honest
# result, and a common one. The network was never asked to make its neurons readable,
# only to make the last layer's scores right; each class score is a mix of all 100
# neurons, so a neuron's meaning is spread across many of them.
#
# A few fields do look like something: a short, sharp stroke, often with one of the
# other colour beside it, a detector for a pen stroke at one place and angle. (A blue
# stroke switches the neuron off: it fires when that stroke is *missing*.) To find them
# without picking by eye, `concentration` measures how much of a field's weight (its
# sum of squared weights) sits in its strongest 5 % of pixels. Here are the eight most
# concentrated fields; the score is a guide, not a definition, so look at each.

# %% slideshow={"slide_type": "fragment"}
score = concentration(fields)
strongest = np.argsort(-score, kind="stable")[:8]
show_digits(fields[strongest], titles=[f"neuron {j}\n{score[j]:.0%} in 5 %" for j in strongest],
            vmin=None, size=1.5, ncols=8,
            suptitle="The most concentrated receptive fields: stroke detectors")
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# And some neurons learnt (almost) nothing. A ReLU neuron whose weighted sum is negative
# for every training digit outputs 0 for all of them, so no gradient reaches its weights
# any more: such a *dead* neuron stops learning, its field stays close to the random
# weights it started from, and in the grid above it is pale noise. We find the dead
# neurons and compare each field with its starting weights (`make_mlp` with the same
# seed rebuilds the untrained network):

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.training import as_tensor_images

with torch.no_grad():
    hidden = mlp[:3](as_tensor_images(data.x_train)).numpy()  # Flatten, Linear, ReLU: (4000, 100)
from course.training import make_mlp

dead = np.flatnonzero((hidden == 0).all(axis=0))
start = first_layer_fields(make_mlp(MLP_SIZES, seed=0))  # the weights before training
kept = np.array([np.corrcoef(f.ravel(), f0.ravel())[0, 1] for f, f0 in zip(fields, start)])
print(f"{len(dead)} of {hidden.shape[1]} hidden neurons are 0 for every training digit: {dead.tolist()}")
print(f"correlation of a field with its starting weights: dead neurons {kept[dead].mean():.2f} "
      f"on average, the others {np.delete(kept, dead).mean():.2f}")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a network with 100 ReLU neurons, trained on shifted and turned digits: 96.8 % of
# the test digits. Each hidden neuron's 784 weights are its receptive field. Most look like
# nothing: a neuron's meaning is spread over many. The eight most concentrated ones are
# stroke detectors (one short stroke at one place and angle).
#
# **Ask:** a ReLU neuron that is 0 for every training digit gets no gradient. What does its
# field look like after training? **Expect:** almost its random starting weights: 10 of the
# 100 neurons are dead, and their fields correlate 0.93 with the starting weights, the
# others only 0.24.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Which digits does it confuse? The confusion matrix
#
# Row i, column j of the confusion matrix counts the test digits labelled i that the
# network called j. The diagonal holds the correct answers; everything else is a mistake.
# The colour shows only the mistakes, so that they are not drowned by the diagonal.

# %% slideshow={"slide_type": "fragment"}
from course.interpret import confusion_matrix, most_confused_pairs

predicted = predict(mlp, data.x_test)
cm = confusion_matrix(data.y_test, predicted)
mistakes_only = cm.copy()
np.fill_diagonal(mistakes_only, 0)
fig, ax = plt.subplots(figsize=(6, 5.2))
im = ax.imshow(mistakes_only, cmap="Reds")
for i in range(10):
    for j in range(10):
        ax.text(j, i, cm[i, j], ha="center", va="center", fontsize=8,
                color="0.55" if i == j else ("white" if cm[i, j] > mistakes_only.max() / 2 else "black"))
ax.set_xticks(range(10))
ax.set_yticks(range(10))
ax.set_xlabel("predicted class")
ax.set_ylabel("true class (label)")
ax.set_title("Confusion matrix of the network on the 1,000 test digits")
fig.colorbar(im, ax=ax, fraction=0.046, label="number of mistakes")
plt.show()

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
print(f"{int(cm.sum() - np.trace(cm))} mistakes on {int(cm.sum())} test digits.")
print("most frequent mistakes (label -> prediction: how many):")
for true, pred, count in most_confused_pairs(cm, k=5):
    print(f"  {true} -> {pred}: {count}")
print("pairs mixed up most often, either way:",
      ", ".join(f"{a} and {b} ({n})" for a, b, n in most_confused_pairs(cm, k=3, ordered=False)))

# %% [markdown] slideshow={"slide_type": "fragment"}
# The mistakes are not spread evenly: they gather on a few pairs of digits that share
# strokes (a 4 and a 9 differ by whether the top is closed; a 3 and a 5 by one short
# stroke at the top). With only 100 test digits per class, a count of 2 or 4 is a
# handful of digits, so read the order of the smaller counts loosely.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** row = true label, column = the network's answer; colour shows only the mistakes.
# 32 mistakes on 1,000 test digits.
#
# **Ask:** which pairs of digits do you expect it to mix up? **Expect:** digits that share
# strokes: 3 and 5 (4 mix-ups) and 4 and 9 (4; the top closed or not), then 1 and 3 (3). The
# single most frequent is a 9 taken for a 4 (4 times). With 100 digits per class, read small
# counts loosely.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The most confident mistakes
#
# The network gives each class a probability (the softmax of its scores). Among the
# wrong answers, which was it surest of? These are worth looking at: either the network
# has a blind spot, or the digit itself is at fault.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.interpret import class_probabilities, confident_mistakes

probs = class_probabilities(mlp, data.x_test)  # (1000, 10), rows sum to 1
worst = confident_mistakes(probs, data.y_test, k=12)
wrong = probs.argmax(axis=1) != data.y_test
sure = probs.max(axis=1) > 0.9
print(f"{int(wrong.sum())} wrong answers; {int((wrong & sure).sum())} of them with a probability above "
      f"90 %, {int((wrong & (probs.max(axis=1) < 0.5)).sum())} below 50 %.")
print(f"{int((~wrong).sum())} right answers; {(sure[~wrong]).mean():.1%} of them with a probability above 90 %.")
for i in worst:
    print(f"test digit {i:4d}: label {data.y_test[i]}, network says {probs[i].argmax()} "
          f"({probs[i].max():.1%}); its probability for the label: {probs[i, data.y_test[i]]:.1%}")

# %% slideshow={"slide_type": "subslide"}
fig = show_digits(data.x_test[worst],
                  titles=[f"{data.y_test[i]} → {probs[i].argmax()} ({probs[i].max():.1%})" for i in worst],
                  ncols=6, size=1.9, suptitle="The network's 12 most confident mistakes: "
                                              "label → answer (its probability)")
fig.subplots_adjust(hspace=0.3)
plt.show()

# %% [markdown] slideshow={"slide_type": "fragment"}
# Look at them before blaming the network. Most are digits a person would hesitate over
# too: a 9 whose loop has shrunk to a blob on a slanted stroke, loops left open, an 8 that
# is mostly one loop, a 3 that could be a 7. Whether some of them are simply labelled
# wrongly we cannot tell from here; MNIST is known to hold a few such digits, and on
# those a "mistake" is the network being right. Some are plain mistakes of the network:
# a bold, clear 9 taken for a 3, a 1 with a foot taken for a 2. And few mistakes are
# confident, while most right answers are (see the counts above): a low probability is a
# useful warning light.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the network gives every answer a probability. Its most confident mistake: test
# digit 968, a 9 it calls a 1 with 99.6 %. Look at the gallery before blaming the network:
# many are digits a person would hesitate over; a few are plain network mistakes.
#
# **Ask:** should a low probability make us suspicious? **Expect:** yes: of the 32 wrong
# answers only 2 are above 90 % and 11 are below 50 %, while 85.0 % of the 968 right answers
# are above 90 %. A low probability is a useful warning light.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Saliency: which pixels made the decision?
#
# For a single digit we can ask: if the ink at pixel p were a little darker, how much
# would the score of class c change? That is the derivative $\partial s_c / \partial x_p$,
# one number per pixel, computed for all 784 at once by backpropagation (torch's
# autograd). The 28 × 28 picture of these derivatives is a **saliency map**. We take the
# derivative of the score $s_c$ (the logit, before the softmax), not of the probability:
# the probability of a confident answer barely moves, which hides everything.
#
# For the linear classifier this map is simply the template $w_c$, the same for every
# digit. For the network it changes from digit to digit, because which ReLUs are on
# depends on the digit.
#
# We show two versions: the **gradient** itself (red: more ink here would raise the
# score, blue: lower it; it is defined on empty paper too) and **gradient × input**,
# the gradient multiplied by the pixel value, which is non-zero only where there is ink
# and says how much each inked pixel contributed. Each map has its own colour scale.

# %% slideshow={"slide_type": "subslide"}
from course.interpret import saliency

examples = [int(np.flatnonzero(data.y_test == c)[0]) for c in range(10)]  # the first of each class
grads = np.stack([saliency(mlp, data.x_test[i]) for i in examples])
contribs = np.stack([saliency(mlp, data.x_test[i], method="gradient_x_input") for i in examples])
per_map = lambda maps: maps / np.abs(maps).max(axis=(1, 2), keepdims=True)  # each map to [-1, 1]
show_digits(data.x_test[examples], titles=[f"says {p}" for p in predicted[examples]], size=1.3,
            suptitle="Ten test digits and the network's answer")
plt.show()
show_digits(per_map(grads), titles=[f"∂s_{p}/∂x" for p in predicted[examples]], vmin=None,
            size=1.3, suptitle="Saliency: gradient of the predicted class's score")
plt.show()
show_digits(per_map(contribs), titles=[f"∂s_{p}/∂x · x" for p in predicted[examples]], vmin=None,
            size=1.3, suptitle="Saliency: gradient × input")
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# The plain gradient is hard to read. It is large all over the frame, also far from the
# strokes and right up to the edges, where no training digit has ink (chapter 1): it
# says how the score would react to ink added *anywhere*, and the network was never
# taught anything about ink at the edges, so it reacts arbitrarily. How much of each
# map's weight (sum of squares) lies in the 4-pixel border:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
border = np.ones((28, 28), dtype=bool)
border[4:24, 4:24] = False  # the outer 4 pixels on each side: 49 % of the frame
share = (grads[:, border] ** 2).sum(axis=1) / (grads ** 2).sum(axis=(1, 2))
print(f"border share of the gradient's squared size, ten digits: {share.min():.0%} to {share.max():.0%} "
      f"(the border is {border.mean():.0%} of the pixels and holds "
      f"{X_test[:, border.ravel()].sum() / X_test.sum():.1%} of the test digits' ink)")

# %% [markdown] slideshow={"slide_type": "subslide"}
# The border, with a few percent of the ink, gets a share of the gradient about as large
# as its share of the frame, or larger. Gradient × input is easier to read, because it
# keeps only the inked pixels: it shows
# which parts of the strokes pushed the score up (red) and which argued against the
# answer (blue). Mostly, the strokes speak for the predicted class, with a few blue
# pieces where the digit resembles another.
#
# Explore it yourself. The explorer opens on the network's most confident mistake. Use
# the buttons to explain the score of another class than the predicted one (the label,
# say) and compare the two maps; move the slider to pick another test digit (they are
# sorted by label: 0s first, 9s last).

# %% slideshow={"slide_type": "fragment"}
from course.widgets import SaliencyExplorer

SaliencyExplorer(mlp, data.x_test, data.y_test, index=int(worst[0]))

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the saliency map is ∂s_c/∂x_p, how the class score reacts to a little more ink at
# each pixel, for all 784 pixels at once by backprop. For a linear model it is the template;
# for the network it changes with the digit. Gradient × input keeps only the inked pixels.
#
# **Ask:** the border holds 3.3 % of the test digits' ink. What share of the gradient lies
# there? **Expect:** 43 % to 78 % for the ten digits, about its 49 % share of the frame or
# more: the network never saw ink at the edge, so it reacts arbitrarily to it.
#
# **Do:** the explorer opens on digit 968 (9 → 1); switch "explain" to the label 9 and
# compare the two maps; then slide to another digit.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## What this tells us
#
# * A **linear classifier** is fully readable: its templates are the whole model. They
#   are not pictures of digits but of *differences* between digits. One template per
#   class cannot cover all the ways people write a digit, one reason why a linear
#   classifier stops near nine in ten.
# * A **network's neurons** are mostly not readable one by one. A few first-layer
#   neurons are clean stroke detectors; most respond to broad, mixed patterns, and some
#   are dead. What the network knows lives in the combination.
# * The **mistakes** cluster on digits that share strokes, and the most confident ones
#   are often digits a person would hesitate over. Accuracy alone does not tell you that;
#   looking does.
# * **Saliency** answers a narrower question than "why": it says which pixels the score
#   is sensitive to *at this digit*, a local, linear view of a non-linear function.
#   The same gradient is also the tool for fooling a network, which chapter 5 does.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the four lessons: a linear classifier is readable, its templates are differences
# between digits; a network's neurons mostly are not, a few are stroke detectors and some are
# dead; mistakes cluster on similar digits; saliency is a local, linear view of one decision,
# and the same gradient is the tool chapter 5 uses to fool a network.
#
# **Ask:** why does a linear classifier stop near nine in ten? **Expect:** one template per
# class cannot cover all the ways people write a digit: the best linear model here is 91.3 %,
# the network 96.8 %.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises
#
# Compute each answer in a cell of your own, then put it in place of `None`.
#
# **1.** How many numbers (weights and biases) does the logistic regression learn?
#
# <details><summary>Hint</summary>
#
# One weight per pixel for each class, plus one bias per class. `logreg.coef_` and
# `logreg.intercept_` hold them; `.size` counts the entries of an array.
# </details>

# %% slideshow={"slide_type": "fragment"}
from course.check import check

answer = None  # replace None with your answer
check("ch03.logistic_parameters", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **2.** Which mistake does the network make most often on the test digits? Answer with
# the pair `(true label, predicted label)`, computed from `cm`.
#
# <details><summary>Hint</summary>
#
# Copy `cm`, set its diagonal to 0 with `np.fill_diagonal`, and find where the largest
# entry is: `np.unravel_index(m.argmax(), m.shape)` gives (row, column).
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch03.top_mistake", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# **3.** In the logistic regression's template for 0, is the weight of the centre pixel
# (row 14, column 14) `"positive"` or `"negative"`? Reason it out first, then check with
# `templates`.
#
# <details><summary>Hint</summary>
#
# Where does a 0 have ink, and where do the other digits have it? `templates[0, 14, 14]`
# is the weight.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch03.centre_of_zero", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** the answers if the room is stuck: 7,850 numbers (10 × 784 weights + 10 biases, a
# tenth of the network's 79,510); the most frequent mistake is (9, 4); the centre weight of the
# 0's template is negative.
#
# **Ask:** negative or positive, the centre pixel of the 0 template? **Expect:** negative:
# a 0 has empty paper there while 1s, 4s, 7s and 8s put ink there.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * A linear classifier's weights are one 28 × 28 template per class; they show where
#   ink speaks for a class and where against it, learnt by contrast with the other
#   classes.
# * A network's first-layer weights are receptive fields: a few stroke detectors, many
#   unreadable mixtures, and some dead neurons.
# * The confusion matrix and the gallery of confident mistakes show where the network
#   fails, and that some of its "mistakes" are hard or badly written digits.
# * A saliency map, the gradient of a class score with respect to the pixels, shows
#   which pixels one decision is sensitive to.
#
# Next: **04 · Eigen-digits**.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** templates show where ink speaks for and against a class; a network's first layer
# holds a few stroke detectors, many mixtures and some dead neurons; the confusion matrix and
# the confident mistakes show where it fails; saliency shows what one decision is sensitive
# to. Next: eigen-digits.
