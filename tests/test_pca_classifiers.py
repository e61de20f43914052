"""The eigen-digit classifiers against independent computations: loops written out,
scikit-learn's KNeighborsClassifier and PCA, and the chapter's accuracy targets."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from sklearn.decomposition import PCA as SkPCA
from sklearn.neighbors import KNeighborsClassifier

from course.data import read_idx_pair
from course.pca import fit_pca, transform
from course.pca_classifiers import (KNearestPCA, NearestMeanPCA, SubspacePCA, accuracy_vs_k,
                                    default_classifiers)


def _flat(images):
    return images.reshape(len(images), -1).astype(np.float64) / 255


def test_nearest_mean_matches_a_brute_force_loop(bundled):
    k = 15
    clf = NearestMeanPCA(k).fit(bundled.x_train, bundled.y_train)
    z_train = _flat(bundled.x_train) @ clf.pca_.components.T  # the centring cancels out
    z_test = _flat(bundled.x_test[:150]) @ clf.pca_.components.T
    means = [z_train[bundled.y_train == c].mean(axis=0) for c in range(10)]
    expected = []
    for z in z_test:
        best, best_d = None, np.inf
        for c in range(10):
            dist = sum((z[j] - means[c][j]) ** 2 for j in range(k))
            if dist < best_d:
                best, best_d = c, dist
        expected.append(best)
    np.testing.assert_array_equal(clf.predict(bundled.x_test[:150]), expected)


@pytest.mark.parametrize("k, weights", [(5, "distance"), (30, "distance"), (30, "uniform")])
def test_knn_matches_scikit_learn_on_the_same_pca_features(bundled, k, weights):
    clf = KNearestPCA(k, n_neighbors=3, weights=weights).fit(bundled.x_train, bundled.y_train)
    z_train, z_test = transform(clf.pca_, bundled.x_train), transform(clf.pca_, bundled.x_test)
    sk = KNeighborsClassifier(3, weights=weights, algorithm="brute").fit(z_train, bundled.y_train)
    np.testing.assert_array_equal(clf.predict(bundled.x_test), sk.predict(z_test))
    dist, index = clf.neighbours(bundled.x_test[:100])
    sk_dist, sk_index = sk.kneighbors(z_test[:100])
    np.testing.assert_allclose(dist, sk_dist, atol=1e-9)
    np.testing.assert_array_equal(index, sk_index)


def test_knn_gives_a_digit_seen_in_training_its_own_label(bundled):
    clf = KNearestPCA(784).fit(bundled.x_train, bundled.y_train)
    np.testing.assert_array_equal(clf.predict(bundled.x_train[:200]), bundled.y_train[:200])


def test_subspace_classifier_equals_per_class_reconstruction_error(bundled):
    k = 12
    clf = SubspacePCA(k).fit(bundled.x_train, bundled.y_train)
    x_train, x_test = _flat(bundled.x_train), _flat(bundled.x_test)
    errors = []
    for c in range(10):  # scikit-learn's PCA of each class, and its own reconstruction
        sk = SkPCA(k, svd_solver="full").fit(x_train[bundled.y_train == c])
        errors.append(((x_test - sk.inverse_transform(sk.transform(x_test))) ** 2).sum(axis=1))
    errors = np.stack(errors, axis=1)
    np.testing.assert_allclose(clf.distances(bundled.x_test), errors, atol=1e-9)
    np.testing.assert_array_equal(clf.predict(bundled.x_test), np.argmin(errors, axis=1))


def test_subspace_classifier_beats_chance_by_a_wide_margin(bundled):
    accuracy = SubspacePCA(10).fit(bundled.x_train, bundled.y_train).score(bundled.x_test, bundled.y_test)
    assert accuracy > 0.85  # chance is 0.10


@pytest.mark.parametrize("name", ["nearest class mean", "3-nearest neighbours", "class subspaces"])
def test_with_k_equals_fitting_with_that_k(bundled, name):
    big = default_classifiers(40)[name].fit(bundled.x_train, bundled.y_train)
    fresh = default_classifiers(7)[name].fit(bundled.x_train, bundled.y_train)
    np.testing.assert_array_equal(big.with_k(7).predict(bundled.x_test), fresh.predict(bundled.x_test))


def test_accuracy_table_is_the_same_fitted_once_or_for_every_k(bundled):
    x_train, y_train = bundled.x_train[::2], bundled.y_train[::2]
    x_test, y_test = bundled.x_test[::3], bundled.y_test[::3]
    once = accuracy_vs_k([3, 8], x_train, y_train, x_test, y_test)
    every = accuracy_vs_k([3, 8], x_train, y_train, x_test, y_test, refit=True)
    assert list(once.accuracy) == ["nearest class mean", "3-nearest neighbours", "class subspaces"]
    for name in once.accuracy:
        np.testing.assert_array_equal(once.accuracy[name], every.accuracy[name])
        expected = default_classifiers(8)[name].fit(x_train, y_train).score(x_test, y_test)
        assert once.accuracy[name][1] == expected
    name, k, acc = once.best()
    assert acc == max(a.max() for a in once.accuracy.values())
    assert once.accuracy[name][list(once.ks).index(k)] == acc
    text = once.format(timings=True)
    assert text.count("\n") == 3 and f"{100 * acc:.1f} %" in text


def test_reusing_a_pca_of_the_same_digits_changes_nothing(bundled):
    pca = fit_pca(bundled.x_train, 60, method="eig")  # another route, same components
    for cls in (NearestMeanPCA, KNearestPCA):
        shared = cls(25).fit(bundled.x_train, bundled.y_train, pca=pca)
        own = cls(25).fit(bundled.x_train, bundled.y_train)
        assert shared.pca_.n_components == 25
        np.testing.assert_array_equal(shared.predict(bundled.x_test), own.predict(bundled.x_test))


def test_best_bundled_accuracy_reaches_the_target(bundled):
    table = accuracy_vs_k([20, 30], bundled.x_train, bundled.y_train, bundled.x_test, bundled.y_test)
    assert table.best()[2] >= 0.93


OFFICIAL = Path(os.environ.get("MNIST_DIR", "/nonexistent"))


@pytest.mark.skipif(not (OFFICIAL / "t10k-images-idx3-ubyte.gz").is_file(),
                    reason="the official 10k test set is not in $MNIST_DIR")
def test_best_official_accuracy_reaches_the_target(bundled):
    x, y = read_idx_pair(OFFICIAL / "t10k-images-idx3-ubyte.gz", OFFICIAL / "t10k-labels-idx1-ubyte.gz")
    table = accuracy_vs_k([20, 30], bundled.x_train, bundled.y_train, x, y)
    assert table.best()[2] >= 0.94


BAD_CALLS = [
    ("k zero", lambda d: NearestMeanPCA(0), r"k must be at least 1, got 0"),
    ("k text", lambda d: SubspacePCA("5"), r"k must be a whole number, got '5'"),
    ("k above rank", lambda d: NearestMeanPCA(785).fit(d.x_train, d.y_train), r"k=785 .*784"),
    ("k above a class's size", lambda d: SubspacePCA(50).fit(d.x_train[::20], d.y_train[::20]),
     r"k=50 is larger than class \d allows: it has \d+ training digits"),
    ("labels of the wrong length", lambda d: KNearestPCA(5).fit(d.x_train, d.y_train[:10]),
     r"y: expected one label per digit, shape \(4000,\), got shape \(10,\)"),
    ("float labels", lambda d: KNearestPCA(5).fit(d.x_train, d.y_train.astype(float)),
     r"y: expected integer class labels"),
    ("one class", lambda d: NearestMeanPCA(2).fit(d.x_train[:20], np.zeros(20, dtype=int)),
     r"at least 2 classes"),
    ("predict before fit", lambda d: SubspacePCA(5).predict(d.x_test), r"not fitted yet.*fit\(X, y\)"),
    ("wrong image size", lambda d: NearestMeanPCA(5).fit(d.x_train[:500], d.y_train[:500])
     .predict(d.x_test[:, :20, :20]), r"X: expected .*got shape \(1000, 20, 20\)"),
    ("n_neighbors zero", lambda d: KNearestPCA(5, n_neighbors=0), r"n_neighbors must be at least 1"),
    ("weights", lambda d: KNearestPCA(5, weights="gaussian"), r"weights must be .*'gaussian'"),
    ("more neighbours than digits", lambda d: KNearestPCA(2, n_neighbors=20)
     .fit(d.x_train[::400], d.y_train[::400]), r"n_neighbors=20 is more than the 10 training digits"),
    ("with_k above fitted", lambda d: NearestMeanPCA(5).fit(d.x_train[:500], d.y_train[:500])
     .with_k(6), r"k=6 .*k=5 this classifier was fitted with"),
    ("pca of other digits", lambda d: NearestMeanPCA(5).fit(d.x_train, d.y_train, pca=fit_pca(d.x_test, 10)),
     r"pca: this PCA was not fitted to these training digits"),
    ("pca of as many other digits", lambda d: KNearestPCA(5).fit(d.x_train, d.y_train,
                                                                  pca=fit_pca(255 - d.x_train, 10)),
     r"pca: this PCA was not fitted to these training digits"),
    ("standardised pca", lambda d: KNearestPCA(5).fit(d.x_train, d.y_train,
                                                       pca=fit_pca(d.x_train, 10, standardise=True)),
     r"pca: this PCA was not fitted to these training digits.*not standardised"),
    ("pca too small", lambda d: KNearestPCA(10).fit(d.x_train, d.y_train, pca=fit_pca(d.x_train, 5)),
     r"k=10 .*5 components of the pca passed in"),
    ("pca not a PCA", lambda d: KNearestPCA(10).fit(d.x_train, d.y_train, pca="pca"),
     r"pca: expected a PCA"),
    ("ks empty", lambda d: accuracy_vs_k([], d.x_train, d.y_train, d.x_test, d.y_test), r"ks must"),
    ("ks zero", lambda d: accuracy_vs_k([0, 5], d.x_train, d.y_train, d.x_test, d.y_test), r"ks must"),
]


@pytest.mark.parametrize("call, pattern", [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_input_gets_a_clear_error(bundled, call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call(bundled)
