"""course.novelty: the distance to the nearest training digit, its threshold, and the
reading of a drawing ("a 7" or "not sure, because ...")."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.interpret import class_probabilities
from course.novelty import (MIN_CONFIDENCE, features, fit_novelty, flag_rates, pixel_noise,
                            read_drawing, scribbles)
from course.preprocess import downsample, mnist_preprocess
from course.training import TrainConfig, make_mlp, train


@pytest.fixture(scope="module")
def mlp(bundled):
    m = make_mlp((784, 32, 10), seed=0)
    train(m, bundled.x_train, bundled.y_train,
          TrainConfig(epochs=3, lr=2e-3, optimizer="adam", seed=0), progress=False)
    return m.eval()


def test_features_are_the_last_layers_input(bundled, mlp):
    f = features(mlp, bundled.x_test[:5])
    with torch.no_grad():
        x = torch.from_numpy(bundled.x_test[:5].reshape(5, -1).astype(np.float32) / 255)
        hidden = torch.relu(mlp[1](x)).numpy()
    np.testing.assert_allclose(f, hidden, rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="nn.Sequential"):
        features(torch.nn.Linear(784, 10), bundled.x_test[:5])


def test_threshold_is_the_quantile_of_each_training_digits_distance_to_the_others(bundled, mlp):
    x = bundled.x_train[:300]
    nov = fit_novelty(mlp, x, quantile=0.9)
    f = features(mlp, x).astype(np.float64)
    d = np.linalg.norm(f[:, None] - f[None], axis=2)              # every pair, directly
    np.fill_diagonal(d, np.inf)
    nearest_other = d.min(1)                                   # brute force, every pair
    assert nov.threshold == pytest.approx(np.quantile(nearest_other, 0.9), abs=1e-5)
    assert np.mean(nearest_other > nov.threshold) == pytest.approx(0.1, abs=0.01)
    # a training digit is at distance 0 from itself; a test digit's distance is its nearest
    assert np.abs(nov.score(x[:20])).max() < 1e-3
    t = features(mlp, bundled.x_test[:20]).astype(np.float64)
    np.testing.assert_allclose(nov.score(bundled.x_test[:20]),
                               np.linalg.norm(t[:, None] - f[None], axis=2).min(1), rtol=1e-5)
    with pytest.raises(ValueError, match="quantile"):
        fit_novelty(mlp, x, quantile=1.0)


def test_the_course_cnn_flags_noise_and_few_real_digits(bundled):
    from course.zoo import trained_cnn
    cnn = trained_cnn(verbose=False)[0]
    nov = fit_novelty(cnn, bundled.x_train)
    digits = nov.score(bundled.x_test[:300])
    noise = nov.score(pixel_noise(100, seed=0))
    assert np.median(noise) > 2 * np.median(digits)
    assert flag_rates(cnn, nov, pixel_noise(100, seed=1))["unlike"] > 0.8
    assert flag_rates(cnn, nov, bundled.x_test / 255)["unlike"] < 0.05


def test_reading_says_not_sure_exactly_when_a_reason_holds(bundled, mlp):
    nov = {"MLP": fit_novelty(mlp, bundled.x_train)}
    pictures = list(bundled.x_test[:30] / 255) + list(scribbles(15, seed=0)) + \
        list(pixel_noise(15, seed=2))
    unsure = 0
    for pic in pictures:
        r = read_drawing(pic, {"MLP": mlp}, preprocess=True, novelty=nov)
        seen = mnist_preprocess(pic)
        np.testing.assert_allclose(r.image, seen)
        p = class_probabilities(mlp, seen[None])[0]
        np.testing.assert_allclose(r.probs["MLP"], p, rtol=1e-6)
        score = nov["MLP"].score(seen[None])[0]
        expected_unsure = score > nov["MLP"].threshold or p.max() < MIN_CONFIDENCE
        assert (r.verdict("MLP") is None) == expected_unsure
        assert (r.unsure_because("MLP") is None) == (not expected_unsure)
        if not expected_unsure:
            assert r.verdict("MLP") == int(p.argmax())
        unsure += expected_unsure
    assert 0 < unsure < len(pictures)      # both kinds of answer were checked


def test_reading_without_preprocessing_shrinks_the_picture_and_refuses_nothing_to_read(mlp):
    pic = np.zeros((280, 280))
    pic[60:220, 130:150] = 1
    r = read_drawing(pic, {"MLP": mlp}, preprocess=False)
    np.testing.assert_allclose(r.image, downsample(pic))
    assert r.novelty == {} and r.verdict("MLP") in (None, r.guess("MLP"))
    with pytest.raises(ValueError, match="empty"):
        read_drawing(np.zeros((280, 280)), {"MLP": mlp})
    with pytest.raises(ValueError, match="min_confidence"):
        read_drawing(pic, {"MLP": mlp}, min_confidence=2)


def test_scribbles_and_noise_are_seeded_pictures():
    assert np.array_equal(scribbles(3, seed=4), scribbles(3, seed=4))
    assert not np.array_equal(scribbles(3, seed=4), scribbles(3, seed=5))
    n = pixel_noise(4, seed=0)
    assert n.shape == (4, 28, 28) and 0 <= n.min() and n.max() <= 1
