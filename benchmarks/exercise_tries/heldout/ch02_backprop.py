import numpy as np
import torch

from course.mlp import sigmoid


def _forward(W, b, X):
    acts = [X]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_vectorised(W, b, X, Y):
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    a = acts[-1]
    delta = (a - Y) / n * a * (1 - a)
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def right_per_digit(W, b, X, Y):
    n = X.shape[0]
    dW = [np.zeros_like(Wl, dtype=np.float64) for Wl in W]
    db = [np.zeros_like(bl, dtype=np.float64) for bl in b]
    for x, y in zip(X, Y):
        acts = [x]
        for Wl, bl in zip(W, b):
            acts.append(sigmoid(Wl @ acts[-1] + bl))
        delta = (acts[-1] - y) * acts[-1] * (1 - acts[-1])
        for l in reversed(range(len(W))):
            dW[l] += np.outer(delta, acts[l])
            db[l] += delta
            delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [g / n for g in dW], [g / n for g in db]


def right_torch_autograd(W, b, X, Y):
    Ws = [torch.tensor(Wl, dtype=torch.float64, requires_grad=True) for Wl in W]
    bs = [torch.tensor(bl, dtype=torch.float64, requires_grad=True) for bl in b]
    a = torch.tensor(X, dtype=torch.float64)
    for Wl, bl in zip(Ws, bs):
        a = torch.sigmoid(a @ Wl.T + bl)
    cost = 0.5 * ((a - torch.tensor(Y, dtype=torch.float64)) ** 2).sum(dim=1).mean()
    cost.backward()
    return [Wl.grad.numpy() for Wl in Ws], [bl.grad.numpy() for bl in bs]


def wrong_no_mean(W, b, X, Y):
    """Leaves the 1/n out of BP1 (gradient of the sum, not the mean)."""
    acts = _forward(W, b, X)
    L = len(W)
    dW, db = [None] * L, [None] * L
    a = acts[-1]
    delta = (a - Y) * a * (1 - a)
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_bp1_without_sigma_prime(W, b, X, Y):
    """BP1 without σ'(z^L): δ^L = (a^L − y)/n, the cross-entropy formula."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_dW_transposed(W, b, X, Y):
    """BP4 the other way round: a^(l-1)ᵀ δ^l, the transpose of the weight gradient."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    a = acts[-1]
    delta = (a - Y) / n * a * (1 - a)
    for l in range(L - 1, -1, -1):
        dW[l] = acts[l].T @ delta
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_bp2_without_sigma_prime(W, b, X, Y):
    """BP2 without the factor σ'(z^l): δ^l = δ^(l+1) W^(l+1)."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    a = acts[-1]
    delta = (a - Y) / n * a * (1 - a)
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = delta @ W[l]
    return dW, db


def wrong_sigmoid_of_activation(W, b, X, Y):
    """Computes σ' as σ(a)(1 − σ(a)), putting the activations through the sigmoid again."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L

    def sp(a):
        return sigmoid(a) * (1 - sigmoid(a))

    delta = (acts[-1] - Y) / n * sp(acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * sp(acts[l])
    return dW, db


def wrong_lists_reversed(W, b, X, Y):
    """Appends the gradients while walking back and forgets to reverse: last layer first."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [], []
    a = acts[-1]
    delta = (a - Y) / n * a * (1 - a)
    for l in range(len(W) - 1, -1, -1):
        dW.append(delta.T @ acts[l])
        db.append(delta.sum(axis=0))
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_sign(W, b, X, Y):
    """Uses y − a in BP1: every gradient has the wrong sign."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    a = acts[-1]
    delta = (Y - a) / n * a * (1 - a)
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db
