"""Chapter 5b: draw a digit and see what the networks make of it.

Drawn with the mouse, or without one: a sample drawing of the simulated hand
(`course.strokes`), drawn on the pad with the pad's own pen, or a real test digit."""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ..strokes import PEN, SIDE, fit_strokes, pen_down, pen_move, scribble_strokes, simulate_strokes
from ._base import _Widget, _image_view, with_alt

#: The pen widths offered, in screen pixels. The normal pen (`course.strokes.PEN`, 22)
#: gives MNIST's stroke width (about 2 pixels of 28) for a digit drawn half to three
#: quarters as tall as the pad, with or without MNIST's preprocessing; thin and bold are
#: for trying what a network makes of other strokes.
PENS = {"thin": 10, "normal": PEN, "bold": 40}


@dataclass(frozen=True)
class Sample:
    """A drawing of the simulated hand (`course.strokes.simulate_strokes`): ``digit`` from
    its skeleton number ``variant`` (``digit`` None: a scribble, no digit), drawn with the
    pen ``pen`` (a key of `PENS`), placed ``"middle"`` (at most 60 % of the pad's height,
    centred), ``"fill"`` (stretched until the ink touches all four edges) or ``"corner"``
    (small, top left); its random shape from ``numpy.random.default_rng(seed)``."""

    digit: int | None
    variant: int = 0
    pen: str = "normal"
    place: str = "middle"
    seed: int = 0


#: What the pad's ``sample`` menu puts on the pad, for learners without a mouse (or a
#: steady hand): digits in several styles and pens, the chapter's two experiments (a
#: digit that fills the pad, a small one in a corner), and a scribble.
SAMPLES = {
    "a 7 (normal pen)": Sample(7, 0, "normal"),
    "a 7 with a bar (thin pen)": Sample(7, 1, "thin"),
    "a 7 (bold pen)": Sample(7, 0, "bold", seed=1),
    "a 7 filling the whole pad": Sample(7, 0, "normal", "fill"),
    "a small 3 in a corner": Sample(3, 0, "normal", "corner"),
    "a closed 4": Sample(4, 0),
    "an open 4": Sample(4, 1),
    "a 1, one stroke": Sample(1, 0),
    "a 1 with a flag and a foot": Sample(1, 2),
    "a 0": Sample(0),
    "a 2": Sample(2),
    "a 5 (bold pen)": Sample(5, 0, "bold"),
    "a 6 (thin pen)": Sample(6, 0, "thin"),
    "an 8": Sample(8, 1),
    "a 9": Sample(9),
    "a scribble (no digit)": Sample(None, seed=2),
}
#: The sample menu's first entry: nothing chosen.
NO_SAMPLE = "(choose one)"


