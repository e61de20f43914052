"""Attempts at ch02.sgd_step, written from the question and the notebook only."""

import numpy as np


def right_comprehension(W, b, dW, db, eta):
    return [w - eta * g for w, g in zip(W, dW)], [v - eta * g for v, g in zip(b, db)]


def right_copy_then_in_place(W, b, dW, db, eta):
    new_W = [w.copy() for w in W]
    new_b = [v.copy() for v in b]
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def right_subtract(W, b, dW, db, eta):
    new_W, new_b = [], []
    for w, v, gw, gv in zip(W, b, dW, db):
        new_W.append(np.subtract(w, np.multiply(eta, gw)))
        new_b.append(np.subtract(v, np.multiply(eta, gv)))
    return new_W, new_b


def wrong_in_place(W, b, dW, db, eta):
    """Updates the given arrays in place (W[l] -= η ∇) and returns them."""
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def wrong_ascent(W, b, dW, db, eta):
    """Adds η ∇C instead of subtracting it: a step uphill."""
    return [w + eta * g for w, g in zip(W, dW)], [v + eta * g for v, g in zip(b, db)]


def wrong_no_eta(W, b, dW, db, eta):
    """Forgets the learning rate: W − ∇C."""
    return [w - g for w, g in zip(W, dW)], [v - g for v, g in zip(b, db)]


def wrong_divides_by_eta(W, b, dW, db, eta):
    """Divides the gradient by η instead of multiplying."""
    return [w - g / eta for w, g in zip(W, dW)], [v - g / eta for v, g in zip(b, db)]


def wrong_only_weights(W, b, dW, db, eta):
    """Updates the weights but returns the biases unchanged."""
    return [w - eta * g for w, g in zip(W, dW)], list(b)


def wrong_list_alias(W, b, dW, db, eta):
    """Writes new_W = W, so assigning new_W[l] replaces the entries of the caller's list."""
    new_W, new_b = W, b
    for l in range(len(W)):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def wrong_shallow_copy(W, b, dW, db, eta):
    """Copies the lists (list.copy()) but not the arrays, then subtracts in place."""
    new_W, new_b = W.copy(), b.copy()
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def wrong_skips_last_layer(W, b, dW, db, eta):
    """Loops over range(len(W) − 1): the last layer is never updated."""
    new_W, new_b = [w.copy() for w in W], [v.copy() for v in b]
    for l in range(len(W) - 1):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def wrong_swapped_outputs(W, b, dW, db, eta):
    """Returns (new_b, new_W), the two lists in the wrong order."""
    return [v - eta * g for v, g in zip(b, db)], [w - eta * g for w, g in zip(W, dW)]
