import numpy as np
import torch


def right_simplified(a, y):
    return (a - y) / a.shape[0]


def right_loop(a, y):
    n, k = a.shape
    delta = np.empty((n, k), dtype=np.float64)
    for i in range(n):
        for j in range(k):
            delta[i, j] = (a[i, j] - y[i, j]) / n
    return delta


def right_torch(a, y):
    at = torch.as_tensor(np.asarray(a, dtype=np.float64))
    yt = torch.as_tensor(np.asarray(y, dtype=np.float64))
    return ((at - yt) / len(at)).numpy()


def wrong_no_mean(a, y):
    """Forgets the 1/n of the mean over the batch: δ^L = a − y."""
    return a - y


def wrong_keeps_sigmoid_prime(a, y):
    """Keeps the quadratic cost's σ' factor: (a − y)/n ⊙ a(1 − a)."""
    return (a - y) / len(a) * a * (1 - a)


def wrong_sign(a, y):
    """Gets the sign of the derivative wrong: (y − a)/n."""
    return (y - a) / len(a)


def wrong_divides_by_size(a, y):
    """Divides by a.size (n times 10 outputs) instead of the batch size n."""
    return (a - y) / a.size


def wrong_grad_a_only(a, y):
    """Returns ∇_a C = (a − y)/(a(1 − a) n) and forgets to multiply by σ'(z)."""
    return (a - y) / (a * (1 - a)) / len(a)


def wrong_batch_mean(a, y):
    """Averages over the batch, returning one (10,) row instead of δ for every digit."""
    return (a - y).mean(axis=0)


def wrong_drops_second_term(a, y):
    """Differentiates only the y ln a term and drops (1 − y) ln(1 − a): δ = −y(1 − a)/n."""
    return -y * (1 - a) / len(a)
