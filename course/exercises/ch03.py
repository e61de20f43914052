"""Chapter 3, What did it learn: questions answered from the chapter's models.

The chapter's network is `course.zoo`'s MLP (`MLP_SIZES`, `MLP_CONFIG`, `chapter_mlp`),
so that the notebook and the exercises look at the very same model.
"""

from functools import cache

import numpy as np

from ..check import code_exercise, exercise
from ..interpret import confusion_matrix, linear_templates, pixels
from ..training import predict
from ..zoo import MLP_CONFIG, MLP_SIZES, trained_mlp
from ..data import bundled

__all__ = ["MLP_CONFIG", "MLP_SIZES", "chapter_mlp", "confusion_counts"]

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


@exercise("ch03.linear_saliency",
          "Take the logistic regression instead of the network, and the saliency map of its "
          "class-3 score, d s_3 / d x, for two different test digits. Are the two maps the "
          "'same' or 'different'?",
          hint="Write the score as a formula of the pixels, s_3(x) = w_3 . x + b_3, and "
               "differentiate it with respect to one pixel x_p. Does x_p, or any other pixel, "
               "appear in the result?",
          mistakes=[(lambda a: isinstance(a, str) and a.strip().lower() == "different",
                     "Differentiate s_3(x) = w_3 . x + b_3 with respect to a pixel x_p: what is "
                     "left, and does it depend on the digit? The network's maps differ from digit "
                     "to digit because its ReLUs switch on and off; a linear score has nothing "
                     "that switches.")],
          explanation="d s_3 / d x_p = w_3,p: the map is the class's template, the same for "
                      "every digit. Saliency only becomes digit-specific when the model is not "
                      "linear.",
          categorical=True)
def _linear_saliency():
    import torch

    model, _ = _logistic()
    score = torch.nn.Linear(784, 10).double()
    with torch.no_grad():
        score.weight.copy_(torch.from_numpy(model.coef_.astype(np.float64)))
        score.bias.copy_(torch.from_numpy(model.intercept_.astype(np.float64)))
    maps = []
    for image in pixels(bundled().x_test[:2]):
        x = torch.from_numpy(image).requires_grad_(True)
        score(x)[3].backward()
        maps.append(x.grad.numpy())
    return "same" if np.allclose(maps[0], maps[1], rtol=0, atol=1e-12) else "different"


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

def _confusion_cases():
    """Labels with repeated (label, prediction) pairs, and one case where no digit is a 9
    and none is called 9, so a matrix sized by the largest label comes out too small."""
    rng = np.random.default_rng(3)
    cases = []
    for n, classes in ((60, 10), (500, 10), (40, 9)):
        y_true = rng.integers(0, classes, size=n)
        wrong = rng.random(n) < 0.3
        y_pred = np.where(wrong, rng.integers(0, classes, size=n), y_true)
        cases.append((y_true, y_pred))
    return cases


def _cropped(counts, y_true, y_pred):
    k = int(max(np.max(y_true), np.max(y_pred))) + 1
    return counts[:k, :k]


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


@code_exercise(
    "ch03.confusion_counts",
    "Write confusion_counts(y_true, y_pred): the (10, 10) confusion matrix of whole-number "
    "counts, where entry [i, j] counts the digits labelled i that were predicted as j. "
    "y_true and y_pred: (n,) integer labels 0..9.",
    hint="Start from np.zeros((10, 10), dtype=int) and walk through the pairs with "
         "zip(y_true, y_pred), adding 1 to the right cell each time. Rows are the labels.",
    cases=_confusion_cases,
    reference=confusion_matrix,
    mistakes=[(lambda y_true, y_pred: confusion_matrix(y_true, y_pred).T,
               "Rows and columns are swapped: row i must hold the digits *labelled* i, "
               "column j the digits *predicted* as j."),
              (lambda y_true, y_pred: (confusion_matrix(y_true, y_pred) > 0).astype(int),
               "Every cell is 0 or 1: a pair that occurs many times is counted once. With "
               "counts[y_true, y_pred] += 1, numpy adds 1 only once per repeated pair; use a "
               "loop over the pairs, or np.add.at."),
              (lambda y_true, y_pred: confusion_matrix(y_true, y_pred)
               / np.maximum(confusion_matrix(y_true, y_pred).sum(axis=1, keepdims=True), 1),
               "Those are shares of each row, not counts: leave out the division."),
              (lambda y_true, y_pred: confusion_matrix(y_true, y_pred)
               * (1 - np.eye(10, dtype=int)),
               "The diagonal is empty: the confusion matrix counts the right answers too "
               "(label i predicted as i), on its diagonal."),
              (lambda y_true, y_pred: _cropped(confusion_matrix(y_true, y_pred), y_true, y_pred),
               "Your matrix is only as large as the largest label in this case (no digit here "
               "is a 9, and none is called 9). It always has 10 rows and 10 columns, one per "
               "class, whatever labels occur.")],
    wrong_examples=[(_wrong_swapped, "Rows and columns are swapped"),
                    (_wrong_fancy_index, "numpy adds 1 only once per repeated pair"),
                    (_wrong_shares, "shares of each row, not counts"),
                    (_wrong_mistakes_only, "counts the right answers too"),
                    (_wrong_size, "one per class")],
    explanation="One cell per (label, prediction) pair, +1 for each digit; the rows add up to "
                "the number of digits of each class, the diagonal to the number of right "
                "answers. course.interpret.confusion_matrix does the same with np.bincount.")
def confusion_counts(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts
