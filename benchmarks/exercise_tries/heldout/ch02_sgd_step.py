import numpy as np


def right_comprehension(W, b, dW, db, eta):
    return [w - eta * g for w, g in zip(W, dW)], [c - eta * g for c, g in zip(b, db)]


def right_copy_then_inplace(W, b, dW, db, eta):
    new_W = [w.copy() for w in W]
    new_b = [c.copy() for c in b]
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def right_np_subtract(W, b, dW, db, eta):
    new_W = []
    new_b = []
    for w, c, gw, gc in zip(W, b, dW, db):
        new_W.append(np.subtract(w, np.multiply(eta, gw)))
        new_b.append(np.subtract(c, np.multiply(eta, gc)))
    return new_W, new_b


def wrong_inplace_arrays(W, b, dW, db, eta):
    """Updates the given arrays in place (W[l] -= ...) and returns the same lists."""
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def wrong_shallow_copy(W, b, dW, db, eta):
    """Copies the lists but not the arrays, then updates in place: the caller's arrays change."""
    new_W = list(W)
    new_b = b.copy()
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def wrong_ascent(W, b, dW, db, eta):
    """Adds the gradient (W + η∇) instead of subtracting it."""
    return [w + eta * g for w, g in zip(W, dW)], [c + eta * g for c, g in zip(b, db)]


def wrong_biases_forgotten(W, b, dW, db, eta):
    """Updates the weights only; the biases come back unchanged."""
    return [w - eta * g for w, g in zip(W, dW)], [c.copy() for c in b]


def wrong_no_eta(W, b, dW, db, eta):
    """Forgets the learning rate: W − ∇W."""
    return [w - g for w, g in zip(W, dW)], [c - g for c, g in zip(b, db)]


def wrong_last_layer_skipped(W, b, dW, db, eta):
    """Off by one: range(len(W) - 1) leaves the last layer out."""
    new_W = [w.copy() for w in W]
    new_b = [c.copy() for c in b]
    for l in range(len(W) - 1):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def wrong_returns_steps(W, b, dW, db, eta):
    """Returns the steps η∇ instead of the new weights."""
    return [eta * g for g in dW], [eta * g for g in db]
