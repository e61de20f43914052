# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] slideshow={"slide_type": "slide"}
# # 2 · A network from scratch
#
# We build the classic digit-recognising network with nothing but numpy: 784 pixels in,
# two hidden layers of 16 neurons, ten outputs. You will see every step it takes to
# learn (the forward pass, the cost, gradient descent, backpropagation, mini-batches),
# check the gradients against two independent computations, and then do the same in
# PyTorch and train networks live with a dashboard.
#
# The point is that there is no magic: about 150 lines of `course/mlp.py` learn to read
# handwriting to 90 % accuracy in a few seconds on a laptop.

# %% slideshow={"slide_type": "skip"}
import time

import matplotlib.pyplot as plt
import numpy as np

from course.data import load_mnist
from course.mlp import MLP, sigmoid

data = load_mnist("bundled", as_float=True)
X, y = data.x_train.reshape(-1, 784), data.y_train      # (4000, 784) floats in [0, 1]
X_test, y_test = data.x_test.reshape(-1, 784), data.y_test

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** no magic today: the classic 784-16-16-10 digit network in plain numpy, every step
# it takes to learn, its gradients checked twice, then the same in PyTorch and a live
# dashboard. About 150 lines of `course/mlp.py` read handwriting to 90 % in seconds.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The network
#
# Each neuron takes a weighted sum of the previous layer's values, adds a bias, and
# squashes the result with the *sigmoid* function σ(z) = 1 / (1 + e^(−z)). For layer l,
# with all examples of a batch as the rows of a matrix:
#
# $$z^l = a^{l-1} (W^l)^T + b^l, \qquad a^l = \sigma(z^l), \qquad a^0 = X.$$
#
# `W^l` has one row per neuron of layer l and one column per neuron of layer l − 1. The
# network of the lecture has 784 → 16 → 16 → 10 neurons. How many numbers does it learn?

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=0)
print(net)
for l, (W, b) in enumerate(zip(net.W, net.b), start=1):
    print(f"layer {l}: W {W.shape}, b {b.shape}: {W.size + b.size:,} parameters")

# %% slideshow={"slide_type": "subslide"}
z = np.linspace(-8, 8, 200)
fig, ax = plt.subplots(figsize=(5, 2.8))
ax.plot(z, sigmoid(z), label="σ(z)")
ax.plot(z, sigmoid(z) * (1 - sigmoid(z)), "--", label="σ'(z) = σ(z)(1 − σ(z))")
ax.set_xlabel("z (weighted input)")
ax.set_ylabel("value")
ax.set_title("The sigmoid and its slope")
ax.legend()
plt.show()

# %% [markdown] slideshow={"slide_type": "fragment"}
# Notice the slope: at most 0.25, and almost zero once |z| > 5. Keep it in mind; it is
# why this network learns slowly when its neurons are saturated.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** each neuron is a weighted sum plus a bias, squashed by the sigmoid; a layer is one
# matrix product. `W^l` has a row per neuron and a column per input.
#
# **Ask:** how many numbers does the 784-16-16-10 network learn, and where are most of them?
# **Expect:** 13,002; 12,560 in the first layer alone (16 neurons × 784 pixels + 16 biases).
#
# Then the plot: the sigmoid's slope is at most 0.25 (at z = 0) and nearly zero once |z| > 5.
# Saturated neurons barely learn; we come back to this.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The forward pass and the cost
#
# An untrained network has random weights, so its ten outputs are meaningless. The
# prediction is the output with the largest value.

# %% slideshow={"slide_type": "fragment"}
out = net.forward(X[:3])
with np.printoptions(precision=2, suppress=True):
    print("outputs for the first three digits:\n", out)
print("predicted:", out.argmax(axis=1), " true:", y[:3])

