import numpy as np
import torch


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def right_loop(W, b, a0):
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(_sig(acts[-1] @ Wl.T + bl))
    return acts


def right_columns(W, b, a0):
    acts = [a0]
    a = a0.T
    for Wl, bl in zip(W, b):
        a = _sig(Wl @ a + bl[:, None])
        acts.append(a.T)
    return acts


def right_torch(W, b, a0):
    acts = [a0]
    a = torch.as_tensor(a0)
    for Wl, bl in zip(W, b):
        a = torch.sigmoid(a @ torch.as_tensor(Wl).T + torch.as_tensor(bl))
        acts.append(a.numpy())
    return acts


def wrong_columns_returned(W, b, a0):
    """Nielsen's column convention: returns the activations as columns (n_l, n), not rows."""
    acts = [a0]
    a = a0.T
    for Wl, bl in zip(W, b):
        a = _sig(Wl @ a + bl[:, None])
        acts.append(a)
    return acts


def wrong_linear_output(W, b, a0):
    """Forgets the sigmoid on the last layer: returns z^L as the output."""
    acts = [a0]
    for l, (Wl, bl) in enumerate(zip(W, b)):
        z = acts[-1] @ Wl.T + bl
        acts.append(z if l == len(W) - 1 else _sig(z))
    return acts


def wrong_no_input(W, b, a0):
    """Leaves a^0 out of the list: returns [a^1, ..., a^L]."""
    acts = []
    a = a0
    for Wl, bl in zip(W, b):
        a = _sig(a @ Wl.T + bl)
        acts.append(a)
    return acts


def wrong_only_output(W, b, a0):
    """Returns only the output a^L instead of the list of activations."""
    a = a0
    for Wl, bl in zip(W, b):
        a = _sig(a @ Wl.T + bl)
    return a


def wrong_sigmoid_sign(W, b, a0):
    """Sigmoid with the sign flipped: 1 / (1 + exp(z))."""
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(1.0 / (1.0 + np.exp(acts[-1] @ Wl.T + bl)))
    return acts


def wrong_no_bias(W, b, a0):
    """Forgets to add the biases."""
    acts = [a0]
    for Wl in W:
        acts.append(_sig(acts[-1] @ Wl.T))
    return acts


def wrong_stores_z(W, b, a0):
    """Stores the weighted inputs z^l in the list instead of the activations a^l."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        z = a @ Wl.T + bl
        a = _sig(z)
        acts.append(z)
    return acts
