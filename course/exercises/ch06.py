"""Chapter 6, the Fourier fitness model: questions answered with `course.fourier_model`,
and the model's three pieces written by the learner: the features s(x), the fitness that
training maximises, and the classifier g_k(x)."""

import numpy as np
import torch

from ..check import code_exercise, exercise
from .. import fourier_model
from ..data import bundled


@exercise("ch06.degree",
          "Multiply an image x by 2. By what factor does the video's g_k(x) = |y_k(x)| / ||x||³ "
          "change? (Answer with a number, e.g. 0.25.)",
          hint="Follow each piece when x doubles: the sizes s(x) (the Fourier transform is "
               "linear in x), A·vec(x), and ||2x||³ against ||x||³.",
          mistakes=[(lambda a: a == 1, "g_k does change when x is scaled: follow the numerator "
                                       "and the denominator ||x||³ separately."),
                    (lambda a: a == 4, "You followed the numerator |y_k(x)|; the denominator "
                                       "||x||³ changes too."),
                    (lambda a: a in (-1, 3, -3, 2),
                     "That looks like an exponent (a degree). The question asks for the factor: "
                     "g_k(2x) divided by g_k(x).")],
          explanation="g_k is homogeneous of degree 2 − 3 = −1: halving x doubles g_k, so g_k has "
                      "no maximum (it grows without bound towards x = 0). That is why the chapter "
                      "maximises on the unit sphere.")
def _degree():
    A, B = fourier_model.start_parameters(fourier_model.FitConfig())
    model = fourier_model.FourierModel(A, B, fourier_model.FitConfig())
    x = bundled().x_train[:1].astype(np.float64) / 255
    return float(np.round(model.g(2 * x)[0, 0] / model.g(x)[0, 0], 6))


def _entry_of(image) -> float:
    return float(np.abs(np.fft.fft2(image.astype(np.float64) / 255)[0, 0]))


def _first_of_class_0():
    d = bundled()
    return d.x_train[np.flatnonzero(d.y_train == 0)[0]]


@exercise("ch06.removed_entry",
          "Take the first bundled training digit as floats in [0, 1] (data.x_train[0] / 255). "
          "What is the entry of |vec(F x F)| that red() sets to zero?",
          hint="The first entry of F x F is the sum over all pixels of x times exp(0) = 1. "
               "np.fft.fft2(x)[0, 0] computes it too.",
          rtol=1e-4,
          mistakes=[(lambda a: abs(a - 255 * _removed_entry()) < 1e-2 * 255 * _removed_entry(),
                     "That is the entry for the pixels as 0..255; the question takes the digit "
                     "as floats in [0, 1] (divided by 255)."),
                    (lambda a: abs(a - _entry_of(_first_of_class_0())) < 1e-3 * abs(a) and
                     abs(a - _removed_entry()) > 1e-3 * abs(a),
                     "That is another digit: the question takes the first bundled training "
                     "digit, data.x_train[0], not the notebook's `digit`.")],
          explanation="The zero-frequency entry is the total ink of the digit. red() removes it, "
                      "so s(x) describes the shape of the strokes and not how much ink they use.")
def _removed_entry():
    x = bundled().x_train[0].astype(np.float64) / 255
    full = torch.fft.fft2(torch.from_numpy(x)).abs().reshape(-1)
    assert float(fourier_model.fourier_features(x[None])[0, 0]) == 0.0
    return float(full[0])


# ------------------------------------------------------------- write a function: s(x)

def _feature_cases():
    d = bundled()
    rng = np.random.default_rng(6)
    digits = d.x_train[[3, 141, 592, 653]].astype(np.float64) / 255
    return [(digits,),
            (d.x_test[[58, 97]].astype(np.float64) / 255,),
            (rng.random((3, 28, 28)),),
            (d.x_test[[5]].astype(np.float64) / 255,)]          # a batch of one


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


def _wrong_ortho(images):
    return np.abs(np.fft.fft2(images, norm="ortho")).reshape(len(images), -1) * (np.arange(784) > 0)


