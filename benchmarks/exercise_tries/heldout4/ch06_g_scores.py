import numpy as np


def right_tensordot(x, A, B):
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    mix = np.tensordot(s, B, axes=1)          # (10, h)
    y = mix @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def right_einsum(x, A, B):
    x = np.asarray(x, dtype=float)
    s = np.abs(np.fft.fft2(x)).reshape(-1)
    s[0] = 0.0
    y = np.einsum("j,jkh,h->k", s, B, A @ x.reshape(-1))
    return np.abs(y) / np.sqrt(np.sum(x ** 2)) ** 3


def right_dft_loop(x, A, B):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    s = np.abs(F @ x @ F).flatten()
    s[0] = 0
    mix = np.zeros(B.shape[1:])
    for j in range(784):
        mix += s[j] * B[j]
    ax = A @ x.flatten()
    y = np.array([mix[c] @ ax for c in range(mix.shape[0])])
    return abs(y) / np.linalg.norm(x.flatten()) ** 3


def wrong_no_red(x, A, B):
    """forgets red(): the zero frequency stays in s(x)"""
    s = np.abs(np.fft.fft2(x)).ravel()
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_norm_squared(x, A, B):
    """divides by ‖x‖² (the scale-free ratio of claim 4) instead of ‖x‖³"""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 2


def wrong_no_abs(x, A, B):
    """forgets |·| on y_k: returns the signed y_k(x) / ‖x‖³"""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return y / np.linalg.norm(x) ** 3


def wrong_vec_column_order(x, A, B):
    """vec(x) column by column (x.T.ravel()) in A·vec(x)"""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.T.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_squared_sizes(x, A, B):
    """uses squared sizes |F x F|² as the features"""
    s = (np.abs(np.fft.fft2(x)) ** 2).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_spectral_norm(x, A, B):
    """np.linalg.norm(x, 2) of the 28 × 28 image is its largest singular value, not ‖vec x‖"""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x, 2) ** 3


def wrong_norm_of_cube(x, A, B):
    """computes ‖x³‖ (norm of the cubed pixels) instead of ‖x‖³"""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x ** 3)
