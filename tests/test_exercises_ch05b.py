"""Chapter 5b's attack exercises agree with independent computations: FGSM and a PGD step
against the float64 gradient and numpy's clip, a PGD step from the digit with α = ε
against FGSM, steps of `pgd_step` against the course's `pgd`, the L2 step against its
length. The cases are built so that every right way of writing an attack agrees: the
gradient's sign is clear on every pixel, well beyond float32 rounding."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from course.adversarial import pgd
from course.check import check, exercises
from course.exercises.ch05b import (_fgm_cases, _fgsm_cases, _fgsm_left_attached, _pgd_step_cases,
                                    _step_left_attached, fgm_l2, fgsm, pgd_step)

FRAME = np.ones((28, 28), dtype=bool)
FRAME[4:24, 4:24] = False


def _gradient(model, x, y, dtype):
    """∇ₓ of the summed cross-entropy, computed in ``dtype`` on a copy of the network in
    evaluation mode."""
    net = copy.deepcopy(model).to(dtype).eval()
    x = torch.as_tensor(x).to(dtype).clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(net(x), y, reduction="sum"), x)
    return grad


def _numpy(t) -> np.ndarray:
    return torch.as_tensor(t).detach().double().numpy()


def test_fgsm_is_the_clipped_sign_step_of_the_float64_gradient():
    for model, x, y, eps in _fgsm_cases():
        g = _gradient(model, x, y, torch.float64).numpy()
        expected = np.clip(x.double().numpy() + eps * np.sign(g), 0, 1)
        np.testing.assert_allclose(_numpy(fgsm(model, x, y, eps)), expected, rtol=0, atol=1e-6)


def test_pgd_step_is_the_projection_of_a_sign_step_taken_at_x_adv():
    for model, x_adv, x, y, eps, alpha in _pgd_step_cases():
        g = _gradient(model, x_adv, y, torch.float64).numpy()
        x0 = x.double().numpy()
        moved = x_adv.double().numpy() + alpha * np.sign(g)
        expected = np.clip(np.clip(moved, x0 - eps, x0 + eps), 0, 1)
        got = _numpy(pgd_step(model, x_adv, x, y, eps, alpha))
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
        assert np.all(np.abs(got - x0) <= eps + 1e-6) and got.min() >= 0 and got.max() <= 1


def test_the_cases_gradient_signs_are_clear_beyond_float32_rounding():
    """Every pixel's gradient is exactly 0 in float32 and float64 alike (the frame-blind
    network), or at least 50 times larger than the largest float32 rounding error of its
    digit: a per-digit loop, a mean instead of a sum or another processor's kernels round
    differently, and must still see the same sign."""
    cases = [(c[0], c[1], c[2]) for c in _fgsm_cases()] + \
            [(c[0], c[1], c[3]) for c in _pgd_step_cases()]
    for model, x, y in cases:
        g32 = _gradient(model, x, y, torch.float32).double()
        g64 = _gradient(model, x, y, torch.float64)
        assert torch.equal(g32 == 0, g64 == 0)
        error = (g32 - g64).abs().amax(dim=1, keepdim=True)
        margin = (g64.abs() / error)[g64 != 0]
        assert margin.min() > 50, f"a pixel's gradient is within {margin.min():.1f}x rounding of 0"
        assert torch.equal(g32.sign(), g64.sign())


def test_one_pgd_step_from_the_digit_with_alpha_eps_is_fgsm():
    for model, x, y, eps in _fgsm_cases():
        model.eval()
        np.testing.assert_array_equal(_numpy(pgd_step(model, x, x, y, eps, eps)),
                                      _numpy(fgsm(model, x, y, eps)))


def test_steps_of_pgd_step_from_a_random_start_are_the_course_pgd():
    for model, _, x, y, eps, _ in _pgd_step_cases():
        steps, alpha = 5, 2.5 * eps / 5
        noise = 2 * torch.rand(x.shape, generator=torch.Generator().manual_seed(0)) - 1
        x_adv = (x + eps * noise).clamp(0, 1)
        for _ in range(steps):
            x_adv = pgd_step(model, x_adv, x, y, eps, alpha)
        course = pgd(model, x, y, eps, steps=steps, step_size=alpha, random_start=True, seed=0,
                     early_stop=False, keep="last")
        np.testing.assert_allclose(_numpy(x_adv), course, rtol=0, atol=1e-6)


def test_the_l2_step_has_length_eps_unless_the_clip_shortens_it():
    for model, x, y, eps in _fgm_cases():
        g = _gradient(model, x, y, torch.float64).numpy()
        free = x.double().numpy() + eps * g / np.linalg.norm(g, axis=1, keepdims=True)
        got = _numpy(fgm_l2(model, x, y, eps))
        np.testing.assert_allclose(got, np.clip(free, 0, 1), rtol=0, atol=1e-5)
        length = np.linalg.norm(got - x.double().numpy(), axis=1)
        assert np.all(length <= eps + 1e-5)
        unclipped = ((free >= 0) & (free <= 1)).all(axis=1)
        np.testing.assert_allclose(length[unclipped], eps, rtol=1e-5)


def _fgsm_without_eval(model, x, y, eps):
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def test_a_network_in_training_mode_is_one_case_and_model_eval_matters_there():
    (model, x, y, eps), = [c for c in _fgsm_cases() if c[0].training]
    in_training_mode = _fgsm_without_eval(copy.deepcopy(model), x, y, eps)
    assert not np.allclose(_numpy(in_training_mode), _numpy(fgsm(model, x, y, eps)), atol=1e-3)
    assert "evaluation mode" in check("ch05b.fgsm", _fgsm_without_eval).message


def test_the_frame_blind_network_ignores_exactly_the_frame():
    blind = [c for c in _fgsm_cases() if c[1].shape[0] == 1]
    assert blind, "no batch of 1 in the FGSM cases"
    model, x, y, _ = blind[0]
    g = _gradient(model, x, y, torch.float32).numpy().reshape(28, 28)
    assert np.all(g[FRAME] == 0) and np.count_nonzero(g[~FRAME]) > 0.9 * (~FRAME).sum()


@pytest.mark.parametrize("key", ["ch05b.fgsm", "ch05b.pgd_step", "ch05b.fgm_l2"])
def test_every_listed_mistake_gets_its_own_message(key):
    for wrong, message in exercises()[key].mistakes:
        feedback = check(key, wrong)
        assert feedback.correct is False and feedback.message.startswith(message), feedback.message


@pytest.mark.parametrize("make", [_fgsm_cases, _pgd_step_cases, _fgm_cases])
def test_making_the_cases_leaves_the_learners_random_state_alone(make):
    before = torch.random.get_rng_state()
    make()
    assert torch.equal(torch.random.get_rng_state(), before)


@pytest.mark.parametrize("key", ["ch05b.fgsm", "ch05b.pgd_step", "ch05b.fgm_l2"])
def test_the_unwritten_template_is_not_yet_an_answer(key):
    def template(*args):
        raise NotImplementedError  # replace this line with your code
    assert check(key, template).correct is None


@pytest.mark.parametrize("key, attached", [("ch05b.fgsm", _fgsm_left_attached),
                                           ("ch05b.pgd_step", _step_left_attached)])
def test_a_result_left_attached_to_the_gradient_is_named(key, attached):
    """Right values still tied to the gradient's graph: the question asks for a detached
    tensor, which the chapter's later cells can turn into numpy."""
    feedback = check(key, attached)
    assert feedback.correct is False and "gradient history" in feedback.message


