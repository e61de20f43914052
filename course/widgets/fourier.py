"""Chapter 6: the maximisers of g_k, two runs per digit side by side, step by step."""

from __future__ import annotations

import io

import ipywidgets as w
import numpy as np

from ._access import name
from ._base import _Widget, with_alt

__all__ = ["MaximiserAnimation", "signed_digit_rgb"]


def signed_digit_rgb(x: np.ndarray) -> np.ndarray:
    """(28, 28, 3) uint8 picture of a signed image x (784,) or (28, 28): scaled by its
    largest |pixel|, positive pixels as black ink on white, negative ones in blue."""
    v = np.asarray(x, np.float64).reshape(28, 28)
    v = v / (np.abs(v).max() or 1.0)
    p, q = np.clip(v, 0, 1), np.clip(-v, 0, 1)
    rgb = np.stack([1 - p - 0.8 * q, 1 - p - 0.45 * q, 1 - p], axis=-1)
    return np.round(255 * np.clip(rgb, 0, 1)).astype(np.uint8)


class MaximiserAnimation(_Widget):
    """The Fourier fitness video's animation: for every digit k, two gradient-ascent runs maximising g_k
    from different starts, shown side by side as they evolve.

    maximisers : a `course.fourier_model.Maximisers` whose runs are ordered class by class,
        two per class (``classes == [0, 0, 1, 1, ..., 9, 9]``), as `maximise_g` returns them
        for ``np.repeat(np.arange(10), 2)``.
    step : the step shown first (default 0, the random starts).

    Controls: ``step`` (IntSlider over the recorded steps) and ``play`` (a Play button
    linked to it in the browser). Views: ``image`` (two rows, run 1 above run 2, one column
    per digit) and ``caption`` (the step, the cosine between the two runs of each digit
    and their g values). Each picture is scaled by its own largest |pixel|: black is
    positive, blue negative.
    """

    def __init__(self, maximisers, step: int = 0, scale: int = 3, interval_ms: int = 200):
        from ..fourier_model import Maximisers

        if not isinstance(maximisers, Maximisers):
            raise ValueError(f"MaximiserAnimation: expected the Maximisers that maximise_g returns, "
                             f"got {type(maximisers).__name__}.")
        cls = np.asarray(maximisers.classes)
        if len(cls) % 2 or np.any(cls[0::2] != cls[1::2]):
            raise ValueError("MaximiserAnimation: expected two runs per class, in pairs "
                             f"(classes like [0, 0, 1, 1, ...]), got {cls.tolist()}.")
        steps = np.asarray(maximisers.steps)
        last = int(steps[-1])
        if not 0 <= step <= last:
            raise ValueError(f"MaximiserAnimation: step must be in 0..{last}, got {step}.")
        every = int(steps[1] - steps[0]) if len(steps) > 1 else 1
        self.maximisers, self._scale = maximisers, int(scale)
        self.step = w.IntSlider(value=int(step), min=0, max=last, step=every, description="step",
                                continuous_update=True)
        self.play = w.Play(value=self.step.value, min=0, max=last, step=every,
                           interval=int(interval_ms), description="play", repeat=False)
        w.jslink((self.play, "value"), (self.step, "value"))
        pairs = len(cls) // 2
        width, height = pairs * (28 + 2) * self._scale, 2 * (28 + 2) * self._scale
        self.image = w.Image(format="png", layout=w.Layout(width=f"{width}px", height=f"{height}px",
                                                           min_width=f"{width}px"))
        self.image.add_class("fourier-maximisers")  # for the browser test to find it
        name(self.step, "step: the gradient-ascent step shown")
        with_alt(self.image, "two rows of pictures, one column per digit: the images that "
                             "maximise each digit's g_k, from two random starts; black is "
                             "positive, blue negative")
        labels = "".join(f"<span style='display:inline-block;width:{(28 + 2) * self._scale}px;"
                         f"text-align:center'><b>{k}</b></span>" for k in cls[0::2])
        self.header = w.HTML(labels)
        self.caption = w.HTML(layout=w.Layout(width=f"{max(width, 500)}px"))
        self.step.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([w.HBox([self.play, self.step]), self.header,
                          w.HBox([self.image, w.HTML("run 1<br><br><br><br>run 2")]),
                          self.caption])

    def index(self) -> int:
        """Position in ``maximisers.frames`` of the snapshot shown (nearest recorded step)."""
        return int(np.argmin(np.abs(self.maximisers.steps - self.step.value)))

    def frame(self) -> np.ndarray:
        """The picture shown, (2 * 30 * scale, pairs * 30 * scale, 3) uint8 before PNG."""
        f = self.maximisers.frames[self.index()]
        pairs = len(f) // 2
        canvas = np.full((2 * 30, pairs * 30, 3), 255, np.uint8)
        for r in range(len(f)):
            row, col = r % 2, r // 2
            canvas[row * 30 + 1:row * 30 + 29, col * 30 + 1:col * 30 + 29] = signed_digit_rgb(f[r])
        return np.repeat(np.repeat(canvas, self._scale, axis=0), self._scale, axis=1)

    def update(self) -> None:
        from PIL import Image

        k = self.index()
        buf = io.BytesIO()
        Image.fromarray(self.frame(), mode="RGB").save(buf, format="PNG")
        self.image.value = buf.getvalue()
        f = self.maximisers.frames[k].astype(np.float64)
        unit = f / np.linalg.norm(f, axis=1, keepdims=True)
        cos = np.abs((unit[0::2] * unit[1::2]).sum(1))
        step = int(self.maximisers.steps[k])
        g = self.maximisers.curve[step]
        cells = " ".join(f"{c}: {v:.3f}" for c, v in zip(self.maximisers.classes[0::2], cos))
        self.caption.value = (
            f"step <b>{step}</b> of {int(self.maximisers.steps[-1])}. |cosine| between the two runs "
            f"of each digit: {cells}. Smallest: <b>{cos.min():.3f}</b>. g_k on the unit sphere, "
            f"run 1 / run 2, mean over digits: {g[0::2].mean():.3f} / {g[1::2].mean():.3f}.")
