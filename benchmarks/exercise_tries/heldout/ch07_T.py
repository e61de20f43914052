import numpy as np


def right_rows(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)


def right_columns(f, A, B, X):
    return np.asarray(f((A @ X.T).T)) + np.asarray(f((B @ X.T).T))


def right_point_by_point(f, A, B, X):
    out = np.empty(len(X))
    for i, x in enumerate(X):
        out[i] = f((A @ x)[None, :])[0] + f((B @ x)[None, :])[0]
    return out


def wrong_A_not_transposed(f, A, B, X):
    """Moves the rows by X @ A (that is A^T x) instead of X @ A.T."""
    return f(X @ A) + f(X @ B)


def wrong_f_of_the_sum(f, A, B, X):
    """f(Ax + Bx): adds the moved points first, as if f were linear."""
    return f(X @ A.T + X @ B.T)


def wrong_average(f, A, B, X):
    """Averages the two values, (f(Ax) + f(Bx)) / 2, instead of adding them."""
    return (f(X @ A.T) + f(X @ B.T)) / 2


def wrong_points_renormalised(f, A, B, X):
    """Rescales Ax and Bx to unit length before evaluating f (A, B need not keep lengths)."""
    AX, BX = X @ A.T, X @ B.T
    AX = AX / np.linalg.norm(AX, axis=1, keepdims=True)
    BX = BX / np.linalg.norm(BX, axis=1, keepdims=True)
    return f(AX) + f(BX)


def wrong_plus_f_itself(f, A, B, X):
    """Includes f(x) too: f(x) + f(Ax) + f(Bx)."""
    return f(X) + f(X @ A.T) + f(X @ B.T)


def wrong_difference(f, A, B, X):
    """Subtracts the second term: f(Ax) - f(Bx)."""
    return f(X @ A.T) - f(X @ B.T)


def wrong_columns_not_transposed_back(f, A, B, X):
    """Computes A @ X.T (points as columns) and hands that to f, forgetting to transpose back to rows."""
    return f(A @ X.T) + f(B @ X.T)
