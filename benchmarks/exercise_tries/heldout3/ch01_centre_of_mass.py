import numpy as np


def right_indices(image):
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def right_loops(image):
    h, w = image.shape
    total = r_sum = c_sum = 0.0
    for r in range(h):
        for c in range(w):
            total += image[r, c]
            r_sum += r * image[r, c]
            c_sum += c * image[r, c]
    return np.array([r_sum / total, c_sum / total])


def right_profiles(image):
    image = np.asarray(image, dtype=np.float64)
    row_profile = image.sum(axis=1)       # ink in each row
    col_profile = image.sum(axis=0)       # ink in each column
    return np.array([np.average(np.arange(len(row_profile)), weights=row_profile),
                     np.average(np.arange(len(col_profile)), weights=col_profile)])


def wrong_no_total(image):
    """Forgets to divide by the total ink: returns the weighted sums of positions."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum(), (cols * image).sum()])


def wrong_xy_order(image):
    """Returns (x, y) = (column, row) from np.meshgrid instead of (row, column)."""
    xs, ys = np.meshgrid(np.arange(image.shape[1]), np.arange(image.shape[0]))
    total = image.sum()
    return np.array([(xs * image).sum() / total, (ys * image).sum() / total])


def wrong_unweighted(image):
    """Averages the positions of the inked pixels without weighting them by their ink."""
    rows, cols = np.nonzero(image > 0)
    return np.array([rows.mean(), cols.mean()])


def wrong_from_one(image):
    """Counts rows and columns from 1 instead of from 0."""
    rows, cols = np.indices(image.shape) + 1
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def wrong_divides_by_pixel_count(image):
    """Divides by the number of pixels (a plain mean) instead of by the total ink."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).mean(), (cols * image).mean()])


def wrong_rounded(image):
    """Rounds the centre to the nearest whole pixel."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.round(np.array([(rows * image).sum() / total, (cols * image).sum() / total]))


def wrong_from_middle(image):
    """Measures the position from the middle of the frame instead of from row/column 0."""
    h, w = image.shape
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([((rows - (h - 1) / 2) * image).sum() / total,
                     ((cols - (w - 1) / 2) * image).sum() / total])
