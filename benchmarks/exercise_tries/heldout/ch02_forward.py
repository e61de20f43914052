import numpy as np

from course.mlp import sigmoid


def right_loop(W, b, a0):
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
        acts.append(a)
    return acts


def right_explicit_exp(W, b, a0):
    acts = [a0]
    for l in range(len(W)):
        z = acts[-1] @ W[l].T + b[l]
        acts.append(1.0 / (1.0 + np.exp(-z)))
    return acts


def right_column_style(W, b, a0):
    # Nielsen's columns: one digit per column, then back to rows
    acts = [a0]
    a = a0.T
    for Wl, bl in zip(W, b):
        a = sigmoid(Wl @ a + bl[:, None])
        acts.append(a.T)
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
    """Multiplies by W instead of its transpose (a @ W)."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl + bl)
        acts.append(a)
    return acts


def wrong_linear_output(W, b, a0):
    """No sigmoid on the last layer (returns logits there, PyTorch habit)."""
    acts = [a0]
    a = a0
    for l, (Wl, bl) in enumerate(zip(W, b)):
        z = a @ Wl.T + bl
        a = z if l == len(W) - 1 else sigmoid(z)
        acts.append(a)
    return acts


def wrong_only_output(W, b, a0):
    """Returns only the last activation a^L instead of the list of all layers."""
    a = a0
    for Wl, bl in zip(W, b):
        a = sigmoid(a @ Wl.T + bl)
    return a


def wrong_sigmoid_sign(W, b, a0):
    """Misremembers the sigmoid as 1 / (1 + e^z) (sign of the exponent)."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        a = 1.0 / (1.0 + np.exp(a @ Wl.T + bl))
        acts.append(a)
    return acts


def wrong_keeps_z(W, b, a0):
    """Stores the weighted inputs z^l in the list instead of the activations a^l."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        z = a @ Wl.T + bl
        acts.append(z)
        a = sigmoid(z)
    return acts


def wrong_relu(W, b, a0):
    """Uses ReLU instead of the sigmoid."""
    acts = [a0]
    a = a0
    for Wl, bl in zip(W, b):
        a = np.maximum(0, a @ Wl.T + bl)
        acts.append(a)
    return acts
