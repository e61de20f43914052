import numpy as np


def right_rows(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)


def right_columns(f, A, B, X):
    AX = (A @ X.T).T
    BX = (B @ X.T).T
    return np.asarray(f(AX)) + np.asarray(f(BX))


def right_einsum_stack(f, A, B, X):
    moved = np.einsum("ij,nj->ni", np.concatenate([A, B]), X)   # (n, 2h): A x then B x
    h = A.shape[0]
    return f(moved[:, :h].copy()) + f(moved[:, h:].copy())


def wrong_no_transpose(f, A, B, X):
    """Moves the rows by X @ A instead of X @ A.T (that is Aᵀx, not Ax)."""
    return f(X @ A) + f(X @ B)


def wrong_f_of_sum(f, A, B, X):
    """Evaluates f once at Ax + Bx, as if f were linear."""
    return f(X @ A.T + X @ B.T)


def wrong_product(f, A, B, X):
    """Multiplies f(Ax) and f(Bx) instead of adding them."""
    return f(X @ A.T) * f(X @ B.T)


def wrong_A_twice(f, A, B, X):
    """Copy-paste slip: uses A for both terms, f(Ax) + f(Ax)."""
    return f(X @ A.T) + f(X @ A.T)


def wrong_composition(f, A, B, X):
    """Composes the moves: f(BAx) + f(x), misreading T as applying A then B."""
    return f(X @ A.T @ B.T) + f(X)


def wrong_average(f, A, B, X):
    """Averages the two values, (f(Ax) + f(Bx)) / 2."""
    return (f(X @ A.T) + f(X @ B.T)) / 2


def wrong_one_point_at_a_time(f, A, B, X):
    """Calls f on one point (a 1-D vector) at a time, though f takes a batch of rows."""
    return np.array([f(A @ x) + f(B @ x) for x in X])
