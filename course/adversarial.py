"""Adversarial perturbations: small changes to the pixels that change a network's answer.

For a classifier with loss ``L(x, y)`` (cross-entropy of its logits against the label y),
an attacker may change every pixel by at most ε (the L∞ ball ``|x' - x|_∞ <= ε``), and the
result must still be an image (pixels in [0, 1]).

* `fgsm`, the *fast gradient sign method* (Goodfellow et al., 2015): one step of size ε
  in the direction that raises the loss fastest under the L∞ constraint,
  ``x' = clip(x + ε · sign(∇ₓ L(x, y)), 0, 1)``.
* `pgd`, *projected gradient descent* (Madry et al., 2018): many small steps of that
  kind, ``x ← Π(x + α · sign(∇ₓ L(x, y)))``, where the projection Π clips back into the
  ε-ball around the original digit and into [0, 1] after every step. It starts at the
  digit itself (no random start), so it is deterministic, and its first step with
  ``α = ε`` is exactly FGSM. It keeps, per digit, the step with the highest loss, so it
  is never weaker than its own first step.
* `accuracy_vs_eps`: the share of digits still classified right after the attack, for
  a list of ε.

Images go in as ``(n, 28, 28)`` or ``(n, 784)`` (uint8 or float in [0, 1]), labels as
``(n,)`` ints; adversarial images come back as float32 arrays of the same shape as the
input. Any torch classifier that maps (n, 784) float pixels to (n, classes) logits works
(`course.training.make_mlp`, `make_cnn`). Everything runs on the CPU, in batches.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from .training import as_tensor_images, torch_threads

__all__ = ["fgsm", "pgd", "accuracy_vs_eps", "first_below", "attack_loss", "PGD_STEPS"]

#: Default number of PGD steps; its step size defaults to ``2.5 ε / steps`` (Madry et al.).
PGD_STEPS = 10


def _check_eps(eps, name: str = "eps") -> float:
    if isinstance(eps, bool) or not isinstance(eps, (int, float, np.integer, np.floating)) \
            or not np.isfinite(eps) or not 0 <= eps <= 1:
        raise ValueError(f"{name} must be a number in [0, 1] (the largest change of any pixel, "
                         f"pixels being in [0, 1]), got {eps!r}.")
    return float(eps)


def _inputs(model, x, y) -> tuple[torch.Tensor, torch.Tensor, tuple]:
    if not isinstance(model, nn.Module):
        raise ValueError(f"model: expected a torch network (torch.nn.Module), got "
                         f"{type(model).__name__}.")
    shape = tuple(np.shape(x))
    if len(shape) not in (2, 3) or (len(shape) == 2 and shape[1] != 784) \
            or (len(shape) == 3 and shape[1:] != (28, 28)):
        raise ValueError(f"x: expected digits of shape (n, 28, 28) or (n, 784), got {shape}.")
    xt = as_tensor_images(x).detach().clone()
    if len(xt) and (float(xt.min()) < 0 or float(xt.max()) > 1):
        raise ValueError(f"x: float pixels must lie in [0, 1], found values from "
                         f"{float(xt.min()):.3g} to {float(xt.max()):.3g}.")
    yt = torch.as_tensor(np.asarray(y))
    if yt.shape != (len(xt),) or yt.dtype.is_floating_point:
        raise ValueError(f"y: expected {len(xt)} integer labels, one per digit, got an array "
                         f"of shape {tuple(yt.shape)} and dtype {yt.dtype}.")
    return xt, yt.long(), shape


def _as_output(t: torch.Tensor, shape: tuple) -> np.ndarray:
    return t.detach().numpy().astype(np.float32).reshape(shape)


def _loss_and_grad(model, x: torch.Tensor, y: torch.Tensor):
    """Per-digit cross-entropy (n,), its gradient with respect to the pixels (n, 784), and
    the logits (n, classes)."""
    x = x.detach().requires_grad_(True)
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, y, reduction="none")
    (grad,) = torch.autograd.grad(loss.sum(), x)
    return loss.detach(), grad, logits.detach()


def attack_loss(model, x, y, threads: int | None = 1) -> np.ndarray:
    """The cross-entropy loss of each digit, ``(n,)`` float64: what the attacks raise."""
    xt, yt, _ = _inputs(model, x, y)
    model.eval()
    with torch.no_grad(), torch_threads(threads):
        return nn.functional.cross_entropy(model(xt), yt, reduction="none").double().numpy()


def fgsm(model, x, y, eps: float, batch_size: int = 250, threads: int | None = 1) -> np.ndarray:
    """The fast gradient sign method: ``clip(x + ε · sign(∇ₓ L), 0, 1)``.

    model : torch classifier, (n, 784) pixels -> (n, classes) logits (put in eval mode).
    x : (n, 28, 28) or (n, 784) digits, uint8 or float in [0, 1]; y : (n,) true labels.
    eps : the largest change of any pixel, in [0, 1] (MNIST papers use 0.1 to 0.3).

    Returns the adversarial digits, float32 in [0, 1], of the same shape as x.
    """
    eps = _check_eps(eps)
    xt, yt, shape = _inputs(model, x, y)
    model.eval()
    out = []
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            xb, yb = xt[i:i + batch_size], yt[i:i + batch_size]
            grad = _loss_and_grad(model, xb, yb)[1]
            out.append((xb + eps * grad.sign()).clamp(0, 1))
    return _as_output(torch.cat(out) if out else xt, shape)


def pgd(model, x, y, eps: float, steps: int = PGD_STEPS, step_size: float | None = None,
        early_stop: bool = True, batch_size: int = 250, threads: int | None = 1) -> np.ndarray:
    """Projected gradient descent on the loss, in the L∞ ball of radius ε, within [0, 1].

    Each of ``steps`` steps moves every pixel by ``step_size`` (α) in the direction of
    the sign of the loss gradient, then clips back into ``[x - ε, x + ε]`` and ``[0, 1]``
    (the projection). It starts at x itself (no random start), so it is deterministic.

    Which iterate comes back, per digit: with ``early_stop`` (default) the first one the
    network misclassifies, and that digit is no longer attacked (cheaper, and a fooled
    digit stays fooled); a digit never fooled, and every digit without ``early_stop``,
    gets the iterate with the highest loss seen, so PGD is never weaker than its own
    first step (with ``step_size = eps`` and one step it is exactly `fgsm`).

    steps : positive int (default `PGD_STEPS` = 10); step_size : α, default ``2.5 ε / steps``
        (Madry et al.'s choice: enough to cross the ball and come back).
    Other arguments and the return value as in `fgsm`.
    """
    eps = _check_eps(eps)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    alpha = 2.5 * eps / steps if step_size is None else _check_eps(step_size, "step_size")
    xt, yt, shape = _inputs(model, x, y)
    model.eval()
    out = []
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            out.append(_pgd_batch(model, xt[i:i + batch_size], yt[i:i + batch_size], eps,
                                  steps, alpha, early_stop))
    return _as_output(torch.cat(out) if out else xt, shape)


def _pgd_batch(model, x0, y, eps, steps, alpha, early_stop) -> torch.Tensor:
    lo, hi = (x0 - eps).clamp(min=0), (x0 + eps).clamp(max=1)
    best, best_loss = x0.clone(), torch.full((len(x0),), -np.inf)
    active = torch.arange(len(x0))      # digits still being attacked
    xa = x0.clone()                     # their current iterates
    for step in range(steps + 1):
        if step < steps:
            loss, grad, logits = _loss_and_grad(model, xa, y[active])
        else:
            with torch.no_grad():
                logits = model(xa)
            loss = nn.functional.cross_entropy(logits, y[active], reduction="none")
        better = loss > best_loss[active]
        best[active[better]], best_loss[active[better]] = xa[better], loss[better]
        if early_stop:
            fooled = logits.argmax(1) != y[active]
            best[active[fooled]] = xa[fooled]
            best_loss[active[fooled]] = np.inf
            keep = ~fooled
            active, xa = active[keep], xa[keep]
            if step < steps:
                grad = grad[keep]
            if not len(active):
                break
        if step < steps:
            xa = torch.maximum(torch.minimum(xa + alpha * grad.sign(), hi[active]), lo[active])
    return best


def accuracy_vs_eps(model, x, y, eps_grid, method: str = "fgsm", progress: bool = False,
                    batch_size: int = 250, threads: int | None = 1, **kwargs) -> np.ndarray:
    """Share of digits classified right after the attack, one value per ε in ``eps_grid``.

    method : ``"fgsm"`` or ``"pgd"`` (``kwargs`` go to `pgd`: steps, step_size, early_stop).
        FGSM's direction, the sign of the gradient at x, is the same for every ε, so it is
        computed once and every ε costs one forward pass. PGD goes from the smallest ε up
        and attacks only the digits no smaller ε fooled: an image that fools the network
        within distance ε also does within any larger ε. So a digit counts as right at ε
        when PGD found no adversarial image for it at any grid value up to ε, which makes
        the curve never rise with ε and saves most of the work at large ε.
    Returns ``(len(eps_grid),)`` float64 in [0, 1]; ε = 0 gives the plain accuracy.
    """
    if method not in ("fgsm", "pgd"):
        raise ValueError(f"method must be 'fgsm' or 'pgd', got {method!r}.")
    if method == "fgsm" and kwargs:
        raise ValueError(f"fgsm takes no further settings, got {sorted(kwargs)}.")
    grid = np.array([_check_eps(e, "each eps in eps_grid") for e in np.atleast_1d(eps_grid)])
    xt, yt, _ = _inputs(model, x, y)
    model.eval()
    correct = np.zeros(len(grid))
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(grid) * len(xt), desc=f"{method} attack", unit="digit")
    order = np.argsort(grid, kind="stable")  # PGD: smallest ε first (see below)
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            xb, yb = xt[i:i + batch_size], yt[i:i + batch_size]
            if method == "fgsm":
                direction = _loss_and_grad(model, xb, yb)[1].sign()
                for k, eps in enumerate(grid):
                    with torch.no_grad():
                        pred = model((xb + eps * direction).clamp(0, 1)).argmax(1)
                    correct[k] += int((pred == yb).sum())
                    if bar is not None:
                        bar.update(len(xb))
                continue
            # PGD: a digit fooled within a ball of radius ε is fooled, by the same image,
            # within every larger ball, so only the survivors are attacked at the next ε.
            with torch.no_grad():
                alive = torch.nonzero(model(xb).argmax(1) == yb).flatten()
            for k in order:
                if grid[k] > 0 and len(alive):
                    xa = torch.from_numpy(pgd(model, xb[alive], yb[alive].numpy(), float(grid[k]),
                                              batch_size=batch_size, threads=None, **kwargs))
                    with torch.no_grad():
                        alive = alive[model(xa).argmax(1) == yb[alive]]
                correct[k] += len(alive)
                if bar is not None:
                    bar.update(len(xb))
    if bar is not None:
        bar.close()
    return correct / max(len(xt), 1)


def first_below(eps_grid, accuracies, level: float = 0.5) -> float | None:
    """The smallest ε in the grid at which accuracy is below ``level``; None if never."""
    eps_grid, accuracies = np.asarray(eps_grid, float), np.asarray(accuracies, float)
    if eps_grid.shape != accuracies.shape:
        raise ValueError(f"eps_grid and accuracies must have the same shape, got "
                         f"{eps_grid.shape} and {accuracies.shape}.")
    below = np.flatnonzero(accuracies < level)
    return float(eps_grid[below[0]]) if below.size else None
