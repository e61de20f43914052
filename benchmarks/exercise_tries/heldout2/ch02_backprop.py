import numpy as np
import torch


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _forward(W, b, X):
    acts = [X]
    for Wl, bl in zip(W, b):
        acts.append(_sig(acts[-1] @ Wl.T + bl))
    return acts


def right_bp(W, b, X, Y):
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW = [None] * L
    db = [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def right_per_digit(W, b, X, Y):
    n = X.shape[0]
    dW = [np.zeros_like(w, dtype=np.float64) for w in W]
    db = [np.zeros_like(v, dtype=np.float64) for v in b]
    for x, y in zip(X, Y):
        acts = [x]
        for Wl, bl in zip(W, b):
            acts.append(_sig(Wl @ acts[-1] + bl))
        delta = (acts[-1] - y) * acts[-1] * (1 - acts[-1])
        for l in range(len(W) - 1, -1, -1):
            dW[l] += np.outer(delta, acts[l]) / n
            db[l] += delta / n
            if l > 0:
                delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [d.astype(w.dtype) for d, w in zip(dW, W)], [d.astype(v.dtype) for d, v in zip(db, b)]


def right_autograd(W, b, X, Y):
    Wt = [torch.tensor(w, requires_grad=True) for w in W]
    bt = [torch.tensor(v, requires_grad=True) for v in b]
    a = torch.as_tensor(X)
    for w, v in zip(Wt, bt):
        a = torch.sigmoid(a @ w.T + v)
    C = 0.5 * ((a - torch.as_tensor(Y)) ** 2).sum() / X.shape[0]
    C.backward()
    return [w.grad.numpy() for w in Wt], [v.grad.numpy() for v in bt]


def wrong_no_mean(W, b, X, Y):
    """Forgets the 1/n of the mean cost in BP1 (gradient of the sum)."""
    acts = _forward(W, b, X)
    L = len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_bp1_no_sigma_prime(W, b, X, Y):
    """BP1 without the sigma' factor: delta^L = (a - y) / n (the cross-entropy BP1)."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_double_mean(W, b, X, Y):
    """Keeps the 1/n in BP1 and also averages (mean instead of sum) in BP3/BP4."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l] / n
        db[l] = delta.mean(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_sigma_prime_of_a(W, b, X, Y):
    """Computes sigma' by applying the sigmoid to the activations again: sigma'(a) instead of sigma'(z)."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * _sig(acts[l]) * (1 - _sig(acts[l]))
    return dW, db


def wrong_sign(W, b, X, Y):
    """Sign flipped in BP1: (y - a) instead of (a - y)."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [None] * L, [None] * L
    delta = (Y - acts[-1]) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_reversed_lists(W, b, X, Y):
    """Appends the gradients while walking back and forgets to reverse the lists."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [], []
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW.append(delta.T @ acts[l])
        db.append(delta.sum(axis=0))
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_db_not_summed(W, b, X, Y):
    """BP3 without summing over the batch: db[l] is delta itself, shape (n, n_l)."""
    acts = _forward(W, b, X)
    n, L = X.shape[0], len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db
