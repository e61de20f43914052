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
# # 5a · Dreams and fooling images
#
# Ask a trained network to *draw* a digit: change the pixels, not the weights, until it
# is sure. Seed 003 hoped for idealised digits and got noise, then bred images that the
# network calls a digit with more than 99.99 % confidence although no person would.
# We repeat each step, measure it with a judge that is not the network, and go further.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the network is fixed; we optimise the input. **Ask:** if you push the pixels to
# make the network say "3", will you get a 3? **Expect:** many say yes; we will see noise.

# %% slideshow={"slide_type": "skip"}
import time

import matplotlib.pyplot as plt
import numpy as np
import torch

from course.check import check
from course.data import load_mnist
from course.dreams import digit_likeness, dream
from course.fooling import PixelPrior, evolve, target_confidence
from course.plotting import show_digits
from course.zoo import trained_cnn, trained_mlp

torch.set_num_threads(1)
data = load_mnist("bundled")
mlp, _, _ = trained_mlp(data)   # the network we fool
cnn, _, _ = trained_cnn(data)   # a network of another kind, for transfer
prior = PixelPrior.from_digits(data.x_train, data.y_train)   # chapter 1's digit_stats, per class

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Naive dreams
#
# Start from random pixels and climb the gradient of $\log p_t(x)$, the log-probability
# of the target class $t$, clipping pixels to $[0, 1]$ after every step (the seed's
# recipe). Ten targets times five random starts, for the MLP and the CNN, in one batch.

# %% slideshow={"slide_type": "skip"}
targets = np.tile(np.arange(10), 5)          # 5 seeds (random starts) per class
naive = {name: dream(net, targets, steps=100, lr=0.05, seed=0)
         for name, net in (("MLP", mlp), ("CNN", cnn))}

# %% slideshow={"slide_type": "fragment"}
fig = show_digits(naive["MLP"].images[:10],
                  [f"{c}: {p:.1%}" for c, p in zip(range(10), naive["MLP"].confidence[:10])],
                  suptitle="MLP's naive dreams (start 1), with the probability it gives each")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Ask:** which of these would you read as its digit? **Expect:** none, or one by luck.
# Then show the table: confidence is high, yet the images are noise.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
for name, r in naive.items():
    conf = r.confidence.reshape(5, 10)
    print(f"{name}: reaches >= 99 % in {int((conf >= 0.99).sum())} of 50 dreams; per class "
          "(of 5 starts):", (conf >= 0.99).sum(0).tolist())
    print(f"     median confidence per class:", np.round(np.median(conf, 0), 3).tolist())

# %% [markdown] slideshow={"slide_type": "skip"}
# The seed saw one class of ten fail to converge. Here "converged" means 99 % within 100
# steps; the counts above say how often that happens, class by class, over five starts.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Regularised dreams
#
# DeepDream's advice: add a prior that makes images natural. We add four: total
# variation (flat areas), a blur every 4 steps, jitter (random shifts of one pixel), and
# seed 003's pixel statistics (the row and column variograms of real digits of the class).
#
# The judge must not be the network: we use the distance to the **nearest real training
# digit** (root-mean-square per pixel) and whether that digit has the target label
# (a 1-nearest-neighbour classifier), plus the pixel-statistics penalty.

# %% slideshow={"slide_type": "skip"}
priors = dict(tv=1.0, blur=0.6, jitter=1, stats_weight=3.0, prior=prior)
regular = {name: dream(net, targets, steps=100, lr=0.05, seed=0, **priors)
           for name, net in (("MLP", mlp), ("CNN", cnn))}


def judge(images, t):
    j = digit_likeness(images, t, data.x_train, data.y_train)
    pen = prior.penalty(torch.from_numpy(images).double(), t).numpy()
    return j["distance"].mean(), j["agrees"].mean(), pen.mean()

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
print("                 confidence>=99%  distance to nearest digit  1-NN agrees  stats penalty")
for name in ("MLP", "CNN"):
    for kind, r in (("naive", naive[name]), ("regularised", regular[name])):
        d, a, p = judge(r.images, targets)
        print(f"{name} {kind:<12} {(r.confidence >= 0.99).mean():>10.0%} {d:>20.3f} "
              f"{a:>17.0%} {p:>13.3f}")
real = judge(data.x_test[:200].astype(np.float32) / 255, data.y_test[:200])
print(f"real test digits {'':>10} {real[0]:>20.3f} {real[1]:>17.0%} {real[2]:>13.3f}")

# %% slideshow={"slide_type": "subslide"}
both = np.concatenate([naive["MLP"].images[:10], regular["MLP"].images[:10]])
fig = show_digits(both, [f"naive {c}" for c in range(10)] + [f"prior {c}" for c in range(10)],
                  suptitle="MLP dreams: naive (top) and with the priors (bottom)")

