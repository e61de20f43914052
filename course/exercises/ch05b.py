"""Chapter 5b, adversarial digits and your own: questions answered with `course.adversarial`
and `course.preprocess` on the course's trained networks (`course.zoo`)."""

from functools import cache

import numpy as np
import torch
import torch.nn.functional as F

from ..adversarial import fgm_l2 as _fgm_l2_reference
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


@exercise("ch05b.border_or_size",
          "Is it the size or the border? fill_frame(data.x_test, margin=4) blows each test digit "
          "up until its bounding box fills a 20 × 20 square, the size MNIST's digits have, "
          "leaving 4 blank pixels on every side. What share of these digits (a number between "
          "0 and 1) does the course's MLP read right?",
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
          explanation="With a 4-pixel margin the digits are MNIST's size again, though not "
                      "centred by their centre of mass: most of the loss at the border comes "
                      "from the size and the ink at the edge, not from the network.")
def _border_or_size():
    return _margin_accuracy(_mlp(), 4)


# --------------------------------------------------------------------- write a function

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
            (cnn, x[500:505].clone(), y[500:505].clone(), 2.0)]


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


@code_exercise(
    "ch05b.fgm_l2",
    "Write fgm_l2(model, x, y, eps): the fast gradient method for an L2 budget. x is a batch "
    "of digits, a float tensor (n, 784) in [0, 1], y their labels (n,), model a torch "
    "classifier that returns logits. Move each digit by a step of L2 length eps along its own "
    "gradient of the cross-entropy loss, x' = x + eps · g / ‖g‖, and keep the pixels in "
    "[0, 1]. Return x' as an (n, 784) tensor.",
    hint="FGSM on the page computes the gradient g the same way. Instead of its sign, divide "
         "g by its length, one length per digit: g.norm(dim=1, keepdim=True) has shape (n, 1).",
    cases=_fgm_cases,
    rtol=1e-5, atol=1e-5,
    mistakes=[(_wrong_sign_step,
               "Every pixel moved by exactly eps: that is the sign step, the best use of an L∞ "
               "budget (each pixel at most eps). With an L2 budget the best step is along the "
               "gradient itself, scaled to length eps."),
              (_wrong_descends,
               "Your step goes down the loss: the attacker wants the loss of the true label "
               "to rise, so the step goes along the gradient, not against it."),
              (_wrong_batch_length,
               "You divided by the length of the whole batch's gradient; each digit has its "
               "own budget eps, so divide each row by its own length."),
              (_wrong_raw_gradient,
               "You stepped by eps times the raw gradient, whose length is not 1: scale each "
               "digit's gradient to length 1 first."),
              (_wrong_no_clip,
               "Some of your pixels leave [0, 1]: the result must still be an image."),
              (_wrong_own_answer,
               "You raised the loss of the network's own answer instead of the true label y: "
               "the attack pushes the digit away from its right class."),
              (_wrong_change_only,
               "You returned the change itself; return the changed digits, x plus the change.")],
    wrong_examples=[(_wrong_sign_step, "that is the sign step"),
                    (_wrong_descends, "goes down the loss"),
                    (_wrong_batch_length, "whole batch's gradient"),
                    (_wrong_raw_gradient, "raw gradient"),
                    (_wrong_no_clip, "leave [0, 1]"),
                    (_wrong_own_answer, "true label y")],
    reference=_fgm_l2_reference,
    explanation="Under ‖x' − x‖₂ <= eps, a linear approximation of the loss rises most along "
                "the gradient itself; with ‖x' − x‖∞ <= eps (FGSM) it is the sign.")
def fgm_l2(model, x, y, eps):
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y, reduction="sum")   # each digit's own loss, added
    (g,) = torch.autograd.grad(loss, x)                     # (n, 784)
    length = g.norm(dim=1, keepdim=True)                    # (n, 1): one length per digit
    return (x + eps * g / length).clamp(0, 1).detach()
