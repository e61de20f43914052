"""Chapter 4, Eigen-digits: questions answered with `course.pca`."""

from functools import cache

import numpy as np

from ..check import code_exercise, exercise
from ..pca import PCA, components_for_variance, fit_pca, reconstruct, reconstruction_error
from ..data import bundled


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


def _class_errors(k: int = 10) -> np.ndarray:
    """Mean squared reconstruction error of the bundled test digits of each class, (10,)."""
    d = bundled()
    err = reconstruction_error(_pca(), d.x_test, k)
    return np.array([err[d.y_test == c].mean() for c in range(10)])


def _is_class(a) -> bool:
    return isinstance(a, (int, np.integer)) and 0 <= a <= 9


@exercise("ch04.best_rebuilt_class",
          "Rebuild every bundled *test* digit from the first 10 components of the training PCA. "
          "For which class (a digit from 0 to 9) is the mean squared reconstruction error "
          "smallest?",
          hint="reconstruction_error(pca, data.x_test, 10) gives one error per digit; average it "
               "over the digits of each class (data.y_test == c) and take the class with the "
               "smallest average. Before computing: which digit has the least ink to get wrong?",
          categorical=True,
          mistakes=[(lambda a: not _is_class(a) and isinstance(a, (float, np.floating))
                     and 0 <= a < 1,
                     "That looks like an error, not a class: the answer is the class (0 to 9) "
                     "whose average error is smallest."),
                    (lambda a: _is_class(a) and a == int(np.argmax(_class_errors())),
                     "That is the class rebuilt *worst*, the one with the largest average "
                     "error. You want the smallest: argmin, not argmax."),
                    (lambda a: not _is_class(a),
                     "The answer is a class: a whole number from 0 to 9."),
                    (lambda a: _is_class(a),
                     "Not that class. Average the errors over the digits of each class (not "
                     "over pixels or over all digits), then pick the class with the smallest "
                     "average. Which class has the least ink, and so the least to get wrong?")],
          explanation="A 1 is a single stroke with little ink, so there is little to get wrong; "
                      "classes with more ink and more ways of writing them are rebuilt worse.")
def _best_rebuilt_class():
    return int(np.argmin(_class_errors()))


# --------------------------------------------------------------------- write a function

def _rebuild_cases():
    d = bundled()
    full = _pca()
    x_test = d.x_test.reshape(len(d.x_test), -1) / 255.0
    # A second PCA, fitted to two classes only, with 30 components: another mean, another
    # basis, and fewer components than pixels.
    pair = np.isin(d.y_train, (3, 8))
    small = fit_pca(d.x_train[pair], 30)
    some = np.flatnonzero(np.isin(d.y_test, (3, 8)))[:6]
    return [(x_test[:5].copy(), full.mean.copy(), full.components.copy(), 10),
            (x_test[40:52].copy(), full.mean.copy(), full.components.copy(), 1),
            (x_test[100:103].copy(), full.mean.copy(), full.components.copy(), 50),
            (x_test[some].copy(), small.mean.copy(), small.components.copy(), 7)]


def _reference(X, mean, components, k):
    """`course.pca.reconstruct` with a PCA made of these mean and components."""
    n = len(components)
    pca = PCA(mean=mean, scale=None, components=components, explained_variance=np.ones(n),
              explained_variance_ratio=np.ones(n) / n, total_variance=float(n),
              n_samples=n + 1, method="svd")
    return reconstruct(pca, X, k)


# Typical wrong implementations (the tests check that each gets the right message).

def _wrong_not_centred(X, mean, components, k):
    V = components[:k]
    return mean + (X @ V.T) @ V


def _wrong_mean_not_added(X, mean, components, k):
    V = components[:k]
    return ((X - mean) @ V.T) @ V


def _wrong_columns(X, mean, components, k):
    V = components[:, :k]
    return mean + ((X - mean) @ V) @ V.T


def _wrong_k_plus_one(X, mean, components, k):
    V = components[:k + 1]
    return mean + ((X - mean) @ V.T) @ V


def _wrong_in_place(X, mean, components, k):
    X -= mean
    V = components[:k]
    return mean + (X @ V.T) @ V


@code_exercise(
    "ch04.rebuild",
    "Write rebuild(X, mean, components, k): each row of X (digits as (n, 784) floats) rebuilt "
    "from its first k principal coordinates, x̂ = μ + Σ_{j<=k} z_j v_j with z_j = v_j · (x − μ). "
    "mean is μ (784,), components holds the unit vectors v_j as its rows (m, 784), largest "
    "variance first. Return an (n, 784) array.",
    hint="Three steps: subtract the mean digit; the coordinates of all digits at once are one "
         "matrix product with the first k rows of components (transposed); going back is the "
         "product the other way round, and the mean goes back on at the end.",
    cases=_rebuild_cases,
    mistakes=[(_wrong_not_centred,
               "Your coordinates are measured from the blank image, not from the mean digit: "
               "z_j = v_j · (x − μ) needs the mean subtracted before projecting."),
              (_wrong_mean_not_added,
               "Your rebuilt digits are centred: they are the differences from the mean digit. "
               "Add the mean digit μ back at the end."),
              (_wrong_columns,
               "You took the first k columns of components, but each component is a row "
               "(components has one row per component, one column per pixel)."),
              (_wrong_k_plus_one,
               "You used one component too many: k components are rows 0 to k − 1."),
              (lambda X, mean, components, k: _wrong_k_plus_one(X, mean, components, k - 2),
               "You used one component too few: k components are rows 0 to k − 1.")],
    wrong_examples=[(_wrong_not_centred, "needs the mean subtracted"),
                    (_wrong_mean_not_added, "Add the mean digit"),
                    (_wrong_columns, "each component is a row"),
                    (_wrong_k_plus_one, "one component too many"),
                    (_wrong_in_place, "changes its input `X`")],
    reference=_reference,
    explanation="Projecting onto the first k components and back is the closest point to x in "
                "the flat sheet through the mean digit that those components span.")
def rebuild(X, mean, components, k):
    V = components[:k]              # (k, 784): the first k components, one per row
    Z = (X - mean) @ V.T            # (n, k): coordinates z_j = v_j · (x − μ)
    return mean + Z @ V             # (n, 784): μ + Σ z_j v_j
