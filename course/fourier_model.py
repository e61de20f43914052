"""Chapter 6: the Fourier fitness model of the Fourier fitness video, trained, measured
and taken apart.

The model (the video's symbols): a matrix ``A`` (20 x 784) and 784 matrices ``B_j``
(10 x 20), stored together as ``B`` of shape (784, 10, 20). For a 28 x 28 image x,

    s(x)   = | red(vec(F x F)) |         (784,)   F the 28 x 28 DFT matrix, |.| per entry,
                                                  red() zeroes the first entry (the total ink)
    y(x)   = (sum_j s_j(x) B_j) A vec(x)  (10,)   one score per class
    g_k(x) = |y_k(x)| / ||x||^3                   the video's classifier functions

and the fitness of (A, B) on training digits D_i with labels c_i is

    mean_i log |y_{c_i}(D_i)|  -  log ||A^T A|| / 2  -  log ||Z^2|| / 4,   Z = sum_j B_j^T B_j.

Norms are Frobenius norms: the video writes ``norm(adjoint(A)*A)`` in Julia, where
``norm`` of a matrix is the Frobenius norm (``opnorm`` would be the spectral one), and the
Frobenius norm is smooth, so gradient ascent has a gradient everywhere.

Symmetries. The fitness is unchanged by A -> cA, B -> c'B (each log term absorbs the
scale) and by A -> GA, B_j -> B_j G^T for an orthogonal G (y keeps B_j G^T G A = B_j A;
||A^T A|| and ||Z^2|| are unchanged since Z -> G Z G^T). It changes for a general
invertible G, because the norm terms see it. So two trained models are compared through
invariants (the g values after `normalise`, or the products B_j A), never entry by entry.

Training (`train_fourier`). One more fact makes it fast: the data term depends on A
only through A restricted to the span of the 100 training images, and on row k of the
B_j only through its projection onto the span of the spectra of class k's digits (the
fitness only looks at each digit's own class score); the parts outside only make
||A^T A|| and ||Z^2|| larger (they add positive semi-definite matrices). So the maximum
is reached with A = A' Q_x^T and B[:, k, :] = Q_k C_k, with Q_x, Q_k orthonormal bases of
those spans, and we optimise the 4,000 numbers of (A', C) instead of 172,480, from the
projection of the start. (With the contrast term every class's score counts, and B's
rows live in the span of all 100 spectra: 22,000 numbers.) ``reduce=False`` optimises all of A and B, as the video does
(slower; it reaches the same maximum, see benchmarks/fourier_targets.py).
The optimiser is L-BFGS (scipy's L-BFGS-B, 5 correction pairs, no bounds) in float64 on
the gradient of `fitness_and_gradient` (worked out by hand, checked against autograd;
about 3 times faster on this small problem; training calls its numpy twin, faster
still), in ``rounds`` rounds (4) of ``iterations`` iterations (100), with A and B
rescaled to ||A A^T|| = ||Z^2|| = 1 between rounds (allowed by the scale symmetry).
One run takes about a second on one thread.

Maximisers (`maximise_g`): g_k as printed has degree 2 - 3 = -1 (the numerator is
quadratic in x, the denominator cubic), so it grows without bound as x -> 0 and has no
maximiser. We maximise the degree-0 ratio |y_k(x)| / ||x||^2 instead, which is the same
as maximising |y_k(x)| on the unit sphere ||x|| = 1 (where it equals g_k): projected
gradient ascent, every run of every class in one batched tensor.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

import numpy as np
import torch

__all__ = ["HIDDEN", "CLASSES", "STARTS", "FitConfig", "start_parameters", "minority_signs", "FourierModel", "fourier_features", "dft_matrix",
           "scores", "fitness", "fitness_and_gradient", "normalise", "first_per_class", "train_fourier",
           "cached_train_fourier", "Maximisers", "maximise_g", "relative_difference",
           "roc_auc", "non_digit_images", "as_images"]

HIDDEN = 20    # rows of A, columns of each B_j
STARTS = ("positive", "lognormal", "gaussian")
CLASSES = 10
PIXELS = 784


def as_images(x, name: str = "x") -> torch.Tensor:
    """Images as a float64 tensor (n, 784): uint8 is divided by 255, floats kept as they are.

    Accepts (n, 28, 28), (n, 784), (28, 28) or (784,) arrays or tensors."""
    if isinstance(x, torch.Tensor):
        t = x.detach() if not x.requires_grad else x
        t = t.to(torch.float64) if t.dtype != torch.uint8 else t.to(torch.float64) / 255.0
    else:
        a = np.asarray(x)
        if a.dtype == object or not (np.issubdtype(a.dtype, np.number)):
            raise ValueError(f"{name}: expected numeric images, got dtype {a.dtype}.")
        t = torch.from_numpy(a.astype(np.float64) / 255.0 if a.dtype == np.uint8 else a.astype(np.float64))
    if t.ndim in (1, 2) and t.shape[-1] != PIXELS and t.shape == (28, 28):
        t = t.reshape(1, PIXELS)
    elif t.ndim == 1:
        t = t.reshape(1, -1)
    elif t.ndim == 3:
        t = t.reshape(len(t), -1)
    if t.ndim != 2 or t.shape[1] != PIXELS:
        raise ValueError(f"{name}: images must have shape (n, 28, 28) or (n, 784), got {tuple(t.shape)}.")
    return t


def dft_matrix(n: int = 28) -> np.ndarray:
    """The n x n discrete Fourier transform matrix F[a, b] = exp(-2 pi i a b / n), complex128."""
    k = np.arange(n)
    return np.exp(-2j * np.pi * np.outer(k, k) / n)


def fourier_features(x) -> torch.Tensor:
    """s(x) = |red(vec(F x F))| for each image: (n, 784) float64, entry 0 set to 0.

    F x F with the symmetric DFT matrix F is the 2-D DFT of x, so this is
    ``|fft2(x)|`` flattened row by row, with the zero-frequency entry (the total ink)
    removed. Differentiable in x (away from zeros of the transform)."""
    t = as_images(x)
    s = torch.fft.fft2(t.reshape(-1, 28, 28)).abs().reshape(-1, PIXELS)
    return torch.cat([torch.zeros_like(s[:, :1]), s[:, 1:]], dim=1)


def _check_AB(A: torch.Tensor, B: torch.Tensor) -> None:
    if A.ndim != 2 or B.ndim != 3 or B.shape[1:] != (CLASSES, A.shape[0]) or B.shape[0] < 1:
        raise ValueError(f"A must be (h, d) and B (q, 10, h); got A {tuple(A.shape)}, B {tuple(B.shape)}.")


def scores(A: torch.Tensor, B: torch.Tensor, x, s=None) -> torch.Tensor:
    """y(x) = (sum_j s_j(x) B_j) A vec(x) for each image: (n, 10), signed.

    A : (h, d); B : (q, 10, h); x : (n, d) images (d = 784 for pixels); s : (n, q) features
    (default `fourier_features(x)`). Vectorised: the sum over j is one matrix product."""
    _check_AB(A, B)
    x = as_images(x) if not isinstance(x, torch.Tensor) or x.ndim != 2 else x
    s = fourier_features(x) if s is None else s
    h = x @ A.T                                                      # (n, h)   A vec(x)
    M = (s @ B.reshape(B.shape[0], -1)).reshape(len(x), CLASSES, A.shape[0])  # sum_j s_j B_j
    return torch.einsum("nkl,nl->nk", M, h)


def _log_norms(A: torch.Tensor, B: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(log ||A^T A||_F, log ||Z^2||_F); ||A^T A||_F = ||A A^T||_F (the same singular values)."""
    Bf = B.reshape(-1, B.shape[-1])
    Z = Bf.T @ Bf                                                     # sum_j B_j^T B_j
    return torch.log(torch.linalg.norm(A @ A.T)), torch.log(torch.linalg.norm(Z @ Z))