# %% [markdown] slideshow={"slide_type": "fragment"}
# To learn, the network needs a number that says how wrong it is: the *cost*. The
# lecture's choice is the quadratic cost: for each example, half the squared distance
# between the output vector and the one-hot vector of the true label (1 at the right
# digit, 0 elsewhere), averaged over the examples:
#
# $$C = \frac{1}{n} \sum_x \tfrac12 \lVert a^L(x) - y(x) \rVert^2.$$

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"cost of the untrained network on the training set: {net.cost(X, y):.4f}")
print(f"accuracy of the untrained network: {net.accuracy(X, y):.1%} (chance is 10%)")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the untrained network's ten outputs are meaningless, and the prediction is the
# largest output. The quadratic cost measures how far the outputs are from the one-hot label.
# Point at the numbers: cost 2.0059, accuracy 10.0 %.
#
# **Ask:** the three printed outputs are almost identical although the digits differ. What
# accuracy do you expect, and why exactly that? **Expect:** chance, 10 %: it gives the same
# answer (8) whatever the digit, and one digit in ten of the 4,000 (400 per class) is that class.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Gradient descent and backpropagation
#
# Gradient descent changes every weight a little in the direction that lowers the
# cost: w ← w − η ∂C/∂w, with a *learning rate* η. The question is how to get 13,002
# partial derivatives cheaply. Backpropagation computes them all in one backward sweep
# through the layers. With the error of layer l defined as δ^l = ∂C/∂z^l:
#
# $$\begin{aligned}
# &\text{(BP1)}\quad \delta^L = \nabla_{a} C \odot \sigma'(z^L) \\
# &\text{(BP2)}\quad \delta^l = \big(\delta^{l+1} W^{l+1}\big) \odot \sigma'(z^l) \\
# &\text{(BP3)}\quad \partial C / \partial b^l = \textstyle\sum_{\text{rows}} \delta^l \\
# &\text{(BP4)}\quad \partial C / \partial W^l = (\delta^l)^T a^{l-1}
# \end{aligned}$$
#
# BP1 starts at the output, BP2 passes the error back one layer at a time, and BP3 and
# BP4 read the gradients off the errors. `MLP.gradients` is these four lines in numpy.
#
# Backpropagation is easy to get subtly wrong, so we check it twice, independently:
# against *finite differences* (nudge one weight by ±ε and watch the cost change) and
# against PyTorch's automatic differentiation. Both checks run in 64-bit floats on a
# small batch.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "skip"}
import torch

check_net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=1)
xb, yb = X[:20].astype(np.float64), y[:20]
dW, db, _ = check_net.gradients(xb, yb)

def numeric_gradient(net, l, i, j, eps=1e-6):
    """∂C/∂W[l][i, j] by central differences: nudge one weight both ways."""
    old = net.W[l][i, j]
    net.W[l][i, j] = old + eps
    up = net.cost(xb, yb)
    net.W[l][i, j] = old - eps
    down = net.cost(xb, yb)
    net.W[l][i, j] = old
    return (up - down) / (2 * eps)

rng = np.random.default_rng(0)
for l in range(3):                       # every weight of layers 2 and 3; 200 random ones of layer 1
    rows, cols = check_net.W[l].shape
    picks = [(i, j) for i in range(rows) for j in range(cols)] if l > 0 else \
        [(rng.integers(rows), rng.integers(cols)) for _ in range(200)]
    numeric = np.array([numeric_gradient(check_net, l, i, j) for i, j in picks])
    exact = np.array([dW[l][i, j] for i, j in picks])
    rel = np.linalg.norm(numeric - exact) / (np.linalg.norm(numeric) + np.linalg.norm(exact))
    print(f"layer {l + 1}: {len(picks):4d} weights, relative error ‖numeric − backprop‖ / (‖numeric‖ + ‖backprop‖) "
          f"= {rel:.0e}  (≤ 1e-7: {rel <= 1e-7})")

