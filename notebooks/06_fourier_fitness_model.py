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
# # 6 · The Fourier fitness model
#
# A model with no hidden layers and no softmax, trained on just 100 digits, that
# classifies digits, flags images that are not digits, and *draws* digits by gradient
# ascent. It comes from the Fourier fitness video, which makes four claims about it. We
# build the model, compute it line by line from its formula, and measure each claim:
# which ones hold, and by how much.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a referee's report on a stranger's model: one formula, four claims, and our job is
# to turn each claim into a number. The surprise to build towards: the images that maximise
# its scores really do look like digits.
#
# **Ask:** a model trained on 100 digits: what held-out accuracy do you expect, next to the
# high nineties of chapter 2's network trained on thousands? **Expect:** far lower; we will
# compare it with the simplest rival trained on the same 100 digits.

# %% slideshow={"slide_type": "skip"}
import matplotlib.pyplot as plt
import numpy as np

from course import fourier_model as fm
from course.check import check, hint, use
from course.data import load_mnist
from course.interpret import confusion_matrix
from course.plotting import LINE_STYLES, show, show_digits
from course.prose import md, pct, span

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The model in words
#
# For an image x, take its 2-D Fourier transform F x F, keep only the size of each
# frequency (not its phase) and drop the zero frequency (the total ink): 784 numbers
# s(x). Then mix them with 784 small matrices B_j into one 10 × 20 matrix, and apply it
# to the 20 numbers A·x. The result is one score per class:
#
# $$ y(x) = \Big(\sum_{j=1}^{784} s_j(x)\, B_j\Big)\, A\, \mathrm{vec}(x), \qquad
#    s(x) = \big|\mathrm{red}(\mathrm{vec}(F x F))\big| .$$
#
# Training maximises the **fitness** on digits $D_i$ with labels $c_i$:
#
# $$ \frac1{100}\sum_i \log\big|y_{c_i}(D_i)\big| \;-\; \tfrac12\log\|A^\top A\|
#    \;-\; \tfrac14 \log\|Z^2\|, \qquad Z = \sum_j B_j^\top B_j .$$
#
# The first term wants each digit's *own* class score large; the two norm terms stop
# that from being done by just making A and B bigger.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** read the formula slowly; point at the absolute value (entry by entry, on the
# Fourier term) and at red(), which drops the zero frequency.
#
# **Ask:** the fitness only looks at y_{c_i}, the score of the right class. What does it *not*
# do that a cross-entropy loss would? **Expect:** it never pushes the wrong classes' scores
# down; each class row of B is trained only by its own digits.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Reading the formula: two things that need interpreting.**
#
# 1. The video prints its classifier as $g_k(x) = |\langle(\sum_j B_j\, |\mathrm{red}(
#    \mathrm{vec}(F D_k F))|_j) A\,\mathrm{vec}(x), v_k\rangle| / \|x\|^3$, with a training
#    digit $D$ inside the Fourier term. We read x there: $g_k(x) = |y_k(x)| / \|x\|^3$, the
#    score the model was trained to make large. Two other readings exist. Keeping a training
#    digit there makes $g_k$ blind to the Fourier sizes of the image it classifies. Squared
#    sizes $|F x F|^2$ are a third reading; but the fitness, the model's training, uses
#    $|F x F|$, and $g_k$ must use the features the model was trained with.
# 2. ‖·‖ is the Frobenius norm (Julia's `norm` of a matrix, the video's notation; smooth).
#    The fitness is unchanged by $A \to cA$, $B \to c'B$ and by $A \to GA$,
#    $B_j \to B_j G^\top$ for any orthogonal G, but not for a general invertible G. So
#    "training gives the same tuple" can only mean the same *invariants*: we compare the
#    g values, after scaling every model to $\|A A^\top\| = \|Z^2\| = 1$.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Exercise.** Does $g_k$ have a largest value? Start with a smaller question: multiply an
# image x by 2. By what factor does $g_k(x) = |y_k(x)| / \|x\|^3$ change? Follow each
# piece of the formula: s(x), A·vec(x) and $\|x\|^3$.
#
# <details><summary>Hint</summary>
#
# s(x) is a list of sizes of a linear transform of x; A·vec(x) is linear in x. How does
# each change when x doubles, and how does $\|2x\|^3$ compare with $\|x\|^3$?
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch06.degree", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# Whatever that factor is, it is not 1: scaling an image changes $g_k$, so a search
# could make $g_k$ as large as it likes by scaling alone, and "maximise $g_k$" has no
# answer. We fix the scale instead: we maximise $|y_k|$ on the unit sphere
# $\|x\| = 1$, where it equals $g_k$.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the numerator is quadratic in x (s(x) and A·x both double when x doubles), the
# denominator cubic, so g_k halves when x doubles. That is the whole reason we maximise on
# the sphere.
#
# **Ask:** before anyone computes: does g_k get larger or smaller when the image gets
# darker? **Expect:** larger when it gets fainter: g_k has degree −1, so the faintest image
# wins, and a maximum exists only once the length of x is fixed.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **The 100 digits.** The video trains on the first 100 digits of full MNIST. Those hold
# every class, but not equally many of each, and so do the first 100 bundled digits
# (printed below). We keep the video's total but take **the first 10 digits of each
# class**, so that every class's scores are trained on as many digits as every other's.
# The 1,000 bundled test digits are held out.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
data = load_mnist("bundled", verbose=False)
x100, y100 = fm.first_per_class(data.x_train, data.y_train, per_class=10)
x_held, y_held = data.x_test, data.y_test
print("first 100 bundled training digits, per class:", np.bincount(data.y_train[:100]).tolist())
print("the 100 we train on, per class:              ", np.bincount(y100).tolist())
print("held-out digits, per class:                  ", np.bincount(y_held).tolist())

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the video's first 100 digits are not 10 per class, and neither are ours: the
# printout shows the counts. We take 10 of each class, so no class is trained on fewer
# digits than another; the held-out digits are all the bundled test digits, 100 per class.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## s(x) in code
#
# F is the 28 × 28 discrete Fourier transform (DFT) matrix, $F_{ab} = e^{-2\pi i\,ab/28}$
# for a, b = 0, ..., 27, and F x F is the 2-D DFT of the image x: `np.fft.fft2(x)`
# computes it, for every image of a stack (n, 28, 28) at once (it transforms the last two
# axes). vec() flattens the 28 × 28 result into 784 numbers; numpy's `reshape` goes row by
# row (Julia's `vec`, the video's, column by column: the model learns one $B_j$ per
# position, so the order is only a relabelling, but it must be the same everywhere).
# red() sets the first of the 784, the zero frequency, to 0, and |·| takes the size of
# each complex number.

