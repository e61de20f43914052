"""Chapter 1, Meet MNIST: questions answered from the data with numpy, and three of the
chapter's computations written by the learner before the chapter uses them: the mean digit
of each class, the vertical variogram g_y, and a digit's centre of mass."""

import warnings

import numpy as np

from ..check import code_exercise, exercise
from ..data import bundled
from ..pixel_stats import centre_of_mass as tested_centre_of_mass
from ..pixel_stats import mean_digits as tested_mean_digits
from ..pixel_stats import variogram as tested_variogram


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


def _ring() -> np.ndarray:
    """(28, 28) bool: True on the outermost ring of pixels."""
    ring = np.ones((28, 28), dtype=bool)
    ring[1:-1, 1:-1] = False
    return ring


def _touches_edge(images: np.ndarray, any_digit: bool = False) -> np.ndarray:
    """(n,) bool: does the digit put any ink on the outermost ring of pixels? With
    any_digit, (108,) bool instead: does any digit ink this pixel of the ring (a mistake)."""
    return (images[:, _ring()] > 0).any(axis=0 if any_digit else 1)


def _ring_pixels_inked() -> int:
    """The inked ring pixels of all bundled training digits, added up (a mistake: it
    counts pixels, where the question counts digits)."""
    return int((bundled().x_train[:, _ring()] > 0).sum())


@exercise("ch01.edge_digits",
          "How many of the 4,000 bundled training digits put any ink at all (a pixel above 0) "
          "on the outermost ring of pixels (row 0, row 27, column 0 or column 27)?",
          hint="Build a (28, 28) mask that is True on the outer ring only (start from all True and "
               "set [1:-1, 1:-1] to False); images[:, mask] gives each digit's ring pixels.",
          mistakes=[(lambda a: a == int(((bundled().x_train[:, 4:24, 4:24] > 0).sum((1, 2))
                                          < (bundled().x_train > 0).sum((1, 2))).sum()),
                     "That counts ink anywhere in the 4-pixel border; the question is about the "
                     "outermost ring, one pixel wide."),
                    (lambda a: a == _ring_pixels_inked(),
                     "That counts inked ring pixels, adding up every digit's: the question "
                     "counts digits, and a digit with several inked pixels on the ring counts "
                     "once. Reduce each digit's ring pixels to one True/False first."),
                    (lambda a: a == int(_touches_edge(bundled().x_train, any_digit=True).sum()),
                     "That counts the ring's pixels that some digit inks: the question counts "
                     "digits, each digit once if it puts ink anywhere on the ring."),
                    (lambda a: 0 < a < 1, "Give a count of digits, not a share.")],
          explanation="Few: MNIST's digits were scaled to fit a 20 × 20 box and placed by their "
                      "centre of mass in the 28 × 28 frame, so the outermost ring stays empty in "
                      "nearly every one. A network sees too little ink there to learn what it "
                      "should mean.")
def _edge_digits():
    return int(_touches_edge(bundled().x_train).sum())


# ------------------------------------------------- write a function: the mean digit of each class

def _mean_cases():
    """uint8 digits with their labels, every class present: a small batch that is not
    square (so a transpose shows) and holds classes with a single image; real digits,
    around 100 per class (so a uint8 sum wraps around); labels as uint8, as IDX stores them."""
    d = bundled()
    rng = np.random.default_rng(5)
    labels = rng.permutation(np.concatenate([np.arange(10), rng.integers(0, 10, size=13)]))
    odd = rng.integers(0, 256, size=(len(labels), 5, 7), dtype=np.uint8)
    first = np.array([np.flatnonzero(d.y_test == c)[0] for c in range(10)])
    few = np.concatenate([first, np.flatnonzero(d.y_test == 4)[1:3], [np.flatnonzero(d.y_test == 7)[1]]])
    return [(odd, labels),
            (d.x_train[:1000], d.y_train[:1000]),
            (d.x_test[few], d.y_test[few]),
            (d.x_test, d.y_test.astype(np.uint8))]


