"""The course's networks against their targets, side by side in one run.

    MNIST_DIR=../shared/data/mnist python benchmarks/robust_models.py [--no-ablation]

Every network is trained here, only on the 4,000 bundled training digits, and measured
on the official 10,000 test digits (``$MNIST_DIR``; else the bundled 1,000, and the
header says so), on the font digits and on the simulated pad drawings
(`course.gap.digit_sets`). Printed:

1. Training, each recipe timed (wall and CPU seconds, threads) beside chapter 2's
   3-epoch recipe: the course's CNN >= 99.0 % in <= 60 s on 2 cores (one thread and two
   are both run: the course trains on one, for the same weights everywhere); the MLP >=
   97 %. The one-thread runs are compared with the shipped weights (same weights when the
   machine rounds as the one that made them).
2. The accuracy table: each network on each set; targets for the CNN: >= 95 % on the
   fonts and on the drawings after MNIST's preprocessing.
3. Ablation (skip with --no-ablation): the CNN recipe with each part of the drawn-digit
   augmentation left out in turn, with the classic augmentation only, and with none:
   what each part costs on MNIST and gains on the fonts and drawings.
4. "Not sure": how often the shipped networks flag real digits, fonts, drawings, letters,
   scribbles and pixel noise (low top probability, unlike any training digit, either).
5. With full MNIST in the cache (``python -m course.data download``): the same recipes
   on all 60,000 training digits, targets MLP >= 98 %, CNN >= 99.3 %.

Timings depend on the machine and on what else runs on it: the header prints the load
average; compare wall with CPU seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.data import full_mnist_available, load_mnist  # noqa: E402
from course.font_digits import FONT_FILES, find_font, render_font_chars  # noqa: E402
from course.gap import accuracy_table, digit_sets, format_table  # noqa: E402
from course.novelty import MIN_CONFIDENCE, fit_novelty, flag_rates, pixel_noise, scribbles  # noqa: E402
from course.training import CLASSIC, DRAWN, accuracy, train  # noqa: E402
from course.zoo import (CNN_CONFIG, MLP_CONFIG, QUICK_CNN_CONFIG, new_cnn, new_mlp,  # noqa: E402
                        trained_cnn, trained_mlp)
from course.training import make_cnn  # noqa: E402


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed_train(make, data, config, threads=1):
    model = make()
    wall, cpu = time.perf_counter(), cpu_seconds()
    train(model, data.x_train, data.y_train, config, progress=False, threads=threads,
          train_metrics="running")
    return model, time.perf_counter() - wall, cpu_seconds() - cpu


def row(name, value, target, unit="", higher_is_better=True, extra=""):
    ratio = value / target if higher_is_better else target / value
    verdict = "meets" if ratio >= 1 else "MISSES"
    shown = f"{value:.2%}" if unit == "%" else f"{value:.1f} {unit}"
    goal = f"{target:.1%}" if unit == "%" else f"{target:.0f} {unit}"
    print(f"  {name:<52}{shown:>10}{goal:>10}{ratio:>7.3f}  {verdict}  {extra}")


def same_weights(a, b) -> str:
    diff = max(float((x.double() - y.double()).abs().max())
               for x, y in zip(a.state_dict().values(), b.state_dict().values()))
    return "same weights as shipped" if diff == 0 else f"differs from shipped by up to {diff:.2g}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation (8 trainings)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2],
                        help="thread counts to time the course CNN with (default: 1 2)")
    args = parser.parse_args(argv)
    data = load_mnist("bundled", verbose=False)
    sets = digit_sets(data, official=True)
    main_set = "official 10k" if "official 10k" in sets else "MNIST test"
    load = os.getloadavg()
    print(f"{platform.node()}: {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f} at the start, torch {torch.__version__} ({torch.get_num_threads()} "
          f"threads by default)")
    print(f"trained on the bundled 4,000 digits only; MNIST accuracy on the {main_set} "
          f"({len(sets[main_set][1]):,} digits)\n")

    print("1. training (wall s / CPU s / threads):")
    quick, t, c = timed_train(lambda: make_cnn(seed=0), data, QUICK_CNN_CONFIG)
    print(f"  chapter 2's CNN, 3 epochs, classic augmentation: {accuracy(quick, *sets[main_set]):.2%}"
          f" in {t:.1f} s wall, {c:.1f} s CPU, 1 thread")
    shipped_cnn, shipped_mlp = trained_cnn(verbose=False)[0], trained_mlp(verbose=False)[0]
    cnn = None
    for threads in args.threads:
        model, t, c = timed_train(new_cnn, data, CNN_CONFIG, threads)
        acc = accuracy(model, *sets[main_set])
        note = same_weights(model, shipped_cnn) if threads == 1 else ""
        row(f"course CNN, {CNN_CONFIG.epochs} epochs, {threads} thread(s): accuracy", acc, 0.99, "%",
            extra=note)
        row(f"course CNN, {CNN_CONFIG.epochs} epochs, {threads} thread(s): wall time", t, 60, "s",
            higher_is_better=False, extra=f"({c:.1f} s CPU)")
        cnn = cnn or model
    mlp, t, c = timed_train(new_mlp, data, MLP_CONFIG)
    row(f"course MLP 784-100-10, {MLP_CONFIG.epochs} epochs, 1 thread: accuracy",
        accuracy(mlp, *sets[main_set]), 0.97, "%",
        extra=f"({t:.1f} s wall, {c:.1f} s CPU; {same_weights(mlp, shipped_mlp)})")

    print("\n2. accuracy on each set (fonts and strokes after MNIST's preprocessing; "
          "'pad shrunk': without it):")
    models = {"3-epoch CNN (chapter 2)": quick, "course CNN": cnn, "course MLP": mlp}
    table = accuracy_table(models, sets)
    print(format_table(table, width=26))
    for name in ("fonts", "strokes"):
        row(f"course CNN on {name}", table["course CNN"][name], 0.95, "%")

    if not args.no_ablation:
        print(f"\n3. ablation: the course CNN's recipe ({CNN_CONFIG.epochs} epochs) with other "
              "augmentation, one training each:")
        variants = {"drawn (all parts)": DRAWN}
        for part, off in (("thickness", dict(thickness=(0.0, 0.0))), ("scale", dict(scale=(1.0, 1.0))),
                          ("slant", dict(slant=0.0)), ("elastic", dict(elastic=0.0)),
                          ("printed 1s", dict(printed_ones=0.0))):
            variants[f"drawn without {part}"] = replace(DRAWN, **off)
        variants["classic (shift, rotate)"] = CLASSIC
        variants["none"] = False
        ablation = {}
        for name, aug in variants.items():
            model, t, c = timed_train(new_cnn, data, replace(CNN_CONFIG, augment=aug))
            ablation[name] = accuracy_table({name: model}, sets)[name]
            print(f"  {name}: {t:.0f} s wall, {c:.0f} s CPU", flush=True)
        print(format_table(ablation, width=26))

    print(f"\n4. 'not sure' (shipped networks): share flagged for a top probability under "
          f"{MIN_CONFIDENCE:.0%} / for looking unlike every training digit / either")
    probes = {main_set: sets[main_set][0], "fonts": sets["fonts"][0], "strokes": sets["strokes"][0]}
    present = [f for f in FONT_FILES if find_font(f)]
    if present:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        probes["letters A-Z a-z"] = render_font_chars(letters, present, sizes=(28,))[0]
    probes["scribbles"] = scribbles(300, seed=0)
    probes["pixel noise"] = pixel_noise(300, seed=0)
    for name, model in (("course CNN", shipped_cnn), ("course MLP", shipped_mlp)):
        nov = fit_novelty(model, data.x_train)
        print(f"  {name} (novelty threshold {nov.threshold:.3f}):")
        for probe, x in probes.items():
            r = flag_rates(model, nov, x)
            print(f"    {probe:<18}{len(x):>6}  unsure {r['unsure']:6.1%}  unlike {r['unlike']:6.1%}"
                  f"  either {r['either']:6.1%}")

    print()
    if full_mnist_available():
        full = load_mnist("full", verbose=False)
        for name, make, config, target in (("MLP", new_mlp, replace(MLP_CONFIG, epochs=20), 0.98),
                                           ("CNN", new_cnn, replace(CNN_CONFIG, epochs=8), 0.993)):
            model, t, c = timed_train(make, full, config)
            row(f"course {name} recipe on full 60k, {config.epochs} epochs",
                accuracy(model, full.x_test, full.y_test), target, "%",
                extra=f"({t:.0f} s wall, {c:.0f} s CPU)")
    else:
        print("5. full MNIST is not in the cache: the 60k targets were not measured "
              "(python -m course.data download, then run again)")


if __name__ == "__main__":
    main()
