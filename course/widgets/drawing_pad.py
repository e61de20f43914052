"""Chapter 5b: draw a digit with the mouse and see what two networks make of it."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ._base import _Widget, _image_view

#: Canvas side in screen pixels (ten per pixel of the 28 × 28 image) and pen width, which
#: gives strokes about 2 pixels wide in the 28 × 28 image, as MNIST's are.
SIDE, PEN = 280, 22


class DrawingPad(_Widget):
    """A drawing pad (ipycanvas) whose digit is read by two networks.

    models : ``{"MLP": mlp, "CNN": cnn}``, torch classifiers of (n, 784) pixels.

    Draw with the mouse on ``canvas``; ``predict_button`` reads the drawing, ``clear_button``
    wipes it, ``preprocess`` (a checkbox) switches MNIST's own preprocessing on
    (`course.preprocess.mnist_preprocess`) or off (the whole pad shrunk to 28 × 28,
    `course.preprocess.downsample`). Views: ``seen`` (the 28 × 28 image the networks get)
    and ``probabilities`` (HTML bars, ten classes per network, or a message when there is
    nothing to read).

    The strokes are drawn twice: on the canvas in the browser, and into ``ink``, a
    (280, 280) array kept here in Python, from the same mouse events. Predict reads
    ``ink``, so it never waits for the browser to send the canvas's pixels back. A test
    (or a learner) can skip the mouse: ``pad.predict_array(image)`` runs the code Predict
    runs on any (H, W) ink array; ``pad.set_ink(image)`` puts a picture on the pad.
    After a prediction, ``image`` is the (28, 28) input and ``probs`` a dict of (10,)
    probabilities per network (None after an error, whose text is in ``message``).
    """

    def __init__(self, models: dict, preprocess: bool = False):
        from ipycanvas import Canvas

        if not isinstance(models, dict) or not models:
            raise ValueError("DrawingPad: models must be a dict of named torch networks, "
                             "e.g. {'MLP': mlp, 'CNN': cnn}.")
        self.models = models
        self.canvas = Canvas(width=SIDE, height=SIDE,
                             layout=w.Layout(width=f"{SIDE}px", height=f"{SIDE}px",
                                             border="1px solid #888"))
        self.canvas.add_class("drawing-pad")
        self.predict_button = w.Button(description="Predict", button_style="primary")
        self.clear_button = w.Button(description="Clear")
        self.preprocess = w.Checkbox(value=preprocess, description="MNIST preprocessing",
                                     indent=False)
        self.seen = _image_view(140)
        self.seen.add_class("digit-seen")
        self.probabilities = w.HTML(layout=w.Layout(width="380px"))
        self.probabilities.add_class("digit-probabilities")
        self.image, self.probs, self.message = None, None, ""
        self._last = None
        self._pressed = False
        self.canvas.on_mouse_down(self._down)
        self.canvas.on_mouse_move(self._move)
        self.canvas.on_mouse_up(self._up)
        self.canvas.on_mouse_out(self._up)
        self.predict_button.on_click(lambda _: self.predict())
        self.clear_button.on_click(lambda _: self.clear())
        self.preprocess.observe(lambda _: self.image is not None and self.predict(), names="value")
        self.clear()
        self.ui = w.HBox([w.VBox([self.canvas, w.HBox([self.predict_button, self.clear_button]),
                                  self.preprocess]),
                          w.VBox([w.HTML("<b>what the networks see</b> (28 × 28)"), self.seen]),
                          self.probabilities],
                         layout=w.Layout(align_items="flex-start", grid_gap="16px"))

    # ------------------------------------------------------------------ drawing

    def _pen(self):
        from PIL import Image, ImageDraw
        return ImageDraw.Draw(self._paper)

    def _dot(self, x: float, y: float) -> None:
        r = PEN / 2
        self._pen().ellipse([x - r, y - r, x + r, y + r], fill=255)
        self.canvas.fill_circle(x, y, r)

    def _down(self, x: float, y: float) -> None:
        self._pressed, self._last = True, (x, y)
        self._dot(x, y)

    def _move(self, x: float, y: float) -> None:
        if not self._pressed:
            return
        x0, y0 = self._last
        self._pen().line([x0, y0, x, y], fill=255, width=PEN)
        self._dot(x, y)
        self.canvas.stroke_line(x0, y0, x, y)
        self._last = (x, y)

    def _up(self, x: float, y: float) -> None:
        if self._pressed:
            self._move(x, y)
        self._pressed = False

    @property
    def ink(self) -> np.ndarray:
        """The drawing as (280, 280) ink in [0, 1], float64."""
        return np.asarray(self._paper, dtype=np.float64) / 255

    def set_ink(self, image) -> None:
        """Put an (H, W) ink picture (float in [0, 1] or uint8) on the pad, resized to 280 × 280."""
        from PIL import Image

        from ..preprocess import _image
        x = _image(image, name="image")
        pic = Image.fromarray((x * 255).round().astype(np.uint8)).resize((SIDE, SIDE),
                                                                        Image.Resampling.BILINEAR)
        self._paper = pic
        rgba = np.zeros((SIDE, SIDE, 4), np.uint8)
        rgba[..., 3] = np.asarray(pic)
        self.canvas.clear()
        self.canvas.put_image_data(rgba, 0, 0)

    def clear(self) -> None:
        """Wipe the pad and the views."""
        from PIL import Image

        self._paper = Image.new("L", (SIDE, SIDE), 0)
        self._pressed, self._last = False, None
        self.canvas.clear()
        self.canvas.stroke_style = self.canvas.fill_style = "black"
        self.canvas.line_width, self.canvas.line_cap = PEN, "round"
        self.image, self.probs, self.message = None, None, ""
        self.seen.value = digit_png(np.zeros((28, 28)), 5)
        self.probabilities.value = "<i>Draw a digit on the pad, then press <b>Predict</b>.</i>"

    # ------------------------------------------------------------------ reading

    def predict_array(self, image) -> dict | None:
        """What Predict does, for any (H, W) ink picture: returns ``{name: (10,) probs}``,
        or None (with ``message`` set and shown) for an empty picture or a dot."""
        from ..interpret import class_probabilities
        from ..preprocess import _check_drawing, _image, bounding_box, downsample, mnist_preprocess

        try:
            x = _image(image, name="image")
            _check_drawing(x, bounding_box(x))
            seen = mnist_preprocess(x) if self.preprocess.value else downsample(x)
        except ValueError as err:
            self.image, self.probs, self.message = None, None, str(err)
            self.seen.value = digit_png(np.zeros((28, 28)), 5)
            self.probabilities.value = f"<b class='pad-message'>{err}</b>"
            return None
        self.image, self.message = seen, ""
        self.probs = {name: class_probabilities(m, seen[None])[0] for name, m in self.models.items()}
        self.seen.value = digit_png(seen, 5)
        self.probabilities.value = _bars_html(self.probs, self.preprocess.value)
        return self.probs

    def predict(self) -> dict | None:
        """Read the drawing on the pad (the Predict button)."""
        return self.predict_array(self.ink)


def _bars_html(probs: dict, preprocessed: bool) -> str:
    """Ten horizontal bars per network, the most probable class in bold."""
    names = list(probs)
    head = "".join(f"<th style='text-align:left;padding:0 6px'>{n}: "
                   f"<b>{int(p.argmax())}</b> ({p.max():.0%})</th>" for n, p in probs.items())
    rows = []
    for c in range(10):
        cells = []
        for n in names:
            p = float(probs[n][c])
            colour = "#c0392b" if c == int(probs[n].argmax()) else "#4a78b5"
            cells.append(f"<td style='padding:0 6px'><div class='prob-bar' data-p='{p:.4f}' "
                         f"style='display:inline-block;width:{max(p * 120, 1):.0f}px;height:10px;"
                         f"background:{colour}'></div> {p:.1%}</td>")
        rows.append(f"<tr><td><b>{c}</b></td>{''.join(cells)}</tr>")
    how = "with MNIST preprocessing" if preprocessed else "pad shrunk to 28 × 28, no preprocessing"
    return (f"<div>Probabilities ({how})</div><table style='font-size:12px'>"
            f"<tr><th></th>{head}</tr>{''.join(rows)}</table>")
