"""Chapter 2, A network from scratch: the learner writes the network's algorithm (the
forward pass, backpropagation with BP1-BP4, the SGD step, a finite-difference check of the
gradient) and BP1 for another cost; and answers three questions (counting parameters, a
slope of σ, the 1/n of the batch mean).

The network is the chapter's: sigmoid neurons in every layer, the quadratic cost
C = (1/n) Σ_x ½‖a^L − y‖² averaged over the batch, one digit per row. Python counts layers
from 0: ``W[0], b[0]`` are W^1, b^1, and ``W[l]`` takes the activations ``acts[l]`` = a^l to
``acts[l + 1]``.

The solutions do exactly what `course.mlp.MLP` does, the same operations in the same order,
so the chapter's training loop with them computes the same numbers as ``MLP.fit``, bit for
bit (tests/test_exercises_ch02.py checks it).
"""

import copy
from functools import cache

import numpy as np

from ..check import code_exercise, exercise
from ..mlp import MLP, sigmoid


@exercise("ch02.parameters", "How many weights and biases does a 784-30-10 network have?",
          hint="Layer 1 has 784 × 30 weights and 30 biases; layer 2 has 30 × 10 weights and 10 biases.",
          mistakes=[(lambda a: a == 784 * 30 + 30 * 10, "You counted the weights; add the biases."),
                    (lambda a: a == 30 + 10, "Those are the biases; add the weights."),
                    (lambda a: a in (784 * 30 + 30, 784 * 30),
                     "That is the first layer only; the output layer has weights and biases too."),
                    (lambda a: a in (784 * 30 * 10, 784 * 30 * 10 + 40),
                     "Layers add up, they do not multiply: count each layer's weights and biases, "
                     "then add the layers.")],
          explanation="784·30 + 30 + 30·10 + 10 = 23,860.")
def _parameters():
    return MLP([784, 30, 10]).n_parameters


def _slope(z: float) -> float:
    s = float(sigmoid(np.array(z)))
    return s * (1 - s)


@exercise("ch02.slope_ratio", "σ'(4) / σ'(0), to three decimals.",
          hint="σ'(z) = σ(z)(1 − σ(z)), and σ'(0) = 0.25.", atol=0.0005,
          mistakes=[(lambda a: abs(a - float(sigmoid(np.array(4.0)))) < 1e-3,
                     "That is σ(4) itself; the question is about its slope σ'(4)."),
                    (lambda a: abs(a - _slope(4.0)) < 5e-4,
                     "That is σ'(4) alone; the question asks how it compares with σ'(0): divide."),
                    (lambda a: abs(a - 0.25 / _slope(4.0)) < 0.05,
                     "That is σ'(0) / σ'(4), the other way round: the question asks σ'(4) / σ'(0).")],
          explanation="The slope at z = 4 is 14 times smaller than at 0: a saturated neuron "
                      "passes back only 7 % of the error δ.")
def _slope_ratio():
    s4 = float(sigmoid(np.array(4.0)))
    return s4 * (1 - s4) / 0.25


#: The classic network's step: learning rate 3 on batches of 10 digits.
_ETA, _BATCH = 3.0, 10


@exercise("ch02.sum_cost_lr",
          "Suppose the cost were the sum over the batch instead of the mean, so BP1 had no 1/n. "
          f"Which learning rate η, with batches of {_BATCH}, would take exactly the same steps as "
          f"the classic network's η = {_ETA:g} does with the mean?",
          hint="The step is η times the gradient ∇C. How much larger is the gradient of a sum of "
               "n costs than the gradient of their mean?",
          mistakes=[(lambda a: np.isclose(a, _ETA * _BATCH),
                     "The other way round: without the 1/n the gradient ∇C is n times larger, so "
                     "the same step needs a smaller η, not a larger one."),
                    (lambda a: np.isclose(a, _ETA),
                     "With the sum, the gradient ∇C is no longer the same size: each of the n "
                     "digits adds its own part instead of a 1/n share of it.")],
          explanation="The sum's gradient is n = 10 times the mean's, so η must be 10 times "
                      "smaller: 0.3. With the mean, η keeps its meaning when the batch size "
                      "changes; with the sum, every change of batch size would change the step.")
def _sum_cost_lr():
    return _ETA / _BATCH


# --------------------------------------------------------------------- cases

class Layers(list):
    """A list with one array per layer (weights, biases or their gradients). It describes
    itself by its arrays' shapes, so that a check's message names a case without printing
    its numbers."""

    def __repr__(self) -> str:
        return f"a list of {len(self)} arrays, shapes " + ", ".join(
            str(tuple(np.shape(x))) for x in self)


def _layers(rng, sizes, spread=2.0, dtype=np.float64):
    """Weights W^l (n_l, n_{l-1}) ~ N(0, spread²/n_{l-1}) and biases b^l (n_l,) ~ N(0, 1):
    a spread above 1 gives weighted inputs of several units, where σ' varies."""
    W = Layers((spread * rng.standard_normal((m, k)) / np.sqrt(k)).astype(dtype)
               for k, m in zip(sizes[:-1], sizes[1:]))
    b = Layers(rng.standard_normal(m).astype(dtype) for m in sizes[1:])
    return W, b


#: Layer sizes and batch sizes of the cases: non-square weight matrices (a transpose
#: shows), batches of 7, 1, 12 and 3 (none of 10), and layers of one, two and three.
_NETWORKS = (([6, 4], 7), ([6, 5, 4, 3], 7), ([5, 7, 2, 3], 1), ([8, 6, 5], 12), ([9, 4, 3], 3))


def _forward_cases():
    rng = np.random.default_rng(20)
    cases = []
    for k, (sizes, n) in enumerate(_NETWORKS[1:]):
        dtype = np.float32 if k == 3 else np.float64
        W, b = _layers(rng, sizes, dtype=dtype)
        cases.append((W, b, rng.random((n, sizes[0])).astype(dtype)))
    return cases


def _backprop_cases():
    """Networks of one to three layers, and one-hot targets Y for their outputs. The
    first has one layer: a list of one array can be compared whole, so two returned
    lists in the wrong order are named on it."""
    rng = np.random.default_rng(21)
    cases = []
    for sizes, n in _NETWORKS:
        W, b = _layers(rng, sizes)
        X = rng.random((n, sizes[0]))
        Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], size=n)]
        cases.append((W, b, X, Y))
    return cases


def _sgd_cases():
    """Weights, biases and gradients of networks of one to three layers, and η. The
    first has one layer: a list of one array can be compared whole, so a changed list or
    array passed in is seen on it."""
    rng = np.random.default_rng(22)
    cases = []
    for (sizes, _), eta, dtype in zip(_NETWORKS, (3.0, 0.5, 0.01, 3.0, 10.0),
                                      (np.float64, np.float64, np.float64, np.float32, np.float64)):
        W, b = _layers(rng, sizes, dtype=dtype)
        dW = Layers(rng.standard_normal(w.shape).astype(dtype) for w in W)
        db = Layers(rng.standard_normal(c.shape).astype(dtype) for c in b)
        cases.append((W, b, dW, db, eta))
    return cases


