"""Chapter 5a's target: the mean of 1,000 bred images for every digit 0-9 in <= 60 s.

    python benchmarks/fooling_means.py [--threads 2] [--generations 60] [--weight 0.3]

One `course.fooling.evolve` call: one population of 1,000 images per digit, all 10,000
scored in one batched forward pass of the course's MLP per generation. Prints the
seconds (and the ratio to the 60 s target, <= 1.00 is within it), and per digit the
share of the 1,000 images the MLP calls the digit with >= 99 % and >= 99.99 %, the best
confidence, and whether the mean image's nearest real digit has the digit's label.
Writes the ten means to benchmarks/fooling_means.png (the figure is remade by this script).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

TARGET_S = 60.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--generations", type=int, default=60)
    ap.add_argument("--weight", type=float, default=0.3)
    ap.add_argument("--population", type=int, default=1000)
    args = ap.parse_args()

    from course.data import load_mnist
    from course.dreams import digit_likeness
    from course.fooling import PixelPrior, evolve, target_confidence
    from course.zoo import trained_mlp

    data = load_mnist("bundled", verbose=False)
    mlp, _, _ = trained_mlp(data, progress=False, verbose=False)
    prior = PixelPrior.from_digits(data.x_train, data.y_train)
    n = args.population
    start = time.perf_counter()
    ev = evolve(mlp, np.arange(10), prior, prior_weight=args.weight, population=n,
                parents=max(2, n // 20), generations=args.generations, seed=0,
                threads=args.threads)
    members = ev.population.reshape(10, n, 784)
    means = members.mean(1)
    seconds = time.perf_counter() - start
    conf = target_confidence(mlp, members.reshape(-1, 784), np.repeat(np.arange(10), n)).reshape(10, n)
    agrees = digit_likeness(means.reshape(10, 28, 28), np.arange(10), data.x_train, data.y_train)["agrees"]
    print(f"10 x {n} images, {args.generations} generations, prior weight {args.weight}, "
          f"{args.threads} threads: {seconds:.1f} s (ratio to {TARGET_S:.0f} s: {seconds / TARGET_S:.2f})")
    print("digit  >=99%   >=99.99%  best        mean's nearest real digit has the label")
    for c in range(10):
        print(f"{c:>5} {np.mean(conf[c] >= 0.99):>6.1%} {np.mean(conf[c] >= 0.9999):>9.1%} "
              f"{conf[c].max():.6f}  {bool(agrees[c])}")
    import matplotlib
    matplotlib.use("Agg")
    from course.plotting import show_digits
    fig = show_digits(means, [f"mean {c}" for c in range(10)],
                      suptitle=f"Mean of {n} bred images per digit ({args.generations} generations)")
    fig.savefig(Path(__file__).with_name("fooling_means.png"), dpi=80)


if __name__ == "__main__":
    with torch.no_grad():
        main()
