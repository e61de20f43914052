"""Chapter 7, The eigenvector network: the operator T f(x) = f(Ax) + f(Bx), by hand and numpy,
and the learner's own T, T on quadratic forms, power-iteration step and Rayleigh quotient."""

import numpy as np
import torch

from ..check import code_exercise, exercise
from ..eigen_net.matrices import random_orthogonal, random_pair, random_unit_vectors
from ..eigen_net.spectra import apply_T, eigen_residual, quadratic_map

CHAPTER_SEED = 0
"""The notebook's A and B are ``random_pair(20, "qr", seed=CHAPTER_SEED)``."""


def chapter_pair():
    """(A, B) of chapter 7: 20 x 20, kind "qr", seed `CHAPTER_SEED`."""
    return random_pair(20, "qr", seed=CHAPTER_SEED)


@exercise("ch07.constant",
          "A constant function f(x) = 1 solves f(x) = c (f(Ax) + f(Bx)) too. Which eigenvalue "
          "λ = 1/c of T does it have?",
          hint="Put f = 1 into T f(x) = f(Ax) + f(Bx): what is T f at any x?",
          mistakes=[(lambda a: np.isclose(a, 0.5), "Compute T f for f = 1 and compare it with f: "
                                                   "λ is the factor between them (λ = 1/c)."),
                    (lambda a: np.isclose(a, 1), "Compute T f at any x from its definition, "
                                                 "f(Ax) + f(Bx), with f = 1.")],
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
               "(−A)ᵀ M (−A) = Aᵀ M A. Or compute it with your T_quadratic(M, A, -A) and compare with M.",
          mistakes=[(lambda a: np.isclose(a, 0), "0 is the eigenvalue of every *linear* function "
                                                 "when B = −A; this one is quadratic.")],
          explanation="Aᵀ(A + Aᵀ)A = A + Aᵀ, so AᵀMA = M and BᵀMB = M: λ = 2. With B = −A "
                      "every linear eigenvalue is 0 but quadratic ones reach 2.")
def _minus_A():
    A, _ = chapter_pair()
    M = A + A.T
    M = M - np.trace(M) / len(M) * np.eye(len(M))
    return eigen_residual(M, A, -A)[0]


# --------------------------------------------------------------------- write a function: T

class _Function:
    """A function of points for the cases: rows of X (n, h) to n numbers, named in messages."""

    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __call__(self, X):
        return self.fn(X)

    def __repr__(self) -> str:
        return self.name


def _T_cases():
    """Functions that are not linear (so f of a sum is not a sum of f's), n points (rows)
    never as many as h coordinates (so A @ X fails), a batch of one point; orthogonal A and
    B with points of length 1, as in the chapter, then general A and B with points of
    other lengths."""
    rng = np.random.default_rng(70)
    w = rng.standard_normal(20)
    S = rng.standard_normal((5, 5))
    cases = [(_Function("tanh(w·x)", lambda X: np.tanh(X @ w)), *random_pair(20, "qr", seed=3),
              random_unit_vectors(7, 20, seed=11)),
             (_Function("xᵀSx", lambda X: np.sum((X @ S) * X, axis=1)),
              *random_pair(5, "haar", seed=4), random_unit_vectors(12, 5, seed=12)),
             (_Function("x₁³ + x₂x₃", lambda X: X[:, 0] ** 3 + X[:, 1] * X[:, 2]),
              *random_pair(8, "qr", seed=5), random_unit_vectors(1, 8, seed=13)),
             (_Function("exp(x₁) − x₂", lambda X: np.exp(X[:, 0]) - X[:, 1]),
              *random_pair(3, "haar", seed=6), random_unit_vectors(4, 3, seed=14))]
    # General A and B (neither orthogonal nor of any special length) and points of lengths
    # from 0.3 to 3: T is defined for any matrices and points, so a T that rescales the
    # points or takes A⁻¹ for Aᵀ (equal only for orthogonal A) shows here.
    for h, n, seed, f in ((6, 9, 15, _Function("tanh(w·x)", lambda X: np.tanh(X @ w[:6]))),
                          (5, 6, 16, _Function("xᵀSx", lambda X: np.sum((X @ S) * X, axis=1)))):
        A, B = rng.standard_normal((2, h, h)) / np.sqrt(h) + np.eye(h) / 2
        lengths = np.linspace(0.3, 3.0, n)[:, None]
        cases.append((f, A, B, lengths * random_unit_vectors(n, h, seed=seed)))
    return cases


def _T_untransposed(f, A, B, X):
    return f(X @ A) + f(X @ B)


