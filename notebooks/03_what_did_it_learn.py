# ---
# jupyter:
#   jupytext:
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

from course.check import check, hint, use
from course.data import load_mnist
from course.interpret import linear_templates, pixels
from course.plotting import show, show_digits
from course.prose import md, pct, span

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# We train such classifiers on the 4,000 training digits (pixels scaled to [0, 1]) with
# scikit-learn, a few seconds each. Two **logistic regressions** turn the ten scores
# into probabilities with a softmax and fit all ten together. They differ in how hard
# their weights are pulled towards zero while training: `C` is the inverse strength of
# that penalty, and the small `C = 0.003` pulls hard. The **linear support vector
# machine** (SVM, scikit-learn's `LinearSVC`) is trained as ten separate yes-or-no
# problems, *one class against the rest*: each class's score should be at least +1 on
# the digits of its class and at most −1 on all the others, and digits inside that
# margin are penalised. It answers, like the others, with the class of the highest score.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
smooth, smooth_templates = linear_templates(data.x_train, data.y_train, kind="logistic", C=0.003)
logreg, templates = linear_templates(data.x_train, data.y_train, kind="logistic")  # C = 0.1
svm, svm_templates = linear_templates(data.x_train, data.y_train, kind="svm")      # C = 0.01
X_test = pixels(data.x_test)  # (1000, 784) in [0, 1], one digit per row
linear_acc = {}
for name, model in [("logistic regression, C = 0.003", smooth),
                    ("logistic regression, C = 0.1", logreg), ("linear SVM, C = 0.01", svm)]:
    linear_acc[name] = model.score(X_test, data.y_test)
    print(f"{name:<32}{linear_acc[name]:.1%} of the test digits right")
says_mine = (svm.decision_function(X_test) > 0).sum(axis=1)  # how many of the ten SVMs say "mine"
print(f"the SVM's ten one-against-the-rest scores above 0 for a test digit: exactly one "
      f"{(says_mine == 1).mean():.1%}, none {(says_mine == 0).mean():.1%}, several {(says_mine > 1).mean():.1%}")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
one, none_, several = ((says_mine == 1).mean(), (says_mine == 0).mean(), (says_mine > 1).mean())
md(f"""
The three get {span([100 * a for a in linear_acc.values()], "{:.1f}")} % of the test digits
right, with nothing but one weighted sum per class. The SVM's ten scores are trained separately, so nothing makes
them agree: for {pct(one)} of the test digits exactly one of them says "mine" (a score above
0), for {pct(none_)} none does and for {pct(several)} several do; the highest score decides.
Here are the templates of the strongly penalised logistic regression. Red weights are
positive (ink there speaks *for* the class), blue negative (ink there speaks *against* it),
white near zero.
""")

# %% slideshow={"slide_type": "subslide"}
fig = show_digits(smooth_templates, titles=[f"class {c}" for c in range(10)], vmin=None, ncols=5,
                  size=1.8, suptitle="Logistic regression, C = 0.003: the template w_c of each class")
fig.subplots_adjust(hspace=0.3)  # room for the titles of the second row
show(fig, alt=f"The ten templates w_0 to w_9 of the logistic regression with C = 0.003 "
              f"({pct(linear_acc['logistic regression, C = 0.003'])} of the test digits right) as "
              f"28 × 28 pictures, red for positive weights, blue for negative, white near zero: "
              f"the digits' shapes can be made out, and the centre of the 0's template is "
              f"{'blue' if smooth_templates[0, 14, 14] < 0 else 'red'}.")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
accs = list(linear_acc.values())
md(f"""
**Say:** one weighted sum of the 784 pixels per class, highest score wins; the weights of a
class form a 28 × 28 picture, its template. Point at the printout: {pct(accs[0])} (logistic,
C = 0.003), {pct(accs[1])} (C = 0.1), {pct(accs[2])} (the SVM: ten separate one-against-the-rest
problems; exactly one of its ten says "mine" for {pct(one)} of the test digits).

**Ask:** before the picture: what will the template of the 0 look like, and what colour is
its centre? **Expect:** a ring of red around a hole; the centre is
{"blue (negative)" if smooth_templates[0, 14, 14] < 0 else "red (positive)"}, because 1s, 4s, 7s
and 8s put ink there and a 0 does not.
""")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Most classes can be read off their template: the 0 is a red ring around a blue hole,
# the 1 an upright red stroke between two blue ones, the 3 and the 6 are visible. But
# these are not pictures of average digits, as in chapter 1. A template does not have to
# describe its class, only to **tell it apart from the other nine**. Ink that every
# digit has tells nothing, so it gets little weight; ink that *this* class has and the
# others lack gets a positive weight; ink that other classes have and this one lacks, a
# negative one. The centre of a 0 is blue because a 1, 4, 7 or 8 puts ink there and a 0
# never does.

