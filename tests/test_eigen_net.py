"""The eigenvector network (the package course/eigen_net/), checked against independent
computations: the functional equation evaluated at random points, the operator applied to
basis matrices, numpy's corrcoef, hand-built matrices of known rank, synthetic curves.
Sections follow the package's modules: matrices, spectra, network, training, analysis."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.eigen_net.analysis import (cosine, effective_rank, energy_share, evaluate, even_share,
                                       linear_part, oscillation_detector, quadratic_part,
                                       relative_distance, skip_rgb)
from course.eigen_net.matrices import (KINDS, check_orthogonal, mirror_pair, near_negative,
                                       random_orthogonal, random_pair, random_unit_vectors)
from course.eigen_net.network import EigenNet, r_squared
from course.eigen_net.spectra import (apply_T, eigen_residual, linear_spectrum,
                                      quadratic_operator, quadratic_spectrum, subspace_share,
                                      symmetric_traceless_basis)
from course.eigen_net.training import train_eigen_net

H = 20


@pytest.fixture(scope="module")
def pair():
    return random_pair(H, "qr", seed=3)


@pytest.fixture(scope="module")
def points():
    return random_unit_vectors(50, H, seed=99)


# --------------------------------------------------------------------------- A and B


@pytest.mark.parametrize("kind", KINDS)
def test_random_orthogonal_is_orthogonal_and_reproducible_from_the_seed(kind):
    Q = random_orthogonal(H, kind, seed=5)
    assert Q.shape == (H, H)
    np.testing.assert_allclose(Q.T @ Q, np.eye(H), atol=1e-12)
    np.testing.assert_array_equal(Q, random_orthogonal(H, kind, seed=5))
    assert not np.allclose(Q, random_orthogonal(H, kind, seed=6))


def test_haar_kind_is_the_sign_corrected_qr_factor():
    """Haar: Qᵀ G must be upper triangular with a positive diagonal (the unique QR with R_ii > 0)."""
    G = np.random.default_rng(7).standard_normal((H, H))
    Q = random_orthogonal(H, "haar", seed=7)
    R = Q.T @ G
    np.testing.assert_allclose(np.tril(R, -1), 0, atol=1e-10)
    assert (np.diag(R) > 0).all()
    # The "qr" kind is the same matrix before the sign correction: equal up to column signs.
    Q0 = random_orthogonal(H, "qr", seed=7)
    np.testing.assert_allclose(np.abs(Q0), np.abs(Q), atol=1e-12)


def test_qr_kind_is_not_haar_distributed():
    """Householder QR of an h x h matrix is a product of h − 1 reflections, so det = (−1)^(h−1);
    and without the sign correction the trace is biased, while Haar's mean trace is 0 with
    variance 1 per matrix (so a mean over 400 has standard error 0.05)."""
    n = 400
    qr = [random_orthogonal(H, "qr", seed=s) for s in range(n)]
    haar = [random_orthogonal(H, "haar", seed=s) for s in range(n)]
    np.testing.assert_allclose([np.linalg.det(Q) for Q in qr], (-1) ** (H - 1), atol=1e-9)
    assert abs(np.mean([np.trace(Q) for Q in haar])) < 5 * 1 / np.sqrt(n)
    assert np.mean([np.trace(Q) for Q in qr]) < -20 / np.sqrt(n)


def test_expm_kind_is_a_rotation_by_small_angles():
    Q = random_orthogonal(H, "expm", seed=1, scale=0.05)
    assert np.isclose(np.linalg.det(Q), 1.0)
    assert np.abs(np.angle(np.linalg.eigvals(Q))).max() < 0.5
    assert np.linalg.norm(Q - np.eye(H)) < np.linalg.norm(random_orthogonal(H, "expm", seed=1, scale=0.5)
                                                          - np.eye(H))


def test_near_negative_is_orthogonal_and_close_to_minus_A(pair):
    A, _ = pair
    B = near_negative(A, 0.05, seed=1)
    np.testing.assert_allclose(B.T @ B, np.eye(H), atol=1e-12)
    assert np.linalg.norm(A + B) < 0.2 * np.linalg.norm(A)


# --------------------------------------------------------------------------- exact spectra


def test_linear_eigenpairs_satisfy_the_functional_equation(pair, points):
    """f(x) = w·x with (Aᵀ + Bᵀ) w = λ w must satisfy f(Ax) + f(Bx) = λ f(x) at random x."""
    A, B = pair
    spec = linear_spectrum(A, B)
    assert spec.eigenvalues.shape == (H,) and spec.eigenvectors.shape == (H, H)
    for lam, w in zip(spec.eigenvalues, spec.eigenvectors):
        f = lambda X, w=w: X @ w  # noqa: E731
        np.testing.assert_allclose(apply_T(f, A, B, points), lam * f(points), atol=1e-10)
    # Sorted by |λ|, the largest first; the dominant real one is real and the largest real.
    assert np.all(np.diff(np.abs(spec.eigenvalues)) <= 1e-12)
    real = np.linalg.eigvals(A.T + B.T)
    real = real[real.imag == 0].real
    assert spec.dominant_real == pytest.approx(real[np.argmax(np.abs(real))], rel=1e-12)
    assert spec.largest_abs == pytest.approx(np.abs(np.linalg.eigvals(A.T + B.T)).max())


def test_quadratic_basis_is_orthonormal_symmetric_and_traceless():
    E = symmetric_traceless_basis(H)
    d = H * (H + 1) // 2 - 1
    assert E.shape == (d, H, H) and d == 209
    np.testing.assert_allclose(np.einsum("aij,bij->ab", E, E), np.eye(d), atol=1e-12)
    np.testing.assert_allclose(E, np.swapaxes(E, 1, 2))
    np.testing.assert_allclose(np.trace(E, axis1=1, axis2=2), 0, atol=1e-12)


def test_quadratic_operator_is_the_map_on_basis_and_random_matrices(pair):
    A, B = pair
    Q = quadratic_operator(A, B)
    E = symmetric_traceless_basis(H)
    rng = np.random.default_rng(0)
    for _ in range(3):
        S = rng.standard_normal((H, H))
        M = S + S.T
        M -= np.trace(M) / H * np.eye(H)
        coef = np.einsum("aij,ij->a", E, M)
        np.testing.assert_allclose(np.einsum("a,aij->ij", coef, E), M, atol=1e-12)  # a basis
        image = A.T @ M @ A + B.T @ M @ B  # written out, not through quadratic_map
        np.testing.assert_allclose(Q @ coef, np.einsum("aij,ij->a", E, image), atol=1e-10)
    b = 7
    np.testing.assert_allclose(np.einsum("aij,ij->a", E, A.T @ E[b] @ A + B.T @ E[b] @ B), Q[:, b],
                               atol=1e-12)


def test_quadratic_eigenvectors_solve_the_equation_and_are_symmetric_traceless(pair, points):
    A, B = pair
    spec = quadratic_spectrum(A, B)
    assert spec.eigenvalues.shape == (209,)
    for lam, M in zip(spec.eigenvalues[::10], spec.eigenvectors[::10]):
        np.testing.assert_allclose(M, M.T, atol=1e-12)
        assert abs(np.trace(M)) < 1e-10
        np.testing.assert_allclose(A.T @ M @ A + B.T @ M @ B, lam * M, atol=1e-9)
        f = lambda X, M=M: np.einsum("ni,ij,nj->n", X, M, X)  # noqa: E731
        np.testing.assert_allclose(apply_T(f, A, B, points), lam * f(points), atol=1e-9)
    # No traceless quadratic reaches λ = 2, the constants' eigenvalue (T's norm is 2).
    assert spec.largest_abs < 2
    assert spec.dominant_real is not None and spec.dominant_real_vector.shape == (H, H)


def test_minus_A_makes_linear_eigenvalues_zero_and_a_quadratic_one_two():
    A = random_orthogonal(H, "qr", seed=1)
    np.testing.assert_allclose(linear_spectrum(A, -A).eigenvalues, 0, atol=1e-12)
    M = A + A.T - 2 * np.trace(A) / H * np.eye(H)
    rho, residual = eigen_residual(M, A, -A)
    assert rho == pytest.approx(2.0) and residual < 1e-12
    assert quadratic_spectrum(A, -A).largest_abs == pytest.approx(2.0)


def test_mirror_pair_has_quadratics_at_plus_and_minus_two_and_small_linear_eigenvalues():
    A, B = mirror_pair(H, "qr", seed=2)
    np.testing.assert_allclose(A.T @ A, np.eye(H), atol=1e-12)
    np.testing.assert_allclose(B.T @ B, np.eye(H), atol=1e-12)
    plus = np.diag([1.0, -1.0] + [0.0] * (H - 2))       # x1² − x2²
    times = np.zeros((H, H))
    times[0, 1] = times[1, 0] = 0.5                      # x1 x2
    for M, lam in ((plus, 2.0), (times, -2.0)):
        np.testing.assert_allclose(A.T @ M @ A + B.T @ M @ B, lam * M, atol=1e-12)
    assert linear_spectrum(A, B).largest_abs < 1.9


def test_eigen_residual_and_subspace_share_on_known_cases(pair):
    A, B = pair
    spec = linear_spectrum(A, B)
    w = spec.dominant_real_vector
    rho, residual = eigen_residual(w, A, B)
    assert rho == pytest.approx(spec.dominant_real) and residual < 1e-12
    v = np.random.default_rng(1).standard_normal(H)
    assert eigen_residual(v, A, B)[1] > 0.1
    basis = np.eye(H)[:3]
    assert subspace_share(np.r_[1.0, 2.0, 0.0, np.zeros(H - 3)], basis) == pytest.approx(1.0)
    assert subspace_share(np.r_[0, 0, 0, 1.0, np.zeros(H - 4)], basis) == pytest.approx(0.0, abs=1e-15)
    assert subspace_share(np.r_[1.0, 0, 0, 1.0, np.zeros(H - 4)], basis) == pytest.approx(0.5)
    # A complex eigenvector stands for the real plane of its conjugate pair.
    k = int(np.flatnonzero(~spec.is_real)[0])
    plane_vector = 2 * spec.eigenvectors[k].real - 3 * spec.eigenvectors[k].imag
    assert subspace_share(plane_vector, spec.eigenvectors[k:k + 1]) == pytest.approx(1.0)


# --------------------------------------------------------------------------- R² and the network


def test_r_squared_is_numpys_corrcoef_squared_and_ignores_scale_and_shift():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(30), rng.standard_normal(30)
    b = b + 0.7 * a
    expected = np.corrcoef(a, b)[0, 1] ** 2
    assert r_squared(a, b) == pytest.approx(expected, rel=1e-12)
    assert r_squared(-3.5 * a + 2, 0.01 * b - 7) == pytest.approx(expected, rel=1e-10)
    t = r_squared(torch.tensor(a), torch.tensor(b))
    assert isinstance(t, torch.Tensor) and float(t) == pytest.approx(expected, rel=1e-12)
    assert r_squared(a, 2 * a + 1) == pytest.approx(1.0)


def test_network_shapes_and_skip_layers_start_near_zero():
    net = EigenNet(H, 40, skip_init=1e-3, seed=0)
    assert net(torch.zeros(5, H)).shape == (5,)
    W = net.skip_matrices()
    assert W.shape == (3, 40, 40)
    assert 0 < np.abs(W).max() < 1e-2  # normal with standard deviation 1e-3
    assert np.abs(net.first.weight.detach().numpy()).max() > 0.1
    # The same seed gives the same network; another seed another one.
    np.testing.assert_array_equal(EigenNet(seed=0).skip_matrices(), W)
    assert not np.array_equal(EigenNet(seed=1).skip_matrices(), W)


class _Exact:
    """A stand-in network that is an exact eigenfunction: f(x) = w·x + 5."""

    def __init__(self, w):
        self.w = w

    def numpy(self, X):
        return X @ self.w + 5.0


def test_evaluate_recovers_the_eigenvalue_of_an_exact_eigenfunction(pair):
    A, B = pair
    spec = linear_spectrum(A, B)
    ev = evaluate(_Exact(spec.dominant_real_vector), A, B, n=500, seed=1)
    assert ev.lam == pytest.approx(spec.dominant_real, rel=1e-10)
    assert ev.r2 == pytest.approx(1.0, abs=1e-12)
    assert ev.linear_share == pytest.approx(1.0, abs=1e-12)
    assert cosine(ev.linear_coef, spec.dominant_real_vector) == pytest.approx(1.0, abs=1e-12)


def test_linear_and_quadratic_parts_recover_known_coefficients():
    rng = np.random.default_rng(2)
    X = random_unit_vectors(2000, H, seed=3)
    w = rng.standard_normal(H)
    S = rng.standard_normal((H, H))
    M = S + S.T
    M -= np.trace(M) / H * np.eye(H)
    share, w_fit = linear_part(X @ w - 1.0, X)
    assert share == pytest.approx(1.0) and np.allclose(w_fit, w)
    values = X @ w + np.einsum("ni,ij,nj->n", X, M, X)
    lin_share, _ = linear_part(values, X)
    q_share, M_fit = quadratic_part(values, X)
    np.testing.assert_allclose(M_fit, M, atol=1e-8)
    assert lin_share + q_share == pytest.approx(1.0)
    # Independently: the shares are the variances of the two parts (they are uncorrelated
    # on the sphere, up to sampling noise of order 1/√n).
    lin_var, quad_var = np.var(X @ w), np.var(np.einsum("ni,ij,nj->n", X, M, X))
    assert lin_share == pytest.approx(lin_var / (lin_var + quad_var), abs=0.05)


def test_even_share_of_odd_even_and_mixed_functions():
    X = random_unit_vectors(500, H, seed=4)
    w = np.random.default_rng(5).standard_normal(H)
    assert even_share(lambda Y: Y @ w, X) == pytest.approx(0.0, abs=1e-15)
    assert even_share(lambda Y: (Y @ w) ** 2, X) == pytest.approx(1.0)
    # For a mix, the share is the even part's variance over the total (computed directly).
    mixed = lambda Y: Y @ w + 0.5 * (Y @ w) ** 2  # noqa: E731
    odd_var, even_var = np.var(X @ w), np.var(0.5 * (X @ w) ** 2)
    assert even_share(mixed, X) == pytest.approx(even_var / (even_var + odd_var))
    # Flux's initialisation has zero biases: with the skip layers at exactly zero too, every
    # layer is odd and so is N; the skip layers' tiny random biases (1e-3) add a tiny even
    # part; PyTorch's random biases a larger one.
    assert even_share(EigenNet(H, 40, skip_init=0.0, seed=0), X) == 0.0
    flux = even_share(EigenNet(H, 40, seed=0), X)
    assert 0 < flux < 1e-5
    assert even_share(EigenNet(H, 40, init="torch", seed=0), X) > 10 * flux


def _fixing_e1_e2(seed: int) -> np.ndarray:
    """An orthogonal matrix with A e1 = e1 and A e2 = −e2, Haar-random on the other 18 axes."""
    A = np.eye(H)
    A[1, 1] = -1
    A[2:, 2:] = random_orthogonal(H - 2, "haar", seed=seed)
    return A


@pytest.mark.parametrize("optimizer, lr", [("sgd", 3.0), ("adam", 3e-3)])
def test_training_finds_the_dominant_eigenvalue_of_a_clear_case(optimizer, lr):
    """With A, B both fixing e1 and negating e2, Aᵀ + Bᵀ has eigenvalues +2 (w = e1) and −2
    (w = e2); T's norm is 2, so |λ| = 2 is the top of the whole spectrum, reached only by
    functions of x1 and x2, and the other 18 linear eigenvalues lie well inside (checked).
    Whichever sign the network settles on, |λ| must approach 2 and its linear part must lie
    in the plane of e1 and e2. 500 steps leave a few percent of noise from r = 20 points."""
    A, B = _fixing_e1_e2(1), _fixing_e1_e2(2)
    spec = linear_spectrum(A, B)
    assert spec.largest_abs == pytest.approx(2.0) and np.abs(spec.eigenvalues[2:]).max() < 1.8
    hist = train_eigen_net(A, B, 500, lr=lr, seed=0, optimizer=optimizer, progress=False,
                           record_every=100)
    ev = evaluate(hist.net, A, B, n=4096, seed=1)
    assert abs(ev.lam) == pytest.approx(2.0, rel=0.05)
    assert ev.r2 > 0.95
    assert subspace_share(ev.linear_coef, np.eye(H)[:2]) > 0.95


def test_same_seed_gives_an_identical_history(pair):
    A, B = pair
    one = train_eigen_net(A, B, 60, seed=4, record_every=20, progress=False)
    two = train_eigen_net(A, B, 60, seed=4, record_every=20, progress=False)
    other = train_eigen_net(A, B, 60, seed=5, record_every=20, progress=False)
    np.testing.assert_array_equal(one.steps, [0, 20, 40, 60])
    for name in ("lam", "r2", "linear_share", "linear_coef", "skips", "batch_r2"):
        np.testing.assert_array_equal(getattr(one, name), getattr(two, name), err_msg=name)
    assert not np.array_equal(one.lam, other.lam)
    assert one.skips.shape == (4, 3, 40, 40) and one.batch_r2.shape == (60,)


@pytest.mark.parametrize("call, argument", [
    (lambda A, B: train_eigen_net(A + 0.1, B, 10, progress=False), "A"),
    (lambda A, B: train_eigen_net(A, B[:, :5], 10, progress=False), "B"),
    (lambda A, B: train_eigen_net(A, random_orthogonal(10), 10, progress=False), "A and B"),
    (lambda A, B: train_eigen_net(A, B, 0, progress=False), "steps"),
    (lambda A, B: train_eigen_net(A, B, -5, progress=False), "steps"),
    (lambda A, B: train_eigen_net(A, B, 10, r=2, progress=False), "r"),
    (lambda A, B: train_eigen_net(A, B, 10, lr=0, progress=False), "lr"),
    (lambda A, B: train_eigen_net(A, B, 10, optimizer="rmsprop", progress=False), "optimizer"),
    (lambda A, B: train_eigen_net(A, B, 10, record_every=0, progress=False), "record_every"),
    (lambda A, B: random_orthogonal(20, "householder"), "kind"),
    (lambda A, B: random_orthogonal(1), "h"),
    (lambda A, B: random_orthogonal(20, "expm", scale=-1), "scale"),
    (lambda A, B: linear_spectrum(np.ones((20, 20)), B), "A"),
    (lambda A, B: quadratic_spectrum(A, np.zeros((20, 20))), "B"),
    (lambda A, B: check_orthogonal(np.eye(3)[:2], "Q"), "Q"),
    (lambda A, B: EigenNet(init="glorot"), "init"),
    (lambda A, B: linear_part(np.ones(5), np.ones((4, 3))), "values"),
    (lambda A, B: effective_rank(np.ones(3)), "W"),
    (lambda A, B: oscillation_detector([1.0, 2.0]), "values"),
])
def test_bad_input_raises_a_value_error_naming_the_argument(pair, call, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        call(*pair)


# --------------------------------------------------------------------------- analysis


def test_oscillation_detector_flags_alternation_but_not_convergence_or_jitter():
    t = np.arange(200)
    alternating = np.where((t // 10) % 2 == 0, -1.4, -0.9) + 0.01 * np.sin(t)
    assert oscillation_detector(alternating).oscillated
    assert oscillation_detector(alternating).switches >= 8
    assert oscillation_detector(np.tile([1.0, -1.0], 50)).oscillated
    converging = -1.4 + 1.1 * np.exp(-t / 20)
    assert not oscillation_detector(converging).oscillated
    jitter = -1.4 + 0.005 * np.random.default_rng(0).standard_normal(200)
    assert not oscillation_detector(jitter).oscillated
    drifting = np.linspace(-1.0, -1.5, 200)  # still moving, but in one direction
    assert not oscillation_detector(drifting).oscillated


def test_effective_rank_of_hand_built_matrices():
    rng = np.random.default_rng(0)
    U, V = rng.standard_normal((40, 2)), rng.standard_normal((2, 40))
    rank2 = U @ V
    assert effective_rank(rank2) == 2
    assert effective_rank(1e-3 * rank2) == 2  # relative to the largest: scale does not matter
    assert effective_rank(rank2 + 1e-3 * rng.standard_normal((40, 40))) == 2  # small noise ignored
    assert energy_share(rank2, 2) == pytest.approx(1.0)
    assert energy_share(rank2, 1) < 1
    Q = random_orthogonal(40, "haar", seed=0)
    equal_three = Q[:, :3] @ np.diag([2.0, 2.0, 2.0]) @ Q[:, 3:6].T
    assert effective_rank(equal_three, method="entropy") == pytest.approx(3.0)
    assert effective_rank(np.eye(40)) == 40
    assert effective_rank(np.zeros((4, 4))) == 0


def test_relative_distance_and_cosine():
    rng = np.random.default_rng(1)
    W = rng.standard_normal((40, 40))
    assert relative_distance(W, W) == 0
    assert relative_distance(W, -W) == pytest.approx(2.0)
    unrelated = relative_distance(W, rng.standard_normal((40, 40)))
    assert unrelated == pytest.approx(np.sqrt(2), abs=0.1)  # independent, same size: √2
    assert cosine(np.r_[1.0, 0], np.r_[-3.0, 0]) == pytest.approx(1.0)
    assert cosine(np.r_[1.0, 1], np.r_[1.0, -1]) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="zero"):
        cosine(np.zeros(3), np.ones(3))


def test_skip_rgb_makes_zero_grey_and_equal_matrices_colourless():
    rng = np.random.default_rng(3)
    W = rng.standard_normal((40, 40))
    same = skip_rgb(np.stack([W, W, W]))
    assert same.shape == (40, 40, 3) and same.dtype == np.uint8
    assert (same[..., 0] == same[..., 1]).all() and (same[..., 1] == same[..., 2]).all()
    assert (skip_rgb(np.zeros((3, 4, 4))) == 128).all()
    mixed = skip_rgb(np.stack([W, -W, 0 * W]), scale=2.0)
    assert (mixed[..., 2] == 128).all()
    i, j = np.unravel_index(np.argmax(W), W.shape)
    assert W[i, j] > 2 and tuple(mixed[i, j]) == (255, 0, 128)  # beyond the scale: clipped
    W[0, 0] = 1.0
    assert tuple(skip_rgb(np.stack([W, -W, 0 * W]), scale=2.0)[0, 0]) == (191, 64, 128)  # halfway
    # By default the scale is 3 x the root-mean-square entry of the three matrices.
    three = np.stack([W, 2 * W, -W])
    rms = np.sqrt(np.mean(three ** 2))
    np.testing.assert_array_equal(skip_rgb(three), skip_rgb(three, scale=3 * rms))
