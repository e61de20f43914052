import numpy as np
import torch


def right_matrix(X, mean, components, k):
    V = components[:k]
    return mean + (X - mean) @ V.T @ V


def right_loop(X, mean, components, k):
    Xc = X - mean
    out = np.tile(mean, (len(X), 1)).astype(np.result_type(X, mean, components))
    for j in range(k):
        v = components[j]
        z = Xc @ v
        out += np.outer(z, v)
    return out


def right_torch(X, mean, components, k):
    V = torch.as_tensor(components[:k])
    Z = (torch.as_tensor(X) - torch.as_tensor(mean)) @ V.T
    return (Z @ V + torch.as_tensor(mean)).numpy()


def wrong_no_mean_back(X, mean, components, k):
    """Forgets to add the mean back after projecting."""
    V = components[:k]
    return (X - mean) @ V.T @ V


def wrong_no_centring(X, mean, components, k):
    """Projects X itself instead of X - mean, then adds the mean."""
    V = components[:k]
    return mean + X @ V.T @ V


def wrong_all_components(X, mean, components, k):
    """Uses every component given instead of the first k."""
    V = components
    return mean + (X - mean) @ V.T @ V


def wrong_one_based(X, mean, components, k):
    """Reads j = 1..k as indices 1..k: skips the first component and takes k + 1's."""
    V = components[1:k + 1]
    return mean + (X - mean) @ V.T @ V


def wrong_returns_coordinates(X, mean, components, k):
    """Returns the coordinates z (n, k) instead of the rebuilt digits."""
    return (X - mean) @ components[:k].T


def wrong_clipped(X, mean, components, k):
    """Clips the rebuilt pixels to [0, 1], which the formula does not do."""
    V = components[:k]
    return np.clip(mean + (X - mean) @ V.T @ V, 0, 1)


def wrong_batch_mean(X, mean, components, k):
    """Centres with the batch's own mean X.mean(axis=0) instead of the given mean."""
    m = X.mean(axis=0)
    V = components[:k]
    return m + (X - m) @ V.T @ V
