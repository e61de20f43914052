"""Chapter 3, What did it learn: questions answered from the chapter's models, and three
functions the learner writes before the chapter uses them: the contrast images (the
class-mean picture the linear templates follow), the confusion matrix, and the saliency
map by autograd.

The chapter's network is `course.zoo`'s MLP (`MLP_SIZES`, `MLP_CONFIG`, `chapter_mlp`),
so that the notebook and the exercises look at the very same model.
"""

import warnings
from functools import cache

import numpy as np
import torch

from ..check import code_exercise, exercise
from ..interpret import confusion_matrix, linear_templates, pixels, saliency
from ..training import predict
from ..zoo import MLP_CONFIG, MLP_SIZES, trained_mlp
from ..data import bundled

__all__ = ["MLP_CONFIG", "MLP_SIZES", "chapter_mlp", "confusion_counts", "contrast_images",
           "saliency_map"]

# The chapter's network is the course's MLP (`course.zoo`), shared with chapter 5.
chapter_mlp = trained_mlp


#: Weights and biases of the chapter's network: sum over layers of n_out * (n_in + 1).
_MLP_PARAMETERS = sum(n_out * (n_in + 1) for n_in, n_out in zip(MLP_SIZES[:-1], MLP_SIZES[1:]))


@cache
def _logistic():
    d = bundled()
    return linear_templates(d.x_train, d.y_train, kind="logistic")


@cache
def _mlp_confusion() -> np.ndarray:
    d = bundled()
    model, _, _ = chapter_mlp(progress=False, verbose=False)
    return confusion_matrix(d.y_test, predict(model, d.x_test))


@exercise("ch03.logistic_parameters",
          "How many numbers (weights and biases) does the logistic regression learn?",
          hint="Each class has a template with one weight per pixel, and one bias. Count the "
               "pixels of a digit, then the classes. (model.coef_ and model.intercept_ hold them.)",
          mistakes=[(lambda a: a == 784 * 10, "Close: you counted the weights, but each class "
                                              "also has a bias (model.intercept_)."),
                    (lambda a: a in (784, 785), "That is one class's template (and bias); there "
                                                "is one for each of the ten classes.")],
          explanation=f"Ten templates of 784 weights and ten biases: {10 * 784 + 10:,} numbers, "
                      f"about a tenth of the {_MLP_PARAMETERS:,} of the chapter's network.")
def _logistic_parameters():
    model, _ = _logistic()
    return int(model.coef_.size + model.intercept_.size)


def _linear_maps() -> np.ndarray:
    """The class-3 saliency map of the logistic regression (C = 0.1) for every test digit,
    by autograd: (1000, 784) float64, row i = d s_3 / d x at test digit i."""
    import torch

    model, _ = _logistic()
    score = torch.nn.utils.skip_init(torch.nn.Linear, 784, 10).double()   # no random draws
    with torch.no_grad():
        score.weight.copy_(torch.from_numpy(model.coef_.astype(np.float64)))
        score.bias.copy_(torch.from_numpy(model.intercept_.astype(np.float64)))
    x = torch.from_numpy(pixels(bundled().x_test)).requires_grad_(True)
    score(x)[:, 3].sum().backward()    # the digits do not interact: row i is d s_3(x_i) / d x_i
    return x.grad.numpy()


@exercise("ch03.linear_saliency",
          "Take the logistic regression logreg instead of the network. Its class-3 score s_3 "
          "has a saliency map d s_3 / d x at each of the 1,000 test digits. How many "
          "different maps are there among those 1,000?",
          hint="Write the score as a formula of the pixels, s_3(x) = w_3 . x + b_3, and "
               "differentiate it with respect to one pixel x_p. Which symbols are left, and "
               "which of them change from one digit to the next?",
          mistakes=[(lambda a: a == len(bundled().x_test),
                     "Is every digit's map really its own? Differentiate s_3(x) = w_3 . x + b_3 "
                     "with respect to one pixel x_p, and look at each symbol that is left: "
                     "which of them belong to the digit?"),
                    (lambda a: a == 10,
                     "Ten is the number of classes, but the question is about one score, s_3, "
                     "at many digits."),
                    (lambda a: a == 784,
                     "784 is the number of pixels, the size of each map; the question is how "
                     "many different maps the test digits give."),
                    (lambda a: a == 0,
                     "Zero would mean the test digits have no saliency maps at all, but each "
                     "digit has its d s_3 / d x (a map of zeros would still be a map). The "
                     "question counts the different ones: equal maps count together, once. "
                     "Differentiate s_3(x) = w_3 . x + b_3 with respect to one pixel x_p: "
                     "which symbols are left?"),
                    (lambda a: a == 2,
                     "Count maps, not the terms of the formula (w_3 and b_3) or two kinds of "
                     "digit (3s and the rest): does the formula know which class a digit is? "
                     "Differentiate s_3(x) = w_3 . x + b_3 with respect to one pixel x_p, and "
                     "look at each symbol that is left: which of them belong to the digit?"),
                    (lambda a: isinstance(a, (int, np.integer)) and 0 < a < len(bundled().x_test),
                     "You can answer this one with pen and paper: write s_3 as a formula of "
                     "the pixels, s_3(x) = w_3 . x + b_3, differentiate it with respect to one "
                     "pixel x_p, and see which of the symbols left change from one digit to "
                     "the next.")],
          explanation="d s_3 / d x_p = w_3,p: the map is the class's template w_3, the same "
                      "for every digit, so the 1,000 maps are one. Saliency only becomes "
                      "digit-specific when the model is not linear, as the network's ReLUs "
                      "switch on and off.",
          categorical=True)
