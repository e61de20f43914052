import numpy as np
import torch


def right_simple(a, y):
    return (a - y) / a.shape[0]


def right_unsimplified(a, y):
    n = len(a)
    grad_a = -(y / a - (1 - y) / (1 - a)) / n
    return grad_a * a * (1 - a)


def right_torch(a, y):
    at = torch.as_tensor(a, dtype=torch.float64)
    z = torch.logit(at).detach().requires_grad_(True)
    C = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.as_tensor(y, dtype=torch.float64), reduction="sum") / a.shape[0]
    C.backward()
    return z.grad.numpy().astype(np.result_type(a, y))


def wrong_no_mean(a, y):
    """Forgets the 1/n: delta = a - y."""
    return a - y


def wrong_kept_sigma_prime(a, y):
    """Keeps the quadratic cost's sigma' factor: (a - y) a (1 - a) / n."""
    return (a - y) * a * (1 - a) / a.shape[0]


def wrong_sign(a, y):
    """Sign flipped: (y - a) / n."""
    return (y - a) / a.shape[0]


def wrong_grad_a_only(a, y):
    """Stops at dC/da and forgets to multiply by sigma'(z)."""
    return (a - y) / (a * (1 - a)) / a.shape[0]


def wrong_first_term_only(a, y):
    """Differentiates only the y ln a term: -y / a times sigma', over n."""
    return -y / a * a * (1 - a) / a.shape[0]


def wrong_divide_by_classes(a, y):
    """Divides by the number of classes (10, the columns) instead of the batch size n."""
    return (a - y) / a.shape[1]


def wrong_divide_by_size(a, y):
    """Divides by n * 10 (a.size), as if the cost were a mean over all entries."""
    return (a - y) / a.size
