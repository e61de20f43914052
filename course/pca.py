"""Principal component analysis from scratch: eigen-digits (chapter 4).

Treat each of the 784 pixels as a variable. PCA finds the directions in pixel space
along which the training digits vary most: the *principal components*, here called
eigen-digits because each one is itself a 28 x 28 picture. Two routes give them:

* ``method="eig"``: the eigenvectors of the covariance matrix
  ``S = Xc.T @ Xc / (n - 1)`` (784 x 784), where ``Xc`` is the data with the mean digit
  subtracted. Eigenvalues, largest first, are the variances along each component.
* ``method="svd"``: the singular value decomposition ``Xc = U diag(s) Vt``. Then
  ``S = Vt.T diag(s**2 / (n - 1)) Vt``, so the rows of ``Vt`` are the same eigenvectors
  and ``s**2 / (n - 1)`` the same eigenvalues, without ever forming ``S`` (more accurate
  for small variances; the default). When n > d we first take the QR decomposition
  ``Xc = Q R`` and decompose the small (d, d) ``R``, which has the same ``s`` and ``Vt``.

**Sign convention.** An eigenvector is only defined up to its sign (``v`` and ``-v`` are
equally good). So that pictures and numbers are the same on every run and with either
method, we flip each component so that its entry of largest absolute value is positive
(the convention scikit-learn's PCA uses too). Components with (numerically) zero
variance, of which there are many when some pixels never change, are an arbitrary
orthonormal basis of the directions in which the data does not vary; only the
components with distinct, non-zero variances are determined by the data.

**Standardising.** ``standardise=True`` first divides each pixel (after subtracting its
mean) by its standard deviation over the training digits (``ddof=0``, as
scikit-learn's ``StandardScaler``). MNIST's corner pixels are 0 in every digit, so their
standard deviation is 0; we divide those pixels by 1 instead (they are 0 after
centring anyway), so nothing becomes NaN.

Images are accepted as ``(n, 28, 28)`` or ``(n, 784)``; ``uint8`` images are divided
by 255, float images are used as they are (the course's are in [0, 1]). Everything is
computed in float64. Data with another number of features ``d`` works as ``(n, d)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

__all__ = ["PCA", "fit_pca", "transform", "reconstruct", "reconstruction_error",
           "components_for_variance", "truncate", "standard_deviations", "rank_limit",
           "as_features", "check_k", "METHODS"]

METHODS = ("svd", "eig")


@dataclass(frozen=True, repr=False)
class PCA:
    """A fitted PCA. ``d`` is the number of features (784 for MNIST).

    mean : (d,) the mean training digit (in [0, 1] units for images)
    scale : (d,) what each centred feature was divided by (its standard deviation, 1 where
        that is 0), or None when the data was not standardised
    components : (k, d) the principal components, orthonormal rows, largest variance first
    explained_variance : (k,) variance of the training data along each component
        (eigenvalues of the covariance matrix, ``ddof=1``)
    explained_variance_ratio : (k,) the same as a share of the total variance
    total_variance : sum of the variances of all d features (after standardising, if any)
    n_samples : how many training rows were used
    method : ``"svd"`` or ``"eig"``, how the components were computed
    """

    mean: np.ndarray
    scale: np.ndarray | None
    components: np.ndarray
    explained_variance: np.ndarray
    explained_variance_ratio: np.ndarray
    total_variance: float
    n_samples: int
    method: str

    @property
    def n_components(self) -> int:
        return len(self.components)

    @property
    def n_features(self) -> int:
        return len(self.mean)

    def __repr__(self) -> str:
        kept = float(self.explained_variance_ratio.sum())
        return (f"PCA(k={self.n_components} of {self.n_features} features, method={self.method!r}, "
                f"standardised={self.scale is not None}, n_samples={self.n_samples:,}, "
                f"keeps {kept:.1%} of the variance)")


# --------------------------------------------------------------------------- validation


def as_features(X, *, name: str = "X", n_features: int | None = None) -> np.ndarray:
    """Data as a float64 ``(n, d)`` array; images ``(n, H, W)`` are flattened to ``(n, H*W)``.

    ``uint8`` is divided by 255; other numbers are used as they are. Raises ValueError,
    naming ``name``, for other shapes, a wrong number of features (when ``n_features``
    is given), no rows, NaN or infinite values, or non-numeric data.
    """
    x = np.asarray(X)
    expected = (f"(n, {n_features}) or (n, 28, 28)" if n_features == 784
                else f"(n, {n_features})" if n_features else "(n, features) or (n, height, width)")
    if x.ndim == 3:
        x = x.reshape(x.shape[0], x.shape[1] * x.shape[2])
    if x.ndim != 2:
        hint = " For one image, pass image[None] (a batch of one)." if x.ndim in (1, 2) else ""
        raise ValueError(f"{name}: expected an array of shape {expected}, got shape {x.shape}.{hint}")
    if n_features is not None and x.shape[1] != n_features:
        hint = (" For one 28 x 28 image, pass image[None] (a batch of one)."
                if np.asarray(X).shape == (28, 28) else "")
        raise ValueError(f"{name}: expected an array of shape {expected} to match the fitted "
                         f"PCA, got shape {np.asarray(X).shape}.{hint}")
    if len(x) == 0 or x.shape[1] == 0:
        raise ValueError(f"{name}: got an empty array of shape {np.asarray(X).shape}; "
                         "it needs at least one row and one feature.")
    if x.dtype == np.uint8:
        return x.astype(np.float64) / 255.0
    if x.dtype == bool or not (np.issubdtype(x.dtype, np.floating) or np.issubdtype(x.dtype, np.integer)):
        raise ValueError(f"{name}: expected numbers, got dtype {x.dtype}.")
    x = x.astype(np.float64)
    bad = ~np.isfinite(x)
    if bad.any():
        raise ValueError(f"{name}: {int(bad.sum())} values are NaN or infinite; PCA needs finite "
                         "numbers. Remove or replace them first.")
    return x


def check_k(k, limit: int | None = None, *, what: str = "", name: str = "k") -> int:
    """``k`` as an int in 1..limit, or ValueError naming ``name``, the value and the limit."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number, got {k!r}.")
    k = int(k)
    if k <= 0:
        raise ValueError(f"{name} must be at least 1, got {k}.")
    if limit is not None and k > limit:
        raise ValueError(f"{name}={k} is larger than {what}; choose {name} between 1 and {limit}.")
    return k


