"""course.strokes: the pad's pen, the stroke width it gives, and the simulated hand."""

from __future__ import annotations

import numpy as np
import pytest

from course.preprocess import centre_of_mass, mnist_preprocess
from course.strokes import (PEN, SIDE, SKELETONS, draw_strokes, fit_strokes, scribble_strokes,
                            simulate_strokes, stroke_digits, stroke_width)


def test_a_click_is_a_round_dot_of_the_pen_width():
    ink = draw_strokes([[(140, 140)]], width=30)
    area = (ink >= 0.5).sum()
    assert area == pytest.approx(np.pi * 15 ** 2, rel=0.1)
    rows = np.flatnonzero((ink >= 0.5).any(1))
    assert rows[-1] - rows[0] + 1 == pytest.approx(30, abs=2)


@pytest.mark.parametrize("width", [6, 14, 22])  # long and thin: the round ends add little
def test_stroke_width_measures_the_width_of_a_drawn_line(width):
    # along the axes; a slanted line's pixel staircase makes its outline longer, so the
    # measure is for comparing pictures with a mix of directions (digits), not exact
    for line in ([(40, 140), (240, 140)], [(140, 40), (140, 240)]):
        assert stroke_width(draw_strokes([line], width=width)) == pytest.approx(width, rel=0.12)


def test_stroke_width_of_nothing_is_nan_and_of_a_filled_square_is_its_side_halved():
    assert np.isnan(stroke_width(np.zeros((28, 28))))
    square = np.zeros((28, 28))
    square[4:24, 4:24] = 1   # area 400, perimeter 80: 2 * 400 / 80 = 10
    assert stroke_width(square) == 10


def test_the_normal_pen_gives_mnist_stroke_widths_for_digits_half_to_three_quarters_of_the_pad(bundled):
    mnist = np.array([stroke_width(x / 255) for x in bundled.x_train[:1000]])
    lo, hi = np.percentile(mnist, [10, 90])
    rng = np.random.default_rng(0)
    drawn = [stroke_width(mnist_preprocess(draw_strokes(
        simulate_strokes(k % 10, rng, size=(0.5, 0.75)), PEN))) for k in range(60)]
    assert lo <= np.median(drawn) <= hi, (np.median(drawn), lo, hi)
    # and pens three times thinner or twice as wide leave that band
    thin = [stroke_width(mnist_preprocess(draw_strokes(
        simulate_strokes(k % 10, rng, size=(0.5, 0.75)), PEN / 3))) for k in range(30)]
    bold = [stroke_width(mnist_preprocess(draw_strokes(
        simulate_strokes(k % 10, rng, size=(0.5, 0.75)), PEN * 2))) for k in range(30)]
    assert np.median(thin) < lo and np.median(bold) > hi


def test_simulated_drawings_are_seeded_and_stay_on_the_pad():
    a = simulate_strokes(4, np.random.default_rng(7))
    b = simulate_strokes(4, np.random.default_rng(7))
    c = simulate_strokes(4, np.random.default_rng(8))
    assert all(np.array_equal(s, t) for s, t in zip(a, b))
    assert not all(len(s) == len(t) and np.array_equal(s, t) for s, t in zip(a, c))
    for digit in range(10):
        for seed in range(5):
            for stroke in simulate_strokes(digit, np.random.default_rng(seed)):
                assert stroke.shape[1] == 2 and stroke.min() >= 0 and stroke.max() <= SIDE - 1
    with pytest.raises(ValueError, match="digit must be 0..9"):
        simulate_strokes(10, np.random.default_rng(0))


def test_mouse_events_are_a_few_pixels_apart_like_a_real_mouse():
    gaps = np.concatenate([np.linalg.norm(np.diff(s, axis=0), axis=1)
                           for d in range(10) for s in simulate_strokes(d, np.random.default_rng(d))])
    assert 2 < np.median(gaps) < 14 and gaps.max() < 25


