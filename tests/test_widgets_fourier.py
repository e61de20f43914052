"""Chapter 6's animation driven as a learner drives it: move the step slider, the views change."""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from PIL import Image

from course import fourier_model as fm
from course.widgets import MaximiserAnimation
from course.widgets.fourier import signed_digit_rgb


@pytest.fixture(scope="module")
def maximisers():
    g = torch.Generator().manual_seed(0)
    A = torch.rand(fm.HIDDEN, 784, generator=g, dtype=torch.float64)
    B = torch.rand(784, 10, fm.HIDDEN, generator=g, dtype=torch.float64)
    model = fm.FourierModel(A, B, fm.FitConfig())
    starts = np.random.default_rng(0).random((6, 784))
    return fm.maximise_g(model, [0, 0, 4, 4, 9, 9], starts, steps=30, record_every=5)


def _pixels(png: bytes) -> np.ndarray:
    return np.array(Image.open(io.BytesIO(png)).convert("RGB"))


def test_step_slider_shows_that_steps_images_side_by_side(maximisers):
    anim = MaximiserAnimation(maximisers, scale=2)
    assert anim.step.value == 0 and anim.index() == 0
    image, caption = anim.image.value, anim.caption.value
    anim.step.value = 15
    assert anim.index() == 3
    assert anim.image.value != image and anim.caption.value != caption
    shown = _pixels(anim.image.value)
    assert shown.shape == (2 * 30 * 2, 3 * 30 * 2, 3)
    # run 2 of digit 4 (run index 3) sits in row 1, column 1, drawn from frame 3
    tile = shown[(30 + 1) * 2:(30 + 29) * 2:2, (30 + 1) * 2:(30 + 29) * 2:2]
    np.testing.assert_array_equal(tile, signed_digit_rgb(maximisers.frames[3, 3]))
    f = maximisers.frames[3].astype(np.float64)
    f /= np.linalg.norm(f, axis=1, keepdims=True)
    assert f"{abs(f[4] @ f[5]):.3f}" in anim.caption.value and "<b>15</b>" in anim.caption.value
    assert (anim.play.min, anim.play.max, anim.play.step) == (anim.step.min, anim.step.max, anim.step.step)


def test_signed_pictures_are_black_for_ink_and_blue_for_negative():
    x = np.zeros(784)
    x[0], x[1] = 1.0, -1.0
    rgb = signed_digit_rgb(x)
    assert tuple(rgb[0, 0]) == (0, 0, 0) and tuple(rgb[0, 2]) == (255, 255, 255)
    r, g, b = rgb[0, 1]
    assert b > g > r


def test_animation_refuses_wrong_input(maximisers):
    with pytest.raises(ValueError, match="Maximisers"):
        MaximiserAnimation(maximisers.frames)
    with pytest.raises(ValueError, match="step must be in 0..30"):
        MaximiserAnimation(maximisers, step=99)
    odd = fm.Maximisers(np.array([0, 1]), maximisers.x[:2], maximisers.ratio[:2], maximisers.steps,
                        maximisers.frames[:, :2], maximisers.curve[:, :2])
    with pytest.raises(ValueError, match="two runs per class"):
        MaximiserAnimation(odd)
