"""Digits that no MNIST writer wrote: the ten digits rendered from the fonts Debian ships.

A network trained on MNIST learnt MNIST's style; printed digits are one kind of digit it
never saw. We render ``0`` to ``9`` from every font of the DejaVu and Liberation families
(packages ``fonts-dejavu-core``/``fonts-dejavu-extra`` and ``fonts-liberation``): sans,
serif and monospaced, condensed and narrow, extra-light to bold, upright and italic, each
at several sizes, and prepare each picture with MNIST's own recipe
(`course.preprocess.mnist_preprocess`).

* `load_font_digits`: the rendered digits shipped with the course (no fonts needed).
* `render_font_digits`: render them again from the fonts installed here (what
  ``python -m course.font_digits`` does to remake the shipped file).
* `render_glyph`: one character of one font, as ink; also used for letters (the
  "not a digit" examples of `course.novelty`).

The shipped file ``course/weights/font_digits.npz`` is read with
``np.load(allow_pickle=False)`` and holds ``images`` (n, 28, 28) uint8, ``labels`` (n,),
``fonts`` (n,) font file names and ``sizes`` (n,) rendering sizes in pixels.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["FONT_FILES", "SIZES", "FONT_DIRS", "FontDigits", "find_font", "render_glyph",
           "render_font_digits", "render_font_chars", "load_font_digits", "save_font_digits",
           "SHIPPED"]

#: Where Debian installs the two families.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))

#: Every text font of the two families (DejaVu's maths font left out), in a fixed order.
FONT_FILES = tuple(
    [f"DejaVuSans{v}.ttf" for v in ("", "-Bold", "-BoldOblique", "-ExtraLight", "-Oblique")]
    + [f"DejaVuSansCondensed{v}.ttf" for v in ("", "-Bold", "-BoldOblique", "-Oblique")]
    + [f"DejaVuSansMono{v}.ttf" for v in ("", "-Bold", "-BoldOblique", "-Oblique")]
    + [f"DejaVuSerif{v}.ttf" for v in ("", "-Bold", "-BoldItalic", "-Italic")]
    + [f"DejaVuSerifCondensed{v}.ttf" for v in ("", "-Bold", "-BoldItalic", "-Italic")]
    + [f"Liberation{family}-{v}.ttf" for family in ("Sans", "SansNarrow", "Serif", "Mono")
       for v in ("Regular", "Bold", "Italic", "BoldItalic")])

#: Rendering sizes in pixels (the font's em size): small ones are coarse and blocky
#: after hinting, large ones smooth; MNIST's recipe then scales each into 20 × 20.
SIZES = (16, 28, 64)

#: The rendered digits shipped with the course.
SHIPPED = Path(__file__).with_name("weights") / "font_digits.npz"


@dataclass(frozen=True)
class FontDigits:
    """Rendered digits: images (n, 28, 28) uint8, labels (n,) int64, fonts (n,) str (file
    names), sizes (n,) int64 (pixels)."""

    images: np.ndarray
    labels: np.ndarray
    fonts: np.ndarray
    sizes: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)

    def select(self, mask) -> "FontDigits":
        """The digits where ``mask`` (n,) is True."""
        m = np.asarray(mask, bool)
        return FontDigits(self.images[m], self.labels[m], self.fonts[m], self.sizes[m])


def find_font(name: str) -> Path | None:
    """The installed path of font file ``name`` (one of `FONT_FILES`), or None."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


