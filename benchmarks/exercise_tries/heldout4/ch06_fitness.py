import numpy as np


def right_vectorised(Y, labels, A, B):
    n = len(labels)
    own = Y[np.arange(n), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def right_loops(Y, labels, A, B):
    n = Y.shape[0]
    total = 0.0
    for i in range(n):
        total += np.log(abs(Y[i, int(labels[i])]))
    h = A.shape[0]
    Z = np.zeros((h, h))
    for j in range(B.shape[0]):
        Z += B[j].T @ B[j]
    ata = A.T @ A
    return float(total / n - np.log(np.sqrt(np.sum(ata ** 2))) / 2
                 - np.log(np.sqrt(np.sum((Z @ Z) ** 2))) / 4)


def right_reshape(Y, labels, A, B):
    own = np.take_along_axis(np.asarray(Y, float), np.asarray(labels)[:, None], axis=1)[:, 0]
    Bf = B.reshape(-1, B.shape[-1])          # all rows of all B_j: Σ_j B_jᵀ B_j = Bfᵀ Bf
    Z = Bf.T @ Bf
    return float(np.log(np.abs(own)).mean() - np.log(np.linalg.norm(A.T @ A, "fro")) / 2
                 - np.log(np.linalg.norm(np.linalg.matrix_power(Z, 2), "fro")) / 4)


def wrong_Z_transposed(Y, labels, A, B):
    """Z = Σ B_j B_jᵀ (10 × 10) instead of Σ B_jᵀ B_j (h × h)"""
    own = Y[np.arange(len(labels)), labels]
    Z = sum(B[j] @ B[j].T for j in range(B.shape[0]))
    return (np.mean(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_norm_squared(Y, labels, A, B):
    """reads ‖Z²‖ as ‖Z‖² (square of the norm, not norm of Z @ Z)"""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z) ** 2))


def wrong_norm_of_A(Y, labels, A, B):
    """uses ‖A‖ instead of ‖AᵀA‖ in the second term"""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_column_indexing(Y, labels, A, B):
    """Y[:, labels] picks whole columns (an n × n block), not one score per digit"""
    own = Y[:, labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_sum_not_mean(Y, labels, A, B):
    """forgets the 1/n: sums the log scores instead of averaging them"""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.sum(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_no_abs(Y, labels, A, B):
    """forgets the absolute value: log of the signed score (nan for negative scores)"""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(own)) - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_swapped_factors(Y, labels, A, B):
    """swaps the factors: ¼ on the A term and ½ on the Z term"""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - 0.25 * np.log(np.linalg.norm(A.T @ A))
            - 0.5 * np.log(np.linalg.norm(Z @ Z)))
