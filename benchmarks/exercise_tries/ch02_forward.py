"""Attempts at ch02.forward, written from the question and the notebook only."""

import numpy as np

from course.mlp import sigmoid


def right_loop(W, b, a0):
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_columns(W, b, a0):
    """Works with digits as columns (Nielsen's way) and transposes back."""
    a = a0.T
    acts = [a0]
    for Wl, bl in zip(W, b):
        a = 1.0 / (1.0 + np.exp(-(Wl @ a + bl[:, None])))
        acts.append(a.T)
    return acts


def right_einsum(W, b, a0):
    acts = [a0]
    for l in range(len(W)):
        z = np.einsum("nk,jk->nj", acts[l], W[l]) + b[l]
        acts.append(sigmoid(z))
    return acts


def wrong_no_a0(W, b, a0):
    """Leaves a^0 out of the list: returns [a^1, ..., a^L]."""
    acts, a = [], a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
        acts.append(a)
    return acts


def wrong_no_transpose(W, b, a0):
    """Multiplies by W instead of Wᵀ: a^(l−1) W^l + b^l."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl + bl))
    return acts


def wrong_linear_output(W, b, a0):
    """Leaves σ out of the last layer: a^L = z^L."""
    acts = [a0]
    for l, (Wl, bl) in enumerate(zip(W, b)):
        z = acts[-1] @ Wl.T + bl
        acts.append(z if l == len(W) - 1 else sigmoid(z))
    return acts


def wrong_no_sigmoid(W, b, a0):
    """Forgets σ altogether: every layer is just a^(l−1) (W^l)ᵀ + b^l."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(acts[-1] @ Wl.T + bl)
    return acts


def wrong_bias_after_sigmoid(W, b, a0):
    """Adds the bias after σ: σ(a Wᵀ) + b instead of σ(a Wᵀ + b)."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T) + bl)
    return acts


def wrong_only_last(W, b, a0):
    """Returns only the output a^L instead of the list of all activations."""
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
    return a


def wrong_keeps_z(W, b, a0):
    """Keeps the weighted inputs z^l in the list instead of the activations a^l."""
    acts, a = [a0], a0
    for Wl, bl in zip(W, b):
        z = a @ Wl.T + bl
        acts.append(z)
        a = sigmoid(z)
    return acts


def wrong_sigmoid_sign(W, b, a0):
    """Writes σ(z) = 1 / (1 + e^z), dropping the minus sign."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(1.0 / (1.0 + np.exp(acts[-1] @ Wl.T + bl)))
    return acts


def wrong_append_before_update(W, b, a0):
    """Appends a before computing the next layer: a^0 twice and a^L missing."""
    acts, a = [a0], a0
    for Wl, bl in zip(W, b):
        acts.append(a)
        a = sigmoid(a @ Wl.T + bl)
    return acts
