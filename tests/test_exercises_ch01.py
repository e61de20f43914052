"""Chapters 0 and 1's exercises agree with independent computations (scikit-learn's class
centroids, scipy's centre of mass, a loop over every pair of pixels), their cases hold the
traps a learner falls into (uint8 wrapping around, a count above 255, a non-square image, a
class with one image), and the chapters never show an answer before its question."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage
from sklearn.neighbors import NearestCentroid

from course import check as C
from course.exercises import ch00, ch01
from course.prose import pct

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def _pairs_loop(image: np.ndarray, lag: int) -> list[float]:
    """Every |x[r + lag, c] - x[r, c]| of one image, one pair at a time, in Python ints/floats."""
    h, w = image.shape
    return [abs(float(image[r + lag, c]) - float(image[r, c])) for r in range(h - lag) for c in range(w)]


# ------------------------------------------------------------------ agreement with independent code

def test_count_ink_is_numpys_count_of_nonzero_comparisons():
    for image, threshold in ch00._ink_cases():
        assert ch00.count_ink(image, threshold) == np.count_nonzero(image.astype(int) > threshold)


# scikit-learn warns about pixels that are blank in every image of a class, harmless here.
@pytest.mark.filterwarnings("ignore::UserWarning", "ignore::RuntimeWarning")
def test_mean_digits_are_scikit_learns_class_centroids_on_the_unit_scale():
    for images, labels in ch01._mean_cases():
        flat = images.reshape(len(images), -1).astype(np.float64) / 255
        centroids = NearestCentroid().fit(flat, labels).centroids_
        np.testing.assert_allclose(ch01.mean_digits(images, labels),
                                   centroids.reshape((10,) + images.shape[1:]), rtol=1e-12, atol=1e-15)


def test_variogram_y_is_the_mean_over_every_vertical_pair_counted_one_by_one():
    for images, lag in ch01._variogram_cases()[:4]:
        pairs = [d for image in images for d in _pairs_loop(image, lag)]
        assert ch01.variogram_y(images, lag) == pytest.approx(sum(pairs) / len(pairs), rel=1e-12)


def test_variogram_y_keeps_the_pixels_units():
    images, lag = ch01._variogram_cases()[3]
    assert images.dtype == np.uint8
    assert ch01.variogram_y(images, lag) == pytest.approx(255 * ch01.variogram_y(images / 255, lag), rel=1e-12)


def test_centre_of_mass_is_scipys():
    for (image,) in ch01._com_cases():
        np.testing.assert_allclose(ch01.centre_of_mass(image), ndimage.center_of_mass(image), rtol=1e-12)


# ------------------------------------------------------------------ the cases hold the traps

def test_a_count_ink_case_counts_more_than_a_uint8_holds():
    assert max(ch00.count_ink(*case) for case in ch00._ink_cases()) > 255


def test_mean_digits_cases_overflow_a_uint8_sum_hold_single_images_and_a_non_square_shape():
    cases = ch01._mean_cases()
    assert all(np.bincount(labels, minlength=10).min() >= 1 for _, labels in cases)
    assert any(np.bincount(labels, minlength=10).min() == 1 for _, labels in cases)
    assert any(images.shape[1] != images.shape[2] for images, _ in cases)
    assert any(labels.dtype == np.uint8 for _, labels in cases)
    assert any(max(images[labels == c].astype(int).sum(axis=0).max() for c in range(10)) > 255
               for images, labels in cases)


def test_variogram_y_cases_have_uint8_pairs_whose_difference_is_negative_and_a_batch_of_one():
    cases = ch01._variogram_cases()
    stored = [(images, lag) for images, lag in cases if images.dtype == np.uint8]
    assert stored and any((images[:, lag:].astype(int) - images[:, :-lag] < 0).any() for images, lag in stored)
    assert {len(images) for images, _ in cases} >= {1, 5}
    assert len({lag for _, lag in cases}) >= 4
    assert any(images.shape[1] != images.shape[2] for images, _ in cases)


# The learner's stand-ins call the solution by its own name, not through the module `ch01`,
# which also holds the course's tested version (check refuses a function that calls that).
variogram_y = ch01.variogram_y


@pytest.mark.parametrize("answer", [lambda images, lag: np.array(variogram_y(images, lag)),
                                    lambda images, lag: variogram_y(images, lag)],
                         ids=["a 0-d array", "a number"])
def test_variogram_y_accepts_a_number(answer):
    assert C.check("ch01.variogram_y", answer).correct is True


def test_variogram_y_names_an_array_holding_one_number_as_in_every_exercise():
    fb = C.check("ch01.variogram_y", lambda images, lag: np.array([variogram_y(images, lag)]))
    assert fb.correct is False and "holding one number" in fb.message and ".item()" in fb.message
    fb = C.check("ch00.count_ink", lambda image, threshold: np.array([(image > threshold).sum()]))
    assert fb.correct is False and "holding one number" in fb.message


def test_scaling_the_stored_pixels_to_0_1_is_named_in_the_chapters_words():
    fb = C.check("ch01.variogram_y", lambda images, lag: variogram_y(images / 255, lag))
    assert fb.correct is False and "own units" in fb.message and "0..255" in fb.message
    fb = C.check("ch00.count_ink", lambda image, threshold: int((image / 255 > threshold).sum()))
    assert fb.correct is False and "0..255" in fb.message


def test_edge_digits_names_counting_ring_pixels_instead_of_digits():
    ring = np.ones((28, 28), dtype=bool)
    ring[1:-1, 1:-1] = False
    inked = ch01.bundled().x_train[:, ring] > 0
    answer = C.exercises()["ch01.edge_digits"].answer
    assert answer == int(inked.any(axis=1).sum())
    pixels, positions = int(inked.sum()), int(inked.any(axis=0).sum())
    assert len({answer, pixels, positions}) == 3
    for wrong in (pixels, positions):
        fb = C.check("ch01.edge_digits", wrong)
        assert fb.correct is False and "counts digits" in fb.message, fb.message
        assert "Too" not in fb.message and str(answer) not in fb.message


# ------------------------------------------------------------------ no answer before its question

def _learner_text_before(notebook: Path, marker: str) -> str:
    """Everything a learner sees above the cell that contains ``marker``: its sources and
    their committed outputs, including a widget's snapshot."""
    cells = json.loads(notebook.read_text())["cells"]
    text = []
    for cell in cells:
        source = "".join(cell["source"])
        if marker in source:
            return "\n".join(text)
        text.append(source)
        for out in cell.get("outputs", []):
            text.append("".join(out.get("text", "")))
            for kind, value in out.get("data", {}).items():
                if kind.startswith("text/"):
                    text.append("".join(value) if isinstance(value, list) else value)
    raise AssertionError(f"{notebook.name} has no cell with {marker!r}")


