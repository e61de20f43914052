"""Dreams: gradient ascent on the input pixels (chapter 5a, from the fooling post).

Hold a trained network fixed and change the *image* instead: start from random pixels
and climb the gradient of the log-probability the network gives a target class,
``log p_t(x)``, clipping the pixels to [0, 1] after each step. The fooling post hoped
for idealised digits and got noise. `dream` does the naive version and, with priors that
push the image towards natural-looking ones (as in Google's DeepDream post):

* ``tv``: a total-variation penalty, ``mean |x[i, j+1] - x[i, j]| + mean |x[i+1, j] -
  x[i, j]|``, which favours flat regions and sharp edges over speckle;
* ``blur``: a Gaussian blur of standard deviation ``blur`` pixels every few steps;
* ``jitter``: the image is shifted by up to ``jitter`` pixels (a random roll) before
  each forward pass, so a pattern must work wherever it sits;
* ``stats_weight`` with a `course.fooling.PixelPrior`: the fooling post's pixel statistics,
  the row and column variograms of real digits of the target class (the histogram has
  no gradient and is left out here; the genetic algorithm uses it).

`digit_likeness` judges the results without the network: the distance to the nearest
real digit, and whether that digit has the target label.

Everything is batched: one call dreams every (target, seed) pair at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

__all__ = ["Dream", "dream", "total_variation", "gaussian_blur", "digit_likeness"]


def total_variation(x: torch.Tensor) -> torch.Tensor:
    """Mean absolute difference of horizontal and of vertical neighbours: (n,) for
    x (n, 28, 28). (The lag-1 variograms g_x[0] + g_y[0] of `course.pixel_stats`.)"""
    return (x[:, :, 1:] - x[:, :, :-1]).abs().mean((1, 2)) + \
        (x[:, 1:, :] - x[:, :-1, :]).abs().mean((1, 2))


def gaussian_blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """Blur (n, 28, 28) images with a Gaussian of ``sigma`` pixels (edges: zero padding)."""
    radius = max(1, int(np.ceil(2 * sigma)))
    r = torch.arange(-radius, radius + 1, dtype=x.dtype)
    k = torch.exp(-0.5 * (r / sigma) ** 2)
    k = k / k.sum()
    y = x[:, None]
    y = torch.nn.functional.conv2d(y, k.reshape(1, 1, 1, -1), padding=(0, radius))
    y = torch.nn.functional.conv2d(y, k.reshape(1, 1, -1, 1), padding=(radius, 0))
    return y[:, 0]


@dataclass
class Dream:
    """What `dream` returns.

    images : (n, 28, 28) float32 in [0, 1], one per entry of targets.
    targets : (n,) the class each image was pushed towards.
    probabilities : (n, 10) the network's softmax for each final image.
    confidence : (n,) the probability of the target class.
    trace : (steps + 1, n) the target probability before each step and at the end.
    """

    images: np.ndarray
    targets: np.ndarray
    probabilities: np.ndarray
    confidence: np.ndarray
    trace: np.ndarray


def dream(model, targets, *, steps: int = 100, lr: float = 0.05, seed: int = 0,
          tv: float = 0.0, blur: float = 0.0, blur_every: int = 4, jitter: int = 0,
          stats_weight: float = 0.0, prior=None, start: float | None = None,
          threads: int | None = 1) -> Dream:
    """Gradient ascent on the pixels of random images, one image per entry of targets.

    model : torch network, (n, 784) pixels -> (n, 10) logits (it is put in eval mode).
    targets : (n,) classes 0..9 (repeat a class to dream it from several random starts).
    steps, lr : ``x <- clip(x + lr * d objective / dx, 0, 1)`` for ``steps`` steps, where
        the objective is ``log p_t(x) - tv * TV(x) - stats_weight * penalty(x)``.
    seed : fixes the random start (uniform pixels in [0, 1]) and the jitter.
    tv, blur, blur_every, jitter, stats_weight, prior : the priors (module docstring);
        all off by default: the naive dream.
    start : None for random pixels, or a number: every pixel starts at that grey.
    """
    from .threads import torch_threads

    t = np.asarray(targets)
    if t.ndim != 1 or len(t) == 0 or not np.issubdtype(t.dtype, np.integer) or \
            t.min() < 0 or t.max() > 9:
        raise ValueError(f"targets: expected a 1-D array of classes 0..9, got {targets!r}.")
    if not (isinstance(steps, (int, np.integer)) and steps >= 0):
        raise ValueError(f"steps must be an integer >= 0, got {steps!r}.")
    for name, value in (("lr", lr), ("tv", tv), ("blur", blur), ("stats_weight", stats_weight)):
        if not (np.isfinite(value) and value >= 0):
            raise ValueError(f"{name} must be a number >= 0, got {value!r}.")
    if stats_weight > 0 and prior is None:
        raise ValueError("stats_weight > 0 needs prior=PixelPrior.from_digits(...) (course.fooling).")
    model.eval()
    with torch_threads(threads):
        return _dream(model, t.astype(np.int64), steps, lr, seed, tv, blur, blur_every,
                      int(jitter), stats_weight, prior, start)


def _dream(model, t, steps, lr, seed, tv, blur, blur_every, jitter, stats_weight, prior,
           start) -> Dream:
    g = torch.Generator().manual_seed(int(seed))
    n = len(t)
    tt = torch.as_tensor(t)
    x = torch.rand(n, 28, 28, generator=g) if start is None else torch.full((n, 28, 28), float(start))
    trace = []
    for step in range(steps + 1):
        x.requires_grad_(True)
        seen = x
        if jitter:
            dy, dx = torch.randint(-jitter, jitter + 1, (2,), generator=g).tolist()
            seen = torch.roll(x, shifts=(dy, dx), dims=(1, 2))
        logp = torch.log_softmax(model(seen.reshape(n, 784)), 1).gather(1, tt[:, None])[:, 0]
        trace.append(logp.detach().exp().numpy())
        if step == steps:
            break
        objective = logp
        if tv > 0:
            objective = objective - tv * total_variation(x)
        if stats_weight > 0:
            objective = objective - stats_weight * prior.penalty(x, t, histogram=False)
        grad, = torch.autograd.grad(objective.sum(), x)
        with torch.no_grad():
            x = x + lr * grad
            if blur > 0 and (step + 1) % blur_every == 0:
                x = gaussian_blur(x, blur)
            x = x.clamp(0, 1)
    x = x.detach()
    with torch.no_grad():
        p = torch.softmax(model(x.reshape(n, 784)).double(), 1).numpy()
    return Dream(x.numpy(), t.copy(), p, p[np.arange(n), t], np.array(trace))


def digit_likeness(images, targets, x_ref, y_ref) -> dict[str, np.ndarray]:
    """Does an image look like a real digit? Measured without any network.

    images : (n, 28, 28) in [0, 1]; targets : (n,) the class each should look like.
    x_ref, y_ref : real digits (uint8 or float, (N, 28, 28)) and their labels.
    Returns a dict of (n,) arrays: ``distance``, the root-mean-square pixel difference to
    the nearest real digit (0: a copy of a real digit; uniform noise is about 0.5 from
    everything); ``nearest_label``, that digit's label; ``agrees``, whether it equals the
    target (a 1-nearest-neighbour classifier, which never saw the network, agrees).
    """
    from .interpret import pixels

    a = pixels(images, name="images")
    b = pixels(x_ref, name="x_ref")
    y_ref = np.asarray(y_ref)
    d2 = (a ** 2).sum(1)[:, None] - 2 * a @ b.T + (b ** 2).sum(1)[None]
    nearest = d2.argmin(1)
    dist = np.sqrt(np.maximum(d2[np.arange(len(a)), nearest], 0) / 784)
    label = y_ref[nearest]
    return {"distance": dist, "nearest_label": label, "agrees": label == np.asarray(targets)}
