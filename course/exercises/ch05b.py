"""Chapter 5b, adversarial digits and your own: questions answered with `course.adversarial`
and `course.preprocess` on the course's trained networks (`course.zoo`), and the chapter's
attacks written by the learner: FGSM, one step of PGD with its projection, and the fast
gradient method for an L2 budget.

The attacks are checked on small fixed networks built here with fixed seeds and on copies
of the course's shipped networks, so every check gives the same verdict."""

import copy
from functools import cache

import numpy as np
import torch
import torch.nn.functional as F

from ..adversarial import _pgd_batch
from ..adversarial import fgm_l2 as _fgm_l2_reference
from ..adversarial import fgsm as _fgsm_reference
from ..adversarial import pgd as _pgd_reference
from ..check import code_exercise, exercise
from ..preprocess import fill_frame
from ..training import accuracy, make_cnn, make_mlp
from ..zoo import trained_cnn, trained_mlp
from ..data import bundled


@cache
def _mlp():
    return trained_mlp(bundled(), progress=False, verbose=False)[0]


@cache
def _cnn():
    return trained_cnn(bundled(), progress=False, verbose=False)[0]


def _margin_accuracy(model, margin: int) -> float:
    d = bundled()
    return float(accuracy(model, fill_frame(d.x_test, margin=margin), d.y_test))


@exercise("ch05b.max_l2",
          "FGSM with ε = 0.1 changes each of a digit's 784 pixels by at most 0.1. How long can "
          "that change be at most, measured as an L2 length (the square root of the sum of "
          "the squared changes of all pixels)?",
          hint="The longest change moves every pixel by the full 0.1. Add up 784 squares of "
               "0.1, then take the square root.",
          rtol=1e-3, atol=0.005,
          mistakes=[(lambda a: isinstance(a, (int, float)) and abs(a - 78.4) < 0.05,
                     "That is the sum of the changes (an L1 length); the L2 length adds their "
                     "squares and takes the square root."),
                    (lambda a: isinstance(a, (int, float)) and abs(a - 7.84) < 0.005,
                     "That is the sum of the squared changes: take its square root."),
                    (lambda a: isinstance(a, (int, float)) and abs(a - 0.1) < 1e-9,
                     "That is the largest change of a single pixel (the L∞ size, ε itself); "
                     "the question asks for the length of the change of all 784 pixels.")],
          explanation="sqrt(784 × 0.1²) = 28 × 0.1 = 2.8: a small change per pixel adds up to "
                      "a long change over all 784 pixels.")
def _max_l2():
    return float(np.sqrt(784 * 0.1 ** 2))


@exercise("ch05b.placement_cost",
          "What does the placement alone cost? With margin=4, fill_frame scales each test "
          "digit so that the longer side of its bounding box is 20 pixels, MNIST's size, and "
          "centres the box; MNIST's digits already have that size, so only where they sit "
          "changes (the box centred, not the centre of mass). What share of "
          "fill_frame(data.x_test, margin=4) (a number between 0 and 1) does the course's MLP "
          "read right?",
          hint="accuracy(mlp, fill_frame(data.x_test, margin=4), data.y_test); accuracy and "
               "fill_frame are imported in the notebook.",
          atol=0.0015,
          mistakes=[(lambda a: isinstance(a, (int, float)) and 1 < a <= 100,
                     "Give a share between 0 and 1, not a percentage."),
                    (lambda a: isinstance(a, (int, float))
                     and abs(a - _margin_accuracy(_mlp(), 0)) < 1e-9,
                     "That is without a margin (the digits touching the border): pass margin=4."),
                    (lambda a: isinstance(a, (int, float))
                     and abs(a - _margin_accuracy(_cnn(), 4)) < 1e-9,
                     "That is the CNN's share; the question asks about the MLP.")],
          explanation="With a 4-pixel margin the digits keep MNIST's size and only move, so "
                      "that their box is centred instead of their centre of mass. Beside the "
                      "original digits, the difference is what that placement costs; beside "
                      "the digits blown up to the border, what the blow-up to 28 pixels costs "
                      "on top of it.")
def _placement_cost():
    return _margin_accuracy(_mlp(), 4)


# --------------------------------------------------------------------- the cases' networks

