"""Chapter 7's exercises agree with independent computations: T with the course's apply_T
and with the eigenvectors of Aᵀ + Bᵀ (an exact linear eigenfunction), T_quadratic with T
applied to xᵀMx at points, power_step with the course's power_iteration, and the Rayleigh
quotient with numpy's eigenvalues."""

from __future__ import annotations

import numpy as np
import pytest

from course.check import check
from course.eigen_net.matrices import random_pair, random_unit_vectors
from course.eigen_net.spectra import apply_T, linear_spectrum, power_iteration, quadratic_map
from course.exercises.ch07 import (T, T_quadratic, _power_cases, _quadratic_cases,
                                   _rayleigh_cases, _T_cases, chapter_pair, power_step, rayleigh)


@pytest.fixture(scope="module")
def pair():
    return chapter_pair()


def test_T_is_the_course_apply_T_on_every_case():
    for f, A, B, X in _T_cases():
        np.testing.assert_allclose(T(f, A, B, X), apply_T(f, A, B, X), rtol=1e-12)


def test_T_stretches_a_linear_eigenfunction_by_its_eigenvalue(pair):
    A, B = pair
    spec = linear_spectrum(A, B)
    lam, w = spec.dominant_real, spec.dominant_real_vector.real
    X = random_unit_vectors(50, 20, seed=5)
    np.testing.assert_allclose(T(lambda P: P @ w, A, B, X), lam * (X @ w), rtol=1e-9, atol=1e-12)


def test_T_quadratic_is_T_applied_to_the_quadratic_function_at_points(pair):
    A, B = pair
    S = np.random.default_rng(0).standard_normal((20, 20))
    M = S + S.T
    X = random_unit_vectors(30, 20, seed=6)
    quad = lambda P, Q=M: np.sum((P @ Q) * P, axis=1)  # noqa: E731
    np.testing.assert_allclose(np.sum((X @ T_quadratic(M, A, B)) * X, axis=1), T(quad, A, B, X),
                               rtol=1e-10)
    np.testing.assert_allclose(T_quadratic(M, A, B), quadratic_map(M, A, B), rtol=1e-12)


def test_power_step_repeated_is_the_course_power_iteration():
    for seed in (6, 7, 8):
        A, B = random_pair(20, "qr", seed=seed)
        iterates = power_iteration(A.T + B.T, 30, seed=1)
        w = iterates[0]
        for k in range(1, 31):
            w = power_step(A.T + B.T, w)
            np.testing.assert_allclose(w, iterates[k], rtol=1e-12, atol=1e-14)


def test_power_step_leaves_an_eigenvector_in_place_and_has_length_one():
    for M, w in _power_cases():
        assert np.linalg.norm(power_step(M, w)) == pytest.approx(1)
    M = np.diag([3.0, -1.0, 0.5])
    np.testing.assert_allclose(power_step(M, np.array([2.0, 0, 0])), [1.0, 0, 0])


def test_rayleigh_quotient_of_an_eigenvector_is_its_eigenvalue():
    S = np.random.default_rng(1).standard_normal((6, 6))
    values, vectors = np.linalg.eigh(S + S.T)
    for lam, v in zip(values, vectors.T):
        assert rayleigh(S + S.T, 3.0 * v) == pytest.approx(lam, rel=1e-10, abs=1e-12)


def test_rayleigh_quotient_lies_between_the_extreme_eigenvalues_of_a_symmetric_matrix():
    for M, w in _rayleigh_cases():
        sym = (M + M.T) / 2                       # wᵀMw = wᵀ sym w
        values = np.linalg.eigvalsh(sym)
        assert values[0] - 1e-12 <= rayleigh(M, w) <= values[-1] + 1e-12


def test_the_usual_slips_of_chapter_7_get_their_own_messages():
    assert "rows of X @ A.T" in check("ch07.T", lambda f, A, B, X: f(X @ A) + f(X @ B)).message
    assert "did not rescale" in check("ch07.power_step", lambda M, w: M @ w).message
    assert "divide by wᵀ w" in check("ch07.rayleigh", lambda M, w: w @ M @ w).message


def _orthogonal(A):
    return np.allclose(A.T @ A, np.eye(len(A)), atol=1e-8)


def test_T_cases_include_general_matrices_and_points_of_other_lengths():
    """With only orthogonal A, B and unit points, a T that rescales the points to length 1
    or takes A⁻¹ for Aᵀ would pass: the cases hold general ones too."""
    cases = _T_cases()
    general = [(A, B, X) for _, A, B, X in cases if not (_orthogonal(A) or _orthogonal(B))]
    assert len(general) >= 2
    for A, B, X in general:
        lengths = np.linalg.norm(X, axis=1)
        assert lengths.min() < 0.5 and lengths.max() > 2
        assert not np.allclose(np.linalg.norm(X @ A.T, axis=1), lengths)
    fb = check("ch07.T", lambda f, A, B, X: f(X @ np.linalg.inv(A)) + f(X @ np.linalg.inv(B)))
    assert fb.correct is False and "orthogonal" in fb.message


def test_T_quadratic_cases_include_a_trace_and_general_matrices():
    cases = _quadratic_cases()
    general = [(M, A, B) for M, A, B in cases if not (_orthogonal(A) or _orthogonal(B))]
    assert len(general) >= 2
    for M, A, B in general:
        np.testing.assert_array_equal(M, M.T)
        assert abs(np.trace(M)) > 1
        assert abs(np.trace(T_quadratic(M, A, B))) > 1      # a traceless M' would show
        X = np.random.default_rng(3).standard_normal((10, len(M))) * 2
        quad = lambda P, Q=M: np.sum((P @ Q) * P, axis=1)  # noqa: E731
        np.testing.assert_allclose(np.sum((X @ T_quadratic(M, A, B)) * X, axis=1),
                                   T(quad, A, B, X), rtol=1e-10)


def test_a_sign_rule_is_told_from_a_minus_sign():
    """The first power case leaves a sign rule nothing to flip, so a minus sign is named
    there as a minus sign; the later cases flip it, so a sign rule is named as one."""
    M, w = _power_cases()[0]
    v = power_step(M, w)
    assert v[np.argmax(np.abs(v))] > 0 and v[0] > 0 and v.min() < 0
    assert not np.allclose(M, M.T)
    assert "opposite sign" in check("ch07.power_step", lambda M, w: -power_step(M, w)).message

    def sign_rule(M, w):
        v = power_step(M, w)
        return v if v[np.argmax(np.abs(v))] > 0 else -v
    assert "sign rule" in check("ch07.power_step", sign_rule).message
