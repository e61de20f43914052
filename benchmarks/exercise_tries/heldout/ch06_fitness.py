import numpy as np


def right_einsum(Y, labels, A, B):
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def right_loop_AAt(Y, labels, A, B):
    n = len(labels)
    data = sum(np.log(abs(Y[i, int(labels[i])])) for i in range(n)) / n
    h = A.shape[0]
    Z = np.zeros((h, h))
    for Bj in B:
        Z += Bj.T @ Bj
    # ||A^T A||_F = ||A A^T||_F (both are sqrt of the sum of sigma^4)
    return float(data - np.log(np.linalg.norm(A @ A.T)) / 2 - np.log(np.linalg.norm(Z @ Z, "fro")) / 4)


def right_reshape(Y, labels, A, B):
    Y = np.asarray(Y, dtype=np.float64)
    own = np.take_along_axis(Y, np.asarray(labels)[:, None], axis=1)[:, 0]
    Bf = B.reshape(-1, B.shape[-1])                 # stack all B_j: (784 * 10, h)
    Z = Bf.T @ Bf
    return np.log(np.abs(own)).mean() - 0.5 * np.log(np.sqrt(((A.T @ A) ** 2).sum())) \
        - 0.25 * np.log(np.sqrt(((Z @ Z) ** 2).sum()))


def wrong_fancy_index_columns(Y, labels, A, B):
    """Y[:, labels] (an (n, n) block) instead of Y[arange(n), labels], one own score per digit."""
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.mean(np.log(np.abs(Y[:, labels])))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_sum_not_mean(Y, labels, A, B):
    """Sums the log scores over the digits, forgetting the 1/n."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.sum(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_Z_from_B_Bt(Y, labels, A, B):
    """Z = sum_j B_j B_j^T (10 x 10) instead of sum_j B_j^T B_j (h x h): transpose on the wrong side."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jlh->kl", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_sum_B_first(Y, labels, A, B):
    """Adds up the B_j first and then multiplies, (sum B_j)^T (sum B_j), instead of summing B_j^T B_j."""
    own = Y[np.arange(len(labels)), labels]
    S = B.sum(axis=0)
    Z = S.T @ S
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A)) - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def wrong_spectral_norm(Y, labels, A, B):
    """Uses the matrix 2-norm (largest singular value, norm(M, 2)) instead of the Frobenius norm."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.5 * np.log(np.linalg.norm(A.T @ A, 2)) - 0.25 * np.log(np.linalg.norm(Z @ Z, 2)))


def wrong_halves_swapped(Y, labels, A, B):
    """Swaps the two weights: 1/4 on log||A^T A|| and 1/2 on log||Z^2||."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.mean(np.log(np.abs(own)))
            - 0.25 * np.log(np.linalg.norm(A.T @ A)) - 0.5 * np.log(np.linalg.norm(Z @ Z)))


def wrong_log10(Y, labels, A, B):
    """Uses log10 everywhere instead of the natural log."""
    own = Y[np.arange(len(labels)), labels]
    Z = np.einsum("jkh,jkg->hg", B, B)
    return (np.mean(np.log10(np.abs(own)))
            - 0.5 * np.log10(np.linalg.norm(A.T @ A)) - 0.25 * np.log10(np.linalg.norm(Z @ Z)))