def _digits(start: int, stop: int, haze: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Test digits start..stop-1 as the chapter gives them: (n, 784) float32 in [0, 1], and
    their (n,) int64 labels. ``haze`` > 0 adds a faint random grey (up to ``haze``, a fixed
    generator) to the blank paper. A CNN needs it: on blank paper every window of a max-pool
    holds the same value, and which of the tied pixels receives the gradient depends on the
    kernel (a batch of one, another processor), so a right FGSM written digit by digit could
    differ there."""
    d = bundled()
    x = d.x_test[start:stop].reshape(stop - start, 784).astype(np.float32) / 255
    if haze:
        grey = np.random.default_rng(start).uniform(0, haze, x.shape).astype(np.float32)
        x = np.where(x == 0, grey, x)
    return torch.from_numpy(x), torch.from_numpy(d.y_test[start:stop].astype(np.int64))


def _frame_blind_mlp() -> torch.nn.Module:
    """A small MLP (784-24-10, seed 6) that never looks at the outer 4 pixels of the frame,
    where MNIST has no ink: the loss does not depend on those pixels, so their gradient is
    exactly 0, and sign(0) = 0 leaves them as they are."""
    with torch.random.fork_rng():       # make_mlp seeds torch: leave the learner's RNG alone
        model = make_mlp((784, 24, 10), seed=6).eval()
    frame = np.ones((28, 28), dtype=bool)
    frame[4:24, 4:24] = False
    with torch.no_grad():
        model[1].weight[:, torch.from_numpy(frame.ravel())] = 0.0
    return model


def _small_mlp(seed: int) -> torch.nn.Module:
    """An untrained 784-32-10 MLP: its answers are mostly wrong, so an attack on its own
    answer differs from an attack on the true label y."""
    with torch.random.fork_rng():
        return make_mlp((784, 32, 10), seed=seed).eval()


def _batchnorm_cnn_training_mode() -> torch.nn.Module:
    """A CNN with batch normalisation, left in training mode (as a network is just after
    training). In training mode batch normalisation uses each batch's own statistics; the
    attack must switch to evaluation mode. Its dropout is 0, so that training mode is not
    random and a forgotten model.eval() gives the same wrong answer every time."""
    with torch.random.fork_rng():
        return make_cnn(channels=(8, 16), hidden=32, dropout=0.0, seed=5, batchnorm=True).train()


def _shipped(which: str) -> torch.nn.Module:
    """A copy of the course's trained network, in evaluation mode."""
    return copy.deepcopy(_mlp() if which == "MLP" else _cnn()).eval()


# --------------------------------------------------------------------- write a function: FGSM

def _fgsm_cases():
    """Batches of 6, 13, 1, 3 and 7 digits; ε from 0.05 to 0.25; an untrained MLP (its
    answers differ from y), the course's MLP and CNN, a network blind to the frame (zero
    gradients), and one that comes in training mode. The gradient's sign is clear on every
    pixel (tests/test_exercises_ch05b.py), so every right way of computing it agrees."""
    return [(_small_mlp(3), *_digits(0, 6), 0.1),
            (_shipped("MLP"), *_digits(910, 923), 0.25),
            (_frame_blind_mlp(), *_digits(300, 301), 0.05),
            (_shipped("CNN"), *_digits(183, 186, haze=0.05), 0.2),
            (_batchnorm_cnn_training_mode(), *_digits(700, 707, haze=0.05), 0.1)]


def _loss_gradient(model, x, y, loss=None):
    """x (detached) and ∇ₓ of the summed loss (cross-entropy of the logits by default)."""
    x = x.detach().clone().requires_grad_(True)
    value = F.cross_entropy(model(x), y, reduction="sum") if loss is None else loss(model(x), y)
    (grad,) = torch.autograd.grad(value, x)
    return x.detach(), grad


def _fgsm_with(step, loss=None, label=None, eval_mode=True):
    """An FGSM written with another step (a function of x, eps, grad), loss or label."""
    def wrong(model, x, y, eps):
        if eval_mode:
            model.eval()
        if label is not None:
            y = label(model, x, y)
        x, grad = _loss_gradient(model, x, y, loss)
        return step(x, eps, grad)
    return wrong


def _own_answer(model, x, y):
    with torch.no_grad():
        return model(x).argmax(dim=1)


def _right_step(x, eps, grad):
    return (x + eps * grad.sign()).clamp(0, 1)


# The mistakes `check` names in the chapter's words.
_fgsm_raw_gradient = _fgsm_with(lambda x, eps, g: (x + eps * g).clamp(0, 1))
_fgsm_descends = _fgsm_with(lambda x, eps, g: (x - eps * g.sign()).clamp(0, 1))
_fgsm_no_clip = _fgsm_with(lambda x, eps, g: x + eps * g.sign())
_fgsm_clip_255 = _fgsm_with(lambda x, eps, g: (x + eps * g.sign()).clamp(0, 255))
_fgsm_change_only = _fgsm_with(lambda x, eps, g: eps * g.sign())
_fgsm_l2_step = _fgsm_with(lambda x, eps, g: (x + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1))
_fgsm_zero_over_zero = _fgsm_with(lambda x, eps, g: (x + eps * g / torch.abs(g)).clamp(0, 1))
_fgsm_one_direction = _fgsm_with(lambda x, eps, g: (x + eps * g.sum(dim=0).sign()).clamp(0, 1))
_fgsm_own_answer = _fgsm_with(_right_step, label=_own_answer)
_fgsm_softmax_twice = _fgsm_with(_right_step, loss=lambda logits, y: F.cross_entropy(
    torch.softmax(logits, dim=1), y, reduction="sum"))
_fgsm_nll_of_logits = _fgsm_with(_right_step, loss=lambda logits, y: F.nll_loss(logits, y, reduction="sum"))
_fgsm_training_mode = _fgsm_with(_right_step, eval_mode=False)
_fgsm_clips_the_step = _fgsm_with(lambda x, eps, g: x + (eps * g.sign()).clamp(0, 1))


# Other ways to get it wrong, as a learner would write them: `check` must name each.

def _fgsm_clip_first(model, x, y, eps):
    model.eval()
    x0, grad = _loss_gradient(model, x, y)
    return x0.clamp(0, 1) + eps * grad.sign()            # the clip comes before the step


def _fgsm_in_place(model, x, y, eps):
    model.eval()
    _, grad = _loss_gradient(model, x, y)
    return x.add_(eps * grad.sign()).clamp_(0, 1)        # moves the caller's digits


def _fgsm_divides_by_size(model, x, y, eps):
    model.eval()
    x0, grad = _loss_gradient(model, x, y)
    return (x0 + eps * grad / grad.abs()).clamp(0, 1)    # 0 / 0 where the gradient is 0


def _fgsm_numpy_copy(model, x, y, eps):
    model.eval()
    x = x.copy().requires_grad_(True)                    # numpy's copy; a tensor has clone
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def _fgsm_no_requires_grad(model, x, y, eps):
    model.eval()
    loss = F.cross_entropy(model(x), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, x)
    return (x + eps * grad.sign()).clamp(0, 1)


def _fgsm_minus_loss(model, x, y, eps):
    model.eval()
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(-F.cross_entropy(model(x), y), x)   # the gradient of -L
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def _fgsm_most_probable(model, x, y, eps):
    model.eval()
    with torch.no_grad():
        guess = torch.softmax(model(x), dim=1).argmax(dim=1)
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), guess)
    loss.backward()
    return (x + eps * x.grad.sign()).clamp(0, 1).detach()


