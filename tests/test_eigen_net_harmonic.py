"""T on harmonic polynomials of any degree (course/eigen_net/spectra.py), one step of the
R² power iteration and its fitted variant (training.py), principal angles (analysis.py):
each checked against an independent computation."""

from __future__ import annotations

import copy
import itertools
import math

import numpy as np
import pytest
import scipy.linalg
import torch

from course.eigen_net.analysis import column_space, evaluate, principal_cosines
from course.eigen_net.matrices import random_orthogonal, random_pair, random_unit_vectors
from course.eigen_net.network import EigenNet, r_squared
from course.eigen_net.spectra import (harmonic_basis, harmonic_operator, harmonic_spectrum,
                                      linear_spectrum, quadratic_spectrum)
from course.eigen_net.training import PlainGradientStep, _torch_unit_vectors, r2_step, train_eigen_net


def _power_sum(M, k):
    return np.trace(np.linalg.matrix_power(M, k))


def _character(M, degree):
    """Trace of M acting on harmonic polynomials of a degree, from the power sums of M alone:
    the symmetric power's character minus that of degree − 2 (Newton's identities)."""
    p1, p2, p3 = (_power_sum(M, k) for k in (1, 2, 3))
    sym = {0: 1.0, 1: p1, 2: (p1 ** 2 + p2) / 2, 3: (p1 ** 3 + 3 * p1 * p2 + 2 * p3) / 6}
    return sym[degree] - (sym[degree - 2] if degree >= 2 else 0.0)


@pytest.mark.parametrize("h, degree", [(5, 1), (5, 2), (5, 3), (7, 3), (20, 2)])
def test_harmonic_basis_is_orthonormal_trace_free_and_has_the_right_dimension(h, degree):
    basis = harmonic_basis(h, degree)
    expected = math.comb(h + degree - 1, degree) - (math.comb(h + degree - 3, degree - 2)
                                                    if degree >= 2 else 0)
    assert basis.dimension == expected
    S = basis.full_tensors(np.eye(basis.dimension))
    flat = S.reshape(len(S), -1)
    np.testing.assert_allclose(flat @ flat.T, np.eye(basis.dimension), atol=1e-12)
    for i, j in itertools.combinations(range(1, degree + 1), 2):     # every pair of indices
        np.testing.assert_allclose(np.trace(S, axis1=i, axis2=j), 0, atol=1e-12)
    # Symmetric: any two indices can be swapped.
    if degree >= 2:
        np.testing.assert_allclose(S, np.swapaxes(S, 1, 2), atol=1e-15)


def test_degree_3_has_1520_dimensions_for_h_20():
    assert harmonic_basis(20, 3).dimension == 1520


def test_degrees_1_and_2_agree_with_the_linear_and_quadratic_spectra():
    A, B = random_pair(8, "qr", seed=4)
    np.testing.assert_allclose(harmonic_operator(A, B, 1), A.T + B.T, atol=1e-12)
    for degree, spec in ((1, linear_spectrum(A, B)), (2, quadratic_spectrum(A, B))):
        np.testing.assert_allclose(np.sort_complex(harmonic_spectrum(A, B, degree).eigenvalues),
                                   np.sort_complex(spec.eigenvalues), atol=1e-10)


@pytest.mark.parametrize("degree", [1, 2, 3])
def test_trace_of_the_operator_is_the_character_of_A_plus_that_of_B(degree):
    A, B = random_pair(9, "haar", seed=11)
    assert np.trace(harmonic_operator(A, B, degree)) == pytest.approx(
        _character(A, degree) + _character(B, degree), abs=1e-9)


def test_cubic_eigenfunctions_solve_the_equation_at_random_points():
    A, B = random_pair(7, "qr", seed=2)
    basis = harmonic_basis(7, 3)
    spec = harmonic_spectrum(A, B, 3, vectors=True)
    assert spec.eigenvectors.shape == (basis.dimension, basis.dimension)
    X = random_unit_vectors(40, 7, seed=5)
    for lam, c in list(zip(spec.eigenvalues, spec.eigenvectors))[::9]:
        f = basis.evaluate(c, X)[0]
        Tf = basis.evaluate(c, X @ A.T)[0] + basis.evaluate(c, X @ B.T)[0]
        np.testing.assert_allclose(Tf, lam * f, atol=1e-10)
    # A harmonic cubic has mean 0 on the sphere, and is odd.
    c = spec.eigenvectors[spec.dominant_real_index].real
    many = random_unit_vectors(200_000, 7, seed=6)
    values = basis.evaluate(c, many)[0]
    assert abs(values.mean()) < 5 * values.std() / np.sqrt(len(many))
    np.testing.assert_allclose(basis.evaluate(c, -X), -basis.evaluate(c, X), atol=1e-14)
    # The full tensor evaluates to the same function.
    S = basis.full_tensors(c)[0]
    np.testing.assert_allclose(np.einsum("ijk,ni,nj,nk->n", S, X, X, X), basis.evaluate(c, X)[0],
                               atol=1e-12)