# %% [markdown] slideshow={"slide_type": "subslide"}
# A simple picture of "what this class has that the others lack" is the *contrast image*
# of class c: the mean digit of the class minus the mean of all digits,
#
# $$\bar x_c - \bar x, \qquad \bar x_c = \frac{1}{n_c} \sum_{i:\ y_i = c} x_i, \qquad
# \bar x = \frac{1}{n} \sum_{i=1}^{n} x_i,$$
#
# pixel by pixel. Here $x_i$ is digit i with its pixels in [0, 1], as the classifiers see
# them, $y_i$ its label, n the number of digits and $n_c$ the number labelled c.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Your turn.** Write `contrast_images(images, labels)`. `images` is an (n, h, w) array
# of uint8 pixel values 0..255 (our digits are 28 × 28, but write it for any h and w),
# `labels` the n labels 0..9. It returns the ten contrast images as one array of shape
# (10, h, w), row c for class c. `check` tries it on digits it has not shown you, in
# classes of different sizes.
#
# <details><summary>Hint</summary>
#
# `labels == c` is True for the digits of class c, and `images[labels == c]` picks them
# out; `.mean(axis=0)` averages over the digits, pixel by pixel. Mind the pixel scale.
# </details>

# %% slideshow={"slide_type": "-"}
def contrast_images(images, labels):
    raise NotImplementedError  # replace this line with your code


check("ch03.contrast_images", contrast_images)

# %% [markdown] slideshow={"slide_type": "subslide"}
# The ten contrast images of the training digits, computed with your function once
# `check` accepts it. Compare them with the templates:

# %% slideshow={"slide_type": "fragment"}
contrast_images = use("ch03.contrast_images", contrast_images)
X_train = pixels(data.x_train)
contrast = contrast_images(data.x_train, data.y_train)  # (10, 28, 28): row c is x̄_c − x̄
fig = show_digits(contrast, titles=[f"class {c}" for c in range(10)], vmin=None, size=1.5, ncols=5,
                  suptitle="Mean digit of each class minus the mean of all digits (red +, blue −)")
