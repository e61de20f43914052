"""Chapter 5a, Dreams and fooling images: questions answered with `course.fooling`."""

import numpy as np
import torch

from ..check import exercise
from ..fooling import output_error


def _logits():
    """A network's output for one image: logit 9 for class 2, 0 for the other nine."""
    z = torch.zeros(1, 10, dtype=torch.float64)
    z[0, 2] = 9.0
    return z


@exercise("ch05a.absolute_error",
          "A network gives logit 9 to class 2 and logit 0 to the other nine classes. What is "
          "seed 003's output error sum_j |p_j - onehot_j| for target 2 (p: the softmax)?",
          hint="p_2 = e^9 / (e^9 + 9); the other nine probabilities add up to 1 - p_2; the "
               "error is |p_2 - 1| plus the sum of the others. output_error(logits, [2], "
               "'absolute') computes it.",
          rtol=1e-3,
          mistakes=[(lambda a: abs(a - float(1 - np.exp(9) / (np.exp(9) + 9))) < 1e-4,
                     "That is 1 - p_2, half of it: the nine wrong classes count too.")],
          explanation="The error is 2 (1 - p_t): to reach 99.99 % confidence the genetic "
                      "algorithm must bring it below 0.0002.")
def _absolute_error():
    return float(output_error(_logits(), [2], "absolute")[0])
