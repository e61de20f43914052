"""Networks in PyTorch, one function to train them, and a cache of trained models.

* `make_mlp` builds the same kind of network as `course.mlp.MLP`, in PyTorch;
  `make_cnn` a small convolutional network.
* `train` trains any classifier with mini-batch SGD or Adam: seeded, with a progress
  bar, a callback after each epoch, an optional ``stop`` event (the training dashboard's
  Stop button) and optional data augmentation (small random shifts and rotations).
  It returns a `course.mlp.History`, the same record the numpy network keeps.
* `cached_train` does the same, but first looks in a cache of trained models, so that
  re-running a notebook reuses a model instead of training it again. The cache key is
  a hash of the architecture, the training data and every hyper-parameter: change any
  of them and the model is trained anew. On a classroom hub, ``$COURSE_SHARED_MODELS``
  names read-only folders of models trained once for everyone (see `shared_model_dirs`):
  they are looked in after the learner's own cache, and never written to.

Images go in as ``(n, 28, 28)`` or ``(n, 784)`` float32 in [0, 1] (uint8 is converted),
labels as ``(n,)`` ints. Everything runs on the CPU.

Threads: `train` uses one CPU thread unless told otherwise. The course's networks are
small, and on a shared or busy machine (Binder gives a fraction of a core while torch
sees every core of the host) extra threads spin and wait: measured here on a loaded
2-core machine, a batch-of-10 step took 1.4 ms on one thread and 24 ms on two. One
thread also makes results independent of the machine's core count.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import nn

from .mlp import History
from .threads import torch_threads

__all__ = ["make_mlp", "make_cnn", "TrainConfig", "Augmentation", "CLASSIC", "DRAWN",
           "augment_digits", "train", "cached_train", "predict", "accuracy", "model_cache_dir",
           "shared_model_dirs", "as_tensor_images", "torch_threads", "write_atomically"]


def make_mlp(sizes=(784, 100, 10), activation: str = "relu", seed: int = 0) -> nn.Sequential:
    """A fully connected network: Flatten, then Linear + activation per hidden layer.

    sizes : widths, input first (e.g. ``(784, 16, 16, 10)``); activation : ``"relu"``
    or ``"sigmoid"``. The output layer gives logits (no softmax): the loss adds it.
    """
    sizes = list(sizes)
    if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and s >= 1 for s in sizes):
        raise ValueError(f"sizes must list at least two positive integers, e.g. (784, 100, 10); got {sizes}.")
    acts = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid}
    if activation not in acts:
        raise ValueError(f"activation must be one of {tuple(acts)}, got {activation!r}.")
    torch.manual_seed(seed)
    layers: list[nn.Module] = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(acts[activation]())
    return nn.Sequential(*layers)


def make_cnn(channels=(16, 32), hidden: int = 128, dropout: float = 0.25, seed: int = 0,
             batchnorm: bool = False) -> nn.Sequential:
    """A small convolutional network for 28x28 digits.

    Two (or three) blocks of [3x3 convolution, ReLU, 2x2 max-pool] with ``channels``
    filters (28 -> 14 -> 7 pixels, and 7 -> 4 with a third block), then a hidden layer of
    ``hidden`` units with dropout, then 10 logits. ``batchnorm`` puts a batch
    normalisation after each convolution (before its ReLU): the network learns in fewer
    epochs, and in evaluation mode it is a fixed scale and shift.
    """
    channels = tuple(channels)
    if len(channels) not in (2, 3) or min(channels) < 1 or hidden < 1 or not 0 <= dropout < 1:
        raise ValueError(f"make_cnn: channels must be two or three positive ints, hidden positive "
                         f"and 0 <= dropout < 1; got channels={channels}, hidden={hidden}, "
                         f"dropout={dropout}.")
    torch.manual_seed(seed)
    norm = nn.BatchNorm2d if batchnorm else (lambda c: None)
    layers, c_in, side = [nn.Unflatten(1, (1, 28, 28))], 1, 28       # (n, 784) -> (n, 1, 28, 28)
    for c in channels:
        layers += [nn.Conv2d(c_in, c, 3, padding=1), norm(c), nn.ReLU(),
                   nn.MaxPool2d(2, ceil_mode=side % 2 == 1)]          # 28 -> 14 -> 7 -> 4
        c_in, side = c, (side + 1) // 2
    layers += [nn.Flatten(), nn.Linear(c_in * side * side, hidden), nn.ReLU(), nn.Dropout(dropout),
               nn.Linear(hidden, 10)]
    return nn.Sequential(*[layer for layer in layers if layer is not None])


def as_tensor_images(x: np.ndarray | torch.Tensor) -> torch.Tensor:
    """Images as a float32 tensor (n, 784) in [0, 1]; accepts uint8 or float, (n, 28, 28) or (n, 784)."""
    if isinstance(x, torch.Tensor):
        t = x
    else:
        arr = np.asarray(x)
        t = torch.from_numpy(arr.astype(np.float32) / 255.0 if arr.dtype == np.uint8
                             else arr.astype(np.float32, copy=False))
    if t.ndim == 3:
        t = t.reshape(len(t), -1)
    if t.ndim != 2 or t.shape[1] != 784:
        raise ValueError(f"images must have shape (n, 28, 28) or (n, 784), got {tuple(t.shape)}.")
    return t.float()


@dataclass(frozen=True)
class TrainConfig:
    """Every hyper-parameter of `train` (the cache key is made from these)."""

    epochs: int = 10
    batch_size: int = 64
    lr: float = 0.1
    optimizer: str = "sgd"        # "sgd", "adam" or "adamw" (Adam, weight decay kept apart)
    loss: str = "cross_entropy"   # "cross_entropy", or "quadratic" on sigmoid outputs (the classic network's)
    augment: "bool | Augmentation" = False  # True: shifts up to 2 px, rotations up to 10 degrees
    weight_decay: float = 0.0
    seed: int = 0
    schedule: str = "constant"    # learning rate: "constant", or "onecycle" (up, then down to ~0)
    label_smoothing: float = 0.0  # cross-entropy against (1 - ls) one-hot + ls / 10 everywhere
    channels_last: bool = False   # CNNs: keep images channel by channel last in memory while
                                  # training (faster convolutions on a CPU; rounds differently)

    @property
    def augmentation(self) -> "Augmentation | None":
        """The `Augmentation` used (None when ``augment`` is False)."""
        if self.augment is True:
            return CLASSIC
        return self.augment or None

    def validate(self) -> "TrainConfig":
        if not (isinstance(self.epochs, (int, np.integer)) and self.epochs >= 1):
            raise ValueError(f"epochs must be a positive integer, got {self.epochs!r}.")
        if not (isinstance(self.batch_size, (int, np.integer)) and self.batch_size >= 1):
            raise ValueError(f"batch_size must be a positive integer, got {self.batch_size!r}.")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"lr (the learning rate) must be a positive number, got {self.lr!r}.")
        if self.optimizer not in ("sgd", "adam", "adamw"):
            raise ValueError(f"optimizer must be 'sgd', 'adam' or 'adamw', got {self.optimizer!r}.")
        if self.loss not in ("cross_entropy", "quadratic"):
            raise ValueError(f"loss must be 'cross_entropy' or 'quadratic', got {self.loss!r}.")
        if self.weight_decay < 0:
            raise ValueError(f"weight_decay must be >= 0, got {self.weight_decay!r}.")
        if not isinstance(self.augment, (bool, Augmentation)):
            raise ValueError(f"augment must be True, False or an Augmentation, got {self.augment!r}.")
        if isinstance(self.augment, Augmentation):
            self.augment.validate()
        if self.schedule not in ("constant", "onecycle"):
            raise ValueError(f"schedule must be 'constant' or 'onecycle', got {self.schedule!r}.")
        if not 0 <= self.label_smoothing < 1:
            raise ValueError(f"label_smoothing must be in [0, 1), got {self.label_smoothing!r}.")
        if self.label_smoothing and self.loss != "cross_entropy":
            raise ValueError("label_smoothing needs loss='cross_entropy'.")
        return self


@dataclass(frozen=True)
class Augmentation:
    """Random changes made to a training digit each time it is used (`train`'s ``augment``).

    Each digit gets its own draw of every change, uniform in the range given:

    * ``shift``: pixels moved along each axis, in [-shift, shift];
    * ``rotate``: degrees turned, in [-rotate, rotate];
    * ``scale``: (smallest, largest) size factor, drawn log-uniformly (1.3 = 30 % larger);
    * ``slant``: shear, the column moved by ``slant`` pixels per pixel of height, in
      [-slant, slant] (how far handwriting leans);
    * ``thickness``: (thinnest, boldest) stroke change in steps of a 3 × 3 dilation
      (1 = one pixel bolder on each side; -0.5 = half way to a 3 × 3 erosion), blended
      between whole steps;
    * ``elastic``: largest displacement, in pixels, of a smooth random warp (a 4 × 4 grid
      of random moves, interpolated over the digit), the wobble of a hand;
    * ``printed_ones``: the share of 1s given a printed-style flag at the top (half of
      them) and/or a foot at the bottom (the others, and half of those with a flag),
      drawn as strokes of the digit's own width. MNIST's 1s are single strokes; printed 1s and many people's
      have a flag and a foot, which no change of shape or stroke can make from MNIST's.
      It needs the labels (`augment_digits`'s ``labels``).

    ``Augmentation()`` is the classic recipe (``augment=True``): shifts of up to 2 pixels
    and rotations of up to 10 degrees, nothing else. `DRAWN` adds what drawn digits do.
    """

    shift: float = 2.0
    rotate: float = 10.0
    scale: tuple[float, float] = (1.0, 1.0)
    slant: float = 0.0
    thickness: tuple[float, float] = (0.0, 0.0)
    elastic: float = 0.0
    printed_ones: float = 0.0

    def validate(self) -> "Augmentation":
        lo, hi = self.scale
        if not (0 < lo <= hi and np.isfinite(hi)):
            raise ValueError(f"Augmentation.scale must be (smallest, largest) with 0 < smallest "
                             f"<= largest, got {self.scale!r}.")
        t_lo, t_hi = self.thickness
        if not -1 <= t_lo <= t_hi <= 3:
            raise ValueError(f"Augmentation.thickness must be (thinnest, boldest) with -1 <= "
                             f"thinnest <= boldest <= 3 dilation steps, got {self.thickness!r}.")
        for name in ("shift", "rotate", "slant", "elastic"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v >= 0):
                raise ValueError(f"Augmentation.{name} must be a number >= 0, got {v!r}.")
        if not 0 <= self.printed_ones <= 1:
            raise ValueError(f"Augmentation.printed_ones must be a share in [0, 1], got "
                             f"{self.printed_ones!r}.")
        return self


#: The classic augmentation (``augment=True``): small shifts and rotations.
CLASSIC = Augmentation()
#: Augmentation for digits people draw: strokes from thin to bold, sizes 0.7 to 1.3,
#: rotations, slant and a small elastic wobble on top of the classic shifts, and half of
#: the 1s printed-style (with a flag and/or a foot).
DRAWN = Augmentation(shift=2.0, rotate=12.0, scale=(0.7, 1.3), slant=0.3, thickness=(-0.5, 1.5),
                     elastic=1.5, printed_ones=0.5)


def _dilate(x: torch.Tensor) -> torch.Tensor:
    """3 × 3 dilation (the largest value of each pixel's neighbourhood) of x (n, 1, 28, 28),
    paper (0) outside the frame; the same as ``max_pool2d(x, 3, 1, 1)`` for ink >= 0, and
    several times faster on a CPU."""
    p = nn.functional.pad(x, (1, 1, 1, 1))
    rows = torch.maximum(torch.maximum(p[..., :-2, :], p[..., 1:-1, :]), p[..., 2:, :])
    return torch.maximum(torch.maximum(rows[..., :-2], rows[..., 1:-1]), rows[..., 2:])


def _thicken(x: torch.Tensor, steps: torch.Tensor) -> torch.Tensor:
    """Strokes of x (n, 1, 28, 28) made bolder (steps > 0, 3 × 3 dilations) or thinner
    (steps < 0, 3 × 3 erosions, the paper's dilation) by ``steps`` (n,), blended between
    whole steps."""
    out = x
    for sign in (1, -1):
        amount = (steps * sign).clamp(min=0)
        if not bool((amount > 0).any()):
            continue
        prev = x
        for k in range(int(np.ceil(float(amount.max())))):
            nxt = _dilate(prev) if sign > 0 else 1 - _dilate(1 - prev)
            w = (amount - k).clamp(0, 1).view(-1, 1, 1, 1)
            out = out + w * (nxt - prev)
            prev = nxt
    return out


def _segments(n_px: int, starts: torch.Tensor, ends: torch.Tensor, width: torch.Tensor) -> torch.Tensor:
    """Ink (n, 1, n_px, n_px) of one straight stroke per image from starts (n, 2) to ends
    (n, 2), (row, column) in pixels, ``width`` (n,) pixels wide with soft edges."""
    r, c = torch.meshgrid(torch.arange(n_px, dtype=torch.float32),
                          torch.arange(n_px, dtype=torch.float32), indexing="ij")
    p = torch.stack([r, c], -1).reshape(1, -1, 2)                         # (1, P, 2)
    a, d = starts[:, None], (ends - starts)[:, None]                      # (n, 1, 2)
    t = (((p - a) * d).sum(-1) / (d * d).sum(-1).clamp_min(1e-6)).clamp(0, 1)
    dist = (p - (a + t[..., None] * d)).norm(dim=-1)                      # (n, P)
    ink = (width[:, None] / 2 + 0.5 - dist).clamp(0, 1)
    return ink.reshape(-1, 1, n_px, n_px)


def _print_ones(images: torch.Tensor, chosen: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Give each chosen digit of images (n, 1, 28, 28) a flag at the top of its ink (one in
    two), a foot at the bottom (all the others, and half of those with a flag), as wide
    as its stroke."""
    u = torch.rand(len(images), 6, generator=generator)[chosen]
    x = images[chosen, 0]                                                  # (m, 28, 28)
    has_row = (x > 0.3).any(2)                                             # (m, 28)
    keep = has_row.any(1)
    if not bool(keep.any()):
        return images
    x, u, has_row = x[keep], u[keep], has_row[keep]
    rows = torch.arange(28, dtype=torch.float32)
    top = torch.where(has_row, rows, torch.full_like(rows, 99)).min(1).values
    bottom = torch.where(has_row, rows, torch.full_like(rows, -1)).max(1).values
    def centre(row):                                                       # ink's mean column
        line = x[torch.arange(len(x)), row.long()]
        return (line * rows).sum(1) / line.sum(1).clamp_min(1e-6)
    width = (x.sum((1, 2)) / has_row.sum(1)).clamp(1.0, 4.0)              # ink per row ~ stroke width
    height = (bottom - top).clamp_min(1)
    flag = u[:, 0] < 0.5                                                   # a flag: one in two,
    foot = ~flag | (u[:, 1] < 0.5)                                         # else a foot, or both
    tc, bc = centre(top), centre(bottom)
    flag_len = height * (0.25 + 0.15 * u[:, 2])
    flag_end = torch.stack([top + flag_len * (0.5 + 0.3 * u[:, 3]), tc - flag_len], 1)
    half_foot = height * (0.15 + 0.1 * u[:, 4])
    strokes = torch.maximum(
        _segments(28, torch.stack([top, tc], 1), flag_end, width) * flag.view(-1, 1, 1, 1),
        _segments(28, torch.stack([bottom, bc - half_foot], 1),
                  torch.stack([bottom, bc + half_foot], 1), width) * foot.view(-1, 1, 1, 1))
    out = images.clone()
    where = chosen.nonzero()[:, 0][keep]
    out[where] = torch.maximum(images[where], strokes * images[where].amax((2, 3), keepdim=True))
    return out


@functools.cache
def _smooth_basis() -> torch.Tensor:
    """(16, 784): bicubic interpolation of a 4 × 4 grid to 28 × 28, as a matrix."""
    basis = torch.eye(16).reshape(16, 1, 4, 4)
    return nn.functional.interpolate(basis, size=(28, 28), mode="bicubic",
                                     align_corners=True).reshape(16, 784)


def augment_digits(xb: torch.Tensor, generator: torch.Generator,
                   aug: Augmentation = CLASSIC, labels: torch.Tensor | None = None) -> torch.Tensor:
    """One random draw of `Augmentation` ``aug`` per image of xb (n, 784); returns (n, 784).

    labels : (n,) the digits' classes, needed only for ``aug.printed_ones``.
    The classic augmentation draws its random numbers first (angle, then shift), so
    ``aug=CLASSIC`` gives the same images it always gave for the same generator state.
    """
    n = len(xb)
    angle = (torch.rand(n, generator=generator) * 2 - 1) * (aug.rotate * np.pi / 180)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * (aug.shift / 14)  # grid units: 14 px = 1
    cos, sin = torch.cos(angle), torch.sin(angle)
    a11, a12, a21, a22 = cos, -sin, sin, cos
    lo, hi = aug.scale
    if (lo, hi) != (1.0, 1.0):   # output pixel o shows input pixel o / s: the digit grows by s
        s = torch.exp(torch.empty(n).uniform_(np.log(lo), np.log(hi), generator=generator))
        a11, a12, a21, a22 = a11 / s, a12 / s, a21 / s, a22 / s
    if aug.slant:                # x_in = x_out + k * y_out: columns lean by k px per px
        k = (torch.rand(n, generator=generator) * 2 - 1) * aug.slant
        a12, a22 = a12 + a11 * k, a22 + a21 * k
    theta = torch.stack([torch.stack([a11, a12, shift[:, 0]], 1),
                         torch.stack([a21, a22, shift[:, 1]], 1)], 1)
    images = xb.reshape(n, 1, 28, 28)
    if aug.printed_ones:
        if labels is None:
            raise ValueError("augment_digits: printed_ones needs the digits' labels.")
        chosen = (torch.as_tensor(labels) == 1) & (torch.rand(n, generator=generator) < aug.printed_ones)
        images = _print_ones(images, chosen, generator)
    t_lo, t_hi = aug.thickness
    if (t_lo, t_hi) != (0.0, 0.0):
        steps = t_lo + torch.rand(n, generator=generator) * (t_hi - t_lo)
        images = _thicken(images, steps)
    grid = nn.functional.affine_grid(theta, (n, 1, 28, 28), align_corners=False)
    if aug.elastic:
        coarse = torch.rand(n * 2, 16, generator=generator) * 2 - 1       # 4 x 4 moves, x and y
        warp = (coarse @ _smooth_basis()).reshape(n, 2, 28, 28)          # smooth over 28 x 28
        grid = grid + warp.permute(0, 2, 3, 1) * (aug.elastic / 14)
    out = nn.functional.grid_sample(images, grid, align_corners=False)
    return out.clamp(0, 1).reshape(n, 784)


def _augment(xb: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """The classic augmentation: random shifts (up to 2 px) and rotations (up to 10 degrees)."""
    return augment_digits(xb, generator, CLASSIC)


def _loss_fn(kind: str, label_smoothing: float = 0.0) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    if kind == "cross_entropy":
        if label_smoothing:
            return lambda logits, y: nn.functional.cross_entropy(logits, y,
                                                                 label_smoothing=label_smoothing)
        return nn.functional.cross_entropy
    def quadratic(logits, y):  # the classic network's cost, on sigmoid outputs as in course.mlp
        target = nn.functional.one_hot(y, logits.shape[1]).to(logits.dtype)
        return 0.5 * ((torch.sigmoid(logits) - target) ** 2).sum(dim=1).mean()
    return quadratic


@torch.no_grad()
def predict(model: nn.Module, x, batch_size: int = 2000, threads: int | None = 1) -> np.ndarray:
    """Predicted classes (n,) int64 for images x (see `as_tensor_images`)."""
    model.eval()
    xt = as_tensor_images(x)
    with torch_threads(threads):
        return torch.cat([model(xt[i:i + batch_size]).argmax(1)
                          for i in range(0, len(xt), batch_size)]).numpy()


def accuracy(model: nn.Module, x, y) -> float:
    """Share of images whose predicted class equals the label."""
    return float((predict(model, x) == np.asarray(y)).mean())


@torch.no_grad()
def _evaluate(model, xt, yt, loss_fn) -> tuple[float, float]:
    model.eval()
    total, correct = 0.0, 0
    for i in range(0, len(xt), 2000):
        out = model(xt[i:i + 2000])
        total += float(loss_fn(out, yt[i:i + 2000])) * len(out)
        correct += int((out.argmax(1) == yt[i:i + 2000]).sum())
    return total / len(xt), correct / len(xt)


def train(model: nn.Module, x_train, y_train, config: TrainConfig = TrainConfig(), *,
          test: tuple | None = None, callback: Callable[[int, History], bool | None] | None = None,
          stop: threading.Event | None = None, progress: bool = True,
          threads: int | None = 1, train_metrics: str = "full") -> History:
    """Train ``model`` in place; returns the per-epoch `History` (losses and accuracies).

    x_train : (n, 28, 28) or (n, 784) images; y_train : (n,) labels 0..9.
    config : hyper-parameters (`TrainConfig`); its ``seed`` fixes the shuffling, the
        augmentation and dropout, so the same call gives the same model.
    test : optional ``(x_test, y_test)`` measured after every epoch.
    callback : ``callback(epoch, history)`` after each epoch; return True to stop.
    stop : a `threading.Event`; when set, training stops after the current batch and
        the model is left as it is (usable, partly trained).
    threads : CPU threads for torch during training (see the module docstring); None
        keeps torch's own setting.
    train_metrics : ``"full"``: after each epoch, the loss and accuracy on every training
        digit as it is; ``"running"``: the mean over the epoch's mini-batches, as the
        network saw them (augmented, dropout on) while it changed, which costs nothing
        (a full pass costs almost as much as a training epoch).
    """
    config.validate()
    if train_metrics not in ("full", "running"):
        raise ValueError(f"train_metrics must be 'full' or 'running', got {train_metrics!r}.")
    with torch_threads(threads):
        return _train(model, x_train, y_train, config, test, callback, stop, progress,
                      train_metrics)


def _train(model, x_train, y_train, config, test, callback, stop, progress, train_metrics) -> History:
    xt, yt = as_tensor_images(x_train), torch.as_tensor(np.asarray(y_train), dtype=torch.long)
    if len(xt) != len(yt):
        raise ValueError(f"x_train has {len(xt)} images but y_train has {len(yt)} labels.")
    test_t = None if test is None else (as_tensor_images(test[0]),
                                        torch.as_tensor(np.asarray(test[1]), dtype=torch.long))
    generator = torch.Generator().manual_seed(config.seed)
    torch.manual_seed(config.seed)  # dropout draws from the global generator
    opt_cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[config.optimizer]
    optimiser = opt_cls(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    loss_fn = _loss_fn(config.loss)
    train_loss_fn = _loss_fn(config.loss, config.label_smoothing)
    steps_per_epoch = -(-len(xt) // config.batch_size)
    scheduler = None
    if config.schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimiser, max_lr=config.lr, epochs=config.epochs, steps_per_epoch=steps_per_epoch)
    augmentation = config.augmentation
    if config.channels_last:
        model.to(memory_format=torch.channels_last)
    history = History()
    epochs = range(config.epochs)
    bar = None
    if progress:
        from tqdm.auto import tqdm
        epochs = bar = tqdm(epochs, desc="training", unit="epoch")
    for epoch in epochs:
        model.train()
        order = torch.randperm(len(xt), generator=generator)
        seen, loss_sum, correct = 0, 0.0, 0
        for start in range(0, len(xt), config.batch_size):
            if stop is not None and stop.is_set():
                break
            batch = order[start:start + config.batch_size]
            xb = xt[batch]
            if augmentation is not None:
                xb = augment_digits(xb, generator, augmentation, yt[batch])
            optimiser.zero_grad()
            out = model(xb)
            loss = train_loss_fn(out, yt[batch])
            loss.backward()
            optimiser.step()
            if train_metrics == "running":
                seen += len(batch)
                loss_sum += float(loss.detach()) * len(batch)
                correct += int((out.argmax(1) == yt[batch]).sum())
            if scheduler is not None:
                scheduler.step()
        if train_metrics == "full":
            loss, acc = _evaluate(model, xt, yt, loss_fn)
        else:
            loss, acc = loss_sum / max(seen, 1), correct / max(seen, 1)
        history.train_loss.append(loss)
        history.train_accuracy.append(acc)
        if test_t is not None:
            tl, ta = _evaluate(model, *test_t, loss_fn)
            history.test_loss.append(tl)
            history.test_accuracy.append(ta)
        if bar is not None:
            bar.set_postfix(loss=f"{loss:.3f}", acc=f"{acc:.3f}")
        if (callback is not None and callback(epoch, history)) or (stop is not None and stop.is_set()):
            break
    if config.channels_last:
        model.to(memory_format=torch.contiguous_format)
    model.eval()
    return history


def model_cache_dir() -> Path:
    """Where trained models are kept: ``$COURSE_MODEL_CACHE`` or ``~/.cache/mnist-course/models``."""
    env = os.environ.get("COURSE_MODEL_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mnist-course" / "models"


def shared_model_dirs() -> list[Path]:
    """Read-only folders of models trained once for a whole class: ``$COURSE_SHARED_MODELS``.

    The variable holds one folder or several separated by ``os.pathsep`` (``:``), e.g.
    ``/opt/mnist-course-hub/shared/models`` on a hub. `cached_train` looks in them after the
    learner's own cache (`model_cache_dir`) and saves what it trains to the learner's own
    cache only, so a shared folder can belong to root and stay unchanged.
    """
    env = os.environ.get("COURSE_SHARED_MODELS", "")
    return [Path(p).expanduser() for p in env.split(os.pathsep) if p.strip()]


def _cache_key(model: nn.Module, x, y, config: TrainConfig, test) -> str:
    h = hashlib.sha256()
    h.update(repr(model).encode())
    for t in model.state_dict().values():  # the initial weights (fixed by the model's seed)
        h.update(t.detach().cpu().numpy().tobytes())
    images = (x, test[0]) if test is not None else (x,)
    labels = (y, test[1]) if test is not None else (y,)
    # Images are hashed as the network sees them, so uint8 digits and the same digits as
    # floats in [0, 1] (load_mnist(as_float=True)) share one cached model.
    arrays = [as_tensor_images(a).numpy() for a in images] + [np.asarray(a, np.int64) for a in labels]
    for a in arrays:
        a = np.ascontiguousarray(a)
        h.update(str(a.shape).encode() + str(a.dtype).encode())
        h.update(a.tobytes())
    h.update(json.dumps(asdict(config), sort_keys=True).encode())
    h.update(torch.__version__.encode())
    return h.hexdigest()[:24]


def write_atomically(path: Path, write: Callable) -> None:
    """Write ``path`` through a temporary file of its own, then rename it into place.

    ``write(f)`` writes the content to the open binary file ``f``. The temporary file's
    name is unique to this writer (`tempfile.mkstemp`, in the same folder), so two
    processes saving the same file at once never write into one temporary file; each
    rename is atomic, so a reader sees the old file or a whole new one, never half of
    one. When ``write`` fails, the temporary file is removed and the error raised.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)       # as open() would make it (mkstemp makes it private)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cached_train(name: str, model: nn.Module, x_train, y_train, config: TrainConfig = TrainConfig(),
                 *, test: tuple | None = None, progress: bool = True,
                 verbose: bool = True) -> tuple[nn.Module, History, bool]:
    """Like `train`, but reuse a model trained before with the very same inputs.

    Returns ``(model, history, from_cache)``. The model is trained (and saved) when the
    cache holds no model for this architecture, initial weights, data and config.

    A cache file is read with ``torch.load(weights_only=True)``: tensors, numbers, lists
    and dicts, never code; a file that is not such (damaged, or planted) is retrained.
    Files are written through `write_atomically`, so two kernels training the same model
    at once both get it and leave one whole file.
    """
    config.validate()
    key = _cache_key(model, x_train, y_train, config, test)
    path = model_cache_dir() / f"{name}-{key}.pt"
    for found in [path] + [folder / path.name for folder in shared_model_dirs()]:
        if not found.is_file():
            continue
        try:
            # weights_only: a cache file (perhaps in a folder shared by a class) never runs code.
            saved = torch.load(found, weights_only=True)
            model.load_state_dict(saved["state_dict"])
            model.eval()
            if verbose:
                where = "cache" if found == path else f"shared models in {found.parent}:"
                print(f"{name}: reused the model trained earlier ({where} {found.name}).")
            return model, History(**saved["history"]), True
        except Exception as err:  # a damaged cache file is retrained, never trusted
            if verbose:
                print(f"{name}: cached model {found} could not be read ({err}); training again.")
    history = train(model, x_train, y_train, config, test=test, progress=progress)
    saved = {"state_dict": model.state_dict(), "history": asdict(history)}
    write_atomically(path, lambda f: torch.save(saved, f))
    if verbose:
        print(f"{name}: trained and saved to the cache ({path.name}).")
    return model, history, False
