import numpy as np


def right_rows(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)


def right_loop(f, A, B, X):
    out = []
    for x in X:
        out.append(f((A @ x)[None, :])[0] + f((B @ x)[None, :])[0])
    return np.array(out)


def right_one_call(f, A, B, X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    moved = np.vstack([(A @ X.T).T, (B @ X.T).T])
    values = np.asarray(f(moved))
    return values[:n] + values[n:]


def wrong_no_transpose(f, A, B, X):
    """X @ A moves the points by Aᵀ, not A (rows need X @ A.T)"""
    return f(X @ A) + f(X @ B)


def wrong_f_of_sum(f, A, B, X):
    """f(Ax + Bx) instead of f(Ax) + f(Bx), as if f were linear"""
    return f(X @ A.T + X @ B.T)


def wrong_A_twice(f, A, B, X):
    """copy-paste slip: uses A in both terms, B never"""
    return f(X @ A.T) + f(X @ A.T)


def wrong_stacked(f, A, B, X):
    """returns the two terms stacked, shape (2, n), instead of their sum"""
    return np.stack([f(X @ A.T), f(X @ B.T)])


def wrong_mean(f, A, B, X):
    """averages the two values, (f(Ax) + f(Bx)) / 2, instead of adding them"""
    return (f(X @ A.T) + f(X @ B.T)) / 2


def wrong_composition(f, A, B, X):
    """applies both matrices in a row, f(BAx) + f(ABx), instead of one each"""
    return f(X @ A.T @ B.T) + f(X @ B.T @ A.T)


def wrong_renormalised(f, A, B, X):
    """adds a normalisation: puts the moved points back on the unit sphere before f"""
    XA, XB = X @ A.T, X @ B.T
    XA = XA / np.linalg.norm(XA, axis=1, keepdims=True)
    XB = XB / np.linalg.norm(XB, axis=1, keepdims=True)
    return f(XA) + f(XB)
