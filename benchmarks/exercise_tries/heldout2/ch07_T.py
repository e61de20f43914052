import numpy as np


def right_rows(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)


def right_columns(f, A, B, X):
    return f((A @ X.T).T) + f((B @ X.T).T)


def right_loop(f, A, B, X):
    out = np.empty(X.shape[0])
    for i, x in enumerate(X):
        out[i] = f((A @ x)[None, :])[0] + f((B @ x)[None, :])[0]
    return out


def wrong_no_transpose(f, A, B, X):
    """X @ A instead of X @ A.T: moves the points by A^T"""
    return f(X @ A) + f(X @ B)


def wrong_linear(f, A, B, X):
    """assumes f is linear: f(Ax + Bx) instead of f(Ax) + f(Bx)"""
    return f(X @ (A + B).T)


def wrong_A_twice(f, A, B, X):
    """copy-paste slip: uses A in both terms"""
    return f(X @ A.T) + f(X @ A.T)


def wrong_composition(f, A, B, X):
    """applies A and then B to the same point: f(BAx)"""
    return f(X @ A.T @ B.T)


def wrong_stacked(f, A, B, X):
    """returns the two terms side by side, (n, 2), instead of their sum"""
    return np.stack([f(X @ A.T), f(X @ B.T)], axis=1)


def wrong_average(f, A, B, X):
    """averages the two terms instead of adding them"""
    return 0.5 * (f(X @ A.T) + f(X @ B.T))
