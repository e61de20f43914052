import numpy as np


def _s(x):
    s = np.abs(np.fft.fft2(x)).ravel()
    s[0] = 0
    return s


def right_tensordot(x, A, B):
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def right_dft_einsum(x, A, B):
    k = np.arange(28)
    F = np.exp(-2j * np.pi * np.outer(k, k) / 28)
    s = np.abs((F @ x @ F).reshape(784))
    s[0] = 0.0
    M = np.einsum("j,jkh->kh", s, B)
    y = np.einsum("kh,h->k", M, np.einsum("hp,p->h", A, x.reshape(784)))
    return np.abs(y) / np.sqrt(np.sum(x ** 2)) ** 3


def right_loop(x, A, B):
    s = _s(x)
    v = x.flatten()
    M = np.zeros(B.shape[1:])
    for j in range(784):
        M += s[j] * B[j]
    z = A @ v
    n3 = np.linalg.norm(v) ** 3
    return np.array([abs(M[k] @ z) / n3 for k in range(M.shape[0])])


def wrong_square(x, A, B):
    """divides by ||x||^2 instead of ||x||^3"""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 2


def wrong_no_abs(x, A, B):
    """forgets the |.| around y_k (signed scores)"""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return y / np.linalg.norm(x) ** 3


def wrong_no_red(x, A, B):
    """forgets red(): keeps the zero frequency in s(x)"""
    s = np.abs(np.fft.fft2(x)).ravel()
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_column_major(x, A, B):
    """vec() column by column (order='F') for both s(x) and A vec(x)"""
    s = np.abs(np.fft.fft2(x)).ravel(order="F")
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel(order="F"))
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_l1_length(x, A, B):
    """uses the sum of the pixels as the length of x instead of the L2 norm"""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.sum(x) ** 3


def wrong_power_spectrum(x, A, B):
    """s(x) as the squared size |F x F|^2"""
    s = (np.abs(np.fft.fft2(x)) ** 2).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.ravel())
    return np.abs(y) / np.linalg.norm(x) ** 3


def wrong_no_division(x, A, B):
    """returns |y_k(x)| without dividing by ||x||^3"""
    y = np.tensordot(_s(x), B, axes=1) @ (A @ x.ravel())
    return np.abs(y)
