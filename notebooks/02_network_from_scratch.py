# ---
# jupyter:
#   jupytext:
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
# two hidden layers of 16 neurons, ten outputs. You write every step it takes to learn:
# the forward pass, backpropagation (derived here from the chain rule), a check of its
# gradients by finite differences, and the step of gradient descent. Then your code trains
# the network on mini-batches; after that we do the same in PyTorch and train networks
# live with a dashboard.
#
# The point is that there is no magic: a few lines of numpy, written by you, learn to
# read handwriting in seconds on a laptop.

# %% slideshow={"slide_type": "skip"}
import time

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from course.check import check, hint, use
from course.data import load_mnist
from course.mlp import MLP, History, one_hot, sigmoid
from course.plotting import show
from course.prose import md, pct
from course.spread import runs as spread_runs
from course.threads import one_thread

data = load_mnist("bundled", as_float=True)
X, y = data.x_train.reshape(-1, 784), data.y_train      # (4000, 784) floats in [0, 1]
X_test, y_test = data.x_test.reshape(-1, 784), data.y_test

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** no magic today: the classic 784-16-16-10 digit network from the introductory
# slides, in plain numpy, and the learners write its algorithm: the forward pass,
# backpropagation (derived from the chain rule on the slides), a finite-difference check
# and the SGD step, each judged by `check`. Their code then trains the network; then
# PyTorch and a live dashboard.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The network
#
# Each neuron takes a weighted sum of the previous layer's values, adds a bias, and
# squashes the result with the *sigmoid* function σ(z) = 1 / (1 + e^(−z)). We put the
# digits of a batch into the **rows** of a matrix, one digit per row, so that a whole
# batch goes through a layer in one matrix product:
#
# $$z^l = a^{l-1} (W^l)^T + b^l, \qquad a^l = \sigma(z^l), \qquad a^0 = X.$$
#
# `W^l` has one row per neuron of layer l and one column per neuron of layer l − 1. The
# classic network of the introductory slides has 784 → 16 → 16 → 10 neurons. How many
# numbers does it learn?

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
slope = lambda z: sigmoid(z) * (1 - sigmoid(z))
show(fig, alt=f"The sigmoid σ(z) (solid) rises from 0 to 1 as z goes from −8 to 8; its slope σ'(z) "
              f"(dashed) is a bump of height {slope(0.0):.2f} at z = 0, below {slope(5.0):.3f} once |z| > 5.")

