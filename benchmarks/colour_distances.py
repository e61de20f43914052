"""The course's colours under simulated colour-vision deficiencies, before and after.

    python benchmarks/colour_distances.py

For each palette: the smallest CIEDE2000 distance between two of its colours, in normal
vision and simulated deuteranopia, protanopia and tritanopia (course.colour_vision,
Machado et al. 2009 at full severity), and the pair that is closest. 10 or more tells two
lines apart at a glance. "before" is what the course drew with until now (matplotlib's
tab10 cycle and the notebooks' explicit colours), "after" the palettes of course.plotting.
"""

from __future__ import annotations

from matplotlib import colormaps

from course import plotting
from course.colour_vision import VISIONS, closest_pair, diverging_distances

TAB10 = [tuple(c) for c in colormaps["tab10"].colors]
PALETTES = [
    ("before", "default line cycle (tab10, 10 colours)", TAB10),
    ("before", "first four lines of a plot (tab10)", TAB10[:4]),
    ("before", "chapter 7: tab:blue, tab:orange, tab:green", ["tab:blue", "tab:orange", "tab:green"]),
    ("before", "ten digit classes (tab10, chapter 4)", TAB10),
    ("after", "LINE_COLOURS (Okabe-Ito, no yellow)", list(plotting.LINE_COLOURS)),
    ("after", "first four lines of a plot", list(plotting.LINE_COLOURS[:4])),
    ("after", "first three lines of a plot", list(plotting.LINE_COLOURS[:3])),
    ("after", "CLASS_COLOURS (ten classes)", list(plotting.CLASS_COLOURS)),
]


def _hex(c) -> str:
    from matplotlib.colors import to_hex
    return to_hex(c)


def main() -> None:
    print(f"{'':7}{'palette':44}" + "".join(f"{v:>14}" for v in VISIONS))
    for when, name, colours in PALETTES:
        closest = {vision: closest_pair(colours, vision) for vision in VISIONS}
        worst = min(VISIONS, key=lambda v: closest[v][0])
        pair = closest[worst][1]
        print(f"{when:7}{name:44}" + "".join(f"{closest[v][0]:14.1f}" for v in VISIONS)
              + f"   closest: {_hex(pair[0])} / {_hex(pair[1])} ({worst})")
    print("\nDiverging map (unchanged): smallest ΔE00 among +v, -v and 0, for v = 1/4, 1/2, 1 of the scale")
    for cmap in (plotting.DIVERGING,):
        for vision in VISIONS:
            d = diverging_distances(cmap, vision)
            print(f"  {cmap:8} {vision:13} " + "  ".join(f"{v:.2f}: {e:5.1f}" for v, e in d.items()))


if __name__ == "__main__":
    main()
