"""Chapter 1, Meet MNIST: questions answered from the data with numpy, and the vertical
variogram written by the learner."""

import numpy as np

from ..check import code_exercise, exercise
from ..pixel_stats import centre_of_mass
from ..pixel_stats import variogram as tested_variogram
from ..data import bundled


@exercise("ch01.zero_share",
          "What share of all pixels in the bundled training images is exactly 0 (blank paper)? "
          "Answer as a fraction between 0 and 1, to two decimals.",
          hint="(images == 0) is an array of True/False; the mean of it is the share of True.",
          atol=0.005,
          mistakes=[(lambda a: 1 < a <= 100, "Give a fraction between 0 and 1, not a percentage."),
                    (lambda a: abs(a - float((bundled().x_train / 255 <= 0.1).mean())) < 0.005,
                     "That is the first bin of the histogram, which also holds faint pixels up to "
                     "0.1; the question is about pixels that are exactly 0.")],
          explanation="About four pixels in five are blank: a digit is a thin stroke on empty paper.")
def _zero_share():
    return float((bundled().x_train == 0).mean())


def _ink_per_class():
    d = bundled()
    ink = d.x_train.reshape(len(d.x_train), -1).sum(axis=1)
    return np.array([ink[d.y_train == c].mean() for c in range(10)])


@exercise("ch01.most_ink",
          "Which digit class uses the most ink on average (the largest mean pixel sum)?",
          hint="Sum each image's pixels (axis=(1, 2)), then average those sums over the images of "
               "each class and take the class with the largest average.",
          categorical=True,
          mistakes=[(lambda a: a == int(np.argmin(_ink_per_class())),
                     "That is the class with the *least* ink: argmin where argmax is wanted?"),
                    (lambda a: a == int(np.argmax(_ink_per_class()[::-1])),
                     "Check how you turn a position into a class: the mean ink of class c "
                     "should sit at position c."),
                    (lambda a: a == int(np.argmax(np.bincount(bundled().y_train))),
                     "That counts digits per class, and every class has the same number; the "
                     "question is about the ink inside the digits.")],
          explanation="0s are big closed loops, so they use the most ink; 1s are a single stroke.")
def _most_ink():
    return int(np.argmax(_ink_per_class()))


def _touches_edge(images: np.ndarray) -> np.ndarray:
    """(n,) bool: does the digit put any ink on the outermost ring of pixels?"""
    ring = np.ones((28, 28), dtype=bool)
    ring[1:-1, 1:-1] = False
    return (images[:, ring] > 0).any(axis=1)


@exercise("ch01.edge_digits",
          "How many of the 4,000 bundled training digits put any ink at all (a pixel above 0) "
          "on the outermost ring of pixels (row 0, row 27, column 0 or column 27)?",
          hint="Build a (28, 28) mask that is True on the outer ring only (start from all True and "
               "set [1:-1, 1:-1] to False); images[:, mask] gives each digit's ring pixels.",
          mistakes=[(lambda a: a == int(((bundled().x_train[:, 4:24, 4:24] > 0).sum((1, 2))
                                          < (bundled().x_train > 0).sum((1, 2))).sum()),
                     "That counts ink anywhere in the 4-pixel border; the question is about the "
                     "outermost ring, one pixel wide."),
                    (lambda a: 0 < a < 1, "Give a count of digits, not a share.")],
          explanation="Almost none: MNIST's digits were scaled into a 20 x 20 box in the middle of "
                      "the frame, so the outer ring is empty in nearly every one. A network never "
                      "learns what ink there should mean.")
def _edge_digits():
    return int(_touches_edge(bundled().x_train).sum())


# --------------------------------------------------------------------- write a function

def _variogram_cases():
    d = bundled()
    rng = np.random.default_rng(1)
    digits = d.x_train[[0, 7, 42, 99, 1234]] / 255.0
    return [(digits, 1), (digits[:2], 6), (digits, 13),
            (rng.random((3, 12, 9)), 4),          # not square: rows and columns differ
            (d.x_test[d.y_test == 1][:20] / 255.0, 3)]


# Typical wrong implementations (the tests check that each gets the right message).

def _along_rows(images, lag):
    return np.abs(images[:, :, lag:] - images[:, :, :-lag]).mean()


def _no_abs(images, lag):
    return (images[:, lag:, :] - images[:, :-lag, :]).mean()


def _squared(images, lag):
    return ((images[:, lag:, :] - images[:, :-lag, :]) ** 2).mean()


def _summed(images, lag):
    return np.abs(images[:, lag:, :] - images[:, :-lag, :]).sum()


def _per_image(images, lag):
    return np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean(axis=(1, 2))


def _in_place(images, lag):
    images[:, lag:, :] -= images[:, :-lag, :].copy()
    return np.abs(images[:, lag:, :]).mean()