def test_chapter_0_does_not_show_the_number_of_pixels_before_asking_for_it():
    text = _learner_text_before(NOTEBOOKS / "00_start_here.ipynb", 'check("ch00.pixels"')
    assert not re.search(r"\b784\b", text)


def test_chapter_1_does_not_state_the_share_of_blank_pixels_before_asking_for_it():
    share = C.exercises()["ch01.zero_share"].answer
    text = _learner_text_before(NOTEBOOKS / "01_meet_mnist.ipynb", 'check("ch01.zero_share"')
    for shown in {pct(share), f"{share:.1%}", f"{share:.2f}", f"{share:.3f}", f"{100 * share:.1f}"}:
        assert shown not in text, f"the answer appears as {shown!r} before its question"


@pytest.mark.parametrize("key", ["ch00.count_ink", "ch01.mean_digits", "ch01.variogram_y",
                                 "ch01.centre_of_mass"])
def test_the_chapter_shows_no_line_of_the_solution_before_the_exercise_and_uses_it_after(key):
    ex = C.exercises()[key]
    chapter = key.split(".")[0][2:]
    source = next(NOTEBOOKS.glob(f"{chapter}_*.py")).read_text()
    name = ex.solution.__name__
    template = source.index(f"def {name}(")
    before = source[:template]
    body = [line.split("#")[0].strip() for line in C.solution_source(ex.solution).splitlines()[1:]]
    shown = [line for line in body if len(line) > 15 and line in before]
    assert not shown, f"{key}: the chapter shows {shown} before the exercise"
    if chapter != "00":
        assert f'{name} = use("{key}", {name})' in source[template:], \
            f"{key}: the cells after the exercise do not compute with the learner's function"
