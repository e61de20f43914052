"""Attempts at ch04.rebuild, written from the question and the notebook only."""

import numpy as np


def right_two_products(X, mean, components, k):
    V = np.asarray(components)[:k]
    Z = (np.asarray(X) - mean) @ V.T
    return mean + Z @ V


def right_loop_over_components(X, mean, components, k):
    X = np.asarray(X, dtype=float)
    Xc = X - mean
    out = np.tile(np.asarray(mean, dtype=float), (len(X), 1))
    for j in range(k):
        v = components[j]
        z = Xc @ v                       # (n,) coordinate j of every row
        out += z[:, None] * v[None, :]
    return out


def right_projector(X, mean, components, k):
    V = np.asarray(components, dtype=float)[:k]
    P = V.T @ V                          # (784, 784) projection onto the first k components
    return (np.asarray(X, dtype=float) - mean) @ P + mean


def wrong_mean_not_added_back(X, mean, components, k):
    """Forgets to add the mean back at the end."""
    V = np.asarray(components)[:k]
    return ((np.asarray(X) - mean) @ V.T) @ V


def wrong_not_centred(X, mean, components, k):
    """Projects x itself, z = v . x, not x - mu (and still adds the mean back)."""
    V = np.asarray(components)[:k]
    return mean + (np.asarray(X) @ V.T) @ V


def wrong_ignores_k(X, mean, components, k):
    """Uses every component given, not only the first k."""
    V = np.asarray(components)
    return mean + ((np.asarray(X) - mean) @ V.T) @ V


def wrong_k_minus_one(X, mean, components, k):
    """Off by one: takes components[:k - 1], counting the sum's j = 1..k as Python indices."""
    V = np.asarray(components)[:k - 1]
    return mean + ((np.asarray(X) - mean) @ V.T) @ V


def wrong_columns(X, mean, components, k):
    """Takes the first k columns of components (components[:, :k]) instead of the first k rows."""
    C = np.asarray(components)
    Z = (np.asarray(X) - mean) @ C[:, :k]
    return mean + Z @ C[:, :k].T


def wrong_clipped(X, mean, components, k):
    """Clips the rebuilt pixels to [0, 1], as the notebook does for drawing."""
    V = np.asarray(components)[:k]
    return np.clip(mean + ((np.asarray(X) - mean) @ V.T) @ V, 0, 1)


def wrong_last_k(X, mean, components, k):
    """Takes the last k components (components[-k:]), as if they came smallest variance first."""
    V = np.asarray(components)[-k:]
    return mean + ((np.asarray(X) - mean) @ V.T) @ V


def wrong_in_place(X, mean, components, k):
    """Centres X in place (X -= mean), changing the caller's array."""
    V = np.asarray(components)[:k]
    X -= mean
    return mean + (X @ V.T) @ V


def wrong_mean_subtracted(X, mean, components, k):
    """Subtracts the mean at the end instead of adding it back."""
    V = np.asarray(components)[:k]
    return ((np.asarray(X) - mean) @ V.T) @ V - mean