def _loops(images, lag):
    n, h, w = images.shape
    total = 0.0
    for i in range(n):
        for r in range(h - lag):
            for c in range(w):
                total += abs(images[i, r + lag, c] - images[i, r, c])
    return total / (n * (h - lag) * w)


@code_exercise(
    "ch01.variogram_y",
    "Write variogram_y(images, lag): the vertical variogram g_y at one lag, the mean absolute "
    "difference between pixels `lag` rows apart in the same column, over all such pairs of "
    "all images. images: (n, height, width) floats in [0, 1]; lag: an int; returns one number.",
    hint="images[:, lag:, :] and images[:, :-lag, :] are the same images shifted against each "
         "other by `lag` rows: subtract them, take the absolute value, average everything.",
    cases=_variogram_cases,
    mistakes=[(_along_rows, "You compare pixels `lag` columns apart (g_x, along the rows); g_y "
                            "compares pixels `lag` rows apart, in the same column: slice the "
                            "other axis."),
              (_no_abs, "Without the absolute value, differences up and down cancel out: take "
                        "np.abs before averaging."),
              (_squared, "You square the differences (the geostatistician's variogram); this "
                         "one averages their absolute values.")],
    wrong_examples=[(_along_rows, "columns apart"),
                    (_no_abs, "absolute value"),
                    (_summed, "times the right value"),
                    (_per_image, "has shape (5,), but the answer has shape ()"),
                    (_in_place, "changes its input `images`"),
                    (_loops, "too slow")],
    speed=lambda: (bundled().x_train / 255.0, 5),
    slow_seconds=0.5,
    reference=lambda images, lag: float(tested_variogram(images, lag, axis="y")[lag - 1]),
    explanation="Two slices shifted by `lag` rows line up every vertical pair at once; the "
                "mean of their absolute difference is g_y(lag).")
def variogram_y(images, lag):
    upper = images[:, :-lag, :]          # rows 0 .. height-lag-1
    lower = images[:, lag:, :]           # the pixels `lag` rows below them
    return np.abs(lower - upper).mean()


# The centre of mass of one digit, written by the learner.

def _com_cases():
    d = bundled()
    rng = np.random.default_rng(4)
    off_centre = np.zeros((28, 28))
    off_centre[2:6, 20:27] = rng.random((4, 7))          # ink in the top right corner
    return [(d.x_train[3] / 255.0,), (d.x_test[11] / 255.0,), (off_centre,),
            (rng.random((12, 9)),)]                       # not square: rows and columns differ


def _com_swapped(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * cols).sum(), (image * rows).sum()]) / image.sum()


def _com_unweighted(image):
    rows, cols = np.nonzero(image)
    return np.array([rows.mean(), cols.mean()])


def _com_from_one(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * (rows + 1)).sum(), (image * (cols + 1)).sum()]) / image.sum()


def _com_not_divided(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * rows).sum(), (image * cols).sum()])


def _com_frame_centre(image):
    return np.array([(image.shape[0] - 1) / 2, (image.shape[1] - 1) / 2])


@code_exercise(
    "ch01.centre_of_mass",
    "Write centre_of_mass(image): the (row, column) of one image's centre of mass, each "
    "pixel's position weighted by its ink. image: (height, width) floats in [0, 1] with some "
    "ink; returns an array of two numbers, rows and columns counted from 0.",
    hint="np.indices(image.shape) gives two arrays: the row and the column of every pixel. "
         "Weight each by the image, add up, and divide by the total ink.",
    cases=_com_cases,
    mistakes=[(_com_swapped, "You give (column, row): the question asks for the row first."),
              (_com_unweighted, "You average the positions of the inked pixels, each counted once; "
                                "a centre of mass weights each position by how much ink is there."),
              (_com_from_one, "Your positions count from 1; here the top row is row 0."),
              (_com_frame_centre, "That is the centre of the frame, whatever the digit: the answer "
                                  "depends on where the ink is."),
              (_com_not_divided, "You add up ink × position, but do not divide by the total ink: "
                                 "a heavier digit would then seem to sit further away.")],
    wrong_examples=[(_com_swapped, "row first"),
                    (_com_unweighted, "weights each position"),
                    (_com_from_one, "count from 1"),
                    (_com_not_divided, "total ink"),
                    (_com_frame_centre, "centre of the frame")],
    reference=lambda image: centre_of_mass(image)[0],
    explanation="Σ ink × position / Σ ink, once for the rows and once for the columns; MNIST "
                "moved every digit so that this point sits in the middle of the frame.")
def centre_of_mass_of(image):
    rows, cols = np.indices(image.shape)          # the row and the column of every pixel
    ink = image.sum()
    return np.array([(image * rows).sum() / ink, (image * cols).sum() / ink])