Ws = [torch.tensor(W, requires_grad=True) for W in check_net.W]
bs = [torch.tensor(b, requires_grad=True) for b in check_net.b]
a = torch.tensor(xb)
for W, b in zip(Ws, bs):
    a = torch.sigmoid(a @ W.T + b)
target = torch.nn.functional.one_hot(torch.tensor(yb), 10).double()
(0.5 * ((a - target) ** 2).sum(1).mean()).backward()
diff = max(float(np.abs(ours - theirs.grad.numpy()).max()) for ours, theirs in zip(dW + db, Ws + bs))
print(f"PyTorch autograd: largest difference over all 13,002 gradients = {diff:.0e} (≤ 1e-10: {diff <= 1e-10})")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** gradient descent steps every weight against its slope, w ← w − η ∂C/∂w; backprop
# gets all 13,002 slopes in one backward sweep: BP1 at the output, BP2 passes the error back,
# BP3/BP4 read off the gradients. The check cell is hidden in the slides (40 lines); its
# results: relative error to finite differences 5e-08, 6e-09 and 8e-10 for layers 1 to 3, and
# the largest difference to PyTorch autograd over all 13,002 gradients is 6e-17.
#
# **Ask:** why not compute every gradient by finite differences and skip backprop?
# **Expect:** each weight needs two extra cost evaluations: about 26,000 forward passes per
# step, against one forward and one backward pass for backprop.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Mini-batches: training the lecture's network
#
# Computing the gradient on all 4,000 digits for every small step would be slow.
# *Stochastic* gradient descent shuffles the digits, cuts them into mini-batches of 10,
# and takes one step per batch: 400 steps per pass through the data (an *epoch*). Each
# step's gradient is noisy, but on average it points the right way.
#
# We use the lecture's settings: sigmoid everywhere, quadratic cost, η = 3, batches of
# 10, 30 epochs.

# %% slideshow={"slide_type": "fragment"}
seed_net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=0, dtype=np.float32)
start = time.perf_counter()
seed_history = seed_net.fit(X.astype(np.float32), y, epochs=30, batch_size=10, lr=3.0, seed=0,
                            test=(X_test, y_test), progress=True)
print(f"trained in {time.perf_counter() - start:.1f} s")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"accuracy after 30 epochs: training {seed_history.train_accuracy[-1]:.1%}, "
      f"test {seed_history.test_accuracy[-1]:.1%}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# Over 90 % of digits it has never seen, from 4,000 examples and 13,002 numbers. The
# gap between training and test accuracy is *overfitting*: the network has partly
# memorised its 4,000 examples.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** stochastic gradient descent: shuffle, batches of 10, one step per batch, 400 steps
# per epoch. The lecture's settings (sigmoid, quadratic, η = 3, 30 epochs) train in about
# 7 s here.
#
# **Ask:** training accuracy is 98.8 %, test 92.2 %. Which one do we report, and what is the
# gap? **Expect:** the test accuracy, on digits never seen; the gap is overfitting: the
# network has partly memorised its 4,000 examples.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Why the lecture's choices learn slowly
#
# Two of the lecture's choices hold learning back. When a sigmoid output is confidently
# wrong (close to 0 or 1), its slope σ' is nearly zero, and BP1 multiplies the error by
# that slope: the neuron that is most wrong learns least. The *cross-entropy* cost with
# a *softmax* output cancels the slope (BP1 becomes δ^L = a^L − y), and the *ReLU*
# activation, max(0, z), has slope 1 wherever it is active.
#
# Same network, same data, same learning rate, same number of steps:

# %% slideshow={"slide_type": "subslide"}
runs = {}
for activation, loss in [("sigmoid", "quadratic"), ("sigmoid", "cross_entropy"), ("relu", "cross_entropy")]:
    m = MLP([784, 16, 16, 10], activation=activation, loss=loss, seed=0, dtype=np.float32)
    runs[f"{activation} + {loss}"] = m.fit(X.astype(np.float32), y, epochs=6, batch_size=10,
                                          lr=0.1, seed=0, test=(X_test, y_test))

fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
for name, h in runs.items():
    axes[0].plot(range(1, 7), h.train_loss, "o-", label=name)
    axes[1].plot(range(1, 7), h.test_accuracy, "o-", label=name)
axes[0].set_yscale("log")
axes[0].set_title("training cost (each with its own cost function)")
axes[1].set_title("test accuracy")
for ax in axes:
    ax.set_xlabel("epoch")
axes[0].set_ylabel("cost")
axes[1].set_ylabel("accuracy")
axes[1].legend()
fig.suptitle("Learning rate 0.1, batches of 10: the lecture's choices (blue) learn slowest")
fig.tight_layout()
plt.show()

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
for name, h in runs.items():
    print(f"{name:<26} test accuracy after 1 epoch {h.test_accuracy[0]:6.1%}, after 6 epochs {h.test_accuracy[-1]:6.1%}")

# %% [markdown] slideshow={"slide_type": "skip"}
# (The two costs are different functions, so compare their *shapes* in the left plot
# and the accuracies on the right.) With the same small learning rate, sigmoid +
# quadratic crawls; the lecture compensates with a large η = 3.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a confidently wrong sigmoid output has slope near 0, so BP1 gives the most wrong
# neuron the smallest update. Cross-entropy with softmax cancels the slope; ReLU has slope 1
# where active. Same net, data, η = 0.1 and steps. (The two costs are different functions:
# compare the shapes on the left, the accuracies on the right.)
#
# **Ask:** which of the three is ahead after one epoch? **Expect:** ReLU + cross-entropy:
# 83.3 % after 1 epoch (89.7 % after 6); sigmoid + cross-entropy 42.1 % → 88.2 %; the
# lecture's sigmoid + quadratic crawls, 15.1 % → 40.8 %. The lecture compensates with η = 3.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Learning rate and batch size
#
# The learning rate sets the step size. Too small and learning crawls; too large and
# the steps overshoot. The batch size trades the noise of each step against the number
# of steps per epoch.

# %% slideshow={"slide_type": "subslide"}
fig, axes = plt.subplots(1, 2, figsize=(10, 3.4), sharey=True)
lr_results, batch_results = {}, {}
for lr in [0.03, 0.3, 3.0, 30.0]:
    m = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
    h = m.fit(X.astype(np.float32), y, epochs=3, batch_size=10, lr=lr, seed=0, test=(X_test, y_test))
    lr_results[lr] = h.test_accuracy
    axes[0].plot(range(1, 4), h.test_accuracy, "o-", label=f"η = {lr}")
for bs in [1, 10, 100]:
    m = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
    h = m.fit(X.astype(np.float32), y, epochs=3, batch_size=bs, lr=3.0, seed=0, test=(X_test, y_test))
    batch_results[bs] = h.test_accuracy
    axes[1].plot(range(1, 4), h.test_accuracy, "o-", label=f"batch size {bs}")
axes[0].set_title("learning rate (batch size 10)")
axes[1].set_title("batch size (η = 3)")
for ax in axes:
    ax.set_xlabel("epoch")
    ax.legend()
axes[0].set_ylabel("test accuracy")
fig.suptitle("Sigmoid + quadratic cost, 784-16-16-10")
fig.tight_layout()
plt.show()

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
for lr, acc in lr_results.items():
    print(f"η = {lr:<5} test accuracy after 3 epochs: {acc[-1]:.1%}")