def render_glyph(font_path, char: str, size: int) -> np.ndarray:
    """``char`` drawn in the font at ``size`` pixels: (H, W) float64 ink in [0, 1], with a
    margin of paper around it (black text on white, as `course.preprocess` expects ink)."""
    from PIL import Image, ImageDraw, ImageFont

    if not (isinstance(size, (int, np.integer)) and 4 <= size <= 512):
        raise ValueError(f"size must be a whole number of pixels in 4..512, got {size!r}.")
    if not (isinstance(char, str) and len(char) == 1):
        raise ValueError(f"char must be one character, got {char!r}.")
    font = ImageFont.truetype(str(font_path), int(size))
    side = 3 * int(size)
    picture = Image.new("L", (side, side), 0)
    ImageDraw.Draw(picture).text((side // 2, side // 2), char, fill=255, font=font, anchor="mm")
    return np.asarray(picture, dtype=np.float64) / 255


def render_font_digits(fonts=FONT_FILES, sizes=SIZES) -> FontDigits:
    """Render ``0``-``9`` in each installed font of ``fonts`` at each of ``sizes`` and prepare
    each with `course.preprocess.mnist_preprocess`. Fonts not installed are left out (the
    result's ``fonts`` says which were used). Raises FileNotFoundError when none is."""
    images, chars, names, sizes_out = render_font_chars("0123456789", fonts, sizes)
    return FontDigits(images, chars.astype(np.int64), names, sizes_out)


def render_font_chars(chars: str, fonts=FONT_FILES, sizes=SIZES):
    """Each character of ``chars`` in each installed font at each size, prepared with MNIST's
    recipe: ``(images (n, 28, 28) uint8, chars (n,) str, fonts (n,) str, sizes (n,))``."""
    from .preprocess import mnist_preprocess

    images, out_chars, names, sizes_out = [], [], [], []
    for name in fonts:
        path = find_font(name)
        if path is None:
            continue
        for size in sizes:
            for char in chars:
                ink = render_glyph(path, char, size)
                images.append(np.round(mnist_preprocess(ink) * 255).astype(np.uint8))
                out_chars.append(char)
                names.append(name)
                sizes_out.append(size)
    if not images:
        raise FileNotFoundError(f"None of the fonts is installed in {[str(d) for d in FONT_DIRS]}: "
                                "install Debian's fonts-dejavu-core, fonts-dejavu-extra and "
                                "fonts-liberation, or use load_font_digits() (the shipped digits).")
    return (np.stack(images), np.array(out_chars), np.array(names),
            np.array(sizes_out, np.int64))


def load_font_digits(path=SHIPPED) -> FontDigits:
    """The shipped font digits (read with ``allow_pickle=False``)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the rendered font digits are missing. Remake them "
                                "with `python -m course.font_digits`.")
    with np.load(path, allow_pickle=False) as z:
        try:
            d = FontDigits(z["images"], z["labels"].astype(np.int64), z["fonts"].astype(str),
                           z["sizes"].astype(np.int64))
        except KeyError as err:
            raise ValueError(f"{path}: not a file of rendered font digits (no {err}). Remake "
                             "it with `python -m course.font_digits`.") from None
    if d.images.shape[1:] != (28, 28) or d.images.dtype != np.uint8 or \
            not len(d.images) == len(d.labels) == len(d.fonts) == len(d.sizes):
        raise ValueError(f"{path}: expected images (n, 28, 28) uint8 with n labels, fonts and "
                         f"sizes; got images {d.images.shape} {d.images.dtype}, "
                         f"{len(d.labels)} labels. Remake it with `python -m course.font_digits`.")
    return d


def save_font_digits(digits: FontDigits, path=SHIPPED) -> str:
    """Write ``digits`` to ``path`` (compressed npz, no pickles); returns the images' SHA-256."""
    from .training import write_atomically

    write_atomically(Path(path), lambda f: np.savez_compressed(
        f, images=digits.images, labels=digits.labels, fonts=digits.fonts.astype("U"),
        sizes=digits.sizes))
    return hashlib.sha256(digits.images.tobytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.font_digits",
                                     description="Render the font digits the course ships.")
    parser.add_argument("--out", default=str(SHIPPED), help=f"where to write (default {SHIPPED})")
    args = parser.parse_args(argv)
    digits = render_font_digits()
    missing = sorted(set(FONT_FILES) - set(digits.fonts))
    if missing:
        print(f"not installed, left out: {', '.join(missing)}", file=sys.stderr)
    digest = save_font_digits(digits, args.out)
    print(f"{len(digits)} digits from {len(set(digits.fonts))} fonts at sizes {SIZES} -> "
          f"{args.out} ({Path(args.out).stat().st_size / 1024:.0f} KiB; images sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
