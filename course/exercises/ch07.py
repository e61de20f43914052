"""Chapter 7, The eigenvector network: the operator T f(x) = f(Ax) + f(Bx), by hand and numpy."""

import numpy as np

from ..check import exercise
from ..eigen_net import eigen_residual, linear_spectrum, random_pair

CHAPTER_SEED = 0
"""The notebook's A and B are ``random_pair(20, "qr", seed=CHAPTER_SEED)``."""


def chapter_pair():
    """(A, B) of chapter 7: 20 x 20, kind "qr", seed `CHAPTER_SEED`."""
    return random_pair(20, "qr", seed=CHAPTER_SEED)


@exercise("ch07.constant",
          "A constant function f(x) = 1 solves f(x) = c (f(Ax) + f(Bx)) too. Which eigenvalue "
          "λ = 1/c of T does it have?",
          hint="Put f = 1 into T f(x) = f(Ax) + f(Bx): what is T f at any x?",
          mistakes=[(lambda a: np.isclose(a, 0.5), "0.5 is c, not λ = 1/c."),
                    (lambda a: np.isclose(a, 1), "f(Ax) and f(Bx) are each 1: add them.")],
          explanation="T 1 = 1 + 1 = 2, for any orthogonal A and B: the largest eigenvalue T "
                      "can have, which is why the mean-0 condition is there to exclude it.")
def _constant():
    A, B = chapter_pair()
    X = np.random.default_rng(0).standard_normal((5, 20))
    one = lambda Y: np.ones(len(Y))  # noqa: E731 - the constant function
    return float(np.mean((one(X @ A.T) + one(X @ B.T)) / one(X)))


@exercise("ch07.real_count",
          "How many of the 20 eigenvalues of Aᵀ + Bᵀ are real, for the chapter's A and B? "
          "(Each real one gives a real linear eigenfunction.)",
          hint="np.linalg.eigvals(A.T + B.T) gives them; a real eigenvalue of a real matrix has "
               "imaginary part exactly 0. Count with np.sum(... == 0).",
          mistakes=[(lambda a: a == 20, "Not all of them: most come in complex conjugate pairs."),
                    (lambda a: a == 0, "Look again: some imaginary parts are exactly 0.")],
          explanation="Complex eigenvalues of a real matrix come in conjugate pairs, so the "
                      "count of real ones has the parity of h = 20: it is even.")
def _real_count():
    A, B = chapter_pair()
    return int(np.sum(np.linalg.eigvals(A.T + B.T).imag == 0))


@exercise("ch07.minus_A",
          "Take B = −A exactly and M = A + Aᵀ minus its mean diagonal (so that M is traceless). "
          "Which eigenvalue λ does the quadratic f(x) = xᵀ M x have under T?",
          hint="Compute Aᵀ M A by hand for M = A + Aᵀ (use AᵀA = I), then note that "
               "(−A)ᵀ M (−A) = Aᵀ M A. Or compute it: quadratic_map(M, A, -A) and compare with M.",
          mistakes=[(lambda a: np.isclose(a, 0), "0 is the eigenvalue of every *linear* function "
                                                 "when B = −A; this one is quadratic.")],
          explanation="Aᵀ(A + Aᵀ)A = A + Aᵀ, so AᵀMA = M and BᵀMB = M: λ = 2. With B = −A "
                      "every linear eigenvalue is 0 but quadratic ones reach 2.")
def _minus_A():
    A, _ = chapter_pair()
    M = A + A.T
    M = M - np.trace(M) / len(M) * np.eye(len(M))
    return eigen_residual(M, A, -A)[0]