def _T_of_the_sum(f, A, B, X):
    return f(X @ A.T + X @ B.T)


def _T_product(f, A, B, X):
    return f(X @ A.T) * f(X @ B.T)


def _T_only_A(f, A, B, X):
    return f(X @ A.T)


def _T_only_B(f, A, B, X):
    return f(X @ B.T)


def _T_minus_f(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T) - f(X)


def _T_mean(f, A, B, X):
    return (f(X @ A.T) + f(X @ B.T)) / 2


def _T_negative(f, A, B, X):
    return -(f(X @ A.T) + f(X @ B.T))


def _T_columns_as_points(f, A, B, X):
    return f(A @ X) + f(B @ X)


def _T_stacked(f, A, B, X):
    return np.stack([f(X @ A.T), f(X @ B.T)])


def _T_reuses_X(f, A, B, X):
    fa = f(X @ A.T)
    X[:] = X @ B.T                     # the moved points, written into the caller's X
    return fa + f(X)


def _T_summed_over_points(f, A, B, X):
    return np.sum(f(X @ A.T) + f(X @ B.T))


def _T_no_return(f, A, B, X):
    Tf = f(X @ A.T) + f(X @ B.T)   # noqa: F841


def _T_A_twice(f, A, B, X):
    return f(X @ A.T) + f(X @ A.T)


def _T_B_twice(f, A, B, X):
    return f(X @ B.T) + f(X @ B.T)


def _T_composed(f, A, B, X):           # B applied to the points A has already moved: f(BAx)
    AX = X @ A.T
    return f(AX) + f(AX @ B.T)


def _T_composed_other_order(f, A, B, X):   # f(ABx) + f(Bx)
    BX = X @ B.T
    return f(BX @ A.T) + f(BX)


def _T_composition_only(f, A, B, X):     # f(BAx) alone: A then B on the same point, one value
    return f(X @ A.T @ B.T)


def _T_composition_only_other_order(f, A, B, X):   # f(ABx) alone
    return f(X @ B.T @ A.T)


def _T_composition_by_columns(f, A, B, X):
    moved = B @ (A @ X.T)                # the points as columns, moved by A, then by B
    return f(moved.T)


def _T_difference(f, A, B, X):
    return f(X @ A.T) - f(X @ B.T)


def _T_plus_f(f, A, B, X):
    return f(X) + f(X @ A.T) + f(X @ B.T)


def _unit_rows(P):
    return P / np.linalg.norm(P, axis=1, keepdims=True)


def _T_moved_points_to_length_1(f, A, B, X):   # Ax and Bx rescaled onto the unit sphere
    return f(_unit_rows(X @ A.T)) + f(_unit_rows(X @ B.T))


def _T_points_to_length_1(f, A, B, X):         # the points x rescaled first, then moved
    U = _unit_rows(X)
    return f(U @ A.T) + f(U @ B.T)


def _T_inverse(f, A, B, X):                    # A⁻¹ for Aᵀ: the same only when A is orthogonal
    return f(X @ np.linalg.inv(A)) + f(X @ np.linalg.inv(B))


def _right_T_loop(f, A, B, X):
    return np.array([f((A @ x)[None])[0] + f((B @ x)[None])[0] for x in X])


def _right_T_one_call(f, A, B, X):
    moved = np.concatenate([X @ A.T, X @ B.T])     # the 2n moved points, one call of f
    values = f(moved)
    return values[:len(X)] + values[len(X):]


