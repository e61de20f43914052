"""Attempts at ch02.backprop, written from the question and the notebook only."""

import numpy as np
import torch

from course.mlp import sigmoid


def forward(W, b, a0):
    acts = [a0]
    for Wl, bl in zip(W, b):
        acts.append(sigmoid(acts[-1] @ Wl.T + bl))
    return acts


def right_vectorised(W, b, X, Y):
    acts = forward(W, b, X)
    n = len(X)
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
    """One digit at a time as a column, as in Nielsen's book, then the mean."""
    n = len(X)
    dW = [np.zeros_like(w, dtype=np.float64) for w in W]
    db = [np.zeros_like(v, dtype=np.float64) for v in b]
    for x, y in zip(X, Y):
        acts = [x.astype(np.float64)]
        for Wl, bl in zip(W, b):
            acts.append(sigmoid(Wl @ acts[-1] + bl))
        delta = (acts[-1] - y) * acts[-1] * (1 - acts[-1])
        for l in reversed(range(len(W))):
            dW[l] += np.outer(delta, acts[l])
            db[l] += delta
            if l > 0:
                delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [g / n for g in dW], [g / n for g in db]


def right_torch(W, b, X, Y):
    Wt = [torch.tensor(w, requires_grad=True) for w in W]
    bt = [torch.tensor(v, requires_grad=True) for v in b]
    a = torch.tensor(X, dtype=Wt[0].dtype)
    for w, v in zip(Wt, bt):
        a = torch.sigmoid(a @ w.T + v)
    cost = 0.5 * ((a - torch.tensor(Y, dtype=a.dtype)) ** 2).sum(dim=1).mean()
    cost.backward()
    return [w.grad.numpy() for w in Wt], [v.grad.numpy() for v in bt]


def _backprop(W, b, X, Y, *, scale=True, bp1_prime=True, bp2_prime=True, sign=1.0,
              double_sigmoid=False, db_axis=0, db_mean=False, transpose_dW=False):
    acts = forward(W, b, X)
    n = len(X)
    L = len(W)

    def prime(a):
        if double_sigmoid:
            s = sigmoid(a)
            return s * (1 - s)
        return a * (1 - a)

    dW, db = [None] * L, [None] * L
    delta = sign * (acts[-1] - Y)
    if scale:
        delta = delta / n
    if bp1_prime:
        delta = delta * prime(acts[-1])
    for l in range(L - 1, -1, -1):
        dW[l] = acts[l].T @ delta if transpose_dW else delta.T @ acts[l]
        db[l] = delta.mean(axis=db_axis) if db_mean else delta.sum(axis=db_axis)
        if l > 0:
            delta = delta @ W[l]
            if bp2_prime:
                delta = delta * prime(acts[l])
    return dW, db


def wrong_no_one_over_n(W, b, X, Y):
    """Forgets the 1/n of BP1: the gradient of the sum of the digits' costs, not their mean."""
    return _backprop(W, b, X, Y, scale=False)


def wrong_no_sigma_prime_bp1(W, b, X, Y):
    """Leaves σ'(z^L) out of BP1: δ^L = (a^L − y)/n."""
    return _backprop(W, b, X, Y, bp1_prime=False)


def wrong_no_sigma_prime_bp2(W, b, X, Y):
    """Leaves σ'(z^l) out of BP2: δ^l = δ^(l+1) W^(l+1)."""
    return _backprop(W, b, X, Y, bp2_prime=False)


def wrong_sign(W, b, X, Y):
    """Writes ∇_a C = (y − a^L)/n: every gradient has the wrong sign."""
    return _backprop(W, b, X, Y, sign=-1.0)


def wrong_sigmoid_of_activation(W, b, X, Y):
    """Computes σ'(z) as σ(a)(1 − σ(a)), applying σ a second time to the activation."""
    return _backprop(W, b, X, Y, double_sigmoid=True)


def wrong_db_wrong_axis(W, b, X, Y):
    """Sums δ^l over the neurons (axis 1) instead of over the digits for ∇_b C."""
    return _backprop(W, b, X, Y, db_axis=1)


def wrong_db_mean(W, b, X, Y):
    """Averages δ^l over the rows for ∇_b C, dividing by n a second time."""
    return _backprop(W, b, X, Y, db_mean=True)


def wrong_dW_transposed(W, b, X, Y):
    """Computes BP4 as (a^(l−1))ᵀ δ^l, the transpose of ∇_W C."""
    return _backprop(W, b, X, Y, transpose_dW=True)


def wrong_reversed_lists(W, b, X, Y):
    """Appends the gradients while walking back from the output and forgets to reverse the lists."""
    acts = forward(W, b, X)
    n = len(X)
    dW, db = [], []
    delta = (acts[-1] - Y) / n * acts[-1] * (1 - acts[-1])
    for l in range(len(W) - 1, -1, -1):
        dW.append(delta.T @ acts[l])
        db.append(delta.sum(axis=0))
        if l > 0:
            delta = (delta @ W[l]) * acts[l] * (1 - acts[l])
    return dW, db
