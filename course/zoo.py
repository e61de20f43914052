"""The course's trained networks, defined once so every chapter uses the very same ones.

* `trained_mlp`: chapter 3's MLP, 784-100-10 with ReLU (about 95 % on the bundled test
  digits).
* `trained_cnn`: chapter 2's small CNN, two convolutions and a dense layer (about 96 %
  after 3 epochs).

Both are trained on one CPU thread by `course.training.cached_train`, so the weights are
the same on every machine, and kept in the model cache: the first chapter that asks
trains them (seconds), the later ones reuse them.
"""

from __future__ import annotations

from .training import TrainConfig, cached_train, make_cnn, make_mlp

#: Layer widths of the course's MLP: 784 pixels, 100 hidden ReLU neurons, 10 logits.
MLP_SIZES = (784, 100, 10)

#: How the MLP is trained: Adam, 15 epochs of mini-batches of 64, with small random shifts
#: and rotations of the training digits (in our trials without them, with 10 to 20 epochs,
#: it stayed at 93-94 % on the bundled test digits; with them it passes 95 %).
MLP_CONFIG = TrainConfig(epochs=15, batch_size=64, lr=2e-3, optimizer="adam", augment=True, seed=0)

#: How the CNN is trained (chapter 2 trains it with exactly this configuration).
CNN_CONFIG = TrainConfig(epochs=3, batch_size=64, lr=2e-3, optimizer="adam", augment=True, seed=0)


def _data(data):
    if data is None:
        from .exercises._data import bundled
        return bundled()
    return data


def trained_mlp(data=None, progress: bool = True, verbose: bool = True):
    """The course's MLP, from the model cache when it is there.

    data : the `course.data.MNIST` to train on (its training part) and measure after each
        epoch (its test part); default: the bundled digits. Pass the notebook's
        ``load_mnist("bundled")`` to save loading it twice.

    Returns ``(model, history, from_cache)`` as `course.training.cached_train` does. The
    model takes (n, 28, 28) images in [0, 1] (or uint8) and returns (n, 10) logits.
    """
    d = _data(data)
    return cached_train("ch03-mlp", make_mlp(MLP_SIZES, seed=0), d.x_train, d.y_train, MLP_CONFIG,
                        test=(d.x_test, d.y_test), progress=progress, verbose=verbose)


def trained_cnn(data=None, progress: bool = True, verbose: bool = True):
    """The course's CNN (`course.training.make_cnn` with seed 0), from the cache when there.

    Same arguments and return value as `trained_mlp`.
    """
    d = _data(data)
    return cached_train("ch02-cnn", make_cnn(seed=0), d.x_train, d.y_train, CNN_CONFIG,
                        test=(d.x_test, d.y_test), progress=progress, verbose=verbose)
