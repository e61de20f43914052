"""The gap between MNIST and digits from elsewhere, measured.

A network trained on MNIST's digits is tested, as usual, on more MNIST digits: written by
the same kind of people, scanned and prepared the same way. Here it also meets digits
from elsewhere, which the course makes itself:

* ``fonts``: the ten digits printed in 37 fonts at three sizes (`course.font_digits`),
  after MNIST's preprocessing;
* ``strokes``: drawings made with the drawing pad's pen by a simulated hand
  (`course.strokes`), after MNIST's preprocessing (``strokes``) and without it, the whole
  pad shrunk to 28 × 28 (``strokes, pad shrunk``).

* `digit_sets`: these sets, and the MNIST test digits, as ``{name: (images, labels)}``.
* `accuracy_table`: the accuracy of each network on each set.
* `format_table`: that table as text, one row per network; `plot_accuracy_table`: as bars.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

__all__ = ["digit_sets", "accuracy_table", "format_table", "plot_accuracy_table", "official_test_set"]


def official_test_set(folder=None):
    """The official 10,000 test digits ``(images, labels)`` from ``folder`` (default
    ``$MNIST_DIR``) when both t10k files are there, else None."""
    from .data import read_idx_pair

    folder = folder or os.environ.get("MNIST_DIR")
    names = ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
    if folder and all((Path(folder) / n).is_file() for n in names):
        return read_idx_pair(Path(folder) / names[0], Path(folder) / names[1])
    return None


def digit_sets(data=None, *, strokes_per_class: int = 100, seed: int = 0,
               official: bool = False) -> dict:
    """``{name: (images, labels)}``: the MNIST test digits of ``data`` (default: the
    bundled 1,000), the official 10,000 when ``official`` and ``$MNIST_DIR`` has them, the
    shipped font digits, and ``strokes_per_class`` simulated drawings per class (seeded by
    ``seed``) with and without MNIST's preprocessing."""
    from .font_digits import load_font_digits
    from .strokes import stroke_digits

    if data is None:
        from .data import bundled
        data = bundled()
    sets = {"MNIST test": (data.x_test, data.y_test)}
    if official:
        found = official_test_set()
        if found is not None:
            sets["official 10k"] = found
    fonts = load_font_digits()
    sets["fonts"] = (fonts.images, fonts.labels)
    drawn = stroke_digits(strokes_per_class, seed=seed)
    sets["strokes"] = (drawn.preprocessed, drawn.labels)
    sets["strokes, pad shrunk"] = (drawn.shrunk, drawn.labels)
    return sets


def accuracy_table(models: dict, sets: dict) -> dict:
    """``{model name: {set name: accuracy}}`` for torch networks ``models``."""
    from .training import accuracy

    return {m: {s: accuracy(model, x, y) for s, (x, y) in sets.items()}
            for m, model in models.items()}


def format_table(table: dict, width: int = 22) -> str:
    """The accuracy table as text: a row per network, a column per set, in percent."""
    sets = list(next(iter(table.values())))
    head = f"{'':<{width}}" + "".join(f"{s:>{max(len(s), 6) + 2}}" for s in sets)
    rows = [f"{m:<{width}}" + "".join(f"{row[s]:>{max(len(s), 6) + 2}.1%}" for s in sets)
            for m, row in table.items()]
    return "\n".join([head] + rows)


def plot_accuracy_table(table: dict, ax=None, title: str = "Accuracy on MNIST and on digits from elsewhere"):
    """Grouped bars: one group per set, one bar per network (its own colour and hatching),
    accuracy in percent written above each bar."""
    import matplotlib.pyplot as plt

    from .plotting import LINE_COLOURS

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4))
    models = list(table)
    sets = list(table[models[0]])
    width = 0.8 / len(models)
    for k, m in enumerate(models):
        xs = np.arange(len(sets)) + (k - (len(models) - 1) / 2) * width
        vals = [100 * table[m][s] for s in sets]
        ax.bar(xs, vals, width, label=m, color=LINE_COLOURS[k % len(LINE_COLOURS)],
               hatch=("", "//", "..", "xx")[k % 4], edgecolor="white", linewidth=0.5)
        for x, v in zip(xs, vals):
            ax.text(x, v + 1, f"{v:.0f}", ha="center", fontsize="small")
    ax.set_xticks(np.arange(len(sets)), sets)
    ax.set(ylabel="accuracy (%)", ylim=(0, 112), title=title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=len(models), frameon=False)
    return ax
