"""Pixel statistics of digit images: what an "average" MNIST digit looks like in numbers.

Chapter 1 uses these to describe the data; chapter 5 uses the same functions as a
prior that makes generated images look more like digits (the histogram and
variogram statistics of the original fooling experiment).

All functions take images as ``(n, 28, 28)`` (or ``(28, 28)`` for one image), either
``uint8`` in 0..255 or float in [0, 1]; they work in [0, 1] internally. Rows are the
vertical position (y, top to bottom), columns the horizontal one (x, left to right).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["as_unit_float", "mean_digits", "intensity_histogram", "variogram",
           "border_ink_fraction", "centre_of_mass", "DigitStats", "digit_stats"]


def as_unit_float(images: np.ndarray, *, name: str = "images") -> np.ndarray:
    """Images as float64 in [0, 1], shape ``(n, H, W)``; a single ``(H, W)`` image gets n = 1.

    uint8 images are divided by 255; float images must already lie in [0, 1].
    """
    x = np.asarray(images)
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(f"{name}: expected images of shape (n, height, width) or "
                         f"(height, width), got an array of shape {x.shape}.")
    if x.dtype == np.uint8:
        return x.astype(np.float64) / 255.0
    if not np.issubdtype(x.dtype, np.floating) and not np.issubdtype(x.dtype, np.integer):
        raise ValueError(f"{name}: expected numbers, got dtype {x.dtype}.")
    x = x.astype(np.float64)
    if np.isnan(x).any():
        raise ValueError(f"{name}: {int(np.isnan(x).sum())} pixel values are NaN; images must "
                         "hold numbers in [0, 1].")
    if x.size and (x.min() < 0 or x.max() > 1):
        raise ValueError(f"{name}: float pixel values must lie in [0, 1]; found values from "
                         f"{x.min():.3g} to {x.max():.3g}. Divide uint8 images by 255 (or pass "
                         "them as uint8).")
    return x


def mean_digits(images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The average image of each class.

    images : (n, 28, 28); labels : (n,) ints in 0..9.
    Returns (10, 28, 28) float64 in [0, 1]; a class with no images gives NaN.
    """
    x = as_unit_float(images)
    labels = np.asarray(labels)
    if labels.shape != (len(x),):
        raise ValueError(f"labels: expected shape ({len(x)},) to match the images, "
                         f"got {labels.shape}.")
    out = np.full((10,) + x.shape[1:], np.nan)
    for c in range(10):
        members = labels == c
        if members.any():
            out[c] = x[members].mean(axis=0)
    return out


def intensity_histogram(images: np.ndarray, bins: int = 10) -> np.ndarray:
    """Share of pixels in each of ``bins`` equal intensity bins over [0, 1].

    Bin k holds values in ``(k/bins, (k+1)/bins]``, except that the first bin also holds
    0 (the background), as in the original fooling experiment. Returns (bins,) float64 summing to 1.
    """
    x = as_unit_float(images).ravel()
    if bins < 1:
        raise ValueError(f"bins must be a positive integer, got {bins}.")
    idx = np.clip(np.ceil(x * bins).astype(np.int64) - 1, 0, bins - 1)
    counts = np.bincount(idx, minlength=bins).astype(np.float64)
    return counts / max(x.size, 1)


def variogram(images: np.ndarray, max_lag: int = 14, *, axis: str = "x",
              per_image: bool = False) -> np.ndarray:
    """Mean absolute difference between pixels ``lag`` apart, for lags 1..max_lag.

    axis : ``"x"`` compares pixels along rows (horizontal neighbours), ``"y"`` along
        columns (vertical neighbours). The fooling post calls these g_x and g_y; it uses
        absolute values where a geostatistician's variogram uses squares.
    per_image : False averages over all images, giving (max_lag,); True gives one
        variogram per image, (n, max_lag), vectorised (chapter 5 scores whole
        populations this way).

    For one image and lag k along x: ``mean(|img[:, :-k] - img[:, k:]|)``.
    """
    x = as_unit_float(images)
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' (along rows) or 'y' (along columns), got {axis!r}.")
    if axis == "y":
        x = x.transpose(0, 2, 1)
    width = x.shape[2]
    if not 1 <= max_lag < width:
        raise ValueError(f"max_lag must be between 1 and {width - 1} for images {width} "
                         f"pixels wide, got {max_lag}.")
    out = np.empty((len(x), max_lag))
    for k in range(1, max_lag + 1):
        out[:, k - 1] = np.abs(x[:, :, :-k] - x[:, :, k:]).mean(axis=(1, 2))
    return out if per_image else out.mean(axis=0)


def border_ink_fraction(images: np.ndarray, border: int = 4) -> np.ndarray:
    """Share of each image's ink that lies within ``border`` pixels of the edge.

    "Ink" is the sum of pixel intensities. Returns (n,) float64 in [0, 1]; an empty
    (all-zero) image gives NaN, since it has no ink to share out.
    """
    x = as_unit_float(images)
    h, w = x.shape[1:]
    if not 0 < border < min(h, w) / 2:
        raise ValueError(f"border must be between 1 and {min(h, w) // 2 - 1} pixels, got {border}.")
    total = x.sum(axis=(1, 2))
    centre = x[:, border:h - border, border:w - border].sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (total - centre) / total, np.nan)


def centre_of_mass(images: np.ndarray) -> np.ndarray:
    """Intensity-weighted centre of each image, as (row, column) in pixel coordinates.

    Pixel (0, 0) is the top-left pixel's centre; the centre of a 28x28 frame is
    (13.5, 13.5). Returns (n, 2) float64; an empty image gives NaN.
    """
    x = as_unit_float(images)
    h, w = x.shape[1:]
    total = x.sum(axis=(1, 2))
    rows = (x.sum(axis=2) * np.arange(h)).sum(axis=1)
    cols = (x.sum(axis=1) * np.arange(w)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.stack([rows / total, cols / total], axis=1)


@dataclass(frozen=True)
class DigitStats:
    """The pixel statistics of one class of digits (those of the original fooling experiment).

    histogram : (bins,) share of pixels per intensity bin
    g_x, g_y : (max_lag,) horizontal and vertical variograms
    """

    histogram: np.ndarray
    g_x: np.ndarray
    g_y: np.ndarray


def digit_stats(images: np.ndarray, labels: np.ndarray, *, bins: int = 10,
                max_lag: int = 14) -> list[DigitStats]:
    """`DigitStats` for each class 0..9, computed from the images of that class."""
    x = as_unit_float(images)
    labels = np.asarray(labels)
    if labels.shape != (len(x),):
        raise ValueError(f"labels: expected shape ({len(x)},) to match the images, got {labels.shape}.")
    stats = []
    for c in range(10):
        xc = x[labels == c]
        if len(xc) == 0:
            raise ValueError(f"digit_stats: no images of class {c}; every class needs at least one.")
        stats.append(DigitStats(intensity_histogram(xc, bins),
                                variogram(xc, max_lag, axis="x"),
                                variogram(xc, max_lag, axis="y")))
    return stats