def _fgsm_left_attached(model, x, y, eps):
    model.eval()
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)
    return (x + eps * grad.sign()).clamp(0, 1)            # still part of the gradient's graph


def _fgsm_batch_mean_gradient(model, x, y, eps):
    model.eval()
    x0, grad = _loss_gradient(model, x, y)
    return (x0 + eps * grad.mean(dim=0, keepdim=True).sign()).clamp(0, 1)


# Other right ways to write it: `check` must accept each.

def _fgsm_backward_mean(model, x, y, eps):
    model.train(False)                                   # the same as model.eval()
    x = x.detach().clone().requires_grad_(True)
    F.cross_entropy(model(x), y).backward()              # the mean: 1/n scales, the sign stays
    return torch.clamp(x.detach() + eps * torch.sign(x.grad), 0.0, 1.0)


def _fgsm_digit_by_digit(model, x, y, eps):
    model.eval()
    out = []
    for digit, label in zip(x, y):                       # one digit at a time, a batch of 1
        digit = digit[None].clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(F.cross_entropy(model(digit), label[None]), digit)
        out.append((digit + eps * grad.sign()).clamp(0, 1).detach()[0])
    return torch.stack(out)


def _fgsm_numpy(model, x, y, eps):
    model.eval()
    x = x.clone().requires_grad_(True)
    losses = F.cross_entropy(model(x), y, reduction="none")
    (grad,) = torch.autograd.grad(losses.sum(), x)
    return np.clip(x.detach().numpy() + eps * np.sign(grad.numpy()), 0, 1)   # an array


