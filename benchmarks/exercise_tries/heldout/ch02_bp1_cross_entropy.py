import numpy as np


def right_simplified(a, y):
    return (a - y) / a.shape[0]


def right_unsimplified(a, y):
    n = len(a)
    dC_da = (-(y / a) + (1 - y) / (1 - a)) / n
    return dC_da * a * (1 - a)


def right_loop_float64(a, y):
    a = np.asarray(a, dtype=np.float64)
    out = np.empty_like(a)
    n, k = a.shape
    for i in range(n):
        for j in range(k):
            out[i, j] = (a[i, j] - y[i, j]) / n
    return out


def wrong_no_mean(a, y):
    """Leaves out the 1/n of the mean over the batch."""
    return a - y


def wrong_sign(a, y):
    """Sign flipped: (y − a)/n."""
    return (y - a) / len(a)


def wrong_kept_sigma_prime(a, y):
    """Multiplies by σ'(z) = a(1 − a) once more, as in the quadratic cost's BP1."""
    return (a - y) / len(a) * a * (1 - a)


def wrong_only_dC_da(a, y):
    """Returns ∂C/∂a and forgets the factor σ'(z^L) = a(1 − a)."""
    return (-(y / a) + (1 - y) / (1 - a)) / len(a)


def wrong_divide_by_classes(a, y):
    """Divides by the number of outputs (10) instead of the number of digits n."""
    return (a - y) / a.shape[1]


def wrong_mean_over_batch(a, y):
    """Takes the mean over the batch: returns one row (10,) instead of δ for every digit."""
    return (a - y).mean(axis=0)


def wrong_dropped_second_term(a, y):
    """Differentiates only −y ln a and drops the (1 − y) ln(1 − a) term: −y(1 − a)/n."""
    return -y * (1 - a) / len(a)
