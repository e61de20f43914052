"""Chapter 4, Eigen-digits: PCA written by the learner (the principal components, the
variances along them, a digit rebuilt from k of them), and questions answered with
`course.pca`."""

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
                     "standardise=True."),
                    (lambda a: a == components_for_variance(_pca(True), 0.9) - 1,
                     "Off by one: the position in the cumulative array counts from 0; the "
                     "number of components counts from 1."),
                    (lambda a: a == components_for_variance(_pca(), 0.9) - 1,
                     "That is one less than the answer without standardising: fit a new PCA "
                     "with standardise=True, and remember that positions in the cumulative "
                     "array count from 0, components from 1.")],
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
               "over the digits of each class (data.y_test == c), ten averages in all, and take "
               "the class with the smallest.",
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
                     "over pixels or over all digits), ten averages in all, then pick the class "
                     "whose average is smallest.")],
          explanation="A 1 is a single stroke with little ink, so there is little to get wrong; "
                      "classes with more ink and more ways of writing them are rebuilt worse.")
def _best_rebuilt_class():
    return int(np.argmin(_class_errors()))


# --------------------------------------------------------------------- write a function
#
# Each exercise's cases come from the bundled digits or from `_cloud`, with their own seeds:
# non-square data (more digits than pixels and fewer), k = 1 and several other k, data
# whose mean is far from 0 (so that forgetting to centre shows), and variances well apart
# (so that each component is fixed by the data up to its sign, and the sign rule fixes that).


def _digits() -> np.ndarray:
    """The bundled training digits as (4000, 784) float64 in [0, 1]."""
    x = bundled().x_train
    return x.reshape(len(x), -1) / 255.0


def _cloud(seed: int, n: int, d: int, spreads, offset: float,
           positive_first: bool = False) -> np.ndarray:
    """(n, d) points spread along len(spreads) random orthonormal directions, with these
    standard deviations, around a random centre with entries in [0, offset). With
    positive_first, the first direction has every entry positive (as the first component
    of digits whose ink rises and falls together)."""
    rng = np.random.default_rng(seed)
    M = rng.standard_normal((d, len(spreads)))
    if positive_first:
        M[:, 0] = np.abs(M[:, 0]) + 0.3
    directions, _ = np.linalg.qr(M)
    if positive_first:
        directions[:, 0] *= np.sign(directions[0, 0])
    z = rng.standard_normal((n, len(spreads))) * np.asarray(spreads, dtype=float)
    return z @ directions.T + offset * rng.random(d)


def _sign_rule(V: np.ndarray) -> np.ndarray:
    """Each row of V flipped so that its entry of largest absolute value is positive."""
    biggest = np.abs(V).argmax(axis=1)
    return V * np.sign(V[np.arange(len(V)), biggest])[:, None]


