"""Chapter 0, Start here: warm-up exercises that show how checking works."""

import numpy as np

from ..check import code_exercise, exercise
from ..data import bundled


@exercise("ch00.pixels", "How many pixels does one MNIST digit have?",
          hint="Each digit is a square image; look at the shape of one digit, "
               "or multiply its height by its width.",
          mistakes=[(lambda a: a == 28, "28 is the side of the square; how many pixels fill it?")],
          explanation="A digit is a 28 x 28 grid, so 784 numbers.")
def _pixels():
    return int(bundled().x_train[0].size)


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
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_ge(image, threshold):
    return int((image >= threshold).sum())


def _wrong_mask(image, threshold):
    return image > threshold


def _wrong_paper(image, threshold):
    return int((image < threshold).sum())


def _wrong_in_place(image, threshold):
    image[image <= threshold] = 0
    return int(np.count_nonzero(image))


def _wrong_typo(image, threshold):
    return int((image > treshold).sum())  # noqa: F821  (a misspelt name)


@code_exercise(
    "ch00.count_ink",
    "Write count_ink(image, threshold): how many pixels of one (28, 28) uint8 digit have a "
    "value above the threshold (the number the threshold widget prints).",
    hint="image > threshold is an array of True and False, one per pixel; True counts as 1 "
         "when you add them up.",
    cases=_ink_cases,
    mistakes=[(lambda image, threshold: int((image >= threshold).sum()),
               "You also count the pixels exactly equal to the threshold: 'above' means >."),
              (lambda image, threshold: int((image <= threshold).sum()),
               "You counted the paper, not the ink: those are the pixels at or below the "
               "threshold.")],
    wrong_examples=[(_wrong_ge, "'above' means >"),
                    (_wrong_mask, "has shape (28, 28), but the answer has shape ()"),
                    (_wrong_paper, "counted the paper"),
                    (_wrong_in_place, "changes its input `image`"),
                    (_wrong_typo, "NameError: name 'treshold' is not defined")],
    explanation="image > threshold gives one True per inked pixel, and .sum() counts them.")
def count_ink(image, threshold):
    return int((image > threshold).sum())
