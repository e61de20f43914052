"""How the course's colours look to readers with a colour-vision deficiency.

About one man in twelve sees colours differently; the three strongest forms are
simulated here with the matrices of Machado, Oliveira and Fernandes (2009), as
implemented by the colour-science package (``colour``), at full severity:

* deuteranopia and protanopia (no green or no red cones: reds, greens and browns merge),
* tritanopia (no blue cones: blues and greens, yellows and pinks merge; Machado's
  model approximates it, and colour-science warns so; the warning is silenced here).

The distance between two colours is CIEDE2000 (ΔE00) in CIELAB under D65: about 1 is
the smallest difference an eye notices side by side, 10 or more tells two lines or two
classes of a plot apart at a glance. `course.plotting` picks its palettes with these
functions, and tests/test_colour_vision.py holds them to minimum distances.

colour-science is needed only here (it comes with the test extras: pip install -e '.[test]').
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np

__all__ = ["VISIONS", "simulate", "delta_e", "closest_pair", "distance_to", "diverging_distances"]

#: Normal vision first, then the three simulated deficiencies.
VISIONS = ("normal", "deuteranopia", "protanopia", "tritanopia")
_MACHADO = {"deuteranopia": "Deuteranomaly", "protanopia": "Protanomaly", "tritanopia": "Tritanomaly"}


def _colour():
    try:
        import colour
    except ImportError:
        raise ImportError("course.colour_vision needs the colour-science package: "
                          "pip install colour-science (or pip install -e '.[test]').") from None
    return colour


def _rgb(colours) -> np.ndarray:
    """Anything matplotlib reads as colours ('#0072b2', 'tab:red', (r, g, b)) -> (n, 3) sRGB in [0, 1]."""
    from matplotlib.colors import to_rgb

    if isinstance(colours, np.ndarray) and colours.ndim == 2 and colours.shape[1] in (3, 4):
        return np.asarray(colours[:, :3], dtype=np.float64)
    return np.array([to_rgb(c) for c in colours], dtype=np.float64)


def simulate(colours, vision: str) -> np.ndarray:
    """The (n, 3) sRGB colours as seen with `vision` (one of `VISIONS`), in [0, 1]."""
    if vision not in VISIONS:
        raise ValueError(f"simulate: vision must be one of {VISIONS}, got {vision!r}.")
    rgb = _rgb(colours)
    if vision == "normal":
        return rgb
    colour = _colour()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "tritanomaly ... is based on the shift paradigm"
        matrix = colour.blindness.matrix_cvd_Machado2009(_MACHADO[vision], 1.0)
    linear = colour.models.eotf_sRGB(np.clip(rgb, 0, 1)) @ np.asarray(matrix).T
    return np.clip(colour.models.eotf_inverse_sRGB(np.clip(linear, 0, 1)), 0, 1)


def _lab(rgb: np.ndarray) -> np.ndarray:
    colour = _colour()
    return colour.XYZ_to_Lab(colour.sRGB_to_XYZ(rgb))


def delta_e(a, b, vision: str = "normal") -> np.ndarray:
    """CIEDE2000 distance between colours `a[i]` and `b[i]` as seen with `vision`."""
    colour = _colour()
    return np.asarray(colour.delta_E(_lab(simulate(a, vision)), _lab(simulate(b, vision)),
                                     method="CIE 2000"), dtype=np.float64)


def closest_pair(colours, vision: str = "normal") -> tuple[float, tuple]:
    """The smallest ΔE00 between two colours of a palette seen with `vision`, and the pair."""
    colours = list(colours)
    if len(colours) < 2:
        raise ValueError(f"closest_pair: a palette needs two colours or more, got {len(colours)}.")
    pairs = list(itertools.combinations(range(len(colours)), 2))
    rgb = _rgb(colours)
    d = delta_e(rgb[[i for i, _ in pairs]], rgb[[j for _, j in pairs]], vision)
    k = int(np.argmin(d))
    return float(d[k]), (colours[pairs[k][0]], colours[pairs[k][1]])


def distance_to(colours, background="white", vision: str = "normal") -> float:
    """The smallest ΔE00 between a palette's colours and the `background`, seen with `vision`."""
    rgb = _rgb(colours)
    return float(delta_e(rgb, np.repeat(_rgb([background]), len(rgb), axis=0), vision).min())


def diverging_distances(cmap, vision: str = "normal", levels=(0.25, 0.5, 1.0)) -> dict[float, float]:
    """For a diverging colour map (0.5 = zero): for each level v (a share of the scale's
    half-width), the smallest ΔE00 among the colours of +v, -v and zero, seen with `vision`.
    Large at every level means a sign and a size are read correctly."""
    from matplotlib import colormaps

    cm = colormaps[cmap] if isinstance(cmap, str) else cmap
    out = {}
    for v in levels:
        rgb = np.array([cm(0.5 + v / 2)[:3], cm(0.5 - v / 2)[:3], cm(0.5)[:3]])
        out[v] = closest_pair(rgb, vision)[0]
    return out
