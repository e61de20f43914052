"""Figures for every reader: the course's plot style and palettes, figures displayed with a
text alternative, grids of digits, PNG bytes for widgets.

Digits are shown as dark ink on a light background (``cmap="gray_r"``), the way they
were written; pixel value 0 is white paper, 255 (or 1.0) is black ink.

Importing this module sets matplotlib's style for the course (`STYLE`): fonts large
enough for a projector (`MIN_FONT_PX`), and lines that differ by colour *and* dash, in
colours that stay apart for readers with a colour-vision deficiency
(`course.colour_vision`; tests/test_colour_vision.py holds the palettes to it):

* `LINE_COLOURS`: the Okabe–Ito palette without its yellow (too pale on white);
* `CLASS_COLOURS` and `CLASS_MARKERS`: one colour and one marker per digit class, for
  scatter plots of the ten classes;
* `DIVERGING`: red-white-blue for signed values (weights, saliency, perturbations).

`show(fig, alt=...)` displays a figure with the text alternative that says what it shows
(screen readers read it; the static course and the slides carry it).
"""

from __future__ import annotations

import base64
import html
import io

import numpy as np

__all__ = ["show", "figure_png", "smallest_font_px", "use_course_style", "STYLE", "LINE_COLOURS",
           "LINE_STYLES", "CLASS_COLOURS", "CLASS_MARKERS", "DIVERGING", "MIN_FONT_PX",
           "show_digits", "digit_png", "pixel_table_html"]

#: Okabe & Ito's colour-blind-safe palette, without yellow: blue, vermillion, bluish green,
#: reddish purple, sky blue, orange, black. Smallest ΔE00 between two of them: 10.9
#: (tritanopia); matplotlib's tab10 has 1.3 (orange and green under protanopia).
LINE_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000")
#: One dash pattern per line colour, so that lines differ without colour too.
LINE_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (8, 2)), (0, (1, 1)))
#: Ten classes: the line colours, then brown, plum grey and sage grey (chosen to stay at
#: least as far from all the others, in all four simulated visions, as the first seven).
CLASS_COLOURS = LINE_COLOURS + ("#773322", "#554455", "#556655")
#: Ten markers, one per class: colour is never the only clue.
CLASS_MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*", "<", ">")
#: Signed values: red positive, white zero, blue negative (checked under simulations).
DIVERGING = "RdBu_r"
#: The smallest text a figure may have, in screen pixels at the size it is shown
#: (figures wider than `DISPLAY_WIDTH` pixels are shrunk to fit the notebook's column).
MIN_FONT_PX = 13
DISPLAY_WIDTH = 900


def _style() -> dict:
    from cycler import cycler

    return {
        "figure.dpi": 100, "savefig.dpi": "figure",
        "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "figure.titlesize": 14,
        "xtick.labelsize": 11, "ytick.labelsize": 11, "legend.fontsize": 11,
        "legend.title_fontsize": 11,
        "axes.prop_cycle": cycler(color=list(LINE_COLOURS)) + cycler(linestyle=list(LINE_STYLES)),
        "lines.linewidth": 1.8, "lines.markersize": 6,
    }


STYLE = _style()


def use_course_style() -> None:
    """Set matplotlib's defaults to `STYLE` (done once when this module is imported)."""
    import matplotlib as mpl

    mpl.rcParams.update(STYLE)


use_course_style()


