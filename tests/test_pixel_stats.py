"""pixel_stats against independent computations (plain loops as in seed 003, scipy, numpy)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from course import pixel_stats as P


def _naive_variogram_x(img, k):
    """Seed 003's definition, written as loops over one image."""
    rows, cols = img.shape
    total = 0.0
    for i in range(rows):
        for j in range(cols - k):
            total += abs(img[i, j] - img[i, j + k])
    return total / (rows * (cols - k))


def test_variogram_matches_loop_definition(bundled):
    imgs = bundled.x_train[:3].astype(float) / 255
    got_x = P.variogram(imgs, 14, axis="x", per_image=True)
    got_y = P.variogram(imgs, 14, axis="y", per_image=True)
    for n, img in enumerate(imgs):
        for k in (1, 2, 7, 14):
            assert got_x[n, k - 1] == pytest.approx(_naive_variogram_x(img, k), rel=1e-12)
            assert got_y[n, k - 1] == pytest.approx(_naive_variogram_x(img.T, k), rel=1e-12)
    np.testing.assert_allclose(P.variogram(imgs, 14), got_x.mean(axis=0))


def test_variogram_of_constant_image_is_zero_and_of_stripes_is_periodic():
    assert not P.variogram(np.full((28, 28), 0.5)).any()
    stripes = np.tile([0.0, 1.0], (28, 14))  # columns alternate 0, 1
    g = P.variogram(stripes, 4, axis="x")
    np.testing.assert_allclose(g, [1, 0, 1, 0])
    assert not P.variogram(stripes, 4, axis="y").any()


def test_histogram_matches_numpy_and_sums_to_one(bundled):
    x = bundled.x_train[:50]
    h = P.intensity_histogram(x)
    assert h.sum() == pytest.approx(1.0)
    v = x.astype(float).ravel() / 255
    # Bin 0 holds [0, 0.1]; bin k holds (k/10, (k+1)/10].
    expected = [np.mean(v <= 0.1)] + [np.mean((v > k / 10) & (v <= (k + 1) / 10)) for k in range(1, 10)]
    np.testing.assert_allclose(h, expected)


def test_centre_of_mass_matches_scipy(bundled):
    x = bundled.x_train[:20]
    got = P.centre_of_mass(x)
    for img, (r, c) in zip(x, got):
        er, ec = ndimage.center_of_mass(img.astype(float))
        assert (r, c) == pytest.approx((er, ec), abs=1e-9)


def test_border_ink_fraction_on_constructed_images():
    img = np.zeros((28, 28))
    img[0, :] = 1.0            # 28 pixels of ink in the border
    img[10:12, 10:24] = 1.0    # 28 pixels of ink in the centre
    assert P.border_ink_fraction(img, 4)[0] == pytest.approx(0.5)
    assert np.isnan(P.border_ink_fraction(np.zeros((28, 28)))[0])


def test_mean_digits_are_class_means(bundled):
    m = P.mean_digits(bundled.x_train, bundled.y_train)
    assert m.shape == (10, 28, 28)
    np.testing.assert_allclose(m[3], bundled.x_train[bundled.y_train == 3].mean(axis=0) / 255)


def test_digit_stats_per_class_use_only_that_class(bundled):
    stats = P.digit_stats(bundled.x_train, bundled.y_train)
    ones = bundled.x_train[bundled.y_train == 1]
    np.testing.assert_allclose(stats[1].g_x, P.variogram(ones, axis="x"))
    np.testing.assert_allclose(stats[1].histogram, P.intensity_histogram(ones))
    # 1s are thin vertical strokes: horizontal neighbours differ more than vertical ones.
    assert stats[1].g_x[0] > stats[1].g_y[0]


@pytest.mark.parametrize("bad, message", [
    (np.zeros((2, 3, 4, 5)), "shape"),
    (np.full((28, 28), 2.0), r"\[0, 1\]"),
    (np.full((28, 28), np.nan), "NaN"),
])
def test_bad_images_get_clear_errors(bad, message):
    with pytest.raises(ValueError, match=message):
        P.variogram(bad)


def test_bad_arguments_get_clear_errors():
    with pytest.raises(ValueError, match="max_lag"):
        P.variogram(np.zeros((28, 28)), 28)
    with pytest.raises(ValueError, match="axis"):
        P.variogram(np.zeros((28, 28)), axis="z")
    with pytest.raises(ValueError, match="labels"):
        P.mean_digits(np.zeros((3, 28, 28)), np.zeros(2))
