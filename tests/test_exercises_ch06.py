"""Chapter 6's exercises agree with independent computations: the features with the DFT
matrix written out, the fitness with PyTorch on real scores (and its scale symmetry), and
g_k with the course's batched model, on trained-looking and random A and B."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course import fourier_model as fm
from course.check import check
from course.data import bundled
from course.exercises.ch06 import (_feature_cases, _fitness_cases, _g_cases, fitness,
                                   fourier_features, g_scores)


@pytest.fixture(scope="module")
def digits():
    d = bundled()
    x, y = fm.first_per_class(d.x_train, d.y_train, per_class=3)
    return x, y


def test_features_are_the_size_of_F_x_F_with_the_explicit_dft_matrix():
    F = np.exp(-2j * np.pi * np.outer(np.arange(28), np.arange(28)) / 28)
    for (images,) in _feature_cases():
        expected = np.stack([np.abs(F @ x @ F).ravel() for x in images])
        expected[:, 0] = 0
        np.testing.assert_allclose(fourier_features(images), expected, rtol=1e-9, atol=1e-9)


def test_fitness_of_real_scores_is_the_course_fitness(digits):
    x, y = digits
    for seed, start in ((0, "positive"), (1, "gaussian")):
        A, B = fm.start_parameters(fm.FitConfig(start=start, seed=seed))
        Y = fm.scores(A, B, fm.as_images(x)).numpy()
        expected = float(fm.fitness(A, B, fm.as_images(x), y))
        assert fitness(Y, y, A.numpy(), B.numpy()) == pytest.approx(expected, rel=1e-10)


def test_fitness_does_not_change_when_A_and_B_are_scaled(digits):
    x, y = digits
    A, B = fm.start_parameters(fm.FitConfig(start="gaussian", seed=2))
    before = fitness(fm.scores(A, B, fm.as_images(x)).numpy(), y, A.numpy(), B.numpy())
    A2, B2 = 7.0 * A, 0.3 * B
    after = fitness(fm.scores(A2, B2, fm.as_images(x)).numpy(), y, A2.numpy(), B2.numpy())
    assert after == pytest.approx(before, rel=1e-10, abs=1e-10)


def test_fitness_matches_torch_on_every_case():
    for Y, labels, A, B in _fitness_cases():
        Yt, At, Bt = torch.from_numpy(Y), torch.from_numpy(A), torch.from_numpy(B)
        own = Yt[torch.arange(len(Y)), torch.from_numpy(labels)]
        Z = torch.einsum("jkl,jkm->lm", Bt, Bt)
        expected = (own.abs().log().mean() - torch.linalg.matrix_norm(At.T @ At).log() / 2
                    - torch.linalg.matrix_norm(Z @ Z).log() / 4)
        assert fitness(Y, labels, A, B) == pytest.approx(float(expected), rel=1e-10)


def test_g_scores_is_the_course_models_g_for_a_trained_looking_model(digits):
    x, _ = digits
    A, B = fm.normalise(*fm.start_parameters(fm.FitConfig(seed=3)))
    model = fm.FourierModel(A, B, fm.FitConfig(seed=3))
    images = x[:4].astype(np.float64) / 255
    got = np.stack([g_scores(image, A.numpy(), B.numpy()) for image in images])
    np.testing.assert_allclose(got, model.g(images, power=3), rtol=1e-9)
    assert list(got.argmax(axis=1)) == list(model.predict(images))


def test_g_scores_halves_when_the_image_doubles():
    for x, A, B in _g_cases():
        np.testing.assert_allclose(g_scores(2 * x, A, B), g_scores(x, A, B) / 2, rtol=1e-9)


def test_the_usual_slip_of_chapter_6_gets_its_own_message():
    fb = check("ch06.g_scores", lambda x, A, B: np.abs(
        np.tensordot(np.abs(np.fft.fft2(x)).ravel() * (np.arange(784) > 0), B, axes=1) @ (A @ x.ravel()))
        / np.linalg.norm(x) ** 2)
    assert fb.correct is False and "‖x‖³" in fb.message


def test_zeroing_another_entry_than_the_zero_frequency_is_named():
    def first_row(images):
        s = np.abs(np.fft.fft2(images))
        s[:, 0] = 0                        # on (n, 28, 28): a whole row
        return s.reshape(len(images), 784)

    def last_entry(images):
        s = np.abs(np.fft.fft2(images)).reshape(len(images), 784)
        s[:, -1] = 0
        return s
    assert "whole row" in check("ch06.fourier_features", first_row).message
    assert "last of the 784" in check("ch06.fourier_features", last_entry).message


def test_summing_the_B_j_before_multiplying_is_named():
    def summed_first(Y, labels, A, B):
        own = Y[np.arange(len(Y)), labels]
        Z = B.sum(axis=0).T @ B.sum(axis=0)
        return (np.mean(np.log(np.abs(own))) - 0.5 * np.log(np.linalg.norm(A.T @ A))
                - 0.25 * np.log(np.linalg.norm(Z @ Z)))
    assert "before multiplying" in check("ch06.fitness", summed_first).message
