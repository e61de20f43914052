"""The course's trained networks, defined once so every chapter uses the very same ones.

* `trained_mlp`: the course's MLP, 784-100-10 with ReLU (chapters 3 and 5).
* `trained_cnn`: the course's CNN, three convolutions with batch normalisation and a
  dense layer (chapters 5a and 5b).
* `quick_cnn`: chapter 2's small CNN after 3 epochs of the classic augmentation, the
  network a notebook can train live in seconds (chapter 5b sets it beside the other).
* `plain_mlp`: chapter 2's MLP 784-128-10, 10 epochs of Adam on the digits as they are,
  no augmentation: trained the plain way, like the fooling post's network, which chapter
  5a fools (the shipped MLP, trained on changed digits for 150 epochs, resists).

The first two are *shipped*: their weights are files in the package
(``course/weights/mlp.pt`` and ``cnn.pt``, read with ``torch.load(weights_only=True)``),
made by ``python tools/make_weights.py`` from the bundled training digits with the
recipes below, on one CPU thread. ``course/weights/models.json`` records what that
script measured (accuracy on the bundled test digits, on the official test set when it
was there, on the font and stroke digits, seconds and CPU seconds) and a hash of the
training digits. Asked for the bundled digits, these functions return the shipped
networks at once; asked for other digits (full MNIST, say) they train with the same
recipe, through the model cache.

Both recipes use `course.training.DRAWN`, augmentation that covers how people draw
(strokes thin to bold, sizes 0.7 to 1.3, rotation, slant, an elastic wobble), a learning
rate that rises and falls once (``onecycle``) and label smoothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import torch

from .mlp import History
from .training import (DRAWN, TrainConfig, as_tensor_images, cached_train, make_cnn, make_mlp)

__all__ = ["MLP_SIZES", "MLP_CONFIG", "CNN_ARCH", "CNN_CONFIG", "QUICK_CNN_CONFIG",
           "PLAIN_MLP_SIZES", "PLAIN_MLP_CONFIG", "WEIGHTS_DIR", "trained_mlp", "trained_cnn",
           "quick_cnn", "plain_mlp", "new_mlp", "new_cnn",
           "shipped_metadata", "digits_hash"]

#: Layer widths of the course's MLP: 784 pixels, 100 hidden ReLU neurons, 10 logits.
MLP_SIZES = (784, 100, 10)

#: How the MLP is trained: AdamW, 150 epochs of mini-batches of 64, the drawn-digit
#: augmentation, a one-cycle learning rate and label smoothing.
MLP_CONFIG = TrainConfig(epochs=150, batch_size=64, lr=3e-3, optimizer="adamw", weight_decay=1e-4,
                         augment=DRAWN, schedule="onecycle", label_smoothing=0.1, seed=0)

#: The course's CNN: `make_cnn` with these arguments (and seed 0).
CNN_ARCH = dict(channels=(16, 32, 64), hidden=128, dropout=0.25, batchnorm=True)

#: How the CNN is trained: AdamW, 35 epochs, the drawn-digit augmentation, a one-cycle
#: learning rate, label smoothing, images laid out channels-last (faster on a CPU).
CNN_CONFIG = TrainConfig(epochs=35, batch_size=64, lr=4e-3, optimizer="adamw", weight_decay=1e-4,
                         augment=DRAWN, schedule="onecycle", label_smoothing=0.1, seed=0,
                         channels_last=True)

#: Chapter 2's CNN: `make_cnn(seed=0)`, 3 epochs, the classic augmentation.
QUICK_CNN_CONFIG = TrainConfig(epochs=3, batch_size=64, lr=2e-3, optimizer="adam", augment=True,
                               seed=0)

#: Chapter 2's plain MLP: 784-128-10 ReLU, Adam, 10 epochs, no augmentation.
PLAIN_MLP_SIZES = (784, 128, 10)
PLAIN_MLP_CONFIG = TrainConfig(epochs=10, batch_size=32, lr=3e-3, optimizer="adam", seed=0)

#: Where the shipped weights and their record live.
WEIGHTS_DIR = Path(__file__).with_name("weights")


def new_mlp() -> torch.nn.Sequential:
    """The course's MLP, untrained (seed 0)."""
    return make_mlp(MLP_SIZES, seed=0)


def new_cnn() -> torch.nn.Sequential:
    """The course's CNN, untrained (seed 0)."""
    return make_cnn(**CNN_ARCH, seed=0)


