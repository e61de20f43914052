"""Interactive widgets for the notebooks.

Each widget is a small class that owns its controls (sliders, buttons) and its views
(images, text), and recomputes the views by calling the same `course` functions the
tests call. Its controls are attributes, so a test drives it exactly as a learner does:
``browser.index.value = 5`` and then look at ``browser.image.value``. ``.ui`` is the
ipywidgets box a notebook displays (a widget object displays itself too).
"""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from .pixel_stats import as_unit_float
from .plotting import digit_png, pixel_table_html

__all__ = ["ThresholdExplorer", "DigitBrowser", "SaliencyExplorer", "ReconstructionExplorer",
           "SkipMatrixAnimation"]


def _image_view(pixels: int) -> w.Image:
    """An image widget of a fixed on-screen size (ipywidgets would stretch it to fill a row)."""
    size = f"{pixels}px"
    return w.Image(format="png", layout=w.Layout(width=size, height=size, min_width=size))


class _Widget:
    """Base: a notebook shows ``self.ui`` when the object is the value of a cell."""

    ui: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)

    def _ipython_display_(self):  # pragma: no cover - exercised in the browser tests
        from IPython.display import display
        display(self.ui)


class ThresholdExplorer(_Widget):
    """Chapter 0's first widget: drag a slider, see a digit turned into black and white.

    image : (28, 28) uint8 digit. Pixels brighter than the threshold become ink (1),
    the rest paper (0). ``threshold`` is the slider, ``image`` the picture, ``summary``
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
        self.original = _image_view(168)
        self.original.value = digit_png(x, 6)
        self.image = _image_view(168)
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
        self.summary.value = (f"<b>{int(ink.sum())}</b> of 784 pixels are brighter than "
                              f"{self.threshold.value}.")


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
        self.image = _image_view(224)
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


class ReconstructionExplorer(_Widget):
    """Chapter 4's widget: a digit rebuilt from its first k principal components.

    images : (n, 28, 28) uint8 digits to choose from (or float in [0, 1]).
    pca : a `course.pca.PCA` of 784 features, ideally with all its components (the
        slider ``k`` goes up to ``pca.n_components``); default: `course.pca.fit_pca` of
        ``images`` with all components.
    labels : optional (n,) labels, shown in the caption.

    Controls: ``index`` (which digit) and ``k`` (how many components). Views:
    ``original`` and ``reconstruction`` (images; the reconstruction is clipped to
    [0, 1] for display) and ``summary`` (HTML with the error). After each update,
    ``error`` holds the mean squared error per pixel of the reconstruction and ``kept``
    the share of the training digits' variance that the first k components keep.
    The PCA is fitted once; an update is one `course.pca.reconstruct` call.
    """

    def __init__(self, images: np.ndarray, pca=None, labels: np.ndarray | None = None,
                 index: int = 0, k: int = 10):
        from .pca import as_features, fit_pca

        x = as_features(images, name="images")
        if x.shape[1] != 784:
            raise ValueError(f"ReconstructionExplorer: expected images of shape (n, 28, 28) or "
                             f"(n, 784), got {np.shape(images)}.")
        self.pca = fit_pca(x) if pca is None else pca
        if self.pca.n_features != 784:
            raise ValueError(f"ReconstructionExplorer: the PCA has {self.pca.n_features} features; "
                             "it must be fitted to 28 x 28 digits (784 features).")
        if labels is not None and np.shape(labels) != (len(x),):
            raise ValueError(f"ReconstructionExplorer: {len(x)} images but labels of shape "
                             f"{np.shape(labels)}.")
        if not 0 <= index < len(x):
            raise ValueError(f"ReconstructionExplorer: index must be in 0..{len(x) - 1}, got {index}.")
        if not 1 <= k <= self.pca.n_components:
            raise ValueError(f"ReconstructionExplorer: k must be in 1..{self.pca.n_components}, "
                             f"got {k}.")
        self.images, self.labels = x, labels
        self.index = w.IntSlider(value=index, min=0, max=len(x) - 1, description="index")
        self.k = w.IntSlider(value=k, min=1, max=self.pca.n_components, description="k",
                             continuous_update=True)
        self.original = _image_view(196)
        self.reconstruction = _image_view(196)
        self.caption = w.HTML()
        self.summary = w.HTML(layout=w.Layout(width="420px"))
        self.error = float("nan")
        self.kept = float("nan")
        self.index.observe(lambda _: self.update(), names="value")
        self.k.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([self.index, self.k,
                          w.HBox([w.VBox([self.caption, self.original]),
                                  w.VBox([w.HTML("<b>rebuilt from k components</b>"),
                                          self.reconstruction]),
                                  self.summary],
                                 layout=w.Layout(align_items="flex-start", grid_gap="16px"))])

    def update(self) -> None:
        from .pca import reconstruct

        i, k = self.index.value, self.k.value
        x = self.images[i]
        rebuilt = reconstruct(self.pca, x[None], k)[0]
        self.error = float(np.mean((x - rebuilt) ** 2))
        self.kept = float(self.pca.explained_variance_ratio[:k].sum())
        away = float(np.sum((x - self.pca.mean) ** 2))
        own = 1 - float(np.sum((x - rebuilt) ** 2)) / away if away > 0 else 1.0
        self.original.value = digit_png(x.reshape(28, 28), 7)
        self.reconstruction.value = digit_png(rebuilt.reshape(28, 28), 7)
        label = "" if self.labels is None else f" (label {int(self.labels[i])})"
        self.caption.value = f"<b>digit number {i}{label}</b>"
        self.summary.value = (
            f"<b>k = {k}</b> of {self.pca.n_components} components.<br>"
            f"Mean squared error per pixel: <b>{self.error:.4f}</b> "
            f"(pixel values in [0, 1]).<br>"
            f"The first {k} components keep <b>{self.kept:.1%}</b> of the training digits' "
            f"variance; this reconstruction recovers {own:.1%} of this digit's squared "
            "difference from the mean digit.")



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
    rgb = (colormaps["RdBu_r"](np.clip(unit, 0, 1))[..., :3] * 255).round().astype(np.uint8)
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
        from .interpret import SALIENCY_METHODS, pixels

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
        self.digit = _image_view(196)
        self.saliency = _image_view(196)
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
        from .interpret import class_probabilities, saliency

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



class SkipMatrixAnimation(_Widget):
    """Chapter 7's animation: the three skip matrices of `course.eigen_net.EigenNet` over
    training as the red, green and blue channels of one picture, beside the λ and R² curves.

    history : a `course.eigen_net.History` (its ``skips`` snapshots, ``steps``, ``lam``, ``r2``).
    exact : optional {label: value}, exact eigenvalues drawn as dashed lines on the λ curve.
    step : the training step shown first (default: the last one).

    Controls: ``step`` (IntSlider over the training steps, moving by the recording
    interval) and ``play`` (a Play button, linked to ``step`` in the browser). Views:
    ``image`` (the matrices), ``curves`` (λ and R² with a red marker at the current step)
    and ``caption``. Colours (`course.eigen_net.skip_rgb`): each matrix sets one channel,
    an entry 0 is mid-grey and ± 3 times the frame's root-mean-square entry full or no
    intensity. Where the three matrices agree the pixel is grey; colour is where they differ.
    The curves are drawn once with matplotlib; a frame only redraws the marker with PIL.
    """

    def __init__(self, history, exact: dict[str, float] | None = None, step: int | None = None,
                 pixels_per_entry: int = 6, interval_ms: int = 150):
        from .eigen_net import History

        if not isinstance(history, History):
            raise ValueError(f"SkipMatrixAnimation: expected the History that train_eigen_net "
                             f"returns, got {type(history).__name__}.")
        steps = np.asarray(history.steps)
        last = int(steps[-1])
        if step is not None and not 0 <= step <= last:
            raise ValueError(f"SkipMatrixAnimation: step must be in 0..{last}, got {step}.")
        every = int(history.config.get("record_every", max(1, last // max(1, len(steps) - 1))))
        self.history, self._scale = history, int(pixels_per_entry)
        self.step = w.IntSlider(value=last if step is None else int(step), min=0, max=last,
                                step=every, description="step", continuous_update=True)
        self.play = w.Play(value=self.step.value, min=0, max=last, step=every,
                           interval=int(interval_ms), description="play", repeat=False)
        w.jslink((self.play, "value"), (self.step, "value"))
        self.image = _image_view(history.skips.shape[-1] * self._scale)
        self.image.add_class("skip-matrices")  # for the browser test to find it
        self._base, self._x_pixel, self._spans = _skip_curves(history, exact)
        width, height = self._base.size
        self.curves = w.Image(format="png", layout=w.Layout(width=f"{width}px", height=f"{height}px",
                                                            min_width=f"{width}px"))
        self.caption = w.HTML(layout=w.Layout(width=f"{width + 260}px"))
        self.step.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([w.HBox([self.play, self.step]),
                          w.HBox([w.VBox([w.HTML("<b>skip matrices: red, green, blue</b>"),
                                          self.image]), self.curves],
                                 layout=w.Layout(align_items="flex-start", grid_gap="16px")),
                          self.caption])

    def index(self) -> int:
        """Position in ``history`` of the snapshot shown: the record nearest to ``step``."""
        return int(np.argmin(np.abs(self.history.steps - self.step.value)))

    def update(self) -> None:
        from PIL import Image, ImageDraw

        from .eigen_net import skip_rgb

        k, h = self.index(), self.history
        rgb = skip_rgb(h.skips[k])
        side = rgb.shape[0] * self._scale
        self.image.value = _skip_png(Image.fromarray(rgb, mode="RGB").resize(
            (side, side), Image.Resampling.NEAREST))
        curves = self._base.copy()
        x = self._x_pixel(float(h.steps[k]))
        draw = ImageDraw.Draw(curves)
        for top, bottom in self._spans:
            draw.line([(x, top), (x, bottom)], fill=(214, 39, 40), width=2)
        self.curves.value = _skip_png(curves)
        norms = np.linalg.norm(h.skips[k].reshape(3, -1).astype(np.float64), axis=1)
        self.caption.value = (
            f"step <b>{int(h.steps[k])}</b> of {int(h.steps[-1])}: λ estimate "
            f"<b>{h.lam[k]:+.3f}</b> (the seed's λ = |λ| = {abs(h.lam[k]):.3f}), "
            f"R² <b>{h.r2[k]:.3f}</b>, linear share {h.linear_share[k]:.3f}. "
            f"Size (Frobenius norm) of the red, green and blue matrices: {norms[0]:.3f}, "
            f"{norms[1]:.3f}, {norms[2]:.3f}. Colour scale of this frame: ±"
            f"{3 * float(np.sqrt(np.mean(h.skips[k].astype(np.float64) ** 2))):.3g} "
            f"(3 × the root-mean-square entry; larger entries are clipped).")


def _skip_png(img) -> bytes:
    import io

    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _skip_curves(history, exact: dict[str, float] | None):
    """λ and R² over training, drawn once: (PIL image, step -> x pixel, [(top, bottom)
    pixel rows of each panel]) so that a frame only has to draw its marker."""
    import io

    from matplotlib import colormaps
    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(5.4, 3.3), dpi=80)
    ax_lam, ax_r2 = fig.subplots(2, 1, sharex=True)
    ax_lam.plot(history.steps, history.lam, color="k", lw=1.2, label="network")
    for i, (label, value) in enumerate((exact or {}).items()):
        ax_lam.axhline(value, ls="--", lw=1, color=colormaps["tab10"](i + 1), label=label)
    ax_lam.set_ylabel("λ estimate")
    ax_lam.set_title("eigenvalue found, and R², over training", fontsize=10)
    ax_lam.legend(fontsize=7, loc="best")
    ax_r2.plot(history.steps, history.r2, color="tab:blue", lw=1.2)
    ax_r2.set_ylim(-0.02, 1.02)
    ax_r2.set_ylabel("R²")
    ax_r2.set_xlabel("training step")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    base = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    height = base.size[1]
    spans = []
    for ax in (ax_lam, ax_r2):
        (_, y0), (_, y1) = ax.get_window_extent().get_points()
        spans.append((height - y1, height - y0))
    to_display = ax_lam.transData.transform
    return base, (lambda step: float(to_display((step, 0.0))[0])), spans