def fitness(A: torch.Tensor, B: torch.Tensor, x, y, s=None, *, contrast: float = 0.0) -> torch.Tensor:
    """The video's fitness of (A, B) on images x (n, d) with labels y (n,): a 0-d tensor.

    mean_i log|y_{c_i}(x_i)| - log||A^T A||_F / 2 - log||Z^2||_F / 4.
    contrast : weight of an extra term (this course's variation, not the video's),
        ``contrast * mean_i (log|y_{c_i}(x_i)| - log ||y(x_i)||_2)``, which is at most 0 and
        rewards a digit's own class score being large *relative to the other classes'*.
    """
    Y = scores(A, B, x, s)
    yt = torch.as_tensor(np.asarray(y), dtype=torch.long)
    own = Y[torch.arange(len(Y)), yt].abs().log()
    la, lz = _log_norms(A, B)
    f = own.mean() - la / 2 - lz / 4
    if contrast:
        f = f + contrast * (own - torch.linalg.norm(Y, dim=1).log()).mean()
    return f


@torch.no_grad()
def fitness_and_gradient(A: torch.Tensor, B: torch.Tensor, x: torch.Tensor, y, s: torch.Tensor,
                         contrast: float = 0.0) -> tuple[float, torch.Tensor, torch.Tensor]:
    """`fitness` and its gradient (dF/dA, dF/dB), worked out by hand: what training uses.

    The same value as ``fitness(A, B, x, y, s, contrast=contrast)`` and the same gradient
    as autograd gives (tests check both), in about a third of the time, because the
    course's problem is small and autograd's bookkeeping would dominate. With
    Y = scores (n, 10), T_i = sum_j s_ij B_j (10, h), h_i = A x_i and W = dF/dY:
    dF/dA = sum_i (W_i T_i)^T x_i^T - A A^T A / ||A A^T||^2,
    dF/dB_j = sum_i s_ij W_i h_i^T - B_j Z^3 / ||Z^2||^2.
    """
    value, gA, gB = _fitness_and_gradient_numpy(A.detach().numpy(), B.detach().numpy(),
                                                x.detach().numpy(), np.asarray(y),
                                                s.detach().numpy(), contrast)
    return value, torch.from_numpy(gA), torch.from_numpy(gB)


