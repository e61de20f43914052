"""Chapter 2's exercises agree with independent computations: PyTorch's autograd for
backpropagation and for BP1 of the cross-entropy cost, finite differences that approach
backpropagation's gradient, the course's `MLP` for the forward pass and the SGD step, and
the learning rate that a summed cost needs to take the same step as the mean. The
chapter's training loop with the exercises' solutions is `MLP.fit`, bit for bit: that is
what keeps the chapter's numbers when its cells compute with them."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.check import check, exercises
from course.data import load_mnist
from course.exercises.ch02 import (Layers, _backprop_cases, _bp1_cases, _forward_cases,
                                   _gradient_check_cases, _mlp_backprop, _sgd_cases, backprop,
                                   bp1_cross_entropy, forward, numeric_gradient, sgd_step)
from course.mlp import MLP, History, one_hot
from course.threads import one_thread


def test_forward_keeps_the_activations_of_every_layer_as_the_course_network_computes_them():
    for W, b, a0 in _forward_cases():
        acts = forward(W, b, a0)
        assert len(acts) == len(W) + 1 and acts[0] is a0
        a = torch.from_numpy(a0)
        for W_l, b_l, mine in zip(W, b, acts[1:]):
            a = torch.sigmoid(a @ torch.from_numpy(W_l).T + torch.from_numpy(b_l))
            np.testing.assert_allclose(mine, a.numpy(), rtol=1e-6)


def test_backprop_is_autograds_gradient_of_the_mean_quadratic_cost():
    for W, b, X, Y in _backprop_cases():
        Ws = [torch.tensor(w, requires_grad=True) for w in W]
        bs = [torch.tensor(c, requires_grad=True) for c in b]
        a = torch.tensor(X)
        for w, c in zip(Ws, bs):
            a = torch.sigmoid(a @ w.T + c)
        (0.5 * ((a - torch.tensor(Y)) ** 2).sum(dim=1).mean()).backward()
        dW, db = backprop(W, b, X, Y)
        assert [g.shape for g in dW] == [w.shape for w in W]
        assert [g.shape for g in db] == [c.shape for c in b]
        for mine, theirs in zip(dW + db, Ws + bs):
            np.testing.assert_allclose(mine, theirs.grad.numpy(), rtol=1e-10, atol=1e-14)


def test_backprop_is_the_course_networks_gradients_to_the_last_bit_in_float32():
    net = MLP([784, 16, 16, 10], seed=3, dtype=np.float32)
    X = np.random.default_rng(0).random((10, 784), dtype=np.float32)
    y = np.arange(10) % 10
    mine = backprop(net.W, net.b, X, one_hot(y, 10, np.float32))
    theirs = net.gradients(X, y)[:2]
    for m, t in zip(mine[0] + mine[1], theirs[0] + theirs[1]):
        assert m.dtype == np.float32 and np.array_equal(m, t)


def test_numeric_gradient_approaches_backprops_gradient_as_eps_shrinks():
    W, b, X, Y = _backprop_cases()[1]
    dW, _ = backprop(W, b, X, Y)
    l = 1
    picks = [(i, j) for i in range(W[l].shape[0]) for j in range(W[l].shape[1])]

    def cost(w):
        layers = list(W[:l]) + [w] + list(W[l + 1:])
        return 0.5 * ((forward(layers, b, X)[-1] - Y) ** 2).sum(axis=1).mean()

    exact = np.array([dW[l][i, j] for i, j in picks])
    errors = [np.abs(numeric_gradient(cost, W[l], picks, eps) - exact).max() for eps in (1e-2, 1e-3)]
    assert errors[1] < errors[0] / 50          # the central difference's error shrinks like ε²
    np.testing.assert_allclose(numeric_gradient(cost, W[l], picks, 1e-6), exact, rtol=1e-6, atol=1e-10)


def test_numeric_gradient_leaves_w_as_it_was_and_a_one_sided_difference_is_named():
    cost, w, picks, eps = _gradient_check_cases()[0]
    before = w.copy()
    numeric_gradient(cost, w, picks, eps)
    assert np.array_equal(w, before)

    def one_sided(cost, w, picks, eps):
        out = []
        for i, j in picks:
            v = w.copy()
            v[i, j] += eps
            out.append((cost(v) - cost(w)) / eps)
        return np.array(out)
    assert "one-sided difference" in check("ch02.numeric_gradient", one_sided).message


def test_nudges_that_change_one_same_array_are_named_with_or_without_a_second_name():
    """Nudging w itself up and back, or nudging two names of w (w_up = w, w_down = w):
    the message fits both, and says that a second name makes no copy."""
    def w_itself(cost, w, picks, eps):
        out = []
        for i, j in picks:
            w[i, j] += eps
            up = cost(w)
            w[i, j] -= eps
            out.append((up - cost(w)) / (2 * eps))
        return np.array(out)

    def two_names(cost, w, picks, eps):
        out = []
        for i, j in picks:
            w_up, w_down = w, w
            w_up[i, j] += eps
            w_down[i, j] -= eps
            out.append((cost(w_up) - cost(w_down)) / (2 * eps))
        return np.array(out)
    fb = check("ch02.numeric_gradient", w_itself)
    assert fb.correct is False and "w itself, or a second name for it" in fb.message
    fb = check("ch02.numeric_gradient", two_names)
    assert fb.correct is False and "one and the same array" in fb.message and "no copy" in fb.message


def test_sgd_step_takes_the_course_networks_step_and_leaves_its_inputs_unchanged():
    for W, b, dW, db, eta in _sgd_cases():
        copies = [[x.copy() for x in part] for part in (W, b, dW, db)]
        new_W, new_b = sgd_step(W, b, dW, db, eta)
        for part, copy in zip((W, b, dW, db), copies):
            assert all(np.array_equal(x, c) for x, c in zip(part, copy))
        for mine, old, g in zip(new_W + new_b, W + b, dW + db):
            expected = old.copy()
            expected -= eta * g                     # MLP.sgd_step's in-place update
            assert np.array_equal(mine, expected) and mine is not old


def test_updating_in_place_is_named_as_a_changed_input():
    def in_place(W, b, dW, db, eta):
        for l in range(len(W)):
            W[l] -= eta * dW[l]
            b[l] -= eta * db[l]
        return W, b
    fb = check("ch02.sgd_step", in_place)
    assert fb.correct is False and "changes its input `W`" in fb.message


def test_a_case_names_its_lists_by_their_shapes_not_their_numbers():
    W = Layers([np.zeros((3, 5)), np.zeros((2, 3))])
    assert repr(W) == "a list of 2 arrays, shapes (3, 5), (2, 3)"


@pytest.fixture(scope="module")
def digits():
    data = load_mnist("bundled", as_float=True, verbose=False)
    return data.x_train.reshape(-1, 784)[:500], data.y_train[:500]


@pytest.mark.parametrize("gradients", [backprop, _mlp_backprop], ids=["solution", "reference"])
def test_the_chapters_training_loop_is_mlp_fit_bit_for_bit(digits, gradients):
    """The chapter trains the classic network with `backprop` and `sgd_step` (the learner's,
    or these until the learner's pass); it must compute what `MLP.fit` computes, so that
    its checked numbers stay those measured with `MLP.fit`."""
    X, y = digits
    fitted = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
    expected = fitted.fit(X, y, epochs=2, batch_size=10, lr=3.0, seed=0)

    net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=0, dtype=np.float32)
    X32, Y32 = X.astype(np.float32), one_hot(y, 10, np.float32)
    history, shuffle = History(), np.random.default_rng(0)
    with one_thread():
        for epoch in range(2):
            order = shuffle.permutation(len(X))
            for first in range(0, len(X), 10):
                batch = order[first:first + 10]
                dW, db = gradients(net.W, net.b, X32[batch], Y32[batch])
                net.W, net.b = sgd_step(net.W, net.b, dW, db, 3.0)
            history.train_loss.append(net.cost(X, y))
            history.train_accuracy.append(net.accuracy(X, y))
    assert all(np.array_equal(a, b) for a, b in zip(net.W + net.b, fitted.W + fitted.b))
    assert history.train_loss == expected.train_loss
    assert history.train_accuracy == expected.train_accuracy


def test_bp1_for_cross_entropy_on_sigmoid_outputs_is_autograds_gradient_with_respect_to_z():
    for a, y in _bp1_cases():
        z = torch.logit(torch.tensor(a)).requires_grad_(True)   # the z^L whose sigmoid is a
        out = torch.sigmoid(z)
        target = torch.tensor(y)
        cost = -(target * torch.log(out) + (1 - target) * torch.log(1 - out)).sum(dim=1).mean()
        (grad,) = torch.autograd.grad(cost, z)
        np.testing.assert_allclose(bp1_cross_entropy(a, y), grad.numpy(), rtol=1e-6, atol=1e-12)


def test_the_classic_networks_bp1_is_a_recognised_mistake_not_the_answer():
    a, y = _bp1_cases()[0]
    quadratic = (a - y) * a * (1 - a) / len(a)
    assert not np.allclose(quadratic, bp1_cross_entropy(a, y))
    assert "quadratic" in check("ch02.bp1_cross_entropy", lambda a, y: (a - y) * a * (1 - a) / len(a)).message


def test_a_summed_cost_takes_the_same_step_at_the_answered_learning_rate():
    """One SGD step on 10 digits: eta = 3 on the mean cost equals the answer's eta on the sum."""
    rng = np.random.default_rng(0)
    X, y = rng.random((10, 784)), rng.integers(0, 10, size=10)
    net = MLP([784, 16, 10], seed=0)
    Ws = [torch.tensor(W, requires_grad=True) for W in net.W]
    bs = [torch.tensor(b, requires_grad=True) for b in net.b]
    a = torch.tensor(X)
    for W, b in zip(Ws, bs):
        a = torch.sigmoid(a @ W.T + b)
    per_digit = 0.5 * ((a - torch.nn.functional.one_hot(torch.tensor(y), 10)) ** 2).sum(dim=1)
    mean_grads = torch.autograd.grad(per_digit.mean(), Ws + bs, retain_graph=True)
    sum_grads = torch.autograd.grad(per_digit.sum(), Ws + bs)
    eta_sum = exercises()["ch02.sum_cost_lr"].answer
    for g_mean, g_sum in zip(mean_grads, sum_grads):
        np.testing.assert_allclose(eta_sum * g_sum.numpy(), 3.0 * g_mean.numpy(), rtol=1e-10)
    assert check("ch02.sum_cost_lr", eta_sum).correct
    assert "other way round" in check("ch02.sum_cost_lr", 30).message