def sample_strokes(label: str) -> tuple[list[np.ndarray], float]:
    """The sample drawing ``label`` (a key of `SAMPLES`): its mouse strokes, each an
    (m, 2) array of pad positions, and the width of its pen in pad pixels."""
    if label not in SAMPLES:
        raise ValueError(f"no sample drawing {label!r}; the samples are: {', '.join(SAMPLES)}.")
    spec = SAMPLES[label]
    rng = np.random.default_rng(spec.seed)
    strokes = (scribble_strokes(rng) if spec.digit is None
               else simulate_strokes(spec.digit, rng, variant=spec.variant))
    width = PENS[spec.pen]
    edge = width / 2 + 1               # the pen's edge at the pad's edge, not past it
    box = {"middle": (0.2 * SIDE, 0.2 * SIDE, 0.8 * SIDE, 0.8 * SIDE),
           "fill": (edge, edge, SIDE - edge, SIDE - edge),
           "corner": (edge + 4, edge + 4, 0.3 * SIDE, 0.3 * SIDE)}[spec.place]
    return fit_strokes(strokes, box, keep_shape=spec.place != "fill"), float(width)


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

    examples : ``(x, y)``, real digits (n, 28, 28) uint8 and their labels, for
        ``real_digit`` (default: the bundled test digits).

    Draw with the mouse on ``canvas``; ``pen`` (a dropdown: thin, normal, bold) sets the
    pen's width (`PENS`); ``clear_button`` wipes the pad. Without a mouse (Tab reaches
    every control): ``sample`` (a dropdown; the arrow keys go through it) draws one of
    the simulated hand's drawings (`SAMPLES`) on the pad with its pen, as the mouse would;
    typing a digit into ``real_digit`` puts the next real example of that class on the
    pad (`load_real`). Either is read at once. ``source`` says in words what is on the
    pad (for a screen reader too). ``preprocess`` switches MNIST's
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
                 train_digits=None, live: bool = True, examples=None):
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
        with_alt(self.canvas, "the drawing pad, 280 by 280 pixels, for drawing a digit with the "
                              "mouse; without a mouse, use the sample drawing menu or the real "
                              "digit field below it. The line under the pad says what is on it.")
        self.examples = _examples(examples)
        self.predict_button = w.Button(description="Predict", button_style="primary",
                                       tooltip="read the drawing on the pad")
        self.clear_button = w.Button(description="Clear", tooltip="wipe the pad")
        self.pen = w.Dropdown(options=list(PENS.items()), value=PEN, description="pen",
                              layout=w.Layout(width="160px"))
        self.pen.add_class("pad-pen")
        wide = {"description_width": "initial"}
        self.sample = w.Dropdown(options=[NO_SAMPLE, *SAMPLES], value=NO_SAMPLE,
                                 description="sample drawing", style=wide,
                                 layout=w.Layout(width="330px"))
        self.sample.add_class("pad-sample")
        self.real_digit = w.Text(value="", description="real digit", placeholder="type 0 to 9",
                                 continuous_update=True, style=wide,
                                 tooltip="type a digit: the next real test digit of that class "
                                         "goes on the pad", layout=w.Layout(width="200px"))
        self.real_digit.add_class("pad-real-digit")
        self.source = w.HTML(layout=w.Layout(width=f"{SIDE + 40}px"))
        self.source.add_class("pad-source")
        self.preprocess = w.Checkbox(value=preprocess, description="MNIST preprocessing",
                                     indent=False)
        self.live = w.Checkbox(value=live, description="read when a stroke ends", indent=False)
        self.seen = _image_view(140, "what the networks see: the drawing on the pad as 28 × 28 "
                                     "pixels, the whole pad shrunk or, with MNIST preprocessing, "
                                     "the digit boxed and centred")
        self.seen.add_class("digit-seen")
        self._shown = {}                    # class -> how many of its real examples were shown
        self._loading = False
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
        self.sample.observe(lambda change: self._sample_chosen(change["new"]), names="value")
        self.real_digit.observe(lambda change: self._digit_typed(change["new"]), names="value")
        self.preprocess.observe(lambda _: self.image is not None and self.predict(), names="value")
        self.clear()
        how = w.HTML("<i>Draw with the mouse, or with the keyboard: pick a sample drawing, or "
                     "type a digit for a real one.</i>", layout=w.Layout(width=f"{SIDE + 40}px"))
        self.ui = w.HBox([w.VBox([how, self.canvas, self.source,
                                  w.HBox([self.predict_button, self.clear_button, self.pen]),
                                  self.sample, self.real_digit, self.preprocess, self.live]),
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
        if not self._loading:               # the learner's own strokes
            self._forget_sample()
            said = self._source_text
            if not said:
                self._say("your drawing")
            elif not said.startswith("your drawing") and "yours" not in said:
                self._say(f"{said}, with strokes of yours added")
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
        from ipycanvas import hold_canvas

        for stroke in strokes:
            pts = np.asarray(stroke, dtype=np.float64)
            if pts.ndim != 2 or pts.shape[1] != 2 or not len(pts):
                raise ValueError(f"each stroke must be an (m, 2) array of (x, y) positions, "
                                 f"got shape {pts.shape}.")
            with hold_canvas():             # one message to the browser per stroke
                self._down(*pts[0])
                for x, y in pts[1:]:
                    self._move(x, y)
                self._up(*pts[-1])

    def load_sample(self, label: str) -> dict | None:
        """Clear the pad and draw the sample drawing ``label`` (`SAMPLES`) with its pen,
        stroke by stroke as the mouse would; then read it (unless ``live`` is off) and
        return what `predict` returns (None when not read)."""
        strokes, width = sample_strokes(label)
        self.clear(keep_sample=True)
        self.set_pen(width)
        live, self.live.value = self.live.value, False     # one reading, at the end
        self._loading = True
        try:
            self.draw(strokes)
        finally:
            self._loading, self.live.value = False, live
        self._say(f"a sample drawing, {label}" if "pen)" in label
                  else f"a sample drawing, {label} ({self._pen_name()} pen)")
        return self.predict() if live else None

    def load_real(self, digit: int) -> dict | None:
        """Clear the pad and put on it the next real example of class ``digit`` from
        ``examples`` (the first one, then the second, ...; round again after the last),
        enlarged to the pad; then read it (unless ``live`` is off)."""
        x, y = self.examples
        if not (isinstance(digit, (int, np.integer)) and 0 <= digit <= 9):
            raise ValueError(f"digit must be a whole number from 0 to 9, got {digit!r}.")
        where = np.flatnonzero(y == digit)
        if not len(where):
            raise ValueError(f"the pad's examples hold no digit {digit}.")
        k = self._shown.get(digit, 0) % len(where)
        self._shown[digit] = k + 1
        self.clear()
        self.set_ink(x[where[k]])
        self._say(f"a real {digit}, example {k + 1} of the {len(where)} {digit}s among the "
                  f"test digits (test digit {where[k]})")
        return self.predict() if self.live.value else None

    def _sample_chosen(self, label: str) -> None:
        if label != NO_SAMPLE and not self._loading:
            self.load_sample(label)

    def _digit_typed(self, text: str) -> None:
        if not text:
            return
        typed = text.strip()[-1:]
        self.real_digit.value = ""          # ready for the next digit (calls back, does nothing)
        if typed.isdigit():
            self.load_real(int(typed))
        else:
            self._say(f"{typed!r} is not a digit: type one of 0 to 9 to load a real example")

    def _forget_sample(self) -> None:
        """Show no sample in the menu (the pad holds something else now)."""
        if self.sample.value != NO_SAMPLE:
            self._loading = True
            try:
                self.sample.value = NO_SAMPLE
            finally:
                self._loading = False

    def _pen_name(self) -> str:
        return next((k for k, v in PENS.items() if v == self._width), f"{self._width:g}-pixel")

    def _say(self, text: str) -> None:
        """Say what is on the pad (``source``)."""
        self._source_text = text
        self.source.value = f"<span>On the pad: {html.escape(text)}.</span>" if text else ""

    @property
    def ink(self) -> np.ndarray:
        """The drawing as (280, 280) ink in [0, 1], float64."""
        return np.asarray(self._paper, dtype=np.float64) / 255

    def set_ink(self, image) -> None:
        """Put an (H, W) ink picture (float in [0, 1] or uint8) on the pad, resized to 280 × 280
        (replacing what was there)."""
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

    def clear(self, keep_sample: bool = False) -> None:
        """Wipe the pad and the views (and show no sample in the menu, unless ``keep_sample``)."""
        from PIL import Image, ImageDraw

        if not keep_sample:
            self._forget_sample()
        self._say("")
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
                                    "mouse button (or press <b>Predict</b>). Or pick a sample "
                                    "drawing, or type a digit for a real one.</i>")

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


def _examples(examples) -> tuple[np.ndarray, np.ndarray]:
    """The real digits for ``real_digit``: ``(x, y)``, or the bundled test digits."""
    if examples is None:
        from ..data import bundled
        data = bundled()
        return data.x_test, data.y_test
    try:
        x, y = (np.asarray(a) for a in examples)
    except (TypeError, ValueError):
        raise ValueError("DrawingPad: examples must be a pair (x, y) of digits (n, 28, 28) and "
                         "their labels (n,).") from None
    if x.ndim != 3 or y.shape != (len(x),):
        raise ValueError(f"DrawingPad: examples must be (x, y) with x of shape (n, H, W) and y "
                         f"of shape (n,); got {x.shape} and {y.shape}.")
    return x, y


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
        from ..data import bundled
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
