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
# # 1 · Meet MNIST
#
# Before we train anything, we look hard at the data. A network can only learn what is
# in the numbers, and MNIST's numbers have habits (blank borders, centred strokes, a
# typical thickness) that explain much of what later chapters find, including why a
# network that is 98 % accurate can fail on a digit you draw yourself.
#
# In this chapter: how a digit is stored on disk and in memory, a browser to leaf
# through the digits, and the statistics of their pixels.

# %% slideshow={"slide_type": "skip"}
import matplotlib.pyplot as plt
import numpy as np

from course.data import load_mnist
from course.plotting import show_digits

data = load_mnist("bundled")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** before training anything, look at the data. A network can only learn what is in
# the numbers, and MNIST's numbers have habits (blank border, centred strokes, a typical
# thickness) that explain a lot of later chapters, including why a 98 % network can fail on a
# digit you draw yourself.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How digits are stored: the IDX format
#
# The official MNIST files use a format called IDX: a 4-byte *magic number*, then the
# size of each dimension, then the pixels as raw bytes, row after row. The magic number
# is two zero bytes, a code for the type of the numbers (`08` = unsigned byte), and the
# number of dimensions.
#
# Let us write our 1,000 test digits in that format and look at the first bytes of the
# file.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
import gzip
import tempfile
from pathlib import Path

from course.idx import read_idx, write_idx

path = write_idx(Path(tempfile.mkdtemp()) / "test-images-idx3-ubyte.gz", data.x_test)
raw = gzip.decompress(path.read_bytes())
print("first 16 bytes:", raw[:16].hex(" "))
print("file size:", len(raw), "bytes = 16 header bytes + 1000 × 28 × 28 pixels")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Read the header as four groups of four bytes: `00 00 08 03` says unsigned bytes in 3
# dimensions; `00 00 03 e8` is 1,000 (the number of images); `00 00 00 1c` twice is 28
# rows and 28 columns. Everything after that is pixels.
#
# `read_idx` turns such a file back into an array, and it is strict: a truncated
# download, a flipped bit in the header or a file that is not IDX at all stops with a
# message that says which file and what is wrong, instead of quietly giving wrong
# digits.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
images = read_idx(path)
print(images.shape, images.dtype, "identical to what we wrote:", np.array_equal(images, data.x_test))

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the official files are IDX: a 4-byte magic number, the size of each dimension, then
# raw pixel bytes. Point at the printed header: `00 00 08 03` = unsigned bytes, 3 dimensions;
# `00 00 03 e8` = 1,000 images; `00 00 00 1c` twice = 28 × 28. The file is 784,016 bytes, and
# reading it back gives the identical array (`True`).
#
# **Ask:** 784,016 bytes: where do the 16 extra bytes over 1,000 × 784 come from?
# **Expect:** the header: four 4-byte numbers (magic number, count, rows, columns).
# The pixels themselves are exactly one byte each.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A digit is a 28 × 28 array
#
# Here is the first training digit as the numbers the computer sees, and as a picture.
# Zero is blank paper; 255 is the darkest ink.

# %% slideshow={"slide_type": "fragment"}
digit, label = data.x_train[0], data.y_train[0]
with np.printoptions(linewidth=140):
    print(f"label: {label}")
    print(digit[3:25, 3:25])  # the central 22 × 22 pixels; the border is all zeros

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(3, 3))
ax.imshow(digit, cmap="gray_r")
ax.set_title(f"the same digit, labelled {label}")
ax.set_xlabel("column")
ax.set_ylabel("row")
plt.show()

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the same digit twice: as the numbers the computer sees (the central 22 × 22 crop)
# and as a picture. Zero is paper, 255 darkest ink; the label is 0.
#
# **Ask:** look at the numbers along the stroke's edge. Is a digit black and white?
# **Expect:** no: the ink fades through grey values (51, 159, 48, 122...) to 0 at the edges of
# the stroke; only the core is near 252-255.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Browse the digits
#
# Pick a class with the buttons and leaf through its digits with the slider. The table
# on the right shows every pixel value. Look for the grey edges of the strokes, the
# empty border, and how differently people write the same digit.

