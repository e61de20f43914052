import numpy as np


def right_svd(X, k):
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k].copy()
    where = np.abs(V).argmax(axis=1)
    signs = np.sign(V[np.arange(len(V)), where])
    return mu, V * signs[:, None]


def right_eigh(X, k):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    Xc = X - mu
    S = Xc.T @ Xc / (len(X) - 1)
    vals, vecs = np.linalg.eigh(S)
    order = np.argsort(vals)[::-1][:k]
    V = vecs[:, order].T
    for i in range(k):
        j = np.argmax(np.abs(V[i]))
        if V[i, j] < 0:
            V[i] = -V[i]
    return mu, V


def right_cov_loop(X, k):
    mu = np.mean(X, axis=0)
    S = np.cov(X, rowvar=False)
    vals, vecs = np.linalg.eigh(S)
    rows = []
    for idx in np.argsort(-vals)[:k]:
        v = vecs[:, idx]
        rows.append(v if v[np.argmax(np.abs(v))] > 0 else -v)
    return mu, np.array(rows)


def wrong_no_sign_rule(X, k):
    """Forgets the sign rule: components come with whatever sign the SVD gives."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, Vt[:k]


def wrong_eigh_columns_as_rows(X, k):
    """Takes rows of eigh's eigenvector matrix, whose eigenvectors are its columns."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    V = vecs[::-1][:k]
    V = V * np.sign(V[np.arange(len(V)), np.abs(V).argmax(axis=1)])[:, None]
    return mu, V


def wrong_eigh_smallest_first(X, k):
    """Keeps eigh's increasing order: the k components of smallest variance."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    V = vecs[:, :k].T
    V = V * np.sign(V[np.arange(len(V)), np.abs(V).argmax(axis=1)])[:, None]
    return mu, V


def wrong_sign_by_first_entry(X, k):
    """Sign rule misread: makes each component's first entry positive instead of its largest one."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    signs = np.where(V[:, 0] < 0, -1.0, 1.0)
    return mu, V * signs[:, None]


def wrong_not_centred(X, k):
    """SVD of X itself, without subtracting the mean (the mean is returned but not used)."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    V = Vt[:k]
    V = V * np.sign(V[np.arange(len(V)), np.abs(V).argmax(axis=1)])[:, None]
    return mu, V


def wrong_components_as_columns(X, k):
    """Returns the components as the columns of a (d, k) array instead of rows."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    V = V * np.sign(V[np.arange(len(V)), np.abs(V).argmax(axis=1)])[:, None]
    return mu, V.T


def wrong_sign_argmax_axis0(X, k):
    """Sign rule with argmax along the wrong axis (axis=0, per column instead of per row)."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    where = np.abs(V).argmax(axis=0)[:k]
    signs = np.sign(V[np.arange(len(V)), where])
    signs[signs == 0] = 1
    return mu, V * signs[:, None]
