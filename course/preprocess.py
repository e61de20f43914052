"""Preparing a digit the way MNIST's were prepared, and moving digits around to test that.

MNIST's digits were not just scanned and shrunk. Each one was (LeCun et al.): cut to its
bounding box, scaled so that the box fits in 20 × 20 pixels keeping its aspect ratio (with
anti-aliasing, hence the grey edges), and placed in a 28 × 28 frame so that its centre of
mass sits at the frame's centre. So every training digit has a clear border of at least
four pixels, and a network never saw ink at the edge. The fooling post's digits drawn in a paint
program to the edge of the image broke that rule.

* `ink_from_rgba`: a drawing (RGBA pixels, as a canvas gives them) as ink in [0, 1].
* `downsample`: the whole picture shrunk to 28 × 28 (what a naive program does).
* `mnist_preprocess`: MNIST's recipe, for one picture of any size; `preprocess_batch`
  for many 28 × 28 digits. An empty picture or a single dot raises `ValueError`.
* `centre_of_mass`, `bounding_box`: the two measurements the recipe uses.
* `shift_digits`, `scale_digits`, `fill_frame`: the transformations of chapter 5's
  robustness curves: move digits by whole pixels (ink that leaves the frame is lost),
  scale them about their centre of mass, or blow them up until they touch the border.

Coordinates are (row, column) in pixels, pixel centres at 0, 1, ..., 27; the centre of
the 28 × 28 frame is (13.5, 13.5). Images are float in [0, 1] (uint8 is divided by 255),
ink high, paper 0.
"""

from __future__ import annotations

import numpy as np

__all__ = ["FRAME", "BOX", "INK_THRESHOLD", "ink_from_rgba", "downsample", "bounding_box",
           "centre_of_mass", "mnist_preprocess", "preprocess_batch", "shift_digits",
           "scale_digits", "fill_frame"]

#: The side of MNIST's frame and of the box its digits are scaled into.
FRAME, BOX = 28, 20
#: Pixels with at least this much ink (of 1) count for the bounding box.
INK_THRESHOLD = 0.1
#: A drawing whose bounding box is smaller than this share of the picture's side, in
#: both directions, is a dot, not a digit.
MIN_EXTENT = 0.1


def _image(image, name: str = "image") -> np.ndarray:
    x = np.asarray(image)
    if x.ndim != 2 or min(x.shape) < 2:
        raise ValueError(f"{name}: expected one picture of shape (H, W), got an array of "
                         f"shape {x.shape}.")
    if x.dtype == np.uint8:
        return x.astype(np.float64) / 255
    x = x.astype(np.float64)
    if not np.isfinite(x).all() or x.min() < 0 or x.max() > 1:
        raise ValueError(f"{name}: float pixels must be finite and lie in [0, 1] (ink 1, "
                         f"paper 0); got values from {np.nanmin(x):.3g} to {np.nanmax(x):.3g}.")
    return x


def _digits(images, name: str = "images") -> np.ndarray:
    x = np.asarray(images)
    if x.ndim == 2 and x.shape[1] == FRAME * FRAME:
        x = x.reshape(len(x), FRAME, FRAME)
    if x.ndim != 3 or x.shape[1:] != (FRAME, FRAME):
        raise ValueError(f"{name}: expected digits of shape (n, 28, 28) or (n, 784), got "
                         f"{x.shape}.")
    return x.astype(np.float64) / 255 if x.dtype == np.uint8 else x.astype(np.float64)


def ink_from_rgba(rgba) -> np.ndarray:
    """Ink in [0, 1], (H, W) float64, of an (H, W, 4) uint8 RGBA picture.

    Dark opaque pixels are ink: ``ink = alpha · (1 - luminance)``, so black strokes on a
    white or a transparent background both come out as ink 1 on paper 0.
    """
    a = np.asarray(rgba)
    if a.ndim != 3 or a.shape[2] != 4 or a.dtype != np.uint8:
        raise ValueError(f"rgba: expected an (H, W, 4) uint8 array of RGBA pixels, got shape "
                         f"{a.shape} and dtype {a.dtype}.")
    rgb = a[..., :3].astype(np.float64) / 255
    luminance = rgb @ np.array([0.299, 0.587, 0.114])
    return (a[..., 3] / 255) * (1 - luminance)


