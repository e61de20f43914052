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
# # 4 · Eigen-digits
#
# A digit is 784 numbers, but handwriting does not use all that freedom: the strokes
# vary in a few typical ways. Principal component analysis (PCA) finds those ways, and
# each one turns out to be a picture of its own, an *eigen-digit*.
#
# In this chapter you write PCA yourself, from its formula, and check it against the
# course's tested version; we look at the eigen-digits, you rebuild digits from a handful
# of them, and we classify digits with them. The fooling post reports "about 70 %" accuracy
# with principal components, without saying how; we measure how far three simple
# classifiers get.

# %% slideshow={"slide_type": "skip"}
import matplotlib.pyplot as plt
import numpy as np

from course.check import check, hint, use
from course.data import load_mnist
from course.pca import as_features, fit_pca, reconstruction_error, transform
from course.plotting import CLASS_COLOURS, CLASS_MARKERS, show, show_digits
from course.prose import md, pct

data = load_mnist("bundled")
X = as_features(data.x_train)  # (4000, 784) float64 in [0, 1]
FOOLING_POST_PCA = 0.70        # the accuracy the fooling post reports for principal components
X.shape

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** a digit is 784 numbers, but handwriting varies in only a few typical ways. PCA
finds those ways, and each is a picture of its own, an eigen-digit. The learners write it
from scratch (either route), check it against the course's `fit_pca`, rebuild digits, and
we classify with it: the fooling post reports "about {pct(FOOLING_POST_PCA, 0)}"; we measure three
classifiers on {len(data.y_test):,} test digits.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The idea, in plain words
#
# Think of every digit as a point in a space with 784 axes, one per pixel. The 4,000
# training digits form a cloud in that space, and the cloud is far from round. Along
# some directions it is stretched out: thick strokes against thin ones, a round 0
# against an upright 1, a slant to the left against a slant to the right. Along most
# directions it is nearly flat: a corner pixel is blank in every digit, so the cloud
# has no extent at all along that pixel's axis.
#
# PCA looks for the direction in which the cloud is most stretched, then for the most
# stretched direction at right angles to the first, and so on. Each direction is a list
# of 784 numbers, one per pixel, so we can draw it as a 28 × 28 picture.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
blank_pixels = int((X.std(axis=0) == 0).sum())
md(f"""
**Say:** every digit is a point in a 784-dimensional space; the {len(X):,} training digits
form a stretched, flat cloud. PCA finds the most stretched direction, then the next at right
angles, and so on; each direction is 784 numbers, so a 28 × 28 picture.

**Ask:** along which pixel's axis does the cloud have no extent at all? **Expect:** a
pixel blank in every digit, such as a corner: {blank_pixels} of the 784 pixels have zero
variance (counted again below).
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The formula
#
# Write the training digits as the rows of a matrix $X$ ($n = 4000$ rows, $d = 784$
# columns). Subtract the mean digit $\mu = \frac1n \sum_i x_i$ from every row to get the
# centred data $X_c$. The **covariance matrix**
#
# $$S = \frac{1}{n-1} X_c^\top X_c \qquad (784 \times 784)$$
#
# holds in entry $(j, l)$ how pixels $j$ and $l$ vary together. The variance of the
# digits along a unit vector $v$ is $v^\top S v$. Maximising it over unit vectors (with a
# Lagrange multiplier for $|v| = 1$) gives $S v = \lambda v$: the best direction is the
# **eigenvector** of $S$ with the largest **eigenvalue**, and the eigenvalue is the
# variance along it. The second-best direction at right angles to it is the eigenvector
# of the second-largest eigenvalue, and so on. $S$ is symmetric, so its eigenvalues are
# real and its eigenvectors can be chosen orthonormal.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **The SVD route.** The singular value decomposition writes $X_c = U \Sigma V^\top$ with
# orthonormal columns in $U$ and $V$ and the singular values $\sigma_i$ on the diagonal
# of $\Sigma$. Substituting,
#
# $$S = \frac{1}{n-1} V \Sigma U^\top U \Sigma V^\top = V \, \frac{\Sigma^2}{n-1} \, V^\top,$$
#
# which is an eigendecomposition of $S$: the columns of $V$ are the same eigenvectors,
# and $\sigma_i^2 / (n-1)$ the same eigenvalues. The SVD never forms $S$, which keeps
# the small variances more accurate.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Signs.** If $v$ is an eigenvector, so is $-v$: the data fix each component only up to
# its sign, and two programs (or one program on two machines) may pick different ones. To
# draw the same pictures on every run, the course's `fit_pca` follows a **sign rule**:
# flip each component so that its entry of largest absolute value is positive.
# scikit-learn uses the same rule, and the course's tests compare `fit_pca` with
# scikit-learn.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### PCA from scratch
#
# **Write the code.** `principal_components(X, k)` gets the digits as the rows of `X`, an
# `(n, d)` array of floats, and returns two things: the mean digit $\mu$, shape `(d,)`, and
# the first $k$ principal components as the rows of a `(k, d)` array, largest variance
# first, each a unit vector that follows the sign rule. Either route above will do: the
# eigenvectors of $S$ or the SVD of $X_c$. `check` tries your function on data it has not
# shown you (digits, and clouds of points in fewer dimensions) and compares it with
# `fit_pca`.
#
# <details><summary>Hint</summary>
#
# Centre first. `np.linalg.svd(..., full_matrices=False)` returns $U$, the $\sigma_i$ and
# $V^\top$, in that order; `np.linalg.eigh` returns the eigenvalues in *increasing* order
# and the eigenvectors as *columns*. For the sign rule, `np.abs(V).argmax(axis=1)` says
# where each row of `V` is largest.
# </details>

# %% slideshow={"slide_type": "-"}
def principal_components(X, k):
    raise NotImplementedError  # replace this line with your code


check("ch04.principal_components", principal_components)

# %% [markdown] slideshow={"slide_type": "fragment"}
# The cells below compute with your `principal_components` once `check` accepts it, and
# with the course's until then (run the next cell again after yours passes):

# %% slideshow={"slide_type": "-"}
principal_components = use("ch04.principal_components", principal_components)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Write the code.** The variance of the digits along component $i$ is its eigenvalue
# $\lambda_i$. `component_variances(X)` gets `X` as before, with more rows than columns
# ($n > d$), and returns the $d$ variances along the components, largest first, as a
# `(d,)` array. The formulas above give them by either route.
#
# <details><summary>Hint</summary>
#
# In the SVD route each eigenvalue of $S$ comes from one singular value: look at the
# equation for $S$ above. `np.linalg.eigvalsh(S)` gives the eigenvalues alone, smallest
# first.
# </details>

# %% slideshow={"slide_type": "-"}
def component_variances(X):
    raise NotImplementedError  # replace this line with your code


check("ch04.component_variances", component_variances)

# %% slideshow={"slide_type": "-"}
component_variances = use("ch04.component_variances", component_variances)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Do they agree with the course's `fit_pca`, on all 4,000 training digits? And do the two
# routes agree with each other? `fit_pca` takes the SVD route, and the eigenvector route
# with `method="eig"`. We compare the first 100 components (their variances are well
# apart, so the data pin each one down up to its sign, which the sign rule fixes) and all
# 784 variances.

# %% slideshow={"slide_type": "skip"}
pca = fit_pca(data.x_train)
pca_eig = fit_pca(data.x_train, method="eig")
mean_digit, V = map(np.asarray, principal_components(X, 100))  # μ (784,), components (100, 784)
lam = np.asarray(component_variances(X))                        # λ_1 ≥ ... ≥ λ_784
differences = {
    "mean digit, principal_components vs fit_pca": float(np.abs(mean_digit - pca.mean).max()),
    "components 1-100, principal_components vs fit_pca": float(np.abs(V - pca.components[:100]).max()),
    "variances (784), component_variances vs fit_pca": float(np.abs(lam - pca.explained_variance).max()),
    "components 1-100, eigenvector route vs SVD route": float(np.abs(pca_eig.components[:100] - pca.components[:100]).max()),
    "variances (784), eigenvector route vs SVD route": float(np.abs(pca_eig.explained_variance - pca.explained_variance).max()),
}

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
for what, diff in differences.items():
    print(f"{what:<50} largest difference below 1e-10: {diff < 1e-10}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# And the differences themselves (rounding errors; they change with the machine and the
# numerical library's settings, so this cell is not compared by the tests):

# %% slideshow={"slide_type": "-"}
for what, diff in differences.items():
    print(f"{what:<50} {diff:.1e}")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
U_svd, sigma_svd, Vt_svd = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
flipped = int((np.sum(Vt_svd[:100] * pca.components[:100], axis=1) < 0).sum())
md(f"""
**Say:** the variance along a unit vector v is vᵀSv; maximising it gives Sv = λv, so the
components are eigenvectors of the covariance matrix, and λ is the variance along each.
The SVD of the centred data gives the same vectors without forming S: three lines each, and
the sign rule two more. Point at the printout: both routes agree with `fit_pca` (`True`);
the largest difference is {max(differences.values()):.0e}, rounding error.

**Ask:** if v is an eigenvector, so is −v. How can two programs draw the same pictures?
**Expect:** a sign rule: flip each component so its largest entry is positive. Without it,
{flipped} of the first 100 components of numpy's SVD would be drawn the other way round.

**Do:** if the room is stuck on `principal_components`: `Xc = X - X.mean(axis=0)`, then
`np.linalg.svd(Xc, full_matrices=False)`, the first k rows of Vᵀ, then the sign rule. For
`component_variances`: σ² / (n − 1). Let someone forget the sign rule, or take eigh's
columns as rows, and run the check: it names the mistake.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The mean digit and the first eigen-digits
#
# From here on the pictures use your `principal_components` and `component_variances`
# (or the course's, until yours pass). The mean digit is where the cloud is centred. The components are directions *away*
# from it, with positive and negative entries, so we draw them in red (positive), white
# (zero) and blue (negative), all on one colour scale. The fooling post squeezed each
# component into [0, 1] as a grey image; that hides where zero is, which is why its
# eigen-digits looked, in its word, "ghostly".

# %% slideshow={"slide_type": "fragment"}
fig, ax = plt.subplots(figsize=(2.4, 2.6))
ax.imshow(mean_digit.reshape(28, 28), cmap="gray_r", vmin=0, vmax=1)
ax.set_title("mean training digit")
ax.set_xticks([])
ax.set_yticks([])
darkest = np.unravel_index(mean_digit.argmax(), (28, 28))
show(fig, alt=f"The mean of the {len(X):,} training digits: a grey blur, darkest at row {darkest[0]}, "
              f"column {darkest[1]} ({mean_digit.max():.2f} on a scale from 0, paper, to 1, ink), fading "
              f"to white towards the edges.")

# %% slideshow={"slide_type": "subslide"}
shares = lam / lam.sum()  # each component's share of the total variance
fig = show_digits(V[:16], vmin=None, ncols=8, size=1.2,
                  titles=[f"PC {i + 1}: {shares[i]:.1%}" for i in range(16)],
                  suptitle="The first 16 principal components (red +, blue −) "
                           "and the share of the variance each explains")
fig.subplots_adjust(hspace=0.45)  # room for the titles between rows
show(fig, alt=f"The first 16 principal components as 28 × 28 pictures, red positive, blue negative, "
              f"each titled with the share of the variance it explains, from {pct(shares[0])} for "
              f"PC 1 down to {pct(shares[15])} for PC 16: blobs and rings of red and blue that move "
              f"ink from one part of the frame to another, none of them a digit.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# What does a component *do*? Walk from the mean digit along it: add $t \sqrt{\lambda}\, v$
# for $t$ from −2 to 2 ($\sqrt\lambda$ is the typical size of a step along $v$ in the
# data). Red pixels gain ink as $t$ grows, blue pixels lose it.

# %% slideshow={"slide_type": "fragment"}
steps = np.array([-2, -1, 0, 1, 2])
walks = np.stack([mean_digit + t * np.sqrt(lam[j]) * V[j]
                  for j in range(3) for t in steps])
fig = show_digits(np.clip(walks, 0, 1), ncols=5, size=1.4,
                  titles=[f"PC {j + 1}, t = {t:+d}" for j in range(3) for t in steps],
                  suptitle="mean digit + t·√λ·(component), clipped to [0, 1]")
fig.subplots_adjust(hspace=0.45)  # room for the titles between rows
show(fig, alt="Three rows of five pictures: the mean digit plus t typical steps along principal "
              "component 1, 2 and 3, for t = −2, −1, 0, +1, +2. Along component 1 an upright "
              "stroke in the middle at t = −2 turns into a wide ring at t = +2; components 2 and "
              "3 move ink between other shapes.")

# %% [markdown] slideshow={"slide_type": "fragment"}
# The first component trades a vertical stroke in the middle (1-like, at $t = -2$) for
# a wide ring (0-like, at $t = +2$). The second and third move ink between shapes that
# look like other digits: a 9 at one end of the second, something like a 3 at the
# other. None of the components is a digit itself: they are the *differences* along
# which digits differ most.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** components are drawn red (+), white (0), blue (−) on one scale; squeezing them
into grey, as the fooling post did, hides where zero is. PC 1 explains
{pct(pca.explained_variance_ratio[0])} of the variance.

**Ask:** walk from the mean digit along PC 1, t from −2 to +2. What happens to the digit?
**Expect:** an upright 1-like stroke turns into a wide 0-like ring. Components are
differences along which digits differ, not digits.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How much does each component explain?
#
# The eigenvalue of a component is the variance along it; divided by the total
# variance (the sum of all 784 eigenvalues) it is the *share* that component explains.
# The cumulative sum says how much the first $k$ components keep together.

# %% slideshow={"slide_type": "subslide"}
ratio = pca.explained_variance_ratio
cumulative = np.cumsum(ratio)
ks = np.arange(1, len(ratio) + 1)
fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
axes[0].plot(ks[:100], 100 * ratio[:100], "o-", ms=3)
axes[0].set(xlabel="component k", ylabel="share of the variance (%)",
            title="each of the first 100 components")
axes[1].plot(ks, 100 * cumulative)
needed = {}                                  # k that first keeps 50, 80, 99 % of the variance
for level in (0.5, 0.8, 0.99):
    needed[level] = k_level = int(np.searchsorted(cumulative, level - 1e-12) + 1)
    axes[1].axhline(100 * level, color="grey", lw=0.8, ls="--")
    axes[1].plot(k_level, 100 * cumulative[k_level - 1], "o", color="C3")
    axes[1].annotate(f"{level:.0%}: k = {k_level}", (k_level, 100 * level), xytext=(8, -14),
                     textcoords="offset points")
axes[1].set(xscale="log", xlabel="number of components k (log scale)", ylabel="variance kept (%)",
            title="kept by the first k components")
fig.tight_layout()
show(fig, alt=f"Left: the share of the variance explained by each of the first 100 components, "
              f"falling fast from {pct(ratio[0])} for the first to {pct(ratio[99], 2)} for the 100th. "
              f"Right: the share kept by the first k components, on a log axis of k, with dashed "
              f"lines at 50, 80 and 99 %, reached at k = {needed[0.5]}, {needed[0.8]} and {needed[0.99]}.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
from course.pca import components_for_variance

for k in (1, 2, 10, 50, 100):
    print(f"the first {k:>3} components keep {cumulative[k - 1]:6.1%} of the variance")
for level in (0.5, 0.8, 0.95, 0.99):
    print(f"{level:.0%} of the variance needs {components_for_variance(pca, level):>3} components")
# numpy's rank rule: a singular value counts as zero below σ_max · max(n, d) · machine epsilon
sigma = np.sqrt(pca.explained_variance * (len(X) - 1))  # σ_i = √((n − 1) λ_i)
is_zero = sigma <= sigma.max() * max(X.shape) * np.finfo(float).eps
print(f"components with (numerically) zero variance: {int(is_zero.sum())}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# The first component alone explains about a tenth of the variance, and the curve
# flattens quickly: a few dozen components keep most of it, while several hundred
# directions together carry almost nothing. The last line counts directions along
# which the training digits do not vary at all; the blank corner pixels are some of
# them, and a section below counts the others.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
need = {level: components_for_variance(pca, level) for level in (0.5, 0.8, 0.99)}
md(f"""
**Say:** the eigenvalue is the variance along a component; the cumulative share says how
much the first k keep.

**Ask:** how many of the 784 components keep 80 % of the variance? And 99 %?
**Expect:** {need[0.8]} for 80 % and {need[0.99]} for 99 % ({need[0.5]} for half of it; the
first 10 keep {pct(cumulative[9])}). {int(is_zero.sum())} directions carry no variance at all.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The digits in the plane of the first two components
#
# Project every training digit onto the first two components: its coordinates
# $z_1 = v_1 \cdot (x - \mu)$ and $z_2 = v_2 \cdot (x - \mu)$ place it in a plane. Each
# colour is a class; the large digits mark the class means.

# %% slideshow={"slide_type": "subslide"}
import matplotlib.patheffects as patheffects

Z2 = transform(pca, data.x_train, 2)
centres = np.stack([Z2[data.y_train == c].mean(axis=0) for c in range(10)])  # class means
fig, ax = plt.subplots(figsize=(7.5, 6.5))
for c in range(10):   # the course's class colours, and a marker per class
    ax.scatter(*Z2[data.y_train == c].T, s=8, alpha=0.5, color=CLASS_COLOURS[c],
               marker=CLASS_MARKERS[c], label=str(c))
    ax.text(*centres[c], str(c), fontsize=18, weight="bold", ha="center", va="center",
            color=CLASS_COLOURS[c], path_effects=[patheffects.withStroke(linewidth=3, foreground="white")])
ax.set(xlabel="z₁: coordinate along component 1", ylabel="z₂: coordinate along component 2",
       title="4,000 training digits in the plane of the first two components")
ax.legend(title="class", markerscale=2, loc="upper right", ncols=2)
left, right = int(centres[:, 0].argmin()), int(centres[:, 0].argmax())
show(fig, alt=f"The {len(Z2):,} training digits at their coordinates z₁, z₂ along the first two "
              f"components, a colour and a marker per class, each class mean marked by its digit: the "
              f"{left}s and {right}s lie at opposite ends of component 1 (means at z₁ = "
              f"{centres[left, 0]:.1f} and {centres[right, 0]:.1f}); the other classes overlap in the middle.")

# %% [markdown] slideshow={"slide_type": "fragment"}
# Zeros (one side of component 1) and ones (the other side) are well apart, but the
# middle is a crowd where most classes overlap. Two numbers per digit are not enough
# to tell the classes apart; we will see below how many are.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** two coordinates per digit, z₁ and z₂; colours are classes, the big digits the
# class means.
#
# **Ask:** which classes does this plane separate, and which not? **Expect:** 0s and 1s
# sit at opposite ends of component 1; the middle is a crowd where most classes overlap.
# Two numbers per digit are not enough; the classifiers below say how many are.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Standardising, and the pixels that never change
#
# Textbooks often standardise each variable before PCA: subtract its mean and divide by
# its standard deviation, so that every variable counts the same. The fooling post's
# author tried that and R refused: some pixels have a standard deviation of zero. Let us
# count them, and see what a naive division does.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.pca import standard_deviations

std, constant = standard_deviations(data.x_train)
print(f"pixels with zero variance (blank in all 4,000 training digits): "
      f"{int(constant.sum())} of 784")
with np.errstate(divide="ignore", invalid="ignore"):
    naive = (X - X.mean(axis=0)) / std  # 0 / 0 in those pixels
nan = np.isnan(naive)
print(f"naive z-scores: {int(nan.sum()):,} NaN values, in {int(nan.any(axis=0).sum())} pixels")
pca_std = fit_pca(data.x_train, standardise=True)
print(f"fit_pca(standardise=True): NaN in components: {bool(np.isnan(pca_std.components).any())}, "
      f"those pixels divided by {set(pca_std.scale[constant].tolist())}")
rare = (data.x_train.reshape(len(X), -1) > 0).sum(axis=0)  # how many digits ink each pixel
print(f"pixels inked in 1 to 10 of the 4,000 digits: {int(((rare >= 1) & (rare <= 10)).sum())}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# In a blank pixel every digit has the same value, so after subtracting the mean it is
# 0, and 0 / 0 is NaN. `fit_pca` divides those pixels by 1 instead: they stay 0 and
# take no part in any component, which is what they deserve. (scikit-learn's
# `StandardScaler` does the same; the tests compare with it.)

# %% [markdown] slideshow={"slide_type": "subslide"}
# But look at the last line: many pixels are inked in only a handful of digits.
# Standardising blows them up to the same importance as the busy centre of the frame.
# How much of the first 50 components' weight (the sum of their squared entries) lies
# in the 4-pixel border of the frame, with and without standardising?

# %% slideshow={"slide_type": "fragment"}
fig, axes = plt.subplots(1, 2, figsize=(7, 3.4))
axes[0].imshow(constant.reshape(28, 28), cmap="Greys")
axes[0].set_title("pixels with zero variance (black)")
im = axes[1].imshow(np.log10(rare.reshape(28, 28) + 1), cmap="viridis")
axes[1].set_title("how many digits ink each pixel")
fig.colorbar(im, ax=axes[1], fraction=0.046, label="log₁₀(1 + number of digits)")
for ax in axes:
    ax.set_xlabel("column")
    ax.set_ylabel("row")
fig.tight_layout()
rows, cols = np.indices((28, 28))
from_edge = np.minimum.reduce([rows, cols, 27 - rows, 27 - cols]).ravel()  # 0 on the frame's edge
show(fig, alt=f"Left: the {int(constant.sum())} pixels with zero variance in black, all within "
              f"{from_edge[constant].max() + 1} pixels of the frame's edge. Right: how many of the "
              f"{len(X):,} training digits ink each pixel, on a log colour scale, from {rare.max():,} "
              f"in the centre down to a handful near the edges.")

# %% slideshow={"slide_type": "subslide"}
shares_std = pca_std.explained_variance_ratio
fig = show_digits(pca_std.components[:16], vmin=None, ncols=8, size=1.2,
                  titles=[f"PC {i + 1}: {shares_std[i]:.1%}" for i in range(16)],
                  suptitle="The first 16 components of the standardised pixels")
fig.subplots_adjust(hspace=0.45)  # room for the titles between rows
show(fig, alt=f"The first 16 components of the standardised pixels, red positive, blue negative, "
              f"each titled with its share of the variance, {pct(shares_std[0])} for PC 1 down to "
              f"{pct(shares_std[15])} for PC 16: the first few resemble those of the raw pixels, "
              f"later ones carry strong spots at the edge of the frame.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
border = np.ones((28, 28), dtype=bool)
border[4:24, 4:24] = False
border = border.ravel()
rarely = (rare >= 1) & (rare <= 10)
weights = {}
for name, p in [("raw pixels", pca), ("standardised", pca_std)]:
    weight = p.components[:50] ** 2  # each row sums to 1
    in_border = weight[:, border].sum(axis=1).mean()
    on_rare = weight[:, rarely].sum(axis=1).mean()
    print(f"{name:<13} first 50 components: {in_border:6.1%} of their weight in the border, "
          f"{on_rare:6.2%} on the rarely inked pixels")
    weights[name] = (in_border, on_rare)

# %% [markdown] slideshow={"slide_type": "fragment"}
# The first standardised components still look like those of the raw pixels, but soon
# strong spots appear at the edge of the frame, on pixels that hardly any digit
# touches; the numbers above say how much of the components' weight moved there.
#
# Standardising is meant for variables in different units (metres and kilograms). All
# pixels measure the same thing, ink on a 0 to 1 scale, so there is nothing to
# equalise: for the rest of the chapter we use PCA of the raw pixels, centred but not
# standardised.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### More directions with zero variance than blank pixels
#
# Each blank pixel gives one direction with no variance: its own axis. But more
# directions than that have none (the count under the variance curves). The number of
# directions with some variance is the *rank* of the centred data $X_c$: how many of its
# 784 columns are linearly independent. A pixel inked in a single digit has a centred
# column that is zero except in that digit's row, less its mean; two such pixels of the
# same digit have proportional columns, and together span one direction, not two.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
Xc = X - X.mean(axis=0)
rank = int((~is_zero).sum())          # singular values of X_c that are not zero
ink = data.x_train.reshape(len(X), -1) > 0
once = np.flatnonzero(rare == 1)      # pixels inked in exactly one digit
owners = np.unique(ink[:, once].argmax(axis=0))
few = np.flatnonzero((rare >= 1) & (rare <= 2))
lost = len(few) - np.linalg.matrix_rank(Xc[:, few])
print(f"directions with zero variance: {784 - rank} (the rank of X_c is {rank})")
print(f"blank pixels: {int(constant.sum())}")
print(f"pixels inked in exactly one digit: {len(once)}, in only {len(owners)} different digits")
print(f"pixels inked in one or two digits: {len(few)}, spanning {len(few) - lost} directions")
print(f"blank pixels + directions lost among the rare pixels = {int(constant.sum()) + lost}: "
      f"all of them explained: {int(constant.sum()) + lost == 784 - rank}")
print(f"smallest non-zero singular value {sigma[~is_zero].min():.1e}; "
      f"the 'zero' ones all below 1e-12: {bool(sigma[is_zero].max() < 1e-12)}")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
gap = int(np.floor(np.log10(sigma[~is_zero].min() / sigma[is_zero].max())))
md(f"""
So the {784 - rank} directions without variance are the {int(constant.sum())} blank pixels
plus {lost} directions lost among the rarely inked pixels: {len(once)} pixels are inked in a
single digit each, but those are only {len(owners)} different digits, which gives
{len(once) - len(owners)} repeated directions, and the pixels inked in two digits add
{lost - (len(once) - len(owners))} more. It is not a matter of where we draw the line
between small and zero: the real singular values stop at {sigma[~is_zero].min():.1e}, and
the zero ones are rounding errors at least {gap} orders of magnitude smaller.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** standardising divides each pixel by its standard deviation; {int(constant.sum())} of
784 pixels have none, and the naive division gives {int(nan.sum()):,} NaN values in those
pixels. `fit_pca` divides them by 1 instead. But {int(rarely.sum())} pixels are inked in only
1 to 10 of the {len(X):,} digits. And {784 - rank} directions have zero variance, not
{int(constant.sum())}: {lost} more are lost because pixels inked in a single digit move
together (rank {rank}).

**Ask:** after standardising, how much of the first 50 components' weight lies in the
4-pixel border? **Expect:** {pct(weights["standardised"][0])}, against
{pct(weights["raw pixels"][0])} for raw pixels ({pct(weights["standardised"][1], 2)} on the
rarely inked pixels, against {pct(weights["raw pixels"][1], 2)}). All pixels measure ink on
one scale, so there is nothing to equalise: we keep raw pixels.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Rebuilding a digit from k components
#
# Every digit is its mean plus its coordinates times the components:
#
# $$x = \mu + \sum_{j=1}^{784} z_j v_j, \qquad z_j = v_j \cdot (x - \mu).$$
#
# Keeping only the first $k$ terms gives the *reconstruction* $\hat x_k$: the nearest
# point to $x$ among all images the first $k$ components can make.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Write the code.** `rebuild(X, mean, components, k)`: rebuild each row of `X` (digits
# as an `(n, 784)` array of floats) from its first `k` principal coordinates,
#
# $$\hat x = \mu + \sum_{j=1}^{k} z_j v_j, \qquad z_j = v_j \cdot (x - \mu),$$
#
# where `mean` is $\mu$ and `components` holds the unit vectors $v_j$ as its rows,
# largest variance first. No loops needed: two matrix products. `check` tries it on
# digits and PCAs it has not shown you, and compares with `course.pca.reconstruct`.
#
# <details><summary>Hint</summary>
#
# Subtract the mean; the coordinates of all digits at once are one product with the
# first `k` rows of `components` (transposed); going back is the product the other way
# round; then the mean goes back on.
# </details>

# %% slideshow={"slide_type": "-"}
def rebuild(X, mean, components, k):
    raise NotImplementedError  # replace this line with your code


check("ch04.rebuild", rebuild)

# %% slideshow={"slide_type": "-"}
rebuild = use("ch04.rebuild", rebuild)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Three test digits, which were never used to fit the PCA, rebuilt with `rebuild` (yours
# once `check` accepts it) from more and more components:

# %% slideshow={"slide_type": "subslide"}
shown_ks = [1, 2, 5, 10, 20, 50, 100, 784]
picks = [int(np.flatnonzero(data.y_test == c)[0]) for c in (2, 4, 8)]
X_test = as_features(data.x_test)  # (1000, 784) float64 in [0, 1]
rows, titles = [], []
for i in picks:
    rows += [X_test[i]] + [np.clip(rebuild(X_test[i:i + 1], pca.mean, pca.components, k)[0], 0, 1)
                           for k in shown_ks]
    titles += ["original"] + [f"k = {k}" for k in shown_ks]
fig = show_digits(np.array(rows), titles=titles, ncols=len(shown_ks) + 1, size=1.0,
                  suptitle="Three test digits rebuilt from their first k components "
                           "(clipped to [0, 1])")
fig.subplots_adjust(hspace=0.45)  # room for the titles between rows
errors = {k: reconstruction_error(pca, data.x_test[picks], k).mean() for k in shown_ks}
show(fig, alt=f"Three test digits (numbers {', '.join(map(str, picks))}: a {data.y_test[picks[0]]}, a "
              f"{data.y_test[picks[1]]} and an {data.y_test[picks[2]]}), each followed by its reconstructions from k = "
              f"{', '.join(map(str, shown_ks[:-1]))} and {shown_ks[-1]} components: the mean squared "
              f"error per pixel of the three falls from {errors[1]:.3f} at k = 1 to {errors[10]:.3f} "
              f"at k = 10 and {errors[100]:.4f} at k = 100; k = 784 rebuilds them exactly.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Try it yourself: pick a test digit with `index` and drag `k`. The text gives the mean
# squared error per pixel, the share of the training variance the first $k$ components
# keep, and how much of *this* digit's difference from the mean digit they recover.

# %% slideshow={"slide_type": "-"}
from course.widgets import ReconstructionExplorer

ReconstructionExplorer(data.x_test, pca, data.y_test, k=10)

# %% [markdown] slideshow={"slide_type": "subslide"}
# How does the error fall with $k$, on average over all digits? There is a shortcut.
# The components are orthonormal, so by Pythagoras the squared distance from $x$ to its
# reconstruction is the sum of the squared coordinates left out:
# $|x - \hat x_k|^2 = \sum_{j > k} z_j^2$. One `transform` with all 784 components
# gives every $k$ at once.

# %% slideshow={"slide_type": "fragment"}
def mean_error_for_each_k(images):
    """(784,) mean squared error per pixel of the reconstructions with k = 1..784."""
    z2 = transform(pca, images) ** 2  # (n, 784): all coordinates, squared
    left_out = z2.sum(axis=1, keepdims=True) - np.cumsum(z2, axis=1)
    return np.clip(left_out, 0, None).mean(axis=0) / 784


train_err = mean_error_for_each_k(data.x_train)
test_err = mean_error_for_each_k(data.x_test)

# %% slideshow={"slide_type": "subslide"}
curve_ks = np.arange(1, 501)
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.plot(curve_ks, train_err[:500], label="training digits")
ax.plot(curve_ks, test_err[:500], label="test digits")
ax.set(xscale="log", yscale="log", xlabel="number of components k (log scale)",
       ylabel="mean squared error per pixel", title="Mean reconstruction error against k (k = 784 is exact)")
ax.legend()
show(fig, alt=f"Mean squared reconstruction error per pixel against the number of components k, "
              f"both axes logarithmic, for the training digits (solid) and the test digits (dashed): "
              f"{train_err[9]:.4f} and {test_err[9]:.4f} at k = 10, {train_err[199]:.4f} and "
              f"{test_err[199]:.4f} at k = 200: the curves lie on top of each other for the first "
              f"few dozen components, then the test curve stays above.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
for k in (10, 50, 200):
    print(f"k = {k:>3}: mean squared error per pixel {train_err[k - 1]:.4f} (training), "
          f"{test_err[k - 1]:.4f} (test)")
same = np.isclose(test_err[49], reconstruction_error(pca, data.x_test, 50).mean(), rtol=1e-9)
print(f"the shortcut agrees with reconstruction_error (k = 50): {bool(same)}")
print(f"k = 784: every test digit rebuilt exactly (error below 1e-20): "
      f"{bool(reconstruction_error(pca, data.x_test).max() < 1e-20)}")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
worse = lambda k: 100 * (test_err[k - 1] / train_err[k - 1] - 1)  # test error above training, %
md(f"""
The error falls quickly over the first few dozen components and slowly after that. For the
first components the training and test digits are rebuilt about equally well (at k = 20 the
test error is {worse(20):.1f} % higher); then the gap widens, to {worse(100):.0f} % at
k = 100 and {worse(200):.0f} % at k = 200: the later components are fitted to the quirks of
the {len(X):,} training digits rather than to handwriting in general.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Do:** in the explorer, pick a test digit with `index` and drag `k` from 1 up; read the
error and the share of this digit's difference from the mean that k components recover.

**Ask:** at k = 10 the training and test errors are {train_err[9]:.4f} and {test_err[9]:.4f}.
What happens at k = 200? **Expect:** the test digits fall behind: {train_err[199]:.4f}
(training) against {test_err[199]:.4f} (test). Later components fit quirks of the
{len(X):,} training digits. k = 784 rebuilds exactly.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Classifying with eigen-digits
#
# The fooling post reports about 70 % accuracy with principal components and does not
# say how. We try three classifiers, each with the first $k$ components, and measure them on the
# 1,000 bundled test digits:
#
# * **Nearest class mean.** Project all digits onto the first $k$ components of the PCA
#   of all training digits. Each class has a mean point there; a test digit gets the
#   class whose mean is nearest.
# * **3-nearest neighbours.** In the same $k$ coordinates, find the 3 training digits
#   nearest to the test digit; they vote, each vote weighted by 1 / distance (so when all
#   three disagree, the nearest wins).
# * **Class subspaces.** Fit a separate $k$-component PCA to each class's 400 training
#   digits. A class is then a flat "sheet" through its mean digit, spanned by its own
#   eigen-digits. A test digit gets the class whose sheet is nearest, that is, which
#   rebuilds it with the smallest error.
#
# The code is in `course/pca_classifiers.py`. Each classifier is fitted once with the
# largest $k$; smaller $k$ use the first components of the same fit, which is exact
# because the first $k$ components do not depend on how many were fitted. The first two
# classifiers reuse `pca` from above instead of fitting the same PCA again.

# %% slideshow={"slide_type": "subslide"}
from course.pca_classifiers import accuracy_vs_k

class_ks = [1, 2, 5, 10, 20, 30, 50, 100, 200]
table = accuracy_vs_k(class_ks, data.x_train, data.y_train, data.x_test, data.y_test, pca=pca,
                      progress=True)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"accuracy on the {table.n_test:,} bundled test digits, trained on {table.n_train:,}:")
print(table.format())
best_name, best_k, best_acc = table.best()
print(f"\nbest: {best_name} with k = {best_k}: {100 * best_acc:.1f} %")
for name, acc in table.accuracy.items():
    first = next((k for k, a in zip(table.ks, acc) if a > FOOLING_POST_PCA), None)
    print(f"{name:<22} best {100 * acc.max():.1f} % (k = {table.ks[acc.argmax()]}); "
          f"above the fooling post's 70 % from k = {first}")

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(7.5, 4.2))
for (name, acc), marker in zip(table.accuracy.items(), "os^"):
    ax.plot(table.ks, 100 * acc, marker=marker, label=name)   # colour and dash from the course's cycle
ax.axhline(100 * FOOLING_POST_PCA, color="0.4", ls=(0, (1, 1)), lw=1.2)
ax.text(table.ks[-1], 100 * FOOLING_POST_PCA - 5, "the fooling post: about 70 %", ha="right",
        va="top", color="0.3")
ax.set_xscale("log")
ax.set_xticks(table.ks, [str(k) for k in table.ks])
ax.set_xlabel("number of components k (log scale)")
ax.set_ylabel("test accuracy (%)")
ax.set_ylim(0, 100)
ax.set_title("Classifying the bundled test digits with k eigen-digits")
ax.legend(loc="lower right")
show(fig, alt=f"Test accuracy of three classifiers against the number of components k from "
              f"{table.ks[0]} to {table.ks[-1]} (log scale), with the fooling post's "
              f"{pct(FOOLING_POST_PCA, 0)} as a dotted line: "
              + "; ".join(f"{name} peaks at {pct(acc.max())} (k = {table.ks[acc.argmax()]})"
                          for name, acc in table.accuracy.items()) + ".")

# %% [markdown] slideshow={"slide_type": "skip"}
# How long did that take? Each classifier was fitted once (with k = 200; the first two
# only had to project onto `pca`, the third fitted ten PCAs) and then predicted the
# 1,000 test digits once for every k. (Times depend on the machine;
# `benchmarks/pca_accuracy.py` times a fresh fit for every k and runs the same
# comparison on the official 10,000 test digits when they are available.)

# %% slideshow={"slide_type": "skip"}
for name in table.accuracy:
    print(f"{name:<22} fit {table.fit_seconds[name].sum():.2f} s, "
          f"predict (all k together) {table.predict_seconds[name].sum():.2f} s")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
acc = table.accuracy
ks = list(table.ks)
ncm, knn, sub = acc["nearest class mean"], acc["3-nearest neighbours"], acc["class subspaces"]
ncm_first = next(k for k, a in zip(ks, ncm) if a > FOOLING_POST_PCA)
md(f"""
What the table says:

* **Nearest class mean** levels off at {pct(ncm.max())}, {100 * (best_acc - ncm.max()):.1f}
  points below the best. A class mean is one blurred average per class (chapter 1's mean
  digits, seen through k components), and a single point cannot describe the many ways a
  digit is written. It passes the fooling post's {pct(FOOLING_POST_PCA, 0)} from k =
  {ncm_first}, so the post's figure is about what this simplest rule gives; we cannot tell
  which method the post used.
* **3-nearest neighbours** needs a few components more ({pct(knn[ks.index(5)])} at k = 5,
  {pct(knn[ks.index(20)])} at k = 20) and peaks at {pct(knn.max())} (k =
  {ks[knn.argmax()]}): with enough directions to tell digits apart, a digit's closest
  training digits are usually of its own class. Beyond that, the extra components add
  mostly noise to the distances: {pct(knn[-1])} at k = {ks[-1]}.
* **Class subspaces** gets {pct(sub[0])} with a single component (the next slide says why)
  and peaks at {pct(sub.max())} (k = {ks[sub.argmax()]}). With many components it gets
  worse, {pct(sub[-1])} at k = {ks[-1]}: a sheet of {ks[-1]} dimensions fitted to about
  {len(X) // 10} digits of a class is so large that it rebuilds digits of other classes
  well too.

On these {len(data.y_test):,} test digits one more correct digit is {pct(1 / len(data.y_test))}, so differences
of a few tenths of a percent between the best two are not meaningful.
""")

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### Why class subspaces win at k = 1
#
# With one component, nearest class mean and 3-nearest neighbours see a single number
# per digit, its coordinate along component 1: every digit is squeezed onto one line.
# The class-subspace classifier measures something else: the distance, in all 784
# pixels, from the digit to a line through each class's mean along that class's own
# first component. Which of the two differences matters? The nearest-mean rule in all 784
# pixels (no PCA at all) separates them:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
X_test = as_features(data.x_test)
class_means = np.stack([X[data.y_train == c].mean(axis=0) for c in range(10)])
squared = (X_test ** 2).sum(1)[:, None] - 2 * X_test @ class_means.T + (class_means ** 2).sum(1)
ncm_784 = float((squared.argmin(axis=1) == data.y_test).mean())
print(f"nearest class mean, k = 1 (one coordinate per digit):        {ncm[0]:6.1%}")
print(f"nearest class mean in all 784 pixels (no PCA):                {ncm_784:6.1%}")
print(f"class subspaces, k = 1 (a line per class, in all 784 pixels): {sub[0]:6.1%}")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
md(f"""
Most of the gap is the pixels: the same nearest-mean rule goes from {pct(ncm[0])} with one
coordinate to {pct(ncm_784)} with all 784, because distances in all pixels keep what one
coordinate throws away. Each class's own first direction then adds
{100 * (sub[0] - ncm_784):.1f} points more: the distance to a line through a class's mean is
never larger than the distance to the mean itself, and it shrinks most for a digit that
differs from the mean the way digits of that class usually do.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
fit_all = sum(table.fit_seconds[name].sum() for name in table.accuracy)
predict_all = sum(table.predict_seconds[name].sum() for name in table.accuracy)
md(f"""
**Say:** three classifiers on the first k components: nearest class mean, 3-nearest
neighbours, and class subspaces (a separate PCA per class; the class whose sheet rebuilds
the digit best wins). In this run fitting all three took {fit_all:.1f} s and predicting every
k {predict_all:.1f} s (the skipped cell prints each).

**Ask:** with a single component, which one works, and why? **Expect:** class subspaces:
{pct(sub[0])} at k = 1, against {pct(ncm[0])} and {pct(knn[0])}: its error is measured in all
784 pixels, the others see one coordinate; nearest class mean in all 784 pixels already gets
{pct(ncm_784)}. Best overall: {best_name}, {pct(best_acc)} at k = {best_k}; the class mean
levels off at {pct(ncm.max())} and passes the fooling post's {pct(FOOLING_POST_PCA, 0)} only
from k = {ncm_first}. Subspaces drop to {pct(sub[-1])} at k = {ks[-1]}.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises
#
# The three functions you wrote are in the sections above. These questions ask for
# numbers: compute each answer in a cell of your own, then put it in place of `None`.
#
# **1.** How many principal components of the training digits (not standardised) keep
# at least 90 % of their variance?
#
# <details><summary>Hint</summary>
#
# `np.cumsum(pca.explained_variance_ratio)` is the share kept by the first 1, 2, 3, …
# components. Find the first one that reaches 0.9, and remember that positions count from
# 0 while components count from 1. (`components_for_variance` does it for you.)
# </details>

# %% slideshow={"slide_type": "fragment"}
answer = None  # replace None with your answer
check("ch04.components_90", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **2.** The same question for the standardised PCA (`fit_pca(data.x_train,
# standardise=True)`). More components or fewer? Why?
#
# <details><summary>Hint</summary>
#
# `pca_std` above is that PCA. Standardising gives every pixel variance 1, also the
# ones that are inked in only a few digits.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch04.components_90_standardised", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **3.** Rebuild every test digit from the first 10 components (`reconstruction_error(pca,
# data.x_test, 10)` gives the error of each). Which class (0 to 9) has the smallest
# average error? Guess first, and say why, then compute.
#
# <details><summary>Hint</summary>
#
# Average the errors over the digits of each class, `data.y_test == c`: ten averages, one
# per class. The answer is the class whose average is smallest.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch04.best_rebuilt_class", answer)

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.check import exercises

answers = exercises()
md(f"""
**Do:** the answers if the room is stuck: {answers["ch04.components_90"].answer} components keep
90 % of the raw variance; standardised needs {answers["ch04.components_90_standardised"].answer},
more, because rarely inked pixels get as much weight as the centre; the
{answers["ch04.best_rebuilt_class"].answer}s are rebuilt best from 10 components (a single
stroke, little ink to get wrong). For `rebuild`, let someone forget to add the mean back and
run the check: it says so.

**Ask:** more components or fewer for 90 % after standardising, and why? **Expect:** more
({answers["ch04.components_90_standardised"].answer} against
{answers["ch04.components_90"].answer}): the variance is spread over the loud, rarely inked
border pixels.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * PCA finds the directions in which digits vary most: the eigenvectors of the pixel
#   covariance matrix, or equally the right singular vectors of the centred data. You
#   wrote it in a few lines, `principal_components` and `component_variances`, and
#   checked it against the course's tested `fit_pca`; a sign rule makes the pictures the
#   same every run.
# * The components are signed pictures, eigen-digits: differences between digits, not
#   digits. A few dozen keep most of the variance.
# * Blank pixels have zero variance; standardising must not divide by it. It also makes
#   rarely inked pixels as loud as the centre, which is why we leave pixels unscaled.
#   Pixels inked in a single digit move together, so even more directions than blank
#   pixels have zero variance: the rank of the data says how many.
# * A digit is rebuilt from k components by adding them to the mean digit (your
#   `rebuild`); the error falls fast with k.
# * The fooling post's 70 % is about what the simplest rule gets; k-nearest neighbours
#   and per-class subspaces on a few dozen components do far better (the table above),
#   with no neural network at all. That is the bar the networks of the next chapters
#   have to clear.
#
# Next: **5a · Dreams and fooling**.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** PCA = eigenvectors of the covariance, or the SVD of the centred data, a few
lines the learners wrote, checked against `fit_pca`; eigen-digits are differences; blank pixels must not be
divided by zero, and standardising is wrong for pixels; rebuilding error falls fast with k.

**Ask:** {best_name} on {best_k} eigen-digit coordinates reads {pct(best_acc)} of these test
digits. Look up chapter 3's network on the same digits: what does the comparison tell us?
**Expect:** a method with no training loop at all sets the bar; a network has to beat it by
more than a few digits in {len(data.y_test):,} to show that it learned more than distances.
""")