def _linear_saliency():
    return int(len(np.unique(_linear_maps(), axis=0)))


def _false_nines() -> int:
    cm = _mlp_confusion()
    return int(cm[:, 9].sum() - cm[9, 9])


@exercise("ch03.false_nines",
          "Of the test digits the chapter's network calls 9, how many are not 9s?",
          hint="In cm, row i holds the digits labelled i and column j the digits the network "
               "called j. Which line of cm holds every digit called 9, and which of its cells "
               "are the real 9s?",
          mistakes=[(lambda a: a == int(_mlp_confusion()[9].sum() - _mlp_confusion()[9, 9]),
                     "That counts the 9s the network called something else: you read row 9. "
                     "The question is about the digits it *called* 9, whatever their label."),
                    (lambda a: a == int(_mlp_confusion()[:, 9].sum()),
                     "That is every digit the network called 9, including the real 9s it got "
                     "right. Leave those out.")],
          explanation="Column 9 of the confusion matrix holds every digit the network called 9; "
                      "all its cells except the diagonal one are mistakes.")
def _false_nines_answer():
    return _false_nines()


# --------------------------------------------------------------------- write a function
#
# 1. contrast_images: the mean digit of each class minus the mean of all digits, the
#    picture the logistic regression's templates follow.

def _contrast_cases():
    """Bundled training digits in classes of different sizes (so that the mean of the ten
    class means is not the mean of all digits), one class with a single digit. The first
    case crops the digits to their middle 16 rows and widens them with blank paper to 49
    columns: 16 x 49 = 784 pixels that are not 28 x 28, so that code with 784 or 28 written
    into it returns a picture of the wrong size (where it would fail on another size) and
    a transpose shows; the second crops them to 20 x 28."""
    d = bundled()
    rng = np.random.default_rng(30)
    cases = []
    for sizes, crop, label_dtype in (((3, 11, 1, 7, 20, 5, 9, 2, 14, 6), "20x28", np.int64),
                                     ((1, 4, 9, 2, 30, 6, 3, 12, 5, 17), "", np.int64),
                                     ((60, 25, 40, 33, 8, 51, 19, 44, 12, 70), "", np.uint8),
                                     ((2, 5, 8, 1, 4, 9, 3, 6, 12, 7), "16x49", np.int64)):
        index = np.concatenate([rng.choice(np.flatnonzero(d.y_train == c), n, replace=False)
                                for c, n in enumerate(sizes)])
        rng.shuffle(index)
        images = d.x_train[index]
        if crop == "20x28":
            images = np.ascontiguousarray(images[:, 4:24, :])
        elif crop == "16x49":
            images = np.pad(images[:, 6:22, :], ((0, 0), (0, 0), (10, 11)))
        cases.append((images, d.y_train[index].astype(label_dtype)))
    return [cases[-1]] + cases[:-1]


def _class_means(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


# Typical wrong implementations (the tests check that each gets the right message).

def _contrast_no_subtraction(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def _contrast_mean_of_means(images, labels):
    x = images / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def _contrast_other_classes(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x[labels != c].mean(axis=0) for c in range(10)])


def _contrast_no_255(images, labels):
    x = images.astype(float)
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def _contrast_digit_c(images, labels):
    x = images / 255.0
    return np.stack([x[c] - x.mean(axis=0) for c in range(10)])


def _contrast_one_number(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean() for c in range(10)])


def _contrast_over_n(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].sum(axis=0) / len(x) for c in range(10)]) - x.mean(axis=0)


