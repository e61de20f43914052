"""Fooling a network with a genetic algorithm (chapter 5a, the original fooling experiment).

The fooling post bred images that a network calls a digit with more than 99.99 %
confidence, though no person would. Its ingredients, kept here:

* a population of images whose pixels are drawn from the intensity histogram of real
  digits of the target class (`PixelPrior.sample`);
* a *fitness* to minimise: the output error ``sum_j |p_j - onehot_j| = 2 (1 - p_t)``
  (p: the network's softmax, t: the target class) plus ``prior_weight`` times a
  pixel-statistics penalty (`PixelPrior.penalty`: how far the image's histogram and
  row/column variograms, the post's ``histo``, ``g_x`` and ``g_y``, are from those of
  real digits of the class; the post's own fitness used the variograms only:
  `ORIGINAL_FITNESS`);
* selection of the best few (the *parents*), uniform crossover of two parents, and
  mutation: each pixel, with a probability that shrinks with the best fitness
  (the post: ``min(0.01 * fitness * mutation, 0.5)``), is redrawn from the histogram.

Two things differ from the post's code. Everything is batched: many independent *islands*
(small populations) evolve side by side, and all their new images are scored in one
forward pass of the network, so a thousand images per digit take seconds, not hours.
And the parents survive into the next generation (elitism), so the best fitness of an
island never gets worse. (The post's C++ variogram, by a slip, compared neighbours
``j, j + 1`` at every lag; here lag k compares pixels k apart, as chapter 1's
`course.pixel_stats.variogram` does.)

Images are ``(n, 28, 28)`` or ``(n, 784)`` in [0, 1]; networks are torch models giving
10 logits (`course.zoo`). Randomness comes only from the ``seed`` argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from .pixel_stats import digit_stats

__all__ = ["torch_pixel_stats", "PixelPrior", "ERRORS", "ORIGINAL_FITNESS", "output_error",
           "error_at", "fitness", "target_confidence", "Evolution", "evolve"]


def _as_batch(x: torch.Tensor, name: str = "x") -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        x = torch.as_tensor(np.asarray(x, dtype=np.float32))
    if x.ndim == 2 and x.shape[1] == 784:
        x = x.reshape(-1, 28, 28)
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(f"{name}: expected images of shape (n, 28, 28) or (n, 784), "
                         f"got {tuple(x.shape)}.")
    return x


def torch_pixel_stats(x, bins: int = 10, max_lag: int = 14, chunk: int = 1024):
    """The fooling post's pixel statistics of every image in a batch, vectorised in torch.

    x : (n, 28, 28) or (n, 784) tensor in [0, 1] (float32 or float64).
    Returns ``(histogram, g_x, g_y)``: (n, bins) share of pixels per intensity bin (bin
    k holds ``(k/bins, (k+1)/bins]``, bin 0 also holds 0), and (n, max_lag) mean
    absolute differences of pixels 1..max_lag apart along rows (g_x) and columns (g_y).
    They equal `course.pixel_stats.intensity_histogram` and
    ``variogram(..., per_image=True)`` image by image (the tests check this); the
    variograms are differentiable, the histogram is not.

    Speed (the genetic algorithm scores 10,000 images a generation with this): on the
    flattened image, pixels k apart in a row are k apart in the 784-vector and pixels k
    apart in a column are 28 k apart, so every lag is one contiguous subtraction (row
    pairs that wrap into the next row are masked out of the sum). Without gradients the
    images go through in chunks of ``chunk`` that stay in the processor's cache for all
    28 lags, which is 3-4 times faster than whole-batch slices.
    """
    x = _as_batch(x)
    n = len(x)
    if not 1 <= max_lag < 28:
        raise ValueError(f"max_lag must be between 1 and 27, got {max_lag}.")
    flat = x.reshape(n, 784)
    pairs_x = torch.tensor([28 * (28 - k) for k in range(1, max_lag + 1)], dtype=x.dtype)
    col = torch.arange(783) % 28
    # masks[k-1, i]: pixel i and pixel i + k are in the same row
    masks = torch.stack([(col < 28 - k).to(x.dtype) for k in range(1, max_lag + 1)])
    if torch.is_grad_enabled() and x.requires_grad:
        g_x = torch.stack([(flat[:, k:] - flat[:, :-k]).abs() @ masks[k - 1, :784 - k]
                           for k in range(1, max_lag + 1)], 1) / pairs_x
        g_y = torch.stack([(flat[:, 28 * k:] - flat[:, :-28 * k]).abs().sum(1)
                           for k in range(1, max_lag + 1)], 1) / pairs_x
        hist = _histogram(flat.detach(), bins)
        return hist, g_x, g_y
    g_x = torch.empty(n, max_lag, dtype=x.dtype)
    g_y = torch.empty(n, max_lag, dtype=x.dtype)
    hist = torch.empty(n, bins, dtype=x.dtype)
    buf = torch.empty(min(chunk, n), 783, dtype=x.dtype)
    for s in range(0, n, chunk):
        xc = flat[s:s + chunk]
        c = len(xc)
        hist[s:s + c] = _histogram(xc, bins)
        for k in range(1, max_lag + 1):
            d = buf[:c, :784 - k]
            torch.sub(xc[:, k:], xc[:, :-k], out=d).abs_()
            torch.mv(d, masks[k - 1, :784 - k], out=g_x[s:s + c, k - 1])
            d = buf[:c, :784 - 28 * k]
            torch.sub(xc[:, 28 * k:], xc[:, :-28 * k], out=d).abs_()
            torch.sum(d, 1, out=g_y[s:s + c, k - 1])
    return hist, g_x / pairs_x, g_y / pairs_x


def _histogram(flat: torch.Tensor, bins: int) -> torch.Tensor:
    """(n, bins) share of each row's values in ``(k/bins, (k+1)/bins]`` (bin 0 also holds 0)."""
    idx = (flat * bins).ceil_().sub_(1).clamp_(0, bins - 1).long()
    counts = torch.zeros(len(flat), bins, dtype=flat.dtype)
    return counts.scatter_add_(1, idx, torch.ones(idx.shape, dtype=flat.dtype)) / flat.shape[1]


