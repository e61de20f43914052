"""Chapter 0, Start here: warm-up exercises that show how checking works."""

import numpy as np

from ..check import code_exercise, exercise
from ..data import bundled


@exercise("ch00.pixels",
          "How many pixel values do the bundled training digits hold in all (every pixel of "
          "every training digit)?",
          hint="Each digit is an array of height x width pixels, and data.x_train holds all "
               "the training digits: look at its shape (or its size).",
          mistakes=[(lambda a: a == 28 * 28, "That is one digit's pixels; the question asks for "
                                             "every training digit's."),
                    (lambda a: a == len(bundled().y_train),
                     "That is the number of training digits; each of them has many pixels."),
                    (lambda a: a == bundled().x_train[0].size * (len(bundled().y_train) + len(bundled().y_test)),
                     "That counts the test digits too; the question asks for the training digits.")],
          explanation="4,000 digits of 28 x 28 = 784 pixels each: data.x_train.size.")
def _pixels():
    return int(bundled().x_train.size)


@exercise("ch00.always_seven",
          "A 'network' that answers 7 whatever digit it is shown: what share of the bundled "
          "test digits does it get right? Give a fraction between 0 and 1.",
          hint="It is right exactly on the test digits that are 7s. How many of the test digits "
               "are 7s, out of how many?",
          mistakes=[(lambda a: a == 100, "That is how many it gets right; the question asks for "
                                         "the share, a fraction of all test digits."),
                    (lambda a: 1 < a <= 100, "Give a fraction between 0 and 1, not a percentage."),
                    (lambda a: abs(a - 1 / 7) < 1e-3, "The label 7 is not the seventh of anything: "
                                                      "count the test digits that are 7s.")],
          explanation="100 of the 1,000 test digits are 7s: 10 %. This is the score to beat; a "
                      "model must do better than always giving the same answer.")
def _always_seven():
    return float((bundled().y_test == 7).mean())


# --------------------------------------------------------------------- write a function

