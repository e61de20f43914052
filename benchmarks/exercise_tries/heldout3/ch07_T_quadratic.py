import numpy as np


def right_matrix(M, A, B):
    return A.T @ M @ A + B.T @ M @ B


def right_einsum(M, A, B):
    return np.einsum("ki,kl,lj->ij", A, M, A) + np.einsum("ki,kl,lj->ij", B, M, B)


def right_loops(M, A, B):
    h = M.shape[0]
    out = np.zeros((h, h))
    for i in range(h):
        for j in range(h):
            out[i, j] = A[:, i] @ M @ A[:, j] + B[:, i] @ M @ B[:, j]
    return out


def wrong_transposes_swapped(M, A, B):
    """Puts the transposes on the right: A M Aᵀ + B M Bᵀ."""
    return A @ M @ A.T + B @ M @ B.T


def wrong_forgets_B(M, A, B):
    """Only the A term: Aᵀ M A."""
    return A.T @ M @ A


def wrong_elementwise(M, A, B):
    """Uses * (element by element) instead of @."""
    return A.T * M * A + B.T * M * B


def wrong_sum_then_sandwich(M, A, B):
    """Sandwiches M with A + B at once, (A+B)ᵀ M (A+B), adding cross terms."""
    return (A + B).T @ M @ (A + B)


def wrong_minus(M, A, B):
    """Subtracts the B term: Aᵀ M A - Bᵀ M B."""
    return A.T @ M @ A - B.T @ M @ B


def wrong_in_place(M, A, B):
    """Writes M' into M itself, changing the caller's matrix."""
    M[:] = A.T @ M @ A + B.T @ M @ B
    return M


def wrong_removes_trace(M, A, B):
    """Makes M' traceless (mean diagonal subtracted), which the question did not ask."""
    Mp = A.T @ M @ A + B.T @ M @ B
    return Mp - np.trace(Mp) / len(Mp) * np.eye(len(Mp))