def test_harmonic_spectrum_rejects_degree_4_and_a_basis_of_the_wrong_size():
    A, B = random_pair(6, "qr", seed=0)
    with pytest.raises(ValueError, match=r"^degree must be 1, 2 or 3"):
        harmonic_spectrum(A, B, 4)
    with pytest.raises(ValueError, match=r"^basis is for h = 5"):
        harmonic_operator(A, B, 2, basis=harmonic_basis(5, 2))


# --------------------------------------------------------------------------- one step, variants


def _small_problem():
    A, B = random_pair(6, "qr", seed=1)
    return A, B, torch.as_tensor(A.T, dtype=torch.float32), torch.as_tensor(B.T, dtype=torch.float32)


def test_one_training_step_is_r2_step_on_the_step_s_points():
    """train_eigen_net(steps=1) must equal one r2_step, written out here, on the same points."""
    A, B, At, Bt = _small_problem()
    net = EigenNet(6, 8, seed=3)
    by_hand = copy.deepcopy(net)
    hist = train_eigen_net(A, B, 1, lr=0.5, seed=3, net=net, progress=False, eval_points=30)
    x = _torch_unit_vectors(20, 6, torch.Generator().manual_seed(3 + 7919))
    y = (by_hand(x @ At) + by_hand(x @ Bt)).detach()
    fit = r_squared(by_hand(x), y)
    fit.backward()
    with torch.no_grad():
        for p in by_hand.parameters():
            p += 0.5 * p.grad
    for p, q in zip(net.parameters(), by_hand.parameters()):
        np.testing.assert_allclose(p.detach().numpy(), q.detach().numpy(), atol=1e-6)
    assert hist.batch_r2[0] == pytest.approx(fit.item(), abs=1e-6)


def test_r2_step_with_a_target_net_takes_its_targets_from_it_and_leaves_it_unchanged():
    A, B, At, Bt = _small_problem()
    x = _torch_unit_vectors(20, 6, torch.Generator().manual_seed(0))
    net, target = EigenNet(6, 8, seed=1), EigenNet(6, 8, seed=2)
    with torch.no_grad():
        expected = float(r_squared(net(x), net(x @ At) + net(x @ Bt)))
        expected_target = float(r_squared(net(x), target(x @ At) + target(x @ Bt)))
    opt = PlainGradientStep(net.parameters(), 0.0)
    assert r2_step(net, opt, x, At, Bt) == pytest.approx(expected, abs=1e-6)
    before = [p.detach().clone() for p in target.parameters()]
    assert r2_step(net, opt, x, At, Bt, target_net=target) == pytest.approx(expected_target, abs=1e-6)
    assert all(torch.equal(p, q) for p, q in zip(before, target.parameters()))


def test_fitted_power_iteration_reaches_the_largest_eigenvalue():
    """A = diag(−1, R_A), B = diag(−1, R_B) with random orthogonal R's: λ = −2 (w = e1) is
    the largest |λ| of Aᵀ + Bᵀ, well apart from the rest (checked). Targets from a copy of N
    renewed every 50 steps make the classical power iteration, which must find it."""
    A, B = np.eye(20), np.eye(20)
    A[0, 0] = B[0, 0] = -1
    A[1:, 1:], B[1:, 1:] = random_orthogonal(19, "haar", seed=3), random_orthogonal(19, "haar", seed=4)
    spec = linear_spectrum(A, B)
    assert spec.eigenvalues[0] == pytest.approx(-2.0) and abs(spec.eigenvalues[1]) < 1.7
    hist = train_eigen_net(A, B, 1000, seed=2, target_every=50, progress=False, record_every=100)
    ev = evaluate(hist.net, A, B, n=4096, seed=1)
    assert ev.lam == pytest.approx(-2.0, rel=0.02) and ev.r2 > 0.98
    assert hist.config["target_every"] == 50


@pytest.mark.parametrize("bad, argument", [(dict(target_every=0), "target_every"), (dict(bias_init=-1.0), "bias_init")])
def test_variants_reject_bad_arguments(bad, argument):
    A, B = random_pair(6, "qr", seed=0)
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        train_eigen_net(A, B, 5, progress=False, **bad)


# --------------------------------------------------------------------------- principal angles


def test_principal_cosines_match_scipy_and_column_space_finds_a_low_rank_matrix_s_space():
    rng = np.random.default_rng(0)
    U, V = rng.standard_normal((40, 3)), rng.standard_normal((40, 3))
    np.testing.assert_allclose(np.sort(principal_cosines(U, V)),
                               np.sort(np.cos(scipy.linalg.subspace_angles(U, V))), atol=1e-12)
    basis = np.linalg.qr(rng.standard_normal((40, 3)))[0]
    W = basis @ rng.standard_normal((3, 40)) + 1e-9 * rng.standard_normal((40, 40))
    np.testing.assert_allclose(principal_cosines(column_space(W, 3), basis), 1.0, atol=1e-6)
    assert principal_cosines(U, U @ rng.standard_normal((3, 3))) == pytest.approx(np.ones(3))
    with pytest.raises(ValueError, match=r"^k = 50"):
        column_space(W, 50)
