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
# # 1 · Meet MNIST
#
# Before we train anything, we look hard at the data. A network can only learn what is
# in the numbers, and MNIST's numbers have habits (blank borders, centred strokes, a
# typical thickness) that explain much of what later chapters find, including why a
# network that reads nearly every test digit can fail on a digit you draw yourself.
#
# In this chapter: how a digit is stored on disk and in memory, a browser to leaf
# through the digits, and the statistics of their pixels. You write three of these
# statistics yourself (the average digit of each class, the variogram, the centre of
# mass), each just before the chapter uses it.

# %% slideshow={"slide_type": "skip"}
import matplotlib.pyplot as plt
import numpy as np

from course.check import check, hint, use
from course.data import load_mnist
from course.plotting import LINE_STYLES, show, show_digits
from course.prose import md, pct, span

data = load_mnist("bundled")

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** before training anything, look at the data. A network can only learn what is in
# the numbers, and MNIST's numbers have habits (blank border, centred strokes, a typical
# thickness) that explain a lot of later chapters, including why a network that reads nearly
# every test digit can fail on a digit you draw yourself.

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

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
n_images = len(data.x_test)
md(f"""
**Say:** the official files are IDX: a 4-byte magic number, the size of each dimension, then
raw pixel bytes. Point at the printed header: `00 00 08 03` = unsigned bytes, 3 dimensions;
`{raw[4:8].hex(" ")}` = {n_images:,} images; `00 00 00 1c` twice = 28 × 28. The file is
{len(raw):,} bytes, and reading it back gives the identical array
(`{np.array_equal(images, data.x_test)}`).

**Ask:** {len(raw):,} bytes: where do the {len(raw) - n_images * 784} extra bytes over
{n_images:,} × 784 come from? **Expect:** the header: four 4-byte numbers (magic number,
count, rows, columns). The pixels themselves are exactly one byte each.
""")

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
show(fig, alt=f"The first training digit, labelled {label}, as a 28 × 28 picture: dark ink on "
              f"white paper. {int((digit > 0).sum())} of its 784 pixels carry ink, and the strokes "
              f"fade to grey at their edges.")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
greys = digit[(digit > 25) & (digit < 230)]
md(f"""
**Say:** the same digit twice: as the numbers the computer sees (the central 22 × 22 crop)
and as a picture. Zero is paper, 255 darkest ink; the label is {label}.

**Ask:** look at the numbers along the stroke's edge. Is a digit black and white?
**Expect:** no: {len(greys)} of its {int((digit > 0).sum())} inked pixels are grey (between 25
and 230, for example {", ".join(str(v) for v in greys[:4])}); the ink fades to 0 at the edges
of the stroke, and only the core is near 255.
""")

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
#
# In symbols: if $n_c$ training digits $x_i$ have the label $y_i = c$, the mean digit of
# class $c$ is
#
# $$m_c = \frac{1}{n_c} \sum_{i:\, y_i = c} \frac{x_i}{255},$$
#
# an image of the same size as the digits, on the scale of the pictures: 0 is paper and 1
# is the darkest ink (a stored pixel value divided by 255).

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Write the code.** Write `mean_digits(images, labels)`: the ten mean digits $m_0, \dots,
# m_9$. `images` is `(n, height, width)`, uint8 pixel values 0..255 as MNIST stores them;
# `labels` is `(n,)`, the class 0..9 of each image (every class occurs). Return one array
# of shape `(10, height, width)`, floats in [0, 1], with the mean of class `c` at position
# `c`. `check` runs your function on digits and shapes you have not seen, and says what
# kind of mistake it finds; the pictures below are drawn with your function once `check`
# accepts it.
#
# <details><summary>Hint</summary>
#
# `labels == c` is `True` for the images of class `c`, and `images[labels == c]` keeps
# just those. Which axis of that array counts the images?
# </details>

# %% slideshow={"slide_type": "-"}
def mean_digits(images, labels):
    raise NotImplementedError  # replace this line with your code


check("ch01.mean_digits", mean_digits)

# %% slideshow={"slide_type": "subslide"}
mean_digits = use("ch01.mean_digits", mean_digits)

