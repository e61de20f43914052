"""Chapter 1, Meet MNIST: questions answered from the data with numpy."""

import numpy as np

from ..check import exercise
from ..pixel_stats import centre_of_mass
from ._data import bundled


@exercise("ch01.zero_share",
          "What share of all pixels in the bundled training images is exactly 0 (blank paper)? "
          "Answer as a fraction between 0 and 1, to two decimals.",
          hint="(images == 0) is an array of True/False; the mean of it is the share of True.",
          atol=0.005,
          mistakes=[(lambda a: 1 < a <= 100, "Give a fraction between 0 and 1, not a percentage.")],
          explanation="About four pixels in five are blank: a digit is a thin stroke on empty paper.")
def _zero_share():
    return float((bundled().x_train == 0).mean())


@exercise("ch01.most_ink",
          "Which digit class uses the most ink on average (the largest mean pixel sum)?",
          hint="Sum each image's pixels (axis=(1, 2)), then average those sums over the images of "
               "each class and take the class with the largest average.",
          mistakes=[(lambda a: a == 1, "1 is the class with the *least* ink.")],
          explanation="0s are big closed loops, so they use the most ink; 1s are a single stroke.")
def _most_ink():
    d = bundled()
    ink = d.x_train.reshape(len(d.x_train), -1).sum(axis=1)
    return int(np.argmax([ink[d.y_train == c].mean() for c in range(10)]))


@exercise("ch01.centre_row",
          "On average over the bundled training digits, in which row (0 = top, 27 = bottom) is the "
          "centre of mass? Answer to one decimal.",
          hint="centre_of_mass(images) gives (row, column) for each image; average the first column.",
          atol=0.05,
          explanation="MNIST's creators shifted each digit so that its centre of mass falls on "
                      "pixel (14, 14) of the 28 x 28 frame.")
def _centre_row():
    return float(np.nanmean(centre_of_mass(bundled().x_train)[:, 0]))