def _fitness_and_gradient_numpy(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray,
                                s: np.ndarray, contrast: float = 0.0) -> tuple[float, np.ndarray, np.ndarray]:
    """`fitness_and_gradient` on numpy arrays (training calls it directly: on arrays this
    small numpy's calls cost less than torch's)."""
    n, hdim = len(x), A.shape[0]
    rows = np.arange(n)
    h = x @ A.T                                                        # (n, h)
    T = (s @ B.reshape(B.shape[0], -1)).reshape(n, CLASSES, hdim)     # (n, 10, h)
    Y = np.einsum("nkl,nl->nk", T, h)                                  # (n, 10)
    own = Y[rows, y]
    W = np.zeros_like(Y)
    W[rows, y] = (1 + contrast) / (n * own)
    value = np.log(np.abs(own)).mean()
    if contrast:
        sq = (Y * Y).sum(1)
        W -= contrast * Y / (n * sq[:, None])
        value = value + contrast * (np.log(np.abs(own)) - 0.5 * np.log(sq)).mean()
    M = A @ A.T
    Bf = B.reshape(-1, hdim)
    Z = Bf.T @ Bf
    Z2 = Z @ Z
    trM2, trZ4 = (M * M).sum(), (Z2 * Z2).sum()
    value = value - np.log(trM2) / 4 - np.log(trZ4) / 8
    gA = np.einsum("nk,nkl->nl", W, T).T @ x - M @ A / trM2
    gB = (s.T @ (W[:, :, None] * h[:, None, :]).reshape(n, -1)).reshape(B.shape) \
        - (Bf @ (Z2 @ Z) / trZ4).reshape(B.shape)
    return float(value), gA, gB


