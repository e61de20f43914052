"""Chapter 3: which pixels a trained network's decision depends on."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..plotting import DIVERGING, digit_png
from ._access import name
from ._base import _Widget, _image_view

def _signed_png(values: np.ndarray, scale: int = 8, limit: float | None = None) -> bytes:
    """A signed (H, W) array as PNG bytes on a red-white-blue scale: 0 is white, +limit
    deep red, -limit deep blue (default limit: the largest absolute value)."""
    import io

    from matplotlib import colormaps
    from PIL import Image

    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 2:
        raise ValueError(f"_signed_png: expected one (H, W) array, got shape {v.shape}.")
    limit = float(np.abs(v).max()) if limit is None else float(limit)
    unit = 0.5 + 0.5 * v / limit if limit > 0 else np.full(v.shape, 0.5)
    rgb = (colormaps[DIVERGING](np.clip(unit, 0, 1))[..., :3] * 255).round().astype(np.uint8)
    img = Image.fromarray(rgb, mode="RGB").resize((v.shape[1] * scale, v.shape[0] * scale),
                                                  Image.Resampling.NEAREST)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


class SaliencyExplorer(_Widget):
    """Chapter 3's widget: which pixels push a network's score for a class up or down.

    model : a torch network giving 10 logits for (n, 784) pixels (`make_mlp`, `make_cnn`).
    images : (n, 28, 28) digits to choose from, uint8 or float in [0, 1].
    labels : optional (n,) true labels, shown in the text.

    Controls: ``index`` (which digit), ``target`` (whose score to explain: ``-1`` =
    "predicted", the network's answer, or a class 0..9) and ``method`` (``"gradient"`` or
    ``"gradient_x_input"``, see `course.interpret.saliency`). Views: ``digit``, ``saliency``
    (red: more ink there raises the score, blue: lowers it; each map scaled to its own
    largest value) and ``summary`` (HTML: the prediction, its probability, the top three).
    After each update, ``explained`` is the class whose score is shown, ``map`` the
    (28, 28) saliency and ``probabilities`` the network's (10,) probabilities.
    """

    def __init__(self, model, images: np.ndarray, labels: np.ndarray | None = None,
                 index: int = 0, target: int | None = None, method: str = "gradient"):
        from ..interpret import SALIENCY_METHODS, pixels

        x = pixels(images, name="images")
        if labels is not None and np.shape(labels) != (len(x),):
            raise ValueError(f"SaliencyExplorer: {len(x)} images but labels of shape "
                             f"{np.shape(labels)}.")
        if not 0 <= index < len(x):
            raise ValueError(f"SaliencyExplorer: index must be in 0..{len(x) - 1}, got {index}.")
        if target is not None and target not in range(10):
            raise ValueError(f"SaliencyExplorer: target must be a class 0..9 or None (the "
                             f"predicted class), got {target!r}.")
        if method not in SALIENCY_METHODS:
            raise ValueError(f"SaliencyExplorer: method must be one of {SALIENCY_METHODS}, "
                             f"got {method!r}.")
        self.model, self.images, self.labels = model, x.reshape(-1, 28, 28), labels
        self.index = w.IntSlider(value=index, min=0, max=len(x) - 1, description="index")
        self.target = w.ToggleButtons(options=[("predicted", -1)] + [(str(c), c) for c in range(10)],
                                      value=-1 if target is None else target,
                                      description="explain", style={"button_width": "auto"})
        self.target.tooltips = ["the class the network predicts"] + \
            [f"the score of class {c}" for c in range(10)]
        self.method = w.ToggleButtons(options=[("gradient", "gradient"),
                                               ("gradient × input", "gradient_x_input")],
                                      value=method, description="show")
        name(self.index, "index: which test digit")
        self.digit = _image_view(196, "the test digit the network reads")
        self.saliency = _image_view(196, "the saliency map: red where more ink raises the "
                                         "explained class's score, blue where it lowers it")
        self.saliency.add_class("saliency-map")
        self.summary = w.HTML(layout=w.Layout(width="380px"))
        self.explained, self.map, self.probabilities = -1, np.zeros((28, 28)), np.zeros(10)
        for control in (self.index, self.target, self.method):
            control.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([self.index, self.target, self.method,
                          w.HBox([w.VBox([w.HTML("<b>the digit</b>"), self.digit]),
                                  w.VBox([w.HTML("<b>saliency</b> (red raises the score, "
                                                 "blue lowers it)"), self.saliency]),
                                  self.summary],
                                 layout=w.Layout(align_items="flex-start", grid_gap="16px"))])

    def update(self) -> None:
        from ..interpret import class_probabilities, saliency

        i = self.index.value
        x = self.images[i]
        self.probabilities = class_probabilities(self.model, x[None])[0]
        predicted = int(self.probabilities.argmax())
        self.explained = predicted if self.target.value == -1 else int(self.target.value)
        self.map = saliency(self.model, x, self.explained, method=self.method.value)
        self.digit.value = digit_png(x, 7)
        self.saliency.value = _signed_png(self.map, 7)
        truth = "" if self.labels is None else f" (labelled {int(self.labels[i])})"
        top = np.argsort(-self.probabilities, kind="stable")[:3]
        ranking = ", ".join(f"{c}: {self.probabilities[c]:.1%}" for c in top)
        what = ("∂ score / ∂ pixel" if self.method.value == "gradient"
                else "∂ score / ∂ pixel × pixel value")
        self.summary.value = (
            f"<b>digit {i}</b>{truth}: the network says <b>{predicted}</b> with probability "
            f"<b>{self.probabilities[predicted]:.1%}</b>.<br>Top three: {ranking}.<br>"
            f"The map explains the score (logit) of class <b>{self.explained}</b>: {what}, "
            f"on a scale of ±{np.abs(self.map).max():.3g}.")
