"""Chapter 6, the Fourier fitness model: questions answered with `course.fourier_model`."""

import numpy as np
import torch

from ..check import code_exercise, exercise
from .. import fourier_model
from ..data import bundled


@exercise("ch06.degree",
          "Multiply an image x by 2. By what factor does the video's g_k(x) = |y_k(x)| / ||x||³ "
          "change? (Answer with a number, e.g. 0.25.)",
          hint="y_k(x) multiplies s(x), which doubles when x doubles, by A·vec(x), which doubles "
               "too. Then divide by ||2x||³. Or try it: model.g(2 * x) / model.g(x).",
          mistakes=[(lambda a: a == 1, "That would be the degree-0 ratio |y_k(x)| / ||x||²; the "
                                       "video divides by the cube of the norm."),
                    (lambda a: a == 4, "The numerator grows 4 times, but the denominator grows "
                                       "8 times.")],
          explanation="g_k is homogeneous of degree 2 − 3 = −1: halving x doubles g_k, so g_k has "
                      "no maximum (it grows without bound towards x = 0). That is why the chapter "
                      "maximises on the unit sphere.")
def _degree():
    A, B = fourier_model.start_parameters(fourier_model.FitConfig())
    model = fourier_model.FourierModel(A, B, fourier_model.FitConfig())
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
    assert float(fourier_model.fourier_features(x[None])[0, 0]) == 0.0
    return float(full[0])


# --------------------------------------------------------------------- write a function

def _feature_cases():
    d = bundled()
    rng = np.random.default_rng(6)
    digits = d.x_train[[3, 141, 592, 653]].astype(np.float64) / 255
    return [(digits,),
            (d.x_test[[58, 97]].astype(np.float64) / 255,),
            (rng.random((3, 28, 28)),)]


def _reference_features(images):
    return fourier_model.fourier_features(images).numpy()


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_keeps_ink(images):
    return np.abs(np.fft.fft2(images)).reshape(len(images), -1)


def _wrong_power(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), -1) ** 2
    s[:, 0] = 0
    return s


def _wrong_columns(images):
    s = np.abs(np.fft.fft2(images)).transpose(0, 2, 1).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_axes(images):
    s = np.abs(np.fft.fft2(images, axes=(0, 1))).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_complex(images):
    s = np.fft.fft2(images).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_unflattened(images):
    s = np.abs(np.fft.fft2(images))
    s[:, 0, 0] = 0
    return s


@code_exercise(
    "ch06.fourier_features",
    "Write fourier_features(images): for n images (n, 28, 28) of floats, the features s(x) "
    "of each, an array (n, 784): the size |F x F| of every frequency of the image's 2-D "
    "Fourier transform, flattened row by row, with the first entry (the zero frequency) set "
    "to 0 (red()).",
    hint="np.fft.fft2 transforms the last two axes of an array, so it computes F x F for "
         "every image at once. np.abs gives the sizes; reshape to (n, 784); then zero column 0.",
    cases=_feature_cases,
    mistakes=[(_wrong_keeps_ink,
               "You kept the zero frequency, the total ink of each image: red() sets the first "
               "entry of each row to 0."),
              (_wrong_power,
               "Those are the squared sizes |F x F|², the power spectrum. The model uses the "
               "sizes |F x F| themselves (np.abs, not squared)."),
              (_wrong_columns,
               "Right values, wrong order: numpy flattens row by row (reshape), as the course's "
               "model does; you flattened column by column."),
              (_wrong_axes,
               "The transform must run over the two axes of each image (the last two), not "
               "over the axis that counts the images."),
              (lambda images: np.abs(np.fft.fft2(images, norm="ortho")).reshape(len(images), -1)
               * (np.arange(784) > 0),
               "You scaled the transform (norm='ortho' divides by 28); F is the plain DFT "
               "matrix, np.fft.fft2's default.")],
    wrong_examples=[(_wrong_keeps_ink, "zero frequency"),
                    (_wrong_power, "squared sizes"),
                    (_wrong_columns, "row by row"),
                    (_wrong_axes, "last two"),
                    (_wrong_complex, "complex128"),
                    (_wrong_unflattened, "has shape (4, 28, 28), but the answer has shape (4, 784)")],
    reference=_reference_features,
    explanation="np.fft.fft2 computes F x F for every image; its size |F x F| does not "
                "change when the digit is moved around the frame, and red() drops the "
                "total ink.")
def fourier_features(images):
    s = np.abs(np.fft.fft2(images))        # |F x F| for every image: (n, 28, 28)
    s = s.reshape(len(images), 784)        # vec(), row by row: (n, 784)
    s[:, 0] = 0                            # red(): the zero frequency, the total ink
    return s
