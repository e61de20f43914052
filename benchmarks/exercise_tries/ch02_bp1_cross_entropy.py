"""Attempts at ch02.bp1_cross_entropy, written from the question and the notebook only."""

import numpy as np


def right_simplified(a, y):
    return (a - y) / len(a)


def right_unsimplified(a, y):
    """∇_a C ⊙ σ'(z) written out term by term, then multiplied (no cancelling on paper)."""
    n = a.shape[0]
    grad_a = (-(y / a) + (1 - y) / (1 - a)) / n
    return grad_a * a * (1 - a)


def right_rows_loop(a, y):
    n = a.shape[0]
    out = np.empty_like(a, dtype=np.float64)
    for i in range(n):
        out[i] = (a[i] - y[i]) / n
    return out


def wrong_no_one_over_n(a, y):
    """Forgets the 1/n of the mean over the batch."""
    return a - y


def wrong_kept_sigma_prime(a, y):
    """Keeps the quadratic cost's σ'(z) = a(1 − a): that is the classic network's BP1, not this cost's."""
    return (a - y) * a * (1 - a) / len(a)


def wrong_sign(a, y):
    """Gets the sign wrong: δ^L = (y − a)/n."""
    return (y - a) / len(a)


def wrong_divides_by_outputs(a, y):
    """Divides by the number of outputs (a.shape[1] = 10) instead of the batch size n."""
    return (a - y) / a.shape[1]


def wrong_divides_by_size(a, y):
    """Divides by n·10, every entry of the array, instead of n."""
    return (a - y) / a.size


def wrong_grad_a_only(a, y):
    """Returns ∂C/∂a (BP1 without the σ' factor) instead of δ^L = ∂C/∂z."""
    return (-(y / a) + (1 - y) / (1 - a)) / len(a)


def wrong_mean_over_batch(a, y):
    """Averages over the digits, returning one row (10,) instead of one per digit."""
    return (a - y).mean(axis=0)


def wrong_drops_second_term(a, y):
    """Differentiates only y ln a and drops the (1 − y) ln(1 − a) term."""
    return -y * (1 - a) / len(a)


def wrong_in_place(a, y):
    """Subtracts in place (a -= y), changing the caller's outputs a."""
    a -= y
    return a / len(a)
