"""FGSM and PGD (course/adversarial.py), checked against the definitions."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.adversarial import accuracy_vs_eps, attack_loss, fgsm, first_below, pgd
from course.training import TrainConfig, make_mlp, train


@pytest.fixture(scope="module")
def nets(bundled):
    """A linear classifier and a small MLP, trained for a few seconds on the bundled digits."""
    cfg = TrainConfig(epochs=2, batch_size=64, lr=2e-3, optimizer="adam", seed=0)
    linear = make_mlp((784, 10), seed=0)
    train(linear, bundled.x_train, bundled.y_train, cfg, progress=False)
    mlp = make_mlp((784, 32, 10), seed=0)
    train(mlp, bundled.x_train, bundled.y_train, cfg, progress=False)
    return linear.eval(), mlp.eval()


@pytest.fixture(scope="module")
def batch(bundled):
    return bundled.x_test[:200].astype(np.float32) / 255, bundled.y_test[:200]


def _predict(model, x):
    with torch.no_grad():
        return model(torch.from_numpy(np.asarray(x, np.float32).reshape(len(x), 784))).argmax(1).numpy()


def test_fgsm_matches_the_closed_form_gradient_of_a_linear_model(nets, batch):
    # For logits W x + b, d CE / dx = W^T (softmax(W x + b) - onehot(y)), written out in numpy.
    linear, _ = nets
    x, y = batch
    W = linear[1].weight.detach().double().numpy()
    b = linear[1].bias.detach().double().numpy()
    X = x.reshape(len(x), 784).astype(np.float64)
    z = X @ W.T + b
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    p[np.arange(len(y)), y] -= 1
    grad = p @ W
    expected = np.clip(X + 0.1 * np.sign(grad), 0, 1)
    got = fgsm(linear, x, y, 0.1)
    assert got.shape == x.shape and got.dtype == np.float32
    assert np.abs(got.reshape(len(x), 784) - expected).max() < 1e-6


def test_fgsm_raises_the_loss_on_a_batch(nets, batch):
    for model in nets:
        x, y = batch
        before = attack_loss(model, x, y)
        after = attack_loss(model, fgsm(model, x, y, 0.05), y)
        assert after.mean() > 2 * before.mean()
        assert (after > before).mean() > 0.95   # digits whose pixels are all clipped may not move
        # and its loss agrees with an independent torch cross-entropy
        with torch.no_grad():
            ce = torch.nn.functional.cross_entropy(model(torch.from_numpy(x.reshape(-1, 784))),
                                                   torch.from_numpy(y).long(), reduction="none")
        assert np.allclose(before, ce.numpy(), atol=1e-5)


@pytest.mark.parametrize("eps", [0.0, 0.03, 0.1, 0.3])
def test_pgd_perturbation_stays_within_eps_and_the_unit_interval(nets, bundled, eps):
    _, mlp = nets
    x, y = bundled.x_test[:100], bundled.y_test[:100]          # uint8 in: converted to [0, 1]
    for early_stop in (True, False):
        xa = pgd(mlp, x, y, eps, steps=7, early_stop=early_stop)
        x01 = x.astype(np.float32) / 255
        assert xa.shape == x.shape and xa.dtype == np.float32
        assert np.abs(xa - x01).max() <= eps + 1e-6
        assert xa.min() >= 0 and xa.max() <= 1
    if eps > 0:  # a large step size must still be projected back
        xa = pgd(mlp, x, y, eps, steps=3, step_size=1.0)
        assert np.abs(xa - x.astype(np.float32) / 255).max() <= eps + 1e-6


def test_pgd_is_at_least_as_strong_as_fgsm(nets, batch):
    x, y = batch
    for model in nets:
        for eps in (0.03, 0.08):
            acc_fgsm = (_predict(model, fgsm(model, x, y, eps)) == y).mean()
            acc_pgd = (_predict(model, pgd(model, x, y, eps)) == y).mean()
            assert acc_pgd <= acc_fgsm
            loss_fgsm = attack_loss(model, fgsm(model, x, y, eps), y)
            loss_pgd = attack_loss(model, pgd(model, x, y, eps, early_stop=False), y)
            assert loss_pgd.mean() >= loss_fgsm.mean()
        # one step of size eps from x is FGSM itself
        one = pgd(model, x, y, 0.05, steps=1, step_size=0.05, early_stop=False)
        assert np.abs(one - fgsm(model, x, y, 0.05)).max() < 1e-6


def test_pgd_early_stop_returns_misclassified_images(nets, batch):
    _, mlp = nets
    x, y = batch
    xa = pgd(mlp, x, y, 0.1)
    fooled = _predict(mlp, xa) != y
    clean_right = _predict(mlp, x) == y
    assert fooled[clean_right].mean() > 0.5  # most digits fall at eps = 0.1


def test_accuracy_vs_eps_agrees_with_attacking_each_eps_separately(nets, batch):
    _, mlp = nets
    x, y = batch
    grid = [0.0, 0.02, 0.05, 0.1]
    curve = accuracy_vs_eps(mlp, x, y, grid, "fgsm", batch_size=64)
    direct = [(_predict(mlp, fgsm(mlp, x, y, e) if e else x) == y).mean() for e in grid]
    assert np.allclose(curve, direct)
    assert curve[0] == pytest.approx((_predict(mlp, x) == y).mean())
    pcurve = accuracy_vs_eps(mlp, x, y, grid[::-1], "pgd", steps=5)[::-1]  # any order of the grid
    separate = np.array([(_predict(mlp, pgd(mlp, x, y, e, steps=5)) == y).mean() for e in grid])
    assert np.all(np.diff(pcurve) <= 0)          # never rises: fooled stays fooled
    assert np.all(pcurve <= separate + 1e-12)    # at least as strong as a fresh attack at each eps
    assert np.all(pcurve <= curve + 1e-12)


def test_first_below():
    assert first_below([0, 0.1, 0.2, 0.3], [0.9, 0.6, 0.4, 0.1]) == 0.2
    assert first_below([0, 0.1], [0.9, 0.8]) is None
    with pytest.raises(ValueError, match="same shape"):
        first_below([0, 0.1], [0.9])


def test_attacks_refuse_wrong_input_clearly(nets, batch):
    _, mlp = nets
    x, y = batch
    with pytest.raises(ValueError, match=r"eps must be a number in \[0, 1\].*-0.1"):
        fgsm(mlp, x, y, -0.1)
    with pytest.raises(ValueError, match=r"eps must be a number in \[0, 1\].*nan"):
        pgd(mlp, x, y, float("nan"))
    with pytest.raises(ValueError, match=r"x: expected digits of shape.*\(200, 27, 28\)"):
        fgsm(mlp, x[:, :27], y, 0.1)
    with pytest.raises(ValueError, match=r"y: expected 200 integer labels.*\(3,\)"):
        pgd(mlp, x, y[:3], 0.1)
    with pytest.raises(ValueError, match=r"x: float pixels must lie in \[0, 1\]"):
        fgsm(mlp, x * 255, y, 0.1)
    with pytest.raises(ValueError, match="steps must be a positive integer, got 0"):
        pgd(mlp, x, y, 0.1, steps=0)
    with pytest.raises(ValueError, match="model: expected a torch network"):
        fgsm(lambda t: t, x, y, 0.1)
    with pytest.raises(ValueError, match="method must be 'fgsm' or 'pgd'"):
        accuracy_vs_eps(mlp, x, y, [0.1], "cw")