# Typical wrong implementations (the tests check that each gets the right message).
# First those the exercise names itself (its `mistakes`), then others that the general
# diagnosis must name.

def _md_not_scaled(images, labels):
    return np.array([images[labels == c].mean(axis=0) for c in range(10)])


def _md_summed(images, labels):
    return np.array([images[labels == c].sum(axis=0) / 255 for c in range(10)])


def _md_summed_not_scaled(images, labels):
    return np.array([images[labels == c].sum(axis=0) for c in range(10)])


def _md_over_all_images(images, labels):
    return np.array([images[labels == c].sum(axis=0) / 255 / len(images) for c in range(10)])


def _md_whole_number_division(images, labels):
    x = images // 255
    return np.array([x[labels == c].mean(axis=0) for c in range(10)])


def _md_classes_from_one(images, labels):
    x = images / 255
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.array([x[labels == c].sum(axis=0) / (labels == c).sum() for c in range(1, 11)])


def _md_ignores_labels(images, labels):
    return np.array([images.mean(axis=0) / 255 for c in range(10)])


def _md_builtin_sum(images, labels):
    means = []
    for c in range(10):
        members = images[labels == c]
        means.append(sum(members) / len(members) / 255)    # Python's sum keeps uint8
    return np.array(means)


def _md_by_own_max(images, labels):
    means = np.array([images[labels == c].mean(axis=0) for c in range(10)])
    return means / means.max(axis=(1, 2), keepdims=True)     # each class's darkest pixel -> 1


def _md_by_own_max_loop(images, labels):
    out = []
    for c in range(10):
        m = images[labels == c].astype(float).mean(axis=0) / 255
        out.append(m / m.max())
    return np.stack(out)


def _md_floor_by_count(images, labels):
    return np.array([images[labels == c].astype(np.int64).sum(axis=0) // (labels == c).sum()
                     for c in range(10)]) / 255


def _md_floor_by_count_loop(images, labels):
    out = []
    for c in range(10):
        members = images[labels == c]
        out.append((members.sum(axis=0) // len(members)) / 255)
    return np.stack(out)


def _md_grey_level(images, labels):
    x = images / 255
    return np.array([np.full(images.shape[1:], x[labels == c].mean()) for c in range(10)])


def _md_grey_level_per_image(images, labels):
    out = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        out[c] = images[labels == c].mean(axis=(1, 2)).mean() / 255
    return out


def _md_median(images, labels):
    return np.array([np.median(images[labels == c], axis=0) for c in range(10)]) / 255


def _md_median_loop(images, labels):
    x = images / 255
    return np.stack([np.median(x[labels == c], axis=0) for c in range(10)])


def _md_overall_mean(images, labels):
    return images.mean(axis=0) / 255


def _md_one_number_per_class(images, labels):
    return np.array([images[labels == c].mean() / 255 for c in range(10)])


def _md_wrong_axis(images, labels):
    return np.array([images[labels == c].mean(axis=1) / 255 for c in range(10)])


def _md_stacked_last(images, labels):
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(10)], axis=-1)


def _md_transposed(images, labels):
    return np.array([images[labels == c].mean(axis=0).T / 255 for c in range(10)])


def _md_flattened(images, labels):
    flat = images.reshape(len(images), -1) / 255
    return np.array([flat[labels == c].mean(axis=0) for c in range(10)])


def _md_fixed_size(images, labels):
    means = np.zeros((10, 28, 28))
    for c in range(10):
        means[c] = images[labels == c].mean(axis=0) / 255
    return means


def _md_in_place(images, labels):
    means = []
    for c in range(10):
        selected = images                       # not a copy: the same array
        selected[labels != c] = 0
        means.append(selected.sum(axis=0) / (labels == c).sum() / 255)
    return np.array(means)


def _md_image_c(images, labels):
    return np.stack([images[c] / 255 for c in range(10)])      # image number c, not class c


def _md_first_ten(images, labels):
    return images[:10].astype(np.float64) / 255


def _md_image_c_loop(images, labels):
    means = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        means[c] = images[c] / 255                 # the image at position c
    return means


