import numpy as np


def right_svd(X):
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return s ** 2 / (X.shape[0] - 1)


def right_eigvalsh(X):
    n = X.shape[0]
    Xc = X - X.mean(axis=0, keepdims=True)
    S = Xc.T @ Xc / (n - 1)
    return np.linalg.eigvalsh(S)[::-1]


def right_np_cov_loop(X):
    S = np.cov(X, rowvar=False)
    vals, _ = np.linalg.eigh(S)
    order = np.argsort(vals)[::-1]
    return np.array([vals[i] for i in order])


def wrong_divide_by_n(X):
    """Divides by n instead of n − 1 (population variance)."""
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return s ** 2 / X.shape[0]


def wrong_smallest_first(X):
    """Returns eigvalsh's order, smallest first, without reversing."""
    Xc = X - X.mean(axis=0)
    return np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))


def wrong_singular_values_not_squared(X):
    """Uses σ_i / (n − 1): forgot to square the singular values."""
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return s / (X.shape[0] - 1)


def wrong_not_centred(X):
    """Takes the SVD of X without subtracting the mean first."""
    s = np.linalg.svd(X, compute_uv=False)
    return s ** 2 / (X.shape[0] - 1)


def wrong_np_cov_rows_as_variables(X):
    """np.cov(X) without rowvar=False: covariance of the rows (n x n), n eigenvalues."""
    vals = np.linalg.eigvalsh(np.cov(X))
    return vals[::-1]


def wrong_pixel_variances(X):
    """Returns each column's (pixel's) variance, sorted, instead of the variances along the components."""
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def wrong_explained_ratio(X):
    """Returns the share of variance of each component (normalised to sum 1) instead of λ_i."""
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    lam = s ** 2 / (X.shape[0] - 1)
    return lam / lam.sum()