fig.subplots_adjust(hspace=0.3)  # room for the titles of the second row
alike = [np.corrcoef(smooth_templates[c].ravel(), contrast[c].ravel())[0, 1] for c in range(10)]
show(fig, alt=f"Ten contrast images, the mean digit of each class minus the mean of all digits, red "
              f"where the class has more ink than the average digit, blue where it has less: nearly "
              f"the templates above (correlation {min(alike):.2f} to {max(alike):.2f}).")

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
for name, w, acc in [("logistic regression, C = 0.1", templates, linear_acc["logistic regression, C = 0.1"]),
                     ("linear SVM, C = 0.01", svm_templates, linear_acc["linear SVM, C = 0.01"])]:
    fig = show_digits(w, titles=[f"class {c}" for c in range(10)], vmin=None, size=1.5, ncols=5,
                      suptitle=f"{name[0].upper() + name[1:]}: the template of each class (red +, blue −)")
    fig.subplots_adjust(hspace=0.3)
    show(fig, alt=f"The ten templates of the {name} ({pct(acc)} of the test digits right), red "
                  f"positive, blue negative: the shapes of the strongly penalised templates, "
                  f"covered in speckle of strong single pixels.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Speckle on top of the same shapes. With a weaker penalty the classifier can afford
# large weights on single pixels that help with a few training digits; that buys it a
# few more of the test digits too, and costs the pictures their clarity. Underneath,
# all three sets of templates follow the contrast images. The correlation of each
# template with its class's contrast image, pixel by pixel:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"(?m)classes 0\\.\\.9: (.*)$": 0.01}
correlations = {}
for name, w in [("logistic, C = 0.003", smooth_templates), ("logistic, C = 0.1", templates),
                ("linear SVM, C = 0.01", svm_templates)]:
    correlations[name] = [np.corrcoef(w[c].ravel(), contrast[c].ravel())[0, 1] for c in range(10)]
    print(f"{name:<21} classes 0..9: " + " ".join(f"{x:.2f}" for x in correlations[name]))

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
r = {name: span(v, "{:.2f}").replace("–", " to ") for name, v in correlations.items()}
md(f"""
**Say:** a template describes what tells a class apart from the other nine, not the class
itself; the mean of the class minus the mean of all digits is nearly the same picture. From
all-zero weights the first gradient step moves each template straight towards its contrast
image, and a strong penalty keeps the weights near that first step.

**Ask:** which model's templates follow the contrast images most closely? **Expect:** the
strongly penalised one: correlations {r["logistic, C = 0.003"]}, against
{r["logistic, C = 0.1"]} for C = 0.1 and {r["linear SVM, C = 0.01"]} for the SVM. The weaker
penalty buys speckle on single pixels, and {100 * (accs[1] - accs[0]):.1f} points of test
accuracy ({pct(accs[0])} → {pct(accs[1])}).
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A network's first layer: receptive fields
#
# Now the course's network: one hidden layer of 100 neurons (ReLU), trained with AdamW (Adam
# with a little weight decay) on the same digits. Each time a training digit was used, it was randomly moved and
# distorted a little (*augmentation*; the settings are printed below), so the network
# saw more variety than 4,000 fixed images. Chapter 5 uses the very same network, and
# the exercises at the end check against it.

# %% slideshow={"slide_type": "fragment"}
from course.training import accuracy, make_mlp, predict
from course.zoo import MLP_CONFIG, MLP_SIZES, trained_mlp

print("layers:", MLP_SIZES)
print(MLP_CONFIG)
mlp, history, _ = trained_mlp(data)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
test_acc, train_acc = accuracy(mlp, data.x_test, data.y_test), accuracy(mlp, data.x_train, data.y_train)
print(f"network: {test_acc:.1%} of the test digits right ({train_acc:.1%} of the training digits)")

# %% [markdown] slideshow={"slide_type": "subslide"}
# In chapter 2 the classic network got many more of its training digits right than of
# the test digits: it had partly memorised them. Here the two are close. How close is
# close? An accuracy measured on 1,000 digits is itself uncertain: its standard error is
# √(p(1 − p)/n). We compare with four sets of 1,000 *training* digits:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
n_test = len(data.y_test)
se = np.sqrt(test_acc * (1 - test_acc) / n_test)
sets = [accuracy(mlp, data.x_train[k:k + n_test], data.y_train[k:k + n_test])
        for k in range(0, len(data.y_train), n_test)]
print(f"standard error of an accuracy on {n_test:,} digits: {se:.1%}")
print(f"four sets of {n_test:,} training digits: " + ", ".join(f"{a:.1%}" for a in sets))

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
gap = 100 * (test_acc - train_acc)
se_gap = 100 * np.sqrt(se ** 2 + train_acc * (1 - train_acc) / len(data.y_train))
inside = min(sets) <= test_acc <= max(sets)
md(f"""
The network reads {abs(gap):.1f} points {"more" if gap > 0 else "fewer"} of the test digits
than of its training digits ({pct(test_acc)} against {pct(train_acc)}). Two things keep the gap small.
The network never saw a training digit as it is: every time, the digit was randomly moved
and distorted, so fitting the exact 4,000 images was never rewarded, and on them it does
about as well as on new ones. And a thousand digits are a small sample: four sets of
{n_test:,} training digits give {span([100 * a for a in sets], "{:.1f}")} %, and the test
set's {pct(test_acc)} lies {"inside" if inside else "outside"} that range. The gap is
{abs(gap) / se_gap:.1f} standard errors of a difference between two such accuracies
({se_gap:.1f} points): {"chance alone explains it" if abs(gap) < 2 * se_gap else "more than chance alone gives"}.
""")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Each hidden neuron j computes $\max(0,\; v_j \cdot x + a_j)$, a weighted sum of the
# pixels like a class score above. So its 784 input weights $v_j$ are again a picture:
# the neuron's *receptive field*, the pattern of ink that excites it (red) or holds it
# back (blue). Here are all 100.

# %% slideshow={"slide_type": "fragment"}
from course.interpret import concentration, first_layer_fields

fields = first_layer_fields(mlp)  # (100, 28, 28): row j of the first weight matrix
start = first_layer_fields(make_mlp(MLP_SIZES, seed=0))  # the same weights before training
# share of a field's squared weights in its strongest 5 % of pixels (next slide)
score, score_start = concentration(fields), concentration(start)
fig = show_digits(fields, ncols=10, vmin=None, size=0.85,
                  suptitle="The 100 receptive fields of the first layer (red +, blue −)")
show(fig, alt=f"The {len(fields)} receptive fields of the first layer, each one hidden neuron's 784 "
              f"input weights as a 28 × 28 picture, red positive, blue negative: none is a digit; "
              f"many are a short stroke, an edge or a curve at one place, often with the other "
              f"colour beside it. The median field holds {pct(np.median(score), 0)} of its weight "
              f"in its strongest 5 % of pixels, against {pct(np.median(score_start), 0)} at the random start.")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
twice = int((score >= 2 * np.median(score_start)).sum())
md(f"""
Unlike the templates, none of these is a digit. But most are not shapeless either: many are a
short stroke, an edge or a curve at one place and angle, often with one of the other colour
beside it, a detector for a pen stroke there. (A blue stroke switches the neuron off: it
fires when that stroke is *missing*.) To measure it rather than judge by eye,
`concentration` gives the share of a field's weight (its sum of squared weights) that sits
in its strongest 5 % of pixels: {pct(np.median(score), 0)} for the median field, against
{pct(np.median(score_start), 0)} for the random weights the fields started from; {twice} of
the {len(fields)} fields hold at least twice that starting share.

Readable one by one, though, they are not the model. The network was never asked to make a
neuron mean one thing, and each class score is a mix of all {len(fields)} neurons, so what
it knows lives in the combination. Here are the eight most concentrated fields; the score is
a guide, not a definition, so look at each.
""")

# %% slideshow={"slide_type": "fragment"}
strongest = np.argsort(-score, kind="stable")[:8]
fig = show_digits(fields[strongest], titles=[f"neuron {j}\n{score[j]:.0%} in 5 %" for j in strongest],
                  vmin=None, size=1.5, ncols=8, suptitle="The most concentrated receptive fields")
show(fig, alt=f"The eight most concentrated receptive fields, of neurons "
              f"{', '.join(str(j) for j in strongest)}, with {pct(score[strongest[-1]], 0)} to "
              f"{pct(score[strongest[0]], 0)} of their weight in their strongest 5 % of pixels: each "
              f"is mainly one short stroke at one place and angle, with the other colour beside it.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Some neurons may have learnt (almost) nothing. A ReLU neuron whose weighted sum is
# negative for every training digit outputs 0 for all of them, so no gradient reaches its
# weights through it: such a *dead* neuron stops learning, and its field stays close to
# the random weights it started from. We look for dead neurons and compare each field
# with its starting weights (`make_mlp` with the same random seed rebuilds the untrained
# network):

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.training import as_tensor_images

with torch.no_grad():
    hidden = mlp[:3](as_tensor_images(data.x_train)).numpy()  # Flatten, Linear, ReLU: (4000, 100)
dead = np.flatnonzero((hidden == 0).all(axis=0))
kept = np.array([np.corrcoef(f.ravel(), f0.ravel())[0, 1] for f, f0 in zip(fields, start)])
alive = np.setdiff1d(np.arange(len(fields)), dead)
print(f"{len(dead)} of {hidden.shape[1]} hidden neurons are 0 for every training digit: {dead.tolist()}")
print("correlation of a field with its starting weights: "
      + (f"dead neurons {kept[dead].mean():.2f} on average, the others " if len(dead) else "all of them ")
      + f"{kept[alive].mean():.2f} on average")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
dead_text = (f"{len(dead)} of the {len(fields)} neurons are dead, and their fields correlate "
             f"{kept[dead].mean():.2f} with the starting weights, the others only "
             f"{kept[alive].mean():.2f}" if len(dead) else
             f"none of the {len(fields)} neurons is dead here, but the idea holds")
md(f"""
**Say:** the course's network, 100 ReLU neurons trained on moved and distorted digits:
{pct(test_acc)} of the test digits, {pct(train_acc)} of the training digits: a gap of
{abs(gap):.1f} points, {abs(gap) / se_gap:.1f} standard errors. Each hidden neuron's 784
weights are its receptive field. None is a digit; many are a stroke or an edge at one place
(the median field holds {pct(np.median(score), 0)} of its weight in its strongest 5 % of
pixels, {pct(np.median(score_start), 0)} at the random start), and every class score mixes
all of them.

**Ask:** a ReLU neuron that is 0 for every training digit gets no gradient. What does its
field look like after training? **Expect:** almost its random starting weights: {dead_text}.
""")

# %% [markdown] slideshow={"slide_type": "subslide"}
# The same reasoning holds for single pixels. By BP4 (chapter 2), the
# gradient of a first-layer weight is a sum over the digits of δ_j x_p: the neuron's
# error times the pixel's value. A pixel that is 0 in every digit gets a gradient of
# exactly 0, and its weights never move. Here is that check on the trained network,
# with the gradient of the loss over all 4,000 training digits:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
first = next(m for m in mlp.modules() if isinstance(m, torch.nn.Linear))  # the 784 -> 100 layer
loss = torch.nn.functional.cross_entropy(mlp(as_tensor_images(data.x_train)),
                                         torch.as_tensor(data.y_train))
(grad,) = torch.autograd.grad(loss, first.weight)
blank = (data.x_train == 0).all(axis=0).ravel()           # no ink in any training digit
moved = np.abs(fields - start).reshape(len(fields), 784).max(axis=0)  # per pixel, over neurons
still = moved < 0.01 * np.abs(start).max()                # moved by < 1 % of the starting scale
others, blank_grad = blank & ~still, grad.abs().numpy()[:, blank].max()
print(f"{blank.sum()} pixels are 0 in every training digit; largest gradient of their weights: {blank_grad}")
print(f"{(still & blank).sum()} of them kept their starting weights (to 1 % of the starting scale)")
print(f"largest change of a pixel's weights, median: {np.median(moved[others]) if others.any() else 0:.2f} "
      f"for the other blank pixels, {np.median(moved[~blank]):.2f} for pixels with ink")

# %% [markdown] slideshow={"slide_type": "subslide"}
# But the network never saw the training digits as they are: it trained on moved and
# distorted copies. How much ink do those put on the blank pixels, and how large are the
# gradients it gives their weights?

# %% slideshow={"slide_type": "fragment"}
from course.training import augment_digits

labels = torch.as_tensor(data.y_train)
copies = augment_digits(torch.as_tensor(X_train, dtype=torch.float32), torch.Generator().manual_seed(0),
                        MLP_CONFIG.augment, labels=labels)   # one epoch's copies, (4000, 784)
inked = (copies.numpy()[:, blank] > 0.05).mean(axis=0)   # per blank pixel: share of copies with ink
loss = torch.nn.functional.cross_entropy(mlp(copies), labels, label_smoothing=MLP_CONFIG.label_smoothing)
(grad_copies,) = torch.autograd.grad(loss, first.weight)
size = grad_copies.abs().mean(axis=0).numpy()           # per pixel: mean over the 100 neurons
grad_ratio = np.median(size[blank]) / np.median(size[~blank])
print(f"a blank pixel has ink in {np.median(inked):.1%} of the copies (median over the {blank.sum()} pixels)")
print(f"gradient of a blank pixel's weights on the copies, median: {grad_ratio:.2f} × that of a pixel with ink")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
rows, cols = np.indices((28, 28))
edge = np.minimum.reduce([rows, cols, 27 - rows, 27 - cols]).ravel()  # 0 on the frame's edge
n_kept = int((still & blank).sum())
move_ratio = np.median(moved[others]) / np.median(moved[~blank]) if others.any() else 0.0
optimiser = "AdamW, a version of Adam," if MLP_CONFIG.optimizer == "adamw" else MLP_CONFIG.optimizer
adam = (f"Yet they moved {move_ratio:.2f} times as far ({np.median(moved[others]):.2f} against "
        f"{np.median(moved[~blank]):.2f}): {optimiser} scales each weight's step by the typical size of "
        "its own gradient, so small gradients still give steps of nearly full size."
        if move_ratio > 2 * grad_ratio else f"They moved less, too: {move_ratio:.2f} times as far.")
md(f"""
The {blank.sum()} blank pixels all lie within {edge[blank].max() + 1} pixels of the frame's edge.
On the training digits the gradient of their weights is
{"exactly 0" if blank_grad == 0 else f"{blank_grad:.1g}"}, so trained on those alone they would
keep their random start; {"none of them did" if n_kept == 0 else f"{n_kept} of them did"}. The
moved and distorted copies put ink on a blank pixel in {pct(np.median(inked))} of the digits (the
median): their weights get gradients, but small ones, {grad_ratio:.2f} times those of pixels
with ink. {adam} Either way, the edge's weights were shaped by little real ink: keep that in
mind for the saliency maps below.
""")


# %% [markdown] slideshow={"slide_type": "slide"}
# ## Which digits does it confuse? The confusion matrix
#
# Row i, column j of the confusion matrix counts the test digits labelled i that the
# network called j. The diagonal holds the correct answers; everything else is a mistake.
# The colour shows only the mistakes, so that they are not drowned by the diagonal.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Your turn.** Write the confusion matrix. `confusion_counts(y_true, y_pred)` gets two
# arrays of n labels 0..9, the true ones and the predicted ones, and returns a (10, 10)
# array of whole-number counts, where entry `[i, j]` counts the digits labelled i that
# were predicted as j. `check` tries it on labels it has not shown you, including some
# where a class never occurs, a single digit, and thousands of digits.
#
# <details><summary>Hint</summary>
#
# Start from a (10, 10) array of zeros that can hold counts above 255, walk through the
# pairs with `zip(y_true, y_pred)`, and add 1 to one cell for each. Which label picks the
# row?
# </details>

# %% slideshow={"slide_type": "-"}
def confusion_counts(y_true, y_pred):
    raise NotImplementedError  # replace this line with your code


check("ch03.confusion_counts", confusion_counts)

# %% slideshow={"slide_type": "fragment"}
confusion_counts = use("ch03.confusion_counts", confusion_counts)

# %% slideshow={"slide_type": "subslide"}
from course.interpret import most_confused_pairs

predicted = predict(mlp, data.x_test)
cm = confusion_counts(data.y_test, predicted)  # (10, 10): row = label, column = answer
mistakes_only = cm.copy()
np.fill_diagonal(mistakes_only, 0)
fig, ax = plt.subplots(figsize=(6, 5.2))
im = ax.imshow(mistakes_only, cmap="Reds")
for i in range(10):
    for j in range(10):
        ax.text(j, i, cm[i, j], ha="center", va="center",
                color="0.35" if i == j else ("white" if cm[i, j] > mistakes_only.max() / 2 else "black"))
ax.set(xticks=range(10), yticks=range(10), xlabel="predicted class", ylabel="true class (label)",
       title=f"Confusion matrix of the network on the {int(cm.sum()):,} test digits")
fig.colorbar(im, ax=ax, fraction=0.046, label="number of mistakes", ticks=plt.MaxNLocator(integer=True))
top_i, top_j = np.unravel_index(mistakes_only.argmax(), cm.shape)
show(fig, alt=f"Confusion matrix of the network on the {int(cm.sum()):,} test digits, the true class "
              f"down the rows and the predicted class along the columns, each cell with its count: "
              f"the diagonal holds the {int(np.trace(cm)):,} right answers, the {int(mistakes_only.sum())} "
              f"mistakes are shaded red, the largest cell {top_i} → {top_j} with {mistakes_only.max()}.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
n_mistakes = int(cm.sum() - np.trace(cm))
pairs = most_confused_pairs(cm, k=3, ordered=False)
print(f"{n_mistakes} mistakes on {int(cm.sum())} test digits.")
print("most frequent mistakes (label -> prediction: how many):")
for true, pred, count in most_confused_pairs(cm, k=5):
    print(f"  {true} -> {pred}: {count}")
print("pairs mixed up most often, either way:", ", ".join(f"{a} and {b} ({n})" for a, b, n in pairs))

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
top_share = sum(n for _, _, n in pairs) / n_mistakes
md(f"""
The mistakes are not spread evenly over the 45 pairs of classes: the three pairs printed
last take {pct(top_share, 0)} of them. Which strokes does each of these pairs share? With only {n_test // 10} test digits per class, a count of 2 or 4 is a handful
of digits, so read the order of the smaller counts loosely.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** row = true label, column = the network's answer; colour shows only the mistakes.
{n_mistakes} mistakes on {int(cm.sum()):,} test digits.

**Do:** for `confusion_counts`, try `counts[y_true, y_pred] += 1` live: `check` explains why
numpy counts a repeated pair only once.

**Ask:** which pairs of digits do you expect it to mix up? **Expect:** the printout's
{", ".join(f"{a} and {b} ({n} mix-ups)" for a, b, n in pairs)}; ask the room which strokes each
pair shares. With {n_test // 10} digits per class, read small counts loosely.
""")

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
for i in worst[:6]:
    print(f"test digit {i:4d}: label {data.y_test[i]}, network says {probs[i].argmax()} "
          f"({probs[i].max():.1%}); its probability for the label: {probs[i, data.y_test[i]]:.1%}")

# %% slideshow={"slide_type": "subslide"}
fig = show_digits(data.x_test[worst],
                  titles=[f"{data.y_test[i]} → {probs[i].argmax()} ({probs[i].max():.1%})" for i in worst],
                  ncols=6, size=1.9, suptitle="The network's 12 most confident mistakes: "
                                              "label → answer (its probability)")
fig.subplots_adjust(hspace=0.3)
show(fig, alt=f"The network's {len(worst)} most confident mistakes, each test digit titled with its "
              f"label, the network's answer and that answer's probability: "
              + "; ".join(f"{'an' if data.y_test[i] == 8 else 'a'} {data.y_test[i]} called {probs[i].argmax()} "
                          f"({pct(probs[i].max())})" for i in worst)
              + ".")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
sure_wrong, sure_right = (wrong & sure).mean() / wrong.mean(), sure[~wrong].mean()
md(f"""
Look at them before blaming the network: which would a person hesitate over too, and which
are clear digits it got wrong? Whether some are simply labelled wrongly we cannot tell from
here; MNIST is known to hold a few such digits, and on those a "mistake" is the network
being right. And confident mistakes are rare: {"none" if sure_wrong == 0 else pct(sure_wrong, 0)} of the
wrong answers {"comes" if sure_wrong == 0 else "come"} with a probability above 90 %, against
{pct(sure_right, 0)} of the right ones. A low
probability is a useful warning light.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
w0 = int(worst[0])
md(f"""
**Say:** the network gives every answer a probability. Its most confident mistake: test
digit {w0}, a {data.y_test[w0]} it calls a {probs[w0].argmax()} with {pct(probs[w0].max())}.
Look at the gallery before blaming the network: some are digits a person would hesitate
over, some are plain network mistakes.

**Ask:** should a low probability make us suspicious? **Expect:** yes: of the
{int(wrong.sum())} wrong answers {"none is" if not (wrong & sure).any() else f"only {int((wrong & sure).sum())} are"} above 90 % and
{int((wrong & (probs.max(axis=1) < 0.5)).sum())} below 50 %, while {pct(sure_right)} of the
{int((~wrong).sum())} right answers are above 90 %.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Saliency: which pixels made the decision?
#
# For a single digit we can ask: if the ink at pixel p were a little darker, how much
# would the score of class c change? That is the derivative $\partial s_c / \partial x_p$,
# one number per pixel, computed for all 784 at once by backpropagation. The 28 × 28
# picture of these derivatives is a **saliency map**. We take the derivative of the
# score $s_c$ (the logit, before the softmax), not of the probability: the probability of
# a confident answer barely moves, which hides everything.

# %% [markdown] slideshow={"slide_type": "subslide"}
# PyTorch's *autograd* does the backpropagation of chapter 2 for us, down to the pixels.
# It needs three things:
#
# * a tensor of the pixels as the network takes them: a batch of one digit, shape
#   (1, 784), float32, values in [0, 1]. Calling `.requires_grad_(True)` on a tensor tells
#   autograd to record everything computed from it;
# * one number to differentiate. The network's output `model(x)` has shape (1, 10): a row
#   per digit of the batch, a column per class;
# * `.backward()` on that number runs backpropagation and leaves the derivatives in the
#   `.grad` of every tensor that requires them, with that tensor's shape.
#
# On a toy: for `t = torch.tensor([2.0, 3.0]).requires_grad_(True)`, the product
# `(t[0] * t[1]).backward()` leaves `t.grad` = [3., 2.], the derivatives by $t_0$ and $t_1$.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Your turn.** Write `saliency_map(model, image, c)`: the saliency map
# $\partial s_c / \partial x$ of class c for one digit. `model` is a torch network like
# `mlp`, `image` one digit, (28, 28) uint8, and `c` a class 0..9. It returns the 784
# derivatives as a (28, 28) array, each at its pixel's place. `check` tries it on networks
# and digits it has not shown you.
#
# <details><summary>Hint</summary>
#
# Make the tensor from `image / 255.0` with `torch.tensor(..., dtype=torch.float32)` and
# reshape it; `.numpy()` turns a tensor back into an array.
# </details>

# %% slideshow={"slide_type": "-"}
def saliency_map(model, image, c):
    raise NotImplementedError  # replace this line with your code


check("ch03.saliency_map", saliency_map)

# %% slideshow={"slide_type": "fragment"}
saliency_map = use("ch03.saliency_map", saliency_map)
print("one map per digit and class, of shape", saliency_map(mlp, data.x_test[0], 3).shape)

# %% [markdown] slideshow={"slide_type": "subslide"}
# The course's `course.interpret.saliency` does the same (it also accepts other image
# formats, picks the predicted class when none is given, and multiplies by the input on
# request). On five test digits and three classes each, the two agree:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.interpret import saliency

diff = max(np.abs(np.asarray(saliency_map(mlp, data.x_test[i], c)) - saliency(mlp, data.x_test[i], c)).max()
           for i in range(5) for c in (0, 4, 9))
print(f"largest difference from course.interpret.saliency below 1e-6: {diff < 1e-6}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# For the network the map changes from digit to digit, because which ReLUs are on
# depends on the digit. (What would it look like for the linear classifier? Exercise 2
# asks.) We show two versions: the **gradient** itself (red: more ink here would raise
# the score, blue: lower it; it is defined on empty paper too) and **gradient × input**,
# the gradient multiplied by the pixel value, which is non-zero only where there is ink
# and says how much each inked pixel contributed. Each map has its own colour scale.

# %% slideshow={"slide_type": "subslide"}
examples = [int(np.flatnonzero(data.y_test == c)[0]) for c in range(10)]  # the first of each class
grads = np.stack([saliency_map(mlp, data.x_test[i], int(predicted[i])) for i in examples])
contribs = np.stack([saliency(mlp, data.x_test[i], method="gradient_x_input") for i in examples])
per_map = lambda maps: maps / np.abs(maps).max(axis=(1, 2), keepdims=True)  # each map to [-1, 1]
fig = show_digits(data.x_test[examples], titles=[f"says {p}" for p in predicted[examples]], size=1.3, ncols=5,
                  suptitle="Ten test digits and the network's answer")
fig.subplots_adjust(hspace=0.3)
show(fig, alt=f"Ten test digits, the first of each class 0 to 9, each titled with the network's "
              f"answer: {int((predicted[examples] == data.y_test[examples]).sum())} of the 10 answers are right.")
fig = show_digits(per_map(grads), titles=[f"∂s_{p}/∂x" for p in predicted[examples]], vmin=None,
                  size=1.3, ncols=5, suptitle="Saliency: gradient of the predicted class's score")
fig.subplots_adjust(hspace=0.3)
show(fig, alt="The saliency maps of these ten digits: the gradient of the predicted class's score "
              "with respect to each pixel, red where more ink would raise the score, blue where it "
              "would lower it, each map on its own scale. They are busy all over the frame, far "
              "from the strokes and up to the edges.")
fig = show_digits(per_map(contribs), titles=[f"∂s_{p}/∂x · x" for p in predicted[examples]], vmin=None,
                  size=1.3, ncols=5, suptitle="Saliency: gradient × input")
fig.subplots_adjust(hspace=0.3)
show(fig, alt="The same maps multiplied by each digit's pixel values (gradient × input): non-zero "
              "only on the strokes, red where the ink pushed the predicted class's score up, blue "
              "where it argued against the answer.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# The plain gradient is hard to read. It is large all over the frame, also far from the
# strokes and right up to the edges, where the training digits have little or no ink
# (chapter 1): it says how the score would react to ink added *anywhere*, and the
# weights from the edge pixels were shaped by little or no real ink (the check above).
# How much of each map's weight (sum of squares) lies in the 4-pixel border:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
border = np.ones((28, 28), dtype=bool)
border[4:24, 4:24] = False  # the outer 4 pixels on each side: 49 % of the frame
share = (grads[:, border] ** 2).sum(axis=1) / (grads ** 2).sum(axis=(1, 2))
ink_share = X_test[:, border.ravel()].sum() / X_test.sum()
print(f"border share of the gradient's squared size, ten digits: {share.min():.0%} to {share.max():.0%} "
      f"(the border is {border.mean():.0%} of the pixels and holds {ink_share:.1%} of the test digits' ink)")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
md(f"""
The border, with {pct(ink_share)} of the ink, gets {pct(share.min(), 0)} to {pct(share.max(), 0)}
of the gradient's squared size (median {pct(np.median(share), 0)}):
{"as much as its share of the frame or more" if np.median(share) >= border.mean() else "nearly as much as its share of the frame" if np.median(share) >= 0.8 * border.mean() else "less than its share of the frame"}
({pct(border.mean(), 0)}), and far more than its share of the ink.
Gradient × input is easier to read, because it keeps only the inked pixels: it shows which
parts of the strokes pushed the score up (red) and which argued against the answer (blue).

Explore it yourself. The explorer opens on the network's most confident mistake. Use the
buttons to explain the score of another class than the predicted one (the label, say) and
compare the two maps; move the slider to pick another test digit.
""")

# %% slideshow={"slide_type": "subslide"}
from course.widgets import SaliencyExplorer

SaliencyExplorer(mlp, data.x_test, data.y_test, index=int(worst[0]))

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** the saliency map is ∂s_c/∂x_p, how the class score reacts to a little more ink at
each pixel, for all 784 pixels at once by backprop: five lines with autograd, equal to the
course's `saliency`. For the network it changes with the digit. Gradient × input keeps only
the inked pixels.

**Ask:** the border holds {pct(ink_share)} of the test digits' ink. What share of the
gradient lies there? **Expect:** {pct(share.min(), 0)} to {pct(share.max(), 0)} for the ten
digits (the border is {pct(border.mean(), 0)} of the frame): the weights from the edge pixels were
shaped by little or no real ink, so the network's reaction to ink there means little.

**Do:** give the room a few minutes for `saliency_map` before the maps; `check` names the
usual slips (the probability instead of the score, the predicted class instead of c).
Then the explorer opens on digit {w0} ({data.y_test[w0]} → {probs[w0].argmax()}); switch
"explain" to the label {data.y_test[w0]} and compare the two maps; then slide to another digit.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## What this tells us

# %% slideshow={"slide_type": "-"} jupyter={"source_hidden": true}
best_linear = max(linear_acc.values())
md(f"""
* A **linear classifier** is fully readable: its templates are the whole model. They are
  not pictures of digits but of *differences* between digits. One template per class
  cannot cover all the ways people write a digit, one reason why the best linear
  classifier here reads {pct(best_linear)} of the test digits and the network
  {pct(test_acc)}.
* A **network's neurons** can be read only part of the way. Many first-layer neurons
  look like detectors of a stroke at one place (the median field holds
  {pct(np.median(score), 0)} of its weight in its strongest 5 % of pixels, against
  {pct(np.median(score_start), 0)} at the random start), but none is a digit, and every
  class score mixes all of them: what the network knows lives in the combination. A
  weight learns only from ink at its pixel, so the border's weights were shaped by the
  little ink the moved and distorted training copies put there.
* The **mistakes** gather on a few pairs of digits, and the most confident ones are
  worth looking at one by one. Accuracy alone does not tell you that; looking does.
* **Saliency** answers a narrower question than "why": it says which pixels the score is
  sensitive to *at this digit*, a local, linear view of a non-linear function. The same
  gradient is also the tool for fooling a network, which chapter 5 does.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** the four lessons: a linear classifier is readable, its templates are differences
between digits; a network's neurons only partly: many first-layer fields are stroke
detectors, but the knowledge lives in their combination, and a weight learns only from ink at
its pixel; mistakes gather on a few pairs; saliency is a local, linear view of one decision, and
the same gradient is the tool chapter 5 uses to fool a network.

**Ask:** why does a linear classifier stop short of the network? **Expect:** one template per
class cannot cover all the ways people write a digit: the best linear model here is
{pct(best_linear)}, the network {pct(test_acc)}.
""")

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
answer = None  # replace None with your answer
check("ch03.logistic_parameters", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **2.** Take the logistic regression `logreg` instead of the network. Its class-3 score
# $s_3$ has a saliency map $\partial s_3 / \partial x$ at each of the 1,000 test digits.
# How many *different* maps are there among those 1,000? Reason it out from the formula
# of the score; you need no code.
#
# <details><summary>Hint</summary>
#
# The score is $s_3(x) = w_3 \cdot x + b_3$. Differentiate it with respect to one pixel
# $x_p$: which symbols are left, and which of them change from one digit to the next?
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch03.linear_saliency", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# **3.** Of the test digits the network *calls* 9, how many are not 9s? Read it off `cm`.
#
# <details><summary>Hint</summary>
#
# Rows of `cm` are the labels, columns the network's answers. Which line of `cm` holds
# every digit called 9, and which of its cells are the real 9s?
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch03.false_nines", answer)

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.check import exercises

answers = exercises()
md(f"""
**Do:** the answers if the room is stuck: {answers["ch03.logistic_parameters"].answer:,}
numbers (10 × 784 weights + 10 biases); the logistic regression has
{answers["ch03.linear_saliency"].answer} class-3 saliency map for all the test digits: the
template w_3, whatever the digit;
{answers["ch03.false_nines"].answer} test digits are called 9 without being 9s (column 9
without its diagonal cell).

**Ask:** why is the network's saliency map different for every digit, and the linear one
not? **Expect:** the linear score's derivative is its weights; the network's depends on which
ReLUs are on, which depends on the digit.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * A linear classifier's weights are one 28 × 28 template per class; they show where
#   ink speaks for a class and where against it, learnt by contrast with the other
#   classes.
# * A network's first-layer weights are receptive fields: many look like detectors of a
#   stroke at one place, none is a digit, and a class score mixes all of them. A weight
#   gets a gradient only from ink at its pixel: without moved and distorted copies of the
#   digits, the blank border's weights would keep their random start.
# * The confusion matrix and the gallery of confident mistakes show where the network
#   fails, and that some of its "mistakes" are hard or badly written digits.
# * A saliency map, the gradient of a class score with respect to the pixels (a few lines
#   of autograd), shows which pixels one decision is sensitive to.
#
# Next: **04 · Eigen-digits**.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** templates show where ink speaks for and against a class; a network's first layer
# holds many stroke detectors, and a weight learns only from ink at its pixel; the confusion
# matrix and the confident mistakes show where it fails; saliency shows what one decision is
# sensitive to. Next: eigen-digits.
