import numpy as np
import torch

from course.mlp import sigmoid


def _forward(W, b, X):
    acts = [X]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_loop(W, b, X, Y):
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])          # BP1
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]                                    # BP4
        db[l] = delta.sum(axis=0)                                    # BP3
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])         # BP2
    return dW, db


def right_per_digit_columns(W, b, X, Y):
    """Nielsen's way: one digit at a time as a column, the 1/n applied at the end."""
    n = X.shape[0]
    dW = [np.zeros_like(Wl) for Wl in W]
    db = [np.zeros_like(bl) for bl in b]
    for x, y in zip(X, Y):
        acts = [x[:, None]]
        for Wl, bl in zip(W, b):
            acts.append(sigmoid(Wl @ acts[-1] + bl[:, None]))
        delta = (acts[-1] - y[:, None]) * acts[-1] * (1 - acts[-1])
        for l in reversed(range(len(W))):
            dW[l] += delta @ acts[l].T
            db[l] += delta[:, 0]
            delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [g / n for g in dW], [g / n for g in db]


def right_autograd(W, b, X, Y):
    Ws = [torch.tensor(Wl, dtype=torch.float64, requires_grad=True) for Wl in W]
    bs = [torch.tensor(bl, dtype=torch.float64, requires_grad=True) for bl in b]
    a = torch.tensor(X, dtype=torch.float64)
    for Wl, bl in zip(Ws, bs):
        a = torch.sigmoid(a @ Wl.T + bl)
    cost = 0.5 * ((a - torch.tensor(Y, dtype=torch.float64)) ** 2).sum(dim=1).mean()
    cost.backward()
    return ([t.grad.numpy().astype(Wl.dtype) for t, Wl in zip(Ws, W)],
            [t.grad.numpy().astype(bl.dtype) for t, bl in zip(bs, b)])


def wrong_bp1_no_sigma_prime(W, b, X, Y):
    """BP1 without σ'(z^L): δ^L = (a^L − y)/n."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_no_one_over_n(W, b, X, Y):
    """Forgets the 1/n of the mean cost: gradients of the summed cost."""
    acts = _forward(W, b, X)
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_transposed_dW(W, b, X, Y):
    """BP4 written as a^(l−1)ᵀ δ^l: dW comes out transposed."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = acts[l].T @ delta
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_sigma_prime_of_a(W, b, X, Y):
    """Computes σ' by applying the sigmoid again to the activations: σ(a)(1 − σ(a))."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    sp = lambda a: sigmoid(a) * (1 - sigmoid(a))
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * sp(acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * sp(acts[l])
    return dW, db


def wrong_sign_flipped(W, b, X, Y):
    """BP1 with y − a instead of a − y: every gradient has the wrong sign."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (Y - acts[-1]) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_reversed_lists(W, b, X, Y):
    """Appends the gradients while walking backwards and never reverses: last layer first."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [], []
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW.append(delta.T @ acts[l])
        db.append(delta.sum(axis=0))
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_bp2_no_sigma_prime(W, b, X, Y):
    """BP2 forgets the σ'(z^l) factor: δ^l = δ^(l+1) W^(l+1)."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = delta @ W[l]
    return dW, db
