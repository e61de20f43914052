"""Chapter 4's reconstruction widget, driven as a learner drives it."""

from __future__ import annotations

import re

import numpy as np
import pytest

from course.pca import fit_pca
from course.widgets import ReconstructionExplorer


@pytest.fixture(scope="module")
def pca(bundled):
    return fit_pca(bundled.x_train)


def _shown_error(widget) -> float:
    """The mean squared error as the learner reads it in the widget's text."""
    found = re.search(r"Mean squared error per pixel: <b>([0-9.]+)</b>", widget.summary.value)
    assert found, f"no error in the text: {widget.summary.value!r}"
    return float(found.group(1))


def test_k_slider_changes_the_reconstruction_and_its_error(bundled, pca):
    r = ReconstructionExplorer(bundled.x_test, pca, bundled.y_test, k=1)
    assert r.k.min == 1 and r.k.max == 784
    png, text, error, shown = r.reconstruction.value, r.summary.value, r.error, _shown_error(r)
    original = r.original.value
    r.k.value = 50
    assert r.reconstruction.value != png and r.summary.value != text
    assert r.original.value == original  # same digit
    assert r.error < error and _shown_error(r) < shown
    # The number shown is the mean squared error of the projection onto 50 components,
    # computed here directly with numpy.
    x = bundled.x_test[0].reshape(-1) / 255
    v = pca.components[:50]
    rebuilt = pca.mean + (x - pca.mean) @ v.T @ v
    assert r.error == pytest.approx(np.mean((x - rebuilt) ** 2), rel=1e-9)
    assert _shown_error(r) == pytest.approx(r.error, abs=5e-5)
    assert r.kept == pytest.approx(pca.explained_variance_ratio[:50].sum())
    r.k.value = 784
    assert r.error < 1e-15


def test_index_slider_shows_another_digit(bundled, pca):
    r = ReconstructionExplorer(bundled.x_test, pca, bundled.y_test)
    original, rebuilt, caption = r.original.value, r.reconstruction.value, r.caption.value
    r.index.value = 999
    assert r.original.value != original and r.reconstruction.value != rebuilt
    assert r.caption.value != caption and f"(label {bundled.y_test[999]})" in r.caption.value


def test_widget_fits_its_own_pca_when_none_is_given(bundled):
    r = ReconstructionExplorer(bundled.x_test[:100])
    assert r.k.max == 99  # 100 digits span at most 99 directions around their mean


def test_widget_refuses_wrong_input_clearly(bundled, pca):
    with pytest.raises(ValueError, match=r"\(n, 28, 28\).*\(5, 20, 20\)"):
        ReconstructionExplorer(bundled.x_test[:5, :20, :20], pca)
    with pytest.raises(ValueError, match=r"k must be in 1..784, got 0"):
        ReconstructionExplorer(bundled.x_test, pca, k=0)
    with pytest.raises(ValueError, match=r"labels"):
        ReconstructionExplorer(bundled.x_test, pca, bundled.y_test[:3])
