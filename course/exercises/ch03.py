"""Chapter 3, What did it learn: questions answered from the chapter's models.

The chapter's network is `course.zoo`'s MLP (`MLP_SIZES`, `MLP_CONFIG`, `chapter_mlp`),
so that the notebook trains and the exercises check against the very same model.
"""

from functools import cache

import numpy as np

from ..check import exercise
from ..interpret import confusion_matrix, linear_templates, most_confused_pairs
from ..training import predict
from ..zoo import MLP_CONFIG, MLP_SIZES, trained_mlp
from ._data import bundled

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


def _top_mistake() -> np.ndarray:
    pairs = most_confused_pairs(_mlp_confusion(), k=2)
    if len(pairs) > 1 and pairs[0][2] == pairs[1][2]:
        raise RuntimeError(f"ch03.top_mistake has no single answer: {pairs[0][:2]} and "
                           f"{pairs[1][:2]} are equally frequent ({pairs[0][2]} digits each).")
    return np.array(pairs[0][:2])


@exercise("ch03.top_mistake",
          "Which mistake does the chapter's network make most often on the test digits? "
          "Answer with the pair (true label, predicted label).",
          hint="In cm = confusion_matrix(data.y_test, predicted), row i counts the digits "
               "labelled i and column j the digits predicted as j. Set the diagonal (the correct "
               "answers) to 0 with np.fill_diagonal, then find the largest entry: "
               "np.unravel_index(cm.argmax(), cm.shape).",
          mistakes=[(lambda a: tuple(np.asarray(a).ravel()) == tuple(_top_mistake()[::-1]),
                     "Right pair, wrong order: rows of the confusion matrix are the true labels, "
                     "columns the predictions. Give (true, predicted).")],
          explanation="Read it as: a digit labelled with the first number was taken for the "
                      "second. Look at those digits in the gallery of mistakes.")
def _top_mistake_answer():
    return _top_mistake()


@exercise("ch03.centre_of_zero",
          "In the logistic regression's template for the digit 0, is the weight of the centre "
          "pixel (row 14, column 14) 'positive' or 'negative'? Answer with the word.",
          hint="Think about where a 0 has ink and where other digits (a 1, say) have ink; or look "
               "it up: templates[0, 14, 14].",
          explanation="A 0 is a ring with empty paper in the middle, while 1s, 7s, 4s and 8s put "
                      "ink there: ink in the centre is evidence *against* a 0, so the weight is "
                      "negative (blue).")
def _centre_of_zero():
    _, templates = _logistic()
    return "positive" if templates[0, 14, 14] > 0 else "negative"