@code_exercise(
    "ch05b.fgsm",
    "Write fgsm(model, x, y, eps): the fast gradient sign method. x is a batch of digits, a "
    "float tensor (n, 784) in [0, 1], y their labels (n,), model a torch classifier that "
    "returns logits; it may come in training mode, and the attack is on the network as it "
    "answers, in evaluation mode. Return x' = clip(x + ε · sign(∇ₓL(x, y)), 0, 1), with L "
    "the cross-entropy loss of each digit's true label: an (n, 784) tensor without gradient "
    "history (detached). Leave x as it is.",
    hint="Three pieces, in the order of the formula: ∇ₓL as in the cell that computes the "
         "gradient for 50 digits (on a copy of x), its sign, and the clip of x + ε · sign "
         "into [0, 1]. Before them, switch the network to evaluation mode.",
    cases=_fgsm_cases,
    rtol=1e-6, atol=1e-6,
    mistakes=[(_fgsm_raw_gradient,
               "You stepped by ε times the gradient ∇ₓL itself. FGSM moves every pixel by the "
               "full ε, up or down: only the sign of each pixel's gradient counts."),
              (_fgsm_descends,
               "Your step goes down the loss, which makes the network surer of the right "
               "answer. The attacker wants the loss of the true label to rise: step along "
               "the gradient's sign, not against it."),
              (_fgsm_no_clip,
               "Some of your pixels leave [0, 1] (paper pushed below 0, ink above 1): the "
               "result must still be an image. Clip the stepped digits, after the step."),
              (_fgsm_clip_255,
               "Some of your pixels are above 1: here a pixel runs from 0 (paper) to 1 (ink), "
               "not to 255 as in the uint8 files."),
              (_fgsm_change_only,
               "You returned the change itself; return the changed digits: x plus the "
               "change, clipped."),
              (_fgsm_l2_step,
               "You scaled each digit's gradient to length ε: that is the best step for a "
               "budget on the total (L2) length, exercise 3. FGSM's budget is ε per pixel "
               "(L∞), and its best step moves every pixel by the full ε."),
              (_fgsm_zero_over_zero,
               "Your result has NaN (not a number) where a pixel's gradient is 0: ∇ₓL / |∇ₓL| "
               "is 0/0 there. sign(0) is 0: a pixel the loss does not depend on stays as it "
               "is."),
              (_fgsm_one_direction,
               "Every digit got the same change: you took one direction for the whole batch. "
               "Row i of ∇ₓL is digit i's own gradient, and each digit moves by its own sign."),
              (_fgsm_own_answer,
               "You raised the loss of the network's own answer instead of the true label y: "
               "the attack pushes each digit away from its right class."),
              (_fgsm_softmax_twice,
               "Your loss is the cross-entropy of probabilities: F.cross_entropy applies "
               "softmax itself, so it takes the logits, the network's raw outputs."),
              (_fgsm_nll_of_logits,
               "Your loss is minus the true class's logit, not the cross-entropy: "
               "F.nll_loss expects log-probabilities (after log_softmax), not logits."),
              (_fgsm_training_mode,
               "On one case the network comes in training mode, where batch normalisation "
               "uses each batch's own statistics (and dropout would switch units off at "
               "random): switch it to evaluation mode before you attack it."),
              (_fgsm_clips_the_step,
               "You clipped the change ε · sign(∇ₓL) into [0, 1], not the changed digits: that "
               "turns every step downwards into no step at all (−ε becomes 0) and lets ink "
               "pass 1. The clip keeps an image an image: it applies to x plus the change.")],
    wrong_examples=[(_fgsm_raw_gradient, "gradient ∇ₓL itself"),
                    (_fgsm_descends, "goes down the loss"),
                    (_fgsm_no_clip, "leave [0, 1]"),
                    (_fgsm_own_answer, "true label y"),
                    (_fgsm_training_mode, "evaluation mode"),
                    (_fgsm_clip_first, "leave [0, 1]"),
                    (_fgsm_in_place, "changes its input `x`"),
                    (_fgsm_divides_by_size, "NaN"),
                    (_fgsm_numpy_copy, "AttributeError"),
                    (_fgsm_no_requires_grad, "requires_grad"),
                    (_fgsm_minus_loss, "goes down the loss"),
                    (_fgsm_most_probable, "true label y"),
                    (_fgsm_batch_mean_gradient, "the same change"),
                    (_fgsm_clips_the_step, "clipped the change")],
    right_examples=[_fgsm_backward_mean, _fgsm_digit_by_digit, _fgsm_numpy],
    reference=_fgsm_reference,
    explanation="Under the budget |x' − x| <= ε per pixel (L∞), a straight-line approximation "
                "of the loss, L(x) + ∇ₓL · (x' − x), rises most at a corner of the box: every "
                "pixel moves by the full ε in the direction of its gradient's sign. The clip "
                "keeps an image an image; it can only shorten the step.")
def fgsm(model, x, y, eps):
    model.eval()                                                                      # the network as it answers
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)  # ∇ₓ L
    return (x + eps * grad.sign()).clamp(0, 1).detach()                              # one step of ε


# --------------------------------------------------------------------- write a function: a PGD step

def _start(x: torch.Tensor, eps: float, how: str, seed: int) -> torch.Tensor:
    """Where a PGD step starts: at a corner of the ε-box (every pixel ε up or down, then
    clipped) or at a random point of it, drawn from its own generator."""
    u = torch.rand(x.shape, generator=torch.Generator().manual_seed(seed))
    direction = torch.where(u < 0.5, -1.0, 1.0) if how == "corner" else 2 * u - 1
    return (x + eps * direction).clamp(0, 1)


def _pgd_step_cases():
    """Batches of 7, 12, 1 and 5 digits; ε from 0.05 to 0.3 and α from 0.02 to 0.15 (once
    larger than ε, where projecting around the current image and not projecting at all
    differ); steps from a corner of the box (where most pixels sit on its edge), from a
    random point, from the digit itself, and from the third iterate of the course's pgd."""
    x1, y1 = _digits(777, 784)
    x2, y2 = _digits(768, 780)
    x3, y3 = _digits(300, 301)
    x4, y4 = _digits(725, 730)
    cnn = _shipped("CNN")
    third = torch.from_numpy(_pgd_reference(cnn, x4, y4, 0.3, steps=3, step_size=0.075,
                                            early_stop=False, keep="last"))
    return [(_small_mlp(7), _start(x1, 0.1, "corner", 1), x1, y1, 0.1, 0.15),
            (_shipped("MLP"), _start(x2, 0.2, "random", 2), x2, y2, 0.2, 0.05),
            (_frame_blind_mlp(), x3.clone(), x3, y3, 0.05, 0.02),
            (cnn, third, x4, y4, 0.3, 0.075)]


def _pgd_step_reference(model, x_adv, x, y, eps, alpha):
    """The course's PGD (`course.adversarial.pgd`'s loop over a batch) for one step from
    x_adv, returning the last iterate."""
    return _pgd_batch(model, x, y, float(eps), 1, float(alpha), False, "last", [x_adv])


def _into_box(v, x, eps):
    return torch.min(torch.max(v, x - eps), x + eps).clamp(0, 1)


def _box(v, x, x_adv, eps, alpha):
    return _into_box(v, x, eps)


