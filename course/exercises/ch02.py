"""Chapter 2, A network from scratch: counting parameters, slopes, the batch mean in the
gradient, and BP1 written by the learner for another cost."""

import numpy as np

from ..check import code_exercise, exercise
from ..mlp import MLP, sigmoid


@exercise("ch02.parameters", "How many weights and biases does a 784-30-10 network have?",
          hint="Layer 1 has 784 x 30 weights and 30 biases; layer 2 has 30 x 10 weights and 10 biases.",
          mistakes=[(lambda a: a == 784 * 30 + 30 * 10, "You counted the weights; add the biases."),
                    (lambda a: a == 30 + 10, "Those are the biases; add the weights.")],
          explanation="784·30 + 30 + 30·10 + 10 = 23,860.")
def _parameters():
    return MLP([784, 30, 10]).n_parameters


@exercise("ch02.slope_ratio", "sigma'(4) / sigma'(0), to three decimals.",
          hint="sigma'(z) = sigma(z) * (1 - sigma(z)), and sigma'(0) = 0.25.", atol=0.0005,
          mistakes=[(lambda a: abs(a - float(sigmoid(np.array(4.0)))) < 1e-3,
                     "That is sigma(4) itself; the question is about its slope.")],
          explanation="The slope at z = 4 is 14 times smaller than at 0: a saturated neuron "
                      "passes back only 7 % of the error.")
def _slope_ratio():
    s4 = float(sigmoid(np.array(4.0)))
    return s4 * (1 - s4) / 0.25


#: The classic network's step: learning rate 3 on batches of 10 digits.
_ETA, _BATCH = 3.0, 10


@exercise("ch02.sum_cost_lr",
          "Suppose the cost were the sum over the batch instead of the mean, so BP1 had no 1/n. "
          f"Which learning rate, with batches of {_BATCH}, would take exactly the same steps as "
          f"the classic network's eta = {_ETA:g} does with the mean?",
          hint="The step is eta times the gradient. How much larger is the gradient of a sum of "
               "n costs than the gradient of their mean?",
          mistakes=[(lambda a: np.isclose(a, _ETA * _BATCH),
                     "The other way round: without the 1/n the gradient is n times larger, so the "
                     "same step needs a smaller learning rate, not a larger one."),
                    (lambda a: np.isclose(a, _ETA),
                     "With the sum, the gradient is no longer the same size: each of the n digits "
                     "adds its own part instead of a 1/n share of it.")],
          explanation="The sum's gradient is n = 10 times the mean's, so eta must be 10 times "
                      "smaller: 0.3. With the mean, eta keeps its meaning when the batch size "
                      "changes; with the sum, every change of batch size would change the step.")
def _sum_cost_lr():
    return _ETA / _BATCH


# --------------------------------------------------------------------- write a function

def _bp1_cases():
    """Sigmoid outputs (some of them saturated) and one-hot targets, for batches of
    several sizes; no batch of 10, where dividing by the 10 outputs would look right."""
    rng = np.random.default_rng(2)
    cases = []
    for n, spread in ((7, 2.0), (32, 4.0), (3, 8.0), (1, 2.0)):
        a = sigmoid(spread * rng.standard_normal((n, 10)))
        y = np.eye(10)[rng.integers(0, 10, size=n)]
        cases.append((a, y))
    return cases


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_quadratic(a, y):
    return (a - y) * a * (1 - a) / len(a)


def _wrong_gradient_only(a, y):
    return (a - y) / (a * (1 - a)) / len(a)


def _wrong_no_mean(a, y):
    return a - y


def _wrong_sign(a, y):
    return (y - a) / len(a)


def _wrong_transposed(a, y):
    return ((a - y) / len(a)).T


def _wrong_per_output(a, y):
    return (a - y) / a.shape[1]


@code_exercise(
    "ch02.bp1_cross_entropy",
    "Write bp1_cross_entropy(a, y): BP1, the output error delta^L = dC/dz^L, for a network "
    "with sigmoid outputs a = sigma(z^L) and the cross-entropy cost "
    "C = -(1/n) sum_x sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)]. a: (n, 10) outputs, one "
    "digit per row; y: (n, 10) one-hot targets. Return delta^L, shape (n, 10).",
    hint="BP1 is delta^L = (dC/da^L) * sigma'(z^L). Differentiate C with respect to one output "
         "a_j: -y_j / a_j + (1 - y_j) / (1 - a_j), times the 1/n in front of the sum. Then "
         "write sigma'(z^L) with a alone, as the notebook's BP1 does, multiply, and simplify.",
    cases=_bp1_cases,
    mistakes=[(_wrong_quadratic,
               "That is BP1 of the classic network's quadratic cost. This cost's slope "
               "dC/da^L has a(1 - a) in its denominator: multiply it by sigma'(z^L) and "
               "simplify before you write the code."),
              (_wrong_gradient_only,
               "That is dC/da^L, the cost's slope with respect to the outputs. BP1 asks for "
               "the slope with respect to z^L: multiply by sigma'(z^L) (chain rule), and "
               "simplify."),
              (_wrong_per_output,
               "You divided by the number of outputs, the columns. The mean in C is over the "
               "n digits of the batch: the rows.")],
    wrong_examples=[(_wrong_quadratic, "BP1 of the classic network's quadratic cost"),
                    (_wrong_gradient_only, "BP1 asks for the slope with respect to z^L"),
                    (_wrong_no_mean, "A missing 1/"),
                    (_wrong_sign, "the opposite sign"),
                    (_wrong_transposed, "is transposed"),
                    (_wrong_per_output, "The mean in C is over the")],
    explanation="dC/da_j = (a_j - y_j) / (n a_j (1 - a_j)) and sigma'(z_j) = a_j (1 - a_j): "
                "the slope cancels, and delta^L = (a - y) / n. A confidently wrong output "
                "(a near 0 or 1) now gets a large error instead of a vanishing one, which is "
                "why cross-entropy learns at a small learning rate where the quadratic cost "
                "crawls. Softmax outputs with their cross-entropy give the same formula "
                "(course.mlp uses it).")
def bp1_cross_entropy(a, y):
    n = a.shape[0]
    return (a - y) / n