def _md_first_seen_order(images, labels):
    order = []
    for label in labels:                       # the classes as they first turn up
        if label not in order:
            order.append(label)
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in order])


def _md_first_seen_unique(images, labels):
    _, first = np.unique(labels, return_index=True)
    order = labels[np.sort(first)]
    x = images / 255
    return np.array([x[labels == c].mean(axis=0) for c in order])


def _md_class_of_image_c(images, labels):
    x = images / 255
    return np.stack([x[labels == labels[c]].mean(axis=0) for c in range(10)])


def _md_class_of_image_c_loop(images, labels):
    means = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        means[c] = images[labels == labels[c]].astype(float).mean(axis=0) / 255
    return means


def _md_by_256(images, labels):
    return np.array([images[labels == c].mean(axis=0) for c in range(10)]) / 256


def _md_by_256_loop(images, labels):
    x = images.astype(np.float64) / 256.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def _md_no_return(images, labels):
    x = images / 255
    means = np.array([x[labels == c].mean(axis=0) for c in range(10)])  # noqa: F841


# Other right ways to write it.

def _md_right_loop(images, labels):
    sums = np.zeros((10,) + images.shape[1:])
    counts = np.zeros(10)
    for image, label in zip(images, labels):
        sums[label] += image
        counts[label] += 1
    return sums / counts[:, None, None] / 255


def _md_right_list(images, labels):
    return [images[labels == c].astype(float).mean(axis=0) / 255 for c in range(10)]


def _md_right_add_at(images, labels):
    sums = np.zeros((10,) + images.shape[1:])
    np.add.at(sums, labels, images / 255)
    return sums / np.bincount(labels, minlength=10)[:, None, None]


def _md_right_torch(images, labels):
    import torch
    x = torch.from_numpy(images).double() / 255
    y = torch.from_numpy(np.asarray(labels, dtype=np.int64))
    return torch.stack([x[y == c].mean(dim=0) for c in range(10)])