@dataclass(frozen=True)
class PixelPrior:
    """The pixel statistics of real digits, one row per class 0..9.

    histogram : (10, bins) share of pixels per intensity bin.
    g_x, g_y : (10, max_lag) row and column variograms (absolute differences).
    Build it with `PixelPrior.from_digits` (which calls chapter 1's `digit_stats`).
    """

    histogram: np.ndarray
    g_x: np.ndarray
    g_y: np.ndarray
    DRAW_CHUNK = 1 << 20   # pixels per step of `draw` (a class constant, not a field)

    @classmethod
    def from_digits(cls, images, labels, bins: int = 10, max_lag: int = 14) -> "PixelPrior":
        """The statistics of each class of ``images`` (n, 28, 28) with ``labels`` (n,)."""
        stats = digit_stats(images, labels, bins=bins, max_lag=max_lag)
        return cls(np.stack([s.histogram for s in stats]), np.stack([s.g_x for s in stats]),
                   np.stack([s.g_y for s in stats]))

    @property
    def bins(self) -> int:
        return self.histogram.shape[1]

    @property
    def max_lag(self) -> int:
        return self.g_x.shape[1]

    def penalty(self, x, targets, *, histogram: bool = True) -> torch.Tensor:
        """How far each image's statistics are from its target class's: (n,) tensor.

        ``0.5 * sum_b |h_b - h*_b|`` (the share of pixels in the wrong bins; left out
        when ``histogram`` is False, as it has no gradient) ``+ mean_k |g_x,k - g*_x,k|
        + mean_k |g_y,k - g*_y,k|``. x : (n, 28, 28) tensor in [0, 1]; targets : (n,) ints.
        """
        x = _as_batch(x)
        t = torch.as_tensor(np.asarray(targets), dtype=torch.long)
        if t.shape != (len(x),):
            raise ValueError(f"targets: expected {len(x)} classes, one per image, got shape "
                             f"{tuple(t.shape)}.")
        hist, g_x, g_y = torch_pixel_stats(x, self.bins, self.max_lag)
        tx = torch.as_tensor(self.g_x, dtype=x.dtype)[t]
        ty = torch.as_tensor(self.g_y, dtype=x.dtype)[t]
        out = (g_x - tx).abs().mean(1) + (g_y - ty).abs().mean(1)
        if histogram:
            th = torch.as_tensor(self.histogram, dtype=x.dtype)[t]
            out = out + 0.5 * (hist - th).abs().sum(1)
        return out

    def sample(self, targets, pixels: int, generator: torch.Generator) -> torch.Tensor:
        """Pixel values drawn from each target class's histogram: (len(targets), pixels).

        A bin is chosen with its probability, then a value uniformly inside the bin
        (the fooling post's ``histo_rand``), both from one uniform number by the inverse of the
        piecewise-linear distribution function (`draw`).
        """
        t = torch.as_tensor(np.asarray(targets), dtype=torch.long)
        u = torch.rand(len(t), pixels, generator=generator)
        return self.draw(u, t[:, None].expand(u.shape))

    def draw(self, u: torch.Tensor, classes: torch.Tensor) -> torch.Tensor:
        """The inverse distribution function: u (any shape) uniforms in [0, 1), classes
        (same shape) ints 0..9 -> pixel values in [0, 1] distributed as the class's
        histogram, uniform inside each bin."""
        bins = self.bins
        h = torch.as_tensor(self.histogram, dtype=torch.float64)
        cdf = torch.cumsum(h, 1)
        cdf[:, -1] = 1.0
        lower = torch.cat([torch.zeros(len(h), 1, dtype=h.dtype), cdf[:, :-1]], 1)
        # One sorted sequence for all classes: class c's distribution function shifted by c.
        shifted = (cdf + torch.arange(len(h), dtype=h.dtype)[:, None]).reshape(-1)
        lower, cdf = lower.reshape(-1), cdf.reshape(-1)
        flat_u, flat_c = u.reshape(-1), classes.reshape(-1)
        out = torch.empty(flat_u.shape, dtype=u.dtype)
        # In chunks: every step is per pixel, and a whole population at once (millions of
        # pixels) would hold about ten float64 temporaries of its size.
        for i in range(0, len(flat_u), self.DRAW_CHUNK):
            cls = flat_c[i:i + self.DRAW_CHUNK].long()
            uu = flat_u[i:i + self.DRAW_CHUNK].double()
            b = torch.searchsorted(shifted, uu + cls, right=True) - cls * bins
            b = b.clamp_(0, bins - 1)
            flat = cls * bins + b
            lo, hi = lower[flat], cdf[flat]
            within = ((uu - lo) / (hi - lo).clamp_min(1e-12)).clamp_(0, 1)
            out[i:i + self.DRAW_CHUNK] = ((b.double() + within) / bins).to(u.dtype)
        return out.reshape(u.shape)


