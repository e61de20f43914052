import numpy as np


def right_svd(X):
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return s ** 2 / (len(X) - 1)


def right_eigvalsh(X):
    Xc = X - X.mean(axis=0)
    S = Xc.T @ Xc / (X.shape[0] - 1)
    return np.linalg.eigvalsh(S)[::-1]


def right_np_cov(X):
    vals = np.linalg.eigvalsh(np.cov(X, rowvar=False))
    return np.sort(vals)[::-1]


def wrong_divide_by_n(X):
    """Divides by n instead of n − 1."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False) ** 2 / len(X)


def wrong_singular_values(X):
    """Returns the singular values σ_i themselves instead of σ_i² / (n − 1)."""
    return np.linalg.svd(X - X.mean(axis=0), compute_uv=False)


def wrong_not_divided(X):
    """Squares the singular values but forgets to divide by n − 1."""
    return np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2


def wrong_ascending(X):
    """Returns eigvalsh's order, smallest first."""
    Xc = X - X.mean(axis=0)
    return np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))


def wrong_not_centred(X):
    """Forgets to subtract the mean before the SVD."""
    return np.linalg.svd(X, compute_uv=False) ** 2 / (len(X) - 1)


def wrong_pixel_variances(X):
    """Returns each column's variance, sorted, instead of the variances along the components."""
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def wrong_cov_rows(X):
    """np.cov(X) without rowvar=False: the covariance of the rows, an n × n matrix."""
    return np.sort(np.linalg.eigvalsh(np.cov(X)))[::-1]