# %% slideshow={"slide_type": "-"}
from course.widgets import DigitBrowser

DigitBrowser(data.x_train, data.y_train)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** click a few classes live (try 4, 7 and 2) and slide through the index. Point at the
# pixel table on the right: the grey edges, the empty border, and how differently people
# write the same digit (open and closed 4s, 7s with and without a bar).

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The average digit of each class
#
# Averaging all training images of a class, pixel by pixel, gives a blurred "typical"
# digit. Where the average is dark, almost every writer put ink; grey haloes show how
# much the strokes wander.

# %% slideshow={"slide_type": "fragment"}
from course.pixel_stats import mean_digits

means = mean_digits(data.x_train, data.y_train)
show_digits(means, titles=[f"mean {c}" for c in range(10)],
            suptitle="Average training digit of each class")
plt.show()

# %% [markdown] slideshow={"slide_type": "fragment"}
# Some averages are sharp (1, 0), others are a fog (4, 5, 8), because people write them
# in more ways. These averages are already a classifier of sorts: chapter 3 compares
# them with what a trained network learns.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** average all 400 training images of a class pixel by pixel: dark where nearly
# everyone puts ink, grey haloes where strokes wander. This is already a crude classifier;
# chapter 3 compares it with what a network learns.
#
# **Ask:** why is the mean 1 sharp but the mean 8 or 4 a fog? **Expect:** people write 1s
# in nearly one way (an upright stroke), while 4s, 5s and 8s come in many shapes and slants,
# so their average smears.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How grey are the pixels?
#
# A histogram of all pixel values, in ten bins of width 0.1 (pixel value / 255). The
# vertical axis is logarithmic, because one bin dwarfs the rest.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.pixel_stats import intensity_histogram

hist = intensity_histogram(data.x_train)
edges = np.arange(11) / 10
for lo, hi, share in zip(edges[:-1], edges[1:], hist):
    print(f"{'[' if lo == 0 else '('}{lo:.1f}, {hi:.1f}]  {share:7.2%}")

# %% slideshow={"slide_type": "subslide"}
fig, ax = plt.subplots(figsize=(6, 3))
ax.bar(edges[:-1] + 0.05, hist, width=0.09)
ax.set_yscale("log")
ax.set_xlabel("pixel intensity (0 = paper, 1 = ink)")
ax.set_ylabel("share of all pixels")
ax.set_title("Pixel intensities of the training digits")
plt.show()

# %% [markdown] slideshow={"slide_type": "fragment"}
# The distribution has two peaks: blank paper (the first bin, which also counts pure 0)
# and saturated ink (the last bin). Only a few percent of pixels are in between: the
# anti-aliased edges of the pen strokes. Chapter 5 draws random images from exactly this
# histogram when it tries to fool a network.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** a histogram of all pixel values in ten bins; the axis is logarithmic because one
# bin dwarfs the rest.
#
# **Ask:** before the numbers appear: what share of pixels is nearly blank (below 0.1), and
# what share nearly full ink? **Expect:** 82.5 % in the first bin and 8.75 % in the last; every
# bin in between holds only about 1 %. Two peaks: paper and saturated ink, with thin grey edges.
# Chapter 5 draws random images from exactly this histogram.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How far does a stroke reach? Variograms
#
# Take two pixels `k` columns apart in the same row and compute the absolute difference
# of their values; average over all such pairs and all images. That is the horizontal
# *variogram* `g_x(k)`; the vertical one `g_y(k)` compares pixels `k` rows apart.
#
# For neighbouring pixels (k = 1) the difference is small, because a stroke is a few
# pixels wide. As `k` grows, the two pixels are less and less related, until they
# are as different as two random pixels of a digit.