ERRORS = ("log", "absolute")

#: The fitness of the original fooling experiment, as `evolve` arguments: the absolute
#: output error plus the variogram part of the penalty with weight 1, added (no goal);
#: the histogram only drew the pixels, it was not part of the fitness.
ORIGINAL_FITNESS = {"error": "absolute", "prior_weight": 1.0, "goal": None, "histogram": False}


def output_error(logits: torch.Tensor, targets, kind: str = "log") -> torch.Tensor:
    """How far the network's softmax output is from "certainly the target": (n,).

    kind ``"absolute"``: the fooling post's ``sum_j |p_j - onehot_j|``, which equals
    ``2 (1 - p_t)``; computed as twice the probability of all other classes
    (``exp(logsumexp(others) - logsumexp(all))``), so it stays accurate when p_t is
    0.99999 and ``1 - p_t`` would lose its digits to rounding.
    kind ``"log"``: the cross-entropy ``-log p_t``. Both are 0 only at p_t = 1, and near
    it both are about ``1 - p_t`` (times 2 for "absolute"); far from it the absolute
    error is flat (every image with p_t near 0 scores 2), the log error still ranks them.
    """
    if kind not in ERRORS:
        raise ValueError(f"kind must be one of {ERRORS}, got {kind!r}.")
    t = torch.as_tensor(np.asarray(targets), dtype=torch.long)
    others = logits.scatter(1, t[:, None], float("-inf"))
    log_rest = torch.logsumexp(others, 1) - torch.logsumexp(logits, 1)   # log(1 - p_t)
    if kind == "absolute":
        return 2 * torch.exp(log_rest)
    return torch.logsumexp(logits, 1) - logits.gather(1, t[:, None])[:, 0]


@torch.no_grad()
def target_confidence(model, images, targets, threads: int | None = 1) -> np.ndarray:
    """The network's probability of each image's target class: (n,) float64."""
    from .training import as_tensor_images, torch_threads

    x = as_tensor_images(images)
    t = torch.as_tensor(np.asarray(targets), dtype=torch.long)
    model.eval()
    with torch_threads(threads):
        p = torch.softmax(model(x).double(), 1)
    return p.gather(1, t[:, None])[:, 0].numpy()


