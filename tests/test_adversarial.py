"""FGSM and PGD (course/adversarial.py), checked against the definitions."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.adversarial import (accuracy_vs_eps, apply_patch, attack_loss, eps_at, fgm_l2, fgsm,
                                first_below, pgd, still_right, train_patch)
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


def _linear_gradient(linear, x, y):
    """The pixels (n, 784) and d CE / dx for logits W x + b: W^T (softmax(W x + b) − onehot(y)),
    written out in numpy."""
    W = linear[1].weight.detach().double().numpy()
    b = linear[1].bias.detach().double().numpy()
    X = x.reshape(len(x), 784).astype(np.float64)
    z = X @ W.T + b
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    p[np.arange(len(y)), y] -= 1
    return X, p @ W


def test_fgsm_matches_the_closed_form_gradient_of_a_linear_model(nets, batch):
    linear, _ = nets
    x, y = batch
    X, grad = _linear_gradient(linear, x, y)
    expected = np.clip(X + 0.1 * np.sign(grad), 0, 1)
    got = fgsm(linear, x, y, 0.1)
    assert got.shape == x.shape and got.dtype == np.float32
    # Where the gradient is zero up to float32 rounding its sign is the rounding's: another
    # processor's kernels may turn it (seen with torch's generic kernels). Compare elsewhere.
    clear = np.abs(grad) > 1e-5 * np.abs(grad).max(axis=1, keepdims=True)
    assert clear.mean() > 0.5, "too few pixels with a clear gradient sign to test anything"
    assert np.abs(got.reshape(len(x), 784) - expected)[clear].max() < 1e-6


def test_fgsm_raises_the_loss_on_a_batch(nets, batch):
    for model in nets:
        x, y = batch
        before = attack_loss(model, x, y)
        after = attack_loss(model, fgsm(model, x, y, 0.05), y)
        # a random sign pattern of the same size, as a control: FGSM must raise the loss more
        signs = np.sign(np.random.default_rng(0).standard_normal(x.shape)).astype(np.float32)
        noise = attack_loss(model, np.clip(x + 0.05 * signs, 0, 1), y)
        assert (after - before).mean() > 10 * abs((noise - before).mean())
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


# ----------------------------------------------------------------- random starts and restarts


def _plain_pgd(model, x, y, eps, steps, seed):
    """PGD from a random start, the last iterate, written independently of course.adversarial."""
    xt = torch.from_numpy(x.reshape(len(x), 784).astype(np.float32))
    yt = torch.from_numpy(y).long()
    u = torch.rand(xt.shape, generator=torch.Generator().manual_seed(seed))
    xa = (xt + eps * (2 * u - 1)).clamp(0, 1)
    alpha = 2.5 * eps / steps
    for _ in range(steps):
        xa = xa.detach().requires_grad_(True)
        loss = torch.nn.functional.cross_entropy(model(xa), yt, reduction="sum")
        (g,) = torch.autograd.grad(loss, xa)
        xa = xa.detach() + alpha * g.sign()
        xa = torch.clamp(torch.clamp(xa, min=xt - eps, max=xt + eps), 0, 1)
    return xa.numpy().reshape(x.shape)


def test_pgd_with_a_random_start_is_the_plain_loop_and_follows_its_seed(nets, batch):
    _, mlp = nets
    x, y = batch
    kw = dict(steps=8, random_start=True, early_stop=False, keep="last")
    got = pgd(mlp, x, y, 0.08, seed=5, **kw)
    assert np.abs(got - _plain_pgd(mlp, x, y, 0.08, 8, 5)).max() < 1e-6
    assert np.array_equal(got, pgd(mlp, x, y, 0.08, seed=5, **kw))
    assert not np.array_equal(got, pgd(mlp, x, y, 0.08, seed=6, **kw))
    assert np.abs(got - x).max() <= 0.08 + 1e-6 and got.min() >= 0 and got.max() <= 1


def test_restarts_only_add_fooled_digits(nets, batch):
    _, mlp = nets
    x, y = batch
    one = _predict(mlp, pgd(mlp, x, y, 0.03, steps=5, random_start=True, seed=1)) != y
    three = _predict(mlp, pgd(mlp, x, y, 0.03, steps=5, random_start=True, restarts=2, seed=1)) != y
    assert np.all(three[one])              # the first run is the same, later runs only add
    assert three.sum() >= one.sum()


def test_still_right_fresh_and_cumulative(nets, batch):
    _, mlp = nets
    x, y = batch
    grid = [0.0, 0.02, 0.05]
    cumulative = still_right(mlp, x, y, grid, "pgd", steps=5)
    fresh = still_right(mlp, x, y, grid, "pgd", steps=5, fresh=True)
    assert cumulative.shape == fresh.shape == (3, len(y)) and cumulative.dtype == bool
    assert np.all(cumulative[1:] <= cumulative[:-1])          # a fooled digit stays fooled
    assert np.all(cumulative <= fresh)                         # fresh attacks count each ε alone
    clean = _predict(mlp, x) == y
    assert np.array_equal(fresh[0], clean)
    for k, eps in enumerate(grid[1:], start=1):                # fresh: one attack per ε
        separate = clean.copy()
        separate[clean] = _predict(mlp, pgd(mlp, x[clean], y[clean], eps, steps=5)) == y[clean]
        assert np.array_equal(fresh[k], separate)
    assert np.allclose(still_right(mlp, x, y, grid, "fgsm").mean(1),
                       accuracy_vs_eps(mlp, x, y, grid, "fgsm"))


def test_eps_at_reads_the_crossing_between_grid_points():
    assert eps_at([0, 0.1, 0.2], [0.9, 0.7, 0.3]) == pytest.approx(0.15)
    assert eps_at([0, 0.1], [0.4, 0.2]) == 0.0
    assert eps_at([0, 0.1], [0.9, 0.8]) is None
    with pytest.raises(ValueError, match="increasing"):
        eps_at([0.1, 0.0], [0.9, 0.1])
    with pytest.raises(ValueError, match="same shape"):
        eps_at([0, 0.1], [0.9])


def test_pgd_refuses_restarts_without_a_random_start_and_last_with_restarts(nets, batch):
    _, mlp = nets
    x, y = batch
    with pytest.raises(ValueError, match="needs random_start=True"):
        pgd(mlp, x, y, 0.1, restarts=2)
    with pytest.raises(ValueError, match="cannot be combined with restarts"):
        pgd(mlp, x, y, 0.1, random_start=True, restarts=1, keep="last")
    with pytest.raises(ValueError, match="keep must be"):
        pgd(mlp, x, y, 0.1, keep="first")


# ----------------------------------------------------------------- the L2 step


def test_fgm_l2_matches_the_closed_form_of_a_linear_model_and_has_length_eps(nets, batch):
    linear, mlp = nets
    x, y = batch
    X, g = _linear_gradient(linear, x, y)
    expected = np.clip(X + 1.5 * g / np.linalg.norm(g, axis=1, keepdims=True), 0, 1)
    assert np.abs(fgm_l2(linear, x, y, 1.5).reshape(len(x), 784) - expected).max() < 1e-5
    grey = np.full((5, 784), 0.5, np.float32)          # far from 0 and 1: nothing is clipped
    step = fgm_l2(mlp, grey, y[:5], 0.7) - grey
    assert np.allclose(np.linalg.norm(step, axis=1), 0.7, rtol=1e-5)
    # it raises the loss more than an FGSM step of the same L2 length, on unclipped digits
    fgsm_step = fgsm(mlp, grey, y[:5], 0.7 / 28) - grey
    assert np.allclose(np.linalg.norm(fgsm_step, axis=1), 0.7, rtol=1e-4)
    assert attack_loss(mlp, grey + step, y[:5]).mean() > attack_loss(mlp, grey + fgsm_step, y[:5]).mean()
    with pytest.raises(ValueError, match="eps must be a length >= 0"):
        fgm_l2(mlp, x, y, -1.0)


# ----------------------------------------------------------------- an adversarial patch


def test_apply_patch_replaces_only_the_square(batch):
    x, _ = batch
    patch = np.full((3, 3), 0.25, np.float32)
    out = apply_patch(x, patch, row=2, col=5)
    assert out.shape == x.shape and out.dtype == np.float32
    img = out.reshape(-1, 28, 28)
    assert np.all(img[:, 2:5, 5:8] == 0.25)
    mask = np.ones((28, 28), bool)
    mask[2:5, 5:8] = False
    assert np.array_equal(img[:, mask], x.reshape(-1, 28, 28)[:, mask])
    with pytest.raises(ValueError, match="does not fit"):
        apply_patch(x, patch, row=26)
    with pytest.raises(ValueError, match=r"pixel values must lie in \[0, 1\]"):
        apply_patch(x, patch * 8)
    with pytest.raises(ValueError, match="square array"):
        apply_patch(x, np.zeros((2, 3)))


def test_train_patch_raises_the_loss_on_its_digits_and_on_others(nets, bundled):
    _, mlp = nets
    x, y = bundled.x_train[:200], bundled.y_train[:200]
    patch = train_patch(mlp, x, y, size=6, row=11, col=11, steps=15, seed=0)
    assert patch.shape == (6, 6) and patch.min() >= 0 and patch.max() <= 1
    assert np.array_equal(patch, train_patch(mlp, x, y, size=6, row=11, col=11, steps=15, seed=0))
    start = np.random.default_rng(0).random((6, 6))      # a random square as the control
    xt, yt = bundled.x_test[:300], bundled.y_test[:300]  # digits the patch was not tuned on
    tuned = attack_loss(mlp, apply_patch(xt, patch, 11, 11), yt).mean()
    control = attack_loss(mlp, apply_patch(xt, start, 11, 11), yt).mean()
    clean = attack_loss(mlp, xt, yt).mean()
    assert tuned - clean > 2 * (control - clean) > 0   # the tuned square does far more than noise
    with pytest.raises(ValueError, match="steps must be a positive integer"):
        train_patch(mlp, x, y, steps=0)