means = mean_digits(data.x_train, data.y_train)
# how dark a mean is where it has ink: 1 if all writers put full ink on the same pixels
sharpness = (means ** 2).sum(axis=(1, 2)) / means.sum(axis=(1, 2))
by_sharpness = np.argsort(-sharpness, kind="stable")
fig = show_digits(means, titles=[f"mean {c}" for c in range(10)],
                  suptitle="Average training digit of each class")
show(fig, alt=f"Ten blurred average digits, classes 0 to 9, each the pixel-by-pixel mean of the "
              f"class's training digits: the means of the {by_sharpness[0]} and the {by_sharpness[1]} "
              f"are the sharpest, those of the {', '.join(map(str, sorted(by_sharpness[-3:])))} the foggiest.")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
sharp, foggy = sorted(by_sharpness[:2].tolist()), sorted(by_sharpness[-3:].tolist())
md(f"""
Some averages are sharp, others are a fog, because people write some digits in more ways
than others. Measured by how dark each mean is where it has ink (its darkness averaged
over its own ink), the sharpest are the {sharp[0]} and the {sharp[1]}
({sharpness[sharp[0]]:.2f} and {sharpness[sharp[1]]:.2f}), the foggiest the {foggy[0]}, the
{foggy[1]} and the {foggy[2]} ({", ".join(f"{sharpness[c]:.2f}" for c in foggy)}). These
averages are already a classifier of sorts: chapter 3 compares them with what a trained
network learns.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** average all the training images of a class pixel by pixel: dark where nearly
everyone puts ink, grey haloes where strokes wander. This is already a crude classifier;
chapter 3 compares it with what a network learns.

**Ask:** why is the mean {by_sharpness[0]} sharp but the mean {by_sharpness[-1]} a fog?
**Expect:** the {by_sharpness[0]}s are written in fewer ways than the {by_sharpness[-1]}s, which
come in many shapes and slants, so their average smears: darkness {sharpness[by_sharpness[0]]:.2f}
against {sharpness[by_sharpness[-1]]:.2f} where each mean has ink.
""")

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
show(fig, alt=f"Bar chart, on a logarithmic scale, of the share of all training pixels in ten "
              f"intensity bins from 0 to 1: the first bin, blank paper and the faintest grey, holds "
              f"{pct(hist[0])}, each grey "
              f"bin between 0.1 and 0.9 only {100 * hist[1:9].min():.1f} to {100 * hist[1:9].max():.1f} %, "
              f"and the last, saturated ink, "
              f"{pct(hist[-1])}.")