def _contrast_over_n_loop(images, labels):
    x = images.astype(np.float64) / 255
    n = len(images)
    overall = x.sum(axis=0) / n
    return np.stack([x[labels == c].sum(axis=0) / n - overall for c in range(10)])


def _contrast_floor_255(images, labels):
    x = images // 255
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def _contrast_floor_255_float(images, labels):
    x = np.floor_divide(images, 255.0)
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def _contrast_range_9(images, labels):
    x = images / 255.0
    out = np.zeros((10,) + images.shape[1:])
    for c in range(9):
        out[c] = x[labels == c].mean(axis=0) - x.mean(axis=0)
    return out


def _contrast_sign(images, labels):
    x = images / 255.0
    return np.stack([x.mean(axis=0) - x[labels == c].mean(axis=0) for c in range(10)])


def _contrast_nine_classes(images, labels):
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(9)])


def _contrast_transposed(images, labels):
    x = images.transpose(0, 2, 1) / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def _contrast_no_return(images, labels):
    x = images / 255.0
    out = np.zeros((10,) + x.shape[1:])
    for c in range(10):
        out[c] = x[labels == c].mean(axis=0) - x.mean(axis=0)


def _contrast_hard_coded_28(images, labels):
    x = images.reshape(len(images), 784) / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return (means - x.mean(axis=0)).reshape(10, 28, 28)


def _contrast_hard_coded_28_3d(images, labels):
    x = images.reshape(-1, 28, 28) / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def _contrast_half_scaled(images, labels):
    overall = images.mean(axis=0)                  # still 0..255
    return np.stack([images[labels == c].mean(axis=0) / 255 - overall for c in range(10)])


def _contrast_other_half_scaled(images, labels):
    overall = images.mean(axis=0) / 255
    return np.stack([images[labels == c].mean(axis=0) - overall for c in range(10)])


def _contrast_half_scaled_loop(images, labels):
    out = np.zeros((10,) + images.shape[1:])
    mean_all = images.astype(np.float64).mean(axis=0)
    for c in range(10):
        out[c] = images[labels == c].astype(np.float64).mean(axis=0) / 255.0 - mean_all
    return out


def _contrast_flat(images, labels):
    x = images.reshape(len(images), -1) / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def _contrast_from_1(images, labels):
    x = images / 255.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)     # the mean of no digits, class 10
        return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(1, 11)])


def _contrast_by_256(images, labels):
    x = images / 256
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)]) - x.mean(axis=0)


def _contrast_by_256_loop(images, labels):
    overall = images.astype(np.float64).mean(axis=0) / 256.0
    out = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        out[c] = images[labels == c].astype(np.float64).mean(axis=0) / 256.0 - overall
    return out


def _contrast_uint8_means(images, labels):
    overall = images.mean(axis=0).astype(np.uint8)          # the fractions cut off, as bytes
    means = np.stack([images[labels == c].mean(axis=0) for c in range(10)]).astype(np.uint8)
    return (means - overall) / 255                           # uint8 - uint8 wraps below 0


def _contrast_uint8_rounded(images, labels):
    overall = np.round(images.mean(axis=0)).astype(np.uint8)
    out = []
    for c in range(10):
        mean_c = np.round(images[labels == c].mean(axis=0)).astype(np.uint8)
        out.append((mean_c - overall) / 255.0)
    return np.array(out)


# Other right ways to write it (check must accept them).

def _contrast_sums_loop(images, labels):
    sums = np.zeros((10,) + images.shape[1:])
    counts = np.zeros(10)
    for image, label in zip(images, labels):
        sums[label] += image / 255
        counts[label] += 1
    means = sums / counts[:, None, None]
    return means - sums.sum(axis=0) / counts.sum()


def _contrast_one_hot(images, labels):
    n = len(images)
    x = images.reshape(n, -1).astype(np.float64) / 255
    one_hot = (labels[:, None] == np.arange(10)).astype(np.float64)     # (n, 10)
    means = (one_hot.T @ x) / one_hot.sum(axis=0)[:, None]              # (10, h*w)
    return (means - x.mean(axis=0)).reshape((10,) + images.shape[1:])


def _contrast_float32(images, labels):
    x = images.astype(np.float32) / 255
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