def _data(data):
    if data is None:
        from .data import bundled
        return bundled()
    return data


def digits_hash(x, y) -> str:
    """SHA-256 of digits as the networks see them (float32 in [0, 1]) and their labels."""
    h = hashlib.sha256()
    h.update(np.ascontiguousarray(as_tensor_images(x).numpy()).tobytes())
    h.update(np.ascontiguousarray(np.asarray(y, np.int64)).tobytes())
    return h.hexdigest()


def shipped_metadata(directory=WEIGHTS_DIR) -> dict:
    """The record ``tools/make_weights.py`` wrote beside the weights (models.json)."""
    path = Path(directory) / "models.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: remake the shipped networks with "
                                "`python tools/make_weights.py`.")
    return json.loads(path.read_text())


def _shipped(kind: str, model: torch.nn.Module, directory=WEIGHTS_DIR):
    """Load the shipped weights of ``kind`` ("mlp" or "cnn") into ``model``."""
    meta = shipped_metadata(directory)[kind]
    path = Path(directory) / meta["file"]
    try:
        state = torch.load(path, weights_only=True)   # tensors only, never code
        model.load_state_dict(state)
    except Exception as err:
        raise RuntimeError(f"{path}: the shipped {kind.upper()} could not be read ({err}). "
                           "Remake it with `python tools/make_weights.py`.") from None
    model.eval()
    return model, History(**meta["history"]), meta


def _trained(kind: str, name: str, make, config, data, progress, verbose):
    d = _data(data)
    meta = shipped_metadata()[kind]
    if digits_hash(d.x_train, d.y_train) == meta["train_hash"]:
        model, history, _ = _shipped(kind, make())
        if verbose:
            print(f"{name}: the course's trained network (shipped weights, "
                  f"{meta['accuracy']['bundled test']:.1%} of the bundled test digits).")
        return model, history, True
    return cached_train(name, make(), d.x_train, d.y_train, config, test=(d.x_test, d.y_test),
                        progress=progress, verbose=verbose)


def trained_mlp(data=None, progress: bool = True, verbose: bool = True):
    """The course's MLP, trained.

    data : the `course.data.MNIST` to train on (its training part; its test part is
        measured after each epoch); default: the bundled digits, for which the shipped
        weights are returned at once. Other digits are trained on with `MLP_CONFIG`
        through the model cache (`course.training.cached_train`).

    Returns ``(model, history, ready)``: ``ready`` is True when no training was needed
    (shipped or cached weights). The model takes a float32 tensor (n, 784), each row an
    image flattened row by row with its pixels in [0, 1]
    (``torch.as_tensor(images.reshape(len(images), -1) / 255, dtype=torch.float32)`` for
    uint8 images), and returns (n, 10) logits. The MLP also flattens (n, 28, 28) itself;
    the CNN does not.
    """
    return _trained("mlp", "course-mlp", new_mlp, MLP_CONFIG, data, progress, verbose)


def trained_cnn(data=None, progress: bool = True, verbose: bool = True):
    """The course's CNN, trained (`CNN_ARCH`, `CNN_CONFIG`). Same arguments and return
    value as `trained_mlp`: it takes (n, 784) float32 tensors, not (n, 28, 28)."""
    return _trained("cnn", "course-cnn", new_cnn, CNN_CONFIG, data, progress, verbose)


def quick_cnn(data=None, progress: bool = True, verbose: bool = True):
    """Chapter 2's CNN (`make_cnn` with seed 0) after 3 epochs (`QUICK_CNN_CONFIG`), from
    the model cache when it is there (chapter 2 trains the very same one)."""
    d = _data(data)
    return cached_train("ch02-cnn", make_cnn(seed=0), d.x_train, d.y_train, QUICK_CNN_CONFIG,
                        test=(d.x_test, d.y_test), progress=progress, verbose=verbose)


def plain_mlp(data=None, progress: bool = True, verbose: bool = True):
    """Chapter 2's MLP (`make_mlp(PLAIN_MLP_SIZES)`, seed 0) trained with `PLAIN_MLP_CONFIG`,
    from the model cache when it is there (chapter 2 trains the very same one)."""
    d = _data(data)
    return cached_train("ch02-mlp", make_mlp(PLAIN_MLP_SIZES, seed=0), d.x_train, d.y_train,
                        PLAIN_MLP_CONFIG, test=(d.x_test, d.y_test), progress=progress,
                        verbose=verbose)
