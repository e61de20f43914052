import numpy as np
import torch

from course.mlp import sigmoid


def _forward(W, b, X):
    acts = [X]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_batch(W, b, X, Y):
    acts = _forward(W, b, X)
    n = X.shape[0]
    L = len(W)
    dW, db = [None] * L, [None] * L
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
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
            if l > 0:
                delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [g / n for g in dW], [g / n for g in db]


def right_torch_autograd(W, b, X, Y):
    Wt = [torch.tensor(np.asarray(Wl, dtype=np.float64), requires_grad=True) for Wl in W]
    bt = [torch.tensor(np.asarray(bl, dtype=np.float64), requires_grad=True) for bl in b]
    a = torch.tensor(np.asarray(X, dtype=np.float64))
    for Wl, bl in zip(Wt, bt):
        a = torch.sigmoid(a @ Wl.T + bl)
    y = torch.tensor(np.asarray(Y, dtype=np.float64))
    cost = 0.5 * ((a - y) ** 2).sum(dim=1).mean()
    cost.backward()
    return [Wl.grad.numpy() for Wl in Wt], [bl.grad.numpy() for bl in bt]


def wrong_no_sigmoid_prime_bp1(W, b, X, Y):
    """Leaves σ'(z^L) out of BP1: δ^L = (a^L − y)/n."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_no_mean(W, b, X, Y):
    """Forgets the 1/n of the mean cost: the gradient of the summed cost."""
    acts = _forward(W, b, X)
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_transposed_dW(W, b, X, Y):
    """Writes BP4 as a^(l−1)ᵀ δ^l, the transpose of ∇_W C."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = acts[l].T @ delta
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_bias_mean(W, b, X, Y):
    """Takes the mean of δ's rows for db although δ already carries the 1/n (a 1/n² on db)."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.mean(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_reversed_lists(W, b, X, Y):
    """Appends the gradients while walking back and forgets to reverse: last layer first."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [], []
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW.append(delta.T @ acts[l])
        db.append(delta.sum(axis=0))
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db


def wrong_sigmoid_of_activation(W, b, X, Y):
    """Computes σ' as σ(a)(1 − σ(a)), applying the sigmoid to the activations a second time."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dprime = lambda a: sigmoid(a) * (1 - sigmoid(a))
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * dprime(acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * dprime(acts[l])
    return dW, db


def wrong_hidden_no_sigmoid_prime(W, b, X, Y):
    """Leaves σ'(z^l) out of BP2: δ^l = δ^(l+1) W^(l+1) in the hidden layers."""
    acts = _forward(W, b, X)
    n = X.shape[0]
    dW, db = [None] * len(W), [None] * len(W)
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW[l] = delta.T @ acts[l]
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = delta @ W[l]
    return dW, db
