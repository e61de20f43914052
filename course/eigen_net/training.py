"""Training N by power iteration on R²: targets remade from N at every step.

`r2_step` is one step, the whole idea in a few lines; `train_eigen_net` repeats it and
records what happens (`History`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import torch

from ..threads import one_thread
from ._checks import _check_positive_int
from .analysis import _slope
from .matrices import _check_pair, random_unit_vectors
from .network import EigenNet, r_squared

__all__ = ["History", "r2_step", "train_eigen_net", "PlainGradientStep"]


@dataclass
class History:
    """What `train_eigen_net` recorded; k records, at ``steps`` (0 is before training).

    steps : (k,) int, the training step of each record.
    lam : (k,) float, the signed eigenvalue estimate (regression slope of T N on N over
        the evaluation points, `estimate_lambda`); the video's "lambda" is ``|lam|``.
    r2 : (k,) float, R² between N and T N over the evaluation points.
    linear_share : (k,) share of N's variance explained by a linear function (`linear_part`).
    linear_coef : (k, h) the coefficient vector of that linear part.
    skips : (k, 3, m, m) float32, snapshots of the three skip matrices (for the animation).
    batch_r2 : (steps,) the R² on each step's r points, before the step (what it maximised).
    seconds : wall time of the whole call, recording included.
    net : the trained `EigenNet`. A, B : the matrices. config : the arguments.
    """

    steps: np.ndarray
    lam: np.ndarray
    r2: np.ndarray
    linear_share: np.ndarray
    linear_coef: np.ndarray
    skips: np.ndarray
    batch_r2: np.ndarray
    seconds: float
    net: EigenNet
    A: np.ndarray
    B: np.ndarray
    config: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"History({self.config.get('steps')} steps, {len(self.steps)} records: "
                f"λ {self.lam[-1]:+.4f}, R² {self.r2[-1]:.4f}, {self.seconds:.1f} s)")


def _torch_unit_vectors(n: int, h: int, g: torch.Generator) -> torch.Tensor:
    x = torch.randn(n, h, generator=g)
    return x / x.norm(dim=1, keepdim=True)


def r2_step(net: EigenNet, optimizer, x: torch.Tensor, At: torch.Tensor, Bt: torch.Tensor, *,
            target_net: EigenNet | None = None) -> float:
    """One step of the power iteration on R²; returns the R² before the step.

    x : (r, h) float32 points on the unit sphere, as rows. At, Bt : Aᵀ and Bᵀ as float32
    tensors (a row x times Aᵀ is the row (A x)ᵀ). optimizer : anything with ``zero_grad``
    and ``step`` over ``net``'s parameters.

    1. targets ``y = (T N)(x) = N(A x) + N(B x)``, from the current network, held fixed
       (``target_net``: take the targets from that network instead, a frozen copy);
    2. ``R² = corr(N(x), y)²``;
    3. a step of ``optimizer`` on −R² (a step up the R² hill).

    All points go through the network in one batch.
    """
    r = len(x)
    points = torch.cat([x @ At, x @ Bt])                             # the points A x and B x
    if target_net is None:
        out = net(torch.cat([x, points]))
        n_x, y = out[:r], out[r:].reshape(-1, r).sum(0).detach()
    else:
        n_x = net(x)
        with torch.no_grad():
            y = target_net(points).reshape(-1, r).sum(0)
    fit = r_squared(n_x, y, eps=1e-12)
    optimizer.zero_grad()
    (-fit).backward()
    optimizer.step()
    return fit.item()


def train_eigen_net(A: np.ndarray, B: np.ndarray, steps: int = 1000, *, r: int = 20,
                    lr: float = 3.0, optimizer: str = "sgd", lr_end: float | None = None,
                    seed: int = 0, m: int = 40, net: EigenNet | None = None, init: str = "flux",
                    skip_init: float = 1e-3, bias_init: float = 0.0, target_every: int = 1,
                    record_every: int = 10, eval_points: int = 1024,
                    progress: bool = True) -> History:
    """Train `EigenNet` by the video's R² power iteration; return its `History`.

    Each of ``steps`` steps is one `r2_step`:

    1. draw r points x_j uniformly on the unit sphere;
    2. targets ``y_j = N(A x_j) + N(B x_j)`` from the current N, held fixed (no gradient
       flows through them: they are the data of this step, remade every step);
    3. one gradient step that increases ``R²(N(x), y)``: by default a plain gradient
       step, ``θ ← θ + lr ∂R²/∂θ`` (``optimizer="sgd"``; the video says "gradient
       ascent"), or an Adam step (``optimizer="adam"``, try lr = 2e-3). The learning rate
       follows a cosine schedule from ``lr`` to ``lr_end`` (default: constant).

    If N could be any function and a step went all the way, step 3 would make N a
    multiple of T N: the classical power iteration ``f ← T f``, which finds the largest
    |λ|. R² ignores scale, shift and sign, so nothing blows up or vanishes, and a negative
    eigenvalue is as good as a positive one. Small steps give the continuous version,
    which settles on a real eigenfunction at an edge of the spectrum (the largest or the
    smallest real part, on the side where training starts) and keeps circling when that
    edge is a complex pair.

    A variant reaches for the largest |λ| instead (a fitted power iteration):

    target_every : K > 1 takes the targets from a frozen copy of N, renewed every K steps:
        for K steps N is fitted to T N_old (up to scale and shift), then N_old ← N. With K
        large enough for each fit to converge this is the classical power iteration,
        one iteration per K steps, which finds the largest |λ| when it is real.

    m, init, skip_init, bias_init, seed : the network (`EigenNet`), unless ``net`` is given (it is
        then trained in place). seed also draws the points of every step (a
        ``torch.Generator``) and the evaluation points.
    record_every : every so many steps (and at 0 and at the end) λ, R², the linear part
        and the skip matrices are recorded, on ``eval_points`` fixed unit vectors.
    progress : show a tqdm progress bar.

    Runs on one CPU thread (`one_thread`): the network is far too small to gain from more,
    and a fixed thread count makes the same seed give a bit-identical history.
    """
    A, B = _check_pair(A, B)
    steps = _check_positive_int(steps, "steps")
    r = _check_positive_int(r, "r", 3)  # R² of 2 points is always 1: it would teach nothing
    record_every = _check_positive_int(record_every, "record_every")
    eval_points = _check_positive_int(eval_points, "eval_points", 3 * len(A) + 3)
    target_every = _check_positive_int(target_every, "target_every")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive number, got {lr!r}.")
    if lr_end is None:
        lr_end = lr
    if not (isinstance(lr_end, (int, float)) and math.isfinite(lr_end) and 0 < lr_end <= lr):
        raise ValueError(f"lr_end must be a positive number no larger than lr = {lr}, "
                         f"got {lr_end!r}.")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be an integer, got {seed!r}.")
    h = len(A)
    if net is None:
        net = EigenNet(h, m, skip_init=skip_init, init=init, bias_init=bias_init, seed=int(seed))
    elif not isinstance(net, EigenNet) or net.h != h:
        raise ValueError(f"net must be an EigenNet with h = {h} to match A, got {net!r}.")
    At = torch.as_tensor(A.T, dtype=torch.float32)
    Bt = torch.as_tensor(B.T, dtype=torch.float32)
    X_eval = random_unit_vectors(eval_points, h, seed=int(seed) + 104729)
    g = torch.Generator().manual_seed(int(seed) + 7919)
    if optimizer == "adam":
        opt = torch.optim.Adam(net.parameters(), lr=float(lr), fused=True)
    elif optimizer == "sgd":
        opt = PlainGradientStep(list(net.parameters()), float(lr))
    else:
        raise ValueError(f"optimizer must be 'sgd' (plain gradient steps) or 'adam', "
                         f"got {optimizer!r}.")
    config = dict(steps=steps, r=r, lr=lr, lr_end=lr_end, optimizer=optimizer, seed=int(seed),
                  m=net.m, init=net.init, skip_init=skip_init, bias_init=net.bias_init,
                  target_every=target_every, record_every=record_every, eval_points=eval_points)
    with one_thread():
        return _train(net, opt, A, B, At, Bt, X_eval, g, config, progress)


class PlainGradientStep:
    """``p ← p − lr · ∂loss/∂p`` for every parameter: torch.optim.SGD without momentum,
    written out (one fused call) because it is all we need and it starts instantly."""

    def __init__(self, params: list[torch.Tensor], lr: float):
        self.params = list(params)
        self.param_groups = [{"lr": lr}]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self) -> None:
        torch._foreach_add_(self.params, [p.grad for p in self.params],
                            alpha=-self.param_groups[0]["lr"])


def _train(net, opt, A, B, At, Bt, X_eval, g, config, progress) -> History:
    import copy

    steps, r, lr, lr_end = config["steps"], config["r"], config["lr"], config["lr_end"]
    record_every, target_every = config["record_every"], config["target_every"]
    h, n = len(A), len(X_eval)
    records: dict[str, list] = {k: [] for k in ("steps", "lam", "r2", "share", "coef", "skips")}
    # What `evaluate` computes, with the fixed parts done once: the points x, Ax, Bx as one
    # batch, and the least-squares solver of the linear fit as a matrix (pseudo-inverse).
    X_all = torch.as_tensor(np.vstack([X_eval, X_eval @ A.T, X_eval @ B.T]), dtype=torch.float32)
    solver = np.linalg.pinv(np.hstack([np.ones((n, 1)), X_eval]))

    def record(step: int) -> None:
        with torch.no_grad():
            out = net(X_all).double().numpy()
        values, y = out[:n], out[n:2 * n] + out[2 * n:]
        coef = solver @ values
        resid = values - coef[0] - X_eval @ coef[1:]
        total = float(((values - values.mean()) ** 2).sum())
        records["steps"].append(step)
        records["lam"].append(_slope(values, y))
        records["r2"].append(float(r_squared(values, y)))
        records["share"].append(1.0 - float((resid ** 2).sum()) / total if total > 0 else 0.0)
        records["coef"].append(coef[1:])
        records["skips"].append(net.skip_matrices())

    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=steps, desc="power iteration", unit="step", mininterval=0.5)
    batch_r2 = np.empty(steps)
    start = time.perf_counter()
    record(0)
    target_net = None
    for step in range(1, steps + 1):
        if target_every > 1 and (step - 1) % target_every == 0:
            target_net = copy.deepcopy(net).requires_grad_(False)    # N_old, frozen
        x = _torch_unit_vectors(r, h, g)
        batch_r2[step - 1] = r2_step(net, opt, x, At, Bt, target_net=target_net)
        for group in opt.param_groups:  # cosine schedule from lr (step 1) to lr_end (last step)
            group["lr"] = lr_end + (lr - lr_end) * 0.5 * (1 + math.cos(math.pi * step / steps))
        if step % record_every == 0 or step == steps:
            record(step)
        if bar is not None and (step % 100 == 0 or step == steps):
            bar.update(step - bar.n)
            bar.set_postfix(R2=f"{records['r2'][-1]:.3f}", lam=f"{records['lam'][-1]:+.3f}",
                            refresh=False)
    seconds = time.perf_counter() - start
    if bar is not None:
        bar.close()
    return History(np.array(records["steps"]), np.array(records["lam"]), np.array(records["r2"]),
                   np.array(records["share"]), np.array(records["coef"]),
                   np.array(records["skips"], dtype=np.float32), batch_r2, seconds, net, A, B,
                   config)
