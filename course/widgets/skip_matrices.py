"""Chapter 7: the eigenvector network's skip matrices, step by step."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ._access import name
from ._base import _Widget, _image_view, with_alt

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
        from ..eigen_net import History

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
        name(self.step, "step: the training step shown")
        self.image = _image_view(history.skips.shape[-1] * self._scale,
                                 "the three skip matrices as the red, green and blue channels "
                                 "of one picture: grey where they agree, coloured where they differ")
        self.image.add_class("skip-matrices")  # for the browser test to find it
        self._base, self._x_pixel, self._spans = _skip_curves(history, exact)
        width, height = self._base.size
        self.curves = w.Image(format="png", layout=w.Layout(width=f"{width}px", height=f"{height}px",
                                                            min_width=f"{width}px"))
        with_alt(self.curves, "two curves over training: the eigenvalue estimate λ above, with "
                              "the exact eigenvalues as dashed lines, and R² below; a vertical "
                              "mark shows the step on display")
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

        from ..eigen_net import skip_rgb

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
            f"<b>{h.lam[k]:+.3f}</b> (the video's λ = |λ| = {abs(h.lam[k]):.3f}), "
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

    from PIL import Image

    fig = _skip_figure(history, exact)
    ax_lam, ax_r2 = fig.axes
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


def _skip_figure(history, exact: dict[str, float] | None):
    """The λ and R² curves as a matplotlib Figure (540 × 360 pixels), in the course's style."""
    from matplotlib.figure import Figure

    from ..plotting import LINE_COLOURS

    fig = Figure(figsize=(5.4, 3.6), dpi=100)
    ax_lam, ax_r2 = fig.subplots(2, 1, sharex=True)
    ax_lam.plot(history.steps, history.lam, color="k", lw=1.2, label="network")
    for i, (label, value) in enumerate((exact or {}).items()):
        ax_lam.axhline(value, ls=("--", ":", "-.")[i % 3], lw=1.2,
                       color=LINE_COLOURS[(i + 1) % len(LINE_COLOURS)], label=label)
    ax_lam.set_ylabel("λ estimate")
    ax_lam.set_title("eigenvalue found, and R², over training")
    ax_lam.legend(loc="best")
    ax_r2.plot(history.steps, history.r2, color=LINE_COLOURS[0], lw=1.2)
    ax_r2.set_ylim(-0.02, 1.02)
    ax_r2.set_ylabel("R²")
    ax_r2.set_xlabel("training step")
    fig.tight_layout()
    return fig