def _wrong_rows_only(images):          # |x F|: one F, along each row
    s = np.abs(np.fft.fft(images, axis=-1)).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_columns_only(images):       # |F x|: one F, along each column
    s = np.abs(np.fft.fft(images, axis=-2)).reshape(len(images), -1)
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


def _wrong_forward_norm(images):
    s = np.abs(np.fft.fft2(images, norm="forward")).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_one_column_per_image(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), -1)
    s[:, 0] = 0
    return s.T


def _wrong_red_on_the_image(images):
    images -= images.mean(axis=(1, 2), keepdims=True)   # no total ink left: but in the caller's array
    return np.abs(np.fft.fft2(images)).reshape(len(images), -1)


def _wrong_integer_array(images):
    s = np.zeros((len(images), 784), dtype=int)
    s[:] = np.abs(np.fft.fft2(images)).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_no_return(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), -1)
    s[:, 0] = 0


def _wrong_loop_over_pixels_axis(images):
    s = np.zeros((len(images), 784))
    for i in range(images.shape[1]):    # 28, the rows of an image, not the n images
        s[i] = np.abs(np.fft.fft2(images[i])).ravel()
    s[:, 0] = 0
    return s


def _wrong_real_part(images):
    s = np.real(np.fft.fft2(images)).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_centred(images):            # fftshift, as in the pictures: zero frequency in the middle
    s = np.abs(np.fft.fftshift(np.fft.fft2(images), axes=(-2, -1))).reshape(len(images), -1)
    s[:, 14 * 28 + 14] = 0
    return s


def _wrong_centred_corner_zeroed(images):
    s = np.abs(np.fft.fftshift(np.fft.fft2(images), axes=(-2, -1))).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _wrong_entry_deleted(images):
    return np.abs(np.fft.fft2(images)).reshape(len(images), -1)[:, 1:]


def _wrong_first_row_zeroed(images):   # [:, 0] of the (n, 28, 28) sizes: a whole row of each
    s = np.abs(np.fft.fft2(images))
    s[:, 0] = 0
    return s.reshape(len(images), -1)


def _wrong_first_column_zeroed(images):   # [:, :, 0] of the (n, 28, 28) sizes: a whole column
    s = np.abs(np.fft.fft2(images))
    s[:, :, 0] = 0
    return s.reshape(len(images), -1)


def _wrong_first_column_zeroed_torch(images):
    s = torch.fft.fft2(torch.from_numpy(images)).abs()
    s[..., 0] = 0.0                      # every row's first entry, not only the first row's
    return s.flatten(start_dim=1).numpy()


def _wrong_last_entry_zeroed(images):
    s = np.abs(np.fft.fft2(images)).reshape(len(images), -1)
    s[:, -1] = 0
    return s


def _right_dft_matrix(images):
    F = fourier_model.dft_matrix(28)
    s = np.abs(F @ images @ F).reshape(len(images), -1)
    s[:, 0] = 0
    return s