@dataclass
class Evolution:
    """What `evolve` returns, one entry per island.

    images : (m, 28, 28) float32, the best image of each island.
    targets : (m,) the class each island was bred for.
    confidence : (m,) the network's probability of the target class for the best image.
    fitness : (m,) its fitness (lower is better; see `evolve`).
    best_fitness : (generations + 1, m) the best fitness after each generation (row 0:
        the random start); never increases along axis 0.
    generations : how many generations ran (fewer than asked when every island stopped).
    reached : (m,) the first generation at which the island's best image reached ``goal``
        (0: the random start did), -1 if it never did or no goal was given.
    at_goal : (m, 28, 28) the island's first image to reach the goal (with the goal-first
        fitness: the image before the prior had any say; `fitness`), zeros where none did.
    population : (m, population, 28, 28) every member of every group at the end (None
        in the snapshots given to a callback).
    """

    images: np.ndarray
    targets: np.ndarray
    confidence: np.ndarray
    fitness: np.ndarray
    best_fitness: np.ndarray
    generations: int
    reached: np.ndarray
    at_goal: np.ndarray
    population: np.ndarray | None = None


def _check_int(value, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}, got {value!r}.")
    return int(value)


def error_at(confidence: float, kind: str = "log") -> float:
    """The output error (`output_error`) of an image the network gives ``confidence``."""
    if kind not in ERRORS:
        raise ValueError(f"kind must be one of {ERRORS}, got {kind!r}.")
    return float(-np.log(confidence)) if kind == "log" else float(2 * (1 - confidence))


def fitness(error: torch.Tensor, penalty: torch.Tensor, prior_weight: float,
            goal: float | None = None, kind: str = "log") -> torch.Tensor:
    """The genetic algorithm's fitness (lower is better) from the output error and the
    pixel-statistics penalty, both (n,) (`output_error` of ``kind``, `PixelPrior.penalty`).

    goal None: the fooling post's sum, ``error + prior_weight * penalty``. The two compete: near
    99.99 % the error is about 1e-4, far smaller than what the prior can win or lose, so
    a heavy enough prior stops the confidence short of the goal.
    goal a confidence (say 0.9999): *the goal first, then the prior*. An image that has
    not reached the goal scores ``3 prior_weight + error - e_goal`` (its output error
    alone, shifted; e_goal: the error at the goal, `error_at`); an image that has scores
    ``prior_weight * penalty`` (its statistics alone). The penalty is at most 3, so every
    image at the goal beats every image short of it, and the prior can never pull the
    confidence back below the goal. The weight only sets the scale here; the penalty of
    images short of the goal is not used (`evolve` does not compute it).
    """
    if goal is None:
        return error + prior_weight * penalty
    e_goal = error_at(goal, kind)
    return torch.where(error <= e_goal, prior_weight * penalty,
                       3 * prior_weight + error - e_goal)


