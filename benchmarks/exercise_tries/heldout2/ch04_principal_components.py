import numpy as np
import torch


def _signs(V):
    idx = np.abs(V).argmax(axis=1)
    s = np.sign(V[np.arange(len(V)), idx])
    s[s == 0] = 1
    return V * s[:, None]


def right_svd(X, k):
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _signs(Vt[:k])


def right_eigh(X, k):
    mu = X.mean(axis=0)
    Xc = X - mu
    S = Xc.T @ Xc / (len(X) - 1)
    vals, vecs = np.linalg.eigh(S)
    V = vecs[:, ::-1][:, :k].T
    return mu, _signs(V)


def right_torch(X, k):
    t = torch.as_tensor(X, dtype=torch.float64)
    mu = t.mean(dim=0)
    _, _, Vh = torch.linalg.svd(t - mu, full_matrices=False)
    V = Vh[:k].numpy()
    for i in range(k):
        j = np.argmax(np.abs(V[i]))
        if V[i, j] < 0:
            V[i] = -V[i]
    return mu.numpy(), V


def wrong_no_centring(X, k):
    """Takes the SVD of X itself, without subtracting the mean."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    return mu, _signs(Vt[:k])


def wrong_eigh_smallest_first(X, k):
    """Takes eigh's first k eigenvectors, forgetting they come smallest eigenvalue first."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc)
    return mu, _signs(vecs[:, :k].T)


def wrong_eigh_rows(X, k):
    """Takes the rows of eigh's eigenvector matrix (reversed) instead of its columns."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc)
    return mu, _signs(vecs[::-1][:k])


def wrong_no_sign_rule(X, k):
    """Forgets the sign rule."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, -Vt[:k]


def wrong_sign_by_sum(X, k):
    """Sign rule misread: flips each component so that its entries sum to a positive number."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    return mu, V * np.where(V.sum(axis=1) < 0, -1, 1)[:, None]


def wrong_standardised(X, k):
    """Standardises every column (divides by its std) before the SVD."""
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1
    _, _, Vt = np.linalg.svd((X - mu) / sd, full_matrices=False)
    return mu, _signs(Vt[:k])


def wrong_mean_of_rows(X, k):
    """Means over the wrong axis: subtracts each row's mean, returns an (n,) mean."""
    mu = X.mean(axis=1)
    _, _, Vt = np.linalg.svd(X - mu[:, None], full_matrices=False)
    return mu, _signs(Vt[:k])
