"""course.fourier_model checked against the definitions: an explicit DFT matrix, loops
over the 784 B_j, finite differences, the symmetries, and scikit-learn's ROC AUC."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course import fourier_model as fm


@pytest.fixture(scope="module")
def digits():
    from course.data import bundled
    d = bundled()
    x, y = fm.first_per_class(d.x_train, d.y_train, 3)
    return x, y, d


def _random_AB(seed=0, positive=True):
    g = torch.Generator().manual_seed(seed)
    draw = torch.rand if positive else torch.randn
    return (draw(fm.HIDDEN, 784, generator=g, dtype=torch.float64),
            draw(784, 10, fm.HIDDEN, generator=g, dtype=torch.float64))


def test_features_are_the_modulus_of_F_x_F_with_the_first_entry_zeroed(digits):
    x = digits[0][:4].astype(np.float64) / 255
    F = fm.dft_matrix(28)
    expected = np.stack([np.abs((F @ xi @ F).ravel()) for xi in x])
    expected[:, 0] = 0
    np.testing.assert_allclose(fm.fourier_features(x).numpy(), expected, atol=1e-9)
    # |F x F| is unchanged by a half turn (upside down and left to right) and by circular shifts
    turned = fm.fourier_features(x[:, ::-1, ::-1].copy()).numpy()
    np.testing.assert_allclose(turned, expected, atol=1e-9)
    shifted = fm.fourier_features(np.roll(x, (2, -3), axis=(1, 2))).numpy()
    np.testing.assert_allclose(shifted, expected, atol=1e-9)
    # but a single flip reverses the frequencies along one axis: a permutation, not equality
    mirrored = fm.fourier_features(x[:, :, ::-1].copy()).numpy().reshape(-1, 28, 28)
    full = np.abs(np.fft.fft2(x))
    np.testing.assert_allclose(mirrored[:, 1:, :], full[:, 1:, (-np.arange(28)) % 28][:, :, :], atol=1e-9)
    assert np.abs(mirrored.reshape(len(x), -1) - expected).max() > 0.1 * expected.max()


def test_scores_and_fitness_match_a_loop_over_the_784_B_j(digits):
    x, y, _ = digits
    x = x[:5].astype(np.float64) / 255
    A, B = _random_AB(1)
    F = fm.dft_matrix(28)
    An, Bn = A.numpy(), B.numpy()
    Y = np.zeros((5, 10))
    for i in range(5):
        s = np.abs((F @ x[i] @ F).ravel())
        s[0] = 0
        M = np.zeros((10, fm.HIDDEN))
        for j in range(784):
            M += Bn[j] * s[j]
        Y[i] = M @ An @ x[i].ravel()
    np.testing.assert_allclose(fm.scores(A, B, x).numpy(), Y, rtol=1e-10)
    Z = sum(Bn[j].T @ Bn[j] for j in range(784))
    f = (np.mean(np.log(np.abs(Y[np.arange(5), y[:5]]))) - np.log(np.linalg.norm(An.T @ An)) / 2
         - np.log(np.linalg.norm(Z @ Z)) / 4)
    assert float(fm.fitness(A, B, x, y[:5])) == pytest.approx(f, rel=1e-10)


def test_fitness_symmetries_scale_and_orthogonal_but_not_general_invertible(digits):
    x, y, _ = digits
    A, B = _random_AB(2)
    f0 = float(fm.fitness(A, B, x, y))
    assert float(fm.fitness(3.7 * A, 0.2 * B, x, y)) == pytest.approx(f0, rel=1e-12)
    G = torch.linalg.qr(torch.randn(fm.HIDDEN, fm.HIDDEN, generator=torch.Generator().manual_seed(0),
                                    dtype=torch.float64)).Q
    assert float(fm.fitness(G @ A, B @ G.T, x, y)) == pytest.approx(f0, rel=1e-12)
    H = torch.eye(fm.HIDDEN, dtype=torch.float64) + 0.5 * torch.diag(torch.arange(fm.HIDDEN, dtype=torch.float64))
    changed = float(fm.fitness(H @ A, B @ torch.linalg.inv(H), x, y))
    assert abs(changed - f0) > 1e-3  # the data term is the same; the norm terms are not
    # normalise keeps the fitness and fixes the scale
    An, Bn = fm.normalise(5 * A, 3 * B)
    assert float(fm.fitness(An, Bn, x, y)) == pytest.approx(f0, rel=1e-12)
    Z = Bn.reshape(-1, fm.HIDDEN).T @ Bn.reshape(-1, fm.HIDDEN)
    assert float(torch.linalg.norm(An @ An.T)) == pytest.approx(1) and float(torch.linalg.norm(Z @ Z)) == pytest.approx(1)


def test_fitness_gradient_matches_finite_differences(digits):
    x, y, _ = digits
    A, B = _random_AB(3)
    A.requires_grad_(True)
    B.requires_grad_(True)
    f = fm.fitness(A, B, x, y, contrast=0.5)
    gA, gB = torch.autograd.grad(f, (A, B))
    rng = np.random.default_rng(0)
    for _ in range(3):
        dA = torch.from_numpy(rng.normal(size=A.shape))
        dB = torch.from_numpy(rng.normal(size=B.shape))
        eps = 1e-6
        with torch.no_grad():
            fd = (fm.fitness(A + eps * dA, B + eps * dB, x, y, contrast=0.5)
                  - fm.fitness(A - eps * dA, B - eps * dB, x, y, contrast=0.5)) / (2 * eps)
        assert float(fd) == pytest.approx(float((gA * dA).sum() + (gB * dB).sum()), rel=1e-5)


@pytest.mark.parametrize("contrast", [0.0, 0.7])
def test_hand_worked_gradient_matches_autograd(digits, contrast):
    x, y, _ = digits
    X = fm.as_images(x)
    S = fm.fourier_features(X)
    A, B = _random_AB(5, positive=False)
    A.requires_grad_(True)
    B.requires_grad_(True)
    f = fm.fitness(A, B, X, y, S, contrast=contrast)
    gA, gB = torch.autograd.grad(f, (A, B))
    value, hA, hB = fm.fitness_and_gradient(A.detach(), B.detach(), X, y, S, contrast)
    assert value == pytest.approx(float(f.detach()), rel=1e-12)
    np.testing.assert_allclose(hA.numpy(), gA.numpy(), rtol=1e-9, atol=1e-12 * float(gA.abs().max()))
    np.testing.assert_allclose(hB.numpy(), gB.numpy(), rtol=1e-9, atol=1e-12 * float(gB.abs().max()))


def test_training_raises_the_fitness_and_the_reduced_problem_reaches_the_full_one(digits):
    x, y, _ = digits
    cfg = fm.FitConfig(rounds=1, iterations=60)
    red = fm.train_fourier(x, y, cfg)
    A0, B0 = fm.start_parameters(cfg)
    assert red.fitness(x, y) > float(fm.fitness(A0, B0, x, y)) + 0.5
    assert red.curve[-1] == pytest.approx(red.fitness(x, y), rel=1e-9)
    assert np.all(np.diff(red.curve) > -1e-9)  # L-BFGS with a line search never goes down
    full = fm.train_fourier(x, y, fm.FitConfig(rounds=1, iterations=60, reduce=False))
    # The maximum is in the spans (module docstring): the full problem gets no higher.
    assert full.fitness(x, y) <= red.fitness(x, y) + 1e-6
    # The model is normalised, and deterministic.
    Z = red.B.reshape(-1, fm.HIDDEN).T @ red.B.reshape(-1, fm.HIDDEN)
    assert float(torch.linalg.norm(red.A @ red.A.T)) == pytest.approx(1)
    assert float(torch.linalg.norm(Z @ Z)) == pytest.approx(1)
    again = fm.train_fourier(x, y, cfg)
    np.testing.assert_array_equal(again.A.numpy(), red.A.numpy())


def test_g_prediction_and_the_power_of_the_norm(digits):
    x, y, _ = digits
    A, B = _random_AB(4)
    m = fm.FourierModel(A, B, fm.FitConfig())
    xf = x.astype(np.float64) / 255
    g3, g2 = m.g(xf), m.g(xf, power=2)
    # g (the seed's, power 3) has degree -1; the ratio (power 2) has degree 0
    np.testing.assert_allclose(m.g(2 * xf), g3 / 2, rtol=1e-10)
    np.testing.assert_allclose(m.g(2 * xf, power=2), g2, rtol=1e-10)
    np.testing.assert_array_equal(m.predict(xf), g3.argmax(1))
    np.testing.assert_allclose(m.g(-xf, power=2), g2, rtol=1e-10)  # y(-x) = -y(x)


def test_maximise_g_climbs_stays_on_the_sphere_and_fixes_the_sign(digits):
    x, y, _ = digits
    model = fm.train_fourier(x, y, fm.FitConfig(rounds=1, iterations=40))
    starts = np.random.default_rng(0).random((4, 784))
    mx = fm.maximise_g(model, [3, 3, 7, 7], starts, steps=40, record_every=10)
    assert mx.x.shape == (4, 784) and mx.frames.shape == (5, 4, 784)
    np.testing.assert_array_equal(mx.steps, [0, 10, 20, 30, 40])
    np.testing.assert_allclose(np.linalg.norm(mx.x, axis=1), 1, rtol=1e-9)
    assert np.all(mx.x.sum(1) >= 0)
    assert np.all(mx.curve[-1] > mx.curve[0])
    g = model.g(mx.x, power=2)[np.arange(4), [3, 3, 7, 7]]
    np.testing.assert_allclose(g, mx.ratio, rtol=1e-9)
    with pytest.raises(ValueError, match="classes"):
        fm.maximise_g(model, [3, 12], starts[:2])
    with pytest.raises(ValueError, match="non-zero"):
        fm.maximise_g(model, [3], np.zeros((1, 784)))


def test_roc_auc_matches_scikit_learn():
    from sklearn.metrics import roc_auc_score
    rng = np.random.default_rng(0)
    p, n = rng.normal(1, 1, 50).round(1), rng.normal(0, 1, 70).round(1)  # with ties
    expected = roc_auc_score(np.r_[np.ones(50), np.zeros(70)], np.r_[p, n])
    assert fm.roc_auc(p, n) == pytest.approx(expected, abs=1e-12)
    assert fm.roc_auc([2, 3], [0, 1]) == 1.0 and fm.roc_auc([0], [1]) == 0.0


def test_non_digit_images_and_input_checks(digits):
    _, _, d = digits
    for kind in ("uniform", "gaussian", "shuffled", "inverted", "letters", "strokes"):
        imgs = fm.non_digit_images(kind, 6, reference=d.x_test, seed=1)
        assert imgs.shape == (6, 784) and imgs.min() >= 0 and imgs.max() <= 1
        assert np.all(imgs.sum(1) > 0), kind
    sh = fm.non_digit_images("shuffled", 3, reference=d.x_test, seed=1)
    assert sorted(np.round(sh.sum(1), 6)) != [0, 0, 0]
    with pytest.raises(ValueError, match="reference"):
        fm.non_digit_images("shuffled", 3)
    with pytest.raises(ValueError, match="kind"):
        fm.non_digit_images("cats", 3)
    with pytest.raises(ValueError, match="start"):
        fm.FitConfig(start="zeros").validate()
    with pytest.raises(ValueError, match="per_class"):
        fm.first_per_class(d.x_test[:5], d.y_test[:5], 10)
    with pytest.raises(ValueError, match=r"\(n, 28, 28\)"):
        fm.as_images(np.zeros((3, 10)))
    x, y = fm.first_per_class(d.x_test, d.y_test, 2)
    assert list(y[:10]) == list(range(10))
    np.testing.assert_array_equal(x[0], d.x_test[d.y_test == 0][0])
    assert fm.relative_difference([1.0, 2.0], [1.0, 2.0]) == 0.0


def test_cached_training_reads_a_shared_read_only_folder_and_saves_to_the_own_cache(digits, tmp_path,
                                                                                   monkeypatch):
    x, y = digits[0][:20], digits[1][:20]
    config = fm.FitConfig(rounds=1, iterations=3)
    shared, own = tmp_path / "shared", tmp_path / "own"
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(shared))   # the teacher fills the shared folder
    first, cached = fm.cached_train_fourier(x, y, config)
    assert cached is False and len(list(shared.glob("*.npz"))) == 1
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(own))
    monkeypatch.setenv("COURSE_SHARED_MODELS", str(shared))
    again, cached = fm.cached_train_fourier(x, y, config)
    assert cached is True and torch.equal(again.A, first.A) and not own.exists()
    _, cached = fm.cached_train_fourier(x, y, fm.FitConfig(rounds=1, iterations=4))
    assert cached is False and len(list(own.glob("*.npz"))) == 1 and len(list(shared.glob("*.npz"))) == 1


@pytest.mark.parametrize("contrast", [0.0, 0.7])
def test_training_s_numpy_gradient_is_the_torch_one(digits, contrast):
    x, y, _ = digits
    X = fm.as_images(x[:6])
    S = fm.fourier_features(X)
    A, B = _random_AB(3, positive=False)
    value, gA, gB = fm.fitness_and_gradient(A, B, X, y[:6], S, contrast)
    v2, a2, b2 = fm._fitness_and_gradient_numpy(A.numpy(), B.numpy(), X.numpy(), np.asarray(y[:6]),
                                                S.numpy(), contrast)
    assert v2 == pytest.approx(value, rel=1e-12)
    np.testing.assert_allclose(a2, gA.numpy(), rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(b2, gB.numpy(), rtol=1e-10, atol=1e-14)


def test_starts_positive_lognormal_gaussian_and_minority_signs(digits):
    x, y, _ = digits
    starts = {kind: [fm.start_parameters(fm.FitConfig(start=kind, seed=s)) for s in (0, 1)]
              for kind in fm.STARTS}
    for kind, ((A0, B0), (A1, B1)) in starts.items():
        assert A0.shape == (fm.HIDDEN, 784) and B0.shape == (784, 10, fm.HIDDEN)
        a, b = torch.cat([A0.ravel(), B0.ravel()]), torch.cat([A1.ravel(), B1.ravel()])
        cos = float(a @ b / a.norm() / b.norm())
        expected = {"positive": 0.75, "lognormal": np.exp(-4), "gaussian": 0.0}[kind]
        assert cos == pytest.approx(expected, abs=0.02), kind
        if kind != "gaussian":
            assert (A0 > 0).all() and (B0 > 0).all()
            assert fm.minority_signs(A0, B0, x, y) == 0     # all own scores positive
    # Count by hand: flip the sign of one digit's score by hand-building y.
    A, B = starts["gaussian"][0]
    Y = fm.scores(A, B, fm.as_images(x)).numpy()[np.arange(len(y)), y]
    expected = sum(min(np.sum(Y[y == c] > 0), np.sum(Y[y == c] <= 0)) for c in range(10))
    assert fm.minority_signs(A, B, x, y) == expected
    # Flipping a class's sign (one row of every B_j) changes nothing.
    B2 = B.clone()
    B2[:, 3, :] *= -1
    assert fm.minority_signs(A, B2, x, y) == expected
    with pytest.raises(ValueError, match="start must be one of"):
        fm.start_parameters(fm.FitConfig(start="uniform"))



def test_precomputed_features_give_the_same_scores_and_signs(digits):
    x, y, d = digits
    A, B = _random_AB(5, positive=False)
    model = fm.FourierModel(A, B, fm.FitConfig())
    held = d.x_test[:7]
    S = fm.fourier_features(held)
    np.testing.assert_array_equal(model.g(held, 2, S), model.g(held, 2))
    assert fm.minority_signs(A, B, x, y, fm.fourier_features(x)) == fm.minority_signs(A, B, x, y)


def test_row_k_of_B_lives_in_the_span_of_class_k_s_spectra(digits):
    """Without the contrast term each class's rows of B only meet that class's spectra: the
    basis has one orthonormal block per class, and a trained B has no part outside it."""
    x, y, _ = digits
    S = fm.fourier_features(x)
    Qs, free = fm._spectra_basis(S, np.asarray(y), 0.0)
    assert Qs.shape == (784, len(y)) and free.shape == (len(y), 10, fm.HIDDEN)
    for c in range(10):
        block = Qs[:, free[:, c, 0]]
        np.testing.assert_allclose((block.T @ block).numpy(), np.eye(np.sum(y == c)), atol=1e-12)
        assert free[:, c, 0].sum() == np.sum(y == c) and free[:, c, :].all(axis=1).any()
    model = fm.train_fourier(x, y, fm.FitConfig(rounds=1, iterations=30))
    for c in range(10):
        Qc = torch.linalg.qr(S[torch.from_numpy(np.asarray(y) == c)].T).Q
        rows = model.B[:, c, :]                                       # (784, h)
        np.testing.assert_allclose((rows - Qc @ (Qc.T @ rows)).numpy(), 0, atol=1e-10)
    _, all_free = fm._spectra_basis(S, np.asarray(y), 0.5)
    assert all_free.all()