def evolve(model, targets, prior: PixelPrior, *, prior_weight: float = 1.0,
           population: int = 20, parents: int = 5, generations: int = 100,
           mutation: float = 1.0, error: str = "log", goal: float | None = None,
           histogram: bool = True, stop_below: float | None = None, seed: int = 0,
           callback: Callable[[int, "Evolution"], bool | None] | None = None,
           every: int = 10, threads: int | None = 1, progress: bool = False) -> Evolution:
    """Breed images that ``model`` calls ``targets``: one island per entry of targets.

    model : torch network, (n, 784) pixels in [0, 1] -> (n, 10) logits (put in eval mode).
    targets : (m,) classes 0..9; island i breeds images of class ``targets[i]``. All
        m islands evolve at once; each generation scores every child of every island
        still evolving in one forward pass.
    prior : the pixel statistics of real digits (`PixelPrior`); it gives the start
        population and the mutations, and the penalty weighted by ``prior_weight``
        (0: the network's output error alone).
    population, parents : images per island, and how many of the best are the parents
        (2 <= parents < population). Every member breeds with one parent chosen at random
        (uniform crossover: each pixel from either with equal chances), and the child
        replaces the member only if it is fitter: so the best fitness never gets worse.
    generations : at most this many generations.
    error : the output error (`output_error`): ``"log"``, -log p_t (default), or
        ``"absolute"``, the fooling post's sum_j |p_j - onehot_j|.
    goal : None (the fooling post's fitness, error + prior_weight * penalty) or a
        confidence such as 0.9999: the goal first, then the prior (`fitness`). With
        ``prior_weight`` 0 an island stops as soon as its best image reaches the goal.
    histogram : whether the penalty includes the histogram part (`PixelPrior.penalty`);
        the original experiment's did not (``**ORIGINAL_FITNESS`` gives its fitness).
    mutation : scales the mutation rates. Each pixel of a child is redrawn from the
        class's histogram with the child's own rate; the rates start spread from
        0.1 % to 5 % (times ``mutation``), a child's rate is its member's times a random
        factor exp(N(0, 0.3^2)), and it is kept when the child is (self-adaptation: the
        rates that give fitter children survive). The fooling post tied the rate to the fitness
        instead, which makes it vanish just when the last 0.1 % of confidence is sought.
    stop_below : an island stops once its best fitness is at or below this.
    seed : fixes every random draw; the same call gives the same images.
    callback : ``callback(generation, evolution)`` every ``every`` generations and at the
        end, with the current best images; return True to stop.
    threads : torch CPU threads (one by default: the same numbers on every run, and no
        idle threads waiting on a busy machine).
    """
    from .threads import torch_threads

    t = np.asarray(targets)
    if t.ndim != 1 or len(t) == 0 or not np.issubdtype(t.dtype, np.integer) or \
            t.min() < 0 or t.max() > 9:
        raise ValueError(f"targets: expected a 1-D array of classes 0..9 (one per island), "
                         f"got {targets!r}.")
    population = _check_int(population, "population", 3)
    parents = _check_int(parents, "parents", 2)
    if parents >= population:
        raise ValueError(f"parents ({parents}) must be smaller than population ({population}): "
                         "the rest of the population are the children.")
    generations = _check_int(generations, "generations", 0)
    every = _check_int(every, "every", 1)
    if not (np.isfinite(prior_weight) and prior_weight >= 0):
        raise ValueError(f"prior_weight must be a number >= 0, got {prior_weight!r}.")
    if error not in ERRORS:
        raise ValueError(f"error must be one of {ERRORS}, got {error!r}.")
    if not (np.isfinite(mutation) and mutation > 0):
        raise ValueError(f"mutation must be a number > 0, got {mutation!r}.")
    if goal is not None and not 0 < goal < 1:
        raise ValueError(f"goal must be a confidence strictly between 0 and 1 (say 0.9999) "
                         f"or None, got {goal!r}.")
    if goal is not None and prior_weight == 0:
        stop_below = 0.0 if stop_below is None else max(stop_below, 0.0)
    model.eval()
    with torch_threads(threads), torch.no_grad():
        return _evolve(model, t.astype(np.int64), prior, float(prior_weight), population,
                       parents, generations, float(mutation), error, goal, bool(histogram),
                       stop_below, seed, callback, every, progress)


