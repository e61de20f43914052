import numpy as np


def _s(x):
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    return s


def right_tensordot(x, A, B):
    s = _s(x)
    Bs = np.tensordot(s, B, axes=1)                # (10, h)
    y = Bs @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def right_einsum(x, A, B):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    s = np.abs(F @ x @ F).reshape(784)
    s[0] = 0.0
    y = np.einsum("j,jkh,h->k", s, B, A @ x.reshape(784))
    return np.abs(y) / np.sqrt(np.sum(x * x)) ** 3


def right_loop(x, A, B):
    s = _s(x)
    M = np.zeros(B.shape[1:])
    for j in range(784):
        M += s[j] * B[j]
    a = A @ x.flatten()
    nrm = np.linalg.norm(x.flatten())
    return np.array([abs(M[k] @ a) for k in range(10)]) / (nrm * nrm * nrm)


def wrong_norm_squared(x, A, B):
    """Divides by ||x||^2 (the scale-free ratio used later) instead of ||x||^3."""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 2


def wrong_no_abs(x, A, B):
    """Forgets the absolute value: y_k / ||x||^3, negative scores stay negative."""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return y / np.linalg.norm(x) ** 3


def wrong_zero_frequency_kept(x, A, B):
    """Forgets red(): the zero frequency stays in s(x)."""
    s = np.abs(np.fft.fft2(x)).ravel()
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_vec_column_major(x, A, B):
    """vec(x) column by column (x.T.ravel(), Julia's order) in A vec(x) and in s(x)."""
    s = np.abs(np.fft.fft2(x)).T.ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.T.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_precedence_norm_cubed(x, A, B):
    """Writes / n * n * n, which divides by ||x|| once and then multiplies by ||x||^2."""
    n = np.linalg.norm(x)
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / n * n * n


def wrong_norm_of_Ax(x, A, B):
    """Divides by ||A vec(x)||^3 instead of the image's own length ||x||^3."""
    a = A @ x.ravel()
    y = np.tensordot(_s(x), B, axes=1) @ a
    return np.abs(y) / np.linalg.norm(a) ** 3


def wrong_power_spectrum(x, A, B):
    """Uses the squared sizes |F x F|^2 for s(x)."""
    s = np.abs(np.fft.fft2(x)).ravel() ** 2
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3
