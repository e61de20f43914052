"""MNIST's preprocessing and the shift/scale transformations (course/preprocess.py)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from course.preprocess import (bounding_box, centre_of_mass, downsample, fill_frame,
                               ink_from_rgba, mnist_preprocess, preprocess_batch, scale_digits,
                               shift_digits)
from course.training import TrainConfig, make_mlp, predict, train


def _box_size(img, threshold=1e-9):
    rows = np.flatnonzero((img > threshold).any(1))
    cols = np.flatnonzero((img > threshold).any(0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def _drawing(digit, size=280, offset=(0, 0)):
    """A real test digit blown up to a big 'drawing', moved by offset (it may touch the edge)."""
    from PIL import Image
    big = np.asarray(Image.fromarray(digit).resize((size, size), Image.Resampling.BILINEAR))
    return np.roll(big, offset, axis=(0, 1))


@pytest.fixture(scope="module")
def net(bundled):
    model = make_mlp((784, 64, 10), seed=0)
    train(model, bundled.x_train, bundled.y_train,
          TrainConfig(epochs=3, batch_size=64, lr=2e-3, optimizer="adam", seed=0), progress=False)
    return model.eval()


def test_centre_of_mass_lands_within_half_a_pixel_and_box_within_20x20(bundled):
    pictures = [d for d in bundled.x_test[:60]]
    pictures += [_drawing(bundled.x_test[i], offset=(o, -o)) for i, o in enumerate([0, 30, 60])]
    pictures += [fill_frame(bundled.x_test[:5])[i] for i in range(5)]
    for pic in pictures:
        out = mnist_preprocess(pic)
        assert out.shape == (28, 28) and out.min() >= 0 and out.max() <= 1
        r, c = ndimage.center_of_mass(out)      # scipy's, not ours
        edge = mnist_preprocess(pic, subpixel=False)
        touches = edge[[0, -1]].sum() + edge[:, [0, -1]].sum() > 0
        # Ink that the last fraction of a pixel moves past the edge is lost (as in MNIST),
        # which moves what is left; only a digit that touches the edge can lose ink.
        assert abs(r - 13.5) <= (1.0 if touches else 0.5) and abs(c - 13.5) <= (1.0 if touches else 0.5)
        h, w = _box_size(out, 0.01)
        assert h <= 21 and w <= 21          # 20 x 20, plus the sub-pixel shift's spill-over
        assert max(*_box_size(mnist_preprocess(pic, subpixel=False), 0.01)) <= 20
        whole = mnist_preprocess(pic, subpixel=False)
        r, c = ndimage.center_of_mass(whole)
        assert abs(r - 13.5) <= 0.5 and abs(c - 13.5) <= 0.5


def test_our_centre_of_mass_and_box_agree_with_scipy_and_numpy(bundled):
    x = bundled.x_test[7].astype(np.float64) / 255
    assert np.allclose(centre_of_mass(x), ndimage.center_of_mass(x))
    top, bottom, left, right = bounding_box(x)
    ink = np.argwhere(x >= 0.1)
    assert (top, left) == tuple(ink.min(0)) and (bottom - 1, right - 1) == tuple(ink.max(0))
    assert bounding_box(np.zeros((28, 28))) is None


def test_a_shifted_digit_preprocessed_back_is_classified_as_the_unshifted_one(bundled, net):
    x = bundled.x_test[:300]
    plain = predict(net, preprocess_batch(x))
    for distance in (3, 6):
        back = predict(net, preprocess_batch(shift_digits(x, distance, seed=1), on_error="blank"))
        assert (back == plain).mean() > 0.85
        # without preprocessing, the shift costs far more
        raw = predict(net, shift_digits(x, distance, seed=1))
        assert (raw == plain).mean() < (back == plain).mean()


def test_empty_canvas_and_single_dot_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="empty.*Draw a digit first"):
        mnist_preprocess(np.zeros((280, 280)))
    dot = np.zeros((280, 280))
    dot[100:112, 140:150] = 1.0
    with pytest.raises(ValueError, match="12 × 10 pixels of 280 × 280.*dot, not a digit"):
        mnist_preprocess(dot)
    with pytest.raises(ValueError, match="empty"):
        preprocess_batch(np.zeros((2, 28, 28)))
    assert not preprocess_batch(np.zeros((2, 28, 28)), on_error="blank").any()
    with pytest.raises(ValueError, match=r"image: expected one picture of shape \(H, W\)"):
        mnist_preprocess(np.zeros((3, 28, 28)))
    with pytest.raises(ValueError, match=r"lie in \[0, 1\]"):
        mnist_preprocess(np.full((28, 28), 255.0))


def test_shift_digits_moves_whole_pixels_and_loses_what_leaves(bundled):
    x = bundled.x_test[:50].astype(np.float64) / 255
    s = shift_digits(x, 3, seed=0)
    for img, moved in zip(x, s):
        # one of the four moves, written with np.roll and a zeroed strip
        candidates = []
        for axis, k in [(0, -3), (0, 3), (1, -3), (1, 3)]:
            r = np.roll(img, k, axis=axis)
            strip = [slice(None)] * 2
            strip[axis] = slice(k, None) if k < 0 else slice(0, k)
            r[tuple(strip)] = 0
            candidates.append(r)
        assert any(np.array_equal(moved, c) for c in candidates)
    assert np.array_equal(shift_digits(x, 0), x)
    assert np.array_equal(shift_digits(x, 5, seed=2), shift_digits(x, 5, seed=2))
    assert shift_digits(x, 20).sum() < 0.2 * x.sum()   # mostly pushed out of the frame
    with pytest.raises(ValueError, match="distance must be a whole number.*2.5"):
        shift_digits(x, 2.5)


def test_scale_digits_scales_about_the_centre_of_mass(bundled):
    x = bundled.x_test[:40].astype(np.float64) / 255
    assert np.allclose(scale_digits(x, 1.0), x, atol=1e-9)
    for factor in (0.5, 1.4):
        out = scale_digits(x, factor)
        for img, small in zip(x, out):
            a, b = np.array(ndimage.center_of_mass(img)), np.array(ndimage.center_of_mass(small))
            # An enlarged digit may lose ink past the edge, which moves what is left: the
            # centre is checked on the digits that keep their ink (ink scales with the area).
            if factor > 1 and small.sum() < 0.95 * img.sum() * factor ** 2:
                continue
            assert np.abs(a - b).max() < (0.6 if factor < 1 else 1.0)
            if factor < 1:  # ink mass scales with the area; box with the side
                assert small.sum() == pytest.approx(img.sum() * factor ** 2, rel=0.1)
                assert max(_box_size(small, 0.05)) <= factor * max(_box_size(img, 0.05)) + 2
    with pytest.raises(ValueError, match="factor must be a positive number"):
        scale_digits(x, 0)


def test_fill_frame_makes_digits_touch_the_border(bundled):
    out = fill_frame(bundled.x_test[:30])
    for img in out:
        h, w = _box_size(img, 0.01)
        assert max(h, w) >= 27
    assert max(_box_size(fill_frame(bundled.x_test[:1], margin=4)[0], 0.01)) <= 20


def test_ink_from_rgba_and_downsample():
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[0] = (0, 0, 0, 255)          # black, opaque: full ink
    rgba[1] = (255, 255, 255, 255)    # white paper
    rgba[2] = (0, 0, 0, 0)            # transparent
    rgba[3] = (0, 0, 0, 128)          # half-transparent black
    ink = ink_from_rgba(rgba)
    assert np.allclose(ink[0], 1) and np.allclose(ink[1], 0) and np.allclose(ink[2], 0)
    assert np.allclose(ink[3], 128 / 255)
    with pytest.raises(ValueError, match=r"\(H, W, 4\) uint8"):
        ink_from_rgba(np.zeros((4, 4, 3), np.uint8))
    big = np.zeros((280, 280))
    big[:140] = 1.0                   # top half inked
    small = downsample(big)
    assert small.shape == (28, 28)
    # Lanczos rings a little next to the edge; away from it the halves are exact
    assert np.allclose(small[:11], 1, atol=1e-3) and np.allclose(small[17:], 0, atol=1e-2)
    assert small[:14].mean() > 0.98 and small[14:].mean() < 0.02
