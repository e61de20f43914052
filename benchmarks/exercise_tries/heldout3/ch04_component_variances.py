import numpy as np


def right_svd(X):
    X = np.asarray(X, dtype=np.float64)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s ** 2 / (len(X) - 1)


def right_eigvalsh(X):
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    S = Xc.T @ Xc / (X.shape[0] - 1)
    return np.linalg.eigvalsh(S)[::-1]


def right_np_cov(X):
    S = np.cov(np.asarray(X, dtype=np.float64), rowvar=False)
    return np.sort(np.linalg.eigvalsh(np.atleast_2d(S)))[::-1]


def wrong_divide_by_n(X):
    """Divides by n instead of n − 1 (population instead of sample covariance)."""
    X = np.asarray(X, dtype=np.float64)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s ** 2 / len(X)


def wrong_singular_values_not_squared(X):
    """Forgets to square the singular values: σ_i / (n − 1) instead of σ_i² / (n − 1)."""
    X = np.asarray(X, dtype=np.float64)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s / (len(X) - 1)


def wrong_no_centring(X):
    """Takes the singular values of X without subtracting the mean."""
    X = np.asarray(X, dtype=np.float64)
    s = np.linalg.svd(X, compute_uv=False)
    return s ** 2 / (len(X) - 1)


def wrong_ascending(X):
    """Returns eigvalsh's eigenvalues as they come, smallest first."""
    X = np.asarray(X, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    return np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))


def wrong_cov_of_rows(X):
    """np.cov(X) without rowvar=False: the covariance of the rows (n x n), cut to d values to fit the shape."""
    X = np.asarray(X, dtype=np.float64)
    vals = np.linalg.eigvalsh(np.cov(X))[::-1]
    return vals[:X.shape[1]]


def wrong_pixel_variances(X):
    """Returns the variance of each column (pixel) sorted largest first, not the variance along each component."""
    X = np.asarray(X, dtype=np.float64)
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def wrong_explained_ratio(X):
    """Normalises the variances to shares that add up to 1 (explained variance ratio)."""
    X = np.asarray(X, dtype=np.float64)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    lam = s ** 2 / (len(X) - 1)
    return lam / lam.sum()
