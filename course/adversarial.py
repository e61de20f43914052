"""Adversarial perturbations: small changes to the pixels that change a network's answer.

For a classifier with loss ``L(x, y)`` (cross-entropy of its logits against the label y),
an attacker may change every pixel by at most ε (the L∞ ball ``|x' - x|_∞ <= ε``), and the
result must still be an image (pixels in [0, 1]).

* `fgsm`, the *fast gradient sign method* (Goodfellow et al., 2015): one step of size ε
  in the direction that raises the loss fastest under the L∞ constraint,
  ``x' = clip(x + ε · sign(∇ₓ L(x, y)), 0, 1)``.
* `pgd`, *projected gradient descent* (Madry et al., 2018): many small steps of that
  kind, ``x ← Π(x + α · sign(∇ₓ L(x, y)))``, where the projection Π clips back into the
  ε-ball around the original digit and into [0, 1] after every step. By default it starts
  at the digit itself, so it is deterministic, and its first step with ``α = ε`` is
  exactly FGSM; ``random_start=True`` starts at a random point of the ball (drawn from
  ``seed``) and ``restarts`` runs it again from new random points on the digits not yet
  fooled, as a strong attack should.
* `fgm_l2`, the fast gradient method for an L2 budget ``‖x' − x‖₂ <= ε``: one step of
  length ε along the gradient itself, ``clip(x + ε · g / ‖g‖₂, 0, 1)`` per digit.
* `still_right` and `accuracy_vs_eps`: which digits (the share of digits) are still
  classified right after the attack, for a list of ε; `eps_at` reads off the ε at which
  the accuracy crosses a level (50 %), between grid points.
* `train_patch` and `apply_patch`: an attack that is not an L∞ ball: one small square of
  pixels, the same for every digit (a universal *adversarial patch*, Brown et al., 2017),
  free to take any value in [0, 1], optimised to raise the loss on a set of digits.

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

__all__ = ["fgsm", "fgm_l2", "pgd", "still_right", "accuracy_vs_eps", "eps_at", "first_below", "attack_loss",
           "apply_patch", "train_patch", "PGD_STEPS"]

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
    return _one_step(model, x, y, lambda grad: eps * grad.sign(), batch_size, threads)


def _one_step(model, x, y, step, batch_size, threads) -> np.ndarray:
    """``clip(x + step(∇ₓ L), 0, 1)`` in batches: the one-step attacks."""
    xt, yt, shape = _inputs(model, x, y)
    model.eval()
    out = []
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            xb, yb = xt[i:i + batch_size], yt[i:i + batch_size]
            out.append((xb + step(_loss_and_grad(model, xb, yb)[1])).clamp(0, 1))
    return _as_output(torch.cat(out) if out else xt, shape)


def fgm_l2(model, x, y, eps: float, batch_size: int = 250, threads: int | None = 1) -> np.ndarray:
    """The fast gradient method for an L2 budget: ``clip(x + ε · g / ‖g‖₂, 0, 1)``, where
    g = ∇ₓ L is each digit's own gradient and ‖g‖₂ its length (one per digit).

    Under the budget ``‖x' − x‖₂ <= ε`` the step that raises a linear approximation of the
    loss most is the gradient itself, scaled to length ε (FGSM's sign is the answer for
    the L∞ budget instead). Clipping to [0, 1] can shorten it. ε is a length in pixel
    units: ε = 2.8 is the length of an FGSM change of 0.1 on all 784 pixels.

    Arguments and return value as in `fgsm`, except that ε may be any number >= 0.
    """
    if isinstance(eps, bool) or not isinstance(eps, (int, float, np.integer, np.floating)) \
            or not np.isfinite(eps) or eps < 0:
        raise ValueError(f"eps must be a length >= 0 (the L2 size of the change), got {eps!r}.")
    return _one_step(model, x, y,
                     lambda grad: float(eps) * grad / grad.norm(dim=1, keepdim=True).clamp_min(1e-30),
                     batch_size, threads)


def pgd(model, x, y, eps: float, steps: int = PGD_STEPS, step_size: float | None = None,
        early_stop: bool = True, batch_size: int = 250, threads: int | None = 1, *,
        random_start: bool = False, restarts: int = 0, seed: int = 0,
        keep: str = "best") -> np.ndarray:
    """Projected gradient descent on the loss, in the L∞ ball of radius ε, within [0, 1].

    Each of ``steps`` steps moves every pixel by ``step_size`` (α) in the direction of
    the sign of the loss gradient, then clips back into ``[x - ε, x + ε]`` and ``[0, 1]``
    (the projection).

    Where it starts: at x itself (default; deterministic), or with ``random_start`` at
    ``clip(x + ε·u, 0, 1)`` with u uniform in [-1, 1) per pixel, drawn from
    ``torch.Generator().manual_seed(seed)`` (one draw of the batch's shape per run).
    ``restarts`` more runs, each from a new random point, attack the digits that no run
    before fooled (``restarts > 0`` needs ``random_start``).

    Which iterate comes back, per digit: with ``early_stop`` (default) the first one the
    network misclassifies, and that digit is no longer attacked (cheaper, and a fooled
    digit stays fooled); a digit never fooled, and every digit without ``early_stop``,
    gets the iterate with the highest loss seen (``keep="best"``), so PGD is never weaker
    than its own first step (with ``step_size = eps`` and one step from x it is exactly
    `fgsm`), or the last iterate (``keep="last"``, one run only: the plain loop).

    steps : positive int (default `PGD_STEPS` = 10); step_size : α, default ``2.5 ε / steps``
        (Madry et al.'s choice: enough to cross the ball and come back).
    Other arguments and the return value as in `fgsm`.
    """
    eps = _check_eps(eps)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    if isinstance(restarts, bool) or not isinstance(restarts, (int, np.integer)) or restarts < 0:
        raise ValueError(f"restarts must be a whole number >= 0, got {restarts!r}.")
    if restarts and not random_start:
        raise ValueError(f"restarts={restarts} needs random_start=True: a run from x itself "
                         "gives the same result every time.")
    if keep not in ("best", "last"):
        raise ValueError(f"keep must be 'best' or 'last', got {keep!r}.")
    if keep == "last" and restarts:
        raise ValueError("keep='last' returns the last iterate of a single run; it cannot be "
                         f"combined with restarts={restarts}.")
    alpha = 2.5 * eps / steps if step_size is None else _check_eps(step_size, "step_size")
    xt, yt, shape = _inputs(model, x, y)
    model.eval()
    generator = torch.Generator().manual_seed(int(seed)) if random_start else None
    out = []
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            xb = xt[i:i + batch_size]
            if random_start:
                starts = [(xb + eps * (2 * torch.rand(xb.shape, generator=generator) - 1)).clamp(0, 1)
                          for _ in range(1 + restarts)]
            else:
                starts = [xb]
            out.append(_pgd_batch(model, xb, yt[i:i + batch_size], eps, steps, alpha,
                                  early_stop, keep, starts))
    return _as_output(torch.cat(out) if out else xt, shape)


def _pgd_batch(model, x0, y, eps, steps, alpha, early_stop, keep, starts) -> torch.Tensor:
    lo, hi = (x0 - eps).clamp(min=0), (x0 + eps).clamp(max=1)
    best, best_loss = x0.clone(), torch.full((len(x0),), -np.inf)
    waiting = torch.arange(len(x0))     # digits no run has fooled yet
    for start in starts:
        run, xa = waiting.clone(), start[waiting].clone()   # this run's digits and iterates
        for step in range(steps + 1):
            if step < steps:
                loss, grad, logits = _loss_and_grad(model, xa, y[run])
            else:
                with torch.no_grad():
                    logits = model(xa)
                loss = nn.functional.cross_entropy(logits, y[run], reduction="none")
            better = loss > best_loss[run]
            best[run[better]], best_loss[run[better]] = xa[better], loss[better]
            if early_stop:
                fooled = logits.argmax(1) != y[run]
                best[run[fooled]] = xa[fooled]
                best_loss[run[fooled]] = np.inf
                left = ~fooled
                run, xa = run[left], xa[left]
                if step < steps:
                    grad = grad[left]
                if not len(run):
                    break
            if step < steps:
                xa = torch.maximum(torch.minimum(xa + alpha * grad.sign(), hi[run]), lo[run])
        if keep == "last":
            best[run] = xa
        if early_stop:
            waiting = run
        if not len(waiting):
            break
    return best


def still_right(model, x, y, eps_grid, method: str = "fgsm", fresh: bool = False,
                progress: bool = False, batch_size: int = 250, threads: int | None = 1,
                **kwargs) -> np.ndarray:
    """Which digits are still classified right after the attack: ``(len(eps_grid), n)`` bool.

    method : ``"fgsm"`` or ``"pgd"`` (``kwargs`` go to `pgd`: steps, step_size,
        random_start, restarts, seed, early_stop). FGSM's direction, the sign of the
        gradient at x, is the same for every ε, so it is computed once and every ε costs
        one forward pass.
    fresh : for PGD, how the grid is walked. ``False`` (default): from the smallest ε up,
        attacking only the digits no smaller ε fooled; an image that fools the network
        within distance ε also does within any larger ε, so a digit counts as right at ε
        when PGD found no adversarial image for it at any grid value up to ε (the rows
        never gain a digit as ε grows, and large ε cost little). ``True``: a new attack
        at every ε on every digit that is right without attack, so each row says what
        PGD finds at that ε alone (a digit fooled at a small ε but not at a larger one
        shows that the attack missed an image that exists: a sign of a weak attack).
    Row k is for ``eps_grid[k]``; ε = 0 gives the plain predictions.
    """
    if method not in ("fgsm", "pgd"):
        raise ValueError(f"method must be 'fgsm' or 'pgd', got {method!r}.")
    if method == "fgsm" and kwargs:
        raise ValueError(f"fgsm takes no further settings, got {sorted(kwargs)}.")
    grid = np.array([_check_eps(e, "each eps in eps_grid") for e in np.atleast_1d(eps_grid)])
    xt, yt, _ = _inputs(model, x, y)
    model.eval()
    right = np.zeros((len(grid), len(xt)), dtype=bool)
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(grid) * len(xt), desc=f"{method} attack", unit="digit")
    order = np.argsort(grid, kind="stable")  # PGD: smallest ε first
    with torch_threads(threads):
        for i in range(0, len(xt), batch_size):
            xb, yb = xt[i:i + batch_size], yt[i:i + batch_size]
            if method == "fgsm":
                direction = _loss_and_grad(model, xb, yb)[1].sign()
                for k, eps in enumerate(grid):
                    with torch.no_grad():
                        pred = model((xb + eps * direction).clamp(0, 1)).argmax(1)
                    right[k, i:i + len(xb)] = (pred == yb).numpy()
                    if bar is not None:
                        bar.update(len(xb))
                continue
            with torch.no_grad():
                clean = torch.nonzero(model(xb).argmax(1) == yb).flatten()
            alive = clean
            for k in order:
                attacked = clean if fresh else alive
                if grid[k] > 0 and len(attacked):
                    xa = torch.from_numpy(pgd(model, xb[attacked], yb[attacked].numpy(),
                                              float(grid[k]), batch_size=batch_size,
                                              threads=None, **kwargs))
                    with torch.no_grad():
                        survivors = attacked[model(xa).argmax(1) == yb[attacked]]
                else:
                    survivors = attacked
                if not fresh:
                    alive = survivors
                right[k, i + survivors.numpy()] = True
                if bar is not None:
                    bar.update(len(xb))
    if bar is not None:
        bar.close()
    return right


def accuracy_vs_eps(model, x, y, eps_grid, method: str = "fgsm", progress: bool = False,
                    batch_size: int = 250, threads: int | None = 1, fresh: bool = False,
                    **kwargs) -> np.ndarray:
    """Share of digits classified right after the attack, one value per ε in ``eps_grid``.

    The column means of `still_right` (same arguments): ``(len(eps_grid),)`` float64 in
    [0, 1]; ε = 0 gives the plain accuracy. With PGD and ``fresh=False`` (default) a digit
    fooled at a smaller ε stays fooled, so the curve never rises with ε.
    """
    right = still_right(model, x, y, eps_grid, method, fresh=fresh, progress=progress,
                        batch_size=batch_size, threads=threads, **kwargs)
    return right.mean(axis=1) if right.shape[1] else np.zeros(len(right))


def eps_at(eps_grid, accuracies, level: float = 0.5) -> float | None:
    """The ε at which the accuracy first falls below ``level``, read off the straight line
    between the two grid points on either side (the grid in increasing order); the first
    grid value if the accuracy starts below it; None if it never falls below."""
    eps_grid, accuracies = np.asarray(eps_grid, float), np.asarray(accuracies, float)
    if eps_grid.shape != accuracies.shape or eps_grid.ndim != 1:
        raise ValueError(f"eps_grid and accuracies must be 1-D of the same shape, got "
                         f"{eps_grid.shape} and {accuracies.shape}.")
    if np.any(np.diff(eps_grid) <= 0):
        raise ValueError("eps_grid must be in increasing order.")
    below = np.flatnonzero(accuracies < level)
    if not below.size:
        return None
    i = int(below[0])
    if i == 0:
        return float(eps_grid[0])
    (e0, e1), (a0, a1) = eps_grid[i - 1:i + 1], accuracies[i - 1:i + 1]
    return float(e0 + (a0 - level) / (a0 - a1) * (e1 - e0))


# ----------------------------------------------------------------- an adversarial patch

def _check_patch_place(size, row, col) -> tuple[int, int, int]:
    for name, v in (("size", size), ("row", row), ("col", col)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ValueError(f"{name} must be a whole number of pixels, got {v!r}.")
    if not 1 <= size <= 28 or not 0 <= row <= 28 - size or not 0 <= col <= 28 - size:
        raise ValueError(f"a {size} x {size} patch at row {row}, column {col} does not fit in "
                         f"the 28 x 28 frame: size must be 1..28 and row, col 0..{28 - size}.")
    return int(size), int(row), int(col)


def apply_patch(x, patch, row: int = 0, col: int = 0) -> np.ndarray:
    """The digits with the square ``patch`` pasted over them, its top-left corner at
    pixel (``row``, ``col``).

    x : (n, 28, 28) or (n, 784), uint8 or float in [0, 1]; patch : (s, s) in [0, 1].
    Returns float32 of the same shape as x.
    """
    p = np.asarray(patch, dtype=np.float32)
    if p.ndim != 2 or p.shape[0] != p.shape[1]:
        raise ValueError(f"patch: expected a square array (s, s), got shape {p.shape}.")
    if not np.isfinite(p).all() or p.min() < 0 or p.max() > 1:
        raise ValueError("patch: pixel values must lie in [0, 1].")
    size, row, col = _check_patch_place(p.shape[0], row, col)
    shape = tuple(np.shape(x))
    if len(shape) not in (2, 3) or int(np.prod(shape[1:])) != 784:
        raise ValueError(f"x: expected digits of shape (n, 28, 28) or (n, 784), got {shape}.")
    out = as_tensor_images(x).numpy().astype(np.float32).reshape(-1, 28, 28)
    out[:, row:row + size, col:col + size] = p
    return out.reshape(shape)


def train_patch(model, x, y, size: int = 8, row: int = 0, col: int = 0, steps: int = 20,
                step_size: float = 0.1, seed: int = 0, threads: int | None = 1) -> np.ndarray:
    """A universal adversarial patch: one ``size`` x ``size`` square of pixels, pasted at
    (``row``, ``col``) on every digit of x, that raises the network's mean loss on them.

    Unlike an L∞ attack the patch changes few pixels, each as much as it likes (any value
    in [0, 1]), and it is the same for every digit. It starts as uniform noise drawn from
    ``seed`` and takes ``steps`` steps of signed gradient ascent of the mean cross-entropy
    over all of x, ``patch ← clip(patch + step_size · sign(∇ L), 0, 1)``.

    model : torch classifier as in `fgsm`; x : (n, 28, 28) or (n, 784) digits (the ones
    it is trained on; measure it on others); y : (n,) labels. Returns (size, size) float32.
    """
    size, row, col = _check_patch_place(size, row, col)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    step_size = _check_eps(step_size, "step_size")
    xt, yt, _ = _inputs(model, x, y)
    model.eval()
    images = xt.reshape(-1, 28, 28)
    patch = torch.rand((size, size), generator=torch.Generator().manual_seed(int(seed)))
    with torch_threads(threads):
        for _ in range(steps):
            patch.requires_grad_(True)
            patched = images.clone()
            patched[:, row:row + size, col:col + size] = patch
            loss = nn.functional.cross_entropy(model(patched.reshape(-1, 784)), yt)
            (grad,) = torch.autograd.grad(loss, patch)
            patch = (patch.detach() + step_size * grad.sign()).clamp(0, 1)
    return patch.numpy().astype(np.float32)


def first_below(eps_grid, accuracies, level: float = 0.5) -> float | None:
    """The smallest ε in the grid at which accuracy is below ``level``; None if never."""
    eps_grid, accuracies = np.asarray(eps_grid, float), np.asarray(accuracies, float)
    if eps_grid.shape != accuracies.shape:
        raise ValueError(f"eps_grid and accuracies must have the same shape, got "
                         f"{eps_grid.shape} and {accuracies.shape}.")
    below = np.flatnonzero(accuracies < level)
    return float(eps_grid[below[0]]) if below.size else None
