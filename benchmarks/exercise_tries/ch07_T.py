"""Attempts at ch07.T, written from the question and the notebook only."""

import numpy as np


def right_transposes(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)


def right_row_loop(f, A, B, X):
    AX = np.stack([A @ x for x in X])
    BX = np.stack([B @ x for x in X])
    return np.asarray(f(AX)) + np.asarray(f(BX))


def right_einsum(f, A, B, X):
    return f(np.einsum("ij,nj->ni", A, X)) + f(np.einsum("ij,nj->ni", B, X))


def wrong_untransposed(f, A, B, X):
    """Moves the points with X @ A (that is A^T x) instead of X @ A.T."""
    return f(X @ A) + f(X @ B)


def wrong_f_of_sum(f, A, B, X):
    """Evaluates f once at Ax + Bx, as if f were linear: f(Ax + Bx)."""
    return f(X @ A.T + X @ B.T)


def wrong_A_twice(f, A, B, X):
    """Copy-paste slip: uses A in both terms, f(Ax) + f(Ax)."""
    return f(X @ A.T) + f(X @ A.T)


def wrong_composed(f, A, B, X):
    """Applies A and then B to the same point, f(BAx), plus f(Ax)."""
    AX = X @ A.T
    return f(AX) + f(AX @ B.T)


def wrong_averaged(f, A, B, X):
    """Averages the two values, (f(Ax) + f(Bx)) / 2, instead of adding them."""
    return (f(X @ A.T) + f(X @ B.T)) / 2


def wrong_not_summed(f, A, B, X):
    """Returns both values side by side, shape (n, 2), instead of their sum."""
    return np.stack([f(X @ A.T), f(X @ B.T)], axis=1)


def wrong_in_place_buffer(f, A, B, X):
    """Reuses X as a buffer (X[:] = X @ A.T): the caller's points change and Bx becomes BAx."""
    X[:] = X @ A.T
    first = f(X)
    return first + f(X @ B.T)