class LayerCost:
    """C(w) = (1/n) Σ_x ½‖σ(x wᵀ + c) − y‖²: the quadratic cost of one layer of sigmoid
    neurons with weights w (m, k) on a fixed batch x (n, k), biases c (m,), targets y (n, m)."""

    def __init__(self, x, c, y):
        self.x, self.c, self.y = x, c, y

    def __call__(self, w):
        return 0.5 * ((sigmoid(self.x @ w.T + self.c) - self.y) ** 2).sum(axis=1).mean()

    def __repr__(self) -> str:
        return f"a cost function C(w) of a ({len(self.c)}, {self.x.shape[1]}) weight matrix"


def _gradient_check_cases():
    """Cost functions, their weight matrices w (non-square), picks (i, j) with j past the
    last row (so swapping i and j shows), and ε large enough that a one-sided difference
    differs from the central one."""
    rng = np.random.default_rng(23)
    cases = []
    for (m, k, n), eps in zip(((3, 5, 7), (4, 2, 1), (2, 6, 12)), (1e-4, 1e-3, 1e-2)):
        x, c = rng.random((n, k)), rng.standard_normal(m)
        y = np.eye(m)[rng.integers(0, m, size=n)]
        w = 2 * rng.standard_normal((m, k)) / np.sqrt(k)
        picks = np.array([(i, j) for i in range(m) for j in range(k)][::-1][:6])
        picks = np.concatenate([picks, [(0, k - 1), (m - 1, 0)]])
        cases.append((LayerCost(x, c, y), w, picks, eps))
    return cases


# --------------------------------------------------------------------- the course's network

@cache
def _empty_network(sizes: tuple, dtype: np.dtype) -> MLP:
    return MLP(list(sizes), dtype=dtype)


def _network(W, b):
    """The course's MLP with these weights and biases (sigmoid layers, quadratic cost);
    a copy of one made once per shape, so that no weights are drawn in vain."""
    sizes = (W[0].shape[1],) + tuple(w.shape[0] for w in W)
    net = copy.copy(_empty_network(sizes, np.dtype(W[0].dtype)))
    net.W, net.b = list(W), list(b)
    return net


def _mlp_forward(W, b, a0):
    return _network(W, b).forward(a0, keep=True)[1]


def _mlp_backprop(W, b, X, Y):
    return tuple(_network(W, b).gradients(X, Y.argmax(axis=1))[:2])


# --------------------------------------------------------------------- 1. the forward pass

# Typical wrong implementations (each gets its own message: see the tests).

def _forward_without_a0(W, b, a0):
    acts, a = [], a0
    for W_l, b_l in zip(W, b):
        a = sigmoid(a @ W_l.T + b_l)
        acts.append(a)
    return acts


def _forward_last_layer_missing(W, b, a0):
    acts = [a0]
    for l in range(len(W) - 1):
        acts.append(sigmoid(acts[-1] @ W[l].T + b[l]))
    return acts


def _forward_stores_z(W, b, a0):
    acts, a = [a0], a0
    for W_l, b_l in zip(W, b):
        z = a @ W_l.T + b_l
        acts.append(z)
        a = sigmoid(z)
    return acts


