"""Chapter 2, A network from scratch: counting parameters, slopes, one epoch of SGD."""

import numpy as np

from ..check import exercise
from ..mlp import MLP, sigmoid
from ._data import bundled


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


@exercise("ch02.one_epoch",
          "Test accuracy of MLP([784, 16, 16, 10], seed=0, dtype=float32) after 1 epoch "
          "(batch size 10, lr 3, seed 0), as a fraction.",
          hint="Build the network with dtype=np.float32, fit on X.astype(np.float32) for one "
               "epoch, then call accuracy(X_test, y_test).", atol=0.005,
          mistakes=[(lambda a: 1 < a <= 100, "Give a fraction between 0 and 1, not a percentage.")])
def _one_epoch():
    d = bundled()
    X = (d.x_train.reshape(-1, 784) / 255.0).astype(np.float32)
    Xt = (d.x_test.reshape(-1, 784) / 255.0).astype(np.float32)
    net = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
    net.fit(X, d.y_train, epochs=1, batch_size=10, lr=3.0, seed=0)
    return net.accuracy(Xt, d.y_test)