# %% slideshow={"slide_type": "subslide"}
from course.pixel_stats import variogram

lags = np.arange(1, 15)
fig, axes = plt.subplots(1, 2, figsize=(10, 3.3), sharey=True)
for ax, axis in zip(axes, ["x", "y"]):
    ax.plot(lags, variogram(data.x_train, 14, axis=axis), "k-o", label="all digits", lw=2)
    for c in (0, 1, 7):
        ax.plot(lags, variogram(data.x_train[data.y_train == c], 14, axis=axis), "--", label=f"{c}s")
    ax.set_xlabel(f"lag k (pixels along {'rows' if axis == 'x' else 'columns'})")
    ax.set_title(f"g_{axis}(k)")
    ax.legend()
axes[0].set_ylabel("mean |difference| (0 to 1)")
fig.suptitle("Variograms: how different are pixels k apart?")
fig.tight_layout()
plt.show()

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
gx, gy = variogram(data.x_train, 14, axis="x"), variogram(data.x_train, 14, axis="y")
print(f"g_x rises from {gx[0]:.3f} at lag 1 to a peak of {gx.max():.3f} at lag {lags[gx.argmax()]}")
print(f"g_y rises from {gy[0]:.3f} at lag 1 to a peak of {gy.max():.3f} at lag {lags[gy.argmax()]}")

# %% [markdown] slideshow={"slide_type": "fragment"}
# Horizontally, differences peak around a lag of 10 pixels: roughly the width of a digit,
# the distance from one side of a loop to the other. Vertically the curve flattens
# earlier. Look at the 1s: thin upright strokes, so horizontal neighbours
# differ quickly while vertical neighbours stay alike. These two curves per class, with
# the histogram, are the "pixel statistics" chapter 5 uses to make generated images look
# more like handwriting.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** the variogram g(k) is the mean absolute difference of two pixels k apart,
# horizontally (g_x) or vertically (g_y). Neighbours are alike because a stroke is a few
# pixels wide; far apart they are unrelated.
#
# **Ask:** where should g_x peak, and why? **Expect:** at about the width of a digit: the
# printout gives a peak of 0.286 at lag 10 (from 0.067 at lag 1); g_y peaks earlier, 0.225 at
# lag 7. For the 1s (dashed) horizontal neighbours differ quickly, vertical ones stay alike.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Where is the ink? Border and centre
#
# MNIST was prepared with care: each digit was scaled to fit a 20 × 20 box, then placed
# in the 28 × 28 frame so that its *centre of mass* (the average position of the ink,
# weighted by darkness) sits in the middle. So the outer four pixels on each side are
# almost always empty.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
from course.pixel_stats import border_ink_fraction, centre_of_mass

border = border_ink_fraction(data.x_train, border=4)
com = centre_of_mass(data.x_train)
print(f"ink within 4 pixels of the edge: {np.mean(border):.1%} of all ink on average, "
      f"at most {np.max(border):.1%} in any one digit")
print(f"the border covers {1 - 20 * 20 / (28 * 28):.0%} of the frame")
print(f"centre of mass: row {com[:, 0].mean():.2f} ± {com[:, 0].std():.2f}, "
      f"column {com[:, 1].mean():.2f} ± {com[:, 1].std():.2f}; "
      f"the farthest is {np.abs(com - 14).max():.2f} pixels from (14, 14)")

# %% slideshow={"slide_type": "subslide"}
fig, axes = plt.subplots(1, 2, figsize=(9, 3.8))
im = axes[0].imshow(data.x_train.mean(axis=0) / 255, cmap="magma")
axes[0].add_patch(plt.Rectangle((3.5, 3.5), 20, 20, fill=False, ec="cyan", lw=1.5, ls="--"))
axes[0].set_title("mean ink over all digits\n(dashed: the central 20 × 20)")
fig.colorbar(im, ax=axes[0], fraction=0.046)
axes[1].scatter(com[:, 1], com[:, 0], s=3, alpha=0.3)
axes[1].set_xlim(12, 16)
axes[1].set_ylim(16, 12)
axes[1].set_aspect("equal")
axes[1].set_xlabel("column of the centre of mass")
axes[1].set_ylabel("row of the centre of mass")
axes[1].set_title("centre of mass of each digit")
fig.tight_layout()
plt.show()

