"""Chapter 4, Eigen-digits: questions answered with `course.pca`."""

from functools import cache

import numpy as np

from ..check import exercise
from ..pca import components_for_variance, fit_pca, reconstruction_error
from ._data import bundled


@cache
def _pca(standardise: bool = False):
    """The PCA of the bundled training digits, all components (as in the notebook)."""
    return fit_pca(bundled().x_train, standardise=standardise)


@exercise("ch04.components_90",
          "How many principal components of the bundled training digits (not standardised) "
          "are needed to keep at least 90 % of their variance?",
          hint="np.cumsum(pca.explained_variance_ratio) is the share kept by the first 1, 2, "
               "3, ... components; find the first position where it reaches 0.9 (and remember "
               "that positions count from 0, components from 1). "
               "components_for_variance does this for you.",
          mistakes=[(lambda a: a == components_for_variance(_pca(), 0.9) - 1,
                     "Off by one: the position in the cumulative array counts from 0; the "
                     "number of components counts from 1."),
                    (lambda a: a == components_for_variance(_pca(True), 0.9),
                     "That is the answer for the standardised PCA; this question is about the "
                     "PCA of the raw pixel values.")],
          explanation="A small fraction of the 784 directions carries nine tenths of the "
                      "variation between digits.")
def _components_90():
    return components_for_variance(_pca(), 0.9)


@exercise("ch04.components_90_standardised",
          "And with standardise=True (every pixel divided by its standard deviation)? How many "
          "components keep at least 90 % of the variance then?",
          hint="fit_pca(data.x_train, standardise=True), then the same question as before.",
          mistakes=[(lambda a: a == components_for_variance(_pca(), 0.9),
                     "That is the answer without standardising; fit a new PCA with "
                     "standardise=True.")],
          explanation="Standardising gives rarely inked pixels near the border as much weight "
                      "as the busy centre, so the variance is spread over many more directions.")
def _components_90_standardised():
    return components_for_variance(_pca(True), 0.9)


@exercise("ch04.best_rebuilt_class",
          "Rebuild every bundled *test* digit from the first 10 components of the training PCA. "
          "For which class is the mean squared reconstruction error smallest?",
          hint="reconstruction_error(pca, data.x_test, 10) gives one error per digit; average it "
               "over the digits of each class (data.y_test == c) and take the class with the "
               "smallest average.",
          explanation="A 1 is a single stroke with little ink, so there is little to get wrong; "
                      "classes with more ink and more ways of writing them are rebuilt worse.")
def _best_rebuilt_class():
    d = bundled()
    err = reconstruction_error(_pca(), d.x_test, 10)
    return int(np.argmin([err[d.y_test == c].mean() for c in range(10)]))
