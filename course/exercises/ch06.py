"""Chapter 6, the Fourier fitness model: questions answered with `course.fourier_model`."""

import numpy as np
import torch

from ..check import exercise
from ..fourier_model import FitConfig, FourierModel, _start, fourier_features
from ._data import bundled


@exercise("ch06.degree",
          "Multiply an image x by 2. By what factor does the seed's g_k(x) = |y_k(x)| / ||x||³ "
          "change? (Answer with a number, e.g. 0.25.)",
          hint="y_k(x) multiplies s(x), which doubles when x doubles, by A·vec(x), which doubles "
               "too. Then divide by ||2x||³. Or try it: model.g(2 * x) / model.g(x).",
          mistakes=[(lambda a: a == 1, "That would be the degree-0 ratio |y_k(x)| / ||x||²; the "
                                       "seed divides by the cube of the norm."),
                    (lambda a: a == 4, "The numerator grows 4 times, but the denominator grows "
                                       "8 times.")],
          explanation="g_k is homogeneous of degree 2 − 3 = −1: halving x doubles g_k, so g_k has "
                      "no maximum (it grows without bound towards x = 0). That is why the chapter "
                      "maximises on the unit sphere.")
def _degree():
    A, B = _start(FitConfig())
    model = FourierModel(A, B, FitConfig())
    x = bundled().x_train[:1].astype(np.float64) / 255
    return float(np.round(model.g(2 * x)[0, 0] / model.g(x)[0, 0], 6))


@exercise("ch06.removed_entry",
          "Take the first bundled training digit as floats in [0, 1] (data.x_train[0] / 255). "
          "What is the entry of |vec(F x F)| that red() sets to zero?",
          hint="The first entry of F x F is the sum over all pixels of x times exp(0) = 1. "
               "np.fft.fft2(x)[0, 0] computes it too.",
          rtol=1e-4,
          explanation="The zero-frequency entry is the total ink of the digit. red() removes it, "
                      "so s(x) describes the shape of the strokes and not how much ink they use.")
def _removed_entry():
    x = bundled().x_train[0].astype(np.float64) / 255
    full = torch.fft.fft2(torch.from_numpy(x)).abs().reshape(-1)
    assert float(fourier_features(x[None])[0, 0]) == 0.0
    return float(full[0])
