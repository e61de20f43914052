"""Chapter 5b, adversarial digits and your own: questions answered with `course.adversarial`
and `course.preprocess` on the course's trained networks (`course.zoo`)."""

from functools import cache

import numpy as np

from ..adversarial import accuracy_vs_eps
from ..check import exercise
from ..preprocess import fill_frame, preprocess_batch
from ..training import accuracy
from ..zoo import trained_mlp
from ._data import bundled


@cache
def _mlp():
    return trained_mlp(bundled(), progress=False, verbose=False)[0]


@exercise("ch05b.fgsm_mlp_0_05",
          "Attack all 1,000 bundled test digits with FGSM at ε = 0.05. What share of them "
          "(a number between 0 and 1) does the course's MLP still classify right?",
          hint="accuracy_vs_eps(mlp, data.x_test, data.y_test, [0.05], 'fgsm') returns an "
               "array with one accuracy; take its only element.",
          atol=0.0015,
          mistakes=[(lambda a: isinstance(a, (int, float)) and a > 1,
                     "Give a share between 0 and 1, not a percentage.")],
          explanation="A change of 5 % of the ink scale per pixel, invisible at a glance, "
                      "already costs the MLP a large part of its accuracy.")
def _fgsm_mlp():
    d = bundled()
    return float(accuracy_vs_eps(_mlp(), d.x_test, d.y_test, [0.05], "fgsm")[0])


@exercise("ch05b.border_gain",
          "Blow the 1,000 test digits up until they touch the border (fill_frame). By how "
          "much does MNIST's preprocessing raise the MLP's accuracy on them? Answer as a "
          "share (e.g. 0.25 for 25 percentage points).",
          hint="accuracy(mlp, preprocess_batch(big), data.y_test) - accuracy(mlp, big, "
               "data.y_test) with big = fill_frame(data.x_test).",
          atol=0.0015,
          mistakes=[(lambda a: isinstance(a, (int, float)) and a < 0,
                     "The preprocessing helps here: the difference should be positive "
                     "(with preprocessing minus without).")],
          explanation="Preprocessing scales the box back to 20 × 20 and re-centres it: the "
                      "digits look like training digits again.")
def _border_gain():
    d = bundled()
    big = fill_frame(d.x_test)
    return float(accuracy(_mlp(), preprocess_batch(big), d.y_test) - accuracy(_mlp(), big, d.y_test))