# %% slideshow={"slide_type": "fragment"}
k = np.arange(28)
F = np.exp(-2j * np.pi * np.outer(k, k) / 28)        # F[a, b] = e^(−2πi ab/28)
digit = x100[0] / 255
print("F x F equals np.fft.fft2(x) for the first training 0:",
      np.allclose(F @ digit @ F, np.fft.fft2(digit)))

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Exercise.** Write `fourier_features(images)`: for n images (n, 28, 28) of floats, the
# features s(x) of each, as an array (n, 784). `check` runs it on digits it has not shown
# you; the cells after it use your function once it passes.
#
# <details><summary>Hint</summary>
#
# Four steps: the transform of every image, the sizes (`np.abs`), 784 numbers per image
# (`reshape`), and red(). `hint("ch06.fourier_features")` says more.
# </details>

# %% slideshow={"slide_type": "-"}
def fourier_features(images):
    raise NotImplementedError  # replace this line with your code


check("ch06.fourier_features", fourier_features)

# %% slideshow={"slide_type": "fragment"}
fourier_features = use("ch06.fourier_features", fourier_features)
five = fourier_features(x100[:5] / 255)
print(f"s(x) of five training digits: shape {five.shape}; equal to the course's "
      f"fourier_model.fourier_features: {np.allclose(five, fm.fourier_features(x100[:5]).numpy())}")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** give the room a few minutes; then write a version that keeps the zero frequency
# live and show that `check` names the mistake.
#
# **Ask:** np.fft.fft2 or F @ x @ F: which would you use for 100 images, and why?
# **Expect:** either gives the same numbers; fft2 takes about 28 · 28 · log 28 steps per
# image instead of two 28 × 28 matrix products, and it transforms a whole stack at once.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## What |F x F| keeps, and what it forgets
#
# s(x) is the size of each frequency, |F x F|. Below: five training digits and their
# |F x F| (log scale, zero frequency moved to the centre).

# %% slideshow={"slide_type": "fragment"}
fig, axes = plt.subplots(2, 5, figsize=(11, 4.6))
for col, i in enumerate([0, 1, 2, 3, 7]):
    xi = x100[i].astype(float) / 255
    spectrum = np.fft.fftshift(np.abs(np.fft.fft2(xi)))
    axes[0, col].imshow(xi, cmap="gray_r")
    axes[0, col].set_title(f"digit {y100[i]}")
    axes[1, col].imshow(np.log1p(spectrum), cmap="magma")
    axes[1, col].set_title("log(1 + |F x F|)")
    for ax in axes[:, col]:
        ax.set_xticks([]), ax.set_yticks([])
