import numpy as np


def right_indices(image):
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def right_loops(image):
    h, w = image.shape
    total = sr = sc = 0.0
    for r in range(h):
        for c in range(w):
            v = float(image[r, c])
            total += v
            sr += r * v
            sc += c * v
    return np.array([sr / total, sc / total])


def right_marginals(image):
    image = np.asarray(image, dtype=np.float64)
    row_ink = image.sum(axis=1)
    col_ink = image.sum(axis=0)
    return np.array([np.average(np.arange(len(row_ink)), weights=row_ink),
                     np.average(np.arange(len(col_ink)), weights=col_ink)])


def wrong_swapped(image):
    """Returns (column, row) instead of (row, column)."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(cols * image).sum() / total, (rows * image).sum() / total])


def wrong_unweighted(image):
    """Averages the positions of the inked pixels without weighting them by their ink."""
    rows, cols = np.nonzero(image > 0)
    return np.array([rows.mean(), cols.mean()])


def wrong_divide_by_pixel_count(image):
    """Divides by the number of pixels instead of the total ink (np.mean of r * x)."""
    rows, cols = np.indices(image.shape)
    return np.array([np.mean(rows * image), np.mean(cols * image)])


def wrong_count_from_one(image):
    """Counts rows and columns from 1 instead of 0."""
    rows, cols = np.indices(image.shape) + 1
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def wrong_row_marginal_twice(image):
    """Copy-paste slip: uses the row sums (axis=1) for the column coordinate too."""
    row_ink = image.sum(axis=1)
    pos = np.arange(len(row_ink))
    r = (pos * row_ink).sum() / row_ink.sum()
    c = (pos * image.sum(axis=1)).sum() / image.sum()
    return np.array([r, c])


def wrong_divide_by_positions(image):
    """Divides by the sum of the positions instead of the sum of the ink."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum() / rows.sum(), (cols * image).sum() / cols.sum()])


def wrong_paper_weighted(image):
    """Weights by 1 - x (treats dark display pixels as ink), so paper gets the weight."""
    weight = 1 - image
    rows, cols = np.indices(image.shape)
    total = weight.sum()
    return np.array([(rows * weight).sum() / total, (cols * weight).sum() / total])
