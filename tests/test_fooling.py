"""Tests of course.fooling: the pixel statistics against chapter 1's, the genetic algorithm."""

import numpy as np
import pytest
import torch

from course import pixel_stats as ps
from course.fooling import PixelPrior, evolve, output_error, torch_pixel_stats


def _digits(n=60, seed=0):
    """Digit-like test images: uint8 values (so pixel values k/255, as real digits have)."""
    rng = np.random.default_rng(seed)
    x = (rng.random((n, 28, 28)) < 0.3) * rng.integers(0, 256, (n, 28, 28))
    return x.astype(np.uint8), np.arange(n) % 10


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 32), torch.nn.ReLU(),
                               torch.nn.Linear(32, 10)).eval()


def test_torch_stats_of_real_digits_equal_chapter_1s_functions():
    from course.data import load_mnist

    d = load_mnist("bundled", verbose=False)
    x = d.x_train[:50]
    h, gx, gy = torch_pixel_stats(torch.from_numpy(x.astype(np.float64) / 255))
    for i in range(len(x)):
        assert np.allclose(h[i].numpy(), ps.intensity_histogram(x[i]), atol=1e-12)
    assert np.allclose(gx.numpy(), ps.variogram(x, axis="x", per_image=True), atol=1e-12)
    assert np.allclose(gy.numpy(), ps.variogram(x, axis="y", per_image=True), atol=1e-12)


def test_prior_holds_digit_stats_and_its_penalty_is_zero_on_the_class_mean_statistics():
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    stats = ps.digit_stats(x, y)
    for c in range(10):
        assert np.array_equal(prior.histogram[c], stats[c].histogram)
        assert np.array_equal(prior.g_x[c], stats[c].g_x)
    # penalty written out for one image, from chapter 1's functions
    img = x[3]
    want = (0.5 * np.abs(ps.intensity_histogram(img) - prior.histogram[3]).sum()
            + np.abs(ps.variogram(img, axis="x") - prior.g_x[3]).mean()
            + np.abs(ps.variogram(img, axis="y") - prior.g_y[3]).mean())
    got = prior.penalty(torch.from_numpy(img[None] / 255.0), [3])
    assert got.item() == pytest.approx(want, abs=1e-12)


def test_draw_follows_the_histogram_uniformly_inside_bins():
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    g = torch.Generator().manual_seed(1)
    v = prior.sample(np.full(50, 7), 784, g).numpy()
    assert v.min() >= 0 and v.max() <= 1
    hist = ps.intensity_histogram(v.reshape(-1, 28, 28))
    assert np.allclose(hist, prior.histogram[7], atol=0.01)
    inside = v[(v > 0.5) & (v <= 0.6)]  # uniform within a bin: mean at its middle
    assert inside.mean() == pytest.approx(0.55, abs=0.01)


def test_output_errors_match_their_definitions():
    logits = torch.tensor([[2.0, 0.5, -1.0] + [0.0] * 7, [9.0] + [-9.0] * 9], dtype=torch.float64)
    p = torch.softmax(logits, 1)
    t = [1, 0]
    onehot = torch.nn.functional.one_hot(torch.tensor(t), 10).double()
    assert torch.allclose(output_error(logits, t, "absolute"), (p - onehot).abs().sum(1))
    assert torch.allclose(output_error(logits, t, "log"), -torch.log(p[[0, 1], t]))
    with pytest.raises(ValueError, match="kind must be one of"):
        output_error(logits, t, "squared")


def test_best_fitness_never_increases_and_fitness_is_what_it_says(model):
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    ev = evolve(model, [0, 3, 9], prior, prior_weight=0.7, population=12, parents=3, generations=25)
    assert ev.best_fitness.shape == (26, 3)
    assert (np.diff(ev.best_fitness, axis=0) <= 0).all()
    assert (ev.best_fitness[-1] < ev.best_fitness[0]).all()  # it does improve
    xt = torch.from_numpy(ev.images).double()
    want = output_error(model.double()(xt.reshape(3, 784)), ev.targets) + 0.7 * prior.penalty(xt, ev.targets)
    model.float()
    assert np.allclose(ev.fitness, want.detach().numpy(), rtol=1e-4)
    assert ev.population.shape == (3, 12, 28, 28)


def test_same_seed_same_images_other_seed_other_images(model):
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    a = evolve(model, [1, 2], prior, population=8, parents=2, generations=5, seed=4)
    b = evolve(model, [1, 2], prior, population=8, parents=2, generations=5, seed=4)
    c = evolve(model, [1, 2], prior, population=8, parents=2, generations=5, seed=5)
    assert np.array_equal(a.population, b.population)
    assert not np.array_equal(a.population, c.population)


def test_evolve_validates_its_arguments(model):
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    with pytest.raises(ValueError, match="parents"):
        evolve(model, [1], prior, population=5, parents=5)
    with pytest.raises(ValueError, match="targets"):
        evolve(model, [10], prior)
    with pytest.raises(ValueError, match="prior_weight"):
        evolve(model, [1], prior, prior_weight=-1)
