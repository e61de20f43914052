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
    row_ink = image.sum(axis=1)           # ink in each row
    col_ink = image.sum(axis=0)           # ink in each column
    r = np.arange(image.shape[0]) @ row_ink / row_ink.sum()
    c = np.arange(image.shape[1]) @ col_ink / col_ink.sum()
    return np.array([r, c])


def wrong_no_division(image):
    """Forgets to divide by the total ink: returns the weighted sums."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum(), (cols * image).sum()])


def wrong_swapped(image):
    """Returns (column, row) instead of (row, column)."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(cols * image).sum() / total, (rows * image).sum() / total])


def wrong_unweighted(image):
    """Averages the positions of inked pixels without weighting them by their ink."""
    r, c = np.nonzero(image > 0)
    return np.array([r.mean(), c.mean()])


def wrong_count_from_one(image):
    """Numbers rows and columns from 1 instead of 0."""
    h, w = image.shape
    rows, cols = np.meshgrid(np.arange(1, h + 1), np.arange(1, w + 1), indexing="ij")
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def wrong_mean_not_sum(image):
    """Uses means over all pixels, dividing by the number of pixels instead of the total ink."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).mean(), (cols * image).mean()])


def wrong_rounded(image):
    """Rounds the centre to whole pixel positions."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.round(np.array([(rows * image).sum() / total, (cols * image).sum() / total]))


def wrong_paper_weights(image):
    """Weights each position by the paper (1 - image) instead of the ink."""
    weights = 1 - image
    rows, cols = np.indices(image.shape)
    total = weights.sum()
    return np.array([(rows * weights).sum() / total, (cols * weights).sum() / total])
