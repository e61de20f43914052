import numpy as np


def _sign_rule(V):
    idx = np.abs(V).argmax(axis=1)
    signs = np.sign(V[np.arange(len(V)), idx])
    signs[signs == 0] = 1
    return V * signs[:, None]


def right_svd(X, k):
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _sign_rule(Vt[:k])


def right_eigh(X, k):
    mu = X.mean(axis=0)
    Xc = X - mu
    S = Xc.T @ Xc / (len(X) - 1)
    vals, vecs = np.linalg.eigh(S)
    order = np.argsort(vals)[::-1][:k]
    return mu, _sign_rule(vecs[:, order].T)


def right_loop_signs(X, k):
    X = np.asarray(X, dtype=np.float64)
    mu = np.mean(X, axis=0)
    U, s, Vt = np.linalg.svd(X - mu, full_matrices=False)
    comps = []
    for v in Vt[:k]:
        j = np.argmax(np.abs(v))
        comps.append(-v if v[j] < 0 else v)
    return mu, np.array(comps)


def wrong_not_centred(X, k):
    """Takes the SVD of X itself, without subtracting the mean."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    return mu, _sign_rule(Vt[:k])


def wrong_eigh_rows(X, k):
    """Takes rows of eigh's eigenvector matrix, though eigh returns the eigenvectors as columns."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    order = np.argsort(vals)[::-1][:k]
    return mu, _sign_rule(vecs[order])


def wrong_eigh_ascending(X, k):
    """Keeps eigh's increasing order: the k components of smallest variance."""
    mu = X.mean(axis=0)
    Xc = X - mu
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return mu, _sign_rule(vecs[:, :k].T)


def wrong_no_sign_rule(X, k):
    """Forgets the sign rule: signs as the SVD happens to return them."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu, Vt[:k]


def wrong_sign_rule_without_abs(X, k):
    """Sign rule with argmax instead of argmax of the absolute value (never flips)."""
    mu = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    V = Vt[:k]
    idx = V.argmax(axis=1)
    signs = np.sign(V[np.arange(k), idx])
    return mu, V * signs[:, None]


def wrong_U_instead_of_V(X, k):
    """Takes the components from U (columns of U transposed) instead of from Vᵀ."""
    mu = X.mean(axis=0)
    U, _, _ = np.linalg.svd(X - mu, full_matrices=False)
    return mu, _sign_rule(U[:, :k].T)


def wrong_mean_of_rows(X, k):
    """Mean over axis 1 (each digit's mean) instead of the mean digit over axis 0."""
    mu = X.mean(axis=1, keepdims=True)
    _, _, Vt = np.linalg.svd(X - mu, full_matrices=False)
    return mu.ravel(), _sign_rule(Vt[:k])