def _step_with(step=lambda x_adv, alpha, g: x_adv + alpha * g.sign(), project=_box,
               at_original=False, label=None):
    """A PGD step written with another step (x_adv, alpha, grad), projection (v, x, x_adv,
    eps, alpha), point for the gradient or label."""
    def wrong(model, x_adv, x, y, eps, alpha):
        if label is not None:
            y = label(model, x_adv, y)
        _, grad = _loss_gradient(model, x if at_original else x_adv, y)
        return project(step(x_adv.detach(), alpha, grad), x, x_adv, eps, alpha)
    return wrong


def _l2_ball(v, x, x_adv, eps, alpha):
    d = v - x
    length = d.norm(dim=1, keepdim=True)
    return (x + d * torch.clamp(eps / length, max=1.0)).clamp(0, 1)


def _scaled_into_box(v, x, x_adv, eps, alpha):
    """The whole change v − x scaled down until its largest pixel is ε (not clipped pixel by
    pixel), then clipped into [0, 1]."""
    d = v - x
    largest = d.abs().amax(dim=1, keepdim=True).clamp_min(1e-12)
    return (x + d * torch.clamp(eps / largest, max=1.0)).clamp(0, 1)


# The mistakes `check` names in the chapter's words.
_step_raw_gradient = _step_with(step=lambda x_adv, alpha, g: x_adv + alpha * g, project=_box)
_step_descends = _step_with(step=lambda x_adv, alpha, g: x_adv - alpha * g.sign(), project=_box)
_step_zero_over_zero = _step_with(step=lambda x_adv, alpha, g: x_adv + alpha * g / torch.abs(g),
                                  project=_box)
_step_no_ball = _step_with(project=lambda v, x, x_adv, eps, alpha: v.clamp(0, 1))
_step_no_pixel_clip = _step_with(project=lambda v, x, x_adv, eps, alpha:
                                 torch.min(torch.max(v, x - eps), x + eps))
_step_no_projection = _step_with(project=lambda v, x, x_adv, eps, alpha: v)
_step_around_current = _step_with(project=lambda v, x, x_adv, eps, alpha: _into_box(v, x_adv, eps))
_step_alpha_box = _step_with(project=lambda v, x, x_adv, eps, alpha: _into_box(v, x, alpha))
_step_l2_ball = _step_with(project=_l2_ball)
_step_gradient_at_x = _step_with(project=_box, at_original=True)
_step_own_answer = _step_with(project=_box, label=_own_answer)
_step_scaled_change = _step_with(project=_scaled_into_box)