axes[1, 0].set_ylabel("frequency (centred)")
fig.suptitle("Training digits and the size of their Fourier transforms")
fig.tight_layout()
show(fig, alt=f"Top: five training digits, {', '.join(str(y100[i]) for i in [0, 1, 2, 3, 7])}. "
              "Bottom: the size of each one's Fourier transform on a log scale, bright where "
              "large, zero frequency in the centre: a bright centre fading outwards, a bright "
              "band across the strokes' direction for the 1 and the 7, rings for the 0.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# The video says |F x F| stays the same when an image is turned upside down or left to
# right. We test it on one digit, moved in four ways (a circular shift moves the digit and
# wraps what leaves one edge round to the other; MNIST digits have blank margins).

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
x0 = x100[0].astype(float) / 255
size = lambda img: np.abs(np.fft.fft2(img))          # |F x F|
moved = {"shifted 2 down, 3 right": np.roll(x0, (2, 3), axis=(0, 1)),
         "turned 180° (both flips)": x0[::-1, ::-1],
         "mirrored left to right": x0[:, ::-1],
         "flipped upside down": x0[::-1, :]}
change = {}
for name, img in moved.items():
    change[name] = np.abs(size(img) - size(x0)).max() / size(x0).max()
    print(f"{name:25} largest change of |F x F|: {'< 1e-12' if change[name] < 1e-12 else f'{change[name]:.2f}'}"
          f" of its largest entry")
reversed_columns = size(x0)[:, (-np.arange(28)) % 28]        # frequency k -> -k, across
print("the mirrored digit's |F x F| is the original's with its column frequencies reversed:",
      np.allclose(size(moved["mirrored left to right"]), reversed_columns))

# %% [markdown] slideshow={"slide_type": "subslide"}
# So the video's remark holds for a half turn (both flips together) and for shifts, but
# not for a single flip: mirroring the image reverses the frequencies along one axis, a
# reshuffle of the 784 numbers, and s(x) changes. What s(x) really builds in is
# **translation invariance**: a digit written a little higher or further left has exactly
# the same s(x). That is the model's main built-in property, and it is only half the
# model: A·vec(x) sees where the pixels are. Shift every held-out digit two pixels to the
# right and see what the trained model makes of it (below, after training).

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
flip = change["mirrored left to right"]
md(f"""
**Say:** a shift and a half turn leave |F x F| unchanged (differences below 1e-12); a
single mirror or flip changes it by up to {flip:.2f} of its largest entry, because it
reverses the frequencies along one axis (the check printed True). The property built into
s(x) is translation invariance.

**Ask:** the video says |F x F| is the same for an image turned upside down. True?
**Expect:** only for a half turn, upside down *and* left to right; a single flip permutes
the spectrum. And a 6 turned by a half turn looks like a 9: s(x) cannot tell them apart.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The fitness in code
#
# Training will make the fitness large, so first write it. In code, the scores of n
# training digits are one array Y (n, 10): row i holds $y_0(D_i), \dots, y_9(D_i)$. The
# labels $c_i$ are an array (n,) of whole numbers, A is (h, 784) (h = 20 here), and the
# 784 matrices $B_j$ (10 × h) are one array B (784, 10, h): `B[j]` is $B_j$. The norm of
# a matrix is the Frobenius norm, `np.linalg.norm(M)`.
#
# **Exercise.** Write `fitness(Y, labels, A, B)`: the fitness, one number,
# $\frac1n\sum_i \log|y_{c_i}(D_i)| - \tfrac12\log\|A^\top A\| - \tfrac14\log\|Z^2\|$,
# $Z = \sum_j B_j^\top B_j$.
#
# <details><summary>Hint</summary>
#
# One score per digit: row i, column `labels[i]` (fancy indexing with two index arrays).
# Z is h × h. `hint("ch06.fitness")` says more.
# </details>

# %% slideshow={"slide_type": "-"}
def fitness(Y, labels, A, B):
    raise NotImplementedError  # replace this line with your code


check("ch06.fitness", fitness)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** three terms: each digit's own score, on a log scale, and two norms that undo any
# gain from simply making A or B bigger.
#
# **Ask:** what happens to the fitness when A is multiplied by 10? **Expect:** nothing: every
# score grows 10 times (log 10 more in the first term), and ‖AᵀA‖ grows 100 times (½ log 100 =
# log 10 more subtracted).

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Training
#
# We maximise the fitness with L-BFGS (a quasi-Newton method: gradient ascent that
# estimates the curvature from its last 5 steps), 4 rounds of 100 iterations, rescaling A
# and B between rounds (the scale symmetry allows it), in float64 on one thread, from a
# random start with positive entries, as the video does.
#
# One shortcut makes it fast: the data term only sees A through the span of the 100
# training images, and class k's rows of the B_j through the span of the spectra of the
# 10 digits of class k (it only looks at each digit's own class score); anything outside
# those spans only makes the norms bigger. So the best (A, B) lies inside them, and we
# optimise 4,000 numbers instead of 172,480 (`reduce=False` does the video's full
# version; it climbs to the same height, slower). Trained models are kept in the model
# cache, so a second run of the notebook reuses them.

# %% slideshow={"slide_type": "fragment"}
model, cached = fm.cached_train_fourier(x100, y100, fm.FitConfig(seed=0), progress=True)
print(f"training took {model.seconds:.1f} s ({'reused from the cache' if cached else 'just trained'})")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "-"}
print(f"final fitness {model.curve[-1]:.4f} after {len(model.curve)} iterations")

# %% slideshow={"slide_type": "fragment"}
fitness = use("ch06.fitness", fitness)
mine = fitness(model.scores(x100), y100, model.A.numpy(), model.B.numpy())
print(f"fitness() of the trained A and B on the 100 digits: {mine:.4f} "
      f"({'the same as' if abs(mine - model.curve[-1]) < 1e-6 else 'not'} training's last value)")

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(7, 3.2))
ax.plot(np.arange(1, len(model.curve) + 1), model.curve)
ax.set_ylim(model.curve[0] - 0.2, model.curve[-1] + 0.1)
ax.set_xlabel("L-BFGS iteration")
ax.set_ylabel("fitness")
ax.set_title("The fitness over training (positive start, random seed 0)")
show(fig, alt=f"The fitness over {len(model.curve)} L-BFGS iterations: it climbs steeply from "
              f"{model.curve[0]:.2f} in the first few dozen iterations, then stays flat near "
              f"its final {model.curve[-1]:.4f}.")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
flat = int(np.argmax(model.curve >= model.curve[-1] - 0.01)) + 1
md(f"""
**Say:** the curve is within 0.01 of its end after {flat} iterations; the rest polishes the
last decimals, which the determinism test needs.

**Ask:** why may we rescale A and B in the middle of training? **Expect:** the fitness does
not change when A or B is multiplied by a number, so rescaling changes nothing that matters.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The classifier g_k, line by line
#
# The whole model is $g_k(x) = |y_k(x)| / \|x\|^3$ with $y(x) = (\sum_j s_j(x) B_j)\,
# A\,\mathrm{vec}(x)$. For one image: the 784 sizes s(x), then the 10 × h matrix
# $\sum_j s_j B_j$, then the ten scores, then their sizes over $\|x\|^3$, the length of
# x as a vector of 784 pixels. `np.tensordot(s, B, axes=1)` sums `s[j] * B[j]` over j.
#
# **Exercise.** Write `g_scores(x, A, B)`: all ten $g_k(x)$ of one image x (28, 28), an
# array (10,), with A (h, 784) and B (784, 10, h) as before.
#
# <details><summary>Hint</summary>
#
# One line per step of the formula; `x.ravel()` is vec(x), row by row.
# `hint("ch06.g_scores")` says more.
# </details>

# %% slideshow={"slide_type": "fragment"}
def g_scores(x, A, B):
    raise NotImplementedError  # replace this line with your code


check("ch06.g_scores", g_scores)

# %% slideshow={"slide_type": "fragment"}
g_scores = use("ch06.g_scores", g_scores)
A, B = model.A.numpy(), model.B.numpy()
print("g_0 ... g_9 of the first held-out digit:", g_scores(x_held[0] / 255, A, B).round(2))

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
some = x_held[:5].astype(float) / 255
by_hand = np.stack([g_scores(x, A, B) for x in some])
tested = model.g(some, power=3)                    # course.fourier_model, batched in torch
gap = np.abs(by_hand - tested).max() / np.abs(tested).max()
print(f"5 held-out digits, 10 classes: largest relative difference < 1e-12: {gap < 1e-12}")
print("classes by hand:", by_hand.argmax(1).tolist(), "  by the course's model:",
      model.predict(some).tolist())

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** five lines of numpy are the whole classifier: sizes of the Fourier transform, drop
# the zero frequency, mix the B_j, apply to A·x, take the size over the cube of the norm. The
# course's version does the same for many images at once in torch; the check shows they agree.
# Show course.check's `solution("ch06.g_scores")` once the room has tried.
#
# **Ask:** which line makes g_k blind to a shift of the digit, and which line is not?
# **Expect:** the first (|F x F|) is shift-invariant; A @ x.ravel() sees pixel positions.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How well it classifies
#
# $g_k$ classifies x as the k with the largest $g_k(x)$ (the ‖x‖³ is the same for every
# k, so it does not matter here). Each class's row of B only ever sees its own 10 digits,
# and nothing in training pushes the other classes' scores down. The fair rival is the
# simplest classifier trained on **the same 100 digits**: k nearest neighbours (chapter
# 4's, in all 99 principal directions of the 100 digits, which is the plain pixel
# distance).

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.pca_classifiers import KNearestPCA

pred_train, pred_held = model.predict(x100), model.predict(x_held)
acc_train, acc_held = np.mean(pred_train == y100), np.mean(pred_held == y_held)
print(f"Fourier model: {acc_train:.1%} on its 100 training digits, {acc_held:.1%} on the "
      f"{len(y_held):,} held-out digits")
rivals = {n: KNearestPCA(k=99, n_neighbors=n).fit(x100, y100) for n in (1, 3)}
rival_right = {n: knn.predict(x_held) == y_held for n, knn in rivals.items()}
for n, right in rival_right.items():
    print(f"{n}-nearest neighbours on the same 100 digits: {right.mean():.1%} held out")
best = max(rival_right, key=lambda n: rival_right[n].mean())
ours = pred_held == y_held                # paired: the same 1,000 digits for both
diff = ours.mean() - rival_right[best].mean()
se = np.sqrt(np.mean(ours != rival_right[best]) / len(y_held))   # standard error of a paired difference
print(f"difference to the better rival: {diff:+.1%} ± {se:.1%} (one standard error) -> "
      f"{'better' if diff > 2 * se else 'worse' if diff < -2 * se else 'no clear difference'}")

# %% slideshow={"slide_type": "subslide"}
cm = confusion_matrix(y_held, pred_held)
fig, ax = plt.subplots(figsize=(7, 5.8))
im = ax.imshow(cm, cmap="Blues")
for i in range(10):
    for j in range(10):
        ax.text(j, i, cm[i, j], ha="center", va="center",
                color="white" if cm[i, j] > cm.max() / 2 else "black")
ax.set_xticks(range(10)), ax.set_yticks(range(10))
ax.set_xlabel("predicted class (largest g_k)")
ax.set_ylabel("true class")
ax.set_title("Confusion matrix on the held-out digits")
fig.colorbar(im, ax=ax, shrink=0.8)
off = cm - np.diag(np.diag(cm))
top = np.dstack(np.unravel_index(np.argsort(off, axis=None)[::-1][:2], off.shape))[0]
show(fig, alt=f"A 10 by 10 table of counts, true class down, predicted class across, darker blue "
              f"for more. The diagonal holds the right answers ({np.trace(cm)} of {cm.sum()}); "
              f"the largest mistakes are {', '.join(f'{off[i, j]} {i}s read as {j}' for i, j in top)}, "
              f"and column {off.sum(0).argmax()} collects the most mistakes ({off.sum(0).max()}).")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Back to translation invariance. Shift every held-out digit two pixels to the right: s(x)
# does not change at all, but A·vec(x) does.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
shifted = np.roll(x_held, 2, axis=2)
wrapped = x_held[:, :, -2:].astype(float).sum() / x_held.astype(float).sum()
same_s = np.allclose(fm.fourier_features(shifted).numpy(), fm.fourier_features(x_held).numpy())
acc_shifted = np.mean(model.predict(shifted) == y_held)
print(f"ink that wraps round the edge: {wrapped:.2%} of all ink; s(x) unchanged: {same_s}")
print(f"held-out accuracy: {acc_held:.1%} as written, {acc_shifted:.1%} shifted 2 pixels right; "
      f"the same class for {np.mean(model.predict(shifted) == pred_held):.1%} of the digits")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
cm_off = cm - np.diag(np.diag(cm))
worst_col = int(cm_off.sum(axis=0).argmax())
md(f"""
**Say:** {pct(acc_train)} on the 100 training digits, {pct(acc_held)} held out. The fair
comparison is k-NN on the same 100 digits: {pct(rival_right[1].mean())} (1 neighbour) and
{pct(rival_right[3].mean())} (3 neighbours), so the Fourier model is
{'better' if diff > 2 * se else 'worse' if diff < -2 * se else 'about as good'}
({'+' if diff >= 0 else '−'}{pct(abs(diff))}, one standard error {pct(se)}). Against chapter 4's
k-NN on all 4,000 digits it is far behind: that one has 40 times the data. The column of
class {worst_col} collects the most mistakes ({int(cm_off[:, worst_col].sum())}): no term makes
the ten scores comparable.

**Ask:** s(x) does not change when a digit moves. Is the model then translation invariant?
**Expect:** no: A·vec(x) sees pixel positions. Shifting the held-out digits 2 pixels moves
the accuracy from {pct(acc_held)} to {pct(acc_shifted)}.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Claim 1: training is deterministic
#
# "If we train multiple times, the resulting tuple will be the same up to floating point
# errors and symmetry." Starts with positive entries uniform in [0, 1) are alike: two of
# them have cosine about 0.75 (the mean entry is 1/2, the mean square 1/3), so agreeing
# runs would prove little. So we train from starts of three kinds:
#
# * **positive** (uniform in [0, 1)), the video's, ten starts;
# * **lognormal**: entries $e^{2z}$, z standard normal: positive too, but two such starts
#   are almost perpendicular; ten starts;
# * **Gaussian**: standard normal entries, symmetric about 0 (both signs equally likely);
#   ten starts.
#
# (`benchmarks/fourier_targets.py` trains twenty of each kind.)

# %% slideshow={"slide_type": "fragment"}
RUNS = {"positive": 10, "lognormal": 10, "gaussian": 10}
kinds = tuple(RUNS)
runs = {(kind, seed): (model if (kind, seed) == ("positive", 0) else
                       fm.cached_train_fourier(x100, y100, fm.FitConfig(start=kind, seed=seed))[0])
        for kind in kinds for seed in range(RUNS[kind])}
print(f"{len(runs)} models trained (or reused from the cache)")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Per run: the final fitness; "same model" means g on the held-out digits within 1e-3 of
# the first positive run's, at the best fitness; and how many training digits' own scores
# have the minority sign in their class (`minority_signs`, below), at start and end.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
s_held, s100 = fm.fourier_features(x_held), fm.fourier_features(x100)   # computed once for all runs
g_ref, best = model.g(x_held, 2, s_held), max(r.curve[-1] for r in runs.values())
table = {}
for (kind, seed), run in runs.items():
    g = run.g(x_held, 2, s_held)
    table[kind, seed] = dict(fitness=run.curve[-1], rel=fm.relative_difference(g_ref, g),
                             agree=np.mean(g.argmax(1) == g_ref.argmax(1)),
                             signs_start=fm.minority_signs(*fm.start_parameters(run.config), x100, y100, s100),
                             signs_end=fm.minority_signs(run.A, run.B, x100, y100, s100))
same = {k: v["rel"] < 1e-3 and best - v["fitness"] < 1e-4 for k, v in table.items()}
print(f"{'start':10} {'cosine of 2 starts':>18} {'fitness':>16} {'same model':>10} "
      f"{'minority signs: start':>22} {'end':>6}")
for kind in kinds:
    rows = [table[kind, s] for s in range(RUNS[kind])]
    a, b = (np.concatenate([t.ravel() for t in fm.start_parameters(fm.FitConfig(start=kind, seed=s))])
            for s in (0, 1))
    print(f"{kind:10} {a @ b / np.linalg.norm(a) / np.linalg.norm(b):18.2f} "
          f"{span([r['fitness'] for r in rows], '{:.4f}'):>16} {sum(same[kind, s] for s in range(RUNS[kind])):>7} of {RUNS[kind]:<2}"
          f"{span([r['signs_start'] for r in rows]):>22} {span([r['signs_end'] for r in rows]):>6}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Why positive starts help.** The fitness contains $\log|y_{c_i}(D_i)|$, which is −∞
# where a score is 0: an ascent cannot carry a score through 0 (L-BFGS's long steps
# occasionally jump over), so the signs a start gives the 100 scores mostly stay. Flipping
# a whole class's sign changes nothing (y_k → −y_k, same norms), so what matters is
# whether the 10 scores *within* a class share one sign. With positive A, B and images,
# every score is positive: every positive start, alike or not, begins in the same region,
# and all reach the same peak. A sign-symmetric start mixes signs within classes; a run
# that ends with mixed signs is stuck on a lower peak.

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(7, 3.2))
for kind, marker in zip(kinds, "o^s"):
    ax.scatter([table[kind, s]["signs_end"] for s in range(RUNS[kind])],
               [table[kind, s]["fitness"] for s in range(RUNS[kind])], marker=marker, alpha=0.7,
               label=kind)
ax.set_xlabel("training digits with the minority sign in their class, at the end")
ax.set_ylabel("final fitness")
ax.set_title(f"{len(runs)} training runs: mixed signs end lower")
ax.legend()
ends = {kind: [(table[kind, s]["signs_end"], table[kind, s]["fitness"]) for s in range(RUNS[kind])]
        for kind in kinds}
top = [kind for kind in ("positive", "lognormal") if all(e == 0 and best - f < 1e-4 for e, f in ends[kind])]
g_mixed = [f for e, f in ends["gaussian"] if e > 0]
g_clean_top = all(best - f < 1e-4 for e, f in ends["gaussian"] if e == 0)
show(fig, alt=f"Final fitness against the number of training digits left with the minority sign "
              f"in their class, one marker per run. {(' and '.join(f'all {RUNS[k]} {k}' for k in top) or 'no group of').capitalize()} "
              f"runs sit together at 0 minority signs and the best fitness, {best:.3f}. Of the "
              f"Gaussian runs, those with no minority sign {'reach the same point' if g_clean_top else 'do not all get there'}"
              + (f"; the {len(g_mixed)} with 1 to {max(e for e, _ in ends['gaussian'])} minority signs "
                 f"sit lower, between {min(g_mixed):.3f} and {max(g_mixed):.3f}." if g_mixed else "."))

# %% slideshow={"slide_type": "skip"}
positive_runs = RUNS["positive"] + RUNS["lognormal"]
n_pos = sum(same[k, s] for k in ("positive", "lognormal") for s in range(RUNS[k]))
gauss = [table["gaussian", s] for s in range(RUNS["gaussian"])]
n_gauss = sum(same["gaussian", s] for s in range(RUNS["gaussian"]))
clean = [same["gaussian", s] for s in range(RUNS["gaussian"]) if gauss[s]["signs_end"] == 0]
mixed = [r["fitness"] for r in gauss if r["signs_end"] > 0]
claim1 = n_pos == positive_runs

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** {n_pos} of {positive_runs} positive starts, the alike uniform ones and the nearly
perpendicular lognormal ones, reach the same model: fitness {best:.4f}, g within 1e-3, the
same class for at least {pct(min(table[k, s]['agree'] for k in ('positive', 'lognormal') for s in range(RUNS[k])))}
of the held-out digits. Of the {RUNS['gaussian']} sign-symmetric Gaussian starts {n_gauss} do. Of the Gaussian runs
that end with no minority sign, {sum(clean)} of {len(clean)} reach the peak; the {len(mixed)} that keep
mixed signs {'all end lower' if all(f < best - 1e-4 for f in mixed) else 'end at'}
({span(mixed, '{:.3f}') if mixed else 'none'}, against {best:.3f}).

**Ask:** two runs from nearly perpendicular starts end on the same model. What made that
happen, if not the closeness of the starts? **Expect:** positivity: all 100 own scores start
with one sign, and the log term's barrier at 0 keeps them there, in the region of the best
peak. A Gaussian start has mixed signs within classes ({span([r['signs_start'] for r in gauss])} digits) and may stay mixed.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Claim 2: each g_k has one maximiser (up to sign)
#
# For every digit k we run gradient ascent on $|y_k(x)|$ over the unit sphere from ten
# random images: five with pixels uniform in [0, 1) (alike: cosine about 0.75) and five
# with Gaussian pixels (sign-symmetric: cosine about 0), all 100 runs as one batched
# computation. Since $y_k(-x) = -y_k(x)$, x and −x are equally good: we compare runs by
# |cosine|. The animation shows, for each digit, one run of each kind; press play, or move
# the step slider.

# %% slideshow={"slide_type": "fragment"}
rng = np.random.default_rng(0)
pairs = np.repeat(np.arange(10), 2)                           # one uniform, one Gaussian start per digit
pair_starts = np.where((np.arange(20) % 2 == 0)[:, None], rng.random((20, 784)),
                       rng.standard_normal((20, 784)))
maxi = fm.maximise_g(model, pairs, pair_starts, steps=300, record_every=10)
more_classes = np.repeat(np.arange(10), 8)                    # 4 more of each kind per digit
more_starts = np.concatenate([rng.random((40, 784)), rng.standard_normal((40, 784))])
more = fm.maximise_g(model, np.r_[more_classes[0::2], more_classes[1::2]], more_starts,
                     steps=300, record_every=300)
from course.widgets import MaximiserAnimation
MaximiserAnimation(maxi)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"} tolerance={"(?m)a digit: (.*)$|smallest of all: (\\d\\.\\d+)": "ch06.cosines_between_runs"}
X_all = np.concatenate([maxi.x, more.x])
k_all = np.concatenate([maxi.classes, more.classes])
worst = []
for k in range(10):
    Xk = X_all[k_all == k]                                     # 10 runs for digit k
    worst.append(np.abs(Xk @ Xk.T).min())
cosines = np.array(worst)
print(f"runs per digit: {np.bincount(k_all).tolist()[0]}; smallest |cosine| between two runs of a "
      f"digit: {' '.join(f'{c:.3f}' for c in cosines)}")
print(f"smallest of all: {cosines.min():.3f} (target > 0.99: {'holds' if cosines.min() > 0.99 else 'fails'})")
g_at_max = model.g(X_all, power=2)
own_largest = np.mean(g_at_max.argmax(1) == k_all)
print(f"maximisers whose own g_k is the largest of the ten: {own_largest:.0%}")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Do:** play the animation once: the noise turns into a digit within the first few dozen
steps, then sharpens; the Gaussian start (right of each pair) gets there as well.

**Ask:** before pressing play, what do you expect: digits, or adversarial noise as in
chapter 5? **Expect:** most people expect noise; all ten runs per digit converge to the same,
digit-like image (smallest |cosine| {cosines.min():.3f}). That shows ten different starts find
one maximiser, not that no other exists far away.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Claim 3: the maximisers are digits, not adversarial noise
#
# Two independent judges. Chapter 4's k-nearest-neighbour classifier (3 neighbours among
# all 4,000 bundled training digits, in their first 40 principal components) reads each
# maximiser, after we keep its positive pixels and scale them to [0, 1]. And we measure
# how close each maximiser is to the nearest real training digit (cosine), next to how
# close real held-out digits and noise images get (50 held-out digits of each class).

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
knn = KNearestPCA(k=40).fit(data.x_train, data.y_train)
ink = np.clip(maxi.x, 0, None) / np.clip(maxi.x, 0, None).max(axis=1, keepdims=True)
read_as = knn.predict(ink.astype(np.float32))
knn_held = knn.score(x_held, y_held)
print(f"k-NN accuracy on held-out digits {knn_held:.1%}; it reads the maximiser as its digit "
      f"for {np.sum(read_as == pairs)} of {len(pairs)}")
unit = lambda a: (a := a.reshape(len(a), -1).astype(float)) / np.linalg.norm(a, axis=1, keepdims=True)
bank = unit(data.x_train)
nearest = lambda a: (unit(a) @ bank.T).max(axis=1)
x_500, y_500 = fm.first_per_class(x_held, y_held, per_class=50)
noise = fm.non_digit_images("uniform", 200, seed=0)
near = {"maximisers": nearest(maxi.x), "held-out digits": nearest(x_500), "uniform noise": nearest(noise)}
print(f"held-out digits compared, per class: {span(np.bincount(y_500))}; cosine to the nearest "
      "training digit (median): " + ", ".join(f"{k} {np.median(v):.2f}" for k, v in near.items()))

# %% slideshow={"slide_type": "subslide"}
fig = show_digits(maxi.x[0::2], [f"g_{k} max" for k in range(10)], vmin=None, ncols=10,
                  suptitle="The maximiser of each g_k (uniform start; red positive, blue negative)")
show(fig, alt=f"Ten images, the maximiser of g_0 to g_9: each is plainly its digit, 0 to 9, drawn "
              f"in red (positive pixels) on a faint blue (negative) background. A classifier of "
              f"real digits reads {np.sum(read_as == pairs)} of {len(pairs)} maximisers (these ten "
              f"and ten from Gaussian starts) as their digit.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "-"} tolerance={"digits: (.*?) \\(a random": "ch06.share_in_training_span"}
basis = np.linalg.qr(x100.reshape(100, -1).T.astype(float))[0]     # the span of the 100 digits
inside = np.linalg.norm(maxi.x @ basis, axis=1) ** 2
print(f"share of each maximiser (of its squared length) that is a combination of the 100 "
      f"training digits: {inside.min():.2f} to {inside.max():.2f} (a random direction: about "
      f"{100 / 784:.2f})")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** they have negative pixels (blue), which no real digit has, so they are not *images
of* digits; but the k-NN ({pct(knn_held)} on held-out digits) reads {np.sum(read_as == pairs)} of
{len(pairs)} positive parts as the right digit, and their median cosine to the nearest real digit
({np.median(near['maximisers']):.2f}) is close to that of real held-out digits
({np.median(near['held-out digits']):.2f}) and far above noise's ({np.median(near['uniform noise']):.2f}).

**Ask:** chapter 5 found images a network is certain about that look like noise. Why might
this model be different? **Expect:** A only sees the part of x that is a combination of the
100 training digits, so the best x lies almost entirely in their span ({inside.min():.2f} to
{inside.max():.2f} of its squared length): it is built from training digits, with no room
for a pattern the model never saw.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Claim 4: low g values flag non-digits
#
# The score of an image is $\max_k |y_k(x)|/\|x\|^2$ (scale-free, so a faint image and a
# dark one are judged by their shape). The ROC AUC is the chance that a random held-out
# digit scores higher than a random non-digit: 1 is perfect separation, 0.5 a coin. We
# also show the video's literal $\max_k g_k$ with ‖x‖³.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
families = ("uniform", "gaussian", "shuffled", "inverted", "letters", "strokes")
others = {kind: fm.non_digit_images(kind, 1000, reference=x_held, seed=1) for kind in families}
score = lambda m, a, power=2: m.g(a, power=power).max(axis=1)
digit_scores, digit_scores3 = score(model, x_held), score(model, x_held, 3)
other_scores = {k: score(model, o) for k, o in others.items()}
auc = {k: fm.roc_auc(digit_scores, other_scores[k]) for k in families}
auc3 = {k: fm.roc_auc(digit_scores3, score(model, o, 3)) for k, o in others.items()}
print(f"{'non-digits':10} {'AUC (ratio)':>12} {'AUC (video: ||x||^3)':>21}")
for k in families:
    print(f"{k:10} {auc[k]:12.3f} {auc3[k]:21.3f}")
noise_ok = all(auc[k] > 0.99 for k in ("uniform", "gaussian", "shuffled"))
print(f"AUC > 0.99 against every noise family: {'holds' if noise_ok else 'fails'}")

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(8, 3.6))
bins = np.linspace(0, np.quantile(digit_scores, 0.995), 60)
ax.hist(digit_scores, bins=bins, color="C0", alpha=0.45, label="held-out digits")
for n, k in enumerate(("shuffled", "letters", "strokes"), 1):
    ax.hist(other_scores[k], bins=bins, histtype="step", lw=2, color=f"C{n}",
            linestyle=LINE_STYLES[n], label=k)
ax.set_xlabel("max_k |y_k(x)| / ||x||²")
ax.set_ylabel("images")
ax.set_title("Scores of digits and non-digits")
ax.legend()
med = {k: np.median(v) for k, v in [("digits", digit_scores), *other_scores.items()]}
show(fig, alt=f"Histograms of the score max_k |y_k(x)|/‖x‖²: held-out digits filled, the others "
              f"as outlines. Shuffled pixels pile up far to the left (median "
              f"{med['shuffled']:.1f}); letters and strokes spread in the middle (medians "
              f"{med['letters']:.1f} and {med['strokes']:.1f}) and overlap the lower tail of the "
              f"digits (median {med['digits']:.1f}).")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
ink_of = lambda a: np.linalg.norm(a.reshape(len(a), -1).astype(float) / (255 if a.dtype == np.uint8 else 1), axis=1)
md(f"""
**Say:** noise is separated: the smallest AUC against the three noise families is
{min(auc[k] for k in ('uniform', 'gaussian', 'shuffled')):.3f}. Letters ({auc['letters']:.3f}) and
random strokes ({auc['strokes']:.3f}), made of strokes like digits, overlap a little.

**Ask:** why does the video's ‖x‖³ version do
{'worse' if auc3['letters'] < auc['letters'] else 'better'} on letters ({auc3['letters']:.3f})?
**Expect:** it also rewards a small ‖x‖ (it has degree −1), and the letters have less ink than
digits (median ‖x‖ {np.median(ink_of(others['letters'])):.1f} against
{np.median(ink_of(x_held)):.1f}); the ratio with ‖x‖² judges only the shape.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Going further: two variations
#
# The video says "there are many variations". We try two and measure them on the same
# held-out digits. **Contrast**: add $\frac1{100}\sum_i(\log|y_{c_i}(D_i)| - \log\|y(D_i)\|)$,
# which rewards the right class being large *compared with the other nine*. **More
# digits**: the original fitness on 20 digits per class instead of 10.

# %% slideshow={"slide_type": "fragment"}
x200, y200 = fm.first_per_class(data.x_train, data.y_train, per_class=20)
variants = {"original fitness, 100 digits": model,
            "contrast term, 100 digits": fm.cached_train_fourier(x100, y100, fm.FitConfig(contrast=1.0))[0],
            "original fitness, 200 digits": fm.cached_train_fourier(x200, y200, fm.FitConfig())[0]}
print(f"{len(variants)} models, two of them trained (or reused from the cache)")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "-"}
variant_acc = {name: np.mean(m.predict(x_held) == y_held) for name, m in variants.items()}
print(f"{'model':30} {'held-out accuracy':>18} {'AUC letters':>12} {'AUC strokes':>12}")
for name, m in variants.items():
    d = score(m, x_held)
    print(f"{name:30} {variant_acc[name]:18.1%} "
          f"{fm.roc_auc(d, score(m, others['letters'])):12.3f} "
          f"{fm.roc_auc(d, score(m, others['strokes'])):12.3f}")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
base_acc = variant_acc["original fitness, 100 digits"]
md(f"""
**Say:** the contrast term gives {pct(variant_acc['contrast term, 100 digits'])} held out and 200
digits {pct(variant_acc['original fitness, 200 digits'])}, against {pct(base_acc)}. The contrast
term addresses the real weakness (nothing in the original fitness compares the classes with
each other); more digits is the plain fix.

**Ask:** which would you keep, and what would you measure next? **Expect:** it depends on
the use: accuracy or flagging non-digits (the AUC columns); next, more digits per class and
a contrast weight other than 1, each on held-out data.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises
#
# You wrote the model's three pieces above: `fourier_features`, `fitness` and `g_scores`
# (and worked out how $g_k$ scales). One more question:
#
# Take the first bundled training digit as floats in [0, 1], `data.x_train[0] / 255` (not
# the `digit` of the sections above, which is the first training 0). What is the entry of
# |vec(F x F)| that red() removes?
#
# <details><summary>Hint</summary>
#
# It is the zero frequency: every pixel times $e^0 = 1$. `np.fft.fft2(x)[0, 0]`.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch06.removed_entry", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** the answer is the digit's total ink, the sum of its pixels: every pixel times
# e⁰ = 1. red() removes it so that s(x) describes the shape of the strokes.
#
# **Ask:** why does s(x) not care whether the digit sits in the middle or a little to the
# left? **Expect:** moving the digit only multiplies each frequency by a phase; the sizes stay.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# The video's four claims, each with the number measured above:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"of 10 runs (\\d\\.\\d+)": "ch06.summary_cosine"}
verdict = lambda ok: "holds" if ok else "does not hold"
print(f"1. deterministic training: {n_pos} of {positive_runs} positive starts (uniform or lognormal) "
      f"reach fitness {best:.4g}: {verdict(claim1)}; sign-symmetric starts: {n_gauss} of {RUNS['gaussian']}")
print(f"2. one maximiser per digit: smallest |cosine| of 10 runs {cosines.min():.3f}: "
      f"{verdict(cosines.min() > 0.99)}")
print(f"3. maximisers are digits: k-NN reads {np.sum(read_as == pairs)} of 20 right: "
      f"{verdict(np.all(read_as == pairs))} (but they have negative pixels)")
print(f"4. low g flags non-digits: AUC against noise >= {min(auc[k] for k in ('uniform', 'gaussian', 'shuffled')):.3f}, "
      f"letters {auc['letters']:.3f}: {verdict(noise_ok)} for noise")
print(f"classifier: {acc_train:.1%} on its 100 training digits, {acc_held:.1%} held out; "
      f"k-NN on the same 100: {rival_right[1].mean():.1%}")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** close with what the model does *not* do: it ignores the grid of pixels except
# through the Fourier sizes and A, has one layer, and needs positive starts for its training
# to be repeatable. The claims about determinism and unique, digit-like maximisers hold
# here; they are claims about a very simple, nearly linear model.