@code_exercise(
    "ch03.contrast_images",
    "Write contrast_images(images, labels): the contrast image of each class, the mean digit "
    "of the class minus the mean of all digits, x̄_c − x̄, with pixels x_p in [0, 1]. "
    "images: (n, h, w) uint8 (our digits are 28 x 28, but write it for any h, w); labels: "
    "(n,) integers 0..9, every class present. Return (10, h, w) floats, row c for class c.",
    hint="First turn the pixels into numbers in [0, 1]. labels == c is True for the digits "
         "of class c, and images[labels == c] picks them; .mean(axis=0) averages over the "
         "digits, pixel by pixel. Collect one picture per class, then subtract the average of "
         "all n digits.",
    cases=_contrast_cases,
    rtol=1e-5, atol=1e-6,
    mistakes=[(_contrast_no_subtraction,
               "Those are the mean digits x̄_c themselves. The contrast image subtracts x̄, the "
               "mean of all digits, from each."),
              (_contrast_mean_of_means,
               "You subtracted the mean of the ten mean digits x̄_c. x̄ is the mean of all n "
               "digits: when the classes hold different numbers of digits, the two differ."),
              (_contrast_other_classes,
               "You subtracted the mean of the *other* classes' digits. x̄ is the mean of all "
               "digits, class c's own included."),
              (_contrast_no_255,
               "Every value is 255 times too large: the images hold uint8 values 0..255, and "
               "the chapter's pixels x_p lie in [0, 1]."),
              (_contrast_digit_c,
               "Row c uses digit number c of the array. x̄_c is the mean of all the digits "
               "*labelled* c, wherever they are in the array."),
              (_contrast_one_number,
               "You subtracted a single number, the mean of every pixel of every digit. x̄ is "
               "a picture: the mean digit, pixel by pixel, averaged over the digits only."),
              (_contrast_over_n,
               "You divide each class's sum by n, the number of all digits: x̄_c, the mean "
               "digit of class c, divides by n_c, the number of digits of class c."),
              (_contrast_floor_255,
               "// is whole-number division: images // 255 turns every pixel into 0 or 1 (only "
               "255 becomes 1), so faint and grey ink vanish. Use / to bring the pixels into "
               "[0, 1]."),
              (_contrast_hard_coded_28,
               "Your pictures are 28 × 28 whatever size the digits are: a 784 or a 28 written "
               "into the code fits only our digits. Write it for any height and width: take "
               "them from images.shape (or reshape with -1)."),
              (_contrast_half_scaled,
               "Your two means are on different scales: you divided the class means x̄_c by "
               "255 but not the mean of all digits x̄. Bring every pixel into [0, 1] once, "
               "before taking either mean."),
              (_contrast_other_half_scaled,
               "Your two means are on different scales: you divided the mean of all digits x̄ "
               "by 255 but not the class means x̄_c. Bring every pixel into [0, 1] once, "
               "before taking either mean."),
              (_contrast_by_256,
               "You divide the pixels by 256, the number of values a byte can hold; the "
               "largest pixel value is 255, and the chapter's pixels are x_p = pixel value / "
               "255, which fills [0, 1]."),
              (_contrast_uint8_means,
               "Your negative contrasts wrap around (an overflow): you turned the means back "
               "into uint8 before subtracting, and uint8 holds only 0..255, so where class c "
               "has less ink than the mean digit the difference comes out as a large positive "
               "number. Keep the means as floats: x̄_c − x̄ can be negative."),
              (_contrast_uint8_rounded,
               "Your negative contrasts wrap around (an overflow): you turned the means back "
               "into uint8 before subtracting, and uint8 holds only 0..255, so where class c "
               "has less ink than the mean digit the difference comes out as a large positive "
               "number. Keep the means as floats: x̄_c − x̄ can be negative.")],
    wrong_examples=[(_contrast_no_subtraction, "mean digits x̄_c themselves"),
                    (_contrast_mean_of_means, "mean of the ten mean digits"),
                    (_contrast_other_classes, "*other* classes"),
                    (_contrast_no_255, "255 times too large"),
                    (_contrast_digit_c, "digit number c"),
                    (_contrast_one_number, "a single number"),
                    (_contrast_over_n, "divide each class's sum by n"),
                    (_contrast_over_n_loop, "divide each class's sum by n"),
                    (_contrast_floor_255, "whole-number division"),
                    (_contrast_floor_255_float, "whole-number division"),
                    (_contrast_range_9, "stops one early"),
                    (_contrast_sign, "opposite sign"),
                    (_contrast_nine_classes, "one fewer along axis 0"),
                    (_contrast_transposed, "transposed"),
                    (_contrast_no_return, "return"),
                    (_contrast_hard_coded_28, "any height and width"),
                    (_contrast_hard_coded_28_3d, "any height and width"),
                    (_contrast_half_scaled, "different scales"),
                    (_contrast_other_half_scaled, "different scales"),
                    (_contrast_half_scaled_loop, "different scales"),
                    (_contrast_flat, "reshape it"),
                    (_contrast_from_1, "NaN"),
                    (_contrast_by_256, "divide the pixels by 256"),
                    (_contrast_by_256_loop, "divide the pixels by 256"),
                    (_contrast_uint8_means, "wrap around"),
                    (_contrast_uint8_rounded, "wrap around")],
    right_examples=[_contrast_sums_loop, _contrast_one_hot, _contrast_float32],
    explanation="Ink that every class has cancels in x̄_c − x̄; what is left is where class c "
                "has more ink than the average digit (positive) and less (negative), the "
                "picture the first gradient step of a logistic regression from zero weights "
                "takes, and the strongly penalised templates stay close to.")