# %% [markdown] slideshow={"slide_type": "fragment"}
# The border is about 49 % of the frame but holds only a few percent of the ink, and
# every centre of mass falls within half a pixel of (14, 14): the scatter is a square one
pixel wide, because the digits were moved by whole pixels. A network trained on these
# digits never sees ink near the edge, so it has no reason to behave sensibly when ink
# shows up there. Keep this in mind for chapter 5, where a digit drawn with the mouse
# right up to the edge of the box gets a confident, wrong answer.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** each digit was scaled into a 20 × 20 box and placed so its centre of mass sits in
# the middle of the 28 × 28 frame. Point at the numbers: the 4-pixel border is 49 % of the
# frame but holds 3.4 % of the ink on average (at most 19.3 % in one digit), and every centre
# of mass is within 0.50 pixels of (14, 14).
#
# **Ask:** a network never sees ink near the edge during training. What will it do with a
# digit drawn right up to the edge? **Expect:** nothing sensible is guaranteed: it has no
# reason to behave well there, and chapter 5 shows a confident, wrong answer for such a digit.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Exercises
#
# Compute each answer from `data` in a cell of your own, then put it in place of `None`.
#
# **1.** What share of all pixels in the training images is exactly 0 (blank paper)?
# Give a fraction between 0 and 1.
#
# <details><summary>Hint</summary>
#
# `(data.x_train == 0)` is an array of True and False; its `.mean()` is the share of True.
# </details>

# %% slideshow={"slide_type": "fragment"}
from course.check import check

answer = None  # replace None with your answer
check("ch01.zero_share", answer)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **2.** Which digit class uses the most ink on average (largest mean sum of pixel values)?
#
# <details><summary>Hint</summary>
#
# `data.x_train.sum(axis=(1, 2))` gives each digit's ink; average it over the digits of
# each class with `data.y_train == c`.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch01.most_ink", answer)

# %% [markdown] slideshow={"slide_type": "fragment"}
# **3.** On average, in which row (0 = top) is a digit's centre of mass? One decimal.
#
# <details><summary>Hint</summary>
#
# `centre_of_mass(data.x_train)` returns one (row, column) pair per digit.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch01.centre_row", answer)

# %% [markdown] slideshow={"slide_type": "notes"}
# **Do:** give the room two minutes per question, then reveal with `solution(...)` if needed.
#
# **Ask:** which class uses the most ink, and roughly what share of pixels is exactly 0?
# **Expect:** 0s (big closed loops; 1s use the least); 0.808 of all pixels are exactly 0,
# about four in five. The mean centre-of-mass row is 14.0 (13.99), as printed above.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * An MNIST digit is a 28 × 28 array of bytes; on disk, IDX files store them behind a
#   small header that says their type and shape.
# * About four pixels in five are blank, and most of the rest are fully inked: the
#   grey edges are a thin minority.
# * Pixels a stroke-width apart are alike; pixels a digit-width apart are not (the
#   variograms).
# * The ink sits in the middle: a four-pixel border holds a few percent of it and the
#   centre of mass is always near (14, 14). Networks learn this habit along with the
#   digits.
#
# Next: **02 · A network from scratch**.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** four habits of the data: bytes in a 28 × 28 grid behind a small header; four
# pixels in five blank and most of the rest full ink; pixels a stroke-width apart alike, a
# digit-width apart not; the ink centred, the border empty. Networks learn these habits along
# with the digits. Next: a network from scratch.
