import numpy as np

from course.data import load_mnist
from course.pca import fit_pca

_pca = fit_pca(load_mnist("bundled").x_train)   # the notebook's global `pca`


def right_matmul(X, mean, components, k):
    V = components[:k]
    Z = (X - mean) @ V.T
    return mean + Z @ V


def right_loop(X, mean, components, k):
    X = np.asarray(X, dtype=float)
    out = np.empty_like(X)
    for i, x in enumerate(X):
        d = x - mean
        xh = np.array(mean, dtype=float, copy=True)
        for j in range(k):
            z = components[j] @ d
            xh = xh + z * components[j]
        out[i] = xh
    return out


def right_einsum(X, mean, components, k):
    V = np.asarray(components)[:k]
    Z = np.einsum("nd,kd->nk", X - mean[None, :], V)
    return np.einsum("nk,kd->nd", Z, V) + mean


def wrong_mean_not_added_back(X, mean, components, k):
    """Forgets to add the mean back after projecting."""
    V = components[:k]
    return ((X - mean) @ V.T) @ V


def wrong_not_centred(X, mean, components, k):
    """Projects x instead of x − μ: z_j = v_j · x."""
    V = components[:k]
    return mean + (X @ V.T) @ V


def wrong_all_components(X, mean, components, k):
    """Ignores k and rebuilds from every component given."""
    Z = (X - mean) @ components.T
    return mean + Z @ components


def wrong_k_plus_one(X, mean, components, k):
    """Off by one: reads j <= k with Python's 0-based j and keeps k + 1 components."""
    V = components[:k + 1]
    return mean + ((X - mean) @ V.T) @ V


def wrong_columns_instead_of_rows(X, mean, components, k):
    """Slices the first k columns of components instead of its first k rows."""
    V = components[:, :k]
    Z = (X - mean) @ V
    return mean + Z @ V.T


def wrong_in_place_centring(X, mean, components, k):
    """Centres X in place with -=, changing the caller's array."""
    X -= mean
    V = components[:k]
    return mean + (X @ V.T) @ V


def wrong_global_mean(X, mean, components, k):
    """Uses the notebook's global pca.mean instead of the mean argument."""
    V = components[:k]
    return _pca.mean + ((X - _pca.mean) @ V.T) @ V