@code_exercise(
    "ch01.mean_digits",
    "Write mean_digits(images, labels): the average image of each class, pixel by pixel. "
    "images: (n, height, width) uint8 pixel values 0..255, as MNIST stores them; labels: (n,) "
    "the class 0..9 of each image (every class occurs). Return a (10, height, width) array "
    "of floats in [0, 1] (pixel value / 255), the mean of class c at position c.",
    hint="labels == c is True for the images of class c, and images[labels == c] keeps just "
         "those. Average them over the images' axis (the first one), bring the result to [0, 1], "
         "and collect the ten means in one array.",
    cases=_mean_cases,
    mistakes=[(_md_not_scaled,
               "Your means are on the 0..255 scale of the stored bytes; the question asks for "
               "the [0, 1] scale of the pictures (pixel value / 255)."),
              (_md_summed,
               "You add up the images of each class; a mean divides that sum by how many "
               "images the class has."),
              (_md_summed_not_scaled,
               "You add up the images of each class; a mean divides that sum by how many "
               "images the class has (and the question wants the [0, 1] scale)."),
              (_md_over_all_images,
               "You divide each class's sum by the number of all images; the mean of class c "
               "divides by the number of images of class c."),
              (_md_whole_number_division,
               "// is whole-number division: images // 255 turns every pixel into 0 or 1 (only "
               "255 becomes 1). Use / for fractions."),
              (_md_classes_from_one,
               "Position c of your result holds the mean of class c + 1: the classes run from "
               "0 to 9, and position c should hold class c."),
              (_md_ignores_labels,
               "Every class gets the same picture, the mean of all the images: use the labels "
               "to keep only the images of each class."),
              (_md_builtin_sum,
               "Your sums wrap around (an overflow): adding uint8 images gives uint8 again, "
               "which holds only 0..255. Python's sum() and a uint8 total do this; convert "
               "the pixels to float before adding."),
              (_md_by_own_max,
               "You scale each class's mean by its own largest value, so every mean digit's "
               "darkest pixel becomes 1. The [0, 1] scale of the question is the same for every "
               "class: pixel value / 255."),
              (_md_floor_by_count,
               "Your means lose their fractions: // (whole-number division) of a class's sum by "
               "its number of images cuts off what comes after the point. Use / for a mean."),
              (_md_grey_level,
               "Each of your ten pictures is one grey level everywhere: you averaged over the "
               "pixels of each image (axes 1 and 2) too. The mean digit averages over the "
               "images only, pixel by pixel, so every pixel keeps its own mean."),
              (_md_median,
               "That is the median of each pixel over the class's images (the middle value), "
               "not their mean: the question asks for the average image."),
              (_md_image_c,
               "Position c of your result is image number c, a single digit, whatever its "
               "label: the mean of class c averages all the images *labelled* c, wherever "
               "they are in the array (labels == c picks them)."),
              (_md_first_seen_order,
               "Your classes are in the order they first turn up in the labels, not in the "
               "order of their names: position c should hold class c, whichever class the "
               "labels happen to start with."),
              (_md_class_of_image_c,
               "Position c of your result is the mean of the class of image number c "
               "(labels[c]), not of class c: labels == labels[c] picks the images that share "
               "image c's label, whatever that is. Compare the labels with c itself."),
              (_md_by_256,
               "You divide by 256, the number of values a byte can hold; the largest pixel "
               "value is 255, and the question's [0, 1] scale is pixel value / 255.")],
    wrong_examples=[(_md_not_scaled, "0..255 scale"),
                    (_md_summed, "You add up the images of each class"),
                    (_md_summed_not_scaled, "You add up the images of each class"),
                    (_md_over_all_images, "number of all images"),
                    (_md_whole_number_division, "whole-number division"),
                    (_md_classes_from_one, "class c + 1"),
                    (_md_ignores_labels, "Every class gets the same picture"),
                    (_md_builtin_sum, "overflow"),
                    (_md_by_own_max, "its own largest value"),
                    (_md_by_own_max_loop, "its own largest value"),
                    (_md_floor_by_count, "lose their fractions"),
                    (_md_floor_by_count_loop, "lose their fractions"),
                    (_md_grey_level, "one grey level everywhere"),
                    (_md_grey_level_per_image, "one grey level everywhere"),
                    (_md_median, "median of each pixel"),
                    (_md_median_loop, "median of each pixel"),
                    (_md_image_c, "image number c"),
                    (_md_first_ten, "image number c"),
                    (_md_image_c_loop, "image number c"),
                    (_md_overall_mean, "shape"),
                    (_md_one_number_per_class, "shape"),
                    (_md_wrong_axis, "shape"),
                    (_md_stacked_last, "transposed"),
                    (_md_transposed, "transposed"),
                    (_md_flattened, "shape"),
                    (_md_fixed_size, "ValueError"),
                    (_md_in_place, "changes its input `images`"),
                    (_md_no_return, "return"),
                    (_md_first_seen_order, "order they first turn up"),
                    (_md_first_seen_unique, "order they first turn up"),
                    (_md_class_of_image_c, "class of image number c"),
                    (_md_class_of_image_c_loop, "class of image number c"),
                    (_md_by_256, "divide by 256"),
                    (_md_by_256_loop, "divide by 256")],
    right_examples=[_md_right_loop, _md_right_list, _md_right_add_at, _md_right_torch],
    reference=tested_mean_digits,
    explanation="images[labels == c] keeps the digits of class c, and .mean(axis=0) averages "
                "them pixel by pixel: where nearly every writer put ink the mean is dark, where "
                "the strokes wander it is grey.")
def mean_digits(images, labels):
    x = images / 255                          # every pixel as a float in [0, 1]
    return np.array([x[labels == c].mean(axis=0) for c in range(10)])


# ------------------------------------------------- write a function: the vertical variogram