def test_every_skeleton_is_drawn_as_a_digit_sized_drawing():
    for digit, variants in SKELETONS.items():
        for variant in variants:
            for stroke in variant:
                for piece in stroke:
                    pts = np.array(piece)
                    assert pts.shape[1] == 2 and pts.min() >= 0 and pts.max() <= 1, (digit, piece)


def test_stroke_digits_are_labelled_in_turn_prepared_and_reproducible():
    d = stroke_digits(3, seed=1)
    assert d.labels.tolist() == list(range(10)) * 3
    assert d.preprocessed.shape == d.shrunk.shape == (30, 28, 28)
    for img in d.preprocessed:
        r, c = centre_of_mass(img)
        assert abs(r - 13.5) < 0.6 and abs(c - 13.5) < 0.6
    assert np.all((12 <= d.pens) & (d.pens <= 36))
    again = stroke_digits(3, seed=1)
    assert np.array_equal(d.preprocessed, again.preprocessed) and np.array_equal(d.pens, again.pens)
    assert not np.array_equal(d.preprocessed, stroke_digits(3, seed=2).preprocessed)


@pytest.mark.parametrize("kwargs, message", [
    (dict(n_per_class=0), "n_per_class"), (dict(pen=(0, 10)), "pen"), (dict(pen=(20, 10)), "pen"),
    (dict(size=(0.05, 0.5)), "size"), (dict(size=(0.5, 0.99)), "size")])
def test_stroke_digits_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        stroke_digits(**kwargs)


def test_draw_strokes_refuses_bad_strokes_and_widths():
    with pytest.raises(ValueError, match="stroke 1"):
        draw_strokes([[(1, 2)], [(1, 2, 3)]])
    with pytest.raises(ValueError, match="width"):
        draw_strokes([[(1, 2)]], width=0)


def test_a_chosen_skeleton_is_drawn_with_the_same_random_shape():
    """variant picks the skeleton; the rest of the drawing (shape, slant, place) is the one
    the same random seed gives: a 7 with a bar has one stroke more than a 7 without."""
    for seed in range(6):
        drawn = simulate_strokes(7, np.random.default_rng(seed))
        picked = int(np.random.default_rng(seed).integers(len(SKELETONS[7])))
        again = simulate_strokes(7, np.random.default_rng(seed), variant=picked)
        assert all(np.array_equal(a, b) for a, b in zip(drawn, again)) and len(drawn) == len(again)
    for variant, skeleton in enumerate(SKELETONS[7]):
        assert len(simulate_strokes(7, np.random.default_rng(0), variant=variant)) == len(skeleton)
    with pytest.raises(ValueError, match="variant must be 0..1 for a 4"):
        simulate_strokes(4, np.random.default_rng(0), variant=2)


def test_fit_strokes_fills_the_box_keeping_or_stretching_the_shape():
    strokes = [np.array([[10.0, 20.0], [30.0, 100.0]]), np.array([[20.0, 60.0]])]  # 20 wide, 80 tall
    kept = np.vstack(fit_strokes(strokes, (0, 0, 100, 100)))
    assert np.allclose(kept.min(0), [37.5, 0]) and np.allclose(kept.max(0), [62.5, 100])
    stretched = np.vstack(fit_strokes(strokes, (10, 20, 110, 60), keep_shape=False))
    assert np.allclose(stretched.min(0), [10, 20]) and np.allclose(stretched.max(0), [110, 60])
    assert np.allclose(fit_strokes(strokes, (0, 0, 100, 100))[1], [[50, 50]])  # the middle stays
    with pytest.raises(ValueError, match="box must be"):
        fit_strokes(strokes, (10, 0, 5, 100))


def test_a_scribble_is_one_to_three_seeded_strokes_inside_the_pad():
    for seed in range(20):
        a, b = scribble_strokes(np.random.default_rng(seed)), scribble_strokes(np.random.default_rng(seed))
        assert 1 <= len(a) <= 3 and all(np.array_equal(s, t) for s, t in zip(a, b))
        pts = np.vstack(a)
        assert pts.shape[1] == 2 and pts.min() > 0 and pts.max() < SIDE
