import numpy as np
import torch

from course.mlp import sigmoid


def right_loop(W, b, a0):
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_explicit_exp(W, b, a0):
    acts = [a0]
    a = a0
    for l in range(len(W)):
        z = np.dot(a, W[l].T) + b[l][None, :]
        a = 1.0 / (1.0 + np.exp(-z))
        acts.append(a)
    return acts


def right_torch(W, b, a0):
    dtype = np.result_type(a0, *W, *b)          # torch will not mix float32 and float64
    t = lambda arr: torch.from_numpy(np.asarray(arr, dtype=dtype))
    a = t(a0)
    acts = [a0]
    for Wl, bl in zip(W, b):
        a = torch.sigmoid(a @ t(Wl).T + t(bl))
        acts.append(a.numpy())
    return acts


def wrong_missing_a0(W, b, a0):
    """Leaves a^0 out of the list: returns [a^1, ..., a^L]."""
    acts = []
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
        acts.append(a)
    return acts


def wrong_no_transpose(W, b, a0):
    """Multiplies by W instead of its transpose: a @ W + b."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl + bl))
    return acts


def wrong_linear_output(W, b, a0):
    """Leaves the sigmoid off the output layer (a linear last layer)."""
    acts = [a0]
    for l, (Wl, bl) in enumerate(zip(W, b)):
        z = acts[-1] @ Wl.T + bl
        acts.append(z if l == len(W) - 1 else sigmoid(z))
    return acts


def wrong_only_output(W, b, a0):
    """Returns only the output a^L instead of the list of all activations."""
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
    return a


def wrong_bias_after_sigmoid(W, b, a0):
    """Adds the bias after the sigmoid: σ(a Wᵀ) + b."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T) + bl)
    return acts


def wrong_stores_z(W, b, a0):
    """Keeps the weighted inputs z^l in the list instead of the activations a^l."""
    out = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        z = a @ Wl.T + bl
        out.append(z)
        a = sigmoid(z)
    return out


def wrong_skips_last_layer(W, b, a0):
    """Loops over range(len(W) - 1), so the last layer is never applied."""
    acts = [a0]
    for l in range(len(W) - 1):
        acts.append(sigmoid(acts[-1] @ W[l].T + b[l]))
    return acts
