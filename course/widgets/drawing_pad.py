"""Chapter 5b: draw a digit with the mouse and see what the networks make of it."""

from __future__ import annotations

import html

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ..strokes import PEN, SIDE, pen_down, pen_move
from ._base import _Widget, _image_view

#: The pen widths offered, in screen pixels. The normal pen (`course.strokes.PEN`, 22)
#: gives MNIST's stroke width (about 2 pixels of 28) for a digit drawn half to three
#: quarters as tall as the pad, with or without MNIST's preprocessing; thin and bold are
#: for trying what a network makes of other strokes.
PENS = {"thin": 10, "normal": PEN, "bold": 40}


class DrawingPad(_Widget):
    """A drawing pad (ipycanvas) whose digit is read by one or more networks.

    models : ``{"MLP": mlp, "CNN": cnn}``, torch classifiers of (n, 784) pixels.
    preprocess : start with MNIST's preprocessing on (the checkbox ``preprocess``).
    novelty : ``{name: course.novelty.Novelty}`` for the networks that should say "not
        sure" when a drawing looks unlike every training digit; ``"auto"`` (default) fits
        one for every network that `course.novelty.fit_novelty` can read, on
        ``train_digits`` (default: the bundled training digits); None: none.
    live : read the drawing each time a stroke ends (the checkbox ``live``); Predict
        reads it on demand (for slow machines, switch ``live`` off).

    Draw with the mouse on ``canvas``; ``pen`` (a dropdown: thin, normal, bold) sets the
    pen's width (`PENS`); ``clear_button`` wipes the pad; ``preprocess`` switches MNIST's
    own preprocessing on (`course.preprocess.mnist_preprocess`) or off (the whole pad
    shrunk to 28 × 28). Views: ``seen`` (the 28 × 28 image the networks get) and
    ``probabilities`` (per network its verdict, "a 7" or "not sure" and why, and ten
    probability bars; or a message when there is nothing to read).

    The strokes are drawn twice: on the canvas in the browser, and into ``ink``, a
    (280, 280) array kept here in Python, from the same mouse events and with the same
    pen (`course.strokes.pen_down` and `pen_move`, which the stroke simulator uses too).
    Reading uses ``ink``, so it never waits for the browser to send the canvas's pixels
    back. The reading itself is `course.novelty.read_drawing`: any control can call
    ``pad.predict_array(image)`` (what Predict runs, on any (H, W) ink array),
    ``pad.set_ink(image)`` or ``pad.draw(strokes)`` (mouse strokes, as the mouse draws
    them). After a reading, ``reading`` is the `course.novelty.Reading`, ``image`` the
    (28, 28) input and ``probs`` a dict of (10,) probabilities per network (all None
    after an error, whose text is in ``message``).
    """

    def __init__(self, models: dict, preprocess: bool = False, novelty="auto",
                 train_digits=None, live: bool = True):
        from ipycanvas import Canvas

        if not isinstance(models, dict) or not models:
            raise ValueError("DrawingPad: models must be a dict of named torch networks, "
                             "e.g. {'MLP': mlp, 'CNN': cnn}.")
        self.models = models
        self.novelty = _novelty_for(models, novelty, train_digits)
        self.canvas = Canvas(width=SIDE, height=SIDE,
                             layout=w.Layout(width=f"{SIDE}px", height=f"{SIDE}px",
                                             border="1px solid #888"))
        self.canvas.add_class("drawing-pad")
        self.predict_button = w.Button(description="Predict", button_style="primary")
        self.clear_button = w.Button(description="Clear")
        self.pen = w.Dropdown(options=list(PENS.items()), value=PEN, description="pen",
                              layout=w.Layout(width="160px"))
        self.pen.add_class("pad-pen")
        self.preprocess = w.Checkbox(value=preprocess, description="MNIST preprocessing",
                                     indent=False)
        self.live = w.Checkbox(value=live, description="read when a stroke ends", indent=False)
        self.seen = _image_view(140)
        self.seen.add_class("digit-seen")
        self.probabilities = w.HTML(layout=w.Layout(width="420px"))
        self.probabilities.add_class("digit-probabilities")
        self.reading = self.image = self.probs = None
        self.message = ""
        self._last = None
        self._pressed = False
        self.canvas.on_mouse_down(self._down)
        self.canvas.on_mouse_move(self._move)
        self.canvas.on_mouse_up(self._up)
        self.canvas.on_mouse_out(self._up)
        self.predict_button.on_click(lambda _: self.predict())
        self.clear_button.on_click(lambda _: self.clear())
        self.pen.observe(lambda change: self.set_pen(change["new"]), names="value")
        self.preprocess.observe(lambda _: self.image is not None and self.predict(), names="value")
        self.clear()
        self.ui = w.HBox([w.VBox([self.canvas, w.HBox([self.predict_button, self.clear_button,
                                                       self.pen]),
                                  self.preprocess, self.live]),
                          w.VBox([w.HTML("<b>what the networks see</b> (28 × 28)"), self.seen]),
                          self.probabilities],
                         layout=w.Layout(align_items="flex-start", grid_gap="16px"))

    # ------------------------------------------------------------------ drawing

    def set_pen(self, width: float) -> None:
        """Draw the next strokes with a pen ``width`` screen pixels wide."""
        if not (np.isfinite(width) and 1 <= width <= SIDE // 4):
            raise ValueError(f"pen width must be 1 to {SIDE // 4} screen pixels, got {width!r}.")
        if self.pen.value != width and width in PENS.values():
            self.pen.value = width          # calls back here
            return
        self._width = float(width)
        self.canvas.line_width = self._width

    def _down(self, x: float, y: float) -> None:
        self._pressed, self._last = True, (x, y)
        pen_down(self._paper_draw, x, y, self._width)
        self.canvas.fill_circle(x, y, self._width / 2)

    def _move(self, x: float, y: float) -> None:
        if not self._pressed:
            return
        x0, y0 = self._last
        pen_move(self._paper_draw, x0, y0, x, y, self._width)
        self.canvas.stroke_line(x0, y0, x, y)
        self.canvas.fill_circle(x, y, self._width / 2)
        self._last = (x, y)

    def _up(self, x: float, y: float) -> None:
        if not self._pressed:
            return
        self._move(x, y)
        self._pressed = False
        if self.live.value:                 # the stroke has ended: read the drawing
            self.predict()

    def draw(self, strokes) -> None:
        """Draw mouse strokes, each an (m, 2) sequence of (x, y) pad positions from button
        down to button up, as the mouse would (a reading follows each stroke when live)."""
        for stroke in strokes:
            pts = np.asarray(stroke, dtype=np.float64)
            if pts.ndim != 2 or pts.shape[1] != 2 or not len(pts):
                raise ValueError(f"each stroke must be an (m, 2) array of (x, y) positions, "
                                 f"got shape {pts.shape}.")
            self._down(*pts[0])
            for x, y in pts[1:]:
                self._move(x, y)
            self._up(*pts[-1])

    @property
    def ink(self) -> np.ndarray:
        """The drawing as (280, 280) ink in [0, 1], float64."""
        return np.asarray(self._paper, dtype=np.float64) / 255

    def set_ink(self, image) -> None:
        """Put an (H, W) ink picture (float in [0, 1] or uint8) on the pad, resized to 280 × 280."""
        from PIL import Image, ImageDraw

        from ..preprocess import _image
        x = _image(image, name="image")
        pic = Image.fromarray((x * 255).round().astype(np.uint8)).resize((SIDE, SIDE),
                                                                        Image.Resampling.BILINEAR)
        self._paper = pic
        self._paper_draw = ImageDraw.Draw(pic)
        rgba = np.zeros((SIDE, SIDE, 4), np.uint8)
        rgba[..., 3] = np.asarray(pic)
        self.canvas.clear()
        self.canvas.put_image_data(rgba, 0, 0)

    def clear(self) -> None:
        """Wipe the pad and the views."""
        from PIL import Image, ImageDraw

        self._paper = Image.new("L", (SIDE, SIDE), 0)
        self._paper_draw = ImageDraw.Draw(self._paper)
        self._pressed, self._last = False, None
        self.canvas.clear()
        self.canvas.stroke_style = self.canvas.fill_style = "black"
        self.canvas.line_cap = "round"
        self.set_pen(self.pen.value)
        self.reading = self.image = self.probs = None
        self.message = ""
        self.seen.value = digit_png(np.zeros((28, 28)), 5)
        self.probabilities.value = ("<i>Draw a digit on the pad: it is read when you lift the "
                                    "mouse button (or press <b>Predict</b>).</i>")

    # ------------------------------------------------------------------ reading

    def predict_array(self, image) -> dict | None:
        """What Predict does, for any (H, W) ink picture: returns ``{name: (10,) probs}``,
        or None (with ``message`` set and shown) for an empty picture or a dot."""
        from ..novelty import read_drawing

        try:
            reading = read_drawing(image, self.models, preprocess=self.preprocess.value,
                                   novelty=self.novelty)
        except ValueError as err:
            self.reading = self.image = self.probs = None
            self.message = str(err)
            self.seen.value = digit_png(np.zeros((28, 28)), 5)
            self.probabilities.value = f"<b class='pad-message'>{html.escape(str(err))}</b>"
            return None
        self.reading, self.image, self.probs, self.message = reading, reading.image, reading.probs, ""
        self.seen.value = digit_png(reading.image, 5)
        self.probabilities.value = _bars_html(reading, self.preprocess.value)
        return self.probs

    def predict(self) -> dict | None:
        """Read the drawing on the pad (the Predict button)."""
        return self.predict_array(self.ink)


def _novelty_for(models: dict, novelty, train_digits) -> dict:
    """The `Novelty` of each network (see `DrawingPad`'s ``novelty``)."""
    from ..novelty import Novelty, fit_novelty

    if novelty is None:
        return {}
    if isinstance(novelty, dict):
        bad = [n for n, v in novelty.items() if n not in models or not isinstance(v, Novelty)]
        if bad:
            raise ValueError(f"DrawingPad: novelty must map names of the models {list(models)} "
                             f"to course.novelty.Novelty objects; check {bad}.")
        return dict(novelty)
    if novelty != "auto":
        raise ValueError(f"DrawingPad: novelty must be 'auto', None or a dict of Novelty, got "
                         f"{novelty!r}.")
    if train_digits is None:
        from ..exercises._data import bundled
        train_digits = bundled().x_train
    out = {}
    for name, model in models.items():
        try:
            out[name] = fit_novelty(model, train_digits)
        except ValueError:          # a network whose features cannot be read: no novelty
            pass
    return out


def _bars_html(reading, preprocessed: bool) -> str:
    """Per network: the verdict (a class, or "not sure" and why), then ten bars."""
    names = list(reading.probs)
    head, why = [], []
    for n in names:
        p = reading.probs[n]
        verdict = reading.verdict(n)
        shown = "not sure" if verdict is None else str(verdict)
        head.append(f"<th style='text-align:left;padding:0 6px'><span class='pad-verdict' "
                    f"data-model='{html.escape(n)}' data-verdict='{shown}' "
                    f"data-guess='{reading.guess(n)}'>{html.escape(n)}: <b>{shown}</b></span> "
                    f"({int(p.argmax())}: {p.max():.0%})</th>")
        reason = reading.unsure_because(n)
        if reason:
            why.append(f"<div class='pad-not-sure'><b>{html.escape(n)} is not sure</b>: "
                       f"{html.escape(reason)}.</div>")
    rows = []
    for c in range(10):
        cells = []
        for n in names:
            p = float(reading.probs[n][c])
            colour = "#c0392b" if c == int(reading.probs[n].argmax()) else "#4a78b5"
            cells.append(f"<td style='padding:0 6px'><div class='prob-bar' data-p='{p:.4f}' "
                         f"style='display:inline-block;width:{max(p * 120, 1):.0f}px;height:10px;"
                         f"background:{colour}'></div> {p:.1%}</td>")
        rows.append(f"<tr><td><b>{c}</b></td>{''.join(cells)}</tr>")
    how = "with MNIST preprocessing" if preprocessed else "pad shrunk to 28 × 28, no preprocessing"
    return (f"<div>Probabilities ({how})</div><table style='font-size:12px'>"
            f"<tr><th></th>{''.join(head)}</tr>{''.join(rows)}</table>{''.join(why)}")
