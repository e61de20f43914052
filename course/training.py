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
  of them and the model is trained anew.

Images go in as ``(n, 28, 28)`` or ``(n, 784)`` float32 in [0, 1] (uint8 is converted),
labels as ``(n,)`` ints. Everything runs on the CPU.

Threads: `train` uses one CPU thread unless told otherwise. The course's networks are
small, and on a shared or busy machine (Binder gives a fraction of a core while torch
sees every core of the host) extra threads spin and wait: measured here on a loaded
2-core machine, a batch-of-10 step took 1.4 ms on one thread and 24 ms on two. One
thread also makes results independent of the machine's core count.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import nn

from .mlp import History

__all__ = ["make_mlp", "make_cnn", "TrainConfig", "train", "cached_train", "predict",
           "accuracy", "model_cache_dir", "as_tensor_images", "torch_threads"]


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


def make_cnn(channels=(16, 32), hidden: int = 128, dropout: float = 0.25, seed: int = 0) -> nn.Sequential:
    """A small convolutional network for 28x28 digits.

    Two blocks of [3x3 convolution, ReLU, 2x2 max-pool] with ``channels`` filters,
    then a hidden layer of ``hidden`` units with dropout, then 10 logits.
    """
    if len(channels) != 2 or min(channels) < 1 or hidden < 1 or not 0 <= dropout < 1:
        raise ValueError(f"make_cnn: channels must be two positive ints, hidden positive and "
                         f"0 <= dropout < 1; got channels={channels}, hidden={hidden}, dropout={dropout}.")
    torch.manual_seed(seed)
    c1, c2 = channels
    return nn.Sequential(
        nn.Unflatten(1, (1, 28, 28)),                                       # (n, 784) -> (n, 1, 28, 28)
        nn.Conv2d(1, c1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),        # 14 x 14
        nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),       # 7 x 7
        nn.Flatten(), nn.Linear(c2 * 7 * 7, hidden), nn.ReLU(), nn.Dropout(dropout),
        nn.Linear(hidden, 10))


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
    optimizer: str = "sgd"        # "sgd" or "adam"
    loss: str = "cross_entropy"   # "cross_entropy", or "quadratic" on sigmoid outputs (the classic network's)
    augment: bool = False         # random shifts of up to 2 pixels, rotations up to 10 degrees
    weight_decay: float = 0.0
    seed: int = 0

    def validate(self) -> "TrainConfig":
        if not (isinstance(self.epochs, (int, np.integer)) and self.epochs >= 1):
            raise ValueError(f"epochs must be a positive integer, got {self.epochs!r}.")
        if not (isinstance(self.batch_size, (int, np.integer)) and self.batch_size >= 1):
            raise ValueError(f"batch_size must be a positive integer, got {self.batch_size!r}.")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"lr (the learning rate) must be a positive number, got {self.lr!r}.")
        if self.optimizer not in ("sgd", "adam"):
            raise ValueError(f"optimizer must be 'sgd' or 'adam', got {self.optimizer!r}.")
        if self.loss not in ("cross_entropy", "quadratic"):
            raise ValueError(f"loss must be 'cross_entropy' or 'quadratic', got {self.loss!r}.")
        if self.weight_decay < 0:
            raise ValueError(f"weight_decay must be >= 0, got {self.weight_decay!r}.")
        return self


def _augment(xb: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Random shifts (up to 2 px) and rotations (up to 10 degrees), one per image, (n, 784)."""
    n = len(xb)
    angle = (torch.rand(n, generator=generator) * 2 - 1) * (10 * np.pi / 180)
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * (2 / 14)  # grid units: 14 px = 1
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1),
                         torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = nn.functional.affine_grid(theta, (n, 1, 28, 28), align_corners=False)
    out = nn.functional.grid_sample(xb.reshape(n, 1, 28, 28), grid, align_corners=False)
    return out.reshape(n, 784)


@contextlib.contextmanager
def torch_threads(n: int | None):
    """Run the block with ``torch.set_num_threads(n)``, restoring the old value after.

    ``None`` leaves torch's setting alone."""
    if n is None:
        yield
        return
    if not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"threads must be a positive integer or None, got {n!r}.")
    old = torch.get_num_threads()
    torch.set_num_threads(int(n))
    try:
        yield
    finally:
        torch.set_num_threads(old)


def _loss_fn(kind: str) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    if kind == "cross_entropy":
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
          threads: int | None = 1) -> History:
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
    """
    config.validate()
    with torch_threads(threads):
        return _train(model, x_train, y_train, config, test, callback, stop, progress)


def _train(model, x_train, y_train, config, test, callback, stop, progress) -> History:
    xt, yt = as_tensor_images(x_train), torch.as_tensor(np.asarray(y_train), dtype=torch.long)
    if len(xt) != len(yt):
        raise ValueError(f"x_train has {len(xt)} images but y_train has {len(yt)} labels.")
    test_t = None if test is None else (as_tensor_images(test[0]),
                                        torch.as_tensor(np.asarray(test[1]), dtype=torch.long))
    generator = torch.Generator().manual_seed(config.seed)
    torch.manual_seed(config.seed)  # dropout draws from the global generator
    opt_cls = torch.optim.SGD if config.optimizer == "sgd" else torch.optim.Adam
    optimiser = opt_cls(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    loss_fn = _loss_fn(config.loss)
    history = History()
    epochs = range(config.epochs)
    bar = None
    if progress:
        from tqdm.auto import tqdm
        epochs = bar = tqdm(epochs, desc="training", unit="epoch")
    for epoch in epochs:
        model.train()
        order = torch.randperm(len(xt), generator=generator)
        for start in range(0, len(xt), config.batch_size):
            if stop is not None and stop.is_set():
                break
            batch = order[start:start + config.batch_size]
            xb = xt[batch]
            if config.augment:
                xb = _augment(xb, generator)
            optimiser.zero_grad()
            loss_fn(model(xb), yt[batch]).backward()
            optimiser.step()
        loss, acc = _evaluate(model, xt, yt, loss_fn)
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
    model.eval()
    return history


def model_cache_dir() -> Path:
    """Where trained models are kept: ``$COURSE_MODEL_CACHE`` or ``~/.cache/mnist-course/models``."""
    env = os.environ.get("COURSE_MODEL_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mnist-course" / "models"


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


def cached_train(name: str, model: nn.Module, x_train, y_train, config: TrainConfig = TrainConfig(),
                 *, test: tuple | None = None, progress: bool = True,
                 verbose: bool = True) -> tuple[nn.Module, History, bool]:
    """Like `train`, but reuse a model trained before with the very same inputs.

    Returns ``(model, history, from_cache)``. The model is trained (and saved) when the
    cache holds no model for this architecture, initial weights, data and config.
    """
    config.validate()
    key = _cache_key(model, x_train, y_train, config, test)
    path = model_cache_dir() / f"{name}-{key}.pt"
    if path.is_file():
        try:
            saved = torch.load(path, weights_only=False)
            model.load_state_dict(saved["state_dict"])
            model.eval()
            if verbose:
                print(f"{name}: reused the model trained earlier (cache {path.name}).")
            return model, History(**saved["history"]), True
        except Exception as err:  # a damaged cache file is retrained, never trusted
            if verbose:
                print(f"{name}: cached model {path} could not be read ({err}); training again.")
    history = train(model, x_train, y_train, config, test=test, progress=progress)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save({"state_dict": model.state_dict(), "history": asdict(history)}, tmp)
    tmp.replace(path)
    if verbose:
        print(f"{name}: trained and saved to the cache ({path.name}).")
    return model, history, False