def _forward_no_sigma(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(acts[-1] @ W_l.T + b_l)
    return acts


def _forward_no_sigma_at_the_output(W, b, a0):
    acts = [a0]
    for l, (W_l, b_l) in enumerate(zip(W, b)):
        z = acts[-1] @ W_l.T + b_l
        acts.append(z if l == len(W) - 1 else sigmoid(z))
    return acts


def _forward_appends_first(W, b, a0):
    acts, a = [a0], a0
    for W_l, b_l in zip(W, b):
        acts.append(a)                 # the old a, before the layer computes the new one
        a = sigmoid(a @ W_l.T + b_l)
    return acts


def _forward_appends_first_indexed(W, b, a0):
    acts = [a0]
    a = a0
    for l in range(len(W)):
        acts.append(a)
        a = 1 / (1 + np.exp(-(a @ W[l].T + b[l])))
    return acts


def _forward_bias_after_sigma(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(acts[-1] @ W_l.T) + b_l)
    return acts


def _forward_bias_after_sigma_dot(W, b, a0):
    acts = [a0]
    for l in range(len(W)):
        s = 1 / (1 + np.exp(-np.dot(acts[l], W[l].T)))
        acts.append(s + b[l])
    return acts


def _forward_sigma_sign(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(1 / (1 + np.exp(acts[-1] @ W_l.T + b_l)))
    return acts


def _forward_sigma_sign_helper(W, b, a0):
    def my_sigmoid(z):
        return 1.0 / (1.0 + np.exp(z))
    acts, a = [a0], a0
    for W_l, b_l in zip(W, b):
        a = my_sigmoid(a @ W_l.T + b_l)
        acts.append(a)
    return acts


def _forward_relu(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(np.maximum(0, acts[-1] @ W_l.T + b_l))      # ReLU where σ belongs
    return acts


def _forward_relu_hidden(W, b, a0):
    acts = [a0]
    for l, (W_l, b_l) in enumerate(zip(W, b)):
        z = acts[-1] @ W_l.T + b_l
        acts.append(sigmoid(z) if l == len(W) - 1 else np.maximum(z, 0))
    return acts


def _forward_relu_mask(W, b, a0):
    acts, a = [a0], a0
    for W_l, b_l in zip(W, b):
        z = a @ W_l.T + b_l
        a = z * (z > 0)
        acts.append(a)
    return acts


def _forward_output_only(W, b, a0):
    a = a0
    for W_l, b_l in zip(W, b):
        a = sigmoid(a @ W_l.T + b_l)
    return a


def _forward_columns(W, b, a0):
    acts, a = [a0], a0.T               # one digit per column, as in Nielsen's book
    for W_l, b_l in zip(W, b):
        a = sigmoid(W_l @ a + b_l[:, None])
        acts.append(a)
    return acts


def _forward_star(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(acts[-1] * W_l.T + b_l))
    return acts


def _forward_untransposed(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(acts[-1] @ W_l + b_l))
    return acts


def _forward_no_return(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(acts[-1] @ W_l.T + b_l))


def _forward_input_every_layer(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(a0 @ W_l.T + b_l))
    return acts


def _forward_bias_column(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(W, b):
        acts.append(sigmoid(acts[-1] @ W_l.T + b_l[:, None]))
    return acts


def _forward_layers_reversed(W, b, a0):
    acts = [a0]
    for W_l, b_l in zip(reversed(W), reversed(b)):
        acts.append(sigmoid(acts[-1] @ W_l.T + b_l))
    return acts


def _forward_no_bias(W, b, a0):
    acts = [a0]
    for W_l in W:
        acts.append(sigmoid(acts[-1] @ W_l.T))
    return acts


def _forward_no_bias_loop(W, b, a0):
    acts, a = [a0], a0
    for l in range(len(W)):
        a = 1 / (1 + np.exp(-np.dot(a, W[l].T)))
        acts.append(a)
    return acts


# Other right ways to write it.

def _forward_tuple_with_z(W, b, a0):
    acts = (a0,)
    for W_l, b_l in zip(W, b):
        z = np.dot(acts[-1], W_l.T) + b_l
        acts = acts + (1 / (1 + np.exp(-z)),)
    return acts


def _forward_columns_transposed_back(W, b, a0):
    acts, a = [a0], a0.T
    for W_l, b_l in zip(W, b):
        a = sigmoid(W_l @ a + b_l[:, None])
        acts.append(a.T)
    return acts


def _forward_torch(W, b, a0):
    import torch
    a = torch.from_numpy(np.asarray(a0))
    acts = [a0]
    for W_l, b_l in zip(W, b):
        a = torch.sigmoid(a @ torch.from_numpy(W_l).T + torch.from_numpy(b_l))
        acts.append(a.numpy())
    return acts


@code_exercise(
    "ch02.forward",
    "Write forward(W, b, a0): the forward pass of a network of sigmoid neurons. W and b are "
    "lists with one array per layer, W[l] of shape (n_(l+1), n_l) and b[l] of shape "
    "(n_(l+1),) (Python counts from 0: W[0] is W^1); a0 is a batch (n, n_0), one digit per "
    "row. Return the list of activations [a^0, a^1, ..., a^L], where a^0 = a0 and "
    "a^l = σ(a^(l−1) (W^l)ᵀ + b^l).",
    hint="Start the list with a0 itself. Then, for each layer's W_l and b_l in turn (zip(W, b)), "
         "compute the next activations from the last ones in the list and append them. Check "
         "the shapes: (n, n_0) @ (n_0, n_1) needs W^1's transpose.",
    cases=_forward_cases,
    mistakes=[(_forward_without_a0,
               "Your list starts at a^1: put the input batch itself first, as a^0, so that it "
               "holds L + 1 arrays a^0, a^1, ..., a^L (BP4 needs a^0 for the first layer)."),
              (_forward_last_layer_missing,
               "Your list stops one layer short: the output layer's a^L is missing. Loop over "
               "all L layers (zip(W, b) gives each W^l with its b^l)."),
              (_forward_stores_z,
               "Your list holds the weighted inputs z^l; it should hold the activations "
               "a^l = σ(z^l)."),
              (_forward_no_sigma,
               "Your layers have no σ: each layer's activation is a^l = σ(z^l), the sigmoid of "
               "the weighted input z^l, not z^l itself."),
              (_forward_no_sigma_at_the_output,
               "Your output layer has no σ: in this network every layer, the last one too, "
               "computes a^l = σ(z^l)."),
              (_forward_appends_first,
               "Your list holds a^0 twice and lacks a^L: each pass of the loop appends the "
               "activations it started from, before the layer computes the new ones. Append "
               "a^l after computing it."),
              (_forward_bias_after_sigma,
               "You add the bias after σ, σ(a^(l−1) (W^l)ᵀ) + b^l: the bias is part of the "
               "weighted input z^l, so it goes inside σ, and every a^l stays between 0 and 1."),
              (_forward_sigma_sign,
               "Your σ has the wrong sign in its exponent: 1/(1 + e^z) is σ(−z) = 1 − σ(z), "
               "which falls where σ rises. Check it against the chapter's σ (the notebook's "
               "sigmoid computes it)."),
              (_forward_relu,
               "Your neurons compute ReLU, max(0, z), not σ: this network is made of sigmoid "
               "neurons, a^l = σ(z^l) = 1/(1 + e^(−z^l)) in every layer, each activation "
               "between 0 and 1."),
              (_forward_relu_hidden,
               "Your hidden layers compute ReLU, max(0, z), not σ: this network is made of "
               "sigmoid neurons, a^l = σ(z^l) = 1/(1 + e^(−z^l)) in every layer, the hidden "
               "ones too."),
              (_forward_no_bias,
               "Your weighted inputs have no bias: z^l = a^(l−1) (W^l)ᵀ + b^l adds the layer's "
               "bias b^l to every row before σ, and you left b out.")],
    wrong_examples=[(_forward_without_a0, "starts at a^1"),
                    (_forward_last_layer_missing, "one layer short"),
                    (_forward_stores_z, "weighted inputs z^l"),
                    (_forward_no_sigma, "have no σ"),
                    (_forward_no_sigma_at_the_output, "output layer has no σ"),
                    (_forward_appends_first, "a^0 twice"),
                    (_forward_appends_first_indexed, "a^0 twice"),
                    (_forward_bias_after_sigma, "bias after σ"),
                    (_forward_bias_after_sigma_dot, "bias after σ"),
                    (_forward_sigma_sign, "wrong sign in its exponent"),
                    (_forward_sigma_sign_helper, "wrong sign in its exponent"),
                    (_forward_relu, "compute ReLU"),
                    (_forward_relu_hidden, "compute ReLU"),
                    (_forward_relu_mask, "compute ReLU"),
                    (_forward_output_only, "but it is a single ndarray"),
                    (_forward_columns, "is transposed"),
                    (_forward_star, "could not be broadcast"),
                    (_forward_untransposed, "needs the inner sizes equal"),
                    (_forward_no_return, "`return`"),
                    (_forward_input_every_layer, "needs the inner sizes equal"),
                    (_forward_bias_column, "shapes do not fit"),
                    (_forward_layers_reversed, "needs the inner sizes equal"),
                    (_forward_no_bias, "have no bias"),
                    (_forward_no_bias_loop, "have no bias")],
    right_examples=[_forward_tuple_with_z, _forward_columns_transposed_back, _forward_torch],
    rtol=1e-5, atol=1e-7,
    explanation="One matrix product per layer moves the whole batch: a^l = σ(a^(l−1) (W^l)ᵀ + b^l), "
                "with b^l added to every row. Backpropagation needs every a^l of the list: BP4 "
                "takes a^(l−1), and σ'(z^l) = a^l(1 − a^l).",
    reference=_mlp_forward)
def forward(W, b, a0):
    activations = [a0]
    for W_l, b_l in zip(W, b):
        activations.append(sigmoid(activations[-1] @ W_l.T + b_l))  # a^l = σ(a^(l-1) W^lᵀ + b^l)
    return activations


# --------------------------------------------------------------------- 2. backpropagation

def _backprop_no_sigma_prime_in_bp1(W, b, X, Y):
    acts = forward(W, b, X)
    delta = (acts[-1] - Y) / len(X)
    dW, db = [None] * len(W), [None] * len(b)
    for l in reversed(range(len(W))):
        dW[l], db[l] = delta.T @ acts[l], delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * (acts[l] * (1 - acts[l]))
    return dW, db


def _backprop_no_sigma_prime_in_bp2(W, b, X, Y):
    acts = forward(W, b, X)
    a = acts[-1]
    delta = (a - Y) * a * (1 - a) / len(X)
    dW, db = [None] * len(W), [None] * len(b)
    for l in reversed(range(len(W))):
        dW[l], db[l] = delta.T @ acts[l], delta.sum(axis=0)
        if l > 0:
            delta = delta @ W[l]
    return dW, db


def _sigmoid_prime_of_a(a):
    return sigmoid(a) * (1 - sigmoid(a))


def _backprop_sigma_prime_of_a(W, b, X, Y):
    acts = forward(W, b, X)
    delta = (acts[-1] - Y) * _sigmoid_prime_of_a(acts[-1]) / len(X)
    dW, db = [None] * len(W), [None] * len(b)
    for l in reversed(range(len(W))):
        dW[l], db[l] = delta.T @ acts[l], delta.sum(axis=0)
        if l > 0:
            delta = (delta @ W[l]) * _sigmoid_prime_of_a(acts[l])
    return dW, db


def _backprop_sigma_prime_of_a_in_bp2(W, b, X, Y):
    acts = forward(W, b, X)
    a = acts[-1]
    delta = (a - Y) * a * (1 - a) / len(X)
    dW, db = [None] * len(W), [None] * len(b)
    for l in range(len(W) - 1, -1, -1):
        dW[l], db[l] = delta.T @ acts[l], delta.sum(axis=0)
        if l > 0:
            s = sigmoid(acts[l])                    # σ of an activation: a second σ
            delta = (delta @ W[l]) * s * (1 - s)
    return dW, db


def _backprop_with(name, bp1=None, bp4=None, bp3=None, bp2=None, order=None, ret=None):
    """A backprop with one step replaced (for the wrong examples below), called ``name``."""
    def backprop(W, b, X, Y):
        acts = forward(W, b, X)
        a, n = acts[-1], len(X)
        delta = bp1(a, Y, n) if bp1 else (a - Y) * a * (1 - a) / n
        dW, db = [], []
        for l in reversed(range(len(W))):
            dW.append(bp4(delta, acts, l) if bp4 else delta.T @ acts[l])
            db.append(bp3(delta) if bp3 else delta.sum(axis=0))
            if l > 0:
                delta = (bp2(delta, W, acts, l) if bp2 else
                         (delta @ W[l]) * (acts[l] * (1 - acts[l])))
        if order != "backwards":
            dW, db = dW[::-1], db[::-1]
        return ret(dW, db) if ret else (dW, db)
    backprop.__name__ = backprop.__qualname__ = name
    return backprop


_backprop_no_mean = _backprop_with(
    "_backprop_no_mean", bp1=lambda a, Y, n: (a - Y) * a * (1 - a))
_backprop_sign = _backprop_with(
    "_backprop_sign", bp1=lambda a, Y, n: (Y - a) * a * (1 - a) / n)
_backprop_bp4_with_a_l = _backprop_with(
    "_backprop_bp4_with_a_l", bp4=lambda delta, acts, l: delta.T @ acts[l + 1])
_backprop_bp4_transposed = _backprop_with(
    "_backprop_bp4_transposed", bp4=lambda delta, acts, l: acts[l].T @ delta)
_backprop_bp3_wrong_axis = _backprop_with(
    "_backprop_bp3_wrong_axis", bp3=lambda delta: delta.sum(axis=1))
_backprop_bp3_mean = _backprop_with(
    "_backprop_bp3_mean", bp3=lambda delta: delta.mean(axis=0))
_backprop_bp2_transposed = _backprop_with(
    "_backprop_bp2_transposed",
    bp2=lambda delta, W, acts, l: (delta @ W[l].T) * (acts[l] * (1 - acts[l])))
_backprop_bp4_star = _backprop_with(
    "_backprop_bp4_star", bp4=lambda delta, acts, l: delta.T * acts[l])
_backprop_layers_backwards = _backprop_with("_backprop_layers_backwards", order="backwards")
_backprop_mean_twice = _backprop_with(
    "_backprop_mean_twice", bp4=lambda delta, acts, l: delta.T @ acts[l] / len(delta),
    bp3=lambda delta: delta.mean(axis=0))
_backprop_swapped = _backprop_with("_backprop_swapped", ret=lambda dW, db: (db, dW))
_backprop_sigma_prime_of_a_in_bp1 = _backprop_with(
    "_backprop_sigma_prime_of_a_in_bp1",
    bp1=lambda a, Y, n: (a - Y) * sigmoid(a) * (1 - sigmoid(a)) / n)


def _backprop_per_digit(W, b, X, Y):
    """Nielsen's way: one digit at a time, as columns, with the 1/n at the end."""
    dW = [np.zeros_like(w) for w in W]
    db = [np.zeros_like(c) for c in b]
    for x, y in zip(X, Y):
        acts = [x]
        for W_l, b_l in zip(W, b):
            acts.append(sigmoid(W_l @ acts[-1] + b_l))
        delta = (acts[-1] - y) * acts[-1] * (1 - acts[-1])
        for l in range(len(W) - 1, -1, -1):
            dW[l] += np.outer(delta, acts[l])
            db[l] += delta
            delta = (W[l].T @ delta) * acts[l] * (1 - acts[l])
    return [g / len(X) for g in dW], [g / len(X) for g in db]


def _backprop_with_z(W, b, X, Y):
    zs, acts = [], [X]
    for W_l, b_l in zip(W, b):
        zs.append(acts[-1] @ W_l.T + b_l)
        acts.append(sigmoid(zs[-1]))
    sigma_prime = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
    delta = (acts[-1] - Y) / len(X) * sigma_prime(zs[-1])
    dW, db = [], []
    for l in range(len(W) - 1, -1, -1):
        dW.insert(0, delta.T @ acts[l])
        db.insert(0, delta.sum(axis=0))
        if l > 0:
            delta = np.multiply(delta @ W[l], sigma_prime(zs[l - 1]))
    return dW, db


def _backprop_torch(W, b, X, Y):
    import torch
    Ws = [torch.tensor(w, requires_grad=True) for w in W]
    bs = [torch.tensor(c, requires_grad=True) for c in b]
    a = torch.tensor(X)
    for w, c in zip(Ws, bs):
        a = torch.sigmoid(a @ w.T + c)
    (0.5 * ((a - torch.tensor(Y)) ** 2).sum(dim=1).mean()).backward()
    return [w.grad.numpy() for w in Ws], [c.grad.numpy() for c in bs]


@code_exercise(
    "ch02.backprop",
    "Write backprop(W, b, X, Y): the gradients of the quadratic cost C = (1/n) Σ_x ½‖a^L − y‖² "
    "of a network of sigmoid neurons, by BP1-BP4. W, b: lists of the layers' weights and "
    "biases (W[l] takes acts[l] to acts[l + 1], where acts = forward(W, b, X)); X (n, n_0) a "
    "batch, one digit per row; Y (n, n_L) the one-hot targets. Return two lists (dW, db): "
    "dW[l] = ∇C with respect to W[l], the shape of W[l], and db[l] = ∇C with respect to b[l], "
    "the shape of b[l].",
    hint="Keep forward's list acts = [a^0, ..., a^L]. BP1 gives δ^L from a^L and Y, with "
         "σ'(z) = a(1 − a) and the 1/n of the mean. Then walk back over the layers, "
         "l = L − 1, ..., 0: the error δ of the layer acts[l + 1] gives dW[l] (BP4, with the "
         "layer's input acts[l]) and db[l] (BP3); BP2 then passes δ back through W[l], for "
         "the layer acts[l], while l > 0. Compare each array's shape with the parameter it "
         "belongs to.",
    cases=_backprop_cases,
    mistakes=[(_backprop_no_sigma_prime_in_bp1,
               "Your δ^L lacks σ'(z^L): BP1 is δ^L = ∇_a C ⊙ σ'(z^L), the cost's slope with "
               "respect to a^L times the sigmoid's slope (chain rule)."),
              (_backprop_no_sigma_prime_in_bp2,
               "Your BP2 lacks σ'(z^l): δ^(l+1) W^(l+1) is the slope with respect to a^l; the "
               "chain rule multiplies it by σ'(z^l) (⊙) to reach z^l."),
              (_backprop_sigma_prime_of_a,
               "You took σ' of the activations a instead of the weighted inputs z: σ'(z) = "
               "σ(z)(1 − σ(z)), and σ(z) is a already, so no second σ is needed."),
              (_backprop_sigma_prime_of_a_in_bp2,
               "Your BP2 takes σ' of the activations a^l instead of the weighted inputs z^l: "
               "you applied σ to a^l again, σ(a)(1 − σ(a)). σ'(z) = σ(z)(1 − σ(z)), and σ(z^l) "
               "is a^l already, so no second σ is needed.")],
    wrong_examples=[(_backprop_no_sigma_prime_in_bp1, "lacks σ'(z^L)"),
                    (_backprop_no_sigma_prime_in_bp2, "BP2 lacks σ'(z^l)"),
                    (_backprop_sigma_prime_of_a, "σ' of the activations"),
                    (_backprop_no_mean, "A missing 1/7"),
                    (_backprop_sign, "opposite sign"),
                    (_backprop_bp4_with_a_l, "shape"),
                    (_backprop_bp4_transposed, "is transposed"),
                    (_backprop_bp3_wrong_axis, "shape"),
                    (_backprop_bp3_mean, "An extra 1/7"),
                    (_backprop_bp2_transposed, "needs the inner sizes equal"),
                    (_backprop_bp4_star, "could not be broadcast"),
                    (_backprop_layers_backwards, "swapped"),
                    (_backprop_mean_twice, "An extra 1/7"),
                    (_backprop_swapped, "swapped"),
                    (_backprop_sigma_prime_of_a_in_bp2, "BP2 takes σ' of the activations"),
                    (_backprop_sigma_prime_of_a_in_bp1, "σ' of the activations a")],
    right_examples=[_backprop_per_digit, _backprop_with_z, _backprop_torch],
    explanation="One forward pass keeps every a^l; one backward pass turns δ^L into every δ^l "
                "(BP2) and reads off all the gradients (BP3, BP4). The 1/n enters once, in BP1, "
                "and reaches every gradient through BP2; σ'(z^l) = a^l(1 − a^l) needs no z.",
    reference=_mlp_backprop)
def backprop(W, b, X, Y):
    acts = forward(W, b, X)                      # a^0 = X, a^1, ..., a^L
    n, a = len(X), acts[-1]
    delta = (a - Y) * a * (1 - a) / n            # BP1: δ^L = (a^L − y)/n ⊙ σ'(z^L)
    dW, db = [None] * len(W), [None] * len(b)
    for l in reversed(range(len(W))):            # W[l] takes acts[l] to acts[l + 1]
        dW[l] = delta.T @ acts[l]                # BP4: δᵀ times the layer's input
        db[l] = delta.sum(axis=0)                # BP3: δ summed over the rows
        if l > 0:                                # BP2: δ back through W[l], times σ'
            delta = (delta @ W[l]) * (acts[l] * (1 - acts[l]))
    return dW, db


# --------------------------------------------------------------------- 3. the SGD step

def _sgd_uphill(W, b, dW, db, eta):
    return ([W_l + eta * g for W_l, g in zip(W, dW)],
            [b_l + eta * g for b_l, g in zip(b, db)])


def _sgd_no_eta(W, b, dW, db, eta):
    return [W_l - g for W_l, g in zip(W, dW)], [b_l - g for b_l, g in zip(b, db)]


def _sgd_biases_stay(W, b, dW, db, eta):
    return [W_l - eta * g for W_l, g in zip(W, dW)], b


def _sgd_divides_by_eta(W, b, dW, db, eta):
    return [W_l - g / eta for W_l, g in zip(W, dW)], [b_l - g / eta for b_l, g in zip(b, db)]


def _sgd_last_layer_stays(W, b, dW, db, eta):
    new_W, new_b = [w.copy() for w in W], [c.copy() for c in b]
    for l in range(len(W) - 1):
        new_W[l] = W[l] - eta * dW[l]
        new_b[l] = b[l] - eta * db[l]
    return new_W, new_b


def _sgd_last_layer_stays_append(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W) - 1):
        new_W.append(W[l] - eta * dW[l])
        new_b.append(b[l] - eta * db[l])
    return new_W + [W[-1]], new_b + [b[-1]]


def _sgd_returns_steps(W, b, dW, db, eta):
    return [eta * g for g in dW], [eta * g for g in db]


def _sgd_returns_changes(W, b, dW, db, eta):
    return [-eta * g for g in dW], [-eta * g for g in db]


def _sgd_returns_steps_loop(W, b, dW, db, eta):
    steps_W, steps_b = [], []
    for l in range(len(W)):
        steps_W.append(eta * dW[l])
        steps_b.append(db[l] * eta)
    return steps_W, steps_b


def _sgd_in_place(W, b, dW, db, eta):
    for l in range(len(W)):
        W[l] -= eta * dW[l]
        b[l] -= eta * db[l]
    return W, b


def _sgd_scales_the_gradient_in_place(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W)):
        dW[l] *= eta
        db[l] *= eta
        new_W.append(W[l] - dW[l])
        new_b.append(b[l] - db[l])
    return new_W, new_b


def _sgd_no_return(W, b, dW, db, eta):
    new_W = [W_l - eta * g for W_l, g in zip(W, dW)]       # noqa: F841
    new_b = [b_l - eta * g for b_l, g in zip(b, db)]       # noqa: F841


def _sgd_generators(W, b, dW, db, eta):
    return (W_l - eta * g for W_l, g in zip(W, dW)), (b_l - eta * g for b_l, g in zip(b, db))


def _sgd_swapped(W, b, dW, db, eta):
    return [b_l - eta * g for b_l, g in zip(b, db)], [W_l - eta * g for W_l, g in zip(W, dW)]


def _sgd_gradient_transposed(W, b, dW, db, eta):
    return ([W_l - eta * g.T for W_l, g in zip(W, dW)],
            [b_l - eta * g for b_l, g in zip(b, db)])


def _sgd_weights_with_bias_gradients(W, b, dW, db, eta):
    return ([W_l - eta * g for W_l, g in zip(W, db)],
            [b_l - eta * g for b_l, g in zip(b, dW)])


def _sgd_on_the_lists(W, b, dW, db, eta):
    return W - eta * dW, b - eta * db


def _sgd_biases_without_eta(W, b, dW, db, eta):
    return [W_l - eta * g for W_l, g in zip(W, dW)], [b_l - g for b_l, g in zip(b, db)]


def _sgd_biases_without_eta_loop(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W)):
        new_W.append(W[l] - eta * dW[l])
        new_b.append(b[l] - db[l])
    return new_W, new_b


def _sgd_only_last_layer(W, b, dW, db, eta):
    new_W, new_b = list(W), list(b)             # the old arrays, not changed in place
    new_W[-1] = W[-1] - eta * dW[-1]
    new_b[-1] = b[-1] - eta * db[-1]
    return new_W, new_b


def _sgd_only_last_layer_copies(W, b, dW, db, eta):
    new_W, new_b = [w.copy() for w in W], [c.copy() for c in b]
    L = len(W) - 1
    new_W[L] -= eta * dW[L]
    new_b[L] -= eta * db[L]
    return new_W, new_b


def _sgd_copies(W, b, dW, db, eta):
    new_W, new_b = [w.copy() for w in W], [c.copy() for c in b]
    for l in range(len(W)):
        new_W[l] -= eta * dW[l]
        new_b[l] -= eta * db[l]
    return new_W, new_b


def _sgd_subtract(W, b, dW, db, eta):
    return [[np.subtract(w, np.multiply(eta, g)) for w, g in zip(W, dW)],
            [np.subtract(c, np.multiply(eta, g)) for c, g in zip(b, db)]]


def _sgd_loop(W, b, dW, db, eta):
    new_W, new_b = [], []
    for l in range(len(W)):
        new_W.append(W[l] - eta * dW[l])
        new_b.append(b[l] - eta * db[l])
    return tuple(new_W), tuple(new_b)


@code_exercise(
    "ch02.sgd_step",
    "Write sgd_step(W, b, dW, db, eta): one step of gradient descent, W^l ← W^l − η ∇_W C and "
    "b^l ← b^l − η ∇_b C for every layer. W, b: lists of the layers' weights and biases; "
    "dW, db: lists of their gradients (as backprop returns them); eta: the learning rate η. "
    "Return two new lists (new_W, new_b), and leave the lists and arrays you were given "
    "unchanged.",
    hint="Go through the layers with zip(W, dW) and zip(b, db), and build new lists of "
         "arrays. An update with -= would change the caller's arrays: write W_l - ... instead.",
    cases=_sgd_cases,
    mistakes=[(_sgd_uphill,
               "Your step goes uphill: adding η ∇C increases the cost. Gradient descent moves "
               "against the gradient."),
              (_sgd_no_eta,
               "Your step has no η: the step is the gradient times the learning rate η."),
              (_sgd_biases_stay,
               "Your biases do not move: b^l takes its own step, with ∇_b C, like the weights."),
              (_sgd_divides_by_eta,
               "You divided by η: the step is η times the gradient, so a larger η takes a "
               "larger step."),
              (_sgd_last_layer_stays,
               "Your last layer does not move: its new weights and biases are the old ones "
               "(in a network of one layer, nothing moves at all). Does the loop over the "
               "layers stop one short, or does the function return the lists it was given?"),
              (_sgd_returns_steps,
               "You return the steps η ∇C themselves, not the new weights and biases: the "
               "step is taken from where the weights are now, and sgd_step returns where it "
               "ends (the old W^l and b^l moved by it)."),
              (_sgd_returns_changes,
               "You return the changes −η ∇C themselves, not the new weights and biases: the "
               "step is taken from where the weights are now, and sgd_step returns where it "
               "ends (the old W^l and b^l moved by it)."),
              (_sgd_biases_without_eta,
               "Your biases step without η: the weights take the step η ∇_W C, but the biases "
               "take ∇_b C alone. Both steps are the gradient times the learning rate η."),
              (_sgd_only_last_layer,
               "Only your last layer moves: the layers before it keep their old weights and "
               "biases. Every layer takes its own step, W^l and b^l for each l (zip(W, dW) "
               "goes through them all).")],
    wrong_examples=[(_sgd_uphill, "goes uphill"),
                    (_sgd_no_eta, "has no η"),
                    (_sgd_biases_stay, "biases do not move"),
                    (_sgd_divides_by_eta, "divided by η"),
                    (_sgd_last_layer_stays, "last layer does not move"),
                    (_sgd_last_layer_stays_append, "last layer does not move"),
                    (_sgd_returns_steps, "the steps η ∇C themselves"),
                    (_sgd_returns_changes, "the changes −η ∇C themselves"),
                    (_sgd_returns_steps_loop, "the steps η ∇C themselves"),
                    (_sgd_in_place, "changes its input `W`"),
                    (_sgd_scales_the_gradient_in_place, "changes its input `dW`"),
                    (_sgd_no_return, "`return`"),
                    (_sgd_generators, "generator"),
                    (_sgd_swapped, "swapped"),
                    (_sgd_gradient_transposed, "ValueError"),
                    (_sgd_weights_with_bias_gradients, "ValueError"),
                    (_sgd_on_the_lists, "TypeError"),
                    (_sgd_biases_without_eta, "biases step without η"),
                    (_sgd_biases_without_eta_loop, "biases step without η"),
                    (_sgd_only_last_layer, "Only your last layer moves"),
                    (_sgd_only_last_layer_copies, "Only your last layer moves")],
    right_examples=[_sgd_copies, _sgd_subtract, _sgd_loop],
    explanation="New lists leave the old weights to the caller: the training loop below "
                "replaces its lists with yours (W, b = sgd_step(...)), and a caller that wants "
                "to compare before and after still can. The course's MLP.sgd_step updates its "
                "arrays in place (W[l] -= η dW[l]), the same numbers without new arrays.")
def sgd_step(W, b, dW, db, eta):
    new_W = [W_l - eta * dW_l for W_l, dW_l in zip(W, dW)]   # W^l ← W^l − η ∇_W C
    new_b = [b_l - eta * db_l for b_l, db_l in zip(b, db)]   # b^l ← b^l − η ∇_b C
    return new_W, new_b


# --------------------------------------------------------------------- 4. the gradient check

def _numeric_one_sided(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        nudged = w.copy()
        nudged[i, j] += eps
        slopes.append((cost(nudged) - cost(w)) / eps)
    return np.array(slopes)


def _numeric_backward(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        nudged = w.copy()
        nudged[i, j] -= eps
        slopes.append((cost(w) - cost(nudged)) / eps)
    return np.array(slopes)


def _numeric_nudges_everything(cost, w, picks, eps):
    return np.array([(cost(w + eps) - cost(w - eps)) / (2 * eps) for _ in picks])


def _central(cost, w, i, j, eps, up_by=None, down_by=None):
    up, down = w.copy(), w.copy()
    up[i, j] += eps if up_by is None else up_by
    down[i, j] -= eps if down_by is None else down_by
    return cost(up), cost(down)


def _numeric_undone(cost, w, picks, eps):
    w = w.copy()               # as if w2 = w were a copy: the -ε nudge undoes the +ε one
    slopes = []
    for i, j in picks:
        w[i, j] += eps
        up = cost(w)
        w[i, j] -= eps
        down = cost(w)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_alias(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        w_up = w
        w_up[i, j] += eps
        up = cost(w_up)
        w_down = w
        w_down[i, j] -= eps
        down = cost(w_down)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_aliased_pair(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        w_up = w                   # no copies: two more names for w
        w_down = w
        w_up[i, j] += eps
        w_down[i, j] -= eps        # back where it started, before either cost is taken
        slopes.append((cost(w_up) - cost(w_down)) / (2 * eps))
    return np.array(slopes)


def _numeric_aliased_pair_tuple(cost, w, picks, eps):
    out = np.zeros(len(picks))
    for k, (i, j) in enumerate(picks):
        up, down = w, w
        up[i, j] = up[i, j] + eps
        down[i, j] = down[i, j] - eps
        out[k] = (cost(up) - cost(down)) / (2 * eps)
    return out


def _numeric_piled_up(cost, w, picks, eps):
    nudged = w.copy()          # one copy for all the picks, never put back
    slopes = []
    for i, j in picks:
        nudged[i, j] += eps
        up = cost(nudged)
        nudged[i, j] -= 2 * eps
        down = cost(nudged)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_piled_up_two_copies(cost, w, picks, eps):
    w_up, w_down = w.copy(), w.copy()
    slopes = []
    for i, j in picks:
        w_up[i, j] += eps
        w_down[i, j] -= eps
        slopes.append((cost(w_up) - cost(w_down)) / (2 * eps))
    return np.array(slopes)


def _numeric_precedence_copies(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        w_up, w_down = w.copy(), w.copy()
        w_up[i, j] += eps
        w_down[i, j] -= eps
        slopes.append((cost(w_up) - cost(w_down)) / 2 * eps)
    return np.array(slopes)


def _numeric_column_row(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        w_up, w_down = w.copy(), w.copy()
        w_up[j, i] += eps
        w_down[j, i] -= eps
        slopes.append((cost(w_up) - cost(w_down)) / (2 * eps))
    return np.array(slopes)


def _numeric_over_eps(cost, w, picks, eps):
    return np.array([np.subtract(*_central(cost, w, i, j, eps)) / eps for i, j in picks])


def _numeric_sign(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        up, down = _central(cost, w, i, j, eps)
        slopes.append((down - up) / (2 * eps))
    return np.array(slopes)


def _numeric_not_restored(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        w[i, j] += eps
        up = cost(w)
        w[i, j] -= 2 * eps
        down = cost(w)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_swapped_indices(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        up, down = _central(cost, w, j, i, eps)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_summed(cost, w, picks, eps):
    total = 0.0
    for i, j in picks:
        up, down = _central(cost, w, i, j, eps)
        total += (up - down) / (2 * eps)
    return total


def _numeric_precedence(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        up, down = _central(cost, w, i, j, eps)
        slopes.append((up - down) / 2 * eps)
    return np.array(slopes)


def _numeric_half_nudges(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        up, down = _central(cost, w, i, j, eps, up_by=eps / 2, down_by=eps / 2)
        slopes.append((up - down) / (2 * eps))
    return np.array(slopes)


def _numeric_column(cost, w, picks, eps):
    slopes = np.zeros((len(picks), 1))
    for k, (i, j) in enumerate(picks):
        up, down = _central(cost, w, i, j, eps)
        slopes[k] = (up - down) / (2 * eps)
    return slopes


def _numeric_basis(cost, w, picks, eps):
    out = []
    for i, j in picks:
        e = np.zeros_like(w)
        e[i, j] = eps
        out.append((cost(w + e) - cost(w - e)) / (2 * eps))
    return out


def _numeric_put_back(cost, w, picks, eps):
    slopes = np.empty(len(picks))
    for k, (i, j) in enumerate(picks):
        old = w[i, j]
        w[i, j] = old + eps
        up = cost(w)
        w[i, j] = old - eps
        down = cost(w)
        w[i, j] = old
        slopes[k] = (up - down) / (2 * eps)
    return slopes


@code_exercise(
    "ch02.numeric_gradient",
    "Write numeric_gradient(cost, w, picks, eps): estimates of ∂C/∂w[i, j] by central "
    "differences, (C(w + ε) − C(w − ε)) / (2ε) with only w[i, j] nudged, for each position "
    "(i, j) in picks. cost: a function that takes a weight matrix shaped like w and returns "
    "the cost C (a number); w: a weight matrix; picks: positions (i, j); eps: ε. Return an "
    "array with one slope per pick, in the order of picks, and leave w as it was.",
    hint="For each (i, j): make a copy of w with w[i, j] + ε, another with w[i, j] − ε, "
         "evaluate the cost on both, and divide their difference by the distance between the "
         "two nudged weights.",
    cases=_gradient_check_cases,
    mistakes=[(_numeric_one_sided,
               "That is a one-sided difference, (C(w + ε) − C(w)) / ε: its error shrinks only "
               "like ε. Nudge w[i, j] both ways, to w[i, j] + ε and w[i, j] − ε."),
              (_numeric_backward,
               "That is a one-sided difference, (C(w) − C(w − ε)) / ε: its error shrinks only "
               "like ε. Nudge w[i, j] both ways, to w[i, j] + ε and w[i, j] − ε."),
              (_numeric_nudges_everything,
               "You nudged every weight of w at once, so the difference measures the slope "
               "along all of them together. Nudge only w[i, j], one pick at a time."),
              (_numeric_undone,
               "Your C(w − ε) is C(w) itself: the −ε nudge only undoes the +ε one, because "
               "both nudges change one and the same array (w itself, or a second name for it: "
               "w2 = w makes no copy). The nudge down must start from w as it was."),
              (_numeric_aliased_pair,
               "Every slope of yours is 0: your two costs are taken at one and the same array, "
               "so the +ε and −ε nudges cancel before either cost is computed. A name such as "
               "w_up = w makes no copy, it is a second name for w: nudge copies of w "
               "(w.copy()), one up and one down."),
              (_numeric_piled_up,
               "Your nudges pile up: the array you nudge still carries the earlier picks' "
               "nudges, so each slope after the first is taken at another w. Start every "
               "pick from w as it was."),
              (_numeric_piled_up_two_copies,
               "Your nudges pile up: the arrays you nudge still carry the earlier picks' "
               "nudges, so each slope after the first is taken at another w. Start every "
               "pick from w as it was.")],
    wrong_examples=[(_numeric_one_sided, "one-sided difference"),
                    (_numeric_backward, "one-sided difference"),
                    (_numeric_nudges_everything, "nudged every weight"),
                    (_numeric_undone, "only undoes the +ε one"),
                    (_numeric_alias, "only undoes the +ε one"),
                    (_numeric_aliased_pair, "one and the same array"),
                    (_numeric_aliased_pair_tuple, "one and the same array"),
                    (_numeric_piled_up, "nudges pile up"),
                    (_numeric_piled_up_two_copies, "nudges pile up"),
                    (_numeric_precedence_copies, "operator precedence"),
                    (_numeric_column_row, "[j, i] where [i, j] is meant"),
                    (_numeric_over_eps, "A missing 1/2"),
                    (_numeric_sign, "opposite sign"),
                    (_numeric_not_restored, "changes its input `w`"),
                    (_numeric_swapped_indices, "IndexError"),
                    (_numeric_summed, "shape"),
                    (_numeric_precedence, "times the right"),
                    (_numeric_half_nudges, "An extra 1/2"),
                    (_numeric_column, "axis of length 1")],
    right_examples=[_numeric_basis, _numeric_put_back],
    rtol=1e-6, atol=1e-10,
    explanation="The central difference's error shrinks like ε², the one-sided one's only "
                "like ε, so with ε = 10⁻⁶ it agrees with backpropagation to about seven "
                "digits. Each slope costs two passes over the batch: fine for a few hundred "
                "weights, far too slow for all of them at every step, which is why we train "
                "with backpropagation.")
def numeric_gradient(cost, w, picks, eps):
    slopes = []
    for i, j in picks:
        nudged = w.copy()
        nudged[i, j] = w[i, j] + eps             # w[i, j] nudged up ...
        up = cost(nudged)
        nudged[i, j] = w[i, j] - eps             # ... and down
        down = cost(nudged)
        slopes.append((up - down) / (2 * eps))   # the central difference
    return np.array(slopes)


# --------------------------------------------------------------------- 5. BP1 for another cost

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


def _wrong_first_term_only(a, y):
    return -y * (1 - a) / len(a)             # from −y ln a alone: −y/a times a(1 − a)


def _wrong_first_term_unsimplified(a, y):
    n = a.shape[0]
    grad_a = -(y / a) / n                   # the (1 − y) ln(1 − a) term left out
    return grad_a * a * (1 - a)


def _wrong_no_mean(a, y):
    return a - y


def _wrong_sign(a, y):
    return (y - a) / len(a)


def _wrong_transposed(a, y):
    return ((a - y) / len(a)).T


def _wrong_per_output(a, y):
    return (a - y) / a.shape[1]


def _wrong_every_entry(a, y):
    return (a - y) / a.size


def _wrong_summed_over_the_batch(a, y):
    return ((a - y) / len(a)).sum(axis=0)


def _wrong_no_return(a, y):
    delta = (a - y) / len(a)    # noqa: F841


def _wrong_changes_a(a, y):
    a -= y
    return a / len(a)


def _wrong_n_minus_1(a, y):
    return (a - y) / (len(a) - 1)


def _right_loop(a, y):
    delta = np.empty_like(a)
    for x in range(a.shape[0]):
        for j in range(a.shape[1]):
            slope = (-y[x, j] / a[x, j] + (1 - y[x, j]) / (1 - a[x, j])) / len(a)
            delta[x, j] = slope * a[x, j] * (1 - a[x, j])
    return delta


def _right_torch(a, y):
    import torch
    return ((torch.from_numpy(a) - torch.from_numpy(y)) / a.shape[0]).numpy()


def _right_mean_of_rows(a, y):
    return np.subtract(a, y) * (1.0 / len(y))


@code_exercise(
    "ch02.bp1_cross_entropy",
    "Write bp1_cross_entropy(a, y): BP1, the output error δ^L = ∂C/∂z^L, for a network "
    "with sigmoid outputs a = σ(z^L) and the cross-entropy cost "
    "C = −(1/n) Σ_x Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]. a: (n, 10) outputs, one "
    "digit per row; y: (n, 10) one-hot targets. Return δ^L, shape (n, 10).",
    hint="BP1 is δ^L = ∇_a C ⊙ σ'(z^L). Differentiate C with respect to one output a_j: "
         "−y_j / a_j + (1 − y_j) / (1 − a_j), times the 1/n in front of the sum. Then write "
         "σ'(z^L) with a alone, as in the chapter's BP1, multiply, and simplify.",
    cases=_bp1_cases,
    mistakes=[(_wrong_quadratic,
               "That is BP1 of the classic network's quadratic cost. This cost's slope "
               "∇_a C has a(1 − a) in its denominator: multiply it by σ'(z^L) and "
               "simplify before you write the code."),
              (_wrong_gradient_only,
               "That is ∇_a C, the cost's slope with respect to the outputs a. BP1 asks for "
               "the slope with respect to z^L: multiply by σ'(z^L) (⊙, chain rule), and "
               "simplify."),
              (_wrong_per_output,
               "You divided by the number of outputs, the columns. The mean in C is over the "
               "n digits of the batch: the rows."),
              (_wrong_first_term_only,
               "You differentiated only the y ln a part of C: your δ^L is 0 wherever y_j = 0. "
               "The (1 − y) ln(1 − a) term depends on a_j too; differentiate it as well "
               "(mind its sign).")],
    wrong_examples=[(_wrong_quadratic, "BP1 of the classic network's quadratic cost"),
                    (_wrong_gradient_only, "BP1 asks for the slope with respect to z^L"),
                    (_wrong_per_output, "The mean in C is over the"),
                    (_wrong_first_term_only, "only the y ln a part"),
                    (_wrong_first_term_unsimplified, "only the y ln a part"),
                    (_wrong_no_mean, "A missing 1/"),
                    (_wrong_sign, "the opposite sign"),
                    (_wrong_transposed, "is transposed"),
                    (_wrong_every_entry, "An extra 1/10"),
                    (_wrong_summed_over_the_batch, "combines"),
                    (_wrong_no_return, "`return`"),
                    (_wrong_changes_a, "changes its input `a`"),
                    (_wrong_n_minus_1, "times the right")],
    right_examples=[_right_loop, _right_torch, _right_mean_of_rows],
    explanation="∂C/∂a_j = (a_j − y_j) / (n a_j (1 − a_j)) and σ'(z_j) = a_j (1 − a_j): "
                "the slope cancels, and δ^L = (a − y) / n. A confidently wrong output "
                "(a near 0 or 1) now gets a large error δ instead of a vanishing one, which is "
                "why cross-entropy learns at a small learning rate η where the quadratic cost "
                "crawls. Softmax outputs with their cross-entropy give the same formula "
                "(course.mlp uses it).")
def bp1_cross_entropy(a, y):
    n = a.shape[0]
    return (a - y) / n
