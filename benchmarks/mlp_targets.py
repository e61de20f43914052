"""Chapter 2's targets, measured side by side in one run.

    MNIST_DIR=../shared/data/mnist python benchmarks/mlp_targets.py

Every model is trained only on the bundled 4,000 training digits and evaluated on the
official 10,000-digit test set when ``$MNIST_DIR`` holds the two t10k files (else on the
bundled 1,000 test digits, and the table says so). Printed, each with its target as a
ratio (>= 1.00 meets it):

* the lecture's 784-16-16-10 sigmoid network (numpy, quadratic cost): accuracy >= 90 %
* the best MLP of the chapter (PyTorch, augmentation): accuracy >= 95 %
* a small CNN with augmentation: accuracy >= 98.0 %, trained in <= 60 s
* one epoch of the numpy MLP vs the same PyTorch MLP, same batch size: numpy <= 1.5x
* when full MNIST is in the cache: an MLP trained on all 60,000 digits >= 98 %
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

import numpy as np
import torch

from course.data import full_mnist_available, load_mnist, read_idx_pair
from course.mlp import MLP
from course.training import TrainConfig, accuracy, make_cnn, make_mlp, train

CNN_CONFIG = TrainConfig(epochs=15, batch_size=64, lr=3e-3, optimizer="adam", augment=True, seed=0)
CNN_ARCH = dict(channels=(16, 32), hidden=128, dropout=0.25)
BEST_MLP = ((784, 256, 10), TrainConfig(epochs=20, batch_size=64, lr=1e-3, optimizer="adam",
                                        augment=True, seed=0))


def evaluation_set(bundled):
    folder = os.environ.get("MNIST_DIR")
    names = ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
    if folder and all((Path(folder) / n).is_file() for n in names):
        x, y = read_idx_pair(Path(folder) / names[0], Path(folder) / names[1])
        return x, y, "official 10k test set"
    return bundled.x_test, bundled.y_test, "bundled 1,000 test digits (official set not found)"


def row(name, value, target, unit, higher_is_better=True, extra=""):
    ratio = value / target if higher_is_better else target / value
    verdict = "meets" if ratio >= 1 else "MISSES"
    print(f"{name:<46}{value:>9.3f} {unit:<4}{target:>9.3f} {unit:<4}{ratio:>7.2f}  {verdict}  {extra}")


def seconds(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    d = load_mnist("bundled", verbose=False)
    x_eval, y_eval, eval_name = evaluation_set(d)
    print(f"{platform.node()}: {os.cpu_count()} CPUs, torch {torch.__version__}, "
          f"{torch.get_num_threads()} torch threads by default (training uses 1 unless noted)")
    print(f"trained on the bundled 4,000 digits; evaluated on the {eval_name}\n")
    print(f"{'measure':<46}{'value':>14}{'target':>14}{'ratio':>7}")

    X = (d.x_train.reshape(-1, 784) / 255).astype(np.float32)
    Xe = (x_eval.reshape(-1, 784) / 255).astype(np.float32)
    seed_net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=0, dtype=np.float32)
    _, t = seconds(lambda: seed_net.fit(X, d.y_train, epochs=30, batch_size=10, lr=3.0, seed=0))
    row("lecture's 784-16-16-10 sigmoid net, numpy", seed_net.accuracy(Xe, y_eval), 0.90, "",
        extra=f"(30 epochs, {t:.1f} s)")

    sizes, cfg = BEST_MLP
    mlp = make_mlp(sizes, seed=0)
    _, t = seconds(lambda: train(mlp, d.x_train, d.y_train, cfg, progress=False))
    row(f"best MLP {'-'.join(map(str, sizes))}, augmented", accuracy(mlp, x_eval, y_eval), 0.95, "",
        extra=f"({cfg.epochs} epochs, {t:.1f} s)")

    for threads in (1, 2):
        cnn = make_cnn(**CNN_ARCH, seed=0)
        _, t = seconds(lambda: train(cnn, d.x_train, d.y_train, CNN_CONFIG, progress=False, threads=threads))
        row(f"CNN {CNN_ARCH['channels']}, augmented, {threads} thread(s): acc.",
            accuracy(cnn, x_eval, y_eval), 0.980, "")
        row(f"CNN {CNN_ARCH['channels']}, augmented, {threads} thread(s): time", t, 60.0, "s",
            higher_is_better=False, extra=f"({CNN_CONFIG.epochs} epochs)")

    print("\none epoch, same 784-16-16-10 sigmoid MLP, same data (median of 3):")
    for batch in (10, 64):
        np_net = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
        t_np = np.median([seconds(lambda: np_net.fit(X, d.y_train, epochs=1, batch_size=batch,
                                                     lr=0.1, seed=0))[1] for _ in range(3)])
        th_net = make_mlp((784, 16, 16, 10), activation="sigmoid")
        cfg1 = TrainConfig(epochs=1, batch_size=batch, lr=0.1, loss="quadratic")
        t_th = np.median([seconds(lambda: train(th_net, d.x_train, d.y_train, cfg1,
                                                progress=False))[1] for _ in range(3)])
        print(f"  batch {batch:>3}: numpy {t_np:.2f} s, torch {t_th:.2f} s (both include the "
              "end-of-epoch evaluation)")
        row(f"numpy / torch epoch time, batch {batch}", t_np / t_th, 1.5, "x", higher_is_better=False)

    if full_mnist_available():
        full = load_mnist("full", verbose=False)
        big = make_mlp((784, 512, 10), seed=0)
        _, t = seconds(lambda: train(big, full.x_train, full.y_train,
                                     TrainConfig(epochs=10, batch_size=128, lr=1e-3, optimizer="adam"),
                                     progress=False))
        row("MLP 784-512-10 on full 60k", accuracy(big, full.x_test, full.y_test), 0.98, "",
            extra=f"({t:.0f} s)")
    else:
        print("\nfull MNIST is not in the cache: the 60k target was not measured "
              "(python -m course.data download, then run again)")


if __name__ == "__main__":
    main()
