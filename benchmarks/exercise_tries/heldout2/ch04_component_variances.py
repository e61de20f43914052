import numpy as np
import torch


def right_svd(X):
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    return s ** 2 / (len(X) - 1)


def right_eigvalsh(X):
    S = np.cov(X, rowvar=False)
    return np.linalg.eigvalsh(S)[::-1]


def right_torch(X):
    t = torch.as_tensor(X, dtype=torch.float64)
    t = t - t.mean(dim=0)
    S = t.T @ t / (t.shape[0] - 1)
    return torch.flip(torch.linalg.eigvalsh(S), dims=[0]).numpy()


def wrong_divide_by_n(X):
    """Divides by n instead of n - 1 (np.var's default ddof=0)."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False) ** 2 / len(X)


def wrong_not_squared(X):
    """Forgets to square the singular values: sigma / (n - 1)."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False) / (len(X) - 1)


def wrong_no_division(X):
    """Returns sigma^2 without dividing by n - 1."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False) ** 2


def wrong_smallest_first(X):
    """Keeps eigvalsh's increasing order instead of largest first."""
    return np.linalg.eigvalsh(np.cov(X, rowvar=False))


def wrong_no_centring(X):
    """Forgets to centre X before the SVD."""
    return np.linalg.svd(X, compute_uv=False) ** 2 / (len(X) - 1)


def wrong_pixel_variances(X):
    """Returns the variances of the columns (pixels), sorted, instead of along the components."""
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def wrong_standard_deviations(X):
    """Returns the standard deviations sigma / sqrt(n - 1) instead of the variances."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False) / np.sqrt(len(X) - 1)
