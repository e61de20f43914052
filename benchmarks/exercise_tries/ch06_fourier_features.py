"""Attempts at ch06.fourier_features, written from the question and the notebook only."""

import numpy as np
import torch


def right_fft2(images):
    S = np.abs(np.fft.fft2(np.asarray(images, dtype=float))).reshape(len(images), 784)
    S[:, 0] = 0.0
    return S


def right_dft_matrix_loop(images):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    out = np.zeros((len(images), 784))
    for i, x in enumerate(images):
        s = np.abs(F @ x @ F).ravel()
        s[0] = 0
        out[i] = s
    return out


def right_torch(images):
    t = torch.as_tensor(np.asarray(images, dtype=np.float64))
    s = torch.fft.fft2(t).abs().reshape(t.shape[0], -1)
    s[:, 0] = 0
    return s.numpy()


def wrong_no_red(images):
    """Forgets red(): the zero frequency (the total ink) stays in entry 0."""
    return np.abs(np.fft.fft2(images)).reshape(len(images), 784)


def wrong_squared_sizes(images):
    """Takes the squared sizes |F x F|^2 (the power spectrum) instead of |F x F|."""
    S = (np.abs(np.fft.fft2(images)) ** 2).reshape(len(images), 784)
    S[:, 0] = 0
    return S


def wrong_column_order(images):
    """Flattens column by column (Julia's vec, order='F') instead of row by row."""
    S = np.abs(np.fft.fft2(images)).transpose(0, 2, 1).reshape(len(images), 784)
    S[:, 0] = 0
    return S


def wrong_real_part(images):
    """Takes the real part of the transform instead of its size (np.real for np.abs)."""
    S = np.real(np.fft.fft2(images)).reshape(len(images), 784)
    S[:, 0] = 0
    return S


def wrong_fft_1d(images):
    """Uses np.fft.fft (1-D, along each row only) instead of the 2-D np.fft.fft2."""
    S = np.abs(np.fft.fft(images)).reshape(len(images), 784)
    S[:, 0] = 0
    return S


def wrong_drops_entry(images):
    """Deletes the zero frequency ("drop") instead of setting it to 0: returns (n, 783)."""
    S = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    return S[:, 1:]


def wrong_fftshift(images):
    """Centres the spectrum with np.fft.fftshift as the notebook's plot does, then zeros the centre."""
    S = np.abs(np.fft.fftshift(np.fft.fft2(images), axes=(-2, -1))).reshape(len(images), 784)
    S[:, 14 * 28 + 14] = 0
    return S
