"""Widgets driven as a learner drives them: change a control, the view changes."""

from __future__ import annotations

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
