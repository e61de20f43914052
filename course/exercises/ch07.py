"""Chapter 7, The eigenvector network: the operator T f(x) = f(Ax) + f(Bx), by hand and numpy."""

import numpy as np

from ..check import code_exercise, exercise
from ..eigen_net.matrices import random_orthogonal, random_pair
from ..eigen_net.spectra import eigen_residual, quadratic_map

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


# --------------------------------------------------------------------- write a function

def _quadratic_cases():
    rng = np.random.default_rng(7)
    cases = []
    for h, seed in ((20, 0), (5, 1), (8, 2)):
        A, B = random_orthogonal(h, "qr", seed=seed + 10), random_orthogonal(h, "haar", seed=seed + 20)
        S = rng.standard_normal((h, h))
        M = S + S.T
        M -= np.trace(M) / h * np.eye(h)               # symmetric and traceless
        cases.append((M, A, B))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_transposed(M, A, B):
    return A @ M @ A.T + B @ M @ B.T


def _wrong_sum_first(M, A, B):
    return (A + B).T @ M @ (A + B)


def _wrong_half(M, A, B):
    return A.T @ M @ A


def _wrong_mean(M, A, B):
    return (A.T @ M @ A + B.T @ M @ B) / 2


def _wrong_elementwise(M, A, B):
    return A.T * M * A + B.T * M * B


def _wrong_in_place(M, A, B):
    M += B.T @ M @ B
    return A.T @ (M - B.T @ M @ B) @ A + B.T @ (M - B.T @ M @ B) @ B


@code_exercise(
    "ch07.T_quadratic",
    "A quadratic function f(x) = xᵀMx (M symmetric, h x h) is sent by T to another quadratic "
    "function, T f(x) = f(Ax) + f(Bx) = xᵀ M' x. Write T_quadratic(M, A, B) that returns M'.",
    hint="Write f(Ax) = (Ax)ᵀ M (Ax) and move the A's next to M: (Ax)ᵀ = xᵀAᵀ. Do the same for "
         "B and add. Matrix products are @ in numpy, not *.",
    cases=_quadratic_cases,
    mistakes=[(_wrong_transposed,
               "That is T for f(Aᵀx) + f(Bᵀx): with (Ax)ᵀ = xᵀAᵀ the transposes go on the left, "
               "next to xᵀ."),
              (_wrong_sum_first,
               "That is f(Ax + Bx): it has cross terms xᵀAᵀMBx. T adds the two values f(Ax) and "
               "f(Bx), which is not f of the sum (f is quadratic, not linear)."),
              (_wrong_half, "That is only f(Ax); T adds f(Bx) as well."),
              (lambda M, A, B: B.T @ M @ B, "That is only f(Bx); T adds f(Ax) as well.")],
    wrong_examples=[(_wrong_transposed, "transposes go on the left"),
                    (_wrong_sum_first, "cross terms"),
                    (_wrong_half, "T adds f(Bx) as well"),
                    (_wrong_mean, "0.5 times the right one"),
                    (_wrong_elementwise, "differs from the right answer"),
                    (_wrong_in_place, "changes its input `M`")],
    reference=quadratic_map,
    explanation="f(Ax) = xᵀAᵀMAx, so T f has the matrix AᵀMA + BᵀMB. This map of matrices is T "
                "on quadratic functions; in a basis of the 209 symmetric traceless matrices it "
                "is the 209 x 209 matrix whose eigenvalues the chapter computes.")
def T_quadratic(M, A, B):
    return A.T @ M @ A + B.T @ M @ B