def _resize(x: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Resize a float image with PIL's Lanczos filter (anti-aliased when shrinking)."""
    from PIL import Image

    img = Image.fromarray(np.ascontiguousarray(x, dtype=np.float32))
    out = np.asarray(img.resize((cols, rows), Image.Resampling.LANCZOS), dtype=np.float64)
    return np.clip(out, 0, 1)


def downsample(image, size: int = FRAME) -> np.ndarray:
    """The whole picture shrunk to ``size × size`` (anti-aliased), nothing else done.

    image : (H, W) ink in [0, 1] (or uint8). Returns (size, size) float64 in [0, 1].
    """
    return _resize(_image(image), size, size)


def bounding_box(image, threshold: float = INK_THRESHOLD) -> tuple[int, int, int, int] | None:
    """``(top, bottom, left, right)`` of the pixels with ink >= threshold, bottom and right
    exclusive (so ``image[top:bottom, left:right]`` is the box); None when there is none."""
    x = _image(image)
    rows, cols = np.flatnonzero((x >= threshold).any(1)), np.flatnonzero((x >= threshold).any(0))
    if not rows.size:
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def centre_of_mass(image) -> tuple[float, float]:
    """(row, column) of the ink's centre of mass, ``Σ x_p · p / Σ x_p`` over pixel centres."""
    x = _image(image)
    total = x.sum()
    if total <= 0:
        raise ValueError("image: there is no ink, so it has no centre of mass.")
    r, c = np.indices(x.shape)
    return float((x * r).sum() / total), float((x * c).sum() / total)


def _check_drawing(x: np.ndarray, box) -> None:
    if box is None or x.max() < INK_THRESHOLD:
        raise ValueError("The picture is empty: there is no ink to read. Draw a digit first.")
    top, bottom, left, right = box
    h, w = bottom - top, right - left
    if max(h / x.shape[0], w / x.shape[1]) < MIN_EXTENT:
        raise ValueError(f"The ink covers only {h} × {w} pixels of {x.shape[0]} × {x.shape[1]}: "
                         f"that is a dot, not a digit. Draw a larger digit.")


def mnist_preprocess(image, subpixel: bool = True) -> np.ndarray:
    """MNIST's recipe for one picture: box, scale into 20 × 20, centre of mass at the centre.

    image : (H, W) ink in [0, 1] (or uint8), any size: a 28 × 28 digit or a 280 × 280
        drawing. Steps: cut to the bounding box of the pixels with ink >= `INK_THRESHOLD`;
        resize (Lanczos, anti-aliased) so that its longer side is 20 pixels, keeping the
        aspect ratio; paste it into an empty 28 × 28 frame; move it so that its centre of
        mass is at (13.5, 13.5): by the whole pixels needed, then (``subpixel``) by the
        remaining fraction with linear interpolation, which moves the centre of mass by
        exactly that fraction. Ink moved past the edge is lost (as in MNIST).

    Returns (28, 28) float64 in [0, 1]. Raises ValueError for an empty picture or a dot
    (a box under a tenth of the picture's side in both directions).
    """
    from scipy import ndimage

    x = _image(image)
    box = bounding_box(x)
    _check_drawing(x, box)
    top, bottom, left, right = box
    crop = x[top:bottom, left:right]
    h, w = crop.shape
    f = BOX / max(h, w)
    rows, cols = max(1, round(h * f)), max(1, round(w * f))
    small = _resize(crop, rows, cols)
    if small.sum() <= 0:
        raise ValueError("The picture has too little ink to read. Draw a bolder digit.")
    frame = np.zeros((FRAME, FRAME))
    r0, c0 = (FRAME - rows) // 2, (FRAME - cols) // 2
    frame[r0:r0 + rows, c0:c0 + cols] = small
    cr, cc = centre_of_mass(frame)
    dr, dc = (FRAME - 1) / 2 - cr, (FRAME - 1) / 2 - cc
    whole = np.round([dr, dc]).astype(int)
    frame = _shift_one(frame, int(whole[0]), int(whole[1]))
    if subpixel:
        frac = (dr - whole[0], dc - whole[1])
        frame = ndimage.shift(frame, frac, order=1, mode="constant", cval=0.0)
    return np.clip(frame, 0, 1)


def preprocess_batch(images, on_error: str = "raise") -> np.ndarray:
    """`mnist_preprocess` of every digit; images (n, 28, 28) -> (n, 28, 28) float64.

    on_error : ``"raise"``, or ``"blank"`` to return an empty frame for a digit that has
        no ink left (a digit shifted out of the frame, say).
    """
    if on_error not in ("raise", "blank"):
        raise ValueError(f"on_error must be 'raise' or 'blank', got {on_error!r}.")
    x = _digits(images)
    out = np.zeros_like(x)
    for i, img in enumerate(x):
        try:
            out[i] = mnist_preprocess(img)
        except ValueError:
            if on_error == "raise":
                raise
    return out


def _shift_one(x: np.ndarray, dr: int, dc: int) -> np.ndarray:
    """Move an image by whole pixels (down by dr, right by dc); what leaves is lost."""
    out = np.zeros_like(x)
    H, W = x.shape
    if abs(dr) >= H or abs(dc) >= W:
        return out
    out[max(dr, 0):H + min(dr, 0), max(dc, 0):W + min(dc, 0)] = \
        x[max(-dr, 0):H - max(dr, 0), max(-dc, 0):W - max(dc, 0)]
    return out


def shift_digits(images, distance: int, seed: int = 0) -> np.ndarray:
    """Move each digit ``distance`` whole pixels up, down, left or right.

    The direction is drawn per digit from ``numpy.random.default_rng(seed)``, so the same
    seed moves each digit the same way at every distance. Ink moved past the edge is
    lost. images : (n, 28, 28) or (n, 784). Returns (n, 28, 28) float64 in [0, 1].
    """
    if isinstance(distance, bool) or not isinstance(distance, (int, np.integer)) \
            or not 0 <= distance < FRAME:
        raise ValueError(f"distance must be a whole number of pixels in 0..27, got {distance!r}.")
    x = _digits(images)
    steps = np.array([(-1, 0), (1, 0), (0, -1), (0, 1)])
    way = steps[np.random.default_rng(seed).integers(0, 4, size=len(x))] * int(distance)
    return np.stack([_shift_one(img, int(r), int(c)) for img, (r, c) in zip(x, way)]) \
        if len(x) else x


def scale_digits(images, factor: float) -> np.ndarray:
    """Scale each digit by ``factor`` about its own centre of mass (bilinear).

    factor 0.5 halves the digit, 1.5 makes it half as large again (ink moved past the
    edge is lost). images : (n, 28, 28) or (n, 784). Returns (n, 28, 28) float64.
    """
    from scipy import ndimage

    if isinstance(factor, bool) or not isinstance(factor, (int, float, np.integer, np.floating)) \
            or not np.isfinite(factor) or factor <= 0:
        raise ValueError(f"factor must be a positive number (1 = unchanged), got {factor!r}.")
    x = _digits(images)
    out = np.zeros_like(x)
    for i, img in enumerate(x):
        if img.sum() <= 0:
            continue
        c = np.array(centre_of_mass(img))
        # output pixel o shows input pixel c + (o - c) / factor
        out[i] = ndimage.affine_transform(img, np.eye(2) / factor, offset=c - c / factor,
                                          order=1, mode="constant", cval=0.0)
    return np.clip(out, 0, 1)


def fill_frame(images, margin: int = 0) -> np.ndarray:
    """Blow each digit up until its bounding box fills the frame (less ``margin`` pixels
    each side), aspect ratio kept, box centred: digits that touch the border, like a
    digit drawn to the edges of a paint program's canvas (as in the fooling post).

    images : (n, 28, 28) or (n, 784). Returns (n, 28, 28) float64 in [0, 1].
    """
    if not isinstance(margin, (int, np.integer)) or not 0 <= margin < FRAME // 2 - 1:
        raise ValueError(f"margin must be a whole number of pixels in 0..12, got {margin!r}.")
    x = _digits(images)
    side = FRAME - 2 * margin
    out = np.zeros_like(x)
    for i, img in enumerate(x):
        box = bounding_box(img)
        if box is None:
            continue
        top, bottom, left, right = box
        h, w = bottom - top, right - left
        f = side / max(h, w)
        rows, cols = max(1, round(h * f)), max(1, round(w * f))
        r0, c0 = (FRAME - rows) // 2, (FRAME - cols) // 2
        out[i, r0:r0 + rows, c0:c0 + cols] = _resize(img[top:bottom, left:right], rows, cols)
    return out
