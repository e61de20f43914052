import numpy as np


def _sign_rule(V):
    idx = np.abs(V).argmax(axis=1)
    signs = np.sign(V[np.arange(len(V)), idx])
    signs[signs == 0] = 1
    return V * signs[:, None]


def right_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _sign_rule(Vt[:k])


def right_eigh(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    mu = X.mean(axis=0)
    Xc = X - mu
    S = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(S)
    order = np.argsort(vals)[::-1][:k]
    V = vecs[:, order].T
    return mu, _sign_rule(V)


def right_svd_loop_signs(X, k):
    mu = np.mean(X, axis=0)
    U, s, Vt = np.linalg.svd(np.asarray(X, float) - mu, full_matrices=False)
    comps = []
    for i in range(k):
        v = Vt[i].copy()
        j = np.argmax(np.abs(v))
        if v[j] < 0:
            v = -v
        comps.append(v)
    return mu, np.array(comps)


def wrong_no_centring(X, k):
    """Takes the SVD of X itself without subtracting the mean first."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    return mu, _sign_rule(Vt[:k])


def wrong_rows_of_V(X, k):
    """Transposes Vᵀ once too often: takes the first k rows of V (= columns of Vᵀ) instead of the rows of Vᵀ."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _sign_rule(Vt.T[:k])


def wrong_eigh_smallest_first(X, k):
    """Uses eigh's eigenvectors in the order eigh gives them (increasing eigenvalue), so the smallest-variance components come first."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return mu, _sign_rule(vecs[:, :k].T)


def wrong_eigh_rows(X, k):
    """Reads eigh's eigenvectors as rows instead of columns (reversing the rows for largest first)."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return mu, _sign_rule(vecs[::-1][:k])


def wrong_no_sign_rule(X, k):
    """Forgets the sign rule: returns the components with whatever sign the SVD gives."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, Vt[:k]


def wrong_sign_rule_without_abs(X, k):
    """Sign rule with argmax of the entries instead of their absolute values, so a component whose largest |entry| is negative is never flipped."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k].copy()
    idx = V.argmax(axis=1)
    signs = np.where(V[np.arange(len(V)), idx] < 0, -1.0, 1.0)
    return mu, V * signs[:, None]


def wrong_mean_axis(X, k):
    """Averages along the wrong axis: the mean of each row (digit) instead of each column (pixel)."""
    X = np.asarray(X, dtype=np.float64)
    mu = X.mean(axis=1)
    _, _, Vt = np.linalg.svd(X - mu[:, None], full_matrices=False)
    return mu, _sign_rule(Vt[:k])
