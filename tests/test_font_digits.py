"""course.font_digits: the shipped font digits, and remaking them from the fonts."""

from __future__ import annotations

import numpy as np
import pytest

from course.font_digits import (FONT_FILES, SHIPPED, SIZES, find_font, load_font_digits,
                                render_font_digits, render_glyph, save_font_digits)
from course.preprocess import centre_of_mass


def test_shipped_digits_cover_every_font_size_and_digit_once():
    d = load_font_digits()
    assert d.images.shape == (len(FONT_FILES) * len(SIZES) * 10, 28, 28)
    assert d.images.dtype == np.uint8
    combos = set(zip(d.fonts.tolist(), d.sizes.tolist(), d.labels.tolist()))
    assert combos == {(f, s, k) for f in FONT_FILES for s in SIZES for k in range(10)}


def test_shipped_digits_are_prepared_like_mnist():
    d = load_font_digits()
    for img in d.images[::37]:
        x = img / 255
        r, c = centre_of_mass(x)
        assert abs(r - 13.5) < 0.6 and abs(c - 13.5) < 0.6
        rows, cols = np.flatnonzero(x.any(1)), np.flatnonzero(x.any(0))
        # the longer side of the box is scaled to 20 pixels (21-22 with the grey rim)
        assert 19 <= max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 <= 23


def test_remaking_the_digits_from_the_installed_fonts_gives_the_shipped_file(tmp_path):
    present = [f for f in FONT_FILES if find_font(f) is not None]
    if not present:
        pytest.skip("none of the DejaVu and Liberation fonts is installed here")
    shipped = load_font_digits()
    remade = render_font_digits(present)
    keep = np.isin(shipped.fonts, present)
    for field in ("images", "labels", "fonts", "sizes"):
        assert np.array_equal(getattr(remade, field), getattr(shipped, field)[keep]), field
    if len(present) == len(FONT_FILES):
        save_font_digits(remade, tmp_path / "again.npz")
        assert (tmp_path / "again.npz").read_bytes() == SHIPPED.read_bytes()


def test_a_glyph_is_ink_on_paper():
    path = find_font(FONT_FILES[0])
    if path is None:
        pytest.skip(f"{FONT_FILES[0]} is not installed here")
    ink = render_glyph(path, "7", 40)
    assert ink.shape == (120, 120) and ink.max() == 1 and ink[0].max() == 0
    with pytest.raises(ValueError, match="size"):
        render_glyph(path, "7", 2)
    with pytest.raises(ValueError, match="one character"):
        render_glyph(path, "77", 40)


def test_a_file_that_is_not_font_digits_gets_a_clear_error(tmp_path):
    np.savez(tmp_path / "other.npz", images=np.zeros((3, 28, 28), np.uint8))
    with pytest.raises(ValueError, match="not a file of rendered font digits"):
        load_font_digits(tmp_path / "other.npz")
    np.savez(tmp_path / "shape.npz", images=np.zeros((3, 20, 20), np.uint8), labels=np.zeros(3),
             fonts=np.array(["a"] * 3), sizes=np.zeros(3))
    with pytest.raises(ValueError, match="expected images"):
        load_font_digits(tmp_path / "shape.npz")
    with pytest.raises(FileNotFoundError, match="python -m course.font_digits"):
        load_font_digits(tmp_path / "missing.npz")


def test_a_pickle_in_the_file_is_refused(tmp_path):
    np.savez(tmp_path / "pickled.npz", images=np.array([object()], dtype=object),
             labels=np.zeros(1), fonts=np.array(["a"]), sizes=np.zeros(1))
    with pytest.raises(ValueError, match="allow_pickle"):
        load_font_digits(tmp_path / "pickled.npz")
