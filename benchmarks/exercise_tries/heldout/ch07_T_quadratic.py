import numpy as np


def right_matmul(M, A, B):
    return A.T @ M @ A + B.T @ M @ B


def right_einsum(M, A, B):
    return np.einsum("ki,kl,lj->ij", A, M, A) + np.einsum("ki,kl,lj->ij", B, M, B)


def right_loop_symmetrised(M, A, B):
    h = M.shape[0]
    out = np.zeros((h, h))
    for C in (A, B):
        for i in range(h):
            for j in range(h):
                out[i, j] += C[:, i] @ M @ C[:, j]
    return (out + out.T) / 2          # M' of a symmetric M is symmetric anyway


def wrong_no_transpose(M, A, B):
    """Uses (Ax)^T = x^T A (forgets the transpose): A M A + B M B."""
    return A @ M @ A + B @ M @ B


def wrong_elementwise(M, A, B):
    """Uses * (entry by entry) instead of @ (matrix product)."""
    return A.T * M * A + B.T * M * B


def wrong_sum_matrix(M, A, B):
    """Treats T as the matrix A + B: (A + B)^T M (A + B), which adds cross terms."""
    C = A + B
    return C.T @ M @ C


def wrong_made_traceless(M, A, B):
    """Subtracts the mean diagonal from M' (applies 'mean 0' to the result)."""
    Mp = A.T @ M @ A + B.T @ M @ B
    return Mp - np.trace(Mp) / len(Mp) * np.eye(len(Mp))


def wrong_averaged(M, A, B):
    """Halves the sum, (A^T M A + B^T M B) / 2."""
    return (A.T @ M @ A + B.T @ M @ B) / 2


def wrong_transpose_both_sides(M, A, B):
    """Puts a transpose on both sides: A^T M A^T + B^T M B^T."""
    return A.T @ M @ A.T + B.T @ M @ B.T


def wrong_only_one_side(M, A, B):
    """Multiplies M on one side only, A^T M + B^T M (as if T acted on a linear function)."""
    return A.T @ M + B.T @ M