for bs, acc in batch_results.items():
    print(f"batch size {bs:<4} test accuracy after 3 epochs: {acc[-1]:.1%}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# With batches of one digit the network takes 4,000 noisy steps per epoch; with batches
# of 100 it takes 40 smooth ones, and at the same η it learns far less per epoch. The
# best learning rate depends on the batch size, on the cost and on the network: there
# is no universal value.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** step size and batch size, sigmoid + quadratic, 3 epochs each.
#
# **Ask:** before the numbers: which learning rate wins, 0.03, 0.3, 3 or 30? **Expect:** 3.0
# with 90.3 %; 30 overshoots (52.7 %), 0.3 and 0.03 crawl (41.7 %, 18.1 %). For batch size at
# η = 3: 1 gives 76.6 %, 10 gives 90.3 %, 100 only 43.8 %: 40 smooth steps per epoch instead
# of 400. There is no universal best η; it depends on batch size, cost and network.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The same network in PyTorch
#
# PyTorch computes the gradients for us (the autograd check above is exactly that) and
# runs the same arithmetic. `course.training.train` is one training function for every
# PyTorch model in the course: it shuffles with a seed, shows a progress bar, records
# the same history, and can stop early. Here is the lecture's network again, with the
# same settings:

# %% slideshow={"slide_type": "fragment"}
from course.training import TrainConfig, accuracy, cached_train, make_cnn, make_mlp, train

torch_net = make_mlp((784, 16, 16, 10), activation="sigmoid", seed=0)
torch_history = train(torch_net, data.x_train, y,
                      TrainConfig(epochs=10, batch_size=10, lr=3.0, loss="quadratic", seed=0),
                      test=(data.x_test, y_test))

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"after 10 epochs with the lecture's settings: PyTorch {torch_history.test_accuracy[-1]:.1%}, "
      f"numpy {seed_history.test_accuracy[9]:.1%} test accuracy")

# %% [markdown] slideshow={"slide_type": "fragment"}
# The two differ a little, because the initial weights and the order of the batches are
# drawn differently; the method is the same.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** PyTorch computes the gradients for us (the autograd check was exactly that);
# `course.training.train` is the one training function for every PyTorch model in the course.
#
# **Ask:** same method, same settings, 10 epochs: PyTorch 90.9 %, numpy 92.4 %. Why not the
# same number? **Expect:** the initial weights and the order of the batches are drawn
# differently; the method is identical.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A bigger network, and a convolutional one
#
# Now the modern recipe: ReLU, cross-entropy, the Adam optimiser, more neurons. And
# a small *convolutional* network (CNN), which slides small 3 × 3 filters over the image
# instead of connecting every pixel to every neuron, so it recognises a stroke wherever
# it is. Trained models are kept in a cache (`~/.cache/mnist-course/models`), so when
# you run this notebook again they are loaded instead of retrained; the cache notices
# any change of architecture, data or settings.

# %% slideshow={"slide_type": "fragment"}
big_mlp, big_history, _ = cached_train(
    "ch02-mlp", make_mlp((784, 128, 10), seed=0), data.x_train, y,
    TrainConfig(epochs=10, batch_size=32, lr=3e-3, optimizer="adam", seed=0),
    test=(data.x_test, y_test))
