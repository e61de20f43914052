import numpy as np
import torch


def right_fft2(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def right_dft_matrix_loop(images):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    out = np.zeros((len(images), 784))
    for i, img in enumerate(images):
        out[i] = np.abs(F @ img @ F).ravel()
        out[i, 0] = 0.0
    return out


def right_torch(images):
    t = torch.as_tensor(np.asarray(images, dtype=np.float64))
    spec = torch.fft.fft2(t)
    s = torch.hypot(spec.real, spec.imag).flatten(1)
    s[:, 0] = 0
    return s.numpy()


def wrong_keep_zero_frequency(images):
    """Forgets red(): the zero frequency (total ink) stays in the features."""
    return np.abs(np.fft.fft2(images)).reshape(len(images), 784)


def wrong_column_order(images):
    """Flattens column by column (Julia's vec), not row by row."""
    s = np.abs(np.fft.fft2(images)).transpose(0, 2, 1).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_squared_sizes(images):
    """Uses the squared sizes |F x F|^2 (the power spectrum)."""
    s = (np.abs(np.fft.fft2(images)) ** 2).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_real_part(images):
    """Takes the real part of the transform instead of its size."""
    s = np.fft.fft2(images).real.reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_fft_1d(images):
    """Uses np.fft.fft (the last axis only) instead of the 2-D transform."""
    s = np.abs(np.fft.fft(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_fftshift(images):
    """fftshifts the spectrum (as for the plots) before flattening, so entry 0 is not the zero frequency."""
    s = np.fft.fftshift(np.abs(np.fft.fft2(images)), axes=(1, 2)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_divide_255(images):
    """Divides the (already float) images by 255 again."""
    s = np.abs(np.fft.fft2(images / 255)).reshape(len(images), 784)
    s[:, 0] = 0
    return s
