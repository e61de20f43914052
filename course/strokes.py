"""Digits drawn with a mouse: the pen of the drawing pad, and a simulator of people using it.

The drawing pad (`course.widgets.DrawingPad`) turns mouse events into ink with `pen_down`
and `pen_move`: a round dot where the button goes down, and for each move a line of the
pen's width to the new point plus a round dot there (so joints are round). `draw_strokes`
replays whole strokes through the very same two functions.

The simulator writes digits as people do on such a pad: each digit is one of a few
skeletons (an open or a closed 4, a 7 with or without a bar, a 1 with or without a flag
and a base, ...), strokes in the order a hand draws them, as smooth curves through
control points. Each drawing then gets its own random shape (control points moved a
little), slant, rotation, width, size and place on the pad, is sampled as mouse events
at an uneven pace with a shaky hand (a pixel or two of jitter per event), and drawn with
a pen of random width. `stroke_digits` makes a labelled set, the 28 × 28 input both
without preprocessing (the whole pad shrunk) and with MNIST's.

Coordinates: pad pixels, x to the right and y down, as the browser reports the mouse.
Skeletons are in a unit box (x 0..1 right, y 0..1 down, a digit 1 high).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["SIDE", "PEN", "SKELETONS", "pen_down", "pen_move", "draw_strokes", "stroke_width",
           "simulate_strokes", "scribble_strokes", "fit_strokes", "StrokeDigits", "stroke_digits"]

#: Side of the pad in screen pixels (ten per pixel of the 28 × 28 image) and the pen's
#: width in screen pixels (see `course.widgets.drawing_pad` for how it was chosen).
SIDE, PEN = 280, 22

# Each skeleton: a list of strokes; a stroke: a list of pieces; a piece: control points
# that a smooth curve goes through. A piece starts where the previous one ended (a corner).
SKELETONS: dict[int, list] = {
    0: [[[[(0.5, 0.0), (0.22, 0.14), (0.1, 0.5), (0.24, 0.88), (0.5, 1.0), (0.76, 0.88),
           (0.9, 0.5), (0.78, 0.13), (0.5, 0.0), (0.38, 0.06)]]]],
    1: [[[[(0.5, 0.0), (0.5, 1.0)]]],
        [[[(0.28, 0.22), (0.5, 0.0)], [(0.5, 0.0), (0.5, 1.0)]]],
        [[[(0.28, 0.22), (0.5, 0.0)], [(0.5, 0.0), (0.5, 1.0)]], [[(0.25, 1.0), (0.75, 1.0)]]]],
    2: [[[[(0.12, 0.25), (0.3, 0.04), (0.55, 0.0), (0.8, 0.12), (0.82, 0.35), (0.6, 0.62),
           (0.12, 1.0)], [(0.12, 1.0), (0.9, 1.0)]]],
        [[[(0.15, 0.2), (0.4, 0.0), (0.7, 0.04), (0.8, 0.3), (0.55, 0.65), (0.15, 1.0)],
          [(0.15, 1.0), (0.5, 0.93), (0.9, 0.98)]]]],
    3: [[[[(0.15, 0.12), (0.45, 0.0), (0.75, 0.08), (0.78, 0.28), (0.45, 0.47)],
          [(0.45, 0.47), (0.8, 0.6), (0.85, 0.8), (0.6, 0.98), (0.3, 1.0), (0.1, 0.88)]]],
        [[[(0.15, 0.0), (0.85, 0.0)], [(0.85, 0.0), (0.45, 0.4)],
          [(0.45, 0.4), (0.8, 0.55), (0.85, 0.8), (0.55, 1.0), (0.15, 0.9)]]]],
    4: [[[[(0.62, 0.0), (0.1, 0.66)], [(0.1, 0.66), (0.92, 0.66)]], [[(0.65, 0.02), (0.65, 1.0)]]],
        [[[(0.2, 0.0), (0.14, 0.58)], [(0.14, 0.58), (0.88, 0.58)]], [[(0.7, 0.05), (0.72, 1.0)]]]],
    5: [[[[(0.25, 0.02), (0.2, 0.45)],
          [(0.2, 0.45), (0.45, 0.38), (0.75, 0.48), (0.85, 0.72), (0.65, 0.95), (0.35, 1.0),
           (0.12, 0.9)]], [[(0.25, 0.02), (0.82, 0.0)]]],
        [[[(0.82, 0.0), (0.25, 0.02)], [(0.25, 0.02), (0.2, 0.45)],
          [(0.2, 0.45), (0.5, 0.38), (0.8, 0.52), (0.82, 0.8), (0.55, 1.0), (0.15, 0.9)]]]],
    6: [[[[(0.72, 0.0), (0.45, 0.15), (0.25, 0.45), (0.2, 0.75), (0.35, 0.97), (0.62, 0.97),
           (0.8, 0.78), (0.7, 0.55), (0.45, 0.52), (0.25, 0.65)]]]],
    7: [[[[(0.12, 0.02), (0.88, 0.02)], [(0.88, 0.02), (0.6, 0.42), (0.42, 1.0)]]],
        [[[(0.12, 0.02), (0.88, 0.02)], [(0.88, 0.02), (0.62, 0.5), (0.45, 1.0)]],
         [[(0.38, 0.5), (0.85, 0.5)]]],
        [[[(0.1, 0.12), (0.12, 0.0)], [(0.12, 0.0), (0.9, 0.0)], [(0.9, 0.0), (0.4, 1.0)]]]],
    8: [[[[(0.72, 0.1), (0.5, 0.0), (0.25, 0.1), (0.28, 0.32), (0.5, 0.48), (0.78, 0.65),
           (0.8, 0.88), (0.5, 1.0), (0.2, 0.88), (0.22, 0.65), (0.5, 0.48), (0.72, 0.3),
           (0.72, 0.1), (0.55, 0.02)]]],
        [[[(0.5, 0.0), (0.25, 0.1), (0.25, 0.35), (0.5, 0.45), (0.75, 0.35), (0.75, 0.1),
           (0.5, 0.0)]],
         [[(0.5, 0.45), (0.2, 0.6), (0.18, 0.88), (0.5, 1.0), (0.82, 0.88), (0.8, 0.6),
           (0.5, 0.45)]]]],
    9: [[[[(0.78, 0.15), (0.5, 0.0), (0.22, 0.12), (0.2, 0.35), (0.45, 0.5), (0.75, 0.38),
           (0.8, 0.15)], [(0.8, 0.15), (0.78, 0.55), (0.72, 1.0)]]],
        [[[(0.78, 0.15), (0.5, 0.0), (0.22, 0.12), (0.2, 0.35), (0.45, 0.5), (0.75, 0.38),
           (0.8, 0.15)], [(0.8, 0.15), (0.78, 0.6), (0.6, 0.95), (0.35, 1.0)]]]],
}


# --------------------------------------------------------------------------- the pen

def pen_down(paper, x: float, y: float, width: float = PEN) -> None:
    """The pen touches the paper at (x, y): a round dot of diameter ``width``.

    paper : a PIL ``ImageDraw.Draw`` of an "L" (grey) picture; ink is 255."""
    r = width / 2
    paper.ellipse([x - r, y - r, x + r, y + r], fill=255)


def pen_move(paper, x0: float, y0: float, x: float, y: float, width: float = PEN) -> None:
    """The pen moves from (x0, y0) to (x, y): a line of ``width``, then a round dot at the end."""
    paper.line([x0, y0, x, y], fill=255, width=int(round(width)))
    pen_down(paper, x, y, width)


def draw_strokes(strokes, width: float = PEN, side: int = SIDE) -> np.ndarray:
    """Replay mouse strokes with the pad's pen: (side, side) float64 ink in [0, 1].

    strokes : a list of strokes, each an (m, 2) sequence of (x, y) mouse positions from
    the button going down to it going up (one point makes a dot)."""
    from PIL import Image, ImageDraw

    if not (np.isfinite(width) and 0 < width < side):
        raise ValueError(f"width must be a pen width in pixels between 0 and {side}, got {width!r}.")
    picture = Image.new("L", (side, side), 0)
    paper = ImageDraw.Draw(picture)
    for k, stroke in enumerate(strokes):
        pts = np.asarray(stroke, dtype=np.float64)
        if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) == 0 or not np.isfinite(pts).all():
            raise ValueError(f"stroke {k}: expected an (m, 2) array of (x, y) positions, m >= 1, "
                             f"got shape {pts.shape}.")
        pen_down(paper, *pts[0], width)
        for (x0, y0), (x, y) in zip(pts[:-1], pts[1:]):
            pen_move(paper, x0, y0, x, y, width)
    return np.asarray(picture, dtype=np.float64) / 255


def stroke_width(image, threshold: float = 0.5) -> float:
    """The mean width of a picture's strokes, in its pixels: 2 · area / perimeter of the
    ink at or above ``threshold`` (a stroke of width w and length L has area w·L and a
    perimeter of about 2·L). image : (H, W) ink in [0, 1]. NaN for an empty picture."""
    b = np.asarray(image) >= threshold
    area = b.sum()
    if not area:
        return float("nan")
    p = np.pad(b, 1)
    perimeter = (p[1:] != p[:-1]).sum() + (p[:, 1:] != p[:, :-1]).sum()
    return float(2 * area / perimeter)


# --------------------------------------------------------------------------- the hand

def _curve(points: np.ndarray, per_unit: int = 60) -> np.ndarray:
    """A smooth curve through ``points`` (k, 2): Catmull-Rom, ends repeated; about
    ``per_unit`` samples per unit of length."""
    if len(points) == 2:
        n = max(2, int(np.linalg.norm(points[1] - points[0]) * per_unit))
        t = np.linspace(0, 1, n)[:, None]
        return points[0] * (1 - t) + points[1] * t
    p = np.vstack([points[:1], points, points[-1:]])
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        n = max(2, int(np.linalg.norm(p2 - p1) * per_unit))
        t = np.linspace(0, 1, n, endpoint=i == len(p) - 3)[:, None]
        out.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (3 * p1 - p0 - 3 * p2 + p3) * t ** 3))
    return np.vstack(out)


def simulate_strokes(digit: int, rng: np.random.Generator, side: int = SIDE,
                     size: tuple[float, float] = (0.35, 0.85),
                     variant: int | None = None) -> list[np.ndarray]:
    """One person's drawing of ``digit`` as mouse strokes: a list of (m, 2) positions.

    A skeleton of the digit is picked at random (or the one numbered ``variant``, in the
    order of `SKELETONS`; the random draws are the same either way); its control points move by about 3 % of
    the digit's height; it is slanted (up to 0.3 of a pixel sideways per pixel of height),
    rotated (about 8 degrees), made 0.7 to 1.2 times as wide, scaled to ``size`` (a range
    of heights, as a share of the pad's side) and put at a random place on the pad. Each
    stroke is then sampled as mouse events every 3 to 12 pixels with about 1 pixel of
    jitter each.
    """
    if digit not in SKELETONS:
        raise ValueError(f"digit must be 0..9, got {digit!r}.")
    variants = SKELETONS[digit]
    picked = int(rng.integers(len(variants)))
    if variant is not None:
        if variant not in range(len(variants)):
            raise ValueError(f"variant must be 0..{len(variants) - 1} for a {digit} "
                             f"({len(variants)} skeletons), got {variant!r}.")
        picked = variant
    skeleton = variants[picked]
    slant, angle = rng.uniform(-0.3, 0.3), np.deg2rad(rng.normal(0, 8))
    wide = rng.uniform(0.7, 1.2)
    height = rng.uniform(*size) * side
    c, s = np.cos(angle), np.sin(angle)
    shape = np.array([[c, -s], [s, c]]) @ np.array([[wide, -slant], [0, 1]]) * height
    strokes = []
    for stroke in skeleton:
        pieces = []
        for piece in stroke:
            pts = np.array(piece, dtype=np.float64)
            pts = pts + rng.normal(0, 0.03, pts.shape)
            if pieces:                  # a corner: start where the last piece ended
                pts[0] = pieces[-1][-1]
            pieces.append(_curve(pts))
        strokes.append(np.vstack(pieces))
    allpts = np.vstack(strokes)
    centre = (allpts.max(0) + allpts.min(0)) / 2
    placed = [(p - centre) @ shape.T for p in strokes]
    lo, hi = np.vstack(placed).min(0), np.vstack(placed).max(0)
    margin = 0.04 * side
    room_lo, room_hi = margin - lo, side - margin - hi
    offset = rng.uniform(np.minimum(room_lo, room_hi), np.maximum(room_lo, room_hi))
    events = []
    for p in placed:
        p = p + offset
        step = np.linalg.norm(np.diff(p, axis=0), axis=1)
        along = np.concatenate([[0], np.cumsum(step)])
        marks = [0.0]
        while marks[-1] < along[-1]:
            marks.append(marks[-1] + rng.uniform(3, 12))
        marks[-1] = along[-1]
        xy = np.column_stack([np.interp(marks, along, p[:, 0]), np.interp(marks, along, p[:, 1])])
        xy += rng.normal(0, 1.0, xy.shape)
        events.append(np.clip(xy, 0, side - 1))
    return events


def scribble_strokes(rng: np.random.Generator, side: int = SIDE) -> list[np.ndarray]:
    """A scribble, no digit meant: 1 to 3 smooth strokes through 3 to 8 random points each,
    anywhere in the middle 80 % of a ``side`` × ``side`` pad (a list of (m, 2) positions)."""
    return [_curve(rng.uniform(0.1, 0.9, (rng.integers(3, 9), 2))) * side
            for _ in range(rng.integers(1, 4))]


def fit_strokes(strokes, box: tuple[float, float, float, float],
                keep_shape: bool = True) -> list[np.ndarray]:
    """Move and scale strokes so that their ink's middle line fills ``box`` = (left, top,
    right, bottom) in pad pixels: as large as fits, centred, with the digit's own
    proportions (``keep_shape``), or stretched to the whole box."""
    pts = [np.asarray(p, dtype=np.float64) for p in strokes]
    left, top, right, bottom = box
    if not (right > left and bottom > top):
        raise ValueError(f"box must be (left, top, right, bottom) with right > left and "
                         f"bottom > top, got {box!r}.")
    every = np.vstack(pts)
    lo, hi = every.min(0), every.max(0)
    span = np.maximum(hi - lo, 1e-9)
    scale = np.array([right - left, bottom - top]) / span
    if keep_shape:
        scale[:] = scale.min()
    centre = np.array([left + right, top + bottom]) / 2
    return [(p - (lo + hi) / 2) * scale + centre for p in pts]


@dataclass(frozen=True)
class StrokeDigits:
    """Simulated drawings: ``preprocessed`` (n, 28, 28) float64 after MNIST's recipe,
    ``shrunk`` (n, 28, 28) the whole pad shrunk (no preprocessing), ``labels`` (n,),
    ``pens`` (n,) pen widths in pad pixels."""

    preprocessed: np.ndarray
    shrunk: np.ndarray
    labels: np.ndarray
    pens: np.ndarray


def stroke_digits(n_per_class: int = 100, seed: int = 0, pen: tuple[float, float] = (12, 36),
                  size: tuple[float, float] = (0.35, 0.85)) -> StrokeDigits:
    """``n_per_class`` simulated drawings of each digit (classes interleaved 0, 1, ..., 9, 0,
    ...), drawn on the pad with a pen of random width in ``pen`` (pad pixels), heights in
    ``size`` (share of the pad), from ``numpy.random.default_rng(seed)``."""
    from .preprocess import downsample, mnist_preprocess

    if not (isinstance(n_per_class, (int, np.integer)) and n_per_class >= 1):
        raise ValueError(f"n_per_class must be a positive whole number, got {n_per_class!r}.")
    if not 0 < pen[0] <= pen[1] < SIDE / 2:
        raise ValueError(f"pen must be (thinnest, boldest) widths in pad pixels, 0 < thinnest "
                         f"<= boldest < {SIDE // 2}; got {pen!r}.")
    if not 0.1 <= size[0] <= size[1] <= 0.92:
        raise ValueError(f"size must be (smallest, largest) heights as shares of the pad, "
                         f"0.1 <= smallest <= largest <= 0.92; got {size!r}.")
    rng = np.random.default_rng(seed)
    labels = np.tile(np.arange(10), n_per_class)
    pre, shrunk, pens = [], [], []
    for digit in labels:
        strokes = simulate_strokes(int(digit), rng, size=size)
        width = rng.uniform(*pen)
        ink = draw_strokes(strokes, width)
        pre.append(mnist_preprocess(ink))
        shrunk.append(downsample(ink))
        pens.append(width)
    return StrokeDigits(np.stack(pre), np.stack(shrunk), labels.astype(np.int64), np.array(pens))