@code_exercise(
    "ch07.T",
    "Write T(f, A, B, X): the operator (T f)(x) = f(Ax) + f(Bx) at every point x of a batch. "
    "f takes points as rows, an (n, h) array, and returns their n values; A, B: (h, h); "
    "X: (n, h), one point per row. Return the n values of T f, shape (n,).",
    hint="Move all the points at once: with points as rows, the rows of X @ A.T are the points "
         "A x. Evaluate f at the moved points, once for A and once for B, and add.",
    cases=_T_cases,
    mistakes=[(_T_untransposed,
               "With points as rows, X @ A moves each point x to Aᵀx. The rows of X @ A.T are "
               "the points A x."),
              (_T_of_the_sum,
               "That is f(Ax + Bx), f at one point. T evaluates f at two points, Ax and Bx, "
               "and adds the two values."),
              (_T_product,
               "T adds the two values f(Ax) and f(Bx); you multiplied them."),
              (_T_only_A, "That is only f(Ax); T adds f(Bx) as well."),
              (_T_only_B, "That is only f(Bx); T adds f(Ax) as well."),
              (_T_minus_f,
               "That is T f − f. T itself is f(Ax) + f(Bx); the eigenvalue equation compares "
               "it with f later."),
              (_T_A_twice,
               "You used A in both terms, f(Ax) + f(Ax): the second term moves the points "
               "with B."),
              (_T_B_twice,
               "You used B in both terms, f(Bx) + f(Bx): the first term moves the points "
               "with A."),
              (_T_composed,
               "Your second term is f(BAx): B moved the points that A had already moved. T "
               "moves each original point x twice, separately: once by A and once by B."),
              (_T_composed_other_order,
               "One of your terms is f(ABx): A moved the points that B had already moved. T "
               "moves each original point x twice, separately: once by A and once by B."),
              (_T_composition_only,
               "That is f(BAx) alone: B moved the points that A had already moved, and f was "
               "evaluated once, at that one point. T moves each original point x twice, "
               "separately, once by A and once by B, evaluates f at both, Ax and Bx, and adds "
               "the two values."),
              (_T_composition_only_other_order,
               "That is f(ABx) alone: A moved the points that B had already moved, and f was "
               "evaluated once, at that one point. T moves each original point x twice, "
               "separately, once by A and once by B, evaluates f at both, Ax and Bx, and adds "
               "the two values."),
              (_T_difference,
               "You subtracted f(Bx) from f(Ax): T adds the two values, f(Ax) + f(Bx)."),
              (_T_plus_f,
               "That is f(x) + T f: you added f at the point x itself as well. T evaluates f "
               "only at the two moved points, Ax and Bx; the eigenvalue equation compares T f "
               "with f later."),
              (_T_moved_points_to_length_1,
               "You rescaled the moved points Ax and Bx to length 1 before evaluating f. T "
               "evaluates f at Ax and Bx as they are: A and B are any (h, h) matrices, and "
               "they need not keep lengths."),
              (_T_points_to_length_1,
               "You rescaled the points x to length 1 before moving them. T evaluates f at "
               "Ax and Bx for the points x as they are given, of any length."),
              (_T_inverse,
               "X @ inv(A) moves each point x to A⁻ᵀx: the inverse of A equals Aᵀ only for an "
               "orthogonal A, and here A is any (h, h) matrix. With points as rows, the rows "
               "of X @ A.T are the points A x.")],
    wrong_examples=[(_T_untransposed, "rows of X @ A.T are the points A x"),
                    (_T_of_the_sum, "f at one point"),
                    (_T_product, "you multiplied them"),
                    (_T_only_A, "T adds f(Bx) as well"),
                    (_T_only_B, "T adds f(Ax) as well"),
                    (_T_minus_f, "T f − f"),
                    (_T_A_twice, "used A in both terms"),
                    (_T_composed, "f(BAx)"),
                    (_T_mean, "times the right"),
                    (_T_negative, "opposite sign"),
                    (_T_columns_as_points, "ValueError"),
                    (_T_stacked, "shape"),
                    (_T_reuses_X, "changes its input `X`"),
                    (_T_summed_over_points, "shape"),
                    (_T_no_return, "return"),
                    (_T_difference, "You subtracted f(Bx)"),
                    (_T_composition_only, "f(BAx) alone"),
                    (_T_composition_by_columns, "f(BAx) alone"),
                    (_T_composition_only_other_order, "f(ABx) alone"),
                    (_T_plus_f, "f(x) + T f"),
                    (_T_moved_points_to_length_1, "rescaled the moved points"),
                    (_T_points_to_length_1, "rescaled the points x"),
                    (_T_inverse, "only for an orthogonal A")],
    right_examples=[_right_T_loop, _right_T_one_call],
    reference=apply_T,
    explanation="X @ A.T holds the points A x as rows; f of them is f(Ax) at every point. T "
                "is linear in f (T of a sum of functions is the sum of their T's), whatever "
                "f is, which is why its eigenfunctions can be looked for like eigenvectors.")
def T(f, A, B, X):
    return f(X @ A.T) + f(X @ B.T)      # (T f)(x) = f(Ax) + f(Bx), every row x of X at once


# --------------------------------------------------------------------- write a function: one step

