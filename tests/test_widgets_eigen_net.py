"""Chapter 7's animation driven as a learner drives it: move the step slider, the views change."""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image

from course.eigen_net import random_pair, skip_rgb, train_eigen_net
from course.widgets import SkipMatrixAnimation


@pytest.fixture(scope="module")
def history():
    A, B = random_pair(20, "qr", seed=0)
    return train_eigen_net(A, B, 100, record_every=10, seed=0, progress=False)


def _pixels(png: bytes) -> np.ndarray:
    return np.array(Image.open(io.BytesIO(png)).convert("RGB"))


def test_step_slider_shows_that_steps_matrices_marker_and_numbers(history):
    anim = SkipMatrixAnimation(history, exact={"exact": -1.37})
    assert anim.step.value == 100 and anim.index() == len(history.steps) - 1
    image, curves, caption = anim.image.value, anim.curves.value, anim.caption.value
    anim.step.value = 30
    assert anim.index() == 3
    assert anim.image.value != image and anim.curves.value != curves and anim.caption.value != caption
    # The picture is that snapshot's three matrices as R, G, B, 6 screen pixels per entry.
    shown = _pixels(anim.image.value)
    assert shown.shape == (240, 240, 3)
    np.testing.assert_array_equal(shown[::6, ::6], skip_rgb(history.skips[3]))
    assert f"{history.lam[3]:+.3f}" in anim.caption.value and "<b>30</b>" in anim.caption.value
    # The marker moved: the curves differ from the last frame only in a few columns.
    diff = np.any(_pixels(anim.curves.value) != _pixels(curves), axis=(0, 2))
    assert 0 < diff.sum() < 12
    # Play runs over the same steps as the slider (they are linked in the browser).
    assert (anim.play.min, anim.play.max, anim.play.step) == (anim.step.min, anim.step.max,
                                                              anim.step.step)


def test_a_frame_is_quick_to_draw(history):
    anim = SkipMatrixAnimation(history)
    times = []
    for value in (0, 10, 20, 30, 40, 50, 60):
        start = time.perf_counter()
        anim.step.value = value
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.1, f"median frame time {np.median(times):.3f} s"


def test_animation_refuses_wrong_input(history):
    with pytest.raises(ValueError, match="History"):
        SkipMatrixAnimation(history.skips)
    with pytest.raises(ValueError, match="step must be in 0..100"):
        SkipMatrixAnimation(history, step=500)