def normalise(A: torch.Tensor, B: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(A, B) rescaled so that ||A A^T||_F = 1 and ||Z^2||_F = 1 (fitness unchanged)."""
    la, lz = _log_norms(A, B)
    return A * torch.exp(-la / 2), B * torch.exp(-lz / 4)


def first_per_class(x, y, per_class: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """The first ``per_class`` digits of each class, in file order, interleaved 0, 1, ..., 9, 0, ...

    The video trains on the first 100 digits of full MNIST, which hold every class but not
    equally many of each; so do the first 100 bundled digits. This takes the same number
    of each class instead. Returns (images, labels)."""
    y = np.asarray(y)
    idx = []
    for c in range(CLASSES):
        members = np.flatnonzero(y == c)
        if len(members) < per_class:
            raise ValueError(f"first_per_class: class {c} has {len(members)} digits, fewer than "
                             f"per_class={per_class}.")
        idx.append(members[:per_class])
    order = np.stack(idx, axis=1).ravel()  # interleave the classes
    return np.asarray(x)[order], y[order]


@dataclass(frozen=True)
class FitConfig:
    """How `train_fourier` trains (every field enters the cache key).

    start : how A and B start (`start_parameters`): "positive" (entries uniform in [0, 1),
        as in the video), "lognormal" (entries exp(2z), z standard normal: positive too,
        but two starts are nearly perpendicular) or "gaussian" (standard normal: entries of
        both signs, symmetric about 0).
    seed : seeds the start. rounds x iterations : L-BFGS iterations, renormalised between
    rounds. memory : L-BFGS correction pairs. contrast : see `fitness`. reduce : optimise
    in the spans of the training images and spectra (see the module docstring).
    """

    start: str = "positive"
    seed: int = 0
    rounds: int = 4
    iterations: int = 100
    memory: int = 5
    contrast: float = 0.0
    reduce: bool = True

    def validate(self) -> "FitConfig":
        if self.start not in STARTS:
            raise ValueError(f"start must be one of {STARTS}, got {self.start!r}.")
        for name in ("rounds", "iterations", "memory"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name} must be a positive integer, got {v!r}.")
        if not (np.isfinite(self.contrast) and self.contrast >= 0):
            raise ValueError(f"contrast must be a number >= 0, got {self.contrast!r}.")
        return self


@dataclass
class FourierModel:
    """A trained (A, B), normalised so that ||A A^T||_F = ||Z^2||_F = 1.

    A : (20, 784) float64 tensor; B : (784, 10, 20) float64 tensor (B[j] is the video's B_j).
    curve : fitness after every L-BFGS iteration; config : the `FitConfig` used;
    seconds : training time.
    """

    A: torch.Tensor
    B: torch.Tensor
    config: FitConfig
    curve: np.ndarray = field(default_factory=lambda: np.zeros(0))
    seconds: float = 0.0

    def __repr__(self) -> str:
        return (f"FourierModel(A {tuple(self.A.shape)}, B {tuple(self.B.shape)}, "
                f"start={self.config.start!r}, seed={self.config.seed}, final fitness "
                f"{self.curve[-1] if len(self.curve) else float('nan'):.6f})")

    @torch.no_grad()
    def scores(self, x, features=None) -> np.ndarray:
        """y(x): (n, 10) float64, signed. features : `fourier_features(x)`, when the caller
        has them already (scoring the same images with many models)."""
        return scores(self.A, self.B, as_images(x), features).numpy()

    def g(self, x, power: int = 3, features=None) -> np.ndarray:
        """g_k(x) = |y_k(x)| / ||x||^power, (n, 10). power=3 is the video's g; power=2 the
        scale-free ratio (the same for x and 5x) used to flag non-digits. features : as
        for `scores`."""
        x = as_images(x)
        return (np.abs(self.scores(x, features))
                / np.linalg.norm(x.numpy(), axis=1, keepdims=True) ** power)

    def predict(self, x) -> np.ndarray:
        """argmax_k g_k(x): (n,) int64 (the power does not matter: it is shared by all k)."""
        return np.abs(self.scores(x)).argmax(axis=1)

    def fitness(self, x, y) -> float:
        with torch.no_grad():
            return float(fitness(self.A, self.B, as_images(x), y, contrast=self.config.contrast))


def start_parameters(config: FitConfig) -> tuple[torch.Tensor, torch.Tensor]:
    """The (A, B) training starts from: (20, 784) and (784, 10, 20) float64, drawn from
    ``torch.Generator().manual_seed(config.seed)`` as ``config.start`` says.

    Two "positive" starts (uniform entries) are alike: their cosine is about
    E[u]² / E[u²] = 0.75. Two "lognormal" starts exp(2z) are positive but nearly
    perpendicular (cosine about e^-4 ≈ 0.02); two "gaussian" ones are perpendicular
    on average and have entries of both signs."""
    g = torch.Generator().manual_seed(int(config.validate().seed))
    if config.start == "positive":
        draw = torch.rand
    elif config.start == "gaussian":
        draw = torch.randn
    else:
        def draw(*shape, generator, dtype):
            return torch.exp(2.0 * torch.randn(*shape, generator=generator, dtype=dtype))
    A = draw(HIDDEN, PIXELS, generator=g, dtype=torch.float64)
    B = draw(PIXELS, CLASSES, HIDDEN, generator=g, dtype=torch.float64)
    return A, B


def minority_signs(A: torch.Tensor, B: torch.Tensor, x, y, features=None) -> int:
    """How many training digits' own scores y_{c_i}(x_i) have the minority sign in their
    class: 0 when, class by class, all own scores have one sign.

    The fitness has log|y_{c_i}(x_i)| in it, which is −∞ where a score is 0: gradient
    ascent cannot move a score through 0, so the signs a start gives the 100 scores mostly
    stay. Flipping the sign of one class's rows of every B_j changes nothing (y_k → −y_k,
    same norms), so only the signs *within* a class matter: this count. A start with
    positive entries gives every score the same sign (count 0). features : as for
    `FourierModel.scores`."""
    with torch.no_grad():
        Y = scores(A, B, as_images(x), features).numpy()
    labels = np.asarray(y)
    own = Y[np.arange(len(labels)), labels]
    count = 0
    for c in np.unique(labels):
        positive = int(np.sum(own[labels == c] > 0))
        count += min(positive, int(np.sum(labels == c)) - positive)
    return count


def _spectra_basis(S: torch.Tensor, y: np.ndarray, contrast: float) -> tuple[torch.Tensor, np.ndarray]:
    """Where B can live without lowering the fitness (module docstring): (Qs, free).

    Qs (784, q): orthonormal blocks, one per class, each a basis of that class's spectra;
    free (q, 10, h) bool: row k of B may use only class k's block. With the contrast term
    every class's score of every digit counts, so then Qs is one basis of all the spectra
    and every entry is free."""
    if contrast:
        Qs = torch.linalg.qr(S.T).Q
        return Qs, np.ones((Qs.shape[1], CLASSES, HIDDEN), dtype=bool)
    blocks, owner = [], []
    for c in np.unique(y):
        blocks.append(torch.linalg.qr(S[torch.from_numpy(y == c)].T).Q)
        owner += [c] * blocks[-1].shape[1]
    free = np.asarray(owner)[:, None, None] == np.arange(CLASSES)[None, :, None]
    return torch.cat(blocks, dim=1), np.broadcast_to(free, (len(owner), CLASSES, HIDDEN)).copy()


def train_fourier(x, y, config: FitConfig = FitConfig(), *, progress: bool = False) -> FourierModel:
    """Maximise the fitness on images x (n, 28, 28) or (n, 784) with labels y (n,).

    Deterministic: the start comes from ``config.seed``; torch and BLAS run on one thread.
    Returns a normalised `FourierModel`.
    """
    import time

    import scipy.optimize

    from .threads import one_thread

    config.validate()
    X = as_images(x)
    yl = np.asarray(y)
    if yl.shape != (len(X),) or yl.dtype.kind not in "iu" or yl.min() < 0 or yl.max() > 9:
        raise ValueError(f"y must hold one label 0..9 per image ({len(X)}), got shape {yl.shape}.")
    t0 = time.perf_counter()
    with one_thread():
        S = fourier_features(X)
        A0, B0 = start_parameters(config)
        if config.reduce:
            Qx = torch.linalg.qr(X.T).Q                    # (784, n) basis of the images' span
            Qs, free = _spectra_basis(S, yl, config.contrast)
            Xw, Sw = X @ Qx, S @ Qs
            A, B = A0 @ Qx, torch.einsum("jp,jkl->pkl", Qs, B0) * torch.from_numpy(free)
        else:
            Xw, Sw, A, B = X, S, A0, B0
            free = np.ones(B.shape, dtype=bool)
        A, B = normalise(A, B)
        na = A.numel()
        shapes = (A.shape, B.shape)
        curve: list[float] = []
        last = [float("nan")]  # the latest fitness computed: the accepted point's, at a callback

        Xn, Sn = Xw.numpy(), Sw.numpy()
        B_full = np.zeros(shapes[1])                      # entries outside `free` stay 0

        def objective(v):
            B_full[free] = v[na:]
            f, gA, gB = _fitness_and_gradient_numpy(v[:na].reshape(shapes[0]), B_full, Xn, yl,
                                                    Sn, config.contrast)
            last[0] = f
            return -f, -np.concatenate([gA.ravel(), gB[free]])  # scipy minimises

        bar = None
        if progress:
            from tqdm.auto import tqdm
            bar = tqdm(total=config.rounds * config.iterations, desc="fitness ascent", unit="it")

        def record(_):
            curve.append(last[0])
            if bar is not None:
                bar.update(1)

        for _ in range(config.rounds):
            v = np.concatenate([A.ravel().numpy(), B.numpy()[free]])
            res = scipy.optimize.minimize(objective, v, jac=True, method="L-BFGS-B", callback=record,
                                          options=dict(maxiter=config.iterations, maxcor=config.memory,
                                                       ftol=0.0, gtol=1e-12))
            A = torch.from_numpy(res.x[:na].reshape(shapes[0]).copy())
            B = np.zeros(shapes[1])
            B[free] = res.x[na:]
            A, B = normalise(A, torch.from_numpy(B))
        if bar is not None:
            bar.close()
        if config.reduce:
            A, B = A @ Qx.T, torch.einsum("jp,pkl->jkl", Qs, B)
        A, B = normalise(A, B)
    return FourierModel(A.contiguous(), B.contiguous(), config, np.asarray(curve),
                        time.perf_counter() - t0)


def _key(x, y, config: FitConfig) -> str:
    h = hashlib.sha256()
    for a in (as_images(x).numpy(), np.asarray(y, np.int64)):
        a = np.ascontiguousarray(a)
        h.update(str(a.shape).encode() + a.tobytes())
    h.update(json.dumps(asdict(config), sort_keys=True).encode())
    h.update(b"fourier-model-v5" + torch.__version__.encode())
    return h.hexdigest()[:24]


def cached_train_fourier(x, y, config: FitConfig = FitConfig(), *, progress: bool = False,
                         name: str = "ch06-fourier") -> tuple[FourierModel, bool]:
    """`train_fourier`, reusing a model trained before on the same digits with the same
    config from `course.training.model_cache_dir`, or from a class's read-only shared
    folders (`course.training.shared_model_dirs`); key: a hash of images, labels, config.

    Returns (model, from_cache)."""
    from .training import model_cache_dir, shared_model_dirs, write_atomically

    config.validate()
    path = model_cache_dir() / f"{name}-{_key(x, y, config)}.npz"
    for found in [path] + [folder / path.name for folder in shared_model_dirs()]:
        if not found.is_file():
            continue
        try:
            with np.load(found, allow_pickle=False) as z:
                return FourierModel(torch.from_numpy(z["A"]), torch.from_numpy(z["B"]), config,
                                    z["curve"], float(z["seconds"])), True
        except Exception:  # a damaged file is retrained, never trusted
            pass
    model = train_fourier(x, y, config, progress=progress)
    write_atomically(path, lambda f: np.savez(f, A=model.A.numpy(), B=model.B.numpy(),
                                              curve=model.curve, seconds=model.seconds))
    return model, False


# --------------------------------------------------------------------------- maximisers


@dataclass
class Maximisers:
    """Batched maximisation of g_k on the unit sphere.

    classes : (r,) the class k of each run; x : (r, 784) final images, unit norm, sign
    chosen so that the pixels sum to >= 0 (y_k(-x) = -y_k(x): the sign is arbitrary);
    ratio : (r,) |y_k(x)| at the end (= g_k on the sphere); steps : (f,) recorded steps;
    frames : (f, r, 784) float32 snapshots; curve : (steps + 1, r) |y_k| at every step.
    """

    classes: np.ndarray
    x: np.ndarray
    ratio: np.ndarray
    steps: np.ndarray
    frames: np.ndarray
    curve: np.ndarray


def maximise_g(model: FourierModel, classes, starts, *, steps: int = 300, lr: float = 0.5,
               record_every: int = 10) -> Maximisers:
    """Maximise |y_k(x)| / ||x||^2 for run r's class ``classes[r]`` from ``starts[r]``.

    Projected gradient ascent on the sphere: x <- normalise(x + lr_t * grad / ||grad||)
    with lr_t = lr / (1 + t / 50) (a step of fixed angle that shrinks, so the runs
    settle). All runs are one (r, 784) tensor. classes : (r,) ints 0..9;
    starts : (r, 784) or (r, 28, 28) non-zero images.
    """
    from .threads import one_thread

    cls = np.asarray(classes)
    x0 = as_images(starts, "starts").clone()
    if cls.shape != (len(x0),) or cls.dtype.kind not in "iu" or cls.min() < 0 or cls.max() > 9:
        raise ValueError(f"classes must hold one class 0..9 per start ({len(x0)}), got {cls!r}.")
    if not (isinstance(steps, (int, np.integer)) and steps >= 1 and record_every >= 1):
        raise ValueError(f"steps and record_every must be positive integers, got {steps}, {record_every}.")
    if torch.any(torch.linalg.norm(x0, dim=1) == 0):
        raise ValueError("starts: every start must be a non-zero image.")
    k = torch.as_tensor(cls, dtype=torch.long)
    rows = torch.arange(len(k))
    x = x0 / torch.linalg.norm(x0, dim=1, keepdim=True)
    frames, rec, curve = [], [], []
    with one_thread():
        for t in range(steps + 1):
            x.requires_grad_(True)
            value = scores(model.A, model.B, x)[rows, k].abs()
            curve.append(value.detach().numpy().copy())
            if t % record_every == 0 or t == steps:
                frames.append(x.detach().numpy().astype(np.float32).copy())
                rec.append(t)
            if t == steps:
                break
            (grad,) = torch.autograd.grad(value.sum(), x)
            with torch.no_grad():
                grad = grad - (grad * x).sum(1, keepdim=True) * x        # tangent to the sphere
                step = lr / (1 + t / 50)
                x = x + step * grad / torch.linalg.norm(grad, dim=1, keepdim=True).clamp_min(1e-300)
                x = x / torch.linalg.norm(x, dim=1, keepdim=True)
    final = x.detach().numpy()
    sign = np.where(final.sum(1, keepdims=True) < 0, -1.0, 1.0)
    frames_arr = np.stack(frames) * sign[None].astype(np.float32)
    return Maximisers(cls, final * sign, np.asarray(curve)[-1], np.asarray(rec), frames_arr,
                      np.asarray(curve))


# --------------------------------------------------------------------------- measuring


def relative_difference(g1, g2) -> float:
    """||g1 - g2|| / ||g1|| (Frobenius) for two arrays of g values of the same shape."""
    a, b = np.asarray(g1, np.float64), np.asarray(g2, np.float64)
    if a.shape != b.shape:
        raise ValueError(f"g1 and g2 must have the same shape, got {a.shape} and {b.shape}.")
    return float(np.linalg.norm(a - b) / np.linalg.norm(a))


def roc_auc(positive, negative) -> float:
    """Area under the ROC curve for scores where higher means "positive": the chance that
    a random positive scores above a random negative (ties count one half)."""
    p, n = np.asarray(positive, np.float64).ravel(), np.asarray(negative, np.float64).ravel()
    if not len(p) or not len(n):
        raise ValueError("roc_auc: positive and negative scores must both be non-empty.")
    allv = np.concatenate([p, n])
    order = np.argsort(allv, kind="mergesort")
    ranks = np.empty(len(allv))
    sorted_v = allv[order]
    # average ranks over ties (1-based)
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_v)) + 1]
    ends = np.r_[starts[1:], len(allv)]
    for s, e in zip(starts, ends):
        ranks[order[s:e]] = (s + e + 1) / 2
    return float((ranks[:len(p)].sum() - len(p) * (len(p) + 1) / 2) / (len(p) * len(n)))


def non_digit_images(kind: str, n: int, *, reference=None, seed: int = 0) -> np.ndarray:
    """Images that are not digits: (n, 784) float64 in [0, 1].

    kind : "uniform" (pixels uniform in [0, 1]); "gaussian" (normal with the mean and
    standard deviation of the reference digits' pixels, clipped to [0, 1]); "shuffled"
    (each reference digit's pixels in random order: same ink, no shape); "inverted"
    (1 - digit); "letters" (capital letters A-Z drawn with PIL's default font, randomly
    placed, size 16-22); "strokes" (2-4 random straight lines, 2 px wide).
    reference : (m, 784) or (m, 28, 28) digits, needed by gaussian, shuffled, inverted.
    """
    rng = np.random.default_rng(seed)
    kinds = ("uniform", "gaussian", "shuffled", "inverted", "letters", "strokes")
    if kind not in kinds:
        raise ValueError(f"kind must be one of {kinds}, got {kind!r}.")
    if kind in ("gaussian", "shuffled", "inverted"):
        if reference is None:
            raise ValueError(f"non_digit_images({kind!r}) needs reference digits.")
        ref = as_images(reference, "reference").numpy()
        ref = ref[rng.permutation(len(ref))[:n]] if len(ref) >= n else ref[rng.integers(0, len(ref), n)]
    if kind == "uniform":
        return rng.random((n, PIXELS))
    if kind == "gaussian":
        return np.clip(rng.normal(ref.mean(), ref.std(), (n, PIXELS)), 0, 1)
    if kind == "shuffled":
        return np.stack([r[rng.permutation(PIXELS)] for r in ref])
    if kind == "inverted":
        return 1.0 - ref
    from PIL import Image, ImageDraw, ImageFont
    out = np.zeros((n, PIXELS))
    for i in range(n):
        img = Image.new("L", (28, 28), 0)
        draw = ImageDraw.Draw(img)
        if kind == "letters":
            font = ImageFont.load_default(size=int(rng.integers(16, 23)))
            draw.text((int(rng.integers(2, 10)), int(rng.integers(0, 6))),
                      chr(ord("A") + int(rng.integers(0, 26))), fill=255, font=font)
        else:
            for _ in range(int(rng.integers(2, 5))):
                draw.line([tuple(int(v) for v in rng.integers(3, 25, 2)),
                           tuple(int(v) for v in rng.integers(3, 25, 2))], fill=255, width=2)
        out[i] = np.asarray(img, np.float64).ravel() / 255.0
    return out