def _grad(model, x, y):
    xx = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return g


def _fgsm_clips_the_perturbation(model, x, y, eps):
    model.eval()
    return (x + (eps * _grad(model, x, y).sign()).clamp(0, 1)).detach()   # brackets misplaced


def _pgd_scales_the_change(model, x_adv, x, y, eps, alpha):
    delta = x_adv + alpha * _grad(model, x_adv, y).sign() - x
    delta = delta * torch.clamp(eps / delta.abs().amax(dim=1, keepdim=True), max=1.0)
    return (x + delta).clamp(0, 1).detach()


def _fgm_by_l1_length(model, x, y, eps):
    g = _grad(model, x, y)
    return (x + eps * g / g.abs().sum(dim=1, keepdim=True)).clamp(0, 1)


@pytest.mark.parametrize("key, attempt, words", [
    ("ch05b.fgsm", _fgsm_clips_the_perturbation, "clipped the change"),
    ("ch05b.pgd_step", _pgd_scales_the_change, "scaled the whole change"),
    ("ch05b.fgm_l2", _fgm_by_l1_length, "L1 length")])
def test_a_misplaced_clip_a_scaled_box_and_the_l1_length_are_named(key, attempt, words):
    feedback = check(key, attempt)
    assert feedback.correct is False and words in feedback.message, feedback.message
