"""The course's colours under simulated colour-vision deficiencies (course.colour_vision).

Minimum distances are CIEDE2000 (ΔE00): 10 tells two lines or classes apart at a glance.
Each palette is checked in normal vision and under deuteranopia, protanopia and
tritanopia; the simulation itself is checked against what it must do.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("colour", reason="colour-science is a test dependency: pip install -e '.[test]'")

from course import plotting  # noqa: E402
from course.colour_vision import (VISIONS, closest_pair, delta_e, distance_to,  # noqa: E402
                                  diverging_distances, simulate)
from course.widgets.fourier import signed_digit_rgb  # noqa: E402

MIN_BETWEEN = 10.0      # two colours of one figure
MIN_FROM_PAPER = 20.0   # a line or marker against the white background


# ------------------------------------------------------------------ the simulation


def test_red_and_green_merge_for_a_deuteranope_but_not_blue_and_yellow():
    red, green, blue, yellow = "#d62728", "#2ca02c", "#1f77b4", "#ffdd00"
    assert delta_e([red], [green])[0] > 40
    assert delta_e([red], [green], "deuteranopia")[0] < delta_e([red], [green])[0] / 2
    assert delta_e([blue], [yellow], "deuteranopia")[0] > 40


def test_tritanopia_merges_blue_and_green_more_than_red_and_green():
    blue, green, red = "#1f77b4", "#2ca02c", "#d62728"
    assert delta_e([blue], [green], "tritanopia")[0] < delta_e([blue], [green])[0]
    assert delta_e([red], [green], "tritanopia")[0] > delta_e([red], [green], "deuteranopia")[0]


def test_greys_are_unchanged_by_every_simulation():
    greys = np.linspace(0, 1, 5)[:, None].repeat(3, axis=1)
    for vision in VISIONS:
        np.testing.assert_allclose(simulate(greys, vision), greys, atol=2e-3)


def test_matplotlib_s_default_palette_fails_the_check_the_course_s_passes():
    """The check can fail: tab10 has two colours (orange, green) that merge under protanopia."""
    from matplotlib import colormaps

    tab10 = [tuple(c) for c in colormaps["tab10"].colors]
    assert closest_pair(tab10, "protanopia")[0] < 3


def test_bad_vision_is_named():
    with pytest.raises(ValueError, match="vision must be one of"):
        simulate(["red"], "achromatopsia")


# ------------------------------------------------------------------ the course's palettes


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("name", ["LINE_COLOURS", "CLASS_COLOURS"])
def test_palette_colours_stay_apart(name, vision):
    palette = getattr(plotting, name)
    distance, pair = closest_pair(palette, vision)
    assert distance >= MIN_BETWEEN, f"{name}: {pair} are only ΔE00 {distance:.1f} apart ({vision})"
    assert distance_to(palette, "white", vision) >= MIN_FROM_PAPER, f"{name}: a colour is too pale"


@pytest.mark.parametrize("vision", VISIONS)
def test_the_diverging_map_keeps_sign_and_size_apart(vision):
    """+v, -v and zero of the red-white-blue map: far apart from half the scale on, and
    still apart at a quarter of it."""
    d = diverging_distances(plotting.DIVERGING, vision)
    assert d[0.5] >= 20 and d[1.0] >= 20, d
    assert d[0.25] >= 8, d


@pytest.mark.parametrize("vision", VISIONS)
def test_chapter_6_s_negative_ink_stays_apart_from_positive_ink(vision):
    """Chapter 6's maximisers: positive pixels black, negative ones blue, paper white."""
    x = np.zeros(784)
    x[0], x[1] = 1.0, -1.0
    rgb = signed_digit_rgb(x).reshape(-1, 3)[[0, 1, 2]] / 255  # positive, negative, zero
    assert closest_pair(rgb, vision)[0] >= 20


def test_lines_differ_by_dash_as_well_as_colour():
    import matplotlib as mpl

    cycle = list(mpl.rcParams["axes.prop_cycle"])
    assert len(cycle) == len(plotting.LINE_COLOURS)
    assert len({str(c["linestyle"]) for c in cycle}) == len(cycle), "two lines share a dash pattern"
    assert len(set(plotting.CLASS_MARKERS)) == len(plotting.CLASS_COLOURS) == 10
