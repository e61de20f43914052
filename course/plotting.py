"""Pictures of digits: grids of images for figures, PNG bytes for widgets.

Digits are shown as dark ink on a light background (``cmap="gray_r"``), the way they
were written; pixel value 0 is white paper, 255 (or 1.0) is black ink.
"""

from __future__ import annotations

import io

import numpy as np

__all__ = ["show_digits", "digit_png", "pixel_table_html"]


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
        cmap = "RdBu_r" if cmap == "gray_r" else cmap
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.15),
                             squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.set_xticks([])
        ax.set_yticks([])
        if i >= n:
            ax.axis("off")
            continue
        ax.imshow(x[i], cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=9)
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
