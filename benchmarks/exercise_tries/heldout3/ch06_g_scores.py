import numpy as np


def right_tensordot(x, A, B):
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    mix = np.tensordot(s, B, axes=1)           # (10, h)
    y = mix @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def right_einsum(x, A, B):
    v = np.asarray(x, dtype=np.float64).reshape(-1)
    s = np.abs(np.fft.fft2(x)).reshape(-1)
    s[0] = 0.0
    y = np.einsum("j,jkh,h->k", s, B, A @ v)
    return np.abs(y) / np.sqrt(v @ v) ** 3


def right_loop_dft(x, A, B):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    s = np.abs((F @ x @ F).reshape(784))
    s[0] = 0
    mix = np.zeros(B.shape[1:])
    for j in range(784):
        mix += s[j] * B[j]
    v = x.reshape(784)
    return np.abs(mix @ A @ v) / (np.sum(v ** 2) ** 1.5)


def wrong_norm_squared(x, A, B):
    """Divides by ||x||^2 instead of ||x||^3."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 2


def wrong_no_abs(x, A, B):
    """Returns the signed scores y_k / ||x||^3, forgetting |y_k|."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return y / np.linalg.norm(x) ** 3


def wrong_no_red(x, A, B):
    """Forgets red(): keeps the zero frequency in s(x)."""
    s = np.abs(np.fft.fft2(x)).ravel()
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_column_vec(x, A, B):
    """Uses Julia's column-by-column vec (order='F') for both s(x) and vec(x)."""
    s = np.abs(np.fft.fft2(x)).ravel(order="F")
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel(order="F"))
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_squared_sizes(x, A, B):
    """Uses the squared Fourier sizes |F x F|^2 in s(x)."""
    s = (np.abs(np.fft.fft2(x)) ** 2).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_spectral_norm(x, A, B):
    """Writes ||x|| as np.linalg.norm(x, 2), which for a 28 x 28 array is its largest singular value."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x, 2) ** 3


def wrong_mean_over_j(x, A, B):
    """Averages s_j B_j over j instead of summing (a factor 784 too small)."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    mix = (s[:, None, None] * B).mean(axis=0)
    y = mix @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3
