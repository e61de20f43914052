"""Chapter 4's exercises agree with independent computations: scikit-learn's PCA for the
principal components and the variances along them, the geometry of a projection for
rebuilding a digit; their cases pin every component down (so a right answer by either
route is accepted); and no wrong-answer message of the class question names the class."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.decomposition import PCA as SklearnPCA

from course.check import check, exercises, hint
from course.exercises.ch04 import (_class_errors, _pc_cases, _rebuild_cases, _variance_cases,
                                   component_variances, principal_components, rebuild)


@pytest.mark.parametrize("case", range(len(_pc_cases())))
def test_principal_components_are_scikit_learns_with_the_same_sign_rule(case):
    X, k = _pc_cases()[case]
    mean, components = principal_components(X, k)
    theirs = SklearnPCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(mean, theirs.mean_, rtol=0, atol=1e-12)
    # scikit-learn makes each component's entry of largest absolute value positive too;
    # compare up to the sign as well, so that a change of its rule names itself here.
    signs = np.sign(np.sum(components * theirs.components_, axis=1, keepdims=True))
    np.testing.assert_allclose(components, signs * theirs.components_, rtol=0, atol=1e-9)
    assert np.all(signs == 1), "the sign rule differs from scikit-learn's"
    np.testing.assert_allclose(components @ components.T, np.eye(k), atol=1e-12)


@pytest.mark.parametrize("case", range(len(_variance_cases())))
def test_component_variances_are_scikit_learns_explained_variance(case):
    (X,) = _variance_cases()[case]
    lam = component_variances(X)
    assert lam.shape == (X.shape[1],)
    theirs = SklearnPCA(svd_solver="full").fit(X)
    np.testing.assert_allclose(lam, theirs.explained_variance_, rtol=1e-10, atol=1e-12)
    # Their sum is the total variance of the pixels (ddof=1), and they come largest first.
    np.testing.assert_allclose(lam.sum(), X.var(axis=0, ddof=1).sum(), rtol=1e-12)
    assert np.all(np.diff(lam) <= 1e-12)


def test_the_cases_pin_every_component_down_so_either_route_is_accepted():
    """Neighbouring variances are apart and each component's largest entry stands out, by far
    more than the check's tolerance: the SVD and the eigenvectors of S give the same answer."""
    for X, k in _pc_cases():
        s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
        lam = s ** 2 / (len(X) - 1)
        assert np.min(-np.diff(lam[:k + 1]) / lam[0]) > 5e-4, X.shape
        _, components = principal_components(X, k)
        top = np.sort(np.abs(components), axis=1)[:, -2:]
        assert np.min(top[:, 1] - top[:, 0]) > 1e-4, X.shape
    for X, k in _pc_cases():
        assert X.shape[0] != X.shape[1]
    assert {X.shape[0] > X.shape[1] for X, _ in _pc_cases()} == {True, False}
    assert 1 in {k for _, k in _pc_cases()}


def test_principal_components_by_the_covariance_route_are_accepted():
    def by_eigh(X, k):
        mean = X.mean(axis=0)
        lam, W = np.linalg.eigh(np.cov(X, rowvar=False))
        V = W[:, ::-1][:, :k].T
        return mean, V * np.sign(V[np.arange(k), np.abs(V).argmax(axis=1)])[:, None]
    assert check("ch04.principal_components", by_eigh).correct


def test_a_forgotten_sign_rule_is_named_not_called_a_normalisation():
    def raw_svd(X, k):
        mean = X.mean(axis=0)
        return mean, np.linalg.svd(X - mean, full_matrices=False)[2][:k]
    feedback = check("ch04.principal_components", raw_svd)
    assert feedback.correct is False and "sign rule" in feedback.message


def test_a_sign_rule_without_abs_is_named_apart_from_a_forgotten_one():
    """The first case's first component has every entry positive, so a sign rule that makes
    the largest entry (not the largest in size) positive flips it when the SVD returns it
    negative, and nothing else: its result then differs from no sign rule at all."""
    X, k = _pc_cases()[0]
    _, components = principal_components(X, k)
    assert np.all(components[0] > 0.05)

    def largest_entry(X, k):
        mean = X.mean(axis=0)
        V = np.linalg.svd(X - mean, full_matrices=False)[2][:k]
        return mean, V * np.sign(V[np.arange(k), V.argmax(axis=1)])[:, None]
    feedback = check("ch04.principal_components", largest_entry)
    assert feedback.correct is False and "largest absolute value" in feedback.message
    first = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)[2][0]
    if np.all(first < 0):       # as LAPACK returns it here; another build may not
        assert "largest entry positive" in feedback.message


def test_rebuilding_is_a_projection_onto_the_first_k_components():
    for X, mean, components, k in _rebuild_cases():
        rebuilt = rebuild(X, mean, components, k)
        V = components[:k]
        # What is left over is at right angles to the k components ...
        np.testing.assert_allclose((X - rebuilt) @ V.T, 0, atol=1e-10)
        # ... and rebuilding the rebuilt digits changes nothing.
        np.testing.assert_allclose(rebuild(rebuilt, mean, components, k), rebuilt, atol=1e-10)
    X, mean, components, _ = _rebuild_cases()[0]
    np.testing.assert_allclose(rebuild(X, mean, components, len(components)), X, atol=1e-10)
    assert 1 in {len(X) for X, *_ in _rebuild_cases()}, "a batch of one digit"


def test_no_wrong_class_hears_a_hint_at_the_right_one():
    answer = exercises()["ch04.best_rebuilt_class"].answer
    assert answer == int(np.argmin(_class_errors()))
    texts = [hint("ch04.best_rebuilt_class"), exercises()["ch04.best_rebuilt_class"].question]
    for given in [c for c in range(10) if c != answer] + [0.02, 11, -1]:
        feedback = check("ch04.best_rebuilt_class", given)
        assert feedback.correct is False
        texts.append(feedback.message)
    for text in texts:
        assert "ink" not in text.lower() and "stroke" not in text.lower(), text
        assert not re.search(rf"(?<![\d.]){answer}(?![\d.])", text.replace("0 to 9", "")), text


def test_components_90_names_the_off_by_one_with_and_without_standardising():
    for key in ("ch04.components_90", "ch04.components_90_standardised"):
        answer = exercises()[key].answer
        feedback = check(key, answer - 1)
        assert feedback.correct is False and "Off by one" in feedback.message, (key, feedback)
        assert str(answer) not in feedback.message


def test_a_plain_flip_is_not_called_the_sum_rule_and_the_sum_rule_is_named():
    """A minus in front of the SVD's components is no sign rule at all: its message must not
    say the learner made each component's sum positive, even where the flip gives every
    component the sign of its sum; the sum rule itself is named on the first case."""
    def flipped(X, k):
        mean = X.mean(axis=0)
        return mean, -np.linalg.svd(X - mean, full_matrices=False)[2][:k]

    def sum_positive(X, k):
        mean = X.mean(axis=0)
        V = np.linalg.svd(X - mean, full_matrices=False)[2][:k]
        return mean, V * np.where(V.sum(axis=1) < 0, -1, 1)[:, None]
    feedback = check("ch04.principal_components", flipped)
    assert feedback.correct is False and "sum positive" not in feedback.message
    assert "sign rule" in feedback.message
    feedback = check("ch04.principal_components", sum_positive)
    assert feedback.correct is False and "sum positive" in feedback.message