def _right_loop_torch(images):
    rows = []
    for x in torch.from_numpy(images):
        s = torch.fft.fft2(x).abs().flatten()
        rows.append(torch.cat([torch.zeros(1, dtype=s.dtype), s[1:]]))
    return torch.stack(rows)


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
              (_wrong_ortho,
               "You scaled the transform (norm='ortho' divides by 28); F is the plain DFT "
               "matrix, np.fft.fft2's default."),
              (_wrong_rows_only,
               "That is |x F|: the transform along each row only. s(x) uses F on both sides, "
               "F x F, the 2-D transform (along the rows and along the columns)."),
              (_wrong_columns_only,
               "That is |F x|: the transform along each column only. s(x) uses F on both "
               "sides, F x F, the 2-D transform (along the columns and along the rows)."),
              (_wrong_real_part,
               "Those are the real parts of the entries of F x F, which can be negative. s(x) "
               "takes the size |F x F| of each complex entry, its absolute value: the size "
               "does not change when the digit moves in the frame, the real part does."),
              (_wrong_centred,
               "Your sizes are in np.fft.fftshift's centred order, the zero frequency in the "
               "middle (as the notebook's pictures show them). s(x) keeps the order of F x F "
               "itself, the zero frequency first, and red() sets that first entry to 0."),
              (_wrong_centred_corner_zeroed,
               "Your sizes are in np.fft.fftshift's centred order, so the first entry you set "
               "to 0 is not the zero frequency. s(x) keeps the order of F x F itself, the "
               "zero frequency first, and red() sets that first entry to 0."),
              (_wrong_entry_deleted,
               "You deleted the zero frequency, leaving 783 sizes per image. red() keeps all "
               "784 and sets the first to 0, so that s_j still goes with B_j for every j."),
              (_wrong_first_row_zeroed,
               "You set a whole row of frequencies to 0, 28 sizes per image: on the (n, 28, 28) "
               "array, [:, 0] is the first row of each image, not one entry. red() sets only the "
               "zero frequency to 0, the first of the 784 entries (one entry of the row)."),
              (_wrong_first_column_zeroed,
               "You set a whole column of frequencies to 0, 28 sizes per image: on the "
               "(n, 28, 28) array, [:, :, 0] (or [..., 0]) is the first column of each image, "
               "the first entry of every row, not one entry. red() sets only the zero "
               "frequency to 0, the first of the 784 entries (one entry of the column)."),
              (_wrong_last_entry_zeroed,
               "You set the last of the 784 entries to 0, an ordinary frequency. red() sets the "
               "first entry to 0, the zero frequency (the total ink).")],
    wrong_examples=[(_wrong_keeps_ink, "zero frequency"),
                    (_wrong_real_part, "real parts"),
                    (_wrong_centred, "centred order"),
                    (_wrong_centred_corner_zeroed, "not the zero frequency"),
                    (_wrong_entry_deleted, "deleted the zero frequency"),
                    (_wrong_power, "squared sizes"),
                    (_wrong_columns, "row by row"),
                    (_wrong_axes, "last two"),
                    (_wrong_ortho, "norm='ortho'"),
                    (_wrong_rows_only, "F on both sides"),
                    (_wrong_columns_only, "F on both sides"),
                    (_wrong_complex, "complex"),
                    (_wrong_unflattened, "shape (4, 28, 28), but the answer has shape (4, 784)"),
                    (_wrong_forward_norm, "An extra 1/784"),
                    (_wrong_one_column_per_image, "transposed"),
                    (_wrong_red_on_the_image, "changes its input"),
                    (_wrong_integer_array, "whole numbers"),
                    (_wrong_no_return, "return"),
                    (_wrong_loop_over_pixels_axis, "IndexError"),
                    (_wrong_first_row_zeroed, "a whole row of frequencies"),
                    (_wrong_first_column_zeroed, "a whole column of frequencies"),
                    (_wrong_first_column_zeroed_torch, "a whole column of frequencies"),
                    (_wrong_last_entry_zeroed, "the last of the 784 entries")],
    right_examples=[_right_dft_matrix, _right_loop_torch],
    reference=_reference_features,
    explanation="np.fft.fft2 computes F x F for every image; its size |F x F| does not "
                "change when the digit is moved around the frame, and red() drops the "
                "total ink.")
def fourier_features(images):
    s = np.abs(np.fft.fft2(images))        # |F x F| for every image: (n, 28, 28)
    s = s.reshape(len(images), 784)        # vec(), row by row: (n, 784)
    s[:, 0] = 0                            # red(): the zero frequency, the total ink
    return s


# ------------------------------------------------------------- write a function: the fitness

def _fitness_cases():
    """Scores of both signs (log needs |.|), batches of 100, 7, 1 and 33 digits (never 10),
    hidden sizes h other than 10 (so that a transposed B_j shows)."""
    rng = np.random.default_rng(60)
    cases = []
    for n, h in ((100, 20), (7, 7), (1, 3), (33, 12)):
        Y = 3 * rng.standard_normal((n, 10))
        labels = rng.integers(0, 10, size=n)
        A = rng.random((h, 784))
        B = rng.standard_normal((784, 10, h))
        cases.append((Y, labels, A, B))
    return cases


