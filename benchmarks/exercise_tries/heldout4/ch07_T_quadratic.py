import numpy as np


def right_matmul(M, A, B):
    return A.T @ M @ A + B.T @ M @ B


def right_einsum(M, A, B):
    return np.einsum("ki,kl,lj->ij", A, M, A) + np.einsum("ki,kl,lj->ij", B, M, B)


def right_loops(M, A, B):
    h = M.shape[0]
    out = np.zeros((h, h))
    for i in range(h):
        for j in range(h):
            total = 0.0
            for k in range(h):
                for l in range(h):
                    total += M[k, l] * (A[k, i] * A[l, j] + B[k, i] * B[l, j])
            out[i, j] = total
    return out


def wrong_transposes_swapped(M, A, B):
    """A M Aᵀ + B M Bᵀ: the transposes on the wrong side"""
    return A @ M @ A.T + B @ M @ B.T


def wrong_forgets_B(M, A, B):
    """only the f(Ax) term: Aᵀ M A"""
    return A.T @ M @ A


def wrong_elementwise(M, A, B):
    """`*` for `@`: element-by-element products"""
    return A.T * M * A + B.T * M * B


def wrong_sum_matrix(M, A, B):
    """treats f(Ax) + f(Bx) as f((A + B)x): (A + B)ᵀ M (A + B), with cross terms"""
    S = A + B
    return S.T @ M @ S


def wrong_no_transpose(M, A, B):
    """drops the transpose: A M A + B M B"""
    return A @ M @ A + B @ M @ B


def wrong_linear_analogy(M, A, B):
    """copies the linear case, (Aᵀ + Bᵀ) M, applying the matrices on one side only"""
    return (A.T + B.T) @ M


def wrong_made_traceless(M, A, B):
    """adds a normalisation: removes the trace of M' to keep it traceless"""
    Mp = A.T @ M @ A + B.T @ M @ B
    return Mp - np.trace(Mp) / len(Mp) * np.eye(len(Mp))
