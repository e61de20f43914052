import numpy as np


def right_vectorised(Y, labels, A, B):
    score = np.mean(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def right_loops(Y, labels, A, B):
    n = Y.shape[0]
    total = 0.0
    for i in range(n):
        total += np.log(abs(Y[i, int(labels[i])]))
    h = A.shape[0]
    Z = np.zeros((h, h))
    for j in range(B.shape[0]):
        Z += B[j].T @ B[j]
    return total / n - np.log(np.linalg.norm(A.T @ A)) / 2 - np.log(np.linalg.norm(np.linalg.matrix_power(Z, 2))) / 4


def right_aat_take(Y, labels, A, B):
    # ||A^T A||_F = ||A A^T||_F; Z via one reshape
    picked = np.take_along_axis(Y, np.asarray(labels).reshape(-1, 1), axis=1).ravel()
    Bf = B.reshape(-1, B.shape[2])
    Z = Bf.T @ Bf
    return float(np.log(np.abs(picked)).mean() - 0.5 * np.log(np.sqrt(np.sum((A @ A.T) ** 2)))
                 - 0.25 * np.log(np.sqrt(np.sum((Z @ Z) ** 2))))


def wrong_elementwise_square(Y, labels, A, B):
    """Z**2 squares each entry of Z instead of the matrix product Z @ Z"""
    score = np.mean(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z ** 2))


def wrong_column_indexing(Y, labels, A, B):
    """Y[:, labels] picks whole columns (an n x n block) and averages all of it"""
    score = np.mean(np.log(np.abs(Y[:, labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def wrong_norm_A(Y, labels, A, B):
    """uses the norm of A instead of the norm of A^T A"""
    score = np.mean(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def wrong_sum_not_mean(Y, labels, A, B):
    """forgets the 1/n: sums the log scores instead of averaging them"""
    score = np.sum(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def wrong_B_Bt(Y, labels, A, B):
    """transposes the wrong factor: Z = sum_j B_j B_j^T (10 x 10) instead of B_j^T B_j (h x h)"""
    score = np.mean(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jlh->kl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def wrong_coefficients_swapped(Y, labels, A, B):
    """swaps the factors: 1/4 on the A term and 1/2 on the B term"""
    score = np.mean(np.log(np.abs(Y[np.arange(len(labels)), labels])))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.25 * np.log(np.linalg.norm(A.T @ A)) - 0.5 * np.log(np.linalg.norm(Z @ Z))


def wrong_no_abs(Y, labels, A, B):
    """forgets the |.| inside the log (log of negative scores gives nan)"""
    score = np.mean(np.log(Y[np.arange(len(labels)), labels]))
    Z = np.einsum("jkh,jkl->hl", B, B)
    return score - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z))
