import numpy as np


def right_vectorised(Y, labels, A, B):
    n = len(labels)
    own = Y[np.arange(n), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def right_loops(Y, labels, A, B):
    total = 0.0
    for i, c in enumerate(labels):
        total += np.log(abs(Y[i, int(c)]))
    h = A.shape[0]
    Z = np.zeros((h, h))
    for j in range(B.shape[0]):
        Z += B[j].T @ B[j]
    AtA = A.T @ A
    return float(total / len(labels) - np.log(np.sqrt(np.sum(AtA ** 2))) / 2
                 - np.log(np.sqrt(np.sum((Z @ Z) ** 2))) / 4)


def right_reshape(Y, labels, A, B):
    h = B.shape[2]
    Bm = B.reshape(-1, h)                       # stack all B_j: Z = Bmᵀ Bm
    Z = Bm.T @ Bm
    own = np.take_along_axis(Y, np.asarray(labels)[:, None], axis=1)[:, 0]
    return float(np.log(np.abs(own)).mean() - 0.5 * np.log(np.linalg.norm(A.T @ A, "fro"))
                 - 0.25 * np.log(np.linalg.norm(np.linalg.matrix_power(Z, 2), "fro")))


def wrong_column_indexing(Y, labels, A, B):
    """Indexes Y[:, labels] (an n x n block) instead of one score per digit."""
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(Y[:, labels])))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_norm_Z(Y, labels, A, B):
    """Forgets the square: uses log||Z|| instead of log||Z^2||."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z)))


def wrong_elementwise_square(Y, labels, A, B):
    """Squares Z element by element (Z**2) instead of the matrix product Z @ Z."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z ** 2)))


def wrong_no_abs(Y, labels, A, B):
    """Takes log y instead of log|y| (negative scores give nan)."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(own))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_sum_not_mean(Y, labels, A, B):
    """Sums the log scores instead of averaging them (no 1/n)."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.sum(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_B_Bt(Y, labels, A, B):
    """Builds Z from B_j B_jᵀ (10 x 10) instead of B_jᵀ B_j (h x h)."""
    own = Y[np.arange(len(labels)), labels]
    Z = sum(B[j] @ B[j].T for j in range(B.shape[0]))
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_swapped_factors(Y, labels, A, B):
    """Swaps the factors: 1/4 on the A term and 1/2 on the Z term."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.25 * np.log(np.linalg.norm(A.T @ A)) - 0.5 * np.log(np.linalg.norm(Z @ Z)))