def figure_png(fig) -> bytes:
    """The figure as PNG bytes, cropped to its content, at the figure's resolution."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def smallest_font_px(fig, width_px: int | None = None) -> float:
    """The smallest visible text of `fig`, in screen pixels at the size the figure is shown:
    font size in points × dpi / 72, shrunk by DISPLAY_WIDTH / width when the picture
    (`width_px` wide, default: the figure's own width) is wider than the column. inf if the
    figure has no text."""
    from matplotlib.text import Text

    fig.draw_without_rendering()  # tick labels exist only once the figure is laid out
    sizes = [t.get_fontsize() for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip() and t.get_figure(root=True) is fig
             and _inside(t)]
    if not sizes:
        return float("inf")
    width_px = width_px or fig.get_figwidth() * fig.dpi
    return min(sizes) * fig.dpi / 72 * min(1.0, DISPLAY_WIDTH / width_px)


def _inside(text) -> bool:
    """False for the tick labels of a hidden axis (matplotlib keeps them, invisible)."""
    axis = getattr(text, "axes", None)
    return axis is None or axis.axison or text not in (axis.get_xticklabels() + axis.get_yticklabels())


def show(fig, alt: str) -> None:
    """Display `fig` in the notebook with `alt`, a text alternative that says what it shows
    (what is plotted and what to see in it, in a sentence or two), then close it.

    The figure is shown as an HTML ``<img alt=...>``: JupyterLab, RISE slides and the static
    course all give the text to screen readers (JupyterLab's own image renderer would drop
    it). The output's metadata ``course_figure`` records the text, the picture's width and
    its smallest font (`smallest_font_px`), which tests/test_figures.py checks.
    """
    import matplotlib.pyplot as plt
    from IPython.display import display
    from PIL import Image

    if not isinstance(alt, str) or len(alt.split()) < 4:
        raise ValueError(f"show: alt must say in words what the figure shows (a sentence), got {alt!r}.")
    png = figure_png(fig)
    width, height = Image.open(io.BytesIO(png)).size
    smallest = smallest_font_px(fig, width)
    plt.close(fig)
    src = base64.b64encode(png).decode("ascii")
    tag = (f'<img class="course-figure" src="data:image/png;base64,{src}" '
           f'alt="{html.escape(alt, quote=True)}">')
    meta = {"alt": alt, "width": width, "height": height,
            "smallest_font_px": None if smallest == float("inf") else round(smallest, 1)}
    display({"text/html": tag, "text/plain": f"<Figure: {alt}>"}, raw=True,
            metadata={"course_figure": meta})


def show_digits(images: np.ndarray, titles=None, *, ncols: int = 10, suptitle: str | None = None,
                cmap: str = "gray_r", size: float = 1.1, vmin: float | None = 0.0,
                vmax: float | None = None):
    """A grid of images with optional titles; returns the matplotlib ``Figure``.

    images : (n, H, W) or (n, H*W) with H = W. uint8 is shown on 0..255, floats on [0, 1]
        unless ``vmin``/``vmax`` say otherwise (use ``vmin=None`` for signed images such
        as weight templates: they are then shown symmetric around 0 with ``cmap="RdBu_r"``).
    titles : one string (or number) per image, or None.
    """
    import matplotlib.pyplot as plt

    x = np.asarray(images)
    if x.ndim == 2 and int(round(np.sqrt(x.shape[1]))) ** 2 == x.shape[1]:
        side = int(round(np.sqrt(x.shape[1])))
        x = x.reshape(len(x), side, side)
    if x.ndim != 3:
        raise ValueError(f"show_digits: expected images of shape (n, H, W) or (n, H*W), got {x.shape}.")
    if titles is not None and len(titles) != len(x):
        raise ValueError(f"show_digits: {len(x)} images but {len(titles)} titles.")
    n = len(x)
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    if vmax is None:
        vmax = 255 if x.dtype == np.uint8 else 1.0
    if vmin is None:  # signed images: symmetric colour scale around zero
        lim = float(np.abs(x).max()) or 1.0
        vmin, vmax = -lim, lim
        cmap = DIVERGING if cmap == "gray_r" else cmap
    # room for titles at the course's font size (MIN_FONT_PX): a grid of digits is never
    # narrower than 5.5 inches, so its labels stay readable when it is shrunk to fit
    size = max(size, 5.5 / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.2),
                             squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.set_xticks([])
        ax.set_yticks([])
        if i >= n:
            ax.axis("off")
            continue
        ax.imshow(x[i], cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize="medium")
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def digit_png(image: np.ndarray, scale: int = 8) -> bytes:
    """One digit as PNG bytes, ``scale`` screen pixels per image pixel, ink dark on white.

    image : (H, W) uint8 in 0..255 or float in [0, 1]. Used by widgets, which show
    images as ``ipywidgets.Image``.
    """
    from PIL import Image

    x = np.asarray(image)
    if x.ndim != 2:
        raise ValueError(f"digit_png: expected one image of shape (H, W), got {x.shape}.")
    if x.dtype != np.uint8:
        x = (np.clip(x.astype(np.float64), 0.0, 1.0) * 255).round().astype(np.uint8)
    img = Image.fromarray(255 - x, mode="L")
    img = img.resize((x.shape[1] * scale, x.shape[0] * scale), Image.Resampling.NEAREST)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def pixel_table_html(image: np.ndarray) -> str:
    """An HTML table of the raw pixel values of one uint8 image, each cell shaded by its value."""
    x = np.asarray(image)
    if x.ndim != 2:
        raise ValueError(f"pixel_table_html: expected one image of shape (H, W), got {x.shape}.")
    rows = []
    for row in x:
        cells = []
        for v in row:
            v = int(v)
            shade = 255 - v
            colour = "#fff" if v > 128 else "#000"
            cells.append(f'<td style="background:rgb({shade},{shade},{shade});color:{colour}">'
                         f"{v}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="pixel-table" style="border-collapse:collapse;font-size:9px;'
            'font-family:monospace;line-height:1">' + "".join(rows) + "</table>"
            "<style>.pixel-table td{padding:0;width:19px;height:14px;text-align:center;"
            "border:0}</style>")
