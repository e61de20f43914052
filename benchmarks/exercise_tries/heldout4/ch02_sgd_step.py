import numpy as np

eta_global = 3.0     # the classic network's learning rate, set earlier in the notebook


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


def right_subtract(W, b, dW, db, eta):
    new_W = list(map(lambda w, g: np.subtract(w, np.multiply(eta, g, dtype=w.dtype), dtype=w.dtype), W, dW))
    new_b = list(map(lambda v, g: np.subtract(v, np.multiply(eta, g, dtype=v.dtype), dtype=v.dtype), b, db))
    return new_W, new_b


def wrong_in_place(W, b, dW, db, eta):
    """Updates the given arrays in place with -= and returns the same lists."""
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def wrong_plus(W, b, dW, db, eta):
    """Steps up the gradient (+ η ∇C) instead of down."""
    return [w + eta * g for w, g in zip(W, dW)], [v + eta * g for v, g in zip(b, db)]


def wrong_no_eta(W, b, dW, db, eta):
    """Forgets the learning rate: subtracts the bare gradient."""
    return [w - g for w, g in zip(W, dW)], [v - g for v, g in zip(b, db)]


def wrong_only_weights(W, b, dW, db, eta):
    """Updates the weights but returns the biases unchanged."""
    return [w - eta * g for w, g in zip(W, dW)], list(b)


def wrong_global_eta(W, b, dW, db, eta):
    """Uses the notebook's global η = 3 instead of the eta argument."""
    return ([w - eta_global * g for w, g in zip(W, dW)],
            [v - eta_global * g for v, g in zip(b, db)])


def wrong_mutates_lists(W, b, dW, db, eta):
    """Builds new arrays but stores them in the given lists (the caller's lists change)."""
    for l in range(len(W)):
        W[l] = W[l] - eta * dW[l]
        b[l] = b[l] - eta * db[l]
    return W, b


def wrong_skips_last_layer(W, b, dW, db, eta):
    """Off by one: range(len(W) - 1) leaves the last layer unchanged."""
    new_W, new_b = list(W), list(b)
    for l in range(len(W) - 1):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b