def contrast_images(images, labels):
    x = images / 255.0                                              # pixels in [0, 1]
    class_means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])   # x̄_c
    return class_means - x.mean(axis=0)                             # x̄_c − x̄


# 2. confusion_counts: the confusion matrix.

def _confusion_cases():
    """Labels with repeated (label, prediction) pairs; one case where no digit is a 9 and
    none is called 9, so a matrix sized by the largest label comes out too small; a batch
    of one digit; and 3,000 digits, most of them 1s called 1, so that a cell holds more
    than 255 (a uint8 count wraps around)."""
    rng = np.random.default_rng(3)
    cases = []
    for n, classes in ((60, 10), (500, 10), (40, 9)):
        y_true = rng.integers(0, classes, size=n)
        wrong = rng.random(n) < 0.3
        y_pred = np.where(wrong, rng.integers(0, classes, size=n), y_true)
        cases.append((y_true, y_pred))
    cases.append((np.array([7]), np.array([2])))
    share = np.full(10, 0.5 / 9)
    share[1] = 0.5
    y_true = rng.choice(10, size=3000, p=share)
    wrong = rng.random(3000) < 0.2
    cases.append((y_true, np.where(wrong, rng.integers(0, 10, size=3000), y_true)))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_swapped(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[p, t] += 1
    return counts


def _wrong_fancy_index(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    counts[y_true, y_pred] += 1
    return counts


def _wrong_shares(y_true, y_pred):
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)


def _wrong_mistakes_only(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        if t != p:
            counts[t, p] += 1
    return counts


def _wrong_size(y_true, y_pred):
    k = max(y_true.max(), y_pred.max()) + 1
    counts = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def _wrong_from_1(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t - 1, p - 1] += 1
    return counts


def _wrong_skips_9(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for i in range(9):
        for j in range(9):
            counts[i, j] = np.sum((y_true == i) & (y_pred == j))
    return counts


def _wrong_stops_early(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for k in range(len(y_true) - 1):
        counts[y_true[k], y_pred[k]] += 1
    return counts


def _wrong_float_counts(y_true, y_pred):
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def _wrong_histogram_bins(y_true, y_pred):
    counts, _, _ = np.histogram2d(y_true, y_pred, bins=10)   # bins from the smallest to the largest label present
    return counts.astype(int)


def _wrong_histogram_bins_float(y_true, y_pred):
    return np.histogram2d(y_true, y_pred, bins=10)[0]


def _wrong_uint8(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=np.uint8)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def _wrong_no_return(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1


def _wrong_flat_bincount(y_true, y_pred):
    return np.bincount(10 * y_true + y_pred, minlength=100)


def _wrong_bincount_no_minlength(y_true, y_pred):
    return np.bincount(10 * y_true + y_pred).reshape(10, 10)


def _wrong_per_digit_share(y_true, y_pred):
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts / len(y_true)


def _wrong_in_place(y_true, y_pred):
    y_true *= 10
    y_true += y_pred
    return np.bincount(y_true, minlength=100).reshape(10, 10)


def _wrong_eleven(y_true, y_pred):
    counts = np.zeros((11, 11), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t + 1, p + 1] += 1
    return counts


# Other right ways to write it (check must accept them).

def _right_add_at(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=np.int64)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts


def _right_bincount(y_true, y_pred):
    return np.bincount(10 * np.asarray(y_true) + np.asarray(y_pred), minlength=100).reshape(10, 10)


def _right_histogram(y_true, y_pred):
    counts, _, _ = np.histogram2d(y_true, y_pred, bins=10, range=[[-0.5, 9.5], [-0.5, 9.5]])
    return counts.astype(np.int64)     # histogram2d counts in floats


def _right_cells(y_true, y_pred):
    return np.array([[np.sum((y_true == i) & (y_pred == j)) for j in range(10)] for i in range(10)])


@code_exercise(
    "ch03.confusion_counts",
    "Write confusion_counts(y_true, y_pred): the (10, 10) confusion matrix of whole-number "
    "counts, where entry [i, j] counts the digits labelled i that were predicted as j. "
    "y_true and y_pred: (n,) integer labels 0..9.",
    hint="Start from a (10, 10) array of zeros that can hold large counts, and walk through "
         "the pairs with zip(y_true, y_pred), adding 1 to one cell each time. Which of the "
         "two labels picks the row?",
    cases=_confusion_cases,
    reference=confusion_matrix,
    whole_numbers=True,
    # Float counts first: a later mistake that happens to be right on a case (_wrong_size,
    # where every class occurs) would otherwise claim a learner's float counts there.
    mistakes=[(_wrong_float_counts,
               "Your counts are floats, but counts are whole numbers: make the array with an "
               "integer type (np.zeros(..., dtype=int)), or convert it at the end (.astype(int))."),
              (_wrong_swapped,
               "Rows and columns are swapped: row i must hold the digits *labelled* i, "
               "column j the digits *predicted* as j."),
              (_wrong_fancy_index,
               "Every cell is 0 or 1: a pair that occurs many times is counted once. Either "
               "a cell is set (= 1) where it should be added to (+= 1), or "
               "counts[y_true, y_pred] += 1 is applied to whole arrays at once, where numpy "
               "adds 1 only once per repeated pair (use a loop over the pairs, or np.add.at)."),
              (_wrong_shares,
               "Those are shares of each row, not counts: leave out the division."),
              (_wrong_mistakes_only,
               "The diagonal is empty: the confusion matrix counts the right answers too "
               "(label i predicted as i), on its diagonal."),
              (_wrong_size,
               "Your matrix is only as large as the largest label in this case (no digit here "
               "is a 9, and none is called 9). It always has 10 rows and 10 columns, one per "
               "class, whatever labels occur."),
              (_wrong_from_1,
               "Every count sits one row up and one column to the left, and class 0's went "
               "round to the end: the labels count from 0, and label i is row i as it is."),
              (_wrong_skips_9,
               "Row 9 and column 9 stay empty: class 9 is never counted. Does a range stop "
               "one class early?"),
              (_wrong_stops_early,
               "One digit is missing: the counts add up to one less than the number of "
               "digits. Does a loop stop one pair early?"),
              (_wrong_histogram_bins,
               "np.histogram2d with bins=10 and no range spreads its ten bins from the smallest "
               "to the largest label present, so when the smallest or the largest class never "
               "occurs the bins no longer line up with the classes 0..9. Give it a range that "
               "puts each class in a bin of its own, or count the pairs yourself.")],
    wrong_examples=[(_wrong_swapped, "Rows and columns are swapped"),
                    (_wrong_fancy_index, "numpy adds 1 only once per repeated pair"),
                    (_wrong_shares, "shares of each row, not counts"),
                    (_wrong_mistakes_only, "counts the right answers too"),
                    (_wrong_size, "one per class"),
                    (_wrong_from_1, "the labels count from 0"),
                    (_wrong_skips_9, "class 9 is never counted"),
                    (_wrong_stops_early, "One digit is missing"),
                    (_wrong_float_counts, "counts are whole numbers"),
                    (_wrong_histogram_bins, "no range"),
                    (_wrong_histogram_bins_float, "counts are whole numbers"),
                    (_wrong_uint8, "overflow"),
                    (_wrong_no_return, "return"),
                    (_wrong_flat_bincount, "reshape it"),
                    (_wrong_bincount_no_minlength, "cannot reshape"),
                    (_wrong_per_digit_share, "times the right"),
                    (_wrong_in_place, "changes its input"),
                    (_wrong_eleven, "one more along axis 0")],
    right_examples=[_right_add_at, _right_bincount, _right_histogram, _right_cells],
    explanation="One cell per (label, prediction) pair, +1 for each digit; the rows add up to "
                "the number of digits of each class, the diagonal to the number of right "
                "answers. course.interpret.confusion_matrix does the same with np.bincount.")
def confusion_counts(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


# 3. saliency_map: the gradient of one class score with respect to the pixels, by autograd.

def _random_net(rng, sizes, activations):
    """A float32 network: Flatten, then Linear + activation per hidden layer, then Linear,
    with weights drawn from ``rng`` (uniform, scaled by 1/sqrt(fan-in) like torch's
    default), so that making it leaves torch's global random state alone."""
    layers = [torch.nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        linear = torch.nn.utils.skip_init(torch.nn.Linear, n_in, n_out)   # no random draws
        bound = 1 / np.sqrt(n_in)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(rng.uniform(-bound, bound, (n_out, n_in)).astype(np.float32)))
            linear.bias.copy_(torch.from_numpy(rng.uniform(-bound, bound, n_out).astype(np.float32)))
        layers.append(linear)
        if i < len(activations):
            layers.append(activations[i]())
    return torch.nn.Sequential(*layers).eval()


def _saliency_cases():
    """Networks shaped like the chapter's (784-100-10, ReLU) and another (784-32-16-10,
    tanh then ReLU), with weights of their own; test digits; classes that are not the
    network's answer first (so that explaining the predicted class shows), then others."""
    rng = np.random.default_rng(33)
    relu = _random_net(rng, (784, 100, 10), [torch.nn.ReLU])
    mixed = _random_net(rng, (784, 32, 16, 10), [torch.nn.Tanh, torch.nn.ReLU])
    images = bundled().x_test
    cases = []
    for model, i, pick in ((relu, 3, "other"), (mixed, 11, "other"), (relu, 25, "top"),
                           (mixed, 40, 0), (relu, 77, 9)):
        with torch.no_grad():
            scores = model(torch.from_numpy(images[i].reshape(1, 784) / 255.0).float())[0]
        order = np.argsort(-scores.numpy(), kind="stable")
        c = int(order[3]) if pick == "other" else int(order[0]) if pick == "top" else pick
        cases.append((model, images[i].copy(), c))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _saliency_probability(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_log_probability(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    torch.log_softmax(model(x), dim=1)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_predicted(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    scores = model(x)
    scores[0, scores.argmax()].backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_all_scores(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x).sum().backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_transposed(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy().T


def _saliency_raw_pixels(model, image, c):
    x = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_per_raw_unit(model, image, c):
    raw = torch.tensor(image, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(raw / 255.0)[0, c].backward()
    return raw.grad.reshape(28, 28).numpy()


def _saliency_absolute(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.abs().reshape(28, 28).numpy()


def _saliency_absolute_numpy(model, image, c):
    x = torch.tensor(image.reshape(1, 784) / 255.0, dtype=torch.float32, requires_grad=True)
    model(x)[0, c].backward()
    return np.abs(x.grad.numpy()).reshape(28, 28)


def _saliency_times_input(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return (x.grad * x).detach().reshape(28, 28).numpy()


def _saliency_times_input_numpy(model, image, c):
    x = torch.tensor(image.reshape(1, 784) / 255.0, dtype=torch.float32, requires_grad=True)
    model(x)[0, c].backward()
    return x.grad.numpy().reshape(28, 28) * (image / 255.0)


def _saliency_times_raw_input(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.reshape(28, 28).numpy() * image


def _saliency_sign(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    loss = -model(x)[0, c]
    loss.backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_flat(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    return x.grad.numpy()


def _saliency_float64(model, image, c):
    x = torch.tensor(image / 255.0).reshape(1, 784).requires_grad_(True)
    out = model(x)
    out[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_no_grad(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784)
    with torch.no_grad():                  # as when the network is only evaluated
        score = model(x)[0, c]
    score.backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_no_batch_index(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    out = model(x)[c]
    out.backward()
    return x.grad.reshape(28, 28).numpy()


def _saliency_no_return(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784).requires_grad_(True)
    model(x)[0, c].backward()
    x.grad.reshape(28, 28).numpy()


def _saliency_uint8(model, image, c):
    x = torch.from_numpy(image).reshape(1, 784).requires_grad_(True)
    model(x / 255)[0, c].backward()
    return x.grad.reshape(28, 28).numpy()


# Other right ways to write it (check must accept them).

def _saliency_autograd_grad(model, image, c):
    x = (torch.from_numpy(image).float() / 255).unsqueeze(0)      # (1, 28, 28); Flatten does the rest
    x.requires_grad_(True)
    (grad,) = torch.autograd.grad(model(x)[0, c], x)
    return grad[0]                                                # a tensor is fine


def _saliency_jacobian(model, image, c):
    x = torch.tensor(image.reshape(1, 784) / 255.0, dtype=torch.float32)
    jacobian = torch.autograd.functional.jacobian(lambda v: model(v)[0], x)   # (10, 1, 784)
    return jacobian[c].reshape(28, 28).numpy()


def _saliency_float64_model(model, image, c):
    import copy
    double = copy.deepcopy(model).double()
    x = torch.tensor(image.reshape(1, 784) / 255.0, requires_grad=True)
    double(x)[0, c].backward()
    return x.grad.numpy().reshape(28, 28)


@code_exercise(
    "ch03.saliency_map",
    "Write saliency_map(model, image, c): the saliency map of class c, d s_c / d x, the "
    "gradient of the score (logit) s_c of the torch network model with respect to the "
    "pixels x, at one digit. image: (28, 28) uint8; the network takes (1, 784) float32 "
    "pixels in [0, 1] and returns (1, 10) scores. Return (28, 28): d s_c / d x_p for every "
    "pixel p.",
    hint="Make x from the image as the network wants it, a float32 tensor of shape (1, 784) "
         "with values in [0, 1], and tell torch to follow it with x.requires_grad_(True). "
         "Pick the one number s_c out of model(x): the scores have a batch axis first. "
         ".backward() on it fills x.grad; give x.grad the digit's shape.",
    cases=_saliency_cases,
    reference=saliency,
    rtol=1e-4, atol=1e-6,
    mistakes=[(_saliency_probability,
               "That is the gradient of the probability p_c, after the softmax. The saliency "
               "map is the gradient of the score s_c, the logit before the softmax: a "
               "confident answer's probability barely moves, which would hide everything."),
              (_saliency_log_probability,
               "That is the gradient of ln p_c, the log of the softmax. The saliency map is "
               "the gradient of the score s_c itself, the logit before the softmax."),
              (_saliency_predicted,
               "That explains the network's own answer, the class with the largest score. "
               "Explain class c, the one passed in, whatever the network answers."),
              (_saliency_all_scores,
               "That is the gradient of the sum of all ten scores. Take the one score s_c out "
               "of the network's output before .backward()."),
              (_saliency_transposed,
               "Your map is transposed: rows and columns are swapped. Pixel p = 28 r + k of "
               "the 784 belongs in row r, column k: reshape the gradient straight to (28, 28)."),
              (_saliency_raw_pixels,
               "That is the gradient at the pixel values 0..255. The network was trained on "
               "pixels in [0, 1]: it has to see the image scaled that way."),
              (_saliency_per_raw_unit,
               "That is the slope per unit of the values 0..255, 255 times smaller: take the "
               "gradient with respect to the pixels in [0, 1] that the network sees, x itself."),
              (_saliency_absolute,
               "Your map has no negative values: that is the size |∂s_c/∂x_p| of each "
               "derivative without its sign. The saliency map keeps the sign, which says "
               "whether more ink at pixel p raises the score s_c or lowers it."),
              (_saliency_times_input,
               "That is the gradient times the input, x_p · ∂s_c/∂x_p, which is 0 wherever "
               "the paper is blank. The saliency map is the derivative ∂s_c/∂x_p alone."),
              (_saliency_times_raw_input,
               "That is the gradient times the input, x_p · ∂s_c/∂x_p, which is 0 wherever "
               "the paper is blank. The saliency map is the derivative ∂s_c/∂x_p alone.")],
    wrong_examples=[(_saliency_probability, "probability p_c"),
                    (_saliency_log_probability, "ln p_c"),
                    (_saliency_predicted, "Explain class c"),
                    (_saliency_all_scores, "sum of all ten scores"),
                    (_saliency_raw_pixels, "pixel values 0..255"),
                    (_saliency_per_raw_unit, "255 times smaller"),
                    (_saliency_transposed, "transposed"),
                    (_saliency_absolute, "no negative values"),
                    (_saliency_absolute_numpy, "no negative values"),
                    (_saliency_times_input, "gradient times the input"),
                    (_saliency_times_input_numpy, "gradient times the input"),
                    (_saliency_times_raw_input, "gradient times the input"),
                    (_saliency_sign, "opposite sign"),
                    (_saliency_flat, "reshape it"),
                    (_saliency_float64, "same dtype"),
                    (_saliency_no_grad, "requires_grad=True"),
                    (_saliency_no_batch_index, "IndexError"),
                    (_saliency_no_return, "return"),
                    (_saliency_uint8, "floating point")],
    right_examples=[_saliency_autograd_grad, _saliency_jacobian, _saliency_float64_model],
    explanation="Autograd records every operation from x to the score and runs "
                "backpropagation down to the pixels: one backward pass gives all 784 "
                "derivatives. course.interpret.saliency does the same, for other image "
                "formats too.")
def saliency_map(model, image, c):
    x = torch.tensor(image / 255.0, dtype=torch.float32).reshape(1, 784)  # pixels in [0, 1]
    x.requires_grad_(True)                 # autograd: keep track of everything computed from x
    score = model(x)[0, c]                 # s_c(x), one number
    score.backward()                       # backpropagation, all the way down to the pixels
    return x.grad.reshape(28, 28).numpy()  # ∂s_c/∂x_p for all 784 pixels
