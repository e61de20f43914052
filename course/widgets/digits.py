"""Chapters 0 and 1: a threshold explorer and a digit browser."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..pixel_stats import as_unit_float
from ..plotting import digit_png, pixel_table_html
from ._access import name
from ._base import _Widget, _image_view

class ThresholdExplorer(_Widget):
    """Chapter 0's first widget: drag a slider, see a digit turned into black and white.

    image : (28, 28) uint8 digit, 0 = blank paper, 255 = darkest ink. Pixels whose value
    is above the threshold (darker than it) become ink (1), the rest paper (0). ``threshold`` is the slider, ``image`` the picture, ``summary``
    the text that counts ink pixels.
    """

    def __init__(self, image: np.ndarray, threshold: int = 128):
        x = np.asarray(image)
        if x.shape != (28, 28) or x.dtype != np.uint8:
            raise ValueError(f"ThresholdExplorer: expected one (28, 28) uint8 digit, got "
                             f"shape {x.shape} of {x.dtype}.")
        self.digit = x
        self.threshold = w.IntSlider(value=threshold, min=0, max=254, step=1,
                                     description="threshold", continuous_update=True)
        name(self.threshold, "threshold: pixels darker than this become ink")
        self.original = _image_view(168, "the digit as written, in shades of grey")
        self.original.value = digit_png(x, 6)
        self.image = _image_view(168, "the digit in black and white: the pixels above the "
                                      "threshold as black ink, the others as white paper")
        self.summary = w.HTML()
        self.threshold.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([self.threshold,
                          w.HBox([w.VBox([w.HTML("<b>the digit</b>"), self.original]),
                                  w.VBox([w.HTML("<b>pixels above the threshold</b>"), self.image])]),
                          self.summary])

    def update(self) -> None:
        ink = self.digit > self.threshold.value
        self.image.value = digit_png(ink.astype(np.uint8) * 255, 6)
        self.summary.value = (f"<b>{int(ink.sum())}</b> of 784 pixels are darker than "
                              f"{self.threshold.value} (their value is above it).")


class DigitBrowser(_Widget):
    """Chapter 1's browser: pick a class and an index; see the digit and its pixel values.

    images : (n, 28, 28) uint8; labels : (n,) ints 0..9. ``digit`` (0..9 buttons) and
    ``index`` (slider over that class's digits) are the controls; ``image``,
    ``caption`` and ``pixels`` (an HTML table of the 784 numbers) the views.
    """

    def __init__(self, images: np.ndarray, labels: np.ndarray, digit: int = 0, index: int = 0):
        x = np.asarray(images)
        y = np.asarray(labels)
        as_unit_float(x, name="images")  # validates the shape
        if x.dtype != np.uint8 or x.shape[1:] != (28, 28):
            raise ValueError(f"DigitBrowser: expected uint8 images of shape (n, 28, 28), got "
                             f"{x.shape} of {x.dtype}. Load them with load_mnist(as_float=False).")
        if y.shape != (len(x),):
            raise ValueError(f"DigitBrowser: {len(x)} images but labels of shape {y.shape}.")
        self.images, self.labels = x, y
        self._members = {c: np.flatnonzero(y == c) for c in range(10)}
        self.digit = w.ToggleButtons(options=list(range(10)), value=digit, description="digit",
                                     style={"button_width": "32px"})
        self.index = w.IntSlider(value=0, min=0, max=1, description="index")
        name(self.index, "index: which digit of the chosen class")
        self.image = _image_view(224, "the chosen digit, enlarged; its pixel values are in the "
                                      "table beside it")
        self.caption = w.HTML(layout=w.Layout(width="240px"))
        self.pixels = w.HTML()
        self.digit.observe(lambda _: self._class_changed(), names="value")
        self.index.observe(lambda _: self.update(), names="value")
        self._class_changed(index)
        self.ui = w.VBox([self.digit, self.index,
                          w.HBox([w.VBox([self.image, self.caption]), self.pixels],
                                 layout=w.Layout(align_items="flex-start", grid_gap="24px"))])

    def selected(self) -> int:
        """Position in ``images`` of the digit now shown."""
        return int(self._members[self.digit.value][self.index.value])

    def _class_changed(self, index: int = 0) -> None:
        members = self._members[self.digit.value]
        if len(members) == 0:
            raise ValueError(f"DigitBrowser: there are no digits of class {self.digit.value}.")
        with self.index.hold_trait_notifications():
            self.index.max = len(members) - 1
            self.index.value = min(index, len(members) - 1)
        self.update()

    def update(self) -> None:
        i = self.selected()
        img = self.images[i]
        self.image.value = digit_png(img, 8)
        self.caption.value = (f"digit <b>{self.digit.value}</b>, number {self.index.value + 1} "
                              f"of {len(self._members[self.digit.value])} in this class "
                              f"(position {i} in the data); {int((img > 0).sum())} pixels "
                              f"carry ink, the brightest is {int(img.max())}.")
        self.pixels.value = pixel_table_html(img)