def _power_cases():
    """A random 6 × 6 matrix whose M w has entries of both signs, its largest entry (in size)
    and its first entry positive (so that a sign rule, which flips nothing there, and a
    minus sign differ, and so do the sum of the entries and of their sizes), the
    chapter's kind of matrix Aᵀ + Bᵀ (20 × 20), a random 5 × 5 one, a symmetric one, and a
    1 × 1 one with a negative entry; w of lengths other than 1."""
    first = np.random.default_rng(80)
    rng = np.random.default_rng(71)
    A, B = random_pair(20, "qr", seed=4)
    S = rng.standard_normal((8, 8))
    return [(first.standard_normal((6, 6)), 2 * first.standard_normal(6)),
            (A.T + B.T, rng.standard_normal(20)),
            (rng.standard_normal((5, 5)), 3 * rng.standard_normal(5)),
            (S + S.T, rng.standard_normal(8) / 4),
            (np.array([[-2.0]]), np.array([0.5]))]


def _step_no_rescale(M, w):
    return M @ w


def _step_transposed(M, w):
    v = M.T @ w
    return v / np.linalg.norm(v)


def _step_by_sum(M, w):
    v = M @ w
    return v / v.sum()


def _step_by_largest(M, w):
    v = M @ w
    return v / np.abs(v).max()


def _step_by_length_of_w(M, w):
    return M @ w / np.linalg.norm(w)


def _step_by_square(M, w):
    v = M @ w
    return v / np.linalg.norm(v) ** 2


def _step_by_l1(M, w):
    v = M @ w
    return v / np.abs(v).sum()


def _step_by_l1_norm(M, w):
    v = M @ w
    return v / np.linalg.norm(v, ord=1)


def _step_negative(M, w):
    v = M @ w
    return -v / np.linalg.norm(v)


def _step_elementwise(M, w):
    v = M * w
    return v / np.linalg.norm(v)


def _step_in_place(M, w):
    w[:] = M @ w
    w /= np.linalg.norm(w)
    return w


def _step_column(M, w):
    v = M @ w[:, None]
    return v / np.linalg.norm(v)


def _step_no_return(M, w):
    v = M @ w
    w_next = v / np.linalg.norm(v)   # noqa: F841


def _step_by_norm_of_M(M, w):
    return M @ w / np.linalg.norm(M)


def _step_with_its_length(M, w):       # the new w and the length ‖M w‖ (an eigenvalue estimate)
    v = M @ w
    return v / np.linalg.norm(v), np.linalg.norm(v)


def _step_column_sums(M, w):            # (M * w)[i, j] = M[i, j] w[j], added down each column
    v = (M * w).sum(axis=0)
    return v / np.linalg.norm(v)


def _step_sign_rule(M, w):              # chapter 4's rule: the largest entry (in size) positive
    v = M @ w
    v = v / np.linalg.norm(v)
    return v if v[np.argmax(np.abs(v))] > 0 else -v


def _step_first_entry_positive(M, w):
    v = M @ w
    v = v / np.linalg.norm(v)
    return v if v[0] >= 0 else -v


_SIGN_RULE = ("You flipped the sign of the new w where a sign rule says so (one entry made "
              "positive, like chapter 4's largest entry). The step has no sign rule: "
              "M w / ‖M w‖ keeps the sign M w has, and the question asks for no other (a flip "
              "would hide a negative eigenvalue, whose iterates change sign at every step).")


def _right_step_loops(M, w):
    v = [sum(M[i, j] * w[j] for j in range(len(w))) for i in range(len(w))]
    length = sum(x * x for x in v) ** 0.5
    return np.array([x / length for x in v])


def _right_step_torch(M, w):
    v = torch.from_numpy(M) @ torch.from_numpy(w)
    return torch.nn.functional.normalize(v, dim=0)


