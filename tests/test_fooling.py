"""Tests of course.fooling: the pixel statistics against chapter 1's, the genetic algorithm."""

import numpy as np
import pytest
import torch

from course import pixel_stats as ps
from course.fooling import PixelPrior, error_at, evolve, fitness, output_error, torch_pixel_stats


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


def test_draw_in_chunks_gives_the_same_pixels_as_in_one_piece(monkeypatch):
    """`draw` works through large populations in chunks to save memory: the chunk size
    must not change a single pixel (shapes kept, classes mixed across chunk edges)."""
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    g = torch.Generator().manual_seed(2)
    u = torch.rand(7, 5, 784, generator=g)
    classes = torch.randint(0, 10, (7, 5, 784), generator=g)
    whole = prior.draw(u, classes)
    monkeypatch.setattr(PixelPrior, "DRAW_CHUNK", 1000)     # 28 chunks, the last one short
    chunked = prior.draw(u, classes)
    assert chunked.shape == u.shape and chunked.dtype == u.dtype
    assert torch.equal(chunked, whole)


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


def test_chunked_statistics_equal_the_differentiable_ones_and_chapter_1s():
    x, _ = _digits(70)
    xt = torch.from_numpy(x / 255.0)
    fast = torch_pixel_stats(xt, chunk=16)                 # several chunks, one partial
    slow = torch_pixel_stats(xt.clone().requires_grad_(True))
    for a, b in zip(fast, slow):
        assert torch.allclose(a, b.detach(), atol=1e-12)
    assert np.allclose(fast[1].numpy(), ps.variogram(x, axis="x", per_image=True), atol=1e-12)
    assert np.allclose(fast[2].numpy(), ps.variogram(x, axis="y", per_image=True), atol=1e-12)


def test_goal_first_fitness_ranks_every_image_at_the_goal_above_every_other():
    err = torch.tensor([1e-5, 5e-5, 2e-4, 1e-3, 0.5], dtype=torch.float64)   # -log p_t
    pen = torch.tensor([2.9, 0.1, 0.0, 0.0, 0.0], dtype=torch.float64)
    f = fitness(err, pen, 0.5, goal=0.9999)
    at_goal = err <= -np.log(0.9999)
    assert at_goal.tolist() == [True, True, False, False, False]
    assert f[at_goal].max() < f[~at_goal].min()
    assert torch.allclose(f[at_goal], 0.5 * pen[at_goal])        # statistics alone
    assert (torch.diff(f[~at_goal]) > 0).all()                   # error alone, in order
    assert torch.allclose(fitness(err, pen, 0.5), err + 0.5 * pen)   # seed 003's sum
    assert error_at(0.9999, "absolute") == pytest.approx(2e-4)


def test_goal_is_reached_by_every_island_and_the_image_at_the_goal_is_kept(model):
    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    ev = evolve(model, [0, 5], prior, prior_weight=0.0, goal=0.2, population=30, parents=5,
                generations=200, seed=2)
    assert (ev.reached > 0).all() and (ev.confidence >= 0.2).all()
    # without a prior the island stops at the goal: the image kept is the final best
    assert ev.generations == ev.reached.max()
    assert np.array_equal(ev.at_goal, ev.images)
    p = torch.softmax(model(torch.from_numpy(ev.at_goal).reshape(2, 784)).double(), 1)
    assert (p[[0, 1], [0, 5]] >= 0.2).all()
    # with the prior, the run goes on: the statistics improve and the goal is kept
    evp = evolve(model, [0, 5], prior, prior_weight=1.0, goal=0.2, population=30, parents=5,
                 generations=200, seed=2)
    assert (evp.confidence >= 0.2).all()
    pen = lambda im: prior.penalty(torch.from_numpy(im).double(), [0, 5]).numpy()
    assert (pen(evp.images) <= pen(evp.at_goal)).all() and (pen(evp.images) < pen(evp.at_goal)).any()


def test_the_original_fitness_is_the_absolute_error_plus_the_variograms_only(model):
    from course.fooling import ORIGINAL_FITNESS

    x, y = _digits(200)
    prior = PixelPrior.from_digits(x, y)
    ev = evolve(model, [2, 7], prior, population=12, parents=3, generations=5, seed=0,
                **ORIGINAL_FITNESS)
    imgs = torch.from_numpy(ev.images.astype(np.float64))
    with torch.no_grad():
        err = output_error(model(imgs.float().reshape(-1, 784)).double(), [2, 7], "absolute")
    variograms = prior.penalty(imgs, [2, 7], histogram=False)
    assert np.allclose(ev.fitness, (err + variograms).numpy(), atol=1e-5)
    # ... and not the penalty with its histogram part.
    full = prior.penalty(imgs, [2, 7])
    assert not np.allclose(ev.fitness, (err + full).numpy(), atol=1e-5)
