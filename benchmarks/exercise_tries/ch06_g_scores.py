"""Attempts at ch06.g_scores, written from the question and the notebook only."""

import numpy as np
import torch


def right_steps(x, A, B):
    x = np.asarray(x, dtype=float)
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0.0
    mix = np.tensordot(s, B, axes=1)            # (10, h)
    y = mix @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def right_einsum_dft(x, A, B):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    s = np.abs(F @ x @ F).reshape(-1)
    s[0] = 0
    y = np.einsum("j,jkh,h->k", s, B, A @ x.reshape(-1))
    return np.abs(y) / np.sqrt(np.sum(x * x)) ** 3


def right_torch_loop(x, A, B):
    t = torch.as_tensor(np.asarray(x, dtype=np.float64))
    s = torch.fft.fft2(t).abs().flatten()
    s[0] = 0
    Bt = torch.as_tensor(B)
    mix = torch.zeros(Bt.shape[1:], dtype=torch.float64)
    for j in range(784):
        mix += s[j] * Bt[j]
    y = mix @ (torch.as_tensor(A) @ t.flatten())
    return (y.abs() / t.flatten().norm() ** 3).numpy()


def wrong_norm_squared(x, A, B):
    """Divides by ||x||^2 (the scale-free ratio maximised later) instead of ||x||^3."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 2


def wrong_no_abs(x, A, B):
    """Forgets the absolute value of the scores: y_k / ||x||^3, signed."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return y / np.linalg.norm(x) ** 3


def wrong_no_red(x, A, B):
    """Forgets red(): keeps the zero frequency in s(x)."""
    s = np.abs(np.fft.fft2(x)).ravel()
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_squared_sizes(x, A, B):
    """Uses the squared sizes |F x F|^2 for s(x) instead of |F x F|."""
    s = (np.abs(np.fft.fft2(x)) ** 2).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_column_order(x, A, B):
    """Uses Julia's vec (column by column, order='F') for both s(x) and vec(x)."""
    s = np.abs(np.fft.fft2(x)).ravel(order="F")
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel(order="F"))
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_spectral_norm(x, A, B):
    """Takes ||x|| as np.linalg.norm(x, 2), the largest singular value of the 28 x 28 matrix."""
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x, 2) ** 3


def wrong_divides_by_255(x, A, B):
    """Rescales the image by 1/255 first, as if it were raw pixels (it is already floats)."""
    x = x / 255
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3
