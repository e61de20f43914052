"""A multilayer perceptron in numpy, small enough to read in one sitting.

The classic network of the introductory slides is ``MLP([784, 16, 16, 10])``: 784 input
pixels, two hidden layers of 16 neurons and 10 outputs, 13,002 weights and biases. Any
layer sizes work.

Notation (as in chapter 2): layer l has weights ``W[l]`` of shape ``(n_l, n_{l-1})`` and
biases ``b[l]`` of shape ``(n_l,)``, as in Nielsen's book. A batch of inputs is a matrix
``X`` of shape ``(n, 784)``, one example per *row* (Nielsen writes one example as a
column, z = W a + b, and averages over the mini-batch in the update rule), so

    z^l = a^{l-1} W^lᵀ + b^l,     a^l = σ(z^l),     a^0 = X.

Backpropagation, for a batch, with δ^l = ∂C/∂z^l (one row per example):

    (BP1)  δ^L = ∂C/∂a^L ⊙ σ'(z^L)       (softmax + cross-entropy: δ^L = (a^L − y) / n)
    (BP2)  δ^l = (δ^{l+1} W^{l+1}) ⊙ σ'(z^l)
    (BP3)  ∂C/∂b^l = Σ_rows δ^l
    (BP4)  ∂C/∂W^l = δ^lᵀ a^{l-1}

The cost C is averaged over the batch, which puts the 1/n into BP1: quadratic
``C = mean_x ½‖a^L − y‖²`` with sigmoid outputs (the classic network's choice), or
cross-entropy ``C = −mean_x log a^L_{label}`` with softmax outputs. Hidden layers use
sigmoid or ReLU.

What it leaves out on purpose: momentum, regularisation, dropout and everything else
PyTorch does for us in the second half of chapter 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

__all__ = ["MLP", "History", "sigmoid", "one_hot"]

ACTIVATIONS = ("sigmoid", "relu")
LOSSES = ("quadratic", "cross_entropy")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def one_hot(labels: np.ndarray, classes: int = 10, dtype=np.float64) -> np.ndarray:
    """Labels (n,) ints in 0..classes-1 -> (n, classes) rows with a single 1."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size and (labels.min() < 0 or labels.max() >= classes):
        raise ValueError(f"labels must be a 1-D array of ints in 0..{classes - 1}, got shape "
                         f"{labels.shape} with values {labels.min() if labels.size else '-'}.."
                         f"{labels.max() if labels.size else '-'}.")
    out = np.zeros((len(labels), classes), dtype=dtype)
    out[np.arange(len(labels)), labels] = 1
    return out


@dataclass
class History:
    """What `MLP.fit` measured after each epoch (lists, one entry per epoch)."""

    train_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)