def _eigh_descending(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (d,) and eigenvectors (columns, (d, d)) of the covariance S, largest first."""
    Xc = X - X.mean(axis=0)
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return lam[::-1], V[:, ::-1]


# ........................................................ the principal components

def _pc_cases():
    """The first cloud (seed 214) is picked so that, as LAPACK returns its components here,
    the wrong sign rules (none, a plain minus, the sum's sign, the first or the largest
    entry) each give a different answer, so that each is named apart on it."""
    x, y = _digits(), bundled().y_train
    return [(_cloud(214, 57, 6, (4, 2.5, 1.5, 1, 0.5, 0.2), 3.0, positive_first=True), 3),
            (x[:300], 6),
            (_cloud(41, 9, 20, (5, 3, 2, 1.2, 0.6, 0.3, 0.2, 0.1), 2.0), 4),
            (x[y == 7][:120], 1),
            (x[np.isin(y, (0, 1))][:500], 10)]


def _pc_reference(X, k):
    """`course.pca.fit_pca`'s mean and first k components."""
    pca = fit_pca(X, k)
    return pca.mean, pca.components


# Typical wrong implementations (the tests check that each gets the right message).

def _pc_not_centred(X, k):
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    return X.mean(axis=0), _sign_rule(Vt[:k])


def _pc_u_columns(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _sign_rule(U[:, :k].T)


def _pc_u_columns_no_sign_rule(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, U[:, :k].T


def _pc_vt_columns(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _sign_rule(Vt[:, :k].T)


def _pc_vt_columns_no_sign_rule(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:, :k].T


def _pc_eigh_rows(X, k):
    lam, V = _eigh_descending(X)
    return X.mean(axis=0), _sign_rule(V[:k])


def _pc_eigh_rows_reversed(X, k):
    Xc = X - X.mean(axis=0)
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return X.mean(axis=0), _sign_rule(V[::-1][:k])      # rows reversed, not columns


def _pc_global_mean(X, k):
    m = X.mean()                                        # one number: all pixels of all digits
    U, sigma, Vt = np.linalg.svd(X - m, full_matrices=False)
    return np.full(X.shape[1], m), _sign_rule(Vt[:k])


def _pc_global_mean_centred(X, k):
    U, sigma, Vt = np.linalg.svd(X - X.mean(), full_matrices=False)
    return X.mean(axis=0), _sign_rule(Vt[:k])


def _pc_scaled_with(length):
    """Components times their own lengths, length(sigma, n) (k,): not unit vectors."""
    def wrong(X, k):
        mean = X.mean(axis=0)
        U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
        return mean, _sign_rule(length(sigma[:k], len(X))[:, None] * Vt[:k])
    return wrong


_pc_scaled_by_sigma = _pc_scaled_with(lambda sigma, n: sigma)
_pc_scaled_by_sd = _pc_scaled_with(lambda sigma, n: sigma / np.sqrt(n - 1))
_pc_scaled_by_variance = _pc_scaled_with(lambda sigma, n: sigma ** 2 / (n - 1))


def _pc_eigh_ascending(X, k):
    Xc = X - X.mean(axis=0)
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return X.mean(axis=0), _sign_rule(V[:, :k].T)


def _pc_no_sign_rule(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:k]


def _pc_no_sign_rule_full(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=True)
    return mean, Vt[:k]


def _pc_no_sign_rule_eigh(X, k):
    lam, V = _eigh_descending(X)
    return X.mean(axis=0), V[:, :k].T


def _argmax_sign_rule(V: np.ndarray) -> np.ndarray:
    """The sign rule with argmax where np.abs(...).argmax belongs: each row's largest
    entry made positive, which flips only a row with no positive entry at all."""
    return V * np.sign(V[np.arange(len(V)), V.argmax(axis=1)])[:, None]


def _pc_largest_entry_positive(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _argmax_sign_rule(Vt[:k])


def _pc_largest_entry_positive_eigh(X, k):
    lam, V = _eigh_descending(X)
    return X.mean(axis=0), _argmax_sign_rule(V[:, :k].T)


def _pc_largest_entry_positive_loop(X, k):
    mean = X.mean(axis=0)
    Vt = np.linalg.svd(X - mean, full_matrices=False)[2]
    rows = []
    for v in Vt[:k]:
        rows.append(-v if v[np.argmax(v)] < 0 else v)
    return mean, np.array(rows)


def _pc_first_entry_positive(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    V = Vt[:k]
    return mean, V * np.where(V[:, :1] < 0, -1.0, 1.0)


def _pc_sum_positive(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    V = Vt[:k]
    return mean, V * np.where(V.sum(axis=1, keepdims=True) < 0, -1.0, 1.0)


def _pc_no_sign_rule_negated(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, -Vt[:k]                       # a minus for every component, no rule at all


def _pc_standardised(X, k):
    mean = X.mean(axis=0)
    sd = X.std(axis=0, ddof=1)
    Z = (X - mean) / np.where(sd > 0, sd, 1.0)      # every pixel divided by its spread
    U, sigma, Vt = np.linalg.svd(Z, full_matrices=False)
    return mean, _sign_rule(Vt[:k])


def _pc_standardised_eigh(X, k):
    Z = (X - X.mean(axis=0)) / np.maximum(X.std(axis=0), 1e-300)
    lam, V = np.linalg.eigh(np.corrcoef(Z, rowvar=False))
    V = V[:, ::-1][:, :k].T
    return X.mean(axis=0), V * np.sign(V[np.arange(k), np.abs(V).argmax(axis=1)])[:, None]


def _pc_transposed(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _sign_rule(Vt[:k]).T


def _pc_k_plus_one(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _sign_rule(Vt[:k + 1])


def _pc_swapped(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return _sign_rule(Vt[:k]), mean


def _pc_in_place(X, k):
    mean = X.mean(axis=0)
    X -= mean
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    return mean, _sign_rule(Vt[:k])


def _pc_no_return(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    components = _sign_rule(Vt[:k])  # noqa: F841 (the return is what is missing)


def _pc_sign_rule_reversed(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, -_sign_rule(Vt[:k])


def _pc_mean_of_each_digit(X, k):
    mean = X.mean(axis=1)
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return mean, _sign_rule(Vt[:k])


def _pc_with_variances(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, _sign_rule(Vt[:k]), sigma[:k] ** 2 / (len(X) - 1)


# Other right ways to write it (the tests check that each is accepted).

def _pc_by_eigh(X, k):
    mean = X.mean(axis=0)
    Xc = X - mean
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))   # increasing order
    components = V[:, np.argsort(lam)[::-1][:k]].T
    for row in components:                             # the sign rule, one row at a time
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return mean, components


def _pc_full_svd(X, k):
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=True)
    V = Vt[:k]
    flip = np.where(V[np.arange(k), np.abs(V).argmax(axis=1)] < 0, -1.0, 1.0)
    return mean, V * flip[:, None]


def _pc_float32(X, k):
    X = X.astype(np.float32)
    mean = X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)
    V = Vt[:k]
    return mean, V * np.sign(V[np.arange(k), np.abs(V).argmax(axis=1)])[:, None]


def _pc_torch(X, k):
    import torch
    X = torch.as_tensor(X)
    mean = X.mean(dim=0)
    U, sigma, Vt = torch.linalg.svd(X - mean, full_matrices=False)
    V = Vt[:k]
    signs = torch.sign(V.gather(1, V.abs().argmax(dim=1, keepdim=True)))
    return mean, V * signs


@code_exercise(
    "ch04.principal_components",
    "Write principal_components(X, k): PCA of the rows of X, (n, d) floats. Return the mean "
    "μ, shape (d,), and the first k principal components as the rows of a (k, d) array, "
    "largest variance first, each a unit vector flipped by the sign rule (its entry of "
    "largest absolute value positive).",
    hint="Subtract the mean digit to get X_c. Either take the SVD X_c = U Σ Vᵀ "
         "(np.linalg.svd(..., full_matrices=False)) and keep the first k rows of Vᵀ, or take "
         "the eigenvectors of S = X_cᵀ X_c / (n − 1) with np.linalg.eigh, which returns them "
         "as columns, smallest eigenvalue first. Then the sign rule: np.abs(...).argmax(axis=1) "
         "finds each row's largest entry; multiply each row by that entry's sign.",
    cases=_pc_cases,
    mistakes=[(_pc_not_centred,
               "Your components describe the digits as seen from the blank image, not from the "
               "mean digit μ: decompose the centred data X_c = X − μ (or its S), not X."),
              (_pc_u_columns,
               "Those are columns of U. In X_c = U Σ Vᵀ, U has a row per digit; the components "
               "are pictures with a value per pixel: the rows of Vᵀ."),
              (_pc_u_columns_no_sign_rule,
               "Those are columns of U. In X_c = U Σ Vᵀ, U has a row per digit; the components "
               "are pictures with a value per pixel: the rows of Vᵀ."),
              (_pc_vt_columns,
               "Those are the first k columns of Vᵀ, not its rows: Vt[:, :k] takes the first "
               "k entries of every component. In X_c = U Σ Vᵀ the components are the rows of "
               "Vᵀ, one per component, largest variance first."),
              (_pc_vt_columns_no_sign_rule,
               "Those are the first k columns of Vᵀ, not its rows: Vt[:, :k] takes the first "
               "k entries of every component. In X_c = U Σ Vᵀ the components are the rows of "
               "Vᵀ, one per component, largest variance first."),
              (_pc_eigh_rows,
               "np.linalg.eigh returns the eigenvectors as the columns of its second result, "
               "not its rows."),
              (_pc_eigh_rows_reversed,
               "Those are rows of np.linalg.eigh's second result, in reverse order: eigh returns "
               "the eigenvectors as the columns of that matrix, not its rows (smallest "
               "eigenvalue first), so reversing its rows does not give the components."),
              (_pc_global_mean,
               "You centred with one number, the mean of every pixel of every digit (X.mean() "
               "without an axis). μ is the mean digit, a picture: one mean per pixel, taken "
               "over the digits (down each column of X)."),
              (_pc_global_mean_centred,
               "You centred with one number, the mean of every pixel of every digit (X.mean() "
               "without an axis). X_c = X − μ subtracts the mean digit μ, one mean per pixel, "
               "from every row."),
              (_pc_scaled_by_sigma,
               "Right directions, but not unit vectors: each of your components is stretched "
               "by its singular value σ_i. A principal component has length 1: a row of Vᵀ as "
               "it is, not multiplied by anything."),
              (_pc_scaled_by_sd,
               "Right directions, but not unit vectors: each of your components is stretched "
               "by its standard deviation √λ_i. A principal component has length 1: a row of "
               "Vᵀ as it is, not multiplied by anything."),
              (_pc_scaled_by_variance,
               "Right directions, but not unit vectors: each of your components is stretched "
               "by its variance λ_i. A principal component has length 1: a row of Vᵀ as it is, "
               "not multiplied by anything."),
              (_pc_eigh_ascending,
               "Those are the components of the *smallest* variances: np.linalg.eigh sorts the "
               "eigenvalues λ in increasing order, and the components come largest variance "
               "first."),
              (_pc_no_sign_rule,
               "Right directions, but some have the opposite sign: apply the sign rule, so that "
               "each component's entry of largest absolute value is positive."),
              (_pc_no_sign_rule_full,
               "Right directions, but some have the opposite sign: apply the sign rule, so that "
               "each component's entry of largest absolute value is positive."),
              (_pc_no_sign_rule_eigh,
               "Right directions, but some have the opposite sign: apply the sign rule, so that "
               "each component's entry of largest absolute value is positive."),
              (_pc_largest_entry_positive,
               "Right directions, but some have the opposite sign: you made each component's "
               "largest entry positive, and that entry is positive already unless every entry "
               "is negative, so hardly any component flips. The sign rule looks at the entry "
               "of largest absolute value, the one farthest from 0 on either side (np.abs "
               "before argmax), and makes that one positive."),
              (_pc_largest_entry_positive_eigh,
               "Right directions, but some have the opposite sign: you made each component's "
               "largest entry positive, and that entry is positive already unless every entry "
               "is negative, so hardly any component flips. The sign rule looks at the entry "
               "of largest absolute value, the one farthest from 0 on either side (np.abs "
               "before argmax), and makes that one positive."),
              (_pc_first_entry_positive,
               "Right directions, but some have the opposite sign: you made each component's "
               "first entry positive; the sign rule makes its entry of largest absolute value "
               "positive."),
              # Before the sum rule: where a plain flip happens to give each component the
              # sign of its sum, the flip is the likelier thing to have been written.
              (_pc_no_sign_rule_negated,
               "Right directions, but some have the opposite sign: a minus in front of every "
               "component is no sign rule, it flips them all, whichever sign each had. Apply "
               "the sign rule to each component on its own, so that its entry of largest "
               "absolute value is positive."),
              (_pc_sum_positive,
               "Right directions, but some have the opposite sign: you made each component's "
               "sum positive; the sign rule makes its entry of largest absolute value "
               "positive."),
              (_pc_standardised,
               "Those are the components of the standardised data: you divided every pixel "
               "(column) by its standard deviation before decomposing, which weighs every "
               "pixel's spread the same. The chapter's PCA centres X but keeps its pixels' "
               "own scales: decompose X_c = X − μ as it is.")],
    wrong_examples=[(_pc_not_centred, "decompose the centred data"),
                    (_pc_u_columns, "columns of U"),
                    (_pc_vt_columns, "columns of Vᵀ, not its rows"),
                    (_pc_vt_columns_no_sign_rule, "columns of Vᵀ, not its rows"),
                    (_pc_eigh_rows, "as the columns of its second result"),
                    (_pc_eigh_rows_reversed, "reversing its rows"),
                    (_pc_global_mean, "You centred with one number"),
                    (_pc_global_mean_centred, "You centred with one number"),
                    (_pc_scaled_by_sigma, "not unit vectors"),
                    (_pc_scaled_by_sd, "not unit vectors"),
                    (_pc_scaled_by_variance, "not unit vectors"),
                    (_pc_eigh_ascending, "in increasing order"),
                    (_pc_no_sign_rule, "apply the sign rule"),
                    (_pc_no_sign_rule_eigh, "apply the sign rule"),
                    (_pc_largest_entry_positive, "largest entry positive"),
                    (_pc_largest_entry_positive_eigh, "largest entry positive"),
                    (_pc_largest_entry_positive_loop, "largest entry positive"),
                    (_pc_first_entry_positive, "first entry positive"),
                    (_pc_sum_positive, "sum positive"),
                    (_pc_no_sign_rule_negated, "a minus in front of every component"),
                    (_pc_standardised, "components of the standardised data"),
                    (_pc_standardised_eigh, "components of the standardised data"),
                    (_pc_transposed, "transposed"),
                    (_pc_k_plus_one, "one more along axis 0"),
                    (_pc_swapped, "swapped"),
                    (_pc_in_place, "changes its input `X`"),
                    (_pc_no_return, "return"),
                    (_pc_sign_rule_reversed, "opposite sign"),  # either message says so
                    (_pc_mean_of_each_digit, "shape"),
                    (_pc_with_variances, "2 things")],
    right_examples=[_pc_by_eigh, _pc_full_svd, _pc_float32, _pc_torch],
    rtol=1e-5, atol=1e-6,
    reference=_pc_reference,
    explanation="The rows of Vᵀ are the eigenvectors of S = X_cᵀ X_c / (n − 1), so both "
                "routes give the same components, up to each one's sign, which the sign rule "
                "fixes. The SVD never forms S, which keeps the small variances accurate.")
def principal_components(X, k):
    mean = X.mean(axis=0)                                  # μ, (d,)
    U, sigma, Vt = np.linalg.svd(X - mean, full_matrices=False)  # X_c = U Σ Vᵀ
    V = Vt[:k]                                             # the first k rows of Vᵀ, (k, d)
    biggest = np.abs(V).argmax(axis=1)                     # where each row is largest ...
    signs = np.sign(V[np.arange(k), biggest])              # ... and that entry's sign
    return mean, V * signs[:, None]                        # the sign rule: make it positive


# ........................................................ the variances along them

def _variance_cases():
    x = _digits()
    centre = x.reshape(-1, 28, 28)[:400, 9:19, 9:19].reshape(400, 100)      # the middle 10 x 10
    pooled = x.reshape(-1, 14, 2, 14, 2).mean(axis=(2, 4))[:1000].reshape(1000, 196)  # 14 x 14
    return [(_cloud(42, 57, 6, (4, 2.5, 1.5, 1, 0.5, 0.2), 3.0),),
            (centre,),
            (pooled,),
            (_cloud(43, 12, 11, (3, 2, 1, 0.5, 0.25), 1.0),),
            (_cloud(44, 6, 2, (2, 0.5), 5.0),)]


def _variances_reference(X):
    """`course.pca.fit_pca`'s explained_variance (all components)."""
    return fit_pca(X).explained_variance


def _var_not_centred(X):
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    return sigma ** 2 / (len(X) - 1)


def _var_singular_values(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma


def _var_standard_deviations(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma / np.sqrt(len(X) - 1)


def _var_divided_by_n(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma ** 2 / len(X)


def _var_ascending(X):
    Xc = X - X.mean(axis=0)
    return np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))


def _var_of_the_pixels(X):
    return np.sort(X.var(axis=0, ddof=1))[::-1]


def _var_no_denominator(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma ** 2


def _var_share(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma ** 2 / (sigma ** 2).sum()


def _var_d_minus_one(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma ** 2 / (X.shape[1] - 1)


def _var_in_place(X):
    X -= X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    return sigma ** 2 / (len(X) - 1)


def _var_no_return(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    lam = sigma ** 2 / (len(X) - 1)  # noqa: F841 (the return is what is missing)


def _var_gram_matrix(X):
    Xc = X - X.mean(axis=0)
    return np.sort(np.linalg.eigvalsh(Xc @ Xc.T / (len(X) - 1)))[::-1]


def _var_eigh_as_it_comes(X):
    Xc = X - X.mean(axis=0)
    return np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))


def _var_first_left_out(X):
    U, sigma, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return sigma[1:] ** 2 / (len(X) - 1)


def _var_eig_unsorted(X):
    Xc = X - X.mean(axis=0)
    values, vectors = np.linalg.eig(Xc.T @ Xc / (len(X) - 1))
    return values.real                          # in eig's order, which is no order at all


def _var_standardised(X):
    sd = X.std(axis=0, ddof=1)
    Z = (X - X.mean(axis=0)) / np.where(sd > 0, sd, 1.0)   # every pixel divided by its sd
    sigma = np.linalg.svd(Z, compute_uv=False)
    return sigma ** 2 / (len(X) - 1)


def _var_standardised_ddof0(X):
    return fit_pca(X, standardise=True).explained_variance


def _var_not_squared(X):
    sigma = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return sigma / (len(X) - 1)


def _var_not_squared_loop(X):
    Xc = X - X.mean(axis=0)
    n = X.shape[0]
    return np.array([s / (n - 1) for s in np.linalg.svd(Xc)[1]])


def _var_by_eigh(X):
    Xc = X - X.mean(axis=0)
    lam = np.linalg.eigvalsh(Xc.T @ Xc / (len(X) - 1))
    return np.sort(lam)[::-1]


def _var_of_the_coordinates(X):
    Xc = X - X.mean(axis=0)
    U, sigma, Vt = np.linalg.svd(Xc, full_matrices=True)
    Z = Xc @ Vt.T                               # every digit's coordinates z_j
    return Z.var(axis=0, ddof=1)


def _var_float32(X):
    sigma = np.linalg.svd(X.astype(np.float32) - X.astype(np.float32).mean(axis=0), compute_uv=False)
    return sigma ** 2 / (len(X) - 1)


def _var_cov_of_rows(X):
    return np.sort(np.linalg.eigvalsh(np.cov(X)))[::-1]          # np.cov: one variable per row


def _var_cov_of_rows_ascending(X):
    return np.linalg.eigvalsh(np.cov(X))


def _var_cov_of_rows_svd(X):
    return np.linalg.svd(np.cov(X), compute_uv=False)


def _var_np_cov(X):
    return np.linalg.eigvalsh(np.cov(X, rowvar=False).reshape(X.shape[1], X.shape[1]))[::-1]


@code_exercise(
    "ch04.component_variances",
    "Write component_variances(X): the variance λ_i of the rows of X, (n, d) floats with "
    "n > d, along each of the d principal components, largest first. Return a (d,) array.",
    hint="λ_i is the eigenvalue of S = X_cᵀ X_c / (n − 1) that belongs to component i. With the "
         "SVD of the centred data X_c = U Σ Vᵀ you never form S: λ_i = σ_i² / (n − 1). "
         "(np.linalg.eigvalsh(S) works too, but returns them smallest first.)",
    cases=_variance_cases,
    mistakes=[(_var_not_centred,
               "Your variances are measured from the blank image, not from the mean μ: take the "
               "singular values of the centred data X_c = X − μ."),
              (_var_singular_values,
               "Those are the singular values σ_i themselves. The variance along component i "
               "is λ_i = σ_i² / (n − 1)."),
              (_var_standard_deviations,
               "Those are standard deviations, √λ_i: the variance is the square, "
               "λ_i = σ_i² / (n − 1)."),
              (_var_divided_by_n,
               "You divided by n; S = X_cᵀ X_c / (n − 1) divides by n − 1 (the mean μ was "
               "estimated from the same digits)."),
              (_var_ascending,
               "Right values, wrong order: np.linalg.eigh and eigvalsh return the eigenvalues λ "
               "in increasing order, and the question asks for the largest first."),
              (_var_of_the_pixels,
               "Those are the variances of the d pixels (of each column of X), sorted: the "
               "variances along the components are the eigenvalues of S, the variances along "
               "the principal directions."),
              (_var_share,
               "Those are the shares λ_i / Σ λ (each component's part of the total variance). "
               "The question asks for the variances λ_i themselves."),
              (_var_eig_unsorted,
               "Right values, in the order np.linalg.eig returns them, which is no particular "
               "order (eig does not sort its eigenvalues): the question asks for the largest "
               "first."),
              (_var_standardised,
               "Those are the variances of the standardised data, every pixel divided by its "
               "standard deviation first (the eigenvalues of the correlation matrix). The "
               "question asks for the variances of X itself: centre it, but do not rescale "
               "its pixels."),
              (_var_cov_of_rows,
               "np.cov takes each row as one variable: np.cov(X) is the n × n covariance "
               "between the digits, with n eigenvalues. S is the d × d covariance between the "
               "pixels, the columns of X: np.cov(X, rowvar=False), or X_cᵀ X_c / (n − 1)."),
              (_var_cov_of_rows_ascending,
               "np.cov takes each row as one variable: np.cov(X) is the n × n covariance "
               "between the digits, with n eigenvalues. S is the d × d covariance between the "
               "pixels, the columns of X: np.cov(X, rowvar=False), or X_cᵀ X_c / (n − 1)."),
              (_var_standardised_ddof0,
               "Those are the variances of the standardised data, every pixel divided by its "
               "standard deviation first (standardise=True). The question asks for the "
               "variances of X itself: centre it, but do not rescale its pixels."),
              (_var_not_squared,
               "You divided the singular values σ_i themselves by n − 1, without squaring "
               "them: λ_i = σ_i² / (n − 1) divides their squares.")],
    wrong_examples=[(_var_not_centred, "singular values of the centred data"),
                    (_var_singular_values, "singular values σ_i themselves"),
                    (_var_standard_deviations, "Those are standard deviations"),
                    (_var_divided_by_n, "You divided by n"),
                    (_var_ascending, "in increasing order"),
                    (_var_of_the_pixels, "variances of the d pixels"),
                    (_var_no_denominator, "A missing 1/"),
                    (_var_share, "The question asks for the variances"),
                    (_var_eig_unsorted, "np.linalg.eig"),
                    (_var_standardised, "standardised data"),
                    (_var_standardised_ddof0, "standardised data"),
                    (_var_d_minus_one, "times the right"),
                    (_var_in_place, "changes its input `X`"),
                    (_var_no_return, "return"),
                    (_var_cov_of_rows, "np.cov takes each row as one variable"),
                    (_var_cov_of_rows_ascending, "np.cov takes each row as one variable"),
                    (_var_cov_of_rows_svd, "np.cov takes each row as one variable"),
                    (_var_gram_matrix, "shape"),
                    (_var_eigh_as_it_comes, "is a EighResult"),
                    (_var_first_left_out, "one fewer"),
                    (_var_not_squared, "without squaring"),
                    (_var_not_squared_loop, "without squaring")],
    right_examples=[_var_by_eigh, _var_of_the_coordinates, _var_float32, _var_np_cov],
    rtol=1e-5, atol=1e-5,
    reference=_variances_reference,
    explanation="S = X_cᵀ X_c / (n − 1) = V (Σ² / (n − 1)) Vᵀ: the eigenvalues of S are "
                "σ_i² / (n − 1), the variances of the digits' coordinates along the components. "
                "Their sum is the total variance of all d pixels.")
def component_variances(X):
    Xc = X - X.mean(axis=0)                                # X_c = X − μ
    U, sigma, Vt = np.linalg.svd(Xc, full_matrices=False)  # X_c = U Σ Vᵀ, σ largest first
    return sigma ** 2 / (len(X) - 1)                       # λ_i = σ_i² / (n − 1)


# ........................................................ rebuilding from k components

@cache
def _pair_pca() -> PCA:
    """A second PCA, fitted to the 3s and 8s only, with 30 components: another mean,
    another basis, and fewer components than pixels."""
    d = bundled()
    return fit_pca(d.x_train[np.isin(d.y_train, (3, 8))], 30)


def _rebuild_cases():
    d = bundled()
    full, small = _pca(), _pair_pca()
    x_test = d.x_test.reshape(len(d.x_test), -1) / 255.0
    some = np.flatnonzero(np.isin(d.y_test, (3, 8)))[:6]
    return [(x_test[:5].copy(), full.mean.copy(), full.components.copy(), 10),
            (x_test[40:52].copy(), full.mean.copy(), full.components.copy(), 1),
            (x_test[100:103].copy(), full.mean.copy(), full.components.copy(), 50),
            (x_test[some].copy(), small.mean.copy(), small.components.copy(), 7),
            (x_test[7:8].copy(), small.mean.copy(), small.components.copy(), 30)]


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


def _wrong_k_minus_one(X, mean, components, k):
    V = components[:k - 1]
    return mean + ((X - mean) @ V.T) @ V


def _wrong_clipped(X, mean, components, k):
    V = components[:k]
    return np.clip(mean + ((X - mean) @ V.T) @ V, 0, 1)


def _wrong_all_components(X, mean, components, k):
    return mean + ((X - mean) @ components.T) @ components


def _wrong_last_k(X, mean, components, k):
    V = components[-k:]                         # as if they came smallest variance first
    return mean + ((X - mean) @ V.T) @ V


def _wrong_mean_subtracted(X, mean, components, k):
    V = components[:k]
    return ((X - mean) @ V.T) @ V - mean


def _wrong_in_place(X, mean, components, k):
    X -= mean
    V = components[:k]
    return mean + (X @ V.T) @ V


def _wrong_transposed(X, mean, components, k):
    V = components[:k]
    return (mean + ((X - mean) @ V.T) @ V).T


def _wrong_coordinates_only(X, mean, components, k):
    return (X - mean) @ components[:k].T


def _wrong_star_for_matmul(X, mean, components, k):
    V = components[:k]
    return mean + ((X - mean) * V) * V


def _wrong_no_return(X, mean, components, k):
    V = components[:k]
    rebuilt = mean + ((X - mean) @ V.T) @ V  # noqa: F841 (the return is what is missing)


def _wrong_return_in_loop(X, mean, components, k):
    V = components[:k]
    for x in X:
        z = V @ (x - mean)
        return mean + z @ V


def _wrong_as_images(X, mean, components, k):
    V = components[:k]
    return (mean + ((X - mean) @ V.T) @ V).reshape(len(X), 28, 28)


def _wrong_own_mean(X, mean, components, k):
    mu = X.mean(axis=0)                          # the batch's mean, not the one given
    V = components[:k]
    return mu + ((X - mu) @ V.T) @ V


def _wrong_own_mean_loop(X, mean, components, k):
    centre = np.mean(X, axis=0)
    out = np.empty_like(X)
    for i, x in enumerate(X):
        z = components[:k] @ (x - centre)
        out[i] = centre + z @ components[:k]
    return out


def _wrong_own_mean_subtracted(X, mean, components, k):
    V = components[:k]
    return mean + ((X - X.mean(axis=0)) @ V.T) @ V


def _wrong_from_one(X, mean, components, k):
    V = components[1:k + 1]
    return mean + ((X - mean) @ V.T) @ V


def _wrong_from_one_loop(X, mean, components, k):
    rebuilt = np.tile(mean, (len(X), 1))
    for j in range(1, k + 1):                    # j = 1, ..., k as the formula counts
        v = components[j]
        rebuilt += np.outer((X - mean) @ v, v)
    return rebuilt


# Other right ways to write it.

def _rebuild_one_digit_at_a_time(X, mean, components, k):
    rebuilt = np.empty_like(X)
    for i, x in enumerate(X):
        x_hat = mean.copy()
        for v in components[:k]:
            x_hat += (v @ (x - mean)) * v     # z_j v_j with z_j = v_j · (x − μ)
        rebuilt[i] = x_hat
    return rebuilt


def _rebuild_float32(X, mean, components, k):
    V = components[:k].astype(np.float32)
    Xc = (X - mean).astype(np.float32)
    return mean + (Xc @ V.T) @ V


def _rebuild_projection_matrix(X, mean, components, k):
    V = components[:k]
    P = V.T @ V                      # (784, 784): projects onto the span of the k components
    return mean + (X - mean) @ P


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
              (_wrong_k_minus_one,
               "You used one component too few: k components are rows 0 to k − 1."),
              (_wrong_all_components,
               "You used every component, not the first k: with all of them the digit comes "
               "back unchanged. Keep rows 0 to k − 1."),
              (_wrong_clipped,
               "Your rebuilt digits are clipped to [0, 1]. The notebook clips its pictures to "
               "draw them, but x̂ itself can leave [0, 1]: return it unclipped."),
              (_wrong_last_k,
               "You used the last k components, those of the smallest variances: the rows of "
               "components come largest variance first (not in np.linalg.eigh's order), and "
               "x̂ is built from the first k."),
              (_wrong_mean_subtracted,
               "Your rebuilt digits have the mean digit μ taken away twice, before projecting "
               "and again at the end: going back, x̂ = μ + Σ z_j v_j puts μ back on."),
              (_wrong_coordinates_only,
               "You returned the coordinates z, k numbers per digit, not the rebuilt digits: "
               "going back to 784 pixels is the second step, x̂ = μ + Σ z_j v_j (a product "
               "with the same k components, the other way round, then the mean digit added)."),
              (_wrong_own_mean,
               "You centred with the mean of the digits you were given (X.mean(axis=0)), not "
               "with the mean μ passed in: μ is the mean digit the components were found "
               "around, and z_j = v_j · (x − μ) and x̂ = μ + Σ z_j v_j both use that one."),
              (_wrong_own_mean_subtracted,
               "You centred with the mean of the digits you were given (X.mean(axis=0)), not "
               "with the mean μ passed in: μ is the mean digit the components were found "
               "around, and z_j = v_j · (x − μ) uses that one."),
              (_wrong_from_one,
               "You skipped the first component and took one after the k-th: the formula's "
               "j = 1, ..., k counts from 1, but Python counts rows from 0, so the first "
               "component is row 0.")],
    wrong_examples=[(_wrong_not_centred, "needs the mean subtracted"),
                    (_wrong_mean_not_added, "Add the mean digit"),
                    (_wrong_columns, "each component is a row"),
                    (_wrong_k_plus_one, "one component too many"),
                    (_wrong_k_minus_one, "one component too few"),
                    (_wrong_all_components, "You used every component"),
                    (_wrong_clipped, "return it unclipped"),
                    (_wrong_last_k, "the last k components"),
                    (_wrong_mean_subtracted, "taken away twice"),
                    (_wrong_in_place, "changes its input `X`"),
                    (_wrong_transposed, "transposed"),
                    (_wrong_coordinates_only, "You returned the coordinates z"),
                    (_wrong_star_for_matmul, "ValueError"),
                    (_wrong_no_return, "return"),
                    (_wrong_return_in_loop, "first item only"),
                    (_wrong_as_images, "reshape"),
                    (_wrong_own_mean, "the mean of the digits you were given"),
                    (_wrong_own_mean_loop, "the mean of the digits you were given"),
                    (_wrong_own_mean_subtracted, "the mean of the digits you were given"),
                    (_wrong_from_one, "skipped the first component"),
                    (_wrong_from_one_loop, "skipped the first component")],
    right_examples=[_rebuild_one_digit_at_a_time, _rebuild_float32, _rebuild_projection_matrix],
    rtol=1e-5, atol=1e-6,
    reference=_reference,
    explanation="Projecting onto the first k components and back is the closest point to x in "
                "the flat sheet through the mean digit that those components span.")
def rebuild(X, mean, components, k):
    V = components[:k]              # (k, 784): the first k components, one per row
    Z = (X - mean) @ V.T            # (n, k): coordinates z_j = v_j · (x − μ)
    return mean + Z @ V             # (n, 784): μ + Σ z_j v_j