@code_exercise(
    "ch07.power_step",
    "Write power_step(M, w): one step of the classical power iteration, w ← M w / ‖M w‖, "
    "for a square matrix M (h, h) and a vector w (h,). Return the new w, shape (h,), of "
    "length 1.",
    hint="Two lines: multiply (M @ w), then divide by the length of what you got "
         "(np.linalg.norm).",
    cases=_power_cases,
    mistakes=[(_step_no_rescale,
               "You multiplied but did not rescale: divide M w by its length ‖M w‖, or the "
               "iterates grow or shrink like |λ|ᵏ."),
              (_step_transposed,
               "That multiplies by Mᵀ (M.T @ w, or w @ M). The step multiplies by M: M @ w."),
              (_step_by_sum,
               "You divided by the sum of the entries of M w. The rescaling is by its length, "
               "‖M w‖ = √(Σ_i (M w)_i²), which is never negative or zero for M w ≠ 0."),
              (_step_by_l1,
               "You divided by the sum of the sizes of the entries of M w, Σ_i |(M w)_i| (its "
               "L1 length, np.linalg.norm(v, 1)). The rescaling is by the ordinary length "
               "‖M w‖ = √(Σ_i (M w)_i²), so that the new w has length 1."),
              (_step_by_largest,
               "You divided by the largest entry of M w (a textbook variant). Here w ← M w / "
               "‖M w‖: divide by the length, so that the new w has length 1."),
              (_step_by_length_of_w,
               "You divided by ‖w‖, the length of the old w. The step rescales by the length "
               "of the vector it has just computed, ‖M w‖, so that the new w has length 1."),
              (_step_by_square,
               "You divided by ‖M w‖², the squared length (v @ v is ‖v‖², not ‖v‖): the new w "
               "would have length 1 / ‖M w‖ instead of 1."),
              (_step_column_sums,
               "(M * w) multiplies each column j of M by w_j, and .sum(axis=0) adds down the "
               "columns: entry j is w_j times the sum of column j, neither M w nor Mᵀ w. Entry "
               "i of M w adds M[i, j] w[j] over j, along row i."),
              (_step_sign_rule, _SIGN_RULE),
              (_step_first_entry_positive, _SIGN_RULE)],
    wrong_examples=[(_step_no_rescale, "did not rescale"),
                    (_step_transposed, "multiplies by Mᵀ"),
                    (_step_by_sum, "sum of the entries"),
                    (_step_by_largest, "largest entry"),
                    (_step_by_length_of_w, "length of the old w"),
                    (_step_by_square, "squared length"),
                    (_step_by_norm_of_M, "times the right"),
                    (_step_with_its_length, "tuple"),
                    (_step_by_l1, "L1 length"),
                    (_step_by_l1_norm, "L1 length"),
                    (_step_negative, "opposite sign"),
                    (_step_elementwise, "elementwise *"),
                    (_step_in_place, "changes its input `w`"),
                    (_step_column, "shape"),
                    (_step_no_return, "return"),
                    (_step_column_sums, "adds down the columns"),
                    (_step_sign_rule, "sign rule"),
                    (_step_first_entry_positive, "sign rule")],
    right_examples=[_right_step_loops, _right_step_torch],
    explanation="Dividing by ‖M w‖ keeps every iterate of length 1, so only its direction "
                "changes. The part of w along the eigenvalue of largest |λ| grows fastest and "
                "takes over, if that eigenvalue is real.")
def power_step(M, w):
    v = M @ w                          # apply the matrix
    return v / np.linalg.norm(v)       # and rescale to length 1


# --------------------------------------------------------------------- write a function: ρ

def _rayleigh_cases():
    """As for the power step: Aᵀ + Bᵀ, a random matrix, a symmetric one, 1 × 1; w of
    lengths other than 1."""
    rng = np.random.default_rng(72)
    A, B = random_pair(20, "qr", seed=8)
    S = rng.standard_normal((8, 8))
    return [(A.T + B.T, rng.standard_normal(20) * 2),
            (rng.standard_normal((5, 5)), 3 * rng.standard_normal(5)),
            (S + S.T, rng.standard_normal(8) / 4),
            (np.array([[-2.0]]), np.array([0.5]))]


def _rho_not_divided(M, w):
    return w @ M @ w


def _rho_by_length(M, w):
    return w @ M @ w / np.linalg.norm(w)


def _rho_stretch(M, w):
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def _rho_precedence(M, w):
    return w @ M @ w / w @ w


def _rho_entry_ratios(M, w):
    return np.mean(M @ w / w)


def _rho_negative(M, w):
    return -(w @ M @ w) / (w @ w)


def _rho_no_return(M, w):
    rho = (w @ M @ w) / (w @ w)   # noqa: F841


def _rho_not_summed(M, w):
    return (M @ w) * w / (w @ w)


def _rho_normalises_w(M, w):
    w /= np.linalg.norm(w)         # w of length 1, then wᵀw = 1: but w is the caller's
    return w @ M @ w


def _rho_rows(M, w):
    return (w @ M @ w) / np.linalg.norm(w, axis=1) ** 2


def _rho_one_based(M, w):
    h = len(w)
    top = sum(w[i] * M[i, j] * w[j] for i in range(1, h + 1) for j in range(1, h + 1))
    return top / sum(w[i] ** 2 for i in range(1, h + 1))


def _rho_divided_twice(M, w):          # w normalised, then still divided by the original wᵀw
    u = w / np.linalg.norm(w)
    return (u @ M @ u) / (w @ w)


def _rho_floor_division(M, w):
    return (w @ M @ w) // (w @ w)


def _rho_star_first(M, w):             # w * M @ w is (w * M) @ w: a vector
    return (w * M @ w) / (w @ w)