cnn, cnn_history, _ = cached_train(
    "ch02-cnn", make_cnn(seed=0), data.x_train, y,
    TrainConfig(epochs=3, batch_size=64, lr=2e-3, optimizer="adam", augment=True, seed=0),
    test=(data.x_test, y_test))

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"MLP 784-128-10, ReLU, Adam, 10 epochs: test accuracy {big_history.test_accuracy[-1]:.1%}")
print(f"CNN with augmentation, 3 epochs:       test accuracy {cnn_history.test_accuracy[-1]:.1%}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# The CNN is trained for only 3 epochs here to keep the notebook quick; with small
# random shifts and rotations of the training digits (*augmentation*) and more epochs
# it passes 98 % on the official test set (`benchmarks/mlp_targets.py` measures that).

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the modern recipe (ReLU, cross-entropy, Adam, 128 hidden neurons) gives 94.3 %;
# a small CNN with augmentation gives 96.4 % after only 3 epochs (it passes 98 % on the
# official test set with more epochs). Trained models are cached, so a re-run loads them.
#
# **Ask:** why does the CNN beat the bigger MLP so quickly? **Expect:** its 3 × 3 filters
# slide over the whole image, so it recognises a stroke wherever it is instead of learning
# every pixel position separately.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Train your own: the dashboard
#
# Choose the hidden layers (for example `128` or `64, 32`), the activation, the cost,
# the learning rate, the batch size and the number of epochs, then press **Train**. The
# curves update after every epoch; **Stop** ends training early and keeps the network
# as far as it got (it is then in `dashboard.model`). Try the lecture's sigmoid +
# quadratic at η = 0.1 and then at η = 3; try a learning rate of 10 with ReLU.

# %% slideshow={"slide_type": "-"}
from course.dashboard import TrainingDashboard

dashboard = TrainingDashboard(data.x_train, y, data.x_test, y_test)
dashboard

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** live: hidden `16, 16`, sigmoid + quadratic at η = 0.1, press Train, watch the
# curves crawl; then η = 3. Then ReLU with a learning rate of 10. Let the room predict each
# run before pressing Train; Stop keeps the network as far as it got (`dashboard.model`).

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises
#
# **1.** How many weights and biases does a network with layer sizes 784, 30, 10 have?
#
# <details><summary>Hint</summary>
#
# Each layer has (inputs × outputs) weights plus one bias per output; or build
# `MLP([784, 30, 10])` and ask it.
# </details>

# %% slideshow={"slide_type": "fragment"}
from course.check import check

answer = None  # replace None with your answer
check("ch02.parameters", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# **2.** A sigmoid neuron's weighted input is z = 4. By what factor does σ'(z) shrink its
# error in BP1/BP2, compared with the largest possible slope at z = 0? Give σ'(4) / σ'(0)
# to three decimals.
#
# <details><summary>Hint</summary>
#
# σ'(z) = σ(z)(1 − σ(z)); `sigmoid` is imported above.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch02.slope_ratio", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **3.** Train `MLP([784, 16, 16, 10], seed=0)` (sigmoid, quadratic) for 1 epoch with
# batch size 10, η = 3 and `seed=0` on `X.astype(np.float32)`, `y`. What is its test
# accuracy (a fraction, two decimals)?
#
# <details><summary>Hint</summary>
#
# `m.fit(..., epochs=1, batch_size=10, lr=3.0, seed=0)` then `m.accuracy(X_test, y_test)`.
# Use `dtype=np.float32` when you build the network, as above.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch02.one_epoch", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** the answers if the room is stuck: 784·30 + 30 + 30·10 + 10 = 23,860 parameters;
# σ'(4)/σ'(0) = 0.071 (a saturated neuron passes back 7 % of the error, 14 times less);
# one epoch of the lecture's network gives 0.67 test accuracy.
#
# **Ask:** how many parameters has 784-30-10? **Expect:** 23,860.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * A network is a chain of weighted sums and squashing functions; the lecture's
#   784-16-16-10 network has 13,002 parameters.
# * Backpropagation gets all the gradients in one backward pass (BP1–BP4); we checked it
#   against finite differences and against PyTorch.
# * Mini-batch SGD with the lecture's settings reaches about 90 % on digits it never saw,
#   from 4,000 examples.
# * Sigmoid + quadratic cost learns slowly because saturated neurons have tiny slopes;
#   cross-entropy and ReLU fix that. Learning rate and batch size interact.
# * PyTorch does the same with less code; bigger networks and CNNs do better.
#
# Next: **03 · What did it learn?**

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a network is a chain of weighted sums and squashing functions (13,002 parameters
# here); backprop gets all gradients in one pass, checked against finite differences and
# PyTorch; mini-batch SGD reaches about 90 % on unseen digits from 4,000 examples; sigmoid +
# quadratic is slow, cross-entropy and ReLU fix it. Next: what did it learn?
