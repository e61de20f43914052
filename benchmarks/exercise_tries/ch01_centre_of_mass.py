"""Attempts at ch01.centre_of_mass, written from the question and the notebook only."""

import numpy as np


def right_indices(image):
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def right_marginals(image):
    h, w = image.shape
    total = image.sum()
    return np.array([np.arange(h) @ image.sum(axis=1), np.arange(w) @ image.sum(axis=0)]) / total


def right_loops(image):
    h, w = image.shape
    sr = sc = s = 0.0
    for r in range(h):
        for c in range(w):
            v = float(image[r, c])
            sr += r * v
            sc += c * v
            s += v
    return np.array([sr / s, sc / s])


def wrong_no_division(image):
    """Forgets to divide by the total ink Σ x_{r,c}."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum(), (cols * image).sum()])


def wrong_column_first(image):
    """Returns (column, row), the x-y order of a plot, instead of (row, column)."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(cols * image).sum() / total, (rows * image).sum() / total])


def wrong_unweighted(image):
    """Averages the positions of the inked pixels without weighting them by their ink."""
    rows, cols = np.nonzero(image > 0)
    return np.array([rows.mean(), cols.mean()])


def wrong_counts_from_one(image):
    """Counts rows and columns from 1 instead of 0."""
    rows, cols = np.indices(image.shape) + 1
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def wrong_divides_by_pixel_count(image):
    """Divides by the number of pixels instead of the total ink (a plain mean, not a weighted one)."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).mean(), (cols * image).mean()])


def wrong_meshgrid_xy(image):
    """Uses np.meshgrid(rows, cols) with its default 'xy' indexing, which swaps the two grids."""
    h, w = image.shape
    r, c = np.meshgrid(np.arange(h), np.arange(w))
    total = image.sum()
    return np.array([(r * image).sum() / total, (c * image).sum() / total])


def wrong_darkest_pixel(image):
    """Returns the position of the darkest pixel instead of the centre of mass."""
    return np.array(np.unravel_index(np.argmax(image), image.shape), dtype=float)


def wrong_bounding_box(image):
    """Returns the centre of the ink's bounding box, not the ink-weighted mean position."""
    rows, cols = np.nonzero(image)
    return np.array([(rows.min() + rows.max()) / 2, (cols.min() + cols.max()) / 2])


def wrong_weights_paper(image):
    """Weights by 1 − x (the paper), thinking 0 is black ink."""
    paper = 1 - image
    rows, cols = np.indices(image.shape)
    total = paper.sum()
    return np.array([(rows * paper).sum() / total, (cols * paper).sum() / total])
