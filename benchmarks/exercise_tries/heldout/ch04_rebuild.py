import numpy as np


def right_matmul(X, mean, components, k):
    V = components[:k]
    return mean + (X - mean) @ V.T @ V


def right_loop_terms(X, mean, components, k):
    Xc = X - mean
    out = np.tile(mean, (len(X), 1)).astype(np.float64)
    for j in range(k):
        z = Xc @ components[j]
        out += np.outer(z, components[j])
    return out


def right_einsum(X, mean, components, k):
    V = components[:k]
    Z = np.einsum("nd,kd->nk", X - mean, V)
    return mean[None, :] + np.einsum("nk,kd->nd", Z, V)


def wrong_mean_not_added(X, mean, components, k):
    """Forgets to add the mean back at the end."""
    V = components[:k]
    return (X - mean) @ V.T @ V


def wrong_not_centred(X, mean, components, k):
    """Projects x itself instead of x − μ (but adds μ back)."""
    V = components[:k]
    return mean + X @ V.T @ V


def wrong_ignores_k(X, mean, components, k):
    """Uses all the components given instead of the first k."""
    return mean + (X - mean) @ components.T @ components


def wrong_columns(X, mean, components, k):
    """Takes the first k columns of components instead of the first k rows."""
    V = components[:, :k]
    return mean + (X - mean) @ V @ V.T


def wrong_k_plus_one(X, mean, components, k):
    """Reads Σ_{j<=k} as components[:k + 1]: one component too many."""
    V = components[: k + 1]
    return mean + (X - mean) @ V.T @ V


def wrong_inplace_centring(X, mean, components, k):
    """Centres with X -= mean, changing the caller's X."""
    X -= mean
    V = components[:k]
    return mean + X @ V.T @ V


def wrong_last_k(X, mean, components, k):
    """Takes the last k components (components[-k:]) instead of the first k."""
    V = components[-k:]
    return mean + (X - mean) @ V.T @ V
