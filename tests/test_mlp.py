"""The numpy MLP against independent computations: finite differences and PyTorch autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.mlp import MLP, one_hot, sigmoid

CASES = [("sigmoid", "quadratic"), ("sigmoid", "cross_entropy"),
         ("relu", "quadratic"), ("relu", "cross_entropy")]


def _batch(n=7, d=12, classes=4, seed=3):
    rng = np.random.default_rng(seed)
    return rng.random((n, d)), rng.integers(0, classes, n)


def test_seed_network_has_13002_parameters():
    net = MLP([784, 16, 16, 10])
    assert net.n_parameters == 784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10 == 13002
    assert "13,002" in repr(net)


@pytest.mark.parametrize("activation, loss", CASES)
def test_gradients_match_central_finite_differences(activation, loss):
    X, y = _batch()
    net = MLP([12, 5, 6, 4], activation=activation, loss=loss, seed=1)
    if activation == "relu":  # keep pre-activations away from ReLU's kink at 0
        for b in net.b[:-1]:
            b += 0.5 * np.sign(b)
    dW, db, _ = net.gradients(X, y)
    eps = 1e-6
    for params, grads in ((net.W, dW), (net.b, db)):
        for P, G in zip(params, grads):
            numeric = np.zeros_like(P)
            for idx in np.ndindex(P.shape):
                old = P[idx]
                P[idx] = old + eps
                up = net.cost(X, y)
                P[idx] = old - eps
                down = net.cost(X, y)
                P[idx] = old
                numeric[idx] = (up - down) / (2 * eps)
            rel = np.linalg.norm(numeric - G) / max(np.linalg.norm(numeric) + np.linalg.norm(G), 1e-30)
            assert rel <= 1e-7, (activation, loss, rel)


@pytest.mark.parametrize("activation, loss", CASES)
def test_gradients_equal_pytorch_autograd(activation, loss):
    X, y = _batch(n=9)
    net = MLP([12, 8, 5, 4], activation=activation, loss=loss, seed=2)
    dW, db, cost = net.gradients(X, y)
    Ws = [torch.tensor(W, requires_grad=True) for W in net.W]
    bs = [torch.tensor(b, requires_grad=True) for b in net.b]
    a = torch.tensor(X)
    for l, (W, b) in enumerate(zip(Ws, bs)):
        z = a @ W.T + b
        if l < len(Ws) - 1:
            a = torch.sigmoid(z) if activation == "sigmoid" else torch.relu(z)
        elif loss == "quadratic":
            a = torch.sigmoid(z)
        else:
            a = z
    if loss == "quadratic":
        Y = torch.tensor(one_hot(y, 4))
        C = 0.5 * ((a - Y) ** 2).sum(dim=1).mean()
    else:
        C = torch.nn.functional.cross_entropy(a, torch.tensor(y))
    C.backward()
    assert abs(C.item() - cost) <= 1e-12
    for ours, theirs in zip(dW + db, [W.grad for W in Ws] + [b.grad for b in bs]):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=0, atol=1e-10)


@pytest.mark.parametrize("activation, loss", CASES)
def test_sgd_decreases_the_loss_of_a_tiny_net_on_a_fixed_batch(activation, loss):
    X, y = _batch(n=16)
    net = MLP([12, 6, 4], activation=activation, loss=loss, seed=0)
    costs = np.array([net.sgd_step(X, y, lr=0.1) for _ in range(400)])
    # Small full-batch steps: the cost falls at every step, and clearly overall.
    assert np.all(np.diff(costs) < 0), np.diff(costs).max()
    assert costs[-1] < 0.9 * costs[0]


def test_training_is_bit_for_bit_reproducible_from_the_seed():
    X, y = _batch(n=40)
    runs = []
    for _ in range(2):
        net = MLP([12, 6, 4], seed=5)
        h = net.fit(X, y, epochs=3, batch_size=8, lr=1.0, seed=9, test=(X, y))
        runs.append((np.concatenate([W.ravel() for W in net.W]), h.train_loss))
    assert np.array_equal(runs[0][0], runs[1][0]) and runs[0][1] == runs[1][1]
    other = MLP([12, 6, 4], seed=6)
    assert not np.array_equal(other.W[0], MLP([12, 6, 4], seed=5).W[0])


def test_seed_network_learns_bundled_digits(bundled):
    X = bundled.x_train.reshape(-1, 784) / 255.0
    Xt = bundled.x_test.reshape(-1, 784) / 255.0
    net = MLP([784, 30, 10], activation="sigmoid", loss="cross_entropy", seed=0)
    h = net.fit(X, bundled.y_train, epochs=3, batch_size=20, lr=0.5, test=(Xt, bundled.y_test))
    assert h.test_accuracy[-1] > 0.8 and h.train_loss[-1] < h.train_loss[0]


def test_one_blas_thread_trains_the_same_network_and_restores_the_setting(bundled):
    from threadpoolctl import threadpool_info

    X = bundled.x_train[:500].reshape(-1, 784) / 255.0
    before = [pool["num_threads"] for pool in threadpool_info()]
    nets = [MLP([784, 16, 10], seed=0) for _ in range(2)]
    histories = [net.fit(X, bundled.y_train[:500], epochs=2, batch_size=10, lr=3.0, threads=t)
                 for net, t in zip(nets, (1, None))]
    assert histories[0].train_loss == histories[1].train_loss
    assert all(np.array_equal(a, b) for a, b in zip(nets[0].W, nets[1].W))
    assert [pool["num_threads"] for pool in threadpool_info()] == before


def test_callback_sees_every_epoch_and_can_stop():
    X, y = _batch(n=20)
    seen = []
    h = MLP([12, 4]).fit(X, y, epochs=10, batch_size=5, lr=0.1,
                         callback=lambda e, hist: seen.append(e) or e == 2)
    assert seen == [0, 1, 2] and len(h.train_loss) == 3


def test_sigmoid_is_stable_and_correct():
    z = np.array([-1000.0, -1.0, 0.0, 2.0, 1000.0])
    with np.errstate(over="ignore"):
        reference = 1 / (1 + np.exp(-z))  # overflows to inf (giving 0) at -1000: still right
    np.testing.assert_allclose(sigmoid(z), reference, rtol=1e-15, atol=1e-300)
    assert np.isfinite(sigmoid(z)).all()


@pytest.mark.parametrize("kwargs, message", [
    (dict(sizes=[784]), "at least two"),
    (dict(sizes=[784, 0, 10]), "positive integers"),
    (dict(sizes=[]), "at least two"),
    (dict(sizes=[784, 10], activation="tanh"), "activation"),
    (dict(sizes=[784, 10], loss="hinge"), "loss"),
])
def test_bad_construction_arguments_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MLP(**kwargs)


@pytest.mark.parametrize("kwargs, message", [
    (dict(lr=0.0), "learning rate"), (dict(lr=-1.0), "learning rate"), (dict(lr=float("nan")), "learning rate"),
    (dict(batch_size=0), "batch_size"), (dict(epochs=0), "epochs"), (dict(threads=0), "threads"),
])
def test_bad_training_arguments_are_named(kwargs, message):
    X, y = _batch()
    args = dict(epochs=1, batch_size=4, lr=0.1) | kwargs
    with pytest.raises(ValueError, match=message):
        MLP([12, 4]).fit(X, y, **args)


def test_bad_inputs_are_explained(bundled):
    net = MLP([784, 10])
    with pytest.raises(ValueError, match="uint8"):
        net.predict(bundled.x_train[:3])
    with pytest.raises(ValueError, match=r"shape \(n, 784\)"):
        net.predict(np.zeros((3, 100)))
    with pytest.raises(ValueError, match="labels"):
        net.cost(np.zeros((2, 784)), np.array([1, 10]))
