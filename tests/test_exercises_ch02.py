"""Chapter 2's exercises agree with independent computations: PyTorch's autograd for BP1 of
the cross-entropy cost on sigmoid outputs, and for the learning rate that a summed cost
needs to take the same step as the mean."""

from __future__ import annotations

import numpy as np
import torch

from course.check import check, exercises
from course.exercises.ch02 import _bp1_cases, bp1_cross_entropy
from course.mlp import MLP


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