def _variogram_cases():
    """Floats in [0, 1] first (where most mistakes show), two of them not square; then
    digits as stored, uint8, where a subtraction wraps around; batches of 5, 3, 2, 20, 1.
    The first case crops the digits to rows 4..23, the box MNIST scaled them into, so that
    ink reaches the top and the bottom row: pairs wrapped round by np.roll then show."""
    d = bundled()
    rng = np.random.default_rng(1)
    digits = d.x_train[[0, 7, 42, 99, 1234]]
    return [(digits[:, 4:24, :] / 255.0, 1),
            (rng.random((3, 12, 9)), 4),          # not square: rows and columns differ
            (digits[:2] / 255.0, 6),
            (digits, 13),
            (d.x_test[d.y_test == 1][:20], 3),
            (digits[3:4], 2)]


def _g_y(images, lag):
    x = images.astype(float)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def _tested_variogram_y(images, lag):
    """course.pixel_stats.variogram at one lag, in the pixels' own units (it works on the
    [0, 1] scale, dividing uint8 images by 255)."""
    scale = 255.0 if images.dtype == np.uint8 else 1.0
    return scale * float(tested_variogram(images, lag, axis="y")[lag - 1])


# Typical wrong implementations (the tests check that each gets the right message).

def _along_rows(images, lag):
    x = images.astype(float)
    return np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean()


def _no_abs(images, lag):
    x = images.astype(float)
    return (x[:, lag:, :] - x[:, :-lag, :]).mean()


def _abs_after_mean(images, lag):
    x = images.astype(float)
    return abs((x[:, lag:, :] - x[:, :-lag, :]).mean())


def _squared(images, lag):
    x = images.astype(float)
    return ((x[:, lag:, :] - x[:, :-lag, :]) ** 2).mean()


def _uint8_wraps(images, lag):
    return np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean()


def _rescaled(images, lag):
    x = images / 255
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean()


def _as_int(images, lag):
    x = images.astype(int)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean()


def _images_axis(images, lag):
    x = images.astype(float)
    with warnings.catch_warnings():           # a batch of one leaves no pairs: NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.abs(x[lag:] - x[:-lag]).mean()


def _rolled(images, lag):
    x = images.astype(float)
    return np.abs(np.roll(x, lag, axis=1) - x).mean()     # wraps the bottom rows round to the top


def _rolled_up(images, lag):
    x = np.asarray(images, dtype=np.float64)
    return float(np.mean(np.abs(x - np.roll(x, -lag, axis=1))))


def _np_diff(images, lag):
    return np.abs(np.diff(images.astype(float), n=lag, axis=1)).mean()


def _over_all_pixels(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).sum() / x.size


def _summed(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).sum()


