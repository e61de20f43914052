"""Every control of the course's widgets has a name and every picture a text alternative
(course/widgets/_access.py), in the live view and in the static snapshot."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as w
import numpy as np
import pytest

from course.training import make_mlp
from course.widgets import DigitBrowser, DrawingPad, ReconstructionExplorer, ThresholdExplorer
from course.widgets._access import Accessibility, accessible_ui, name
from course.widgets._base import _image_view, snapshot_bundle, static_html, with_alt

ROOT = Path(__file__).resolve().parents[1]
CONTROLS = (w.IntSlider, w.FloatSlider, w.ToggleButtons, w.Dropdown, w.Text, w.FloatText,
            w.IntText, w.Checkbox, w.Button)


def _digits(n=30):
    rng = np.random.default_rng(0)
    return (rng.random((n, 28, 28)) * 255).astype(np.uint8), np.arange(n) % 10


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def widgets():
    x, y = _digits()
    pad = DrawingPad({"MLP": make_mlp((784, 10), seed=0).eval()}, novelty=None, examples=(x, y))
    return [ThresholdExplorer(x[0]), DigitBrowser(x, y), ReconstructionExplorer(x, labels=y, k=3), pad]


@pytest.mark.parametrize("widget", widgets(), ids=lambda v: type(v).__name__)
def test_every_control_is_labelled_and_every_picture_described(widget):
    bundle = widget._repr_mimebundle_()
    helper = [c for c in widget.ui.children if isinstance(c, Accessibility)]
    assert len(helper) == 1, "the widget must carry one accessibility helper"
    for part in _walk(widget.ui):
        if isinstance(part, CONTROLS):
            assert (getattr(part, "description", "") or "").strip(), f"{part!r} has no visible label"
        if isinstance(part, w.Image):
            assert part._course_alt_class in helper[0].alts, f"a picture of {type(widget).__name__} has no alt"
        if isinstance(part, (w.IntSlider, w.FloatSlider)):
            assert helper[0].names.get(part.description), f"slider {part.description!r} has no accessible name"
        if type(part).__name__ == "Canvas":     # a drawing surface: named as a picture
            assert part._course_alt_class in helper[0].alts, f"the canvas of {type(widget).__name__} has no text"
    # the static snapshot carries the same texts
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', bundle["text/html"])
    assert alts and all(len(a.split()) >= 2 for a in alts), alts
    # displaying twice adds no second helper
    widget._repr_mimebundle_()
    assert sum(isinstance(c, Accessibility) for c in widget.ui.children) == 1


def test_the_helper_maps_labels_and_picture_classes():
    slider = name(w.IntSlider(description="k"), "number of components k")
    picture = _image_view(10, "a test picture")
    ui = accessible_ui(w.VBox([slider, w.HBox([picture])]))
    helper = ui.children[-1]
    assert helper.names == {"k": "number of components k"}
    assert helper.alts == {picture._course_alt_class: "a test picture"}
    assert "course-widget" in ui._dom_classes and picture._course_alt_class in picture._dom_classes
    assert static_html(helper) == ""


def test_a_picture_needs_words():
    with pytest.raises(ValueError, match="alt must say in words"):
        with_alt(w.Image(), "")


def test_every_picture_made_by_the_course_s_widgets_gets_an_alt():
    """Source check: each `_image_view(...)` call in course/ passes a text alternative."""
    calls = []
    for path in (ROOT / "course").rglob("*.py"):
        if path.name == "_base.py":
            continue
        calls += [(path.name, m) for m in re.findall(r"_image_view\(([^()]*(?:\([^()]*\))?[^()]*)\)",
                                                     path.read_text())]
    assert calls
    bare = [f"{f}: _image_view({args})" for f, args in calls if "," not in args]
    assert not bare, "pictures without a text alternative:\n" + "\n".join(bare)
