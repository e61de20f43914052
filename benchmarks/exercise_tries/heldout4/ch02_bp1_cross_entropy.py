import numpy as np
import torch


def right_simplified(a, y):
    return (a - y) / a.shape[0]


def right_full_chain(a, y):
    """∇_a C ⊙ σ'(z) written out before simplifying."""
    n = len(a)
    grad_a = (-(y / a) + (1 - y) / (1 - a)) / n
    return grad_a * a * (1 - a)


def right_torch(a, y):
    at = torch.as_tensor(a)
    yt = torch.as_tensor(y, dtype=at.dtype)
    return ((at - yt) / at.shape[0]).numpy()


def wrong_no_one_over_n(a, y):
    """Forgets the 1/n of the mean over the batch."""
    return a - y


def wrong_keeps_sigma_prime(a, y):
    """Keeps the σ' factor of the quadratic cost's BP1: (a − y) a (1 − a) / n."""
    return (a - y) * a * (1 - a) / a.shape[0]


def wrong_sign(a, y):
    """Sign slip: (y − a)/n."""
    return (y - a) / a.shape[0]


def wrong_divides_by_outputs(a, y):
    """Divides by the number of outputs (10, a.shape[1]) instead of the batch size."""
    return (a - y) / a.shape[1]


def wrong_only_grad_a(a, y):
    """Returns ∇_a C and forgets to multiply by σ'(z) = a(1 − a)."""
    return (-(y / a) + (1 - y) / (1 - a)) / a.shape[0]


def wrong_mean_over_batch(a, y):
    """Averages over the batch, returning one (10,) row instead of (n, 10)."""
    return (a - y).mean(axis=0)


def wrong_drops_second_term(a, y):
    """Keeps only the y ln a term of the cost: δ = −y(1 − a)/n."""
    return -y * (1 - a) / a.shape[0]