def _step_by_eps(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    return _into_box(x_adv.detach() + eps * grad.sign(), x, eps)


def _step_from_x(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    return _into_box(x.detach() + alpha * grad.sign(), x, eps)


# Other ways to get it wrong, as a learner would write them: `check` must name each.

def _step_clip_first(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    v = x_adv.clamp(0, 1) + alpha * grad.sign()          # clipped before the step, not after
    return torch.min(torch.max(v, x - eps), x + eps)


def _step_project_first(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    inside = torch.min(torch.max(x_adv, x - eps), x + eps).clamp(0, 1)
    return inside + alpha * grad.sign()                   # projected, then stepped out again


def _step_in_place(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    x_adv += alpha * grad.sign()                          # moves the caller's image
    return torch.min(torch.max(x_adv, x - eps), x + eps).clamp(0, 1)


def _step_numpy_copy(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.copy().requires_grad_(True)            # numpy's copy; a tensor has clone
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)
    v = x_adv.detach() + alpha * grad.sign()
    return torch.min(torch.max(v, x - eps), x + eps).clamp(0, 1)


def _step_divides_by_size(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    v = x_adv + alpha * grad / grad.abs()                 # 0 / 0 where the gradient is 0
    return torch.clamp(torch.clamp(v, x - eps, x + eps), 0, 1)


def _step_minus_loss(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(-F.cross_entropy(model(x_adv), y), x_adv)   # the gradient of -L
    v = x_adv.detach() + alpha * grad.sign()
    return torch.clamp(torch.clamp(v, x - eps, x + eps), 0, 1)


def _step_no_requires_grad(model, x_adv, x, y, eps, alpha):
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y), x_adv)
    v = x_adv + alpha * grad.sign()
    return torch.clamp(torch.clamp(v, x - eps, x + eps), 0, 1)


def _step_left_attached(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)
    v = x_adv + alpha * grad.sign()                       # still part of the gradient's graph
    return torch.clamp(torch.clamp(v, x - eps, x + eps), 0, 1)


def _step_most_probable(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    logits = model(x_adv)
    F.cross_entropy(logits, torch.softmax(logits, dim=1).argmax(dim=1)).backward()
    v = x_adv.detach() + alpha * x_adv.grad.sign()
    return torch.clamp(torch.clamp(v, x - eps, x + eps), 0, 1)


def _step_clamp_around_current(model, x_adv, x, y, eps, alpha):
    _, grad = _loss_gradient(model, x_adv, y)
    v = x_adv + alpha * grad.sign()
    return torch.clamp(v, x_adv - eps, x_adv + eps).clamp(0, 1)   # the box follows the image


def _step_differentiates_at_x(model, x_adv, x, y, eps, alpha):
    x = x.clone().requires_grad_(True)
    F.cross_entropy(model(x), y, reduction="sum").backward()      # the gradient at the digit
    v = x_adv + alpha * x.grad.sign()
    return torch.clamp(torch.clamp(v, x.detach() - eps, x.detach() + eps), 0, 1)


# Other right ways to write it: `check` must accept each.

def _step_as_the_course(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.detach().requires_grad_(True)
    losses = F.cross_entropy(model(x_adv), y, reduction="none")
    (grad,) = torch.autograd.grad(losses.sum(), x_adv)
    lo, hi = (x - eps).clamp(min=0), (x + eps).clamp(max=1)      # both limits at once
    return torch.maximum(torch.minimum(x_adv.detach() + alpha * grad.sign(), hi), lo)


def _step_tensor_limits(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    F.cross_entropy(model(x_adv), y).backward()                 # the mean: the sign is the same
    moved = x_adv.detach() + alpha * x_adv.grad.sign()
    return torch.clamp(torch.clamp(moved, x - eps, x + eps), 0.0, 1.0)


def _step_numpy(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)
    moved = x_adv.detach().numpy() + alpha * np.sign(grad.numpy())
    x = x.numpy()
    return np.clip(np.clip(moved, x - eps, x + eps), 0, 1)        # an array


@code_exercise(
    "ch05b.pgd_step",
    "Write pgd_step(model, x_adv, x, y, eps, alpha): one step of PGD. x is a batch of digits, "
    "a float tensor (n, 784) in [0, 1], y their labels (n,), model a torch classifier in "
    "evaluation mode that returns logits; x_adv (n, 784) is the current image, each row "
    "within ε of its digit. Move every pixel of x_adv by α in the direction of the sign of "
    "∇L(x_adv, y), the gradient at x_adv, then project: clip each pixel into "
    "[x − ε, x + ε] around the original digit, and into [0, 1]. Return the new x_adv, "
    "(n, 784), without gradient history (detached). Leave x_adv and x as they are.",
    hint="The gradient as in your fgsm, but at x_adv. After the step, two clips: one to "
         "the box around the original x (the bounds x − ε and x + ε are tensors: "
         "torch.minimum and torch.maximum take tensors), one to [0, 1].",
    cases=_pgd_step_cases,
    rtol=1e-6, atol=1e-6,
    mistakes=[(_step_raw_gradient,
               "You stepped by α times the gradient itself. A PGD step moves every pixel by "
               "α, up or down: only the sign of each pixel's gradient counts."),
              (_step_descends,
               "Your step goes down the loss, which makes the network surer of the right "
               "answer. The attacker wants the loss of the true label to rise."),
              (_step_zero_over_zero,
               "Your result has NaN (not a number) where a pixel's gradient is 0: ∇L / |∇L| "
               "is 0/0 there. sign(0) is 0: a pixel the loss does not depend on stays as it "
               "is."),
              (_step_no_ball,
               "Some of your pixels end up more than ε from the original digit x: after the "
               "step, project back into the box [x − ε, x + ε] as well as into [0, 1]."),
              (_step_no_pixel_clip,
               "Some of your pixels leave [0, 1] (paper pushed below 0, ink above 1): the "
               "box around x reaches outside the pixel range, so clip into [0, 1] as well."),
              (_step_no_projection,
               "Your step leaves both the box around x and [0, 1]: the projection comes after "
               "the step (before it, the image is already inside; the step takes it out)."),
              (_step_around_current,
               "You projected into a box around the current image x_adv: it moves with every "
               "step, so many steps drift far from the digit. The box is around the original "
               "digit x, the same for every step."),
              (_step_alpha_box,
               "You kept the pixels within α of the digit: the box's half-width is ε, the "
               "budget. α is only the size of one step."),
              (_step_l2_ball,
               "You projected onto a ball of L2 length ε around x. PGD's budget here is ε "
               "per pixel (L∞): each pixel is clipped on its own."),
              (_step_by_eps,
               "Your step moves every pixel by ε, the whole budget: one PGD step moves by α, "
               "the step size, and ε only bounds how far all the steps together may go."),
              (_step_from_x,
               "Your step starts from the original digit x, so every step starts over: it "
               "starts from where the attack stands now, x_adv, and moves on from there."),
              (_step_gradient_at_x,
               "You took the gradient at the original digit x; each step takes it where the "
               "attack stands now, at x_adv: that is how PGD finds what one step misses."),
              (_step_own_answer,
               "You raised the loss of the network's own answer instead of the true label y: "
               "the attack pushes each digit away from its right class."),
              (_step_scaled_change,
               "You scaled the whole change from x down until its largest pixel is ε: that "
               "shrinks every pixel's change, also those well inside the box. The projection "
               "clips each pixel on its own into [x − ε, x + ε]: a pixel that went too far "
               "comes back to the edge of the box, the others stay where the step put them.")],
    wrong_examples=[(_step_raw_gradient, "gradient itself"),
                    (_step_descends, "goes down the loss"),
                    (_step_no_ball, "more than ε from the original digit"),
                    (_step_no_pixel_clip, "leave [0, 1]"),
                    (_step_around_current, "around the current image"),
                    (_step_alpha_box, "half-width is ε"),
                    (_step_l2_ball, "L2 length"),
                    (_step_gradient_at_x, "at the original digit"),
                    (_step_clip_first, "leave [0, 1]"),
                    (_step_project_first, "the projection comes after the step"),
                    (_step_in_place, "changes its input `x_adv`"),
                    (_step_numpy_copy, "AttributeError"),
                    (_step_divides_by_size, "NaN"),
                    (_step_minus_loss, "goes down the loss"),
                    (_step_no_requires_grad, "requires_grad"),
                    (_step_most_probable, "true label y"),
                    (_step_clamp_around_current, "around the current image"),
                    (_step_differentiates_at_x, "at the original digit"),
                    (_step_scaled_change, "scaled the whole change")],
    right_examples=[_step_as_the_course, _step_tensor_limits, _step_numpy],
    reference=_pgd_step_reference,
    explanation="Clipping each pixel into [x − ε, x + ε] and then into [0, 1] is the "
                "projection onto the allowed images: the nearest image within ε of the digit "
                "that is still an image. Because the box stays around the original digit, "
                "any number of steps stays within ε of it. With α = ε, one step from x "
                "itself is FGSM.")
def pgd_step(model, x_adv, x, y, eps, alpha):
    x_adv = x_adv.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_adv), y, reduction="sum"), x_adv)  # ∇L at x_adv
    x_adv = x_adv.detach() + alpha * grad.sign()                       # up the loss
    return torch.min(torch.max(x_adv, x - eps), x + eps).clamp(0, 1)  # back into the box


# --------------------------------------------------------------------- write a function: an L2 step

def _fgm_cases():
    d = bundled()
    with torch.random.fork_rng():        # the models' random starts leave the learner's RNG alone
        mlp = make_mlp((784, 32, 10), seed=3).eval()
        cnn = make_cnn(seed=4).eval()
    x = torch.from_numpy(d.x_test.reshape(len(d.x_test), -1).astype(np.float32) / 255)
    y = torch.from_numpy(d.y_test.astype(np.int64))
    return [(mlp, x[:6].clone(), y[:6].clone(), 1.0),
            (mlp, x[20:32].clone(), y[20:32].clone(), 2.5),
            (mlp, x[300:303].clone(), y[300:303].clone(), 0.5),
            (cnn, *_digits(500, 505, haze=0.05), 2.0)]


def _gradient(model, x, y):
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)
    return x.detach(), grad


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_sign_step(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad.sign()).clamp(0, 1)


def _wrong_descends(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x - eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1)


def _wrong_batch_length(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad / grad.norm()).clamp(0, 1)


def _wrong_raw_gradient(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad).clamp(0, 1)


def _wrong_no_clip(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return x + eps * grad / grad.norm(dim=1, keepdim=True)


def _wrong_own_answer(model, x, y, eps):
    with torch.no_grad():
        guess = model(x).argmax(dim=1)
    x, grad = _gradient(model, x, guess)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1)


def _wrong_change_only(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return eps * grad / grad.norm(dim=1, keepdim=True)


def _wrong_pixel_lengths(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad / grad.norm(dim=0, keepdim=True)).clamp(0, 1)


def _wrong_squared_length(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad / (grad ** 2).sum(dim=1, keepdim=True)).clamp(0, 1)


def _wrong_l1_length(model, x, y, eps):
    x, grad = _gradient(model, x, y)
    return (x + eps * grad / grad.abs().sum(dim=1, keepdim=True)).clamp(0, 1)


# Other ways to get it wrong, as a learner would write them: `check` must name each.

def _fgm_in_place(model, x, y, eps):
    _, grad = _gradient(model, x, y)
    x += eps * grad / grad.norm(dim=1, keepdim=True)      # moves the caller's digits
    return x.clamp(0, 1)


def _fgm_numpy_copy(model, x, y, eps):
    x = x.copy().requires_grad_(True)                     # numpy's copy; a tensor has clone
    (g,) = torch.autograd.grad(F.cross_entropy(model(x), y, reduction="sum"), x)
    return (x + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def _fgm_no_requires_grad(model, x, y, eps):
    (g,) = torch.autograd.grad(F.cross_entropy(model(x), y), x)
    return (x + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1)


def _fgm_minus_loss(model, x, y, eps):
    x = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(-F.cross_entropy(model(x), y), x)       # the gradient of -L
    return (x + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def _fgm_linalg_batch_norm(model, x, y, eps):
    x, g = _gradient(model, x, y)
    return (x + eps * g / torch.linalg.norm(g)).clamp(0, 1)             # one length for all


def _fgm_clip_first(model, x, y, eps):
    x, g = _gradient(model, x, y)
    return x.clamp(0, 1) + eps * g / g.norm(dim=1, keepdim=True)        # clipped before the step


def _fgm_most_probable(model, x, y, eps):
    x = x.clone().requires_grad_(True)
    logits = model(x)
    F.cross_entropy(logits, torch.softmax(logits, dim=1).argmax(dim=1)).backward()
    g = x.grad
    return (x.detach() + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1)


def _fgm_lengths_over_digits(model, x, y, eps):
    x, g = _gradient(model, x, y)
    return (x + eps * g / torch.linalg.norm(g, dim=0)).clamp(0, 1)     # one length per pixel


def _fgm_sum_of_squares(model, x, y, eps):
    x, g = _gradient(model, x, y)
    return (x + eps * g / (g * g).sum(dim=1)[:, None]).clamp(0, 1)      # no square root


# Other right ways to write it: `check` must accept each.

def _fgm_backward_mean(model, x, y, eps):
    x = x.detach().clone().requires_grad_(True)
    F.cross_entropy(model(x), y).backward()               # the mean: 1/n cancels in g / ‖g‖
    g = x.grad
    length = torch.sqrt((g ** 2).sum(dim=1, keepdim=True))
    return torch.clamp(x.detach() + eps * g / length, 0.0, 1.0)


def _fgm_digit_by_digit(model, x, y, eps):
    out = []
    for digit, label in zip(x, y):                        # one digit at a time
        digit = digit[None].clone().requires_grad_(True)
        (g,) = torch.autograd.grad(F.cross_entropy(model(digit), label[None]), digit)
        out.append((digit + eps * g / torch.linalg.norm(g)).clamp(0, 1).detach()[0])
    return torch.stack(out)


def _fgm_numpy(model, x, y, eps):
    x, g = _gradient(model, x, y)
    g = g.numpy()
    step = eps * g / np.linalg.norm(g, axis=1, keepdims=True)
    return np.clip(x.numpy() + step, 0, 1)                 # an array


@code_exercise(
    "ch05b.fgm_l2",
    "Write fgm_l2(model, x, y, eps): the fast gradient method for an L2 budget. x is a batch "
    "of digits, a float tensor (n, 784) in [0, 1], y their labels (n,), model a torch "
    "classifier that returns logits. Move each digit by a step of L2 length ε (eps) along its "
    "own gradient of the cross-entropy loss, x' = x + ε · g / ‖g‖, and keep the pixels in "
    "[0, 1]. Return x' as an (n, 784) tensor without gradient history (detached).",
    hint="Your fgsm computes the gradient g the same way. Instead of its sign, divide "
         "g by its length, one length per digit: g.norm(dim=1, keepdim=True) has shape (n, 1).",
    cases=_fgm_cases,
    rtol=1e-5, atol=1e-5,
    mistakes=[(_wrong_sign_step,
               "Every pixel moved by exactly ε: that is the sign step, the best use of an L∞ "
               "budget (each pixel at most ε). With an L2 budget the best step is along the "
               "gradient itself, scaled to length ε."),
              (_wrong_descends,
               "Your step goes down the loss: the attacker wants the loss of the true label "
               "to rise, so the step goes along the gradient, not against it."),
              (_wrong_batch_length,
               "You divided by the length of the whole batch's gradient; each digit has its "
               "own budget ε, so divide each row by its own length."),
              (_wrong_raw_gradient,
               "You stepped by ε times the raw gradient, whose length is not 1: scale each "
               "digit's gradient to length 1 first."),
              (_wrong_no_clip,
               "Some of your pixels leave [0, 1]: the result must still be an image. Clip "
               "the stepped digits, after the step."),
              (_wrong_own_answer,
               "You raised the loss of the network's own answer instead of the true label y: "
               "the attack pushes the digit away from its right class."),
              (_wrong_change_only,
               "You returned the change itself; return the changed digits, x plus the change."),
              (_wrong_pixel_lengths,
               "You took lengths across the batch, one per pixel (dim=0). A digit's length "
               "runs over its own 784 pixels: one length per row."),
              (_wrong_squared_length,
               "You divided by the squared length ‖g‖², the sum of squares: the length ‖g‖ "
               "is its square root."),
              (_wrong_l1_length,
               "You divided by the sum of the sizes |g_i|, the L1 length of g: the step is then "
               "shorter than ε. ‖g‖ is the L2 length, the square root of the sum of the "
               "squares g_i².")],
    wrong_examples=[(_wrong_sign_step, "that is the sign step"),
                    (_wrong_descends, "goes down the loss"),
                    (_wrong_batch_length, "whole batch's gradient"),
                    (_wrong_raw_gradient, "raw gradient"),
                    (_wrong_no_clip, "leave [0, 1]"),
                    (_wrong_own_answer, "true label y"),
                    (_fgm_in_place, "changes its input `x`"),
                    (_fgm_numpy_copy, "AttributeError"),
                    (_fgm_no_requires_grad, "requires_grad"),
                    (_fgm_minus_loss, "goes down the loss"),
                    (_fgm_linalg_batch_norm, "whole batch's gradient"),
                    (_fgm_clip_first, "leave [0, 1]"),
                    (_fgm_most_probable, "true label y"),
                    (_fgm_lengths_over_digits, "one per pixel"),
                    (_fgm_sum_of_squares, "squared length"),
                    (_wrong_l1_length, "the L1 length")],
    right_examples=[_fgm_backward_mean, _fgm_digit_by_digit, _fgm_numpy],
    reference=_fgm_l2_reference,
    explanation="Under ‖x' − x‖₂ <= ε, a straight-line approximation of the loss rises most "
                "along the gradient itself; with ‖x' − x‖∞ <= ε (FGSM) it is the sign.")
def fgm_l2(model, x, y, eps):
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y, reduction="sum")   # each digit's own loss, added
    (g,) = torch.autograd.grad(loss, x)                     # (n, 784)
    length = g.norm(dim=1, keepdim=True)                    # (n, 1): one length per digit
    return (x + eps * g / length).clamp(0, 1).detach()
