"""Attempts at ch06.fitness, written from the question and the notebook only."""

import numpy as np
import torch


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
        total += np.log(abs(Y[i, c]))
    data = total / len(labels)
    h = A.shape[0]
    Z = np.zeros((h, h))
    for j in range(B.shape[0]):
        Z += B[j].T @ B[j]
    # ||A^T A|| = ||A A^T|| (same non-zero singular values), and A A^T is only h x h
    return data - 0.5 * np.log(np.linalg.norm(A @ A.T)) - 0.25 * np.log(np.linalg.norm(Z @ Z))


def right_torch(Y, labels, A, B):
    Y, A, B = (torch.as_tensor(np.asarray(a, dtype=np.float64)) for a in (Y, A, B))
    lab = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    own = Y.gather(1, lab[:, None]).squeeze(1)
    Bf = B.reshape(-1, B.shape[-1])            # stack the B_j: Z = sum_j B_j^T B_j = Bf^T Bf
    Z = Bf.T @ Bf
    f = own.abs().log().mean() - 0.5 * torch.linalg.norm(A.T @ A).log() - 0.25 * torch.linalg.norm(Z @ Z).log()
    return float(f)


def wrong_all_columns(Y, labels, A, B):
    """Indexes Y[:, labels] (an n x n block) instead of Y[np.arange(n), labels]."""
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(Y[:, labels])))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_no_abs(Y, labels, A, B):
    """Forgets the absolute value: log y_c instead of log |y_c| (nan for negative scores)."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(own))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_elementwise_square(Y, labels, A, B):
    """Squares Z entry by entry (Z ** 2) instead of the matrix product Z @ Z."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z ** 2)))


def wrong_Z_outer(Y, labels, A, B):
    """Builds Z from B_j B_j^T (10 x 10) instead of B_j^T B_j (h x h)."""
    own = Y[np.arange(len(labels)), labels]
    Z = sum(B[j] @ B[j].T for j in range(B.shape[0]))
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_norm_of_A(Y, labels, A, B):
    """Takes the norm of A itself, ||A||, instead of ||A^T A||."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_sum_not_mean(Y, labels, A, B):
    """Sums the log scores over the digits and forgets the 1/n."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.sum(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_factors_swapped(Y, labels, A, B):
    """Swaps the factors: 1/4 on the A term and 1/2 on the Z term."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.25 * np.log(np.linalg.norm(A.T @ A)) - 0.5 * np.log(np.linalg.norm(Z @ Z)))