def rank_limit(n_samples: int, n_features: int) -> int:
    """The most components a PCA of ``n_samples`` rows can have: ``min(n - 1, d)``.

    Centring removes one degree of freedom, so ``n`` points span at most ``n - 1``
    directions; and there are only ``d`` directions in all.
    """
    return min(n_samples - 1, n_features)


# --------------------------------------------------------------------------- fitting


def _sign_flip(components: np.ndarray) -> np.ndarray:
    """Flip each row so that its entry of largest absolute value is positive."""
    biggest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(len(components)), biggest])
    signs[signs == 0] = 1.0
    return components * signs[:, None]


def standard_deviations(X) -> tuple[np.ndarray, np.ndarray]:
    """Per-feature standard deviation (``ddof=0``) and a mask of the zero-variance ones.

    X : (n, d) or (n, 28, 28). Returns (std (d,), constant (d,) bool). A feature counts
    as constant when its standard deviation is below ``1e-12`` times its largest
    absolute value (rounding can leave a tiny non-zero number for a constant column).
    """
    x = as_features(X)
    std = x.std(axis=0)
    constant = std <= 1e-12 * np.maximum(np.abs(x).max(axis=0), 1e-300)
    return std, constant


def fit_pca(X, k: int | None = None, *, method: str = "svd", standardise: bool = False) -> PCA:
    """Fit a PCA to the rows of ``X``.

    X : (n, 28, 28) uint8 or (n, 784) float (any ``(n, d)`` works), n >= 2.
    k : how many components to keep, 1 to ``min(n - 1, d)``; None keeps them all.
        The first k components do not depend on k (they are the same as the first k of
        a PCA with more), so fitting once with many and using fewer is exact.
    method : ``"svd"`` (SVD of the centred data) or ``"eig"`` (eigendecomposition of the
        covariance matrix); they agree to rounding error.
    standardise : divide each centred feature by its standard deviation; features with
        zero variance are divided by 1 (see the module docstring).

    Returns a `PCA`; its components follow the sign convention of the module docstring.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}.")
    x = as_features(X)
    n, d = x.shape
    if n < 2:
        raise ValueError(f"X: PCA needs at least 2 rows (samples), got {n}.")
    limit = rank_limit(n, d)
    k = limit if k is None else check_k(
        k, limit, what=f"the rank limit min(n - 1, d) = min({n - 1}, {d}) = {limit} of X")
    mean = x.mean(axis=0)
    xc = x - mean
    scale = None
    if standardise:
        std, constant = standard_deviations(x)
        scale = np.where(constant, 1.0, std)
        xc = xc / scale
    if method == "svd":
        # With more rows than columns, first reduce Xc = Q R (Q with orthonormal columns,
        # R (d, d)): R has the same singular values and right singular vectors as Xc,
        # and its SVD is much cheaper than that of the tall Xc (U is never needed).
        small = np.linalg.qr(xc, mode="r") if n > d else xc
        _, s, vt = np.linalg.svd(small, full_matrices=False)
        variances = s ** 2 / (n - 1)
        vectors = vt
    else:
        cov = xc.T @ xc / (n - 1)
        values, vecs = np.linalg.eigh(cov)  # ascending
        order = np.argsort(values)[::-1]
        variances = np.clip(values[order], 0.0, None)  # rounding can give -1e-17
        vectors = vecs[:, order].T
    total = float((xc ** 2).sum() / (n - 1))
    components = _sign_flip(vectors[:k])
    variances = variances[:k]
    ratio = variances / total if total > 0 else np.zeros_like(variances)
    return PCA(mean=mean, scale=scale, components=np.ascontiguousarray(components),
               explained_variance=variances, explained_variance_ratio=ratio,
               total_variance=total, n_samples=n, method=method)


def truncate(pca: PCA, k: int) -> PCA:
    """The same PCA with only its first ``k`` components (exact: components are nested)."""
    k = check_k(k, pca.n_components, what=f"the {pca.n_components} components this PCA has")
    return replace(pca, components=pca.components[:k], explained_variance=pca.explained_variance[:k],
                   explained_variance_ratio=pca.explained_variance_ratio[:k])


# --------------------------------------------------------------------------- using a fitted PCA


def _centre(pca: PCA, X, name: str) -> np.ndarray:
    x = as_features(X, name=name, n_features=pca.n_features) - pca.mean
    return x if pca.scale is None else x / pca.scale


def _k(pca: PCA, k) -> int:
    if k is None:
        return pca.n_components
    return check_k(k, pca.n_components, what=f"the {pca.n_components} components this PCA has "
                    "(fit it with more, or with k=None for all)")


def transform(pca: PCA, X, k: int | None = None) -> np.ndarray:
    """Coordinates of each row of ``X`` along the first ``k`` components.

    X : (n, 28, 28) or (n, 784). Returns Z : (n, k) float64,
    ``Z = ((X - mean) / scale) @ components[:k].T``.
    """
    k = _k(pca, k)
    return _centre(pca, X, "X") @ pca.components[:k].T


def reconstruct(pca: PCA, X, k: int | None = None) -> np.ndarray:
    """Each row of ``X`` rebuilt from its first ``k`` principal coordinates.

    ``X_hat = mean + scale * (Z @ components[:k])`` with ``Z = transform(pca, X, k)``:
    the nearest point to X in the affine subspace through the mean spanned by the first
    k components. Returns the shape X came in ((n, 28, 28) or (n, 784)), float64 in
    the units of the mean (not clipped: values can leave [0, 1]).
    """
    k = _k(pca, k)
    shape = np.shape(X)
    z = _centre(pca, X, "X") @ pca.components[:k].T
    back = z @ pca.components[:k]
    if pca.scale is not None:
        back = back * pca.scale
    return (back + pca.mean).reshape(shape)


def reconstruction_error(pca: PCA, X, k: int | None = None) -> np.ndarray:
    """Mean squared error per pixel of each row's reconstruction with ``k`` components.

    Returns (n,) float64: ``mean((X - reconstruct(pca, X, k))**2)`` over the pixels, in
    the units of X (for images: [0, 1] squared).
    """
    x = as_features(X, name="X", n_features=pca.n_features)
    return ((x - reconstruct(pca, x, k)) ** 2).mean(axis=1)


def components_for_variance(pca: PCA, fraction: float) -> int:
    """The smallest number of components that together keep ``fraction`` of the variance.

    fraction : in (0, 1], e.g. 0.9 for 90 %. Raises ValueError when the fitted
    components together keep less than that (fit with more components).
    """
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float, np.floating, np.integer)) \
            or not 0 < fraction <= 1:
        raise ValueError(f"fraction must be a number in (0, 1], e.g. 0.9 for 90 %, got {fraction!r}.")
    cumulative = np.cumsum(pca.explained_variance_ratio)
    # The full sum is 1 only up to rounding; allow for it.
    reached = np.flatnonzero(cumulative >= fraction - 1e-12)
    if len(reached) == 0:
        raise ValueError(f"the {pca.n_components} fitted components keep only {cumulative[-1]:.1%} of "
                         f"the variance, less than fraction={fraction}; fit the PCA with more "
                         "components (k=None keeps all).")
    return int(reached[0] + 1)