# %% [markdown] slideshow={"slide_type": "notes"}
# The priors move the dreams towards real digits by the judge's numbers, but they stay
# far from the real test digits' row. **Ask:** why can the network be sure of an image
# that is far from every digit it was trained on? **Expect:** nothing in training tells it
# what to do away from the digits; its regions extend everywhere.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Genetic fooling images
#
# Seed 003's genetic algorithm, batched: each population starts with pixels drawn from the
# class's intensity histogram. Fitness (lower is better) = output error $-\log p_t$ +
# prior weight × pixel-statistics penalty. Every member breeds with one of the 5 best
# (uniform crossover), pixels mutate by redrawing from the histogram, and a child replaces
# its parent only if fitter, so the best fitness never gets worse. Three runs per class.

# %% slideshow={"slide_type": "fragment"}
runs = np.repeat(np.arange(10), 3)       # 3 independent runs (populations) per class
start = time.perf_counter()
ga = {w: evolve(mlp, runs, prior, prior_weight=w, population=40, parents=5,
                generations=120, seed=1, progress=True) for w in (0.0, 0.3)}
ga_seconds = time.perf_counter() - start

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
for w, ev in ga.items():
    ok = (ev.confidence.reshape(10, 3) >= 0.9999).sum(1)
    print(f"prior weight {w}: runs reaching >= 99.99 % per class (of 3):", ok.tolist())
    print(f"   lowest best confidence per class:",
          [f"{c:.5f}" for c in ev.confidence.reshape(10, 3).min(1)])

# %% slideshow={"slide_type": "subslide"}
ev = ga[0.3]
fig = show_digits(ev.images[::3], [f"{c}: {p:.4%}" for c, p in zip(range(10), ev.confidence[::3])],
                  suptitle="Bred to fool the MLP (prior weight 0.3), run 1 of each class")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Ask:** the MLP is over 99.99 % sure of these. Will a CNN, trained on the same digits,
# agree? **Expect:** most say no, the CNN "looks at shapes". The next cell measures it.

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Transfer:** does a network of another architecture (the CNN) fall for the images bred
# against the MLP? We count the CNN's answer equal to the target, and it being ≥ 99 % sure.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
for w, ev in ga.items():
    p_cnn = target_confidence(cnn, ev.images, ev.targets)
    print(f"prior weight {w}: CNN says the target for {(p_cnn > 0.5).mean():.0%} of the 30 images, "
          f"with >= 99 % for {(p_cnn >= 0.99).mean():.0%}")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The mean of many fooling images, for every digit
#
# Seed 003 averaged 1,000 bred 2s and stopped there: too slow. Batched, one population
# per digit evolves at once. The notebook uses 200 images per digit and 40 generations to
# stay within its time budget; `benchmarks/fooling_means.py` does 1,000 per digit.

# %% slideshow={"slide_type": "fragment"}
start = time.perf_counter()
many = evolve(mlp, np.arange(10), prior, prior_weight=0.3, population=200, parents=10,
              generations=40, seed=2, progress=True)
means_seconds = time.perf_counter() - start
members = many.population.reshape(10, -1, 784)
conf_all = target_confidence(mlp, members.reshape(-1, 784), np.repeat(np.arange(10), 200))

# %% slideshow={"slide_type": "fragment"}
print(f"10 x 200 images, 40 generations: {means_seconds:.1f} s on one thread "
      f"(the 30 runs above: {ga_seconds:.1f} s)")
fig = show_digits(members.mean(1), [f"mean {c}" for c in range(10)],
                  suptitle="Mean of 200 bred images per digit")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
share = (conf_all.reshape(10, 200) >= 0.99).mean(1)
print("share of the 200 images with MLP confidence >= 99 %, per digit:", np.round(share, 2).tolist())
j = digit_likeness(members.mean(1).reshape(10, 28, 28), np.arange(10), data.x_train, data.y_train)
print("the mean image's nearest real digit has the target label for digits:",
      np.flatnonzero(j["agrees"]).tolist())

# %% [markdown] slideshow={"slide_type": "notes"}
# Point at the means: does any look like its digit? The 1-NN line says which do by a
# network-free measure.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Breed your own
#
# Choose the digit, the prior's weight and the number of generations, press **Evolve**,
# and watch the best image and the network's confidence every 10 generations.

# %% slideshow={"slide_type": "fragment"}
from course.widgets import FoolingExplorer

FoolingExplorer(mlp, prior, target=3, weight=0.5, generations=100)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Ask:** with a prior weight of 5, will the network still be fooled? **Expect:** the
# confidence rises more slowly; the statistics win some of the fitness. Try it live.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercise
#
# The seed's output error is $\sum_j |p_j - \text{onehot}_j|$. Compute it for the case in
# the question below (run `from course.check import hint; hint("ch05a.absolute_error")`).

# %% slideshow={"slide_type": "fragment"}
answer = None   # replace None with your answer
check("ch05a.absolute_error", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# <details><summary>Hint</summary>The error equals 2 (1 − p_t).</details>

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# Gradient ascent on pixels makes the network sure of noise; priors make the images a
# little closer to real digits by a network-free judge, not much. A genetic algorithm
# breeds images the MLP calls a digit with ≥ 99.99 %, and the CNN often agrees. The
# numbers are in the cells above.

# %% [markdown] slideshow={"slide_type": "notes"}
# Close with: confidence is not understanding. Chapter 5b makes small changes to real
# digits instead.