def _per_image(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean(axis=(1, 2))


def _over_images_only(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean(axis=0)


def _in_place(images, lag):
    images[:, lag:, :] -= images[:, :-lag, :].copy()
    return np.abs(images[:, lag:, :].astype(float)).mean()


def _slices_differ(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:, :] - x[:, :-lag - 1, :]).mean()


def _both_axes(images, lag):
    x = images.astype(float)
    return (np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean(), np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def _last_pair_left_out(images, lag):
    x = np.asarray(images, dtype=np.float64)
    h = x.shape[1]
    return float(np.mean([np.abs(x[:, r + lag, :] - x[:, r, :]) for r in range(h - lag - 1)]))


def _slices_one_short(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag:-1, :] - x[:, :-lag - 1, :]).mean()


def _last_pair_left_out_loop(images, lag):
    total, pairs = 0.0, 0
    for image in images.astype(float):
        for r in range(image.shape[0] - lag - 1):
            total += np.abs(image[r + lag] - image[r]).sum()
            pairs += image.shape[1]
    return total / pairs


def _lag_plus_one(images, lag):
    x = images.astype(float)
    return np.abs(x[:, lag + 1:, :] - x[:, :-lag - 1, :]).mean()


def _lag_plus_one_loop(images, lag):
    x = np.asarray(images, dtype=np.float64)
    h = x.shape[1]
    return float(np.mean([np.abs(x[:, r + lag + 1] - x[:, r]) for r in range(h - lag - 1)]))


def _forgot_return(images, lag):
    x = images.astype(float)
    g = np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean()  # noqa: F841


# Other right ways to write it.

def _right_loop(images, lag):
    total, pairs = 0.0, 0
    for image in images:
        x = image.astype(np.float64)
        differences = np.abs(x[lag:] - x[:-lag])
        total += differences.sum()
        pairs += differences.size
    return total / pairs


def _right_torch(images, lag):
    import torch
    x = torch.from_numpy(np.asarray(images)).double()
    return (x[:, lag:] - x[:, :-lag]).abs().mean().item()


def _keepdims(images, lag):
    x = np.asarray(images, dtype=np.float64)
    return np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean(keepdims=True)   # an array holding one number


@code_exercise(
    "ch01.variogram_y",
    "Write variogram_y(images, lag): the vertical variogram g_y at one lag, the mean absolute "
    "difference between pixels `lag` rows apart in the same column, over all such pairs of "
    "all images. images: (n, height, width) pixel values, either uint8 0..255 as MNIST stores "
    "them or floats; lag: an int between 1 and height - 1. Return one number, in the pixels' "
    "own units (do not rescale).",
    hint="Two slices of the same array, shifted against each other by `lag` rows (the "
         "second axis), line up every vertical pair at once. uint8 cannot hold a negative "
         "difference: change the type before subtracting.",
    cases=_variogram_cases,
    mistakes=[(_along_rows, "You compare pixels `lag` columns apart (g_x, along the rows); g_y "
                            "compares pixels `lag` rows apart, in the same column: slice the "
                            "other axis."),
              (_no_abs, "Without the absolute value, differences up and down cancel out: take "
                        "the absolute value of each difference before averaging."),
              (_abs_after_mean, "You take the absolute value of the mean, after differences up "
                                "and down have cancelled out: take the absolute value of each "
                                "difference before averaging."),
              (_squared, "You square the differences (the geostatistician's variogram); this "
                         "one averages their absolute values."),
              (_uint8_wraps, "The uint8 differences wrap around (an overflow): uint8 holds only "
                             "0..255, so 3 - 5 gives 254 instead of -2. Change the type before "
                             "you subtract."),
              (_rescaled, "You rescale the pixels to [0, 1] (dividing by 255); g_y stays in the "
                          "pixels' own units: 0..255 for uint8 digits as stored, whatever "
                          "range floats come in."),
              (_as_int, "Whole numbers cannot hold pixels between 0 and 1: converting floats to "
                        "int cuts them to 0. Choose a type that holds fractions and negative "
                        "numbers."),
              (_images_axis, "You slice the first axis, which counts the images: that compares "
                             "different digits. The rows are the second axis."),
              (_np_diff, "np.diff with n=lag takes differences of differences, lag times over; "
                         "g_y compares two pixels `lag` rows apart."),
              (_over_all_pixels, "You divide by the number of pixels, but there are fewer pairs: "
                                 "each column has only height - lag pairs `lag` rows apart."),
              (_rolled, "np.roll wraps the bottom rows round to the top, so it adds pairs that "
                        "are not `lag` rows apart (a pixel near the bottom with one near the "
                        "top) and counts every pixel as a pair. Each column has only "
                        "height - lag real pairs: line up two slices instead."),
              (_last_pair_left_out,
               "You leave out the last pair of rows: the bottom row is never compared with "
               "the row `lag` above it. Does a range over the upper rows stop one early, or a "
               "slice end at -1? Each column has height - lag pairs `lag` rows apart, the "
               "last one ending in the bottom row."),
              (_lag_plus_one,
               "Your pairs are lag + 1 rows apart, one row too far: an off-by-one in where a "
               "slice starts or ends, or in the shift. g_y(lag) pairs each pixel with the one "
               "exactly `lag` rows below it, in the same column.")],
    wrong_examples=[(_keepdims, "holding one number"),
                    (_along_rows, "columns apart"),
                    (_no_abs, "absolute value"),
                    (_abs_after_mean, "absolute value"),
                    (_squared, "square the differences"),
                    (_uint8_wraps, "overflow"),
                    (_rescaled, "pixels' own units"),
                    (_as_int, "cuts them to 0"),
                    (_images_axis, "compares different digits"),
                    (_np_diff, "differences of differences"),
                    (_over_all_pixels, "fewer pairs"),
                    (_rolled, "np.roll wraps"),
                    (_rolled_up, "np.roll wraps"),
                    (_last_pair_left_out, "last pair of rows"),
                    (_slices_one_short, "last pair of rows"),
                    (_last_pair_left_out_loop, "last pair of rows"),
                    (_summed, "times the right value"),
                    (_per_image, "has shape (5,), but the answer has shape ()"),
                    (_over_images_only, "shape"),
                    (_in_place, "changes its input `images`"),
                    (_slices_differ, "ValueError"),
                    (_both_axes, "shape"),
                    (_forgot_return, "return"),
                    (_lag_plus_one, "lag + 1 rows apart"),
                    (_lag_plus_one_loop, "lag + 1 rows apart")],
    right_examples=[_right_loop, _right_torch],
    speed=lambda: (bundled().x_train, 5),
    slow_seconds=0.5,
    reference=_tested_variogram_y,
    explanation="Two slices shifted by `lag` rows line up every vertical pair at once; the "
                "mean of their absolute difference is g_y(lag). Converting to float first keeps "
                "uint8 from wrapping around below 0.")
def variogram_y(images, lag):
    x = images.astype(float)             # uint8 would wrap around below 0
    upper = x[:, :-lag, :]               # rows 0 .. height-lag-1
    lower = x[:, lag:, :]                # the pixels `lag` rows below them
    return float(np.abs(lower - upper).mean())


# ------------------------------------------------- write a function: the centre of mass

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


def _com_over_pixels(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * rows).sum(), (image * cols).sum()]) / image.size