# %% [markdown] slideshow={"slide_type": "fragment"}
# Notice the slope: at most 0.25, and almost zero once |z| > 5. Keep it in mind; it is
# why this network learns slowly when its neurons are saturated.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
first = net.W[0].size + net.b[0].size
md(f"""
**Say:** each neuron is a weighted sum plus a bias, squashed by the sigmoid; a layer is one
matrix product, with the batch's digits as rows. `W^l` has a row per neuron and a column per
input.

**Ask:** how many numbers does the 784-16-16-10 network learn, and where are most of them?
**Expect:** {net.n_parameters:,}; {first:,} in the first layer alone (16 neurons times 784
pixels, plus 16 biases).

Then the plot: the sigmoid's slope is at most 0.25 (at z = 0) and nearly zero once |z| > 5.
Saturated neurons barely learn; we come back to this.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The forward pass
#
# The *forward pass* computes the layers one after the other, from the pixels a^0 = X to
# the ten outputs a^L (here L = 3). Backpropagation will need every layer's activations,
# so the forward pass keeps them all. In Python the lists of weights and biases count from
# 0: `W[0]` and `b[0]` are W^1 and b^1 of the formula, so `W[l]` and `b[l]` take a^l to
# a^(l+1).
#
# **Your turn.** Write `forward(W, b, a0)`: `W` and `b` are lists with one array per
# layer (`W[l]` of shape (n_(l+1), n_l), `b[l]` of shape (n_(l+1),)), and `a0` is a
# batch (n, n_0), one digit per row. Return the list [a^0, a^1, ..., a^L], with a^0 = `a0`
# and a^l = σ(a^(l−1) (W^l)ᵀ + b^l). `sigmoid` is imported above. `check` runs your
# function on networks and batches it has not shown you and names the mistakes it
# recognises; `hint("ch02.forward")` gives a hint.

# %% slideshow={"slide_type": "fragment"}
def forward(W, b, a0):
    raise NotImplementedError  # replace this line with your code


check("ch02.forward", forward)

# %% [markdown] slideshow={"slide_type": "subslide"}
# The cells below compute with your `forward` once `check` accepts it, and with the
# course's until then (the next cell says which). An untrained network has random
# weights, so its ten outputs are meaningless; the prediction is the output with the
# largest value.

# %% slideshow={"slide_type": "fragment"}
forward = use("ch02.forward", forward)
out = forward(net.W, net.b, X[:3])[-1]           # a^L for the first three digits
with np.printoptions(precision=2, suppress=True):
    print("outputs for the first three digits:\n", out)
print("predicted:", out.argmax(axis=1), " true:", y[:3])

# %% [markdown] slideshow={"slide_type": "subslide"}
# To learn, the network needs a number that says how wrong it is: the *cost*. The
# classic network's choice is the quadratic cost: for each example, half the squared
# distance between the output vector and the one-hot vector of the true label (1 at the
# right digit, 0 elsewhere), averaged over the n examples:
#
# $$C = \frac{1}{n} \sum_x \tfrac12 \lVert a^L(x) - y(x) \rVert^2.$$

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print(f"cost of the untrained network on the training set: {net.cost(X, y):.4f}")
print(f"accuracy of the untrained network: {net.accuracy(X, y):.1%} (chance is 10%)")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
says = np.bincount(net.predict(X), minlength=10)
md(f"""
**Say:** the forward pass is one matrix product and one sigmoid per layer, and it keeps
every layer's activations for backpropagation. The learners write it; `check` names a
missing a^0, a missing σ, a transposed W. The untrained network's ten outputs are
meaningless, and the prediction is the largest output. The quadratic cost measures how far
the outputs are from the one-hot label. Point at the numbers: cost {net.cost(X, y):.4f},
accuracy {pct(net.accuracy(X, y))}.

**Ask:** the three printed outputs are almost identical although the digits differ. What
accuracy do you expect, and why exactly that? **Expect:** it answers {says.argmax()} for
{says.max():,} of the {len(X):,} training digits, so its accuracy is the share of
{says.argmax()}s in the data, {pct((y == says.argmax()).mean())}: chance.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Gradient descent
#
# Learning means changing every weight and bias a little in the direction that lowers the
# cost. For one weight w, the *partial derivative* ∂C/∂w says how fast C changes when w
# alone changes. The **gradient** collects them: ∇_W C is an array of the shape of W whose
# entry (j, k) is ∂C/∂W_jk, and ∇_b C is the same for b. The gradient points where C
# rises fastest, so *gradient descent* steps the other way, by a *learning rate* η:
#
# $$W^l \leftarrow W^l - \eta\, \nabla_{W^l} C, \qquad b^l \leftarrow b^l - \eta\, \nabla_{b^l} C.$$
#
# The question is how to get all the partial derivatives cheaply: nudging each weight in
# turn and watching the cost would take two passes through the network per weight.
# *Backpropagation* gets all of them from one pass forward and one backward, with the
# chain rule.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **The chain rule.** If C depends on u only through v, their slopes multiply:
# ∂C/∂u = (∂C/∂v)(∂v/∂u). If u acts on C through several quantities v_1, ..., v_m, the
# contributions add up:
#
# $$\frac{\partial C}{\partial u} = \sum_{j=1}^{m} \frac{\partial C}{\partial v_j}\,\frac{\partial v_j}{\partial u}.$$
#
# **Two more symbols.** ⊙ is the elementwise product of two arrays of the same shape,
# (A ⊙ B)_ij = A_ij B_ij: numpy's `*` (a matrix product is `@`). The *error* of layer l
# is the slope of the cost with respect to the layer's weighted inputs,
#
# $$\delta^l = \frac{\partial C}{\partial z^l}, \qquad \delta^l_{xj} = \frac{\partial C}{\partial z^l_{xj}},$$
#
# an array shaped like z^l: one row per digit x of the batch, one column per neuron j.
# Four equations, BP1 to BP4, compute every δ^l and from them every gradient.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **BP1: the output layer.** The cost is $C = \frac1n \sum_x \frac12 \sum_j (a^L_{xj} - y_{xj})^2$,
# so $\partial C/\partial a^L_{xj} = (a^L_{xj} - y_{xj})/n$: together
# ∇_a C = (a^L − y)/n. The output $a^L_{xj} = \sigma(z^L_{xj})$ depends on $z^L_{xj}$
# alone, so the chain rule has a single term,
# $\delta^L_{xj} = \frac{\partial C}{\partial a^L_{xj}}\, \sigma'(z^L_{xj})$. For all
# digits and outputs at once:
#
# $$\text{(BP1)}\quad \delta^L = \nabla_a C \odot \sigma'(z^L), \qquad \nabla_a C = \tfrac{1}{n}\,(a^L - y).$$
#
# **BP2: one layer back.** A weighted input $z^l_{xk}$ reaches the cost only through the
# next layer's weighted inputs of the same digit,
# $z^{l+1}_{xj} = \sum_k \sigma(z^l_{xk})\, W^{l+1}_{jk} + b^{l+1}_j$ for every neuron j,
# with the slopes $\partial z^{l+1}_{xj} / \partial z^l_{xk} = W^{l+1}_{jk}\, \sigma'(z^l_{xk})$.
# The chain rule sums over j:
#
# $$\delta^l_{xk} = \sum_j \delta^{l+1}_{xj}\, W^{l+1}_{jk}\, \sigma'(z^l_{xk}).$$
#
# The sum over j is entry (x, k) of the matrix product δ^(l+1) W^(l+1), so
#
# $$\text{(BP2)}\quad \delta^l = \big(\delta^{l+1} W^{l+1}\big) \odot \sigma'(z^l).$$

# %% [markdown] slideshow={"slide_type": "subslide"}
# **BP3 and BP4: the gradients.** A bias $b^l_j$ enters $z^l_{xj}$ of every digit x with
# slope 1, and a weight $W^l_{jk}$ enters it with slope $a^{l-1}_{xk}$, the input it
# multiplies. Each acts on the cost through all n digits of the batch, so the chain rule
# sums over the rows:
#
# $$\text{(BP3)}\quad \frac{\partial C}{\partial b^l_j} = \sum_x \delta^l_{xj}: \quad \nabla_{b^l} C \text{ is the sum of the rows of } \delta^l,$$
#
# $$\text{(BP4)}\quad \frac{\partial C}{\partial W^l_{jk}} = \sum_x \delta^l_{xj}\, a^{l-1}_{xk}: \quad \nabla_{W^l} C = (\delta^l)^T a^{l-1}.$$
#
# BP1 starts at the output, BP2 passes the error back one layer at a time, and BP3 and
# BP4 read the gradients off the errors. One more fact saves work: σ'(z) = σ(z)(1 − σ(z)),
# and σ(z^l) = a^l, so σ'(z^l) = a^l ⊙ (1 − a^l). The activations that the forward pass
# kept are all that backpropagation needs.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Where the 1/n comes from.** The cost is the *mean* of the n digits' costs, so every
# row of ∇_a C, and so of δ^L, carries a factor 1/n; BP2 passes it on to every δ^l, and
# the sums over the rows in BP3 and BP4 become averages over the batch.
#
# **Question.** Suppose the cost were the *sum* of the digits' costs instead of their
# mean, so that BP1 had no 1/n. Which learning rate, with batches of 10, would take
# exactly the same steps as the classic network's η = 3 does with the mean?
#
# <details><summary>Hint</summary>
#
# A step is η times the gradient. How does the gradient of a sum of n costs compare
# with the gradient of their mean?
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch02.sum_cost_lr", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# With the mean, the gradient's *average* does not depend on the batch size: the mean of n
# digits' gradients has the same expected value as one digit's. Its noise does depend on
# it, and so does the learning rate that works best, as the batch-size section measures.
#
# **Rows or columns.** Nielsen's book (*Neural Networks and Deep Learning*) writes one
# digit as a column, z = W a + b, runs backpropagation once per digit and puts the 1/m
# of the mini-batch into the update rule; here the whole batch goes through each layer
# as the rows of one matrix, z = a Wᵀ + b, and the 1/n sits in BP1. The numbers are the
# same.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** gradient descent steps every weight against its slope, W ← W − η ∇_W C; backprop
gets all {net.n_parameters:,} slopes in one backward sweep. The chain rule gives the four
equations: BP1 at the output (one term), BP2 one layer back (a sum over the next layer's
neurons, which is a matrix product), BP3/BP4 sums over the batch. The cost is a mean over
the batch, so BP1 carries a 1/n and BP3/BP4's sums over rows are averages. Nielsen's book
uses columns, one digit at a time, with the 1/m in the update rule: the same numbers.

**Ask:** why not compute every gradient by finite differences and skip backprop?
**Expect:** each weight needs two extra cost evaluations: about {2 * net.n_parameters:,}
forward passes per step, against one forward and one backward pass for backprop.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Backpropagation in code: your turn
#
# Write `backprop(W, b, X, Y)` for this network: sigmoid neurons in every layer, and the
# quadratic cost averaged over the batch. `W` and `b` are the lists of weights and
# biases, `X` (n, n_0) is a batch, one digit per row, and `Y` (n, n_L) its one-hot
# targets. Return two lists `(dW, db)`: `dW[l]` is ∇C with respect to `W[l]`, shaped
# like `W[l]`, and `db[l]` is ∇C with respect to `b[l]`, shaped like `b[l]`.
#
# With `acts = forward(W, b, X)`, the list [a^0, ..., a^L], `W[l]` takes `acts[l]` to
# `acts[l + 1]` (Python counts from 0). Start with BP1 at the output, then walk back from
# the last layer to the first: BP4 and BP3 give a layer's gradients, and BP2 the error of
# the layer below it (below the first layer there is none). `forward` is yours, or the
# course's until yours passes.

# %% slideshow={"slide_type": "fragment"}
def backprop(W, b, X, Y):
    raise NotImplementedError  # replace this line with your code


check("ch02.backprop", backprop)

# %% [markdown] slideshow={"slide_type": "subslide"}
# From here on the chapter computes with your `backprop` once `check` accepts it. The
# course's `MLP.gradients` is the same algorithm, written for sigmoid or ReLU hidden
# layers and two costs, and tested on its own. On a small batch the two agree to the
# last digits:

# %% slideshow={"slide_type": "fragment"}
backprop = use("ch02.backprop", backprop)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
small = MLP([784, 16, 16, 10], seed=1)            # float64, its own random weights
xb, yb = X[:20], y[:20]
dW, db = backprop(small.W, small.b, xb, one_hot(yb))
dW_ref, db_ref, _ = small.gradients(xb, yb)
diff = max(np.abs(mine - ref).max() for mine, ref in zip([*dW, *db], dW_ref + db_ref))
print(f"all {small.n_parameters:,} gradients on 20 digits: "
      f"largest difference from MLP.gradients below 1e-12: {diff < 1e-12}")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
sizes = {n: float(np.sqrt(sum((g ** 2).sum() for g in backprop(small.W, small.b, X[:n], one_hot(y[:n]))[0])))
         for n in (10, 100)}
md(f"""
**Say:** the learners turn BP1 to BP4 into code: `forward` keeps every layer's activations,
`backprop` walks back with BP1, then BP4, BP3 and BP2 for each layer. σ'(z) is a(1 − a),
so no z needs to be kept. `check` names a missing σ', a missing 1/n, a transpose, layers in
the wrong order. Theirs (or the course's) equals `MLP.gradients` (largest difference
{diff:.0e}).

**Ask:** the mean over the batch puts a 1/n into BP1. The gradient of all the weights on 10 digits
has size {sizes[10]:.3f}. About what size on 100 digits, with the mean, and with a sum?
**Expect:** with the mean about the same ({sizes[100]:.3f}): it is an average of similar
parts. With a sum it would be 100 times that, {100 * sizes[100]:.1f} (and {10 * sizes[10]:.2f}
on 10 digits), and η would have to shrink whenever the batch grows.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Checking the gradient by finite differences
#
# Backpropagation is easy to get subtly wrong, so we check it against a computation that
# shares none of its steps: nudge one weight w by a small ε both ways and watch the cost.
# The *central difference*
#
# $$\frac{\partial C}{\partial w} \approx \frac{C(w + \varepsilon) - C(w - \varepsilon)}{2\varepsilon}$$
#
# has an error that shrinks like ε² as ε shrinks (a one-sided difference,
# (C(w + ε) − C(w))/ε, only like ε). It costs two evaluations of the cost per weight, so
# we check a few hundred chosen weights, not all of them.
#
# **Your turn.** Write `numeric_gradient(cost, w, picks, eps)`: `cost` is a function that
# takes a weight matrix shaped like `w` and returns the cost (a number), `w` is one
# layer's weight matrix, `picks` a list of positions (i, j), and `eps` is ε. Return an
# array with one central difference per pick, in the order of `picks`, each nudging only
# `w[i, j]`, and leave `w` as it was.

# %% slideshow={"slide_type": "fragment"}
def numeric_gradient(cost, w, picks, eps):
    raise NotImplementedError  # replace this line with your code


check("ch02.numeric_gradient", numeric_gradient)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Now your `numeric_gradient` checks your `backprop` (the course's versions stand in for
# those not yet accepted), with ε = 10⁻⁶, on every weight of layers 2 and 3 and on 200
# random weights of layer 1, on 20 digits in 64-bit floats. PyTorch's automatic
# differentiation checks all the gradients once more (the cell is hidden in the slides;
# its verdicts are printed below it).

# %% slideshow={"slide_type": "fragment"}
numeric_gradient = use("ch02.numeric_gradient", numeric_gradient)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "skip"}
import torch

check_net = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=1)
xb, yb = X[:20].astype(np.float64), y[:20]
dW, db = backprop(check_net.W, check_net.b, xb, one_hot(yb))

def cost_of_layer(l):
    """C on the 20 digits as a function of the weights w of W[l], all else as it is."""
    def cost(w):
        W = check_net.W[:l] + [w] + check_net.W[l + 1:]
        return 0.5 * ((forward(W, check_net.b, xb)[-1] - one_hot(yb)) ** 2).sum(axis=1).mean()
    return cost

rng = np.random.default_rng(0)
fd_errors = []
for l in range(3):                       # every weight of layers 2 and 3; 200 random ones of layer 1
    rows, cols = check_net.W[l].shape
    picks = [(i, j) for i in range(rows) for j in range(cols)] if l > 0 else \
        [(rng.integers(rows), rng.integers(cols)) for _ in range(200)]
    numeric = numeric_gradient(cost_of_layer(l), check_net.W[l], picks, 1e-6)
    exact = np.array([dW[l][i, j] for i, j in picks])
    rel = np.linalg.norm(numeric - exact) / (np.linalg.norm(numeric) + np.linalg.norm(exact))
    fd_errors.append(rel)
    print(f"layer {l + 1}: {len(picks):4d} weights, relative error ‖numeric − backprop‖ / (‖numeric‖ + ‖backprop‖) "
          f"≤ 1e-7: {rel <= 1e-7}")

Ws = [torch.tensor(W, requires_grad=True) for W in check_net.W]
bs = [torch.tensor(b, requires_grad=True) for b in check_net.b]
a = torch.tensor(xb)
for W, b in zip(Ws, bs):
    a = torch.sigmoid(a @ W.T + b)
target = torch.nn.functional.one_hot(torch.tensor(yb), 10).double()
(0.5 * ((a - target) ** 2).sum(1).mean()).backward()
autograd_diff = max(float(np.abs(ours - theirs.grad.numpy()).max())
                    for ours, theirs in zip([*dW, *db], Ws + bs))
print(f"PyTorch autograd: largest difference over all {check_net.n_parameters:,} gradients "
      f"≤ 1e-10: {autograd_diff <= 1e-10}")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** a gradient check shares no step with backprop: nudge one weight both ways, watch
the cost. The central difference's error shrinks like ε², a one-sided one's like ε. The
learners write it; it agrees with their backprop (relative errors
{", ".join(f"{e:.0e}" for e in fd_errors)} for layers 1 to 3), and PyTorch autograd agrees
on every gradient (largest difference {autograd_diff:.0e}).

**Ask:** why check only {200 + sum(w.size for w in check_net.W[1:])} weights and not all
{check_net.n_parameters:,}? **Expect:** two cost evaluations per weight: all of them would
take {2 * check_net.n_parameters:,} passes over the batch, for a check that a few hundred
weights in every layer already make convincing.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Mini-batches: training the classic network
#
# Computing the gradient on all 4,000 digits for every small step would be slow.
# *Stochastic* gradient descent shuffles the digits, cuts them into mini-batches of 10,
# and takes one step per batch: 400 steps per pass through the data (an *epoch*). Each
# step's gradient is noisy, but on average it points the right way.
#
# **Your turn.** Write `sgd_step(W, b, dW, db, eta)`: one step of gradient descent,
# W^l ← W^l − η ∇_(W^l) C and b^l ← b^l − η ∇_(b^l) C for every layer, with the
# gradients `dW` and `db` as `backprop` returns them and `eta` = η. Return two *new*
# lists `(new_W, new_b)`, and leave the lists and arrays you were given as they were:
# the caller decides what to keep (the training loop below replaces its weights with
# yours).

# %% slideshow={"slide_type": "fragment"}
def sgd_step(W, b, dW, db, eta):
    raise NotImplementedError  # replace this line with your code


check("ch02.sgd_step", sgd_step)

# %% slideshow={"slide_type": "fragment"}
sgd_step = use("ch02.sgd_step", sgd_step)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Now your `backprop` and `sgd_step` train the network, with the settings of the
# introductory slides: sigmoid everywhere, quadratic cost, η = 3, batches of 10, 30
# epochs, from the random weights of the course's `MLP` (seed 0, 32-bit floats), which
# also measures the cost and accuracy after each epoch. (`MLP.fit`, which the sections
# after this one use, runs the same loop with the course's `gradients` and `sgd_step`.)

# %% slideshow={"slide_type": "fragment"}
classic = MLP([784, 16, 16, 10], activation="sigmoid", loss="quadratic", seed=0, dtype=np.float32)
X32, Y32 = X.astype(np.float32), one_hot(y, 10, np.float32)  # digits and one-hot targets
classic_history = History()                   # cost and accuracy after each epoch
shuffle = np.random.default_rng(0)
start = time.perf_counter()
with one_thread():                            # tiny matrices: one CPU thread is fastest
    for epoch in tqdm(range(30), desc="epochs"):
        order = shuffle.permutation(len(X))   # a new order of the digits in every epoch
        for first in range(0, len(X), 10):    # one step per batch of 10 digits
            batch = order[first:first + 10]
            dW, db = backprop(classic.W, classic.b, X32[batch], Y32[batch])
            classic.W, classic.b = sgd_step(classic.W, classic.b, dW, db, 3.0)
        classic_history.train_loss.append(classic.cost(X, y))
        classic_history.train_accuracy.append(classic.accuracy(X, y))
        classic_history.test_loss.append(classic.cost(X_test, y_test))
        classic_history.test_accuracy.append(classic.accuracy(X_test, y_test))
print(f"trained in {time.perf_counter() - start:.1f} s")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"} tolerance={"(\\d+\\.\\d)%": "ch02.classic_numpy_30_epochs"}
print(f"accuracy after 30 epochs: training {classic_history.train_accuracy[-1]:.1%}, "
      f"test {classic_history.test_accuracy[-1]:.1%}")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
train_acc, test_acc = classic_history.train_accuracy[-1], classic_history.test_accuracy[-1]
md(f"""
{pct(test_acc)} of digits it has never seen, from {len(X):,} examples and
{classic.n_parameters:,} numbers. The gap to the {pct(train_acc)} it gets on its training
digits is *overfitting*: the network has partly memorised its {len(X):,} examples.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** stochastic gradient descent: shuffle, batches of 10, one step per batch,
{len(X) // 10} steps per epoch. The learners write the step; their `backprop` and
`sgd_step` train the network with the settings of the introductory slides (sigmoid,
quadratic, η = 3, 30 epochs) in seconds. `MLP.fit` runs the same loop.

**Ask:** training accuracy is {pct(train_acc)}, test {pct(test_acc)}. Which one do we report,
and what is the gap? **Expect:** the test accuracy, on digits never seen; the gap,
{100 * (train_acc - test_acc):.1f} points, is overfitting: some of the {len(X):,} training
digits are known by heart rather than read.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Why the classic choices learn slowly, and what a learning rate hides
#
# Two of the classic choices hold learning back. When a sigmoid output is confidently
# wrong (close to 0 or 1), its slope σ' is nearly zero, and BP1 multiplies the error by
# that slope: the neuron that is most wrong learns least. The *cross-entropy* cost
# cancels that slope (the last exercise of this chapter lets you find out how), and the *ReLU* activation,
# max(0, z), has slope 1 wherever it is active.
#
# A *recipe* here names the hidden neurons' activation and the cost (the "modern recipe"
# further on also changes the optimiser and the width). With the cross-entropy cost the
# output layer is a *softmax*, as in `course.mlp`: its 10 outputs
# $a_j = e^{z_j} / \sum_k e^{z_k}$ are positive and add up to 1, one share per digit, and the
# cost is $C = -\frac{1}{n} \sum_x \ln a_{\text{label}(x)}$, the log of the share given to the
# right digit. So "sigmoid + cross-entropy" means sigmoid hidden neurons, softmax outputs
# and that cost; with the quadratic cost the outputs are sigmoids too. (The chapter's last
# exercise keeps sigmoid outputs and writes a cross-entropy for them, summed over the ten
# outputs; its BP1 comes out as $\delta^L = (a^L - y)/n$, and so does the softmax's.)
#
# Compared at one learning rate, though, a recipe wins partly because that rate suits
# it. So we train each of three recipes at seven learning rates, 3 epochs each, with
# batches of 10, and compare them both at one shared η = 0.1 and each at its best η.

# %% slideshow={"slide_type": "subslide"}
recipes = [("sigmoid", "quadratic"), ("sigmoid", "cross_entropy"), ("relu", "cross_entropy")]
rates = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
runs = {}                                        # (recipe, η) -> History of 3 epochs
for recipe in recipes:
    for lr in rates:
        m = MLP([784, 16, 16, 10], activation=recipe[0], loss=recipe[1], seed=0, dtype=np.float32)
        runs[recipe, lr] = m.fit(X, y, epochs=3, batch_size=10, lr=lr, seed=0, test=(X_test, y_test))
# each recipe's best η: the highest *training* accuracy after 3 epochs (no peeking at the test digits)
best = {r: max(rates, key=lambda lr: runs[r, lr].train_accuracy[-1]) for r in recipes}
print(f"{len(runs)} networks trained: {len(recipes)} recipes × {len(rates)} learning rates, 3 epochs each")

# %% slideshow={"slide_type": "subslide"}
fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
for r in recipes:
    name = f"{r[0]} + {r[1].replace('_', '-')}"
    axes[0].plot(range(1, 4), runs[r, 0.1].test_accuracy, marker="o", label=name)  # colour and dash
    axes[1].plot(rates, [runs[r, lr].test_accuracy[-1] for lr in rates], marker="o", label=name)
axes[0].set(title="all at η = 0.1", xlabel="epoch", ylabel="test accuracy", xticks=[1, 2, 3])
axes[1].set(title="after 3 epochs, at each learning rate", xlabel="learning rate η",
            ylabel="test accuracy", xscale="log")
axes[0].legend(loc="center right")
fig.suptitle("Three recipes, 784-16-16-10, batches of 10: the classic one is solid blue")
fig.tight_layout()
names = [f"{a.replace('relu', 'ReLU')} + {c.replace('_', '-')}" for a, c in recipes]
show(fig, alt=f"Test accuracy of three recipes for the 784-16-16-10 network. Left, all at η = 0.1, "
              f"over 3 epochs: " + ", ".join(f"{n} reaches {pct(runs[r, 0.1].test_accuracy[-1])}"
                                           for n, r in zip(names, recipes))
              + ". Right, after 3 epochs at learning rates from 0.01 to 10 (log scale): each recipe "
              f"has its own range of good rates; the best by training accuracy is "
              + ", ".join(f"η = {best[r]:g} for {n}" for n, r in zip(names, recipes)) + ".")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"} tolerance={"(?m)at η = 0\\.1: +(.*)\\(test": "ch02.recipes"}
for r in recipes:
    print(f"{r[0]:>7} + {r[1]:<13} at η = 0.1: {runs[r, 0.1].test_accuracy[-1]:6.1%}   "
          f"at its best η = {best[r]:<4g}: {runs[r, best[r]].test_accuracy[-1]:6.1%}  (test, after 3 epochs)")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
classic_r, relu_r = recipes[0], recipes[2]
tuned = {r: runs[r, best[r]].test_accuracy[-1] for r in recipes}
leader = max(recipes, key=tuned.get)
spread = 100 * (max(tuned.values()) - min(tuned.values()))
relu_at_classic = runs[relu_r, best[classic_r]].test_accuracy[-1]
# The same 21 trainings in 10 runs: 5 random seeds, each computed on two code paths (benchmarks/spread.py):
# columns as printed above: for each recipe the accuracy at η = 0.1, its best η, and the
# accuracy at that η (%); the last of each three here.
other_runs = spread_runs("ch02.recipes")[:, 2::3]
led = np.mean(other_runs.argmax(1) == recipes.index(leader))
recipe_names = [f"{a.replace('relu', 'ReLU')} + {c.replace('_', '-')}" for a, c in recipes]
md(f"""
At the shared η = 0.1 (left) the classic recipe crawls: {pct(runs[classic_r, 0.1].test_accuracy[-1])}
after 3 epochs, against {pct(runs[relu_r, 0.1].test_accuracy[-1])} for ReLU + cross-entropy.
But η = 0.1 is a rate the modern recipe likes, not the classic one. Each at its own best η
(right; chosen by training accuracy), the three reach {", ".join(pct(tuned[r]) for r in recipes)}
of the test digits: {spread:.1f} points apart, with {leader[0]} + {leader[1].replace("_", "-")}
ahead in this run. Is that a ranking? Trained in 10 runs (5 random seeds, this run's among
them, each computed both with this processor's fast kernels and with the generic ones another
processor might use), the best η gave {"; ".join(f"{n} {lo:.1f}–{hi:.1f} %" for n, lo, hi in
zip(recipe_names, other_runs.min(0), other_runs.max(0)))}, and {recipe_names[recipes.index(leader)]} came
first in {round(led * len(other_runs))} of {len(other_runs)} runs:
{"a ranking that holds" if led == 1 else "no recipe leads in every run; at their best η the differences between them are about the size of the spread of a training run"}.
And at η = {best[classic_r]:g}, the classic recipe's best, ReLU + cross-entropy gets
{pct(relu_at_classic)}{" (chance level: at that η it does not learn at all)" if relu_at_classic < 0.15 else ""}.
So the classic network needs a large η, such as the 3 of the introductory slides (its BP1
multiplies every error by σ' ≤ 0.25, and a small η leaves its steps tiny); a comparison at one shared η says more about that η than about the
recipes.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** a confidently wrong sigmoid output has slope near 0, so BP1 gives the most wrong
neuron the smallest update. Cross-entropy cancels the slope; ReLU has slope 1 where active.
That is why at η = 0.1 the classic recipe crawls ({pct(runs[classic_r, 0.1].test_accuracy[-1])}
after 3 epochs against {pct(runs[relu_r, 0.1].test_accuracy[-1])}).

**Ask:** is the classic recipe simply worse? **Expect:** not on this network: at its own best
η = {best[classic_r]:g} it gets {pct(tuned[classic_r])}, the sigmoid + cross-entropy recipe
{pct(tuned[recipes[1]])} at η = {best[recipes[1]]:g}, ReLU + cross-entropy {pct(tuned[relu_r])}
at η = {best[relu_r]:g}. Each recipe has its own range of good learning rates; compare
recipes each at its best, with η chosen without the test digits.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Batch size and learning rate
#
# The batch size sets how many digits each step averages over, and so how many steps an
# epoch takes: 4,000 with batches of 1, 400 with batches of 10, 40 with batches of 100.
# The classic recipe at η = 3, for 3 epochs, with each batch size, and batches of 1 once
# more with a ten times smaller η:

# %% slideshow={"slide_type": "subslide"}
batch_runs = {(10, 3.0): runs[classic_r, 3.0]}   # batches of 10 at η = 3: trained above
for bs, lr in [(1, 3.0), (100, 3.0), (1, 0.3)]:
    m = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
    batch_runs[bs, lr] = m.fit(X, y, epochs=3, batch_size=bs, lr=lr, seed=0, test=(X_test, y_test))

fig, ax = plt.subplots(figsize=(7.5, 3.4))
for (bs, lr), h in sorted(batch_runs.items(), key=lambda item: (-item[0][1], item[0][0])):
    ax.plot(range(1, 4), h.test_accuracy, marker="o" if lr == 3.0 else "s",  # colour and dash
            label=f"batch size {bs}, η = {lr:g}: {len(X) // bs:,} steps per epoch")
ax.set(xlabel="epoch", ylabel="test accuracy", xticks=[1, 2, 3],
       title="Sigmoid + quadratic cost, 784-16-16-10")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)  # below the plot
final = {key: h.test_accuracy[-1] for key, h in batch_runs.items()}
top, bottom = max(final, key=final.get), min(final, key=final.get)
show(fig, alt="Test accuracy over 3 epochs of the classic network for four settings; after 3 epochs: "
              + "; ".join(f"batch size {bs} at η = {lr:g}: {pct(a)}" for (bs, lr), a in final.items())
              + f". Best: batch size {top[0]} at η = {top[1]:g}; worst: batch size {bottom[0]} at "
              f"η = {bottom[1]:g}.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"(\\d+\\.\\d)%": "ch02.batch_sizes"}
for (bs, lr), h in batch_runs.items():
    print(f"batch size {bs:<4} η = {lr:<4g} test accuracy after 3 epochs: {h.test_accuracy[-1]:.1%}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Why is one digit per step worse at η = 3, and not at η = 0.3? The step is η times the
# gradient of the batch's mean cost, and a mean has the same expected value whatever the
# batch size: on average a step on one digit points where a step on ten does (it is not as
# long: one digit's gradient is noisier, and its noise makes it longer). With ten times as
# many steps per epoch, batches of 1 at η = 3 push the network about as far per epoch as
# batches of 10 would at η = 30. And each of those steps is noisier. We measure how far a batch's gradient is
# from the gradient over all 4,000 digits, for the classic network after one epoch:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"off by (\\d+\\.\\d)": "ch02.gradient_noise"}
def gradient(net, rows):
    """All the weight gradients of `net` on the digits `rows`, as one long vector."""
    return np.concatenate([g.ravel() for g in net.gradients(X[rows], y[rows])[0]])

after_one = MLP([784, 16, 16, 10], seed=0, dtype=np.float32)
after_one.fit(X, y, epochs=1, batch_size=10, lr=3.0, seed=0)   # the classic network, 1 epoch
full = gradient(after_one, np.arange(len(X)))
rng = np.random.default_rng(0)
noise = {}
for bs in (1, 10):
    off = [np.linalg.norm(gradient(after_one, rng.choice(len(X), bs, replace=False)) - full)
           for _ in range(200)]
    noise[bs] = np.sqrt(np.mean(np.square(off))) / np.linalg.norm(full)
    print(f"batch of {bs:>2}: gradient off by {noise[bs]:.1f} × the size of the full gradient "
          "(root mean square over 200 batches)")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
acc = {key: h.test_accuracy[-1] for key, h in batch_runs.items()}
md(f"""
A single digit's gradient is off by {noise[1]:.1f} times the size of the direction that
matters, a batch of 10's by {noise[10]:.1f}: averaging ten digits divides the noise by about
√10 ≈ 3.2 (measured: {noise[1] / noise[10]:.1f}). So at η = 3, batches of 1 take ten times
as many steps, each about three times noisier, and reach {pct(acc[1, 3.0])} after 3 epochs
against {pct(acc[10, 3.0])} for batches of 10. Divide η by ten for batches of 1 (η = 0.3):
an epoch then moves as far as one with batches of 10 at η = 3, with the noise averaged over
ten times more steps, and it reaches {pct(acc[1, 0.3])}. Batches of 100 have the opposite
problem at η = 3: only {len(X) // 100} smooth steps per epoch, {pct(acc[100, 3.0])}. The best
learning rate depends on the batch size, on the cost and on the network: there is no
universal value.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** the step is η times the gradient of the batch's *mean* cost, so a one-digit step
points on average where a ten-digit step does (it is noisier, and so longer), and batch
size 1 takes ten times as many of them.

**Ask:** batch size 1 gets {pct(acc[1, 3.0])} after 3 epochs at η = 3, batch size 10
{pct(acc[10, 3.0])}. Why, and what would you change? **Expect:** ten times as many steps
with the same expected direction per epoch, like a ten times larger η, and each step noisier
(off by {noise[1]:.1f} times the full gradient's size against {noise[10]:.1f}); divide η by
ten: batch size 1 at η = 0.3 gets {pct(acc[1, 0.3])}. Batch size 100 at η = 3 takes only
{len(X) // 100} steps per epoch: {pct(acc[100, 3.0])}.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The same network in PyTorch
#
# PyTorch computes the gradients for us (the autograd check above is exactly that) and
# runs the same arithmetic. `course.training.train` is one training function for every
# PyTorch model in the course: it shuffles with a random seed, shows a progress bar,
# records the same history, and can stop early. Here is the classic network again, with
# the same settings:

# %% slideshow={"slide_type": "fragment"}
from course.training import TrainConfig, cached_train, make_cnn, make_mlp, train

torch_net = make_mlp((784, 16, 16, 10), activation="sigmoid", seed=0)
torch_history = train(torch_net, data.x_train, y,
                      TrainConfig(epochs=10, batch_size=10, lr=3.0, loss="quadratic", seed=0),
                      test=(data.x_test, y_test))

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"(\\d+\\.\\d)%": "ch02.pytorch_and_numpy_10_epochs"}
print(f"after 10 epochs with the classic settings: PyTorch {torch_history.test_accuracy[-1]:.1%}, "
      f"numpy {classic_history.test_accuracy[9]:.1%} test accuracy")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
both = spread_runs("ch02.pytorch_and_numpy_10_epochs")   # 5 seeds x 2 code paths: PyTorch, numpy (%)
md(f"""
The two differ, although the method is the same: the initial weights come from other
random distributions (PyTorch draws weights and biases uniformly between ±1/√n_in,
`MLP` weights from N(0, 1/n_in) and biases from N(0, 1)), and the batches come in
another order. Is one of them better? Trained in 10 runs (5 random seeds, this run's among
them, each computed on two code paths: this processor's kernels and generic ones), PyTorch ended between {both[:, 0].min():.1f} and {both[:, 0].max():.1f} %, numpy
between {both[:, 1].min():.1f} and {both[:, 1].max():.1f} %, and numpy was ahead in
{int((both[:, 1] > both[:, 0]).sum())} of {len(both)} runs:
{"numpy is better" if (both[:, 1] > both[:, 0]).all() else "PyTorch is better" if (both[:, 0] > both[:, 1]).all() else "neither is better; the gap in one run is the spread of training, not a difference between the two"}.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** PyTorch computes the gradients for us (the autograd check was exactly that);
`course.training.train` is the one training function for every PyTorch model in the course.

**Ask:** same method, same settings, 10 epochs: PyTorch {pct(torch_history.test_accuracy[-1])},
numpy {pct(classic_history.test_accuracy[9])}. Why not the same number? **Expect:** the
method is identical, but the initial weights come from other distributions (uniform in
PyTorch, Gaussian with N(0, 1) biases in `MLP`) and the batches in another order.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A bigger network, and a convolutional one
#
# Now the modern recipe: ReLU, cross-entropy, the Adam optimiser, more neurons. And
# a small *convolutional* network (CNN), which slides small 3 × 3 filters over the image
# instead of connecting every pixel to every neuron, so it recognises a stroke wherever
# it is. The CNN is trained with *augmentation*: in every epoch each training digit is
# moved by up to 2 pixels and turned by up to 10°, at random, so the network sees more
# ways a digit can sit on the page. Trained models are kept in a cache (`~/.cache/mnist-course/models`), so when
# you run this notebook again they are loaded instead of retrained; the cache notices
# any change of architecture, data or settings.

# %% slideshow={"slide_type": "fragment"}
from course.zoo import PLAIN_MLP_CONFIG, QUICK_CNN_CONFIG

big_mlp, big_history, _ = cached_train(
    "ch02-mlp", make_mlp((784, 128, 10), seed=0), data.x_train, y, PLAIN_MLP_CONFIG,
    test=(data.x_test, y_test))
cnn, cnn_history, _ = cached_train(
    "ch02-cnn", make_cnn(seed=0), data.x_train, y, QUICK_CNN_CONFIG, test=(data.x_test, y_test))

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"} tolerance={"accuracy (\\d+\\.\\d)%": "ch02.mlp_and_cnn"}
print(f"MLP 784-128-10, ReLU, Adam, 10 epochs: test accuracy {big_history.test_accuracy[-1]:.1%}")
print(f"CNN with augmentation, 3 epochs:       test accuracy {cnn_history.test_accuracy[-1]:.1%}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# The CNN is trained for only 3 epochs here to keep the notebook quick.
# `benchmarks/mlp_targets.py` trains the same network with the same augmentation for more
# epochs, at a slightly larger learning rate, and measures it on the official test set.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** the modern recipe (ReLU, cross-entropy, Adam, 128 hidden neurons) gives
{pct(big_history.test_accuracy[-1])}; a small CNN with augmentation gives
{pct(cnn_history.test_accuracy[-1])} after only 3 epochs. Trained models are cached, so a
re-run loads them.

**Ask:** why does the CNN do so well so quickly? **Expect:** its 3 × 3 filters slide over the
whole image, so it recognises a stroke wherever it is instead of learning every pixel
position separately.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Train your own: the dashboard
#
# Choose the hidden layers (for example `128` or `64, 32`), the activation, the cost,
# the learning rate, the batch size and the number of epochs, then press **Train**. The
# curves update after every epoch; **Stop** ends training early and keeps the network
# as far as it got (it is then in `dashboard.model`). Try the classic sigmoid +
# quadratic at η = 0.1 and then at η = 3; try a learning rate of 10 with ReLU.

# %% slideshow={"slide_type": "-"}
from course.dashboard import TrainingDashboard

dashboard = TrainingDashboard(data.x_train, y, data.x_test, y_test)
dashboard

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** live: hidden `16, 16`, sigmoid + quadratic at learning rate `0.1`, press Train,
# watch the curves crawl; then `3`. Then ReLU with a learning rate of `10`. Let the room predict each
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
answer = None  # replace None with your answer
check("ch02.parameters", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# **2.** A sigmoid neuron's weighted input is z = 4. By what factor does σ'(z) shrink its
# error δ in BP1/BP2, compared with the largest possible slope at z = 0? Give σ'(4) / σ'(0)
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
# **3.** Write BP1 for another cost. Keep the sigmoid outputs a = σ(z^L), but use the
# *cross-entropy* cost
#
# $$C = -\frac{1}{n} \sum_x \sum_j \big[\, y_j \ln a_j + (1 - y_j) \ln (1 - a_j) \,\big].$$
#
# `bp1_cross_entropy(a, y)` gets the outputs `a` (n, 10), one digit per row, and the
# one-hot targets `y` (n, 10), and returns δ^L = ∂C/∂z^L, shape (n, 10). Work it out on
# paper first: BP1 is δ^L = ∇_a C ⊙ σ'(z^L). Then compare your formula with the classic
# network's BP1 (the quadratic cost's, which your `backprop` uses): what happened to σ'?
#
# <details><summary>Hint</summary>
#
# Differentiate one term with respect to a_j, keep the 1/n, and write σ'(z) with a
# alone, σ'(z) = a(1 − a). Then multiply and simplify: much cancels.
# </details>

# %% slideshow={"slide_type": "-"}
def bp1_cross_entropy(a, y):
    raise NotImplementedError  # replace this line with your code


check("ch02.bp1_cross_entropy", bp1_cross_entropy)

# %% [markdown] slideshow={"slide_type": "fragment"}
# `hint("ch02.parameters")` prints a hint for an exercise; `solution(...)` (after
# `from course.check import solution`) shows the answer, for a function its code.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.check import exercises

answers = exercises()
md(f"""
**Do:** the answers if the room is stuck: 784·30 + 30 + 30·10 + 10 =
{answers["ch02.parameters"].answer:,} parameters; σ'(4)/σ'(0) =
{answers["ch02.slope_ratio"].answer:.3f} (a saturated neuron passes back
{pct(answers["ch02.slope_ratio"].answer, 0)} of the error); for the summed cost asked with
BP1, the gradient is ten times larger, so η = {answers["ch02.sum_cost_lr"].answer:g}. For
exercise 3, write the quadratic cost's BP1 live and run the check: it names the mistake.

**Ask:** what happens to σ' in BP1 with the cross-entropy cost? **Expect:** it cancels:
δ^L = (a − y)/n. A confidently wrong output now gets a large error, which is why
cross-entropy learns at a small η.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * A network is a chain of weighted sums and squashing functions; a batch goes through
#   a layer as the rows of one matrix, z = a Wᵀ + b.
# * Backpropagation gets all the gradients in one backward pass: BP1–BP4, derived from
#   the chain rule and written by you, checked against `MLP.gradients`, finite
#   differences and PyTorch. The cost is a mean over the batch, so BP1 carries a 1/n.
# * Your forward pass, backpropagation and SGD step train the classic network.
#   With the classic settings it reads most digits it never saw, from 4,000 examples.
# * Sigmoid + quadratic cost learns slowly at a small η: its BP1 multiplies every output's
#   error by σ'(z) ≤ 0.25, near 0 for a saturated neuron; cross-entropy cancels that
#   factor, and ReLU's slope is 1 where it is active. Compare recipes each at its best
#   learning rate, not at one shared η. Learning rate and batch size interact.
# * PyTorch does the same with less code. A wider network trained with ReLU, cross-entropy
#   and Adam, and a CNN, do better (several things change at once there, so this does not
#   say which of them matters).
#
# Next: **03 · What did it learn?**

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** weighted sums and squashing functions, layer after layer; backprop gets all
# gradients in one pass, derived from the chain rule and written by the learners, checked
# three ways, with a 1/n from the mean over the batch; their mini-batch SGD reads most
# unseen digits; sigmoid + quadratic is slow at a small η,
# and a fair comparison tunes η for each recipe. Next: what did it learn?
