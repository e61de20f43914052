import numpy as np


def right_comprehension(W, b, dW, db, eta):
    return [Wl - eta * g for Wl, g in zip(W, dW)], [bl - eta * g for bl, g in zip(b, db)]


def right_loop(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W)):
        new_W.append(W[l] - eta * dW[l])
        new_b.append(b[l] - eta * db[l])
    return new_W, new_b


def right_copy_then_subtract(W, b, dW, db, eta):
    new_W = [np.array(Wl, copy=True) for Wl in W]
    new_b = [np.array(bl, copy=True) for bl in b]
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def wrong_in_place(W, b, dW, db, eta):
    """Updates the given arrays in place (-=) and returns the same lists."""
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def wrong_plus_sign(W, b, dW, db, eta):
    """Steps up the gradient (+ η ∇C): gradient ascent."""
    return [Wl + eta * g for Wl, g in zip(W, dW)], [bl + eta * g for bl, g in zip(b, db)]


def wrong_no_eta(W, b, dW, db, eta):
    """Forgets the learning rate: subtracts the bare gradient."""
    return [Wl - g for Wl, g in zip(W, dW)], [bl - g for bl, g in zip(b, db)]


def wrong_biases_not_updated(W, b, dW, db, eta):
    """Updates only the weights and returns copies of the biases unchanged."""
    return [Wl - eta * g for Wl, g in zip(W, dW)], [bl.copy() for bl in b]


def wrong_eta_over_layers(W, b, dW, db, eta):
    """Copies Nielsen's η/m but divides by the number of layers len(W), as if it were the batch size."""
    m = len(W)
    return ([Wl - (eta / m) * g for Wl, g in zip(W, dW)],
            [bl - (eta / m) * g for bl, g in zip(b, db)])


def wrong_list_aliased(W, b, dW, db, eta):
    """new_W = W aliases the given lists, so replacing their entries changes the caller's lists."""
    new_W, new_b = W, b
    for l in range(len(W)):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def wrong_return_in_loop(W, b, dW, db, eta):
    """Returns inside the loop (indentation), so only the first layer is stepped and returned."""
    new_W, new_b = [], []
    for l in range(len(W)):
        new_W.append(W[l] - eta * dW[l])
        new_b.append(b[l] - eta * db[l])
        return new_W, new_b
