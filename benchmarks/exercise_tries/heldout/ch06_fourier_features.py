import numpy as np
import torch


def right_fft2(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def right_dft_matrix_loop(images):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    out = np.empty((len(images), 784))
    for i, x in enumerate(images):
        v = np.abs(F @ x @ F).ravel()
        v[0] = 0.0
        out[i] = v
    return out


def right_subtract_mean_torch(images):
    x = torch.as_tensor(np.asarray(images, dtype=np.float64))
    x = x - x.mean(dim=(1, 2), keepdim=True)      # kills exactly the zero frequency
    return torch.fft.fft2(x).abs().reshape(len(images), -1).numpy()


def wrong_zero_frequency_kept(images):
    """Forgets red(): the zero frequency (total ink) stays in the first column."""
    return np.abs(np.fft.fft2(images)).reshape(len(images), 784)


def wrong_last_entry_zeroed(images):
    """Zeroes the last of the 784 entries (s[:, -1]) instead of the first."""
    s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
    s[:, -1] = 0
    return s


def wrong_first_row_zeroed(images):
    """Sets [:, 0] = 0 on the (n, 28, 28) array before flattening: zeroes the whole first row of frequencies."""
    s = np.abs(np.fft.fft2(images))
    s[:, 0] = 0
    return s.reshape(len(images), 784)


def wrong_column_major_vec(images):
    """Flattens column by column (Julia's vec, order='F') instead of row by row."""
    s = np.abs(np.fft.fft2(images)).transpose(0, 2, 1).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_power_spectrum(images):
    """Uses the squared size |F x F|^2 (power spectrum) instead of |F x F|."""
    s = (np.abs(np.fft.fft2(images)) ** 2).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_1d_fft(images):
    """Uses np.fft.fft (1-D, along each row only) instead of the 2-D transform fft2."""
    s = np.abs(np.fft.fft(images)).reshape(len(images), 784)
    s[:, 0] = 0
    return s


def wrong_ortho_normalised(images):
    """Uses fft2(norm='ortho'), which divides every frequency by 28."""
    s = np.abs(np.fft.fft2(images, norm="ortho")).reshape(len(images), 784)
    s[:, 0] = 0
    return s