def _com_over_inked_pixels(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * rows).sum(), (image * cols).sum()]) / np.count_nonzero(image)


def _com_bounding_box(image):
    rows, cols = np.nonzero(image)
    return np.array([(rows.min() + rows.max()) / 2, (cols.min() + cols.max()) / 2])


def _com_box_loop(image):
    inked = np.argwhere(image > 0)
    top, left = inked.min(axis=0)
    bottom, right = inked.max(axis=0)
    return np.array([top + bottom, left + right]) / 2


def _com_darkest(image):
    return np.array(np.unravel_index(np.argmax(image), image.shape), dtype=float)


def _com_darkest_where(image):
    r, c = np.argwhere(image == image.max())[0]
    return r, c


def _com_paper(image):
    rows, cols = np.indices(image.shape)
    paper = 1 - image
    return np.array([(paper * rows).sum(), (paper * cols).sum()]) / paper.sum()


def _com_paper_loop(image):
    total = r_sum = c_sum = 0.0
    for (r, c), x in np.ndenumerate(image):
        total += 1 - x
        r_sum += (1 - x) * r
        c_sum += (1 - x) * c
    return np.array([r_sum / total, c_sum / total])


def _com_pixel_means(image):
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).mean(), (cols * image).mean()])


def _com_not_summed(image):
    return np.indices(image.shape) * image / image.sum()


def _com_whole_pixels(image):
    rows, cols = np.indices(image.shape)
    ink = image.sum()
    return np.array([int((image * rows).sum() / ink), int((image * cols).sum() / ink)])


def _com_in_place(image):
    image /= image.sum()                       # the weights, made in the caller's array
    rows, cols = np.indices(image.shape)
    return np.array([(image * rows).sum(), (image * cols).sum()])


def _com_reversed_shape(image):
    rows, cols = np.indices(image.shape[::-1])
    return np.array([(image * rows).sum(), (image * cols).sum()]) / image.sum()


def _com_nested(image):
    rows, cols = np.indices(image.shape)
    ink = image.sum()
    return np.array([[(image * rows).sum() / ink, (image * cols).sum() / ink]])


def _com_row_sums_twice(image):
    row_ink = image.sum(axis=1)
    positions = np.arange(len(row_ink))
    r = (positions * row_ink).sum() / row_ink.sum()
    c = (positions * image.sum(axis=1)).sum() / image.sum()    # copied from the line above
    return np.array([r, c])