def _rho_elementwise_sum(M, w):         # (w * M * w)[i, j] = M[i, j] w[j]², then all added
    return np.sum(w * M * w) / (w @ w)


def _rho_star_summed(M, w):             # (M * w)[i, j] = M[i, j] w[j], then all added: one w missing
    return (M * w).sum() / (w * w).sum()


def _rho_einsum_one_w(M, w):
    return np.einsum("ij,j->", M, w) / np.dot(w, w)


def _rho_largest_eigenvalue(M, w):      # M's eigenvalue of largest size (its real part): w unused
    values = np.linalg.eigvals(M)
    return float(np.real(values[np.argmax(np.abs(values))]))


def _rho_rightmost_eigenvalue(M, w):    # M's eigenvalue of largest real part: w unused
    return float(np.max(np.linalg.eigvals(M).real))


def _rho_top_eigenvalue_torch(M, w):
    values = torch.linalg.eigvals(torch.from_numpy(M))
    return values[values.abs().argmax()].real.item()


def _right_rho_loops(M, w):
    top = sum(w[i] * M[i, j] * w[j] for i in range(len(w)) for j in range(len(w)))
    return top / sum(x * x for x in w)


def _right_rho_columns(M, w):
    v = w.reshape(-1, 1)                      # w as a column, as in the formula
    return ((v.T @ M @ v) / (v.T @ v)).item()  # a 1 × 1 array; the number in it


def _rho_one_by_one(M, w):
    v = w.reshape(-1, 1)
    return (v.T @ M @ v) / (v.T @ v)          # a 1 × 1 array, not the number: a later f"{r:.3f}" fails


def _right_rho_torch(M, w):
    M, w = torch.from_numpy(M), torch.from_numpy(w)
    return torch.dot(w, M @ w) / torch.dot(w, w)


@code_exercise(
    "ch07.rayleigh",
    "Write rayleigh(M, w): the Rayleigh quotient ρ = wᵀ M w / wᵀ w of a square matrix M (h, h) "
    "and a vector w (h,), one number.",
    hint="With 1-D arrays, @ between two vectors is their dot product and M @ w is the matrix "
         "times the vector. Compute the top and the bottom, then divide (mind the brackets).",
    cases=_rayleigh_cases,
    mistakes=[(_rho_not_divided,
               "That is wᵀ M w alone: divide by wᵀ w, so that ρ does not change when w is "
               "made longer or shorter."),
              (_rho_by_length,
               "You divided by ‖w‖, the length; the quotient divides by wᵀ w = ‖w‖², its "
               "square."),
              (_rho_stretch,
               "That is ‖M w‖ / ‖w‖, how much M stretches w: never negative. ρ = wᵀ M w / wᵀ w "
               "measures the part of M w along w, and has a sign."),
              (_rho_precedence,
               "Mind the order of operations: a / b @ c is (a / b) @ c. Put brackets around "
               "the denominator: (w @ M @ w) / (w @ w)."),
              (_rho_entry_ratios,
               "That averages the ratios (M w)_i / w_i entry by entry. ρ divides two numbers: "
               "wᵀ M w by wᵀ w."),
              (_rho_divided_twice,
               "You divided by wᵀ w twice: normalising w to length 1 (w / ‖w‖) already "
               "divides wᵀ M w by wᵀ w once, and you divided by the original wᵀ w again."),
              (_rho_floor_division,
               "// is floor division: it rounds the quotient down to a whole number. ρ is a "
               "fraction in general: divide with /."),
              (_rho_star_summed,
               "* multiplies entry by entry: M * w multiplies column j of M by w_j, and the "
               "sum of all of it pairs M[i, j] with w_j alone, so one w is missing. wᵀ M w "
               "pairs M[i, j] with w_i w_j: its products are matrix products, @ in numpy."),
              (_rho_largest_eigenvalue,
               "Your number is an eigenvalue of M, found without w: your function never uses "
               "w. ρ is computed from w, wᵀ M w / wᵀ w; it equals an eigenvalue only when w is "
               "an eigenvector, and the iteration uses it to read off the eigenvalue of the w "
               "it has reached."),
              (_rho_rightmost_eigenvalue,
               "Your number is an eigenvalue of M, found without w: your function never uses "
               "w. ρ is computed from w, wᵀ M w / wᵀ w; it equals an eigenvalue only when w is "
               "an eigenvector, and the iteration uses it to read off the eigenvalue of the w "
               "it has reached."),
              (_rho_elementwise_sum,
               "* multiplies entry by entry: w * M * w multiplies column j of M by w_j², and "
               "the sum of that is not wᵀ M w, which pairs M[i, j] with w_i w_j. The products "
               "in wᵀ M w are matrix products: @ in numpy.")],
    wrong_examples=[(_rho_not_divided, "divide by wᵀ w"),
                    (_rho_by_length, "its square"),
                    (_rho_stretch, "how much M stretches w"),
                    (_rho_precedence, "order of operations"),
                    (_rho_entry_ratios, "entry by entry"),
                    (_rho_negative, "opposite sign"),
                    (_rho_no_return, "return"),
                    (_rho_not_summed, "shape"),
                    (_rho_normalises_w, "changes its input `w`"),
                    (_rho_rows, "AxisError"),
                    (_rho_one_based, "IndexError"),
                    (_rho_divided_twice, "divided by wᵀ w twice"),
                    (_rho_floor_division, "floor division"),
                    (_rho_star_first, "elementwise *"),
                    (_rho_elementwise_sum, "multiplies column j of M by w_j²"),
                    (_rho_star_summed, "one w is missing"),
                    (_rho_einsum_one_w, "one w is missing"),
                    (_rho_largest_eigenvalue, "never uses w"),
                    (_rho_top_eigenvalue_torch, "never uses w"),
                    (_rho_one_by_one, "holding one number")],
    right_examples=[_right_rho_loops, _right_rho_columns, _right_rho_torch],
    explanation="For an eigenvector, M w = λ w, so wᵀ M w / wᵀ w = λ: the quotient reads off "
                "the eigenvalue of a vector that has settled. For any other w it is a "
                "weighted average of what M does along w.")
