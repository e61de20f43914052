import numpy as np


def right_fft2(images):
    n = len(images)
    s = np.abs(np.fft.fft2(images)).reshape(n, 784)
    s[:, 0] = 0
    return s


def right_dft_matrix_loop(images):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    out = np.zeros((len(images), 784))
    for i, x in enumerate(images):
        v = np.abs(F @ np.asarray(x, dtype=float) @ F).ravel()
        v[0] = 0.0
        out[i] = v
    return out


def right_hypot_before_reshape(images):
    spec = np.fft.fft2(np.asarray(images, dtype=np.float64), axes=(-2, -1))
    size = np.hypot(spec.real, spec.imag)
    size[:, 0, 0] = 0
    return size.reshape(size.shape[0], -1)


def wrong_no_red(images):
    """forgets red(): keeps the zero frequency (total ink) as the first feature"""
    return np.abs(np.fft.fft2(images)).reshape(len(images), 784)


def wrong_squared(images):
    """uses the squared sizes |F x F|² (power spectrum) instead of |F x F|"""
    s = (np.abs(np.fft.fft2(images)) ** 2).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_real_part(images):
    """takes the real part of F x F instead of its size"""
    s = np.real(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_zero_first_image(images):
    """s[0] = 0 zeroes the whole first image's features instead of each image's first entry"""
    s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    s[0] = 0
    return s


def wrong_column_order(images):
    """flattens column by column (Julia's vec, order='F') instead of row by row"""
    spec = np.abs(np.fft.fft2(images))
    s = np.stack([m.ravel(order="F") for m in spec])
    s[:, 0] = 0
    return s


def wrong_1d_fft(images):
    """np.fft.fft transforms only the last axis (rows), not the 2-D transform"""
    s = np.abs(np.fft.fft(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_fftshift(images):
    """fftshifts the spectrum (as in the plots) before flattening, so red() hits the wrong entry"""
    spec = np.fft.fftshift(np.abs(np.fft.fft2(images)), axes=(-2, -1))
    s = spec.reshape(len(images), 784)
    s[:, 0] = 0
    return s