class MLP:
    """A fully connected network with parameters ``W`` and ``b`` (lists, one per layer).

    sizes : layer widths, input first, e.g. ``[784, 16, 16, 10]``.
    activation : ``"sigmoid"`` or ``"relu"`` for the hidden layers.
    loss : ``"quadratic"`` (sigmoid outputs) or ``"cross_entropy"`` (softmax outputs).
    seed : weights are drawn from N(0, 1/n_in), biases from N(0, 1), with this seed.
    dtype : ``np.float64`` (exact gradient checks) or ``np.float32`` (faster training).
    """

    def __init__(self, sizes: list[int], activation: str = "sigmoid", loss: str = "quadratic",
                 seed: int = 0, dtype=np.float64):
        sizes = list(sizes)
        if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and s >= 1 for s in sizes):
            raise ValueError(f"sizes must list at least two positive integers (input and output "
                             f"widths), e.g. [784, 16, 16, 10]; got {sizes}.")
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}.")
        if loss not in LOSSES:
            raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}.")
        self.sizes, self.activation, self.loss, self.dtype = sizes, activation, loss, np.dtype(dtype)
        rng = np.random.default_rng(seed)
        self.W = [(rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)).astype(self.dtype)
                  for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.b = [rng.standard_normal(n_out).astype(self.dtype) for n_out in sizes[1:]]

    def __repr__(self) -> str:
        return (f"MLP({self.sizes}, activation={self.activation!r}, loss={self.loss!r}): "
                f"{self.n_parameters:,} weights and biases")

    @property
    def n_parameters(self) -> int:
        """Number of weights and biases: Σ_l n_l (n_{l-1} + 1)."""
        return sum(W.size + b.size for W, b in zip(self.W, self.b))

    # --- the forward pass -------------------------------------------------------------

    def _hidden(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(z) if self.activation == "sigmoid" else np.maximum(z, 0)

    def _hidden_prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1 - a) if self.activation == "sigmoid" else (z > 0).astype(z.dtype)

    def _check_inputs(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X)
        if X.ndim == 3 and X.shape[1] * X.shape[2] == self.sizes[0]:
            X = X.reshape(len(X), -1)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X must have shape (n, {self.sizes[0]}) (or (n, 28, 28) images), "
                             f"got {X.shape}.")
        if X.dtype == np.uint8:
            raise ValueError("X holds uint8 pixels in 0..255; the network expects floats in "
                             "[0, 1]: load with load_mnist(as_float=True) or divide by 255.")
        return X.astype(self.dtype, copy=False)

    def forward(self, X: np.ndarray, *, keep: bool = False):
        """Output activations ``a^L`` of shape (n, n_out) for inputs X (n, n_in).

        With ``keep=True`` returns ``(zs, activations)``: the lists z^1..z^L and
        a^0..a^L that backpropagation needs.
        """
        a = self._check_inputs(X)
        zs, activations = [], [a]
        for layer, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W.T + b
            last = layer == len(self.W) - 1
            if not last:
                a = self._hidden(z)
            elif self.loss == "quadratic":
                a = sigmoid(z)
            else:
                a = _softmax(z)
            zs.append(z)
            activations.append(a)
        return (zs, activations) if keep else a

    def cost(self, X: np.ndarray, y: np.ndarray) -> float:
        """The batch-averaged cost C for inputs X and integer labels y (n,)."""
        return self._cost(self.forward(X), one_hot(y, self.sizes[-1], self.dtype))

    def _cost(self, out: np.ndarray, Y: np.ndarray) -> float:
        if self.loss == "quadratic":
            return float(0.5 * ((out - Y) ** 2).sum(axis=1).mean())
        p = np.clip((out * Y).sum(axis=1), np.finfo(self.dtype).tiny, None)
        return float(-np.log(p).mean())

    # --- backpropagation ----------------------------------------------------------------

    def gradients(self, X: np.ndarray, y: np.ndarray):
        """∂C/∂W and ∂C/∂b for every layer (lists shaped like ``W`` and ``b``), and C.

        The four equations BP1..BP4 of the module docstring, one layer at a time.
        """
        zs, acts = self.forward(X, keep=True)
        Y = one_hot(y, self.sizes[-1], self.dtype)
        n = len(Y)
        out = acts[-1]
        if self.loss == "quadratic":                       # BP1 for σ outputs
            delta = (out - Y) * out * (1 - out) / n
        else:                                              # BP1 for softmax + cross-entropy
            delta = (out - Y) / n
        dW, db = [None] * len(self.W), [None] * len(self.b)
        for l in range(len(self.W) - 1, -1, -1):
            dW[l] = delta.T @ acts[l]                      # BP4
            db[l] = delta.sum(axis=0)                      # BP3
            if l > 0:                                      # BP2
                delta = (delta @ self.W[l]) * self._hidden_prime(zs[l - 1], acts[l])
        return dW, db, self._cost(out, Y)

    def sgd_step(self, X: np.ndarray, y: np.ndarray, lr: float) -> float:
        """One step of gradient descent on the batch (X, y); returns the batch's cost before it."""
        dW, db, c = self.gradients(X, y)
        for l in range(len(self.W)):
            self.W[l] -= lr * dW[l]
            self.b[l] -= lr * db[l]
        return c

    # --- training and prediction ------------------------------------------------------

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Predicted class of each input: the index of the largest output, (n,) int64."""
        return self.forward(X).argmax(axis=1)

    def accuracy(self, X: np.ndarray, y: np.ndarray) -> float:
        """Share of inputs whose predicted class equals the label."""
        return float((self.predict(X) == np.asarray(y)).mean())

    def fit(self, X: np.ndarray, y: np.ndarray, *, epochs: int, batch_size: int, lr: float,
            seed: int = 0, test: tuple[np.ndarray, np.ndarray] | None = None,
            callback: Callable[[int, History], bool | None] | None = None,
            progress: bool = False, threads: int | None = 1) -> History:
        """Mini-batch stochastic gradient descent.

        Each epoch shuffles the training set (with ``seed``), walks through it in batches of
        ``batch_size`` and takes one `sgd_step` per batch. After each epoch the loss and
        accuracy on the training set (and on ``test = (X_test, y_test)``) are recorded;
        ``callback(epoch, history)`` is then called and may return True to stop early.

        threads : BLAS threads while training; None keeps numpy's setting. One by default:
            a batch's matrices are tiny, and on a shared 2-core machine a second thread
            only waits (measured under load: half the CPU time of an epoch with batches
            of 10, and the same numbers).
        """
        if threads is not None and not (isinstance(threads, (int, np.integer)) and threads >= 1):
            raise ValueError(f"threads must be a positive integer or None, got {threads!r}.")
        if threads is None:
            return self._fit(X, y, epochs, batch_size, lr, seed, test, callback, progress)
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=int(threads)):
            return self._fit(X, y, epochs, batch_size, lr, seed, test, callback, progress)

    def _fit(self, X, y, epochs, batch_size, lr, seed, test, callback, progress) -> History:
        X = self._check_inputs(X)
        y = np.asarray(y)
        if y.shape != (len(X),):
            raise ValueError(f"y must have shape ({len(X)},) to match X, got {y.shape}.")
        if not (isinstance(epochs, (int, np.integer)) and epochs >= 1):
            raise ValueError(f"epochs must be a positive integer, got {epochs!r}.")
        if not (isinstance(batch_size, (int, np.integer)) and batch_size >= 1):
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}.")
        if not (np.isfinite(lr) and lr > 0):
            raise ValueError(f"lr (the learning rate) must be a positive number, got {lr!r}.")
        rng = np.random.default_rng(seed)
        history = History()
        epoch_range = range(epochs)
        if progress:
            from tqdm.auto import tqdm
            epoch_range = tqdm(epoch_range, desc="epochs")
        for epoch in epoch_range:
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                batch = order[start:start + batch_size]
                self.sgd_step(X[batch], y[batch], lr)
            history.train_loss.append(self.cost(X, y))
            history.train_accuracy.append(self.accuracy(X, y))
            if test is not None:
                history.test_loss.append(self.cost(*test))
                history.test_accuracy.append(self.accuracy(*test))
            if callback is not None and callback(epoch, history):
                break
        return history
