"""Does a picture look like any digit the network learnt from? The nearest training digit.

A classifier always answers one of its ten classes, for a scribble or a letter as for a
digit. To say "not sure" we ask two questions:

* is the network itself unsure: its largest probability is under ``min_confidence``;
* is the picture unlike every training digit: we look at the pictures as the network
  sees them just before its last layer (its *features*: the hidden layer of an MLP, the
  dense layer of the CNN), and take the (Euclidean) distance from the picture's features
  to those of the nearest of the training digits. `fit_novelty` sets the threshold from
  the training digits themselves: each one's distance to its nearest *other* training
  digit; the threshold is the ``quantile`` (99 %) of those, so about 1 training digit in
  100 is beyond it.

  Why features and not pixels: measured with the course's CNN (benchmarks/
  robust_models.py), the distance in pixels flags few letters and no pixel noise at the
  same 99 % threshold (noise, spread thinly over the frame, is close to everything); the
  distance between features flags most noise. Unit-length features (cosine distance)
  flagged noise about half as often.

* `Novelty`, `fit_novelty`: the score and its threshold, for one network.
* `read_drawing`: what the drawing pad shows for one picture (probabilities, novelty,
  the verdict "a 7" or "not sure" and why); the pad's buttons call it, and so can any
  other control (a keyboard path, a test).
* `scribbles`, `pixel_noise`: pictures that are no digit, to measure how often the
  verdict is "not sure" for them (`flag_rates`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

__all__ = ["MIN_CONFIDENCE", "QUANTILE", "Novelty", "features", "fit_novelty", "Reading",
           "read_drawing", "flag_rates", "scribbles", "pixel_noise"]

#: Below this top probability the network counts as unsure. Measured with the course's CNN
#: (benchmarks/robust_models.py): at 0.5 it flags about 2 % of the official test digits, 4 %
#: of the font digits, 40 % of letters and scribbles; at 0.6 a tenth of the font digits.
MIN_CONFIDENCE = 0.5
#: Share of training digits (each against the others) within the novelty threshold.
QUANTILE = 0.99


def _body(model: nn.Module) -> nn.Module:
    if not (isinstance(model, nn.Sequential) and isinstance(model[-1], nn.Linear)):
        raise ValueError("novelty needs an nn.Sequential network that ends in an nn.Linear "
                         "layer (as make_mlp and make_cnn build): its features are the input "
                         "of that last layer.")
    return model[:-1]


@torch.no_grad()
def features(model: nn.Module, images, batch_size: int = 1000) -> np.ndarray:
    """(n, k) float32: the input of the network's last layer for each image.

    images : (n, 28, 28) or (n, 784), uint8 or float in [0, 1]."""
    from .training import as_tensor_images, torch_threads

    body = _body(model)
    model.eval()
    x = as_tensor_images(images)
    with torch_threads(1):
        f = torch.cat([body(x[i:i + batch_size]) for i in range(0, len(x), batch_size)])
    return f.numpy()


def _nearest(a: np.ndarray, bank: np.ndarray, skip_self_from: int | None = None) -> np.ndarray:
    """(len(a),) Euclidean distance from each row of ``a`` to its nearest row of ``bank``;
    with ``skip_self_from = i``, row j of ``a`` is row i + j of ``bank`` and is skipped.

    The nearest row is found with float32 products (fast), and its distance then
    computed exactly in float64 (the products' rounding would leave about 0.01)."""
    a32, b32 = a.astype(np.float32), bank.astype(np.float32)
    aa, bb = (a32 ** 2).sum(1), (b32 ** 2).sum(1)
    best, which = np.full(len(a), np.inf, dtype=np.float32), np.zeros(len(a), dtype=np.int64)
    rows = np.arange(len(a))
    for i in range(0, len(bank), 2000):
        d2 = aa[:, None] + bb[None, i:i + 2000] - 2 * (a32 @ b32[i:i + 2000].T)
        if skip_self_from is not None:
            cols = rows + skip_self_from - i
            ok = (cols >= 0) & (cols < d2.shape[1])
            d2[rows[ok], cols[ok]] = np.inf
        k = d2.argmin(1)
        better = d2[rows, k] < best
        best[better], which[better] = d2[rows, k][better], k[better] + i
    return np.linalg.norm(a.astype(np.float64) - bank[which].astype(np.float64), axis=1)


@dataclass
class Novelty:
    """How far pictures are from the nearest training digit, as ``model`` sees them.

    bank : (n, k) features of the training digits; threshold : the distance beyond
    which a picture counts as unlike every training digit; quantile : the share of the
    training digits (each against the others) within it."""

    model: nn.Module = field(repr=False)
    bank: np.ndarray = field(repr=False)
    threshold: float
    quantile: float

    def score(self, images) -> np.ndarray:
        """(n,) distance from each image's features to the nearest training digit's."""
        return _nearest(features(self.model, images), self.bank)

    def unlike(self, images) -> np.ndarray:
        """(n,) bool: beyond the threshold, unlike every training digit."""
        return self.score(images) > self.threshold


def fit_novelty(model: nn.Module, x_train, quantile: float = QUANTILE) -> Novelty:
    """A `Novelty` for ``model`` from its training digits x_train (n, 28, 28) or (n, 784)."""
    if not 0.5 <= quantile < 1:
        raise ValueError(f"quantile must be in [0.5, 1), got {quantile!r}.")
    bank = features(model, x_train)
    if len(bank) < 2:
        raise ValueError("fit_novelty needs at least two training digits.")
    nearest = np.concatenate([_nearest(bank[i:i + 1000], bank, skip_self_from=i)   # not itself
                              for i in range(0, len(bank), 1000)])
    threshold = float(np.quantile(nearest, quantile))
    return Novelty(model, bank, threshold, quantile)


@dataclass(frozen=True)
class Reading:
    """What the networks make of one picture.

    image : (28, 28) the input they got; probs : {name: (10,) probabilities};
    novelty : {name: distance to the nearest training digit} (only for the networks that
    have a `Novelty`); threshold : {name: that network's novelty threshold};
    min_confidence : the top probability under which a network is unsure."""

    image: np.ndarray
    probs: dict
    novelty: dict
    threshold: dict
    min_confidence: float

    def guess(self, name: str) -> int:
        """The network's most probable class."""
        return int(np.argmax(self.probs[name]))

    def unsure_because(self, name: str) -> str | None:
        """Why network ``name`` is not sure, in words; None when it is sure."""
        p = float(np.max(self.probs[name]))
        if name in self.novelty and self.novelty[name] > self.threshold[name]:
            return (f"the drawing looks unlike every digit it learnt from (distance "
                    f"{self.novelty[name]:.2f} to the nearest, more than {self.threshold[name]:.2f})")
        if p < self.min_confidence:
            return f"its best guess, {self.guess(name)}, has only {p:.0%}"
        return None

    def verdict(self, name: str) -> int | None:
        """The class network ``name`` reads, or None for "not sure"."""
        return None if self.unsure_because(name) else self.guess(name)


def read_drawing(ink, models: dict, *, preprocess: bool = True, novelty: dict | None = None,
                 min_confidence: float = MIN_CONFIDENCE) -> Reading:
    """Read one picture: what the drawing pad's Predict does.

    ink : (H, W) float in [0, 1] (ink 1) or uint8, any size (the pad gives 280 × 280);
    models : {name: torch network}; preprocess : MNIST's recipe
    (`course.preprocess.mnist_preprocess`) if True, else the whole picture shrunk to
    28 × 28; novelty : {name: `Novelty`} for the networks that should say when a drawing
    looks unlike any digit. Raises ValueError (with the reason) for an empty picture or a
    dot.
    """
    from .interpret import class_probabilities
    from .preprocess import _check_drawing, _image, bounding_box, downsample, mnist_preprocess

    if not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence must be in [0, 1], got {min_confidence!r}.")
    x = _image(ink, name="ink")
    _check_drawing(x, bounding_box(x))
    seen = mnist_preprocess(x) if preprocess else downsample(x)
    novelty = novelty or {}
    probs = {name: class_probabilities(m, seen[None])[0] for name, m in models.items()}
    scores = {name: float(novelty[name].score(seen[None])[0]) for name in models if name in novelty}
    thresholds = {name: novelty[name].threshold for name in scores}
    return Reading(seen, probs, scores, thresholds, min_confidence)


def flag_rates(model: nn.Module, novelty: Novelty, images,
               min_confidence: float = MIN_CONFIDENCE) -> dict:
    """How often each reason for "not sure" holds for images (n, 28, 28), as shares:
    ``{"unsure": top probability low, "unlike": novelty beyond the threshold, "either": ...}``."""
    from .interpret import class_probabilities

    p = class_probabilities(model, images).max(1) < min_confidence
    u = novelty.unlike(images)
    return {"unsure": float(p.mean()), "unlike": float(u.mean()), "either": float((p | u).mean())}


def scribbles(n: int, seed: int = 0) -> np.ndarray:
    """n scribbles drawn on the pad with its pen (1 to 3 strokes through 3 to 8 random
    points each), after MNIST's recipe: (n, 28, 28) float64. No digit meant."""
    from .preprocess import mnist_preprocess
    from .strokes import PEN, draw_strokes, scribble_strokes

    rng = np.random.default_rng(seed)
    out = np.zeros((n, 28, 28))
    for i in range(n):
        out[i] = mnist_preprocess(draw_strokes(scribble_strokes(rng), PEN))
    return out


def pixel_noise(n: int, seed: int = 0) -> np.ndarray:
    """n pictures of random ink: each pixel inked with a probability drawn per picture
    from 5 % to 50 %, at a random grey; after MNIST's recipe. (n, 28, 28) float64."""
    from .preprocess import mnist_preprocess

    rng = np.random.default_rng(seed)
    out = np.zeros((n, 28, 28))
    for i in range(n):
        raw = (rng.random((28, 28)) < rng.uniform(0.05, 0.5)) * rng.random((28, 28))
        out[i] = mnist_preprocess(raw)
    return out