def _fitness_sum(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.sum(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_all_labels(Y, labels, A, B):
    own = Y[:, labels]                   # (n, n): every digit's scores of every label
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_largest(Y, labels, A, B):
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(Y).max(axis=1))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_Z_other_side(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jik,jlk->il", B, B)   # Σ_j B_j B_jᵀ: 10 × 10
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_norm_of_Z(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z)) / 4)


def _fitness_spectral(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A, 2)) / 2
            - np.log(np.linalg.norm(Z @ Z, 2)) / 4)


def _fitness_data_only(Y, labels, A, B):
    return np.mean(np.log(np.abs(Y[np.arange(len(Y)), labels])))


def _fitness_weights_swapped(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 4
            - np.log(np.linalg.norm(Z @ Z)) / 2)


def _fitness_no_abs(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(own)) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_a_loss(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return -(np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
             - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_no_return(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    f = (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2   # noqa: F841
         - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_per_digit(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.log(np.abs(own)) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_abs_in_place(Y, labels, A, B):
    np.abs(Y, out=Y)
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(own)) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_matrix_product_of_stacks(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = B.T @ B
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_batch_of_ten(Y, labels, A, B):
    own = Y[np.arange(10), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_Z_squared_entrywise(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z ** 2)) / 4)


def _fitness_norm_of_A(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_index_swapped(Y, labels, A, B):
    own = Y[labels, np.arange(len(Y))]   # [column, row]: labels as the row numbers
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_B_summed_first(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    S = B.sum(axis=0)                    # Σ_j B_j, then one product: (Σ_j B_j)ᵀ (Σ_j B_j)
    Z = S.T @ S
    return (np.mean(np.log(np.abs(own))) - np.log(np.linalg.norm(A.T @ A)) / 2
            - np.log(np.linalg.norm(Z @ Z)) / 4)


def _fitness_log10(Y, labels, A, B):
    own = Y[np.arange(len(Y)), labels]
    Z = np.einsum("jki,jkl->il", B, B)
    return (np.mean(np.log10(np.abs(own))) - np.log10(np.linalg.norm(A.T @ A)) / 2
            - np.log10(np.linalg.norm(Z @ Z)) / 4)


def _right_fitness_loops(Y, labels, A, B):
    own = np.array([Y[i, c] for i, c in enumerate(labels)])
    Z = np.zeros((B.shape[2], B.shape[2]))
    for Bj in B:
        Z += Bj.T @ Bj
    return (np.log(np.abs(own)).mean() - 0.5 * np.log(np.linalg.norm(A @ A.T))
            - 0.25 * np.log(np.linalg.norm(Z @ Z)))


def _right_fitness_torch(Y, labels, A, B):
    Y, A, B = torch.from_numpy(Y), torch.from_numpy(A), torch.from_numpy(B)
    own = Y.gather(1, torch.from_numpy(labels)[:, None])
    Bf = B.reshape(-1, B.shape[-1])
    Z = Bf.T @ Bf
    # log ||M||_F = log(sum of squares) / 2
    return (own.abs().log().mean() - ((A.T @ A) ** 2).sum().log() / 4
            - ((Z @ Z) ** 2).sum().log() / 8)


@code_exercise(
    "ch06.fitness",
    "Write fitness(Y, labels, A, B): the fitness that training maximises, one number, "
    "(1/n) Σ_i log|y_{c_i}(D_i)| − ½ log‖AᵀA‖ − ¼ log‖Z²‖ with Z = Σ_j B_jᵀ B_j and ‖·‖ the "
    "Frobenius norm. Y: (n, 10), Y[i, k] = y_k(D_i), the scores of n training digits; "
    "labels: (n,) their classes c_i; A: (h, 784); B: (784, 10, h), B[j] = B_j.",
    hint="Pick one score per row: index Y with two arrays, the row numbers 0, ..., n − 1 and "
         "the labels. np.linalg.norm of a matrix is the Frobenius norm. Z is h × h: a sum of "
         "784 products, one per B_j (a loop, or np.einsum).",
    cases=_fitness_cases,
    mistakes=[(_fitness_sum,
               "The first term is a mean over the n digits, (1/n) Σ_i: divide the sum by n "
               "(or use np.mean)."),
              (_fitness_all_labels,
               "Y[:, labels] takes, for every digit, the scores of all n labels (an n × n "
               "array). Each digit i needs one score, y_{c_i}(D_i): the entry in row i and "
               "column labels[i]."),
              (_fitness_largest,
               "That takes each digit's largest score. The fitness looks at the score of the "
               "digit's own class c_i, whatever the other nine are."),
              (_fitness_Z_other_side,
               "Your Z is Σ_j B_j B_jᵀ, 10 × 10. The fitness has Z = Σ_j B_jᵀ B_j, h × h: "
               "the transpose comes first."),
              (_fitness_norm_of_Z,
               "The last term is ¼ log‖Z²‖, the norm of Z² = Z @ Z, not of Z."),
              (_fitness_spectral,
               "np.linalg.norm(M, 2) of a matrix is its largest singular value. ‖·‖ here is "
               "the Frobenius norm, the square root of the sum of the squared entries: "
               "np.linalg.norm(M)."),
              (_fitness_data_only,
               "The two norm terms, −½ log‖AᵀA‖ and −¼ log‖Z²‖, are part of the fitness: "
               "without them the fitness grows by just making A and B bigger."),
              (_fitness_weights_swapped,
               "The weights ½ and ¼ belong the other way round: ½ with log‖AᵀA‖, ¼ with "
               "log‖Z²‖."),
              (_fitness_Z_squared_entrywise,
               "Z ** 2 squares each entry of Z. Z² in ¼ log‖Z²‖ is the matrix Z times itself, "
               "a matrix product (@ in numpy)."),
              (_fitness_norm_of_A,
               "The middle term, −½ log‖AᵀA‖, takes the norm of AᵀA, the 784 × 784 product "
               "of Aᵀ and A, not the norm of A."),
              (_fitness_no_abs,
               "Your fitness is NaN: the log of a negative score. Scores y_k can have either "
               "sign; the data term takes log|y_{c_i}(D_i)|, the log of each own score's size "
               "(np.abs)."),
              (_fitness_B_summed_first,
               "Your Z is (Σ_j B_j)ᵀ(Σ_j B_j): you added the B_j before multiplying, which "
               "brings in the cross terms B_jᵀ B_k of two different j and k. Z = Σ_j B_jᵀ B_j "
               "multiplies each B_j by its own transpose first, then adds the 784 products."),
              (_fitness_log10,
               "You took logarithms to base 10 (np.log10). log in the fitness is the natural "
               "logarithm, np.log, as in the course's model.")],
    wrong_examples=[(_fitness_sum, "mean over the n digits"),
                    (_fitness_all_labels, "Each digit i needs one score"),
                    (_fitness_largest, "own class"),
                    (_fitness_Z_other_side, "the transpose comes first"),
                    (_fitness_norm_of_Z, "not of Z"),
                    (_fitness_spectral, "Frobenius"),
                    (_fitness_data_only, "norm terms"),
                    (_fitness_weights_swapped, "other way round"),
                    (_fitness_Z_squared_entrywise, "squares each entry of Z"),
                    (_fitness_norm_of_A, "not the norm of A"),
                    (_fitness_no_abs, "the log of a negative score"),
                    (_fitness_a_loss, "opposite sign"),
                    (_fitness_no_return, "return"),
                    (_fitness_per_digit, "mean over the batch"),
                    (_fitness_abs_in_place, "changes its input `Y`"),
                    (_fitness_matrix_product_of_stacks, "ValueError"),
                    (_fitness_batch_of_ten, "IndexError"),
                    (_fitness_index_swapped, "IndexError"),
                    (_fitness_B_summed_first, "added the B_j before multiplying"),
                    (_fitness_log10, "base 10")],
    right_examples=[_right_fitness_loops, _right_fitness_torch],
    explanation="The data term rewards each digit's own score; the two norm terms do not "
                "change when A or B is multiplied by a number c (log‖(cA)ᵀ(cA)‖ = 2 log c + "
                "log‖AᵀA‖, and ½ of it cancels the log c the scores gain), so the fitness "
                "measures the shape of A and B, not their size.")
def fitness(Y, labels, A, B):
    n = len(Y)
    own = Y[np.arange(n), labels]                  # y_{c_i}(D_i): each digit's own score
    Z = np.einsum("jki,jkl->il", B, B)             # Σ_j B_jᵀ B_j: (h, h)
    return (np.mean(np.log(np.abs(own)))           # (1/n) Σ_i log|y_{c_i}(D_i)|
            - np.log(np.linalg.norm(A.T @ A)) / 2  # − ½ log‖AᵀA‖
            - np.log(np.linalg.norm(Z @ Z)) / 4)   # − ¼ log‖Z²‖


# ------------------------------------------------------------- write a function: g_k(x)

def _g_cases():
    """One image each (a training digit, a held-out digit, noise) with random A and B of
    hidden sizes 7, 20 and 3 (not 10, so a transposed B_j shows), entries of both signs."""
    d = bundled()
    rng = np.random.default_rng(61)
    cases = []
    for h, image in ((7, d.x_train[5]), (20, d.x_test[3]), (3, None)):
        x = rng.random((28, 28)) if image is None else image.astype(np.float64) / 255
        A = rng.standard_normal((h, 784))
        B = rng.standard_normal((784, 10, h))
        cases.append((x, A, B))
    return cases


def _reference_g(x, A, B):
    model = fourier_model.FourierModel(torch.from_numpy(A), torch.from_numpy(B),
                                       fourier_model.FitConfig())
    return model.g(x[None], power=3)[0]


_F = fourier_model.dft_matrix(28)


def _g_parts(x, A, B, s=None, vec=None):
    """|y(x)| for the wrong examples, with s and vec(x) replaceable."""
    if s is None:
        s = np.abs(_F @ x @ _F).ravel()
        s[0] = 0
    vec = x.ravel() if vec is None else vec
    return np.tensordot(s, B, axes=1) @ (A @ vec)


def _g_no_abs(x, A, B):
    return _g_parts(x, A, B) / np.linalg.norm(x) ** 3


def _g_square(x, A, B):
    return np.abs(_g_parts(x, A, B)) / np.linalg.norm(x) ** 2


def _g_keeps_ink(x, A, B):
    return np.abs(_g_parts(x, A, B, s=np.abs(_F @ x @ _F).ravel())) / np.linalg.norm(x) ** 3


def _g_one_F(x, A, B):
    s = np.abs(_F @ x).ravel()
    s[0] = 0
    return np.abs(_g_parts(x, A, B, s=s)) / np.linalg.norm(x) ** 3


def _g_columns(x, A, B):               # Julia's vec: column by column, for s and for A·vec(x)
    s = np.abs(_F @ x @ _F).T.ravel()
    s[0] = 0
    return np.abs(_g_parts(x, A, B, s=s, vec=x.T.ravel())) / np.linalg.norm(x) ** 3


def _g_power(x, A, B):
    s = np.abs(_F @ x @ _F).ravel() ** 2
    s[0] = 0
    return np.abs(_g_parts(x, A, B, s=s)) / np.linalg.norm(x) ** 3


def _g_spectral(x, A, B):
    return np.abs(_g_parts(x, A, B)) / np.linalg.norm(x, 2) ** 3


def _g_no_division(x, A, B):
    return np.abs(_g_parts(x, A, B))


def _g_fourth(x, A, B):
    return np.abs(_g_parts(x, A, B)) / np.linalg.norm(x) ** 4


def _g_ink_as_norm(x, A, B):
    return np.abs(_g_parts(x, A, B)) / x.sum() ** 3


def _g_l1_length_loop(x, A, B):        # the length of x taken as the sum of its pixels
    s = np.abs(np.fft.fft2(x)).flatten()
    s[0] = 0
    y = np.einsum("j,jkl->kl", s, B) @ (A @ x.flatten())
    length = np.abs(x).sum()
    return np.abs(y) / length ** 3


def _g_undivided_loop(x, A, B):
    s = np.abs(np.fft.fft2(x)).ravel()
    M = sum(s[j] * B[j] for j in range(1, 784))
    return np.abs(M @ (A @ x.ravel()))


def _g_negative(x, A, B):
    return -np.abs(_g_parts(x, A, B)) / np.linalg.norm(x) ** 3


def _g_column_vector(x, A, B):
    s = np.abs(_F @ x @ _F).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x.reshape(-1, 1))
    return np.abs(y) / np.linalg.norm(x) ** 3


def _g_unit_image_in_place(x, A, B):
    x /= np.linalg.norm(x)               # onto the unit sphere, in the caller's array
    return np.abs(_g_parts(x, A, B))


def _g_unflattened(x, A, B):
    s = np.abs(_F @ x @ _F).ravel()
    s[0] = 0
    y = np.tensordot(s, B, axes=1) @ (A @ x)
    return np.abs(y) / np.linalg.norm(x) ** 3


def _g_B_transposed(x, A, B):
    s = np.abs(_F @ x @ _F).ravel()
    s[0] = 0
    M = np.tensordot(s, B.transpose(0, 2, 1), axes=1)
    return np.abs(M @ (A @ x.ravel())) / np.linalg.norm(x) ** 3


def _g_no_return(x, A, B):
    g = np.abs(_g_parts(x, A, B)) / np.linalg.norm(x) ** 3   # noqa: F841


def _g_raw_pixel_scale(x, A, B):       # x / 255 first, as if x held raw pixels 0..255
    x = x / 255
    return np.abs(_g_parts(x, A, B)) / np.linalg.norm(x) ** 3


def _right_g_fft(x, A, B):
    s = np.abs(np.fft.fft2(x)).reshape(784)
    s[0] = 0
    y = np.einsum("j,jkl,l->k", s, B, A @ x.reshape(784))
    return np.abs(y) / np.sqrt((x ** 2).sum()) ** 3


def _right_g_loop(x, A, B):
    s = np.abs(np.fft.fft2(x)).ravel()
    M = np.zeros(B.shape[1:])
    for j in range(1, 784):               # j = 0 is the zero frequency: red() drops it
        M += s[j] * B[j]
    return np.abs(M @ A @ x.ravel()) / np.linalg.norm(x.ravel()) ** 3


def _right_g_torch(x, A, B):
    x, A, B = torch.from_numpy(x), torch.from_numpy(A), torch.from_numpy(B)
    s = torch.fft.fft2(x).abs().flatten()
    s[0] = 0
    y = torch.einsum("j,jkl->kl", s, B) @ (A @ x.flatten())
    return y.abs() / x.norm() ** 3


@code_exercise(
    "ch06.g_scores",
    "Write g_scores(x, A, B): the video's classifier functions g_k(x) = |y_k(x)| / ‖x‖³ of "
    "one image x (28, 28) of floats, all ten k at once, an array (10,), with "
    "y(x) = (Σ_j s_j(x) B_j) A vec(x), s(x) = |red(vec(F x F))|, A: (h, 784), "
    "B: (784, 10, h) with B[j] = B_j, and vec() row by row.",
    hint="Four steps, one line each: the 784 sizes s with red(); the 10 × h matrix Σ_j s_j B_j "
         "(the text names a numpy function that sums s[j] * B[j] over j); the ten scores; "
         "their sizes over ‖x‖³, with ‖x‖ the length of all 784 pixels.",
    cases=_g_cases,
    mistakes=[(_g_no_abs,
               "Some of your values are negative: g_k takes the size |y_k(x)| of each score "
               "(np.abs), as the fitness does."),
              (_g_square,
               "You divided by ‖x‖²: the video's g_k divides by the cube, ‖x‖³."),
              (_g_keeps_ink,
               "You kept the zero frequency, the total ink, in s(x): red() sets the first of "
               "the 784 sizes to 0."),
              (_g_one_F,
               "s(x) uses F on both sides, F x F (the 2-D transform); |F x| transforms along "
               "the columns only."),
              (_g_columns,
               "You flattened column by column (Julia's vec). The course's A and B were "
               "trained with numpy's order, row by row: x.ravel()."),
              (_g_power,
               "Those are the squared sizes |F x F|². The model's s(x) uses the sizes "
               "|F x F| themselves."),
              (_g_spectral,
               "np.linalg.norm(x, 2) of a 28 × 28 array is its largest singular value. ‖x‖ is "
               "the length of the image as a vector of 784 pixels: np.linalg.norm(x)."),
              (_g_ink_as_norm,
               "You divided by the cube of the sum of the pixels, the image's L1 length (its "
               "total ink). ‖x‖ in g_k is the ordinary length of the image as a vector of 784 "
               "pixels, the square root of the sum of their squares (np.linalg.norm(x))."),
              (_g_no_division,
               "Your values are the sizes |y_k(x)| themselves: you did not divide them by "
               "‖x‖³. The video's g_k divides each size by the cube of the image's length "
               "(np.linalg.norm(x) ** 3)."),
              (_g_raw_pixel_scale,
               "You divided the image by 255, as if it held raw pixels 0..255. x is already "
               "floats in [0, 1] (the notebook passes x_held[0] / 255): use it as it is, "
               "since g_k changes when x is rescaled.")],
    wrong_examples=[(_g_no_abs, "the size |y_k(x)|"),
                    (_g_raw_pixel_scale, "divided the image by 255"),
                    (_g_square, "‖x‖³"),
                    (_g_keeps_ink, "zero frequency"),
                    (_g_one_F, "F on both sides"),
                    (_g_columns, "row by row"),
                    (_g_power, "squared sizes"),
                    (_g_spectral, "largest singular value"),
                    (_g_no_division, "did not divide them by ‖x‖³"),
                    (_g_undivided_loop, "did not divide them by ‖x‖³"),
                    (_g_fourth, "times the right"),
                    (_g_ink_as_norm, "L1 length"),
                    (_g_l1_length_loop, "L1 length"),
                    (_g_negative, "opposite sign"),
                    (_g_column_vector, "shape"),
                    (_g_unit_image_in_place, "changes its input `x`"),
                    (_g_unflattened, "ValueError"),
                    (_g_B_transposed, "ValueError"),
                    (_g_no_return, "return")],
    right_examples=[_right_g_fft, _right_g_loop, _right_g_torch],
    reference=_reference_g,
    explanation="s(x) = |vec(F x F)| with red(); Σ_j s_j B_j mixes the 784 matrices B_j into "
                "one 10 × h matrix; it multiplies the h numbers A vec(x); g_k is the size of "
                "each score over ‖x‖³. The classifier picks the k with the largest g_k(x).")
def g_scores(x, A, B):
    F = np.exp(-2j * np.pi * np.outer(np.arange(28), np.arange(28)) / 28)   # F[a, b] = e^(−2πi ab/28)
    s = np.abs(F @ x @ F).ravel()        # s = |vec(F x F)|: 784 sizes
    s[0] = 0                             # red(): drop the zero frequency, the total ink
    M = np.tensordot(s, B, axes=1)       # Σ_j s_j B_j: one 10 × h matrix
    y = M @ (A @ x.ravel())              # y(x) = (Σ_j s_j B_j) A vec(x): ten scores
    return np.abs(y) / np.linalg.norm(x) ** 3
