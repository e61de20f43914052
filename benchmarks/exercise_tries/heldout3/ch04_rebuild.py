import numpy as np


def right_two_products(X, mean, components, k):
    V = components[:k]
    Z = (X - mean) @ V.T
    return mean + Z @ V


def right_loop(X, mean, components, k):
    Xc = np.asarray(X, dtype=np.float64) - mean
    out = np.tile(np.asarray(mean, dtype=np.float64), (len(X), 1))
    for j in range(k):
        v = components[j]
        z = Xc @ v
        out += np.outer(z, v)
    return out


def right_projection_matrix(X, mean, components, k):
    V = np.asarray(components[:k], dtype=np.float64)
    P = V.T @ V
    return mean + (np.asarray(X, dtype=np.float64) - mean) @ P


def wrong_mean_not_added_back(X, mean, components, k):
    """Forgets to add the mean back after going back from the coordinates."""
    V = components[:k]
    return ((X - mean) @ V.T) @ V


def wrong_mean_not_subtracted(X, mean, components, k):
    """Computes the coordinates from x instead of x − μ (but adds μ back)."""
    V = components[:k]
    return mean + (X @ V.T) @ V


def wrong_one_based(X, mean, components, k):
    """Reads Σ_{j=1}^{k} with 1-based indices: uses components 1..k and skips the first one (row 0)."""
    V = components[1:k + 1]
    return mean + ((X - mean) @ V.T) @ V


def wrong_ignores_k(X, mean, components, k):
    """Uses all the components it is given instead of the first k."""
    V = components
    return mean + ((X - mean) @ V.T) @ V


def wrong_in_place(X, mean, components, k):
    """Centres X in place (X -= mean), which changes the caller's array."""
    X -= mean
    V = components[:k]
    return mean + (X @ V.T) @ V


def wrong_returns_coordinates(X, mean, components, k):
    """Returns the principal coordinates z (n, k) instead of the rebuilt digits."""
    return (X - mean) @ components[:k].T


def wrong_last_k(X, mean, components, k):
    """Takes the last k components, as if they were sorted smallest variance first like eigh's."""
    V = components[-k:]
    return mean + ((X - mean) @ V.T) @ V