def _evolve(model, t, prior, weight, s, k, generations, mutation, error, goal, histogram,
            stop_below, seed, callback, every, progress) -> Evolution:
    m = len(t)
    g = torch.Generator().manual_seed(int(seed))
    tt = torch.as_tensor(t)
    e_goal = None if goal is None else error_at(goal, error)

    def score(x: torch.Tensor, targets: torch.Tensor):
        """Fitness and output error of images x (n, 784)."""
        err = output_error(model(x), targets, error)
        pen = torch.zeros_like(err)
        if weight > 0 and e_goal is None:
            pen = prior.penalty(x, targets, histogram=histogram).to(pen.dtype)
        elif weight > 0:   # the goal first: only images at the goal need their statistics
            ok = torch.nonzero(err <= e_goal)[:, 0]
            if len(ok):
                pen[ok] = prior.penalty(x[ok], targets[ok], histogram=histogram).to(pen.dtype)
        return fitness(err, pen, weight, goal, error), err

    u0 = torch.rand(m, s, 784, generator=g)
    pop = prior.draw(u0, tt[:, None, None].expand(u0.shape)).float()   # (m, s, 784)
    del u0
    fit, err = (v.reshape(m, s) for v in score(pop.reshape(-1, 784), tt.repeat_interleave(s)))
    # Each member's mutation rate, log-uniform from 0.1 % to 5 % of the pixels.
    rate = (mutation * torch.exp(torch.empty(m, s).uniform_(np.log(1e-3), np.log(5e-2),
                                                          generator=g))).clamp_(max=0.5)
    reached = np.full(m, -1)
    at_goal = np.zeros((m, 28, 28), dtype=np.float32)
    history = []
    # The islands still evolving and their state: (a, s, 784) images, (a, s) fitness, error
    # and mutation rate. When islands stop they are written back into pop, fit, err, rate
    # and dropped from the working set, so later generations cost nothing for them.
    work = torch.arange(m)
    P, F, E, R = pop, fit, err, rate
    best_now = fit.min(1).values.double()

    def sync() -> None:
        """Write the working islands' state into the arrays of all islands."""
        if P is not pop:
            pop.index_copy_(0, work, P)
            fit.index_copy_(0, work, F)
            err.index_copy_(0, work, E)
            rate.index_copy_(0, work, R)

    def update_reached(gen: int) -> None:
        if e_goal is not None:
            now = (E <= e_goal).any(1).numpy() & (reached[work.numpy()] < 0)
            if now.any():   # the fittest member is one at the goal
                rows = torch.from_numpy(np.flatnonzero(now))
                islands = work[rows].numpy()
                reached[islands] = gen
                at_goal[islands] = P[rows, F[rows].argmin(1)].reshape(-1, 28, 28).numpy()

    def snapshot(gen: int, everyone: bool = False) -> Evolution:
        sync()
        best = fit.argmin(1)
        images = pop[torch.arange(m), best]
        conf = torch.softmax(model(images).double(), 1).gather(1, tt[:, None])[:, 0]
        members = pop.reshape(m, s, 28, 28).numpy().copy() if everyone else None
        return Evolution(images.reshape(m, 28, 28).numpy().copy(), t.copy(), conf.numpy(),
                         fit[torch.arange(m), best].double().numpy(), np.array(history), gen,
                         reached.copy(), at_goal.copy(), members)

    bar = None
    gens = range(1, generations + 1)
    if progress:
        from tqdm.auto import tqdm
        gens = bar = tqdm(gens, desc="generations", unit="gen")
    done = 0
    update_reached(0)
    history.append(best_now.numpy().copy())
    bank_size = 512
    for gen in gens:
        if stop_below is not None:
            keep = F.min(1).values > stop_below
            if not bool(keep.all()):
                sync()
                work, P, F, E, R = work[keep], P[keep], F[keep], E[keep], R[keep]
        if len(work) == 0:
            break
        a, ti = len(work), tt[work]
        order = F.argsort(dim=1)[:, :k]                                 # (a, k) best first
        partner = order.gather(1, torch.randint(0, k, (a, s), generator=g))
        child_rate = (R * torch.exp(0.3 * torch.randn(a, s, generator=g))).clamp_(1 / 784, 0.5)
        # Uniform crossover: each pixel from the member or the partner, equal chances. The
        # masks are rows of a bank drawn afresh each generation, one row picked at random
        # per child: a fraction of the random numbers one mask per child would need.
        bank = torch.rand(bank_size, 784, generator=g) < 0.5
        coin = bank[torch.randint(0, bank_size, (a * s,), generator=g)].reshape(a, s, 784)
        child = torch.where(coin, P, P[torch.arange(a)[:, None], partner])
        del coin
        # Mutation: each child redraws Binomial(784, rate) pixels, at random places, from
        # its class's histogram (drawing only the few mutated pixels keeps it cheap).
        counts = torch.binomial(torch.full((a * s,), 784.0), child_rate.reshape(-1), generator=g).long()
        rows = torch.repeat_interleave(torch.arange(a * s), counts)
        if len(rows):
            where = rows * 784 + torch.randint(0, 784, (len(rows),), generator=g)
            u = torch.rand(len(rows), generator=g)
            child.reshape(-1)[where] = prior.draw(u, ti.repeat_interleave(s)[rows])
        cf, ce = (v.reshape(a, s) for v in score(child.reshape(-1, 784), ti.repeat_interleave(s)))
        better = cf < F
        kept = torch.nonzero(better.reshape(-1))[:, 0]           # children that replace
        P = P.reshape(a * s, 784).index_copy_(0, kept, child.reshape(a * s, 784)[kept]).reshape(a, s, 784)
        F, E, R = (torch.where(better, new, old) for new, old in ((cf, F), (ce, E), (child_rate, R)))
        if a == m:   # every island still evolving: the working arrays are the full ones
            pop, fit, err, rate = P, F, E, R
        best_now[work] = F.min(1).values.double()
        update_reached(gen)
        history.append(best_now.numpy().copy())
        done = gen
        if callback is not None and (gen % every == 0 or gen == generations):
            if callback(gen, snapshot(gen)):
                break
    if bar is not None:
        bar.close()
    if callback is not None and done % every and done != generations:
        callback(done, snapshot(done))
    return snapshot(done, everyone=True)