def _com_rows_twice(image):
    rows, cols = np.indices(image.shape)
    ink = image.sum()
    return np.array([(image * rows).sum() / ink, (image * rows).sum() / ink])


def _com_no_return(image):
    rows, cols = np.indices(image.shape)
    centre = np.array([(image * rows).sum(), (image * cols).sum()]) / image.sum()  # noqa: F841


# Other right ways to write it.

def _com_right_means(image):
    rows, cols = np.indices(image.shape)
    return np.array([(image * rows).mean(), (image * cols).mean()]) / image.mean()


def _com_right_loop(image):
    row_sum = col_sum = ink = 0.0
    for r in range(image.shape[0]):
        for c in range(image.shape[1]):
            row_sum += image[r, c] * r
            col_sum += image[r, c] * c
            ink += image[r, c]
    return row_sum / ink, col_sum / ink


def _com_right_scipy(image):
    from scipy import ndimage
    return np.array(ndimage.center_of_mass(image))


def _com_right_margins(image):
    ink = image.sum()
    return np.array([image.sum(axis=1) @ np.arange(image.shape[0]),
                     image.sum(axis=0) @ np.arange(image.shape[1])]) / ink


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
                                 "a heavier digit would then seem to sit further away."),
              (_com_over_pixels, "You divide by the number of pixels, as for a plain mean; a "
                                 "weighted mean divides by the sum of its weights, here the "
                                 "total ink."),
              (_com_bounding_box, "That is the middle of the ink's bounding box, halfway between "
                                  "its first and last row and column: only the outermost ink "
                                  "counts. A centre of mass weights every pixel's position by "
                                  "its ink."),
              (_com_darkest, "That is the position of the pixel with the most ink (argmax), one "
                             "pixel; a centre of mass averages the positions of all the pixels, "
                             "each weighted by its ink."),
              (_com_paper, "You weight by 1 - x, the paper. Here 0 is blank paper and 1 is full "
                           "ink: weight each position by the ink x itself."),
              (_com_row_sums_twice,
               "Your column is the same number as your row: both weight each row's position "
               "by its ink, as if the row's line was copied and not changed (rows where cols "
               "belongs, or the row sums, axis=1, where the column sums belong). The column "
               "coordinate weights each column's position by the ink in that column.")],
    wrong_examples=[(_com_swapped, "row first"),
                    (_com_unweighted, "weights each position"),
                    (_com_from_one, "count from 1"),
                    (_com_not_divided, "total ink"),
                    (_com_frame_centre, "centre of the frame"),
                    (_com_over_pixels, "number of pixels"),
                    (_com_pixel_means, "number of pixels"),
                    (_com_bounding_box, "bounding box"),
                    (_com_box_loop, "bounding box"),
                    (_com_darkest, "argmax"),
                    (_com_darkest_where, "argmax"),
                    (_com_paper, "the paper"),
                    (_com_paper_loop, "the paper"),
                    (_com_row_sums_twice, "the same number as your row"),
                    (_com_rows_twice, "the same number as your row"),
                    (_com_over_inked_pixels, "times the right one"),
                    (_com_not_summed, "shape"),
                    (_com_whole_pixels, "whole numbers"),
                    (_com_in_place, "changes its input `image`"),
                    (_com_reversed_shape, "ValueError"),
                    (_com_nested, "axis of length 1"),
                    (_com_no_return, "return")],
    right_examples=[_com_right_means, _com_right_loop, _com_right_scipy, _com_right_margins],
    reference=lambda image: tested_centre_of_mass(image)[0],
    explanation="Σ ink × position / Σ ink, once for the rows and once for the columns; MNIST "
                "moved every digit so that this point sits in the middle of the frame.")
def centre_of_mass(image):
    rows, cols = np.indices(image.shape)          # the row and the column of every pixel
    ink = image.sum()
    return np.array([(image * rows).sum() / ink, (image * cols).sum() / ink])
