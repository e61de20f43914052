import numpy as np


def right_fft2(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def right_dft_matrix(images):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    out = np.empty((images.shape[0], 784))
    for i, x in enumerate(images):
        v = np.abs(F @ x @ F).ravel()
        v[0] = 0.0
        out[i] = v
    return out


def right_hypot(images):
    z = np.fft.fft2(np.asarray(images, dtype=float), axes=(-2, -1))
    s = np.hypot(z.real, z.imag).reshape(-1, 28 * 28)
    return np.concatenate([np.zeros((s.shape[0], 1)), s[:, 1:]], axis=1)


def wrong_no_red(images):
    """forgets red(): the zero frequency stays in"""
    return np.abs(np.fft.fft2(images)).reshape(len(images), 784)


def wrong_zero_column(images):
    """zeros [:, :, 0] before flattening: the whole first column of frequencies, not just the first entry"""
    s = np.abs(np.fft.fft2(images))
    s[:, :, 0] = 0
    return s.reshape(len(images), 784)


def wrong_column_order(images):
    """flattens column by column (Julia's vec, order='F') instead of row by row"""
    s = np.abs(np.fft.fft2(images)).transpose(0, 2, 1).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_power(images):
    """squared size |F x F|^2 (the power spectrum) instead of the size"""
    s = (np.abs(np.fft.fft2(images)) ** 2).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_real_part(images):
    """takes the real part of F x F instead of its size"""
    s = np.real(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_fftshift(images):
    """centres the spectrum with fftshift, then zeros entry 0, which is no longer the zero frequency"""
    s = np.abs(np.fft.fftshift(np.fft.fft2(images), axes=(-2, -1))).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_1d_fft(images):
    """np.fft.fft: a 1-D transform of each row only, not the 2-D transform"""
    s = np.abs(np.fft.fft(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s
