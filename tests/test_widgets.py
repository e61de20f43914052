"""Widgets driven as a learner drives them: change a control, the view changes."""

from __future__ import annotations

import base64
import re

import numpy as np
import pytest

from course.widgets import DigitBrowser, ThresholdExplorer


def test_threshold_slider_changes_picture_and_count(bundled):
    t = ThresholdExplorer(bundled.x_train[0])
    before_png, before_text = t.image.value, t.summary.value
    t.threshold.value = 10
    assert t.image.value != before_png and t.summary.value != before_text
    expected = int((bundled.x_train[0] > 10).sum())
    assert f"<b>{expected}</b>" in t.summary.value


def test_browser_slider_and_class_buttons_select_the_right_digit(bundled):
    b = DigitBrowser(bundled.x_train, bundled.y_train)
    png, table = b.image.value, b.pixels.value
    b.index.value = 5
    assert b.image.value != png and b.pixels.value != table
    assert bundled.y_train[b.selected()] == 0
    assert b.selected() == np.flatnonzero(bundled.y_train == 0)[5]
    b.digit.value = 7
    assert bundled.y_train[b.selected()] == 7 and b.index.value == 0
    assert b.index.max == (bundled.y_train == 7).sum() - 1
    # The pixel table shows this digit's numbers.
    img = bundled.x_train[b.selected()]
    assert f">{int(img.max())}</td>" in b.pixels.value


def test_widgets_refuse_wrong_input_clearly(bundled):
    with pytest.raises(ValueError, match=r"\(28, 28\) uint8"):
        ThresholdExplorer(bundled.x_train[0].astype(float))
    with pytest.raises(ValueError, match="labels"):
        DigitBrowser(bundled.x_train, bundled.y_train[:10])


def test_a_widget_displays_with_a_static_snapshot_of_its_current_state(bundled):
    from course.widgets._base import SNAPSHOT_NOTE, static_html
    explorer = ThresholdExplorer(bundled.x_train[0], threshold=128)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # the live view in JupyterLab
    snapshot = bundle["text/html"]                                # for static viewers
    assert SNAPSHOT_NOTE in snapshot and "threshold: 128" in snapshot
    pictures = re.findall(r'src="data:image/png;base64,([^"]+)"', snapshot)
    assert base64.b64decode(pictures[-1]) == explorer.image.value
    explorer.threshold.value = 10
    again = static_html(explorer.ui)
    assert "threshold: 10" in again and again != static_html(ThresholdExplorer(bundled.x_train[0]).ui)
    pictures = re.findall(r'src="data:image/png;base64,([^"]+)"', again)
    assert base64.b64decode(pictures[-1]) == explorer.image.value


def test_static_html_draws_outputs_buttons_and_unknown_widgets():
    import ipywidgets as w
    from course.widgets._base import static_html
    out = w.Output()
    out.outputs = ({"output_type": "stream", "name": "stdout", "text": "epoch 3 <done>"},)
    page = static_html(w.HBox([w.Button(description="Train"), out, w.Play(value=4)]))
    assert "<button disabled>Train</button>" in page
    assert "epoch 3 &lt;done&gt;" in page and "flex-direction:row" in page
    assert ">4</code>" in page


def test_static_html_draws_a_canvas_as_a_frame_of_its_size():
    from ipycanvas import Canvas
    from course.widgets._base import static_html
    import ipywidgets as w
    page = static_html(Canvas(width=280, height=280, layout=w.Layout(width="280px", height="280px")))
    assert "width:280px;height:280px" in page and "Canvas: run the notebook" in page