def rayleigh(M, w):
    return (w @ M @ w) / (w @ w)       # ρ = wᵀ M w / wᵀ w


# --------------------------------------------------------------------- write a function: T on xᵀMx

def _quadratic_cases():
    rng = np.random.default_rng(7)
    cases = []
    for h, seed in ((20, 0), (5, 1), (8, 2)):
        A, B = random_orthogonal(h, "qr", seed=seed + 10), random_orthogonal(h, "haar", seed=seed + 20)
        S = rng.standard_normal((h, h))
        M = S + S.T
        M -= np.trace(M) / h * np.eye(h)               # symmetric and traceless
        cases.append((M, A, B))
    # M symmetric with a trace (the question asks only for M symmetric) and general A and B,
    # neither orthogonal nor of any special length: AᵀMA then changes the trace, and Aᵀ
    # differs from A⁻¹, so a T that makes M' traceless or takes A⁻¹ for Aᵀ shows here.
    for h in (6, 4):
        S = rng.standard_normal((h, h))
        M = S + S.T + 3 * np.eye(h)
        A, B = rng.standard_normal((2, h, h)) / np.sqrt(h) + np.eye(h) / 2
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


def _wrong_negative(M, A, B):
    return -(A.T @ M @ A + B.T @ M @ B)


def _wrong_stacked(M, A, B):
    return np.stack([A.T @ M @ A, B.T @ M @ B])


def _wrong_multi_dot(M, A, B):
    return np.linalg.multi_dot(A.T, M, A) + np.linalg.multi_dot(B.T, M, B)


def _wrong_no_return(M, A, B):
    M_new = A.T @ M @ A + B.T @ M @ B   # noqa: F841


def _wrong_A_twice(M, A, B):
    return A.T @ M @ A + A.T @ M @ A


def _wrong_cross_terms(M, A, B):
    return A.T @ M @ B + B.T @ M @ A


def _wrong_M_overwritten(M, A, B):     # M = AᵀMA, then the B term uses the new M
    M = A.T @ M @ A
    return M + B.T @ M @ B


def _wrong_M_overwritten_B_first(M, A, B):
    M = B.T @ M @ B
    return A.T @ M @ A + M


def _wrong_made_traceless(M, A, B):    # the mean diagonal taken off M' (the chapter's basis)
    M_new = A.T @ M @ A + B.T @ M @ B
    return M_new - np.trace(M_new) / len(M_new) * np.eye(len(M_new))


def _wrong_no_transposes(M, A, B):
    return A @ M @ A + B @ M @ B


def _wrong_transposed_both_sides(M, A, B):
    return A.T @ M @ A.T + B.T @ M @ B.T


def _wrong_one_side(M, A, B):
    return A.T @ M + B.T @ M


def _wrong_inverse(M, A, B):            # A⁻¹ for Aᵀ: the same only when A is orthogonal
    return np.linalg.inv(A) @ M @ A + np.linalg.inv(B) @ M @ B


def _right_quadratic_einsum(M, A, B):
    return np.einsum("ai,ab,bj->ij", A, M, A) + np.einsum("ai,ab,bj->ij", B, M, B)


