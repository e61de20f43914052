import numpy as np
import torch

from course.mlp import sigmoid


def right_loop(W, b, a0):
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_column_style(W, b, a0):
    """Nielsen's columns: z = W a + b with digits as columns, transposed back."""
    acts = [a0]
    a = a0.T
    for l in range(len(W)):
        a = 1.0 / (1.0 + np.exp(-(W[l] @ a + b[l][:, None])))
        acts.append(a.T)
    return acts


def right_torch(W, b, a0):
    acts = [a0]
    a = torch.from_numpy(np.asarray(a0))
    for Wl, bl in zip(W, b):
        a = torch.sigmoid(a @ torch.from_numpy(Wl).T + torch.from_numpy(bl))
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


def wrong_linear_output(W, b, a0):
    """No sigmoid on the last layer: the outputs are the weighted inputs z^L."""
    acts = [a0]
    for l, (Wl, bl) in enumerate(zip(W, b)):
        z = acts[-1] @ Wl.T + bl
        acts.append(z if l == len(W) - 1 else sigmoid(z))
    return acts


def wrong_bias_after_sigmoid(W, b, a0):
    """Adds the bias after the sigmoid: σ(a Wᵀ) + b."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T) + bl)
    return acts


def wrong_only_output(W, b, a0):
    """Returns only the final activation a^L instead of the list of all layers."""
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
    return a


def wrong_sigmoid_sign(W, b, a0):
    """Own sigmoid with a sign slip: 1 / (1 + e^z)."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(1.0 / (1.0 + np.exp(acts[-1] @ Wl.T + bl)))
    return acts


def wrong_keeps_z(W, b, a0):
    """Stores the weighted inputs z^l in the list instead of the activations a^l."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        z = a @ Wl.T + bl
        a = sigmoid(z)
        acts.append(z)
    return acts


def wrong_tanh(W, b, a0):
    """Uses tanh as the activation instead of the sigmoid."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(np.tanh(acts[-1] @ Wl.T + bl))
    return acts