# %% slideshow={"slide_type": "fragment"} jupyter={"source_hidden": true}
x = data.x_train / 255
blank, grey, full = (x == 0).mean(), ((x > 0.1) & (x <= 0.9)).mean(), (x > 0.9).mean()
inked = x > 0
md(f"""
Blank paper dominates: the first bin, paper and the faintest grey, holds {pct(hist[0])}
of all pixels. But look at the ink. Each grey bin between 0.1 and 0.9 is small
({span(hist[1:9], "{:.1%}")}), yet together they hold {pct(grey)} of all pixels, as many as the
last bin of saturated ink ({pct(full)}). Of the pixels that carry any ink at all,
{pct(((x > 0) & (x <= 0.9)).sum() / inked.sum(), 0)} are grey. So a digit is not black and
white. The original scans were: MNIST's makers shrank each black-and-white digit into a
20 × 20 box with anti-aliasing, which turned every pixel that the stroke only partly
covered into a grey level. Chapter 5 draws random images from exactly this histogram when it
tries to fool a network.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** a histogram of all pixel values in ten bins; the axis is logarithmic because one
bin dwarfs the rest.

**Ask:** before the numbers appear: is a digit nearly black and white, with a few grey pixels
at the edges? **Expect:** many say yes, but no: the grey bins together hold {pct(grey)} of all
pixels, as many as the saturated last bin ({pct(full)}); the log scale makes each grey bin look
small. Blank paper is {pct(blank)}. Chapter 5 draws random images from this histogram.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How far does a stroke reach? Variograms
#
# Take two pixels `k` columns apart in the same row and compute the absolute difference
# of their values; average over all such pairs and all images. That is the horizontal
# *variogram* `g_x(k)`; the vertical one `g_y(k)` compares pixels `k` rows apart.
#
# For neighbouring pixels (k = 1) the difference is small, because a stroke is a few
# pixels wide. As `k` grows, the two pixels are less and less related.
#
# In symbols, for images $x$ with pixels $x_{r,c}$ (row $r$, column $c$), over all images
# and all pairs:
#
# $$g_x(k) = \operatorname{mean}_{\text{images},\,r,\,c}\; \lvert x_{r,\,c+k} - x_{r,\,c} \rvert ,
# \qquad
# g_y(k) = \operatorname{mean}_{\text{images},\,r,\,c}\; \lvert x_{r+k,\,c} - x_{r,\,c} \rvert ,$$
#
# where the mean runs over every pair that fits in the frame: in an image of height $H$,
# each column has $H - k$ pairs $k$ rows apart.

# %% [markdown] slideshow={"slide_type": "subslide"}
# In numpy, all pairs `k` apart line up at once as two slices of the same array, shifted
# against each other. Here is one row of five pixels, stored as MNIST stores them (uint8),
# and `k = 2`:

# %% slideshow={"slide_type": "fragment"}
row = np.array([0, 3, 5, 5, 1], dtype=np.uint8)
k = 2
print("row[k:]            ", row[k:])
print("row[:-k]           ", row[:-k])
print("row[k:] - row[:-k] ", row[k:] - row[:-k])

# %% [markdown] slideshow={"slide_type": "fragment"}
# Each pixel of `row[k:]` sits `k` places to the right of the pixel at the same position
# of `row[:-k]`, so one subtraction gives the difference of every pair `k` apart. But look
# at the last difference: 1 − 5 is −4, not 252. A uint8 holds only the whole numbers
# 0..255 and wraps around below 0 (an *overflow*), so convert the pixels to a type that
# holds negative numbers (`.astype(...)`) before subtracting. The same slices work along
# any axis of a bigger array: write `:` for each axis you keep whole, as in
# `images[:, :, 2:]` (every image, every row, the columns from 2 on).

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Write the code.** Write `variogram_y(images, lag)`: the vertical variogram $g_y$ at
# one lag, the mean absolute difference between pixels `lag` rows apart in the same
# column, over all such pairs of all images. `images` is `(n, height, width)`, either
# uint8 pixel values 0..255 as stored or floats; return one number in the pixels' own
# units (do not rescale). The curves below are computed with your function once `check`
# accepts it.
#
# <details><summary>Hint</summary>
#
# Which axis of `images` counts the rows? Shift two slices of `images` against each
# other along it by `lag`, and mind the uint8 trap above.
# </details>

# %% slideshow={"slide_type": "-"}
def variogram_y(images, lag):
    raise NotImplementedError  # replace this line with your code


check("ch01.variogram_y", variogram_y)

# %% slideshow={"slide_type": "subslide"}
variogram_y = use("ch01.variogram_y", variogram_y)

from course.pixel_stats import variogram  # the tested version: every lag, both axes

x = data.x_train / 255
ours = np.array([variogram_y(x, k) for k in range(1, 15)])
diff = np.abs(ours - variogram(data.x_train, 14, axis="y")).max()
print(f"g_y of the training digits at lags 1 to 14, by variogram_y and by "
      f"course.pixel_stats.variogram: largest difference {diff:.0e} (below 1e-12: {diff < 1e-12})")

# %% slideshow={"slide_type": "subslide"}
lags = np.arange(1, 15)
curves = {axis: variogram(data.x_train, 14, axis=axis) for axis in "xy"}
fig, axes = plt.subplots(1, 2, figsize=(9, 3.3), sharey=True)
for ax, axis in zip(axes, ["x", "y"]):
    ax.plot(lags, curves[axis], "k-o", label="all digits", lw=2)
    for i, c in enumerate((0, 1, 7)):   # the course's colours, each with its own dash
        ax.plot(lags, variogram(data.x_train[data.y_train == c], 14, axis=axis),
                color=f"C{i}", ls=LINE_STYLES[i + 1], label=f"{c}s")
    ax.set_xlabel(f"lag k (pixels along {'rows' if axis == 'x' else 'columns'})")
    ax.set(title=f"g_{axis}(k)", xticks=range(2, 15, 2))
axes[1].legend(loc="upper left", bbox_to_anchor=(1.02, 1))   # one legend, beside the curves
axes[0].set_ylabel("mean |difference| (0 to 1)")
fig.suptitle("Variograms: how different are pixels k apart?")
fig.tight_layout()
show(fig, alt=f"Two line plots of the mean absolute difference between pixels k apart, against k "
              f"from 1 to 14: horizontally (g_x, left) and vertically (g_y, right), for all digits "
              f"(black, with dots) and for the 0s, 1s and 7s (coloured, dashed and dotted). Every "
              f"curve rises from lag 1; for all digits g_x peaks at lag {lags[curves['x'].argmax()]} "
              f"and g_y at lag {lags[curves['y'].argmax()]}.")

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
gx, gy = variogram(data.x_train, 14, axis="x"), variogram(data.x_train, 14, axis="y")
print(f"g_x rises from {gx[0]:.3f} at lag 1 to a peak of {gx.max():.3f} at lag {lags[gx.argmax()]}")
print(f"g_y rises from {gy[0]:.3f} at lag 1 to a peak of {gy.max():.3f} at lag {lags[gy.argmax()]}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# Is the peak the width of a digit? Two checks: the peak of each class, next to how wide
# and tall its ink is; and a *control*, an image that is not a digit at all: one straight
# vertical bar, 3 pixels wide and 20 tall, in the middle of the frame.

# %% tags=["nbval-check-output"] slideshow={"slide_type": "fragment"}
def ink_extent(images, axis):
    """Mean number of columns (axis=1) or rows (axis=2) that hold any ink."""
    return (images > 0).any(axis=axis).sum(axis=1).mean()


peaks = {}
print("class  g_x peaks at  g_y peaks at   ink width  ink height (pixels)")
for c in range(10):
    xc = data.x_train[data.y_train == c]
    peaks[c] = (lags[variogram(xc, 14, axis="x").argmax()], lags[variogram(xc, 14, axis="y").argmax()])
    print(f"{c:>5} {peaks[c][0]:>10} {peaks[c][1]:>13} {ink_extent(xc, 1):>13.1f} {ink_extent(xc, 2):>10.1f}")
bar = np.zeros((1, 28, 28))
bar[0, 4:24, 13:16] = 1.0
bar_g = variogram(bar, 14, axis="x")
print(f"control, a bar 3 pixels wide: g_x peaks at lag {lags[bar_g.argmax()]}")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
md(f"""
The peak lag is not the width of a digit. The 1s, whose ink spans only
{ink_extent(data.x_train[data.y_train == 1], 1):.0f} columns on average, peak horizontally at lag
{peaks[1][0]}, like most classes; and the bar, 3 pixels wide, rises until lag {lags[bar_g.argmax()]}.
What sets the peak is the frame. At lag k each row has only 28 − k pairs, fewer as k grows,
and the pairs with one pixel on ink and the other on paper count fully. As long as the ink
still finds partners k pixels away inside the frame, such pairs make up a growing share, and
the curve rises; it turns down when they run out at the frame's edge. So the peak says where
the ink sits in the 28-pixel frame, not how wide a digit is.

Vertically, the curve of all digits peaks earlier (lag {lags[gy.argmax()]} against
{lags[gx.argmax()]}), because many digits are stacks of horizontal strokes: the 3
(g_y peaks at lag {peaks[3][1]}), the 5 ({peaks[5][1]}), the 2 ({peaks[2][1]}). Moving down about
half the distance between two strokes takes a pixel from ink into the gap between them;
moving further brings it back onto the next stroke. Digits built from upright strokes, the
1 ({peaks[1][1]}) and the 4 ({peaks[4][1]}), have no such gaps and peak late. These curves per
class, with the histogram, are the "pixel statistics" chapter 5 uses to make generated
images look more like handwriting.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** the variogram g(k) is the mean absolute difference of two pixels k apart,
horizontally (g_x) or vertically (g_y); `variogram_y` computes it with two shifted slices
(after converting from uint8, which wraps around below 0), and agrees with the package's
version. Neighbours are alike because a
stroke is a few pixels wide.

**Ask:** g_x peaks at lag {lags[gx.argmax()]}. Is that the width of a digit? **Expect:** no:
the 1s, {ink_extent(data.x_train[data.y_train == 1], 1):.0f} columns wide, peak at
{peaks[1][0]} too, and a 3-pixel bar (the control) peaks at {lags[bar_g.argmax()]}. The peak is
set by where the ink sits in the frame: the curve turns down when pairs starting on the ink
run out of partners inside the frame. g_y peaks earlier ({lags[gy.argmax()]}) because of
stacked horizontal strokes: the 3 peaks at {peaks[3][1]}, the 1 at {peaks[1][1]}.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Where is the ink? Border and centre
#
# MNIST was prepared with care: each digit was scaled to fit a 20 × 20 box, then placed
# in the 28 × 28 frame so that its *centre of mass* (the average position of the ink,
# weighted by darkness) sits in the middle. So the outer four pixels on each side hold
# little ink, though most digits have some there. (Pixel positions count from 0: row 0 is the top row, and the exact
# middle of the frame is the corner shared by pixels 13 and 14, at (13.5, 13.5).)
#
# The centre of mass of an image $x$ with pixels $x_{r,c}$ (row $r$, column $c$) is the
# mean position of its pixels, each weighted by its ink:
#
# $$\bar r = \frac{\sum_{r,c} r\, x_{r,c}}{\sum_{r,c} x_{r,c}}, \qquad
#   \bar c = \frac{\sum_{r,c} c\, x_{r,c}}{\sum_{r,c} x_{r,c}} .$$

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Write the code.** Write `centre_of_mass(image)` for one image: the (row, column) of
# its centre of mass, $(\bar r, \bar c)$, rows and columns counted from 0. `image` is
# `(height, width)`, floats in [0, 1] with some ink; return an array of two numbers. The
# numbers and the scatter plot below come from your function, run on every training
# digit, once `check` accepts it.
#
# <details><summary>Hint</summary>
#
# `np.indices(image.shape)` gives two arrays of the image's shape: the row and the column
# of every pixel.
# </details>

# %% slideshow={"slide_type": "-"}
def centre_of_mass(image):
    raise NotImplementedError  # replace this line with your code


check("ch01.centre_of_mass", centre_of_mass)

# %% slideshow={"slide_type": "fragment"}
centre_of_mass = use("ch01.centre_of_mass", centre_of_mass)

# %% tags=["nbval-check-output"] slideshow={"slide_type": "subslide"}
from course.pixel_stats import border_ink_fraction

border = border_ink_fraction(data.x_train, border=4)
com = np.array([centre_of_mass(image) for image in data.x_train / 255])   # (4000, 2)
print(f"ink within 4 pixels of the edge: {np.mean(border):.1%} of all ink on average, "
      f"at most {np.max(border):.1%} in any one digit")
print(f"the border covers {1 - 20 * 20 / (28 * 28):.0%} of the frame")
print(f"centre of mass: row {com[:, 0].mean():.2f} ± {com[:, 0].std():.2f}, "
      f"column {com[:, 1].mean():.2f} ± {com[:, 1].std():.2f}")
print(f"farthest from pixel (14, 14):        {np.abs(com - 14).max():.2f} pixels in a row or column")
print(f"farthest from the frame's centre (13.5, 13.5): {np.abs(com - 13.5).max():.2f} pixels")

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
show(fig, alt=f"Left: the mean ink of all {len(data.x_train):,} training digits as a heat map, dark "
              f"for no ink and bright for much, with the central 20 × 20 square dashed: nearly "
              f"all the ink lies inside it, and the 4-pixel border holds {pct(np.mean(border))} of "
              f"it. Right: the "
              f"centre of mass of every digit as a dot; all lie within "
              f"{np.abs(com - 14).max():.2f} pixels of pixel (14, 14), in a square one pixel wide.")

# %% slideshow={"slide_type": "subslide"} jupyter={"source_hidden": true}
md(f"""
The border is {pct(1 - 20 * 20 / (28 * 28), 0)} of the frame but holds only {pct(np.mean(border))}
of the ink on average. And every centre of mass lies within
{np.abs(com - 14).max():.2f} pixels of pixel (14, 14), not of the frame's exact centre
(13.5, 13.5): the digits were moved by whole pixels, so the centre of mass could not land
exactly on the corner between two pixels, and it was put on the pixel just below and to the
right of it. That is why the scatter is a square one pixel wide around (14, 14). A network
trained on these digits sees little ink near the edge and almost none on the outermost
ring, so it has little reason to behave sensibly when much ink shows up there. Keep this in mind for chapter 5, where a digit drawn with
the mouse right up to the edge of the box gets a confident, wrong answer.
""")

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
md(f"""
**Say:** each digit was scaled to fit a 20 × 20 box and placed so its centre of mass sits in
the middle of the 28 × 28 frame (so a digit can reach past the middle 20 × 20). Point at the numbers: the 4-pixel border is
{pct(1 - 20 * 20 / (28 * 28), 0)} of the frame but holds {pct(np.mean(border))} of the ink on
average (at most {pct(np.max(border))} in one digit), and every centre of mass is within
{np.abs(com - 14).max():.2f} pixels of (14, 14), half a pixel off the frame's centre, because
the digits were moved by whole pixels.

**Ask:** a network sees little ink near the edge during training. What will it do with a
digit drawn right up to the edge? **Expect:** nothing sensible is guaranteed: it has no
reason to behave well there, and chapter 5 shows a confident, wrong answer for such a digit.
""")

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
# **3.** How many of the 4,000 training digits put any ink at all (a value above 0) on the
# outermost ring of pixels: row 0, row 27, column 0 or column 27?
#
# <details><summary>Hint</summary>
#
# Build a (28, 28) mask that is `True` on the outer ring only: start from all `True` and set
# `[1:-1, 1:-1]` to `False`. Then `data.x_train[:, mask]` holds each digit's ring pixels.
# </details>

# %% slideshow={"slide_type": "-"}
answer = None  # replace None with your answer
check("ch01.edge_digits", answer)

# %% slideshow={"slide_type": "notes"} jupyter={"source_hidden": true}
from course.check import exercises

answers = exercises()
md(f"""
**Do:** give the room two minutes per question, then reveal with `solution(...)` if needed.
The three functions came earlier, each before the cells that use it: for `mean_digits`, let
someone forget the /255 (`check` says the means are on the 0..255 scale); for `variogram_y`,
someone slice the wrong axis (it compares pixels along the rows) or subtract uint8 values (they
wrap around); for `centre_of_mass`, someone forget to divide by the total ink.

**Ask:** which class uses the most ink, and roughly what share of pixels is exactly 0?
**Expect:** the {answers["ch01.most_ink"].answer}s (big closed loops; 1s use the least);
{answers["ch01.zero_share"].answer:.3f} of all pixels are exactly 0, about four in five. Only
{answers["ch01.edge_digits"].answer} of the 4,000 digits touch the outermost ring at all.
""")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * An MNIST digit is a 28 × 28 array of bytes; on disk, IDX files store them behind a
#   small header that says their type and shape.
# * About four pixels in five are blank; of the pixels with ink, grey ones are as common
#   as saturated ones: a digit is a grey landscape, not black and white.
# * Pixels a stroke-width apart are alike; farther apart they differ more, up to a lag set
#   by the frame and its blank border (the variograms), and stacked horizontal strokes
#   make the vertical variogram peak earlier.
# * The ink sits in the middle: a four-pixel border holds a few percent of it and the
#   centre of mass is always within half a pixel of pixel (14, 14). Networks learn this
#   habit along with the digits.
#
# Next: **02 · A network from scratch**.

# %% [markdown] slideshow={"slide_type": "notes"}
# **Say:** four habits of the data: bytes in a 28 × 28 grid behind a small header; four
# pixels in five blank, and the ink as often grey as black; pixels a stroke-width apart
# alike, farther apart less so; the ink centred, the border empty. Networks learn these habits
# along with the digits. Next: a network from scratch.
