"""Attempts at ch04.principal_components, written from the question and the notebook only."""

import numpy as np


def _flip(V):
    big = np.abs(V).argmax(axis=1)
    signs = np.sign(V[np.arange(len(V)), big])
    signs[signs == 0] = 1
    return V * signs[:, None]


def right_svd(X, k):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _flip(Vt[:k])


def right_eigh(X, k):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    Xc = X - mu
    S = Xc.T @ Xc / (len(X) - 1)
    values, vectors = np.linalg.eigh(S)
    order = np.argsort(values)[::-1][:k]
    return mu, _flip(vectors[:, order].T)


def right_loop_sign(X, k):
    X = np.asarray(X, dtype=float)
    mu = X.sum(axis=0) / len(X)
    Xc = X - mu
    values, vectors = np.linalg.eigh(Xc.T @ Xc)   # no 1/(n-1): same eigenvectors
    comps = []
    for j in range(k):
        v = vectors[:, -1 - j].copy()
        i = np.argmax(np.abs(v))
        if v[i] < 0:
            v = -v
        comps.append(v)
    return mu, np.array(comps)


def wrong_no_centring(X, k):
    """Takes the SVD of X itself, without subtracting the mean first."""
    X = np.asarray(X, dtype=float)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    return X.mean(axis=0), _flip(Vt[:k])


def wrong_no_sign_rule(X, k):
    """Forgets the sign rule: returns numpy's SVD rows with whatever sign they come with."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, Vt[:k]


def wrong_eigh_columns_as_rows(X, k):
    """Takes rows of eigh's eigenvector matrix (its eigenvectors are the columns)."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    Xc = X - mu
    values, vectors = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return mu, _flip(vectors[::-1][:k])


def wrong_eigh_ascending(X, k):
    """Keeps eigh's increasing order: returns the k components of smallest variance."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    Xc = X - mu
    values, vectors = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return mu, _flip(vectors[:, :k].T)


def wrong_sign_rule_axis0(X, k):
    """Applies the sign rule along the wrong axis (argmax over axis=0), flipping columns, not rows."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    big = np.abs(V).argmax(axis=0)
    signs = np.sign(V[big, np.arange(V.shape[1])])
    signs[signs == 0] = 1
    return mu, V * signs[None, :]


def wrong_scaled_by_sigma(X, k):
    """Returns the rows of Vt scaled by their singular values, not unit vectors."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _flip(s[:k, None] * Vt[:k])


def wrong_left_vectors(X, k):
    """Returns the left singular vectors (columns of U, one entry per digit) instead of Vt's rows."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    U, _, _ = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _flip(U[:, :k].T)


def wrong_swapped_outputs(X, k):
    """Returns (components, mean) instead of (mean, components)."""
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return _flip(Vt[:k]), mu


def wrong_global_mean(X, k):
    """Centres with the mean of all entries, X.mean() (one number), not the mean of each column."""
    X = np.asarray(X, dtype=float)
    m = X.mean()
    _, _, Vt = np.linalg.svd(X - m, full_matrices=False)
    return np.full(X.shape[1], m), _flip(Vt[:k])
