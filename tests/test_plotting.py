"""course.plotting: figures shown with a text alternative, the course's style and fonts."""

from __future__ import annotations

import base64
import io
import re

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from course import plotting  # noqa: E402
from course.plotting import MIN_FONT_PX, show, show_digits, smallest_font_px  # noqa: E402


@pytest.fixture
def displayed(monkeypatch):
    """What `show` hands to IPython's display: (bundle, metadata) per call."""
    calls = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, raw=False, metadata=None: calls.append((obj, metadata)))
    return calls


def test_show_displays_the_picture_with_its_text_alternative(displayed):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_title("a rising line")
    show(fig, alt='A straight line rising from (0, 0) to (1, 1), "the identity".')
    (bundle, meta), = displayed
    tag = bundle["text/html"]
    assert 'alt="A straight line rising from (0, 0) to (1, 1), &quot;the identity&quot;."' in tag
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', tag).group(1))
    width, height = Image.open(io.BytesIO(png)).size
    assert meta["course_figure"]["width"] == width and width > 300
    assert meta["course_figure"]["alt"].startswith("A straight line")
    assert meta["course_figure"]["smallest_font_px"] >= MIN_FONT_PX
    assert not plt.fignum_exists(fig.number), "show must close the figure (no second copy below)"


@pytest.mark.parametrize("alt", [None, "", "plot", "a figure here"])
def test_show_refuses_a_missing_or_empty_description(alt, displayed):
    fig = plt.figure()
    with pytest.raises(ValueError, match="alt must say in words"):
        show(fig, alt=alt)
    plt.close(fig)
    assert not displayed


def test_smallest_font_is_measured_in_screen_pixels_and_shrinks_with_wide_figures():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlabel("x", fontsize=18)
    ax.tick_params(labelsize=9)
    assert smallest_font_px(fig) == pytest.approx(9 * 100 / 72)
    # the same figure shown 1800 px wide is shrunk to the 900 px column: half the size
    assert smallest_font_px(fig, 1800) == pytest.approx(9 * 100 / 72 / 2)
    plt.close(fig)


def test_the_course_style_is_large_enough_for_a_projector():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], label="training")
    ax.plot([3, 2, 1], label="test")
    ax.legend()
    ax.set_xlabel("epoch")
    assert smallest_font_px(fig) >= MIN_FONT_PX
    styles = [line.get_linestyle() for line in ax.get_lines()]
    assert styles[0] != styles[1], "two lines of one plot must differ by dash, not only colour"
    plt.close(fig)


@pytest.mark.parametrize("ncols, n", [(10, 10), (5, 10), (10, 40), (8, 16), (6, 18)])
def test_digit_grids_keep_their_titles_legible(ncols, n):
    fig = show_digits(np.random.default_rng(0).random((n, 28, 28)), titles=[f"class {i % 10}" for i in range(n)],
                      ncols=ncols, size=0.85)
    png = plotting.figure_png(fig)
    assert smallest_font_px(fig, Image.open(io.BytesIO(png)).size[0]) >= MIN_FONT_PX
    plt.close(fig)


def test_signed_images_use_the_diverging_map():
    fig = show_digits(np.linspace(-1, 1, 784).reshape(1, 28, 28), vmin=None)
    assert fig.axes[0].images[0].get_cmap().name == plotting.DIVERGING
    plt.close(fig)
