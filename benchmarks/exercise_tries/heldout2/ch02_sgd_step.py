import numpy as np
import torch


def right_comprehension(W, b, dW, db, eta):
    return [w - eta * g for w, g in zip(W, dW)], [v - eta * g for v, g in zip(b, db)]


def right_loop_copy(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W)):
        w = W[l].copy()
        w -= eta * dW[l]
        v = b[l].copy()
        v -= eta * db[l]
        new_W.append(w)
        new_b.append(v)
    return new_W, new_b


def right_torch(W, b, dW, db, eta):
    nw = [(torch.as_tensor(w) - eta * torch.as_tensor(g)).numpy() for w, g in zip(W, dW)]
    nb = [(torch.as_tensor(v) - eta * torch.as_tensor(g)).numpy() for v, g in zip(b, db)]
    return nw, nb


def wrong_in_place_arrays(W, b, dW, db, eta):
    """Updates the given arrays in place with -= (changes the caller's weights)."""
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def wrong_list_alias(W, b, dW, db, eta):
    """new_W = W aliases the given list, so replacing its items changes the caller's list."""
    new_W, new_b = W, b
    for l in range(len(W)):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def wrong_plus(W, b, dW, db, eta):
    """Steps up the gradient (+) instead of down (gradient ascent)."""
    return [w + eta * g for w, g in zip(W, dW)], [v + eta * g for v, g in zip(b, db)]


def wrong_biases_not_updated(W, b, dW, db, eta):
    """Updates the weights and forgets the biases."""
    return [w - eta * g for w, g in zip(W, dW)], [v.copy() for v in b]


def wrong_bias_without_eta(W, b, dW, db, eta):
    """Forgets eta on the bias step: b - db."""
    return [w - eta * g for w, g in zip(W, dW)], [v - g for v, g in zip(b, db)]


def wrong_swapped_return(W, b, dW, db, eta):
    """Returns (new_b, new_W) instead of (new_W, new_b)."""
    return [v - eta * g for v, g in zip(b, db)], [w - eta * g for w, g in zip(W, dW)]


def wrong_last_layer_only(W, b, dW, db, eta):
    """Only updates the last layer (the one BP1 gives directly)."""
    nw = [w.copy() for w in W]
    nb = [v.copy() for v in b]
    nw[-1] = W[-1] - eta * dW[-1]
    nb[-1] = b[-1] - eta * db[-1]
    return nw, nb
