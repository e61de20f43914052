"""Attempts at ch04.component_variances, written from the question and the notebook only."""

import numpy as np


def right_svd(X):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s ** 2 / (len(X) - 1)


def right_eigvalsh(X):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    S = Xc.T @ Xc / (len(X) - 1)
    return np.linalg.eigvalsh(S)[::-1]


def right_np_cov(X):
    S = np.cov(np.asarray(X, dtype=float), rowvar=False)
    lam = np.linalg.eigvalsh(np.atleast_2d(S))
    return np.sort(np.clip(lam, 0, None))[::-1]


def wrong_ddof0(X):
    """Divides by n instead of n - 1."""
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s ** 2 / len(X)


def wrong_standard_deviations(X):
    """Returns sigma_i / sqrt(n - 1), the standard deviations along the components, not the variances."""
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s / np.sqrt(len(X) - 1)


def wrong_ascending(X):
    """Returns eigvalsh's eigenvalues as they come, smallest first."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    return np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))


def wrong_no_centring(X):
    """Forgets to subtract the mean before the SVD."""
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X, compute_uv=False)
    return s ** 2 / (len(X) - 1)


def wrong_shares(X):
    """Returns each component's share of the total variance (the ratio), not the variance."""
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    lam = s ** 2 / (len(X) - 1)
    return lam / lam.sum()


def wrong_pixel_variances(X):
    """Returns the variance of each column (pixel), sorted, instead of along the components."""
    X = np.asarray(X, dtype=float)
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def wrong_no_division(X):
    """Returns the squared singular values sigma_i^2 without dividing by n - 1."""
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s ** 2


def wrong_eig_unsorted(X):
    """Uses np.linalg.eig on the covariance and returns its eigenvalues in eig's (unsorted) order."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    values, _ = np.linalg.eig(Xc.T @ Xc / (len(X) - 1))
    return values.real


def wrong_standardised(X):
    """Divides each column by its standard deviation first (eigenvalues of the correlation matrix)."""
    X = np.asarray(X, dtype=float)
    sd = X.std(axis=0, ddof=1)
    Z = (X - X.mean(axis=0)) / np.where(sd > 0, sd, 1)
    s = np.linalg.svd(Z, compute_uv=False)
    return s ** 2 / (len(X) - 1)