def _ink_cases():
    d = bundled()
    rng = np.random.default_rng(0)
    cases = [(d.x_train[i].copy(), t) for i, t in ((5, 128), (17, 0), (123, 250), (401, 254))]
    # A threshold that some pixels equal exactly, so '>' and '>=' give different counts.
    image = d.x_test[7].copy()
    cases.append((image, int(np.unique(image[image > 0])[len(np.unique(image[image > 0])) // 2])))
    cases.append((rng.integers(0, 256, size=(28, 28), dtype=np.uint8), 100))
    # The digit with the most inked pixels: more than 255, which a uint8 count cannot hold.
    cases.append((d.x_train[int(np.argmax((d.x_train > 0).sum(axis=(1, 2))))].copy(), 0))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).
# First those the exercise names itself (its `mistakes`), then others that the general
# diagnosis must name.

def _wrong_ge(image, threshold):
    return int((image >= threshold).sum())


def _wrong_paper(image, threshold):
    return int((image <= threshold).sum())


def _wrong_below(image, threshold):
    return int((image < threshold).sum())


def _wrong_scaled(image, threshold):
    return int((image / 255 > threshold).sum())


def _wrong_uint8_difference(image, threshold):
    return int((image - threshold > 0).sum())


def _wrong_any_ink(image, threshold):
    return int((image > 0).sum())            # the threshold is never used


def _wrong_values(image, threshold):
    return int(image[image > threshold].sum())    # adds up the values, does not count


def _wrong_threshold_scaled(image, threshold):
    return int((image > threshold / 255).sum())   # the threshold on [0, 1], the image on 0..255


def _wrong_ink_weighted(image, threshold):
    return int((image * (image > threshold)).sum())


def _wrong_len(image, threshold):
    return len(image > threshold)            # the length of the first axis: the rows


def _wrong_len_shape(image, threshold):
    return (image > threshold).shape[0]


def _wrong_len_torch(image, threshold):
    import torch
    return len(torch.from_numpy(image) > threshold)


def _wrong_mask(image, threshold):
    return image > threshold


def _wrong_builtin_sum(image, threshold):
    return sum(image > threshold)            # Python's sum adds up the rows: one count per column


def _wrong_per_row(image, threshold):
    return (image > threshold).sum(axis=1)


def _wrong_share(image, threshold):
    return (image > threshold).mean()


def _wrong_no_return(image, threshold):
    count = int((image > threshold).sum())  # noqa: F841  (computed, never returned)


def _wrong_int_of_mask(image, threshold):
    return int(image > threshold)


def _wrong_in_place(image, threshold):
    image[image <= threshold] = 0
    return int(np.count_nonzero(image))


def _wrong_typo(image, threshold):
    return int((image > treshold).sum())  # noqa: F821  (a misspelt name)


def _wrong_uint8_counter(image, threshold):
    count = np.zeros((), dtype=image.dtype)   # a counter of the image's own type, uint8
    for value in image.ravel():
        if value > threshold:
            count += 1
    return count


# Other right ways to write it (the tests check that each is accepted).

def _right_count_nonzero(image, threshold):
    return np.count_nonzero(image > threshold)


def _right_loop(image, threshold):
    count = 0
    for row in image:
        for value in row:
            if value > threshold:
                count += 1
    return count


def _right_selected(image, threshold):
    return len(image[image > threshold])


@code_exercise(
    "ch00.count_ink",
    "Write count_ink(image, threshold): how many pixels of one (28, 28) uint8 digit have a "
    "value above the threshold (the number the threshold widget prints). threshold is a "
    "pixel value, 0..255 like the image; return one whole number.",
    hint="image > threshold is an array of True and False, one per pixel; True counts as 1 "
         "when you add them up.",
    cases=_ink_cases,
    mistakes=[(_wrong_ge,
               "You also count the pixels exactly equal to the threshold; 'above' leaves them "
               "out."),
              (_wrong_paper,
               "You counted the paper, not the ink: the pixels below the threshold, where the "
               "question asks for those above it."),
              (_wrong_below,
               "You counted the paper, not the ink: the pixels below the threshold, where the "
               "question asks for those above it."),
              (_wrong_scaled,
               "You scale the pixels to [0, 1] (dividing by 255), but the threshold is a pixel "
               "value on the same 0..255 scale as the stored image: compare them as they are."),
              (_wrong_uint8_difference,
               "image - threshold is computed in uint8, which wraps around below 0 (an "
               "overflow: 3 - 5 gives 254), so pixels below the threshold look above it. "
               "A comparison needs no subtraction."),
              (_wrong_any_ink,
               "You count every pixel with any ink at all (above 0), whatever the threshold: "
               "is the threshold left out, or divided by 255? The image stays on the 0..255 "
               "scale, so a threshold scaled to [0, 1] lies below every inked pixel."),
              (_wrong_values,
               "You add up the values of the pixels above the threshold (how much ink they "
               "hold); the question asks how many pixels are above it: each one counts once, "
               "whatever its value."),
              (_wrong_len,
               "You counted the rows of the comparison, not its True pixels: len() of a "
               "two-dimensional array (like its .shape[0]) is the length of its first axis, "
               "the same for every threshold. Each pixel above the threshold must count "
               "once.")],
    wrong_examples=[(_wrong_ge, "exactly equal to the threshold"),
                    (_wrong_paper, "counted the paper"),
                    (_wrong_below, "counted the paper"),
                    (_wrong_scaled, "same 0..255 scale"),
                    (_wrong_uint8_difference, "wraps around"),
                    (_wrong_any_ink, "whatever the threshold"),
                    (_wrong_threshold_scaled, "divided by 255"),
                    (_wrong_values, "each one counts once"),
                    (_wrong_ink_weighted, "each one counts once"),
                    (_wrong_len, "counted the rows of the comparison"),
                    (_wrong_len_shape, "counted the rows of the comparison"),
                    (_wrong_len_torch, "counted the rows of the comparison"),
                    (_wrong_mask, "has shape (28, 28), but the answer has shape ()"),
                    (_wrong_builtin_sum, "shape"),
                    (_wrong_per_row, "shape"),
                    (_wrong_share, "An extra 1/784"),
                    (_wrong_no_return, "return"),
                    (_wrong_int_of_mask, "TypeError"),
                    (_wrong_in_place, "changes its input `image`"),
                    (_wrong_typo, "NameError: name 'treshold' is not defined"),
                    (_wrong_uint8_counter, "overflow")],
    right_examples=[_right_count_nonzero, _right_loop, _right_selected],
    explanation="image > threshold gives one True per inked pixel, and .sum() counts them.")
def count_ink(image, threshold):
    return int((image > threshold).sum())
