import numpy as np


def right_matmul(M, A, B):
    return A.T @ M @ A + B.T @ M @ B


def right_einsum(M, A, B):
    return np.einsum("ai,ab,bj->ij", A, M, A) + np.einsum("ai,ab,bj->ij", B, M, B)


def right_loops(M, A, B):
    h = M.shape[0]
    out = np.zeros((h, h))
    for C in (A, B):
        for i in range(h):
            for j in range(h):
                out[i, j] += sum(C[a, i] * M[a, b] * C[b, j] for a in range(h) for b in range(h))
    return out


def wrong_transposes_swapped(M, A, B):
    """transposes on the wrong side: A M A^T + B M B^T"""
    return A @ M @ A.T + B @ M @ B.T


def wrong_forgot_B(M, A, B):
    """only the f(Ax) term: A^T M A"""
    return A.T @ M @ A


def wrong_linear(M, A, B):
    """treats T as f((A + B)x): (A+B)^T M (A+B)"""
    return (A + B).T @ M @ (A + B)


def wrong_elementwise(M, A, B):
    """* for @: elementwise products"""
    return A.T * M * A + B.T * M * B


def wrong_cross_terms(M, A, B):
    """mixes the matrices: A^T M B + B^T M A"""
    return A.T @ M @ B + B.T @ M @ A


def wrong_one_side(M, A, B):
    """moves x on one side only: (Ax)^T M x, giving A^T M + B^T M"""
    return A.T @ M + B.T @ M
