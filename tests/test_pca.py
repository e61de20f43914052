"""course.pca against independent computations: scikit-learn's PCA and StandardScaler,
a data set whose principal components are known exactly, and the identities of PCA."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.decomposition import PCA as SkPCA
from sklearn.preprocessing import StandardScaler

from course.pca import (as_features, components_for_variance, fit_pca, reconstruct,
                        reconstruction_error, standard_deviations, transform, truncate)

# Components compared one by one: their variances are well separated, so each is
# determined by the data up to its sign (the tail shares near-zero variances, where
# any orthonormal basis is as right as another).
N_COMPARED = 100


@pytest.fixture(scope="module")
def x(bundled):
    """The 4,000 bundled training digits as (4000, 784) float64 in [0, 1]."""
    return bundled.x_train.reshape(len(bundled.x_train), -1).astype(np.float64) / 255


@pytest.fixture(scope="module")
def pcas(bundled):
    return {m: fit_pca(bundled.x_train, method=m) for m in ("svd", "eig")}


@pytest.fixture(scope="module")
def sk(x):
    return SkPCA(svd_solver="full").fit(x)


def _max_diff_up_to_sign(a, b):
    """Largest |a - s*b| over rows, with s = +-1 chosen per row."""
    signs = np.sign(np.sum(a * b, axis=1))[:, None]
    return float(np.abs(a - signs * b).max())


def test_compared_components_have_well_separated_variances(sk):
    ev = sk.explained_variance_[:N_COMPARED + 1]
    gaps = -np.diff(ev) / ev[:-1]
    assert gaps.min() > 1e-4, "pick fewer components to compare: two variances nearly coincide"


@pytest.mark.parametrize("method", ["svd", "eig"])
def test_both_methods_agree_with_scikit_learn(method, pcas, sk):
    p = pcas[method]
    assert p.components.shape == (784, 784)
    np.testing.assert_allclose(p.mean, sk.mean_, atol=1e-12)
    np.testing.assert_allclose(p.explained_variance, sk.explained_variance_, atol=1e-6)
    np.testing.assert_allclose(p.explained_variance_ratio, sk.explained_variance_ratio_, atol=1e-6)
    assert _max_diff_up_to_sign(p.components[:N_COMPARED], sk.components_[:N_COMPARED]) < 1e-6


def test_eig_and_svd_agree_exactly_not_just_up_to_sign(pcas):
    a, b = pcas["svd"], pcas["eig"]
    np.testing.assert_allclose(a.explained_variance, b.explained_variance, atol=1e-10)
    np.testing.assert_allclose(a.components[:N_COMPARED], b.components[:N_COMPARED], atol=1e-8)


def test_standardised_pca_agrees_with_standard_scaler_then_scikit_learn(bundled, x):
    ours = fit_pca(bundled.x_train, standardise=True)
    scaler = StandardScaler().fit(x)
    sk = SkPCA(svd_solver="full").fit(scaler.transform(x))
    np.testing.assert_allclose(ours.scale, scaler.scale_, rtol=1e-10)
    np.testing.assert_allclose(ours.explained_variance, sk.explained_variance_, atol=1e-6)
    k = 30  # standardised variances crowd together sooner
    assert _max_diff_up_to_sign(ours.components[:k], sk.components_[:k]) < 1e-6
    np.testing.assert_allclose(np.abs(transform(ours, x, k)),
                               np.abs(sk.transform(scaler.transform(x))[:, :k]), atol=1e-6)


@pytest.mark.parametrize("method", ["svd", "eig"])
def test_known_principal_axes_of_a_constructed_data_set(method):
    # Four points +-3u and +-1w: mean 0, covariance (2*9 uu' + 2*1 ww') / 3, so the
    # variances are 6 and 2/3 along u and w, and nothing along the third axis.
    u = np.array([2.0, 3.0, 6.0]) / 7
    w_ = np.array([3.0, -6.0, 2.0]) / 7          # orthogonal to u
    X = np.stack([3 * u, -3 * u, w_, -w_]) + np.array([5.0, -1.0, 2.0])
    p = fit_pca(X, 2, method=method)
    np.testing.assert_allclose(p.mean, [5.0, -1.0, 2.0], atol=1e-12)
    np.testing.assert_allclose(p.explained_variance, [6.0, 2 / 3], rtol=1e-12)
    np.testing.assert_allclose(p.explained_variance_ratio, [0.9, 0.1], rtol=1e-12)
    # Sign convention: each component's largest entry (in absolute value, with no ties
    # here) is positive: u's is +6/7, w's is -6/7, so the components are +u and -w.
    np.testing.assert_allclose(p.components, [u, -w_], atol=1e-12)


@pytest.mark.parametrize("method", ["svd", "eig"])
def test_components_are_orthonormal(method, pcas):
    c = pcas[method].components
    np.testing.assert_allclose(c @ c.T, np.eye(len(c)), atol=1e-10)


def test_sign_convention_largest_entry_is_positive(pcas):
    for p in pcas.values():
        c = p.components[:N_COMPARED]
        largest = c[np.arange(len(c)), np.argmax(np.abs(c), axis=1)]
        assert (largest > 0).all()


def test_components_do_not_depend_on_the_order_of_the_digits(bundled, pcas):
    order = np.random.default_rng(0).permutation(len(bundled.x_train))
    shuffled = fit_pca(bundled.x_train[order])
    # Equal as they are, without any sign correction: the convention fixes the sign.
    np.testing.assert_allclose(shuffled.components[:N_COMPARED], pcas["svd"].components[:N_COMPARED],
                               atol=1e-8)


def test_reconstruction_with_all_components_is_exact(bundled, pcas):
    for p in pcas.values():
        back = reconstruct(p, bundled.x_test)
        assert back.shape == bundled.x_test.shape
        np.testing.assert_allclose(back, bundled.x_test / 255, atol=1e-8)


def test_reconstruction_error_shrinks_as_k_grows(bundled, pcas):
    p = pcas["svd"]
    ks = [1, 2, 5, 10, 20, 50, 100, 200, 400, 784]
    errors = np.array([reconstruction_error(p, bundled.x_test, k) for k in ks])  # (len(ks), n)
    assert (np.diff(errors, axis=0) <= 1e-12).all(), "some digit got worse with more components"
    mean = errors.mean(axis=1)
    assert (np.diff(mean) < 0).all()


def test_training_error_equals_the_variance_left_out(x, pcas):
    # Identity: the average squared distance of the training digits to the k-subspace is
    # the sum of the variances of the components left out, times (n - 1) / n.
    p = pcas["eig"]
    n, d = x.shape
    for k in (1, 10, 100):
        got = reconstruction_error(p, x, k).mean() * d
        expected = p.explained_variance[k:].sum() * (n - 1) / n
        assert got == pytest.approx(expected, rel=1e-9)


def test_transform_and_reconstruct_shapes_and_input_forms(bundled, pcas):
    p = pcas["svd"]
    images = bundled.x_test[:7]
    flat = images.reshape(7, -1).astype(np.float32) / 255
    z = transform(p, images, 12)
    assert z.shape == (7, 12)
    np.testing.assert_allclose(transform(p, flat, 12), z, atol=1e-6)
    assert reconstruct(p, flat, 5).shape == (7, 784)
    assert reconstruct(p, images, 5).shape == (7, 28, 28)
    # The coordinates are projections of the centred digits onto the components.
    np.testing.assert_allclose(z, (images.reshape(7, -1) / 255 - p.mean) @ p.components[:12].T)


def test_truncating_equals_fitting_fewer_components(bundled, pcas):
    small = fit_pca(bundled.x_train, 20)
    cut = truncate(pcas["svd"], 20)
    np.testing.assert_array_equal(small.components, cut.components)
    np.testing.assert_array_equal(small.explained_variance_ratio, cut.explained_variance_ratio)


def test_components_for_variance_matches_a_loop_and_scikit_learn(x, pcas):
    p = pcas["svd"]
    for fraction in (0.5, 0.8, 0.9, 0.95, 0.99):
        k = 0
        kept = 0.0
        while kept < fraction:
            kept += p.explained_variance_ratio[k]
            k += 1
        assert components_for_variance(p, fraction) == k
    assert components_for_variance(p, 0.9) == SkPCA(0.9, svd_solver="full").fit(x).n_components_
    assert components_for_variance(p, 1.0) <= 784


def test_zero_variance_pixels_are_divided_by_one_and_give_no_nan(bundled):
    std, constant = standard_deviations(bundled.x_train)
    assert constant.sum() > 0, "the bundled digits have pixels that are blank in every digit"
    flat = bundled.x_train.reshape(len(bundled.x_train), -1)
    np.testing.assert_array_equal(constant, (flat == flat[0]).all(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):  # the naive way: 0 / 0
        naive = (flat / 255 - flat.mean(axis=0) / 255) / std
    assert np.isnan(naive).any()
    p = fit_pca(bundled.x_train, standardise=True)
    np.testing.assert_array_equal(p.scale[constant], 1.0)
    for array in (p.components, p.explained_variance, transform(p, bundled.x_test),
                  reconstruct(p, bundled.x_test)):
        assert np.isfinite(array).all()
    np.testing.assert_allclose(reconstruct(p, bundled.x_test), bundled.x_test / 255, atol=1e-8)


def test_a_constant_column_in_float_data_counts_as_constant():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(50, 4))
    X[:, 2] = 0.1  # 0.1 is not exact in binary: the mean can differ from it by rounding
    p = fit_pca(X, standardise=True)
    assert p.scale[2] == 1.0 and np.isfinite(p.components).all()


@pytest.fixture(scope="module")
def small_pca(bundled):
    return fit_pca(bundled.x_train, 20)


BAD_CALLS = [
    ("k zero", lambda d, p: fit_pca(d.x_train, 0), r"k must be at least 1, got 0"),
    ("k negative", lambda d, p: fit_pca(d.x_train, -3), r"k must be at least 1, got -3"),
    ("k not whole", lambda d, p: fit_pca(d.x_train, 2.5), r"k must be a whole number, got 2.5"),
    ("k above 784", lambda d, p: fit_pca(d.x_train, 785), r"k=785 .*rank limit.* = 784"),
    ("k above n-1", lambda d, p: fit_pca(d.x_train[:5], 5), r"k=5 .*rank limit.*min\(4, 784\) = 4"),
    ("one row", lambda d, p: fit_pca(d.x_train[:1]), r"X: .*at least 2 rows.*got 1"),
    ("1-D X", lambda d, p: fit_pca(d.x_train[0].ravel()), r"X: expected .*got shape \(784,\)"),
    ("4-D X", lambda d, p: fit_pca(d.x_train[None]), r"X: expected .*got shape \(1, 4000, 28, 28\)"),
    ("NaN", lambda d, p: fit_pca(np.where(d.x_train[:50] > 0, np.nan, 0.0)), r"X: \d+ values are NaN"),
    ("text", lambda d, p: fit_pca(np.array([["a", "b"], ["c", "d"]])), r"X: expected numbers"),
    ("method", lambda d, p: fit_pca(d.x_train, method="qr"), r"method must be one of .*'qr'"),
    ("wrong image size", lambda d, p: transform(p, d.x_train[:3, 1:, 1:]),
     r"X: expected .*\(n, 784\) or \(n, 28, 28\).*got shape \(3, 27, 27\)"),
    ("single image", lambda d, p: reconstruct(p, d.x_train[0]), r"image\[None\]"),
    ("k above fitted", lambda d, p: reconstruct(p, d.x_train[:3], 21), r"k=21 .*20 components"),
    ("k zero reconstruct", lambda d, p: reconstruct(p, d.x_train[:3], 0), r"k must be at least 1"),
    ("k zero transform", lambda d, p: transform(p, d.x_train[:3], 0), r"k must be at least 1"),
    ("truncate too far", lambda d, p: truncate(p, 30), r"k=30 .*20 components"),
    ("fraction above 1", lambda d, p: components_for_variance(p, 1.5), r"fraction .*\(0, 1\].*1.5"),
    ("fraction zero", lambda d, p: components_for_variance(p, 0), r"fraction .*got 0"),
    ("fraction text", lambda d, p: components_for_variance(p, "0.9"), r"fraction .*'0.9'"),
    ("fraction unreachable", lambda d, p: components_for_variance(p, 0.99),
     r"20 fitted components keep only .* fraction=0.99"),
    ("empty", lambda d, p: as_features(np.zeros((0, 784))), r"X: got an empty array"),
    ("empty images", lambda d, p: transform(p, d.x_test[:0]), r"X: got an empty array of shape \(0, 28, 28\)"),
]


@pytest.mark.parametrize("call, pattern", [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_input_gets_a_clear_error(bundled, small_pca, call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call(bundled, small_pca)