def _right_quadratic_torch(M, A, B):
    M, A, B = (torch.from_numpy(a) for a in (M, A, B))
    return A.mT @ M @ A + B.mT @ M @ B


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
              (lambda M, A, B: B.T @ M @ B, "That is only f(Bx); T adds f(Ax) as well."),
              (_wrong_elementwise,
               "* multiplies entry by entry (A ⊙ M). f(Ax) = xᵀAᵀMAx needs matrix products: "
               "@ in numpy."),
              (_wrong_A_twice,
               "You used A in both terms: AᵀMA twice is 2 f(Ax). The second term is f(Bx), "
               "with B on both sides of M."),
              (lambda M, A, B: B.T @ M @ B + B.T @ M @ B,
               "You used B in both terms: BᵀMB twice is 2 f(Bx). The first term is f(Ax), "
               "with A on both sides of M."),
              (_wrong_cross_terms,
               "AᵀMB and BᵀMA mix A and B: those are the cross terms of f(Ax + Bx). In "
               "f(Ax) = (Ax)ᵀM(Ax) the same matrix stands on both sides of M, and likewise "
               "in f(Bx)."),
              (_wrong_M_overwritten,
               "Your B term uses M after you overwrote it with AᵀMA: BᵀAᵀMAB is f(ABx). Both "
               "terms start from the original M; give the first product its own name."),
              (_wrong_M_overwritten_B_first,
               "Your A term uses M after you overwrote it with BᵀMB: AᵀBᵀMBA is f(BAx). Both "
               "terms start from the original M; give the first product its own name."),
              (_wrong_made_traceless,
               "You made M' traceless (took its mean diagonal off). T sends f(x) = xᵀMx to "
               "f(Ax) + f(Bx) for every symmetric M, and M' has whatever trace that gives; "
               "only the chapter's basis for counting eigenvalues is traceless."),
              (_wrong_no_transposes,
               "Your A M A has no transpose: (Ax)ᵀ is xᵀAᵀ, not xᵀA. Write f(Ax) = (Ax)ᵀ M (Ax) "
               "out and move the A's next to M; likewise for B."),
              (_wrong_transposed_both_sides,
               "Your Aᵀ M Aᵀ has a transpose on both sides of M. In f(Ax) = (Ax)ᵀ M (Ax) only the "
               "left factor is transposed, (Ax)ᵀ = xᵀAᵀ; the right one is Ax itself. Likewise "
               "for B."),
              (_wrong_one_side,
               "You multiplied M on one side only, as for a linear function. f(x) = xᵀMx has x "
               "on both sides of M, so f(Ax) has Ax on both sides: A stands on both sides of "
               "M (and B likewise)."),
              (_wrong_inverse,
               "You used A⁻¹ where (Ax)ᵀ = xᵀAᵀ puts a transpose: A⁻¹ equals Aᵀ only for an "
               "orthogonal A, and here A is any (h, h) matrix. Likewise for B.")],
    wrong_examples=[(_wrong_transposed, "transposes go on the left"),
                    (_wrong_sum_first, "cross terms"),
                    (_wrong_half, "T adds f(Bx) as well"),
                    (_wrong_elementwise, "matrix products"),
                    (_wrong_A_twice, "used A in both terms"),
                    (_wrong_cross_terms, "cross terms of f(Ax + Bx)"),
                    (_wrong_M_overwritten, "after you overwrote it"),
                    (_wrong_mean, "times the right"),
                    (_wrong_in_place, "changes its input `M`"),
                    (_wrong_negative, "opposite sign"),
                    (_wrong_stacked, "shape"),
                    (_wrong_multi_dot, "TypeError"),
                    (_wrong_no_return, "return"),
                    (_wrong_made_traceless, "made M' traceless"),
                    (_wrong_no_transposes, "has no transpose"),
                    (_wrong_transposed_both_sides, "on both sides of M. In"),
                    (_wrong_one_side, "one side only"),
                    (_wrong_inverse, "only for an orthogonal A")],
    right_examples=[_right_quadratic_einsum, _right_quadratic_torch],
    reference=quadratic_map,
    explanation="f(Ax) = xᵀAᵀMAx, so T f has the matrix AᵀMA + BᵀMB. This map of matrices is T "
                "on quadratic functions; in a basis of the 209 symmetric traceless matrices it "
                "is the 209 x 209 matrix whose eigenvalues the chapter computes.")
def T_quadratic(M, A, B):
    return A.T @ M @ A + B.T @ M @ B
