"""Chapter 5a's exercises agree with independent computations: `ascend` with
`course.dreams.dream` and with finite differences of log p_t; `breed` with the genetic
loop the chapter used to show (its random draws, in its order) and with the properties
that make it a genetic algorithm's generation; `keep_fitter` never lets the best fitness
get worse."""

from __future__ import annotations

import numpy as np
import torch

from course.check import check, exercises, hint
from course.dreams import dream
from course.exercises.ch05a import _breed_cases, _small_net, ascend, breed, keep_fitter
from course.fooling import PixelPrior


def _prior() -> PixelPrior:
    """Pixel statistics with made-up histograms (most pixels blank, as in real digits)."""
    rng = np.random.default_rng(0)
    histogram = rng.random((10, 10))
    histogram[:, 0] += 6
    histogram /= histogram.sum(1, keepdims=True)
    return PixelPrior(histogram, rng.random((10, 14)), rng.random((10, 14)))


# ----------------------------------------------------------------------------- ascend

def test_ascend_is_course_dreams_dream_from_the_same_random_start():
    net = _small_net(np.random.default_rng(1))
    seed, n, steps, lr = 4, 3, 5, 3.0
    start = torch.rand(n, 28, 28, generator=torch.Generator().manual_seed(seed))
    ours = ascend(net, start.reshape(n, 784), 6, lr, steps)
    theirs = dream(net, [6] * n, steps=steps, lr=lr, seed=seed).images
    assert ours.shape == (n, 784) and not ours.requires_grad
    np.testing.assert_allclose(ours.numpy().reshape(n, 28, 28), theirs, atol=1e-6)


def test_one_step_of_ascend_moves_each_pixel_by_eta_times_the_finite_difference_slope():
    """Away from the clip, (x' - x) / eta is the gradient of log p_t: compared with central
    differences of log p_t for a few pixels of each image, in float64."""
    rng = np.random.default_rng(2)
    net = _small_net(rng).double()
    x = torch.from_numpy(0.25 + 0.5 * rng.random((2, 784)))     # far from 0 and 1
    eta, target = 1e-3, 5
    slope = (ascend(net, x, target, eta, 1) - x) / eta

    @torch.no_grad()
    def log_p(images):
        return torch.log_softmax(net(images), dim=1)[:, target]

    h = 1e-6
    for i in range(2):
        for j in rng.choice(784, 6, replace=False):
            up, down = x.clone(), x.clone()
            up[i, j] += h
            down[i, j] -= h
            numeric = float((log_p(up)[i] - log_p(down)[i]) / (2 * h))
            assert abs(float(slope[i, j]) - numeric) < 1e-6 * max(1.0, abs(numeric))


def test_ascend_leaves_its_input_alone_and_clips_to_the_pixel_range():
    net = _small_net(np.random.default_rng(3))
    x = torch.rand(4, 784, generator=torch.Generator().manual_seed(0))
    before = x.clone()
    out = ascend(net, x, 2, 50.0, 3)
    assert torch.equal(x, before) and not x.requires_grad
    assert float(out.min()) == 0.0 and float(out.max()) == 1.0   # a large step reaches both ends


def test_ascend_raises_the_targets_probability():
    net = _small_net(np.random.default_rng(4))
    x = torch.rand(5, 784, generator=torch.Generator().manual_seed(1))
    dreamt = ascend(net, x, 8, 2.0, 10)
    with torch.no_grad():
        before = torch.softmax(net(x), 1)[:, 8]
        after = torch.softmax(net(dreamt), 1)[:, 8]
    assert bool((after > before).all())


# ------------------------------------------------------------------------------ breed

def test_breed_draws_what_the_chapters_former_loop_drew_in_the_same_order():
    """The loop the chapter showed before it became an exercise, step for step: breed
    gives the same children and leaves the generator in the same state."""
    prior, target, n, parents, rate = _prior(), 3, 40, 6, 0.05
    g = torch.Generator().manual_seed(9)
    pop = prior.sample([target] * n, 784, g)
    fit = torch.from_numpy(np.random.default_rng(5).random(n))
    g_old, g_new = torch.Generator(), torch.Generator()
    g_old.set_state(g.get_state())
    g_new.set_state(g.get_state())

    fittest = fit.argsort()[:parents]
    mates = pop[fittest[torch.randint(parents, (n,), generator=g_old)]]
    child = torch.where(torch.rand(n, 784, generator=g_old) < 0.5, pop, mates)
    flip = torch.rand(n, 784, generator=g_old) < rate
    child[flip] = prior.sample([target] * n, 784, g_old)[flip]

    draw = lambda u: prior.draw(u, torch.full(u.shape, target))   # noqa: E731
    ours = breed(pop, fit, parents, rate, draw, g_new)
    assert torch.equal(ours, child)
    assert torch.equal(torch.rand(3, generator=g_old), torch.rand(3, generator=g_new))


def test_breeds_children_mix_a_member_with_one_of_the_fittest_and_mutate_at_the_rate():
    """Each child's pixels come from its member, from one of the `parents` fittest (the
    same one for the whole child), or from a mutation; about half from each parent, and
    a share `rate` mutated."""
    rng = np.random.default_rng(6)
    n, pixels, parents, rate = 200, 784, 5, 0.04
    # Population pixels and mutation values in disjoint ranges, so each pixel's source shows.
    population = torch.from_numpy(rng.random((n, pixels)) * 0.5)
    fitness = torch.from_numpy(rng.permutation(n).astype(float))
    population_before = population.clone()
    draw = lambda u: 0.75 + 0.25 * u                                  # noqa: E731
    children = breed(population, fitness, parents, rate, draw, torch.Generator().manual_seed(2))
    assert children.shape == (n, pixels) and torch.equal(population, population_before)

    fittest = set(fitness.argsort()[:parents].tolist())
    mutated = children >= 0.75
    from_member = (children == population) & ~mutated
    for i in range(n):
        others = ~from_member[i] & ~mutated[i]
        partners = [k for k in fittest if torch.equal(children[i][others], population[k][others])]
        assert partners, f"child {i} has pixels from no fittest member"
    share_mutated = float(mutated.double().mean())
    assert abs(share_mutated - rate) < 5 * np.sqrt(rate * (1 - rate) / (n * pixels))
    # Where the member is its own partner both sources agree; elsewhere half are its own.
    kept = float(from_member[~mutated].double().mean())
    assert 0.5 < kept < 0.5 + 1.5 * parents / n + 0.01


def test_breed_drawing_from_torchs_global_generator_is_named_and_check_leaves_it_as_the_learner_did():
    """A breed that forgets generator=g is named from any global state (its draws are
    replayed from the state the function started from), and neither naming it nor checking
    a right breed moves torch's global generator beyond what the learner's own draws did."""
    def forgets_g(population, fitness, parents, rate, draw, g):
        n, pixels = population.shape
        mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,), generator=g)]]
        child = torch.where(torch.rand(n, pixels) < 0.5, population, mates)
        flip = torch.rand(n, pixels) < rate
        return torch.where(flip, draw(torch.rand(n, pixels)), child)

    for seed in (0, 123):
        torch.manual_seed(seed)
        feedback = check("ch05a.breed", forgets_g)
        after_check = torch.get_rng_state()
        assert feedback.correct is False and "do not come from g" in feedback.message
        torch.manual_seed(seed)
        forgets_g(*_breed_cases()[0])                 # the learner's draws on the first case
        assert torch.equal(after_check, torch.get_rng_state())
    torch.manual_seed(7)
    before = torch.get_rng_state()
    assert check("ch05a.breed", breed).correct
    assert torch.equal(before, torch.get_rng_state())


def test_partners_drawn_without_g_are_named_from_any_global_state():
    def forgets_g_in_randint(population, fitness, parents, rate, draw, g):
        n, pixels = population.shape
        mates = population[fitness.argsort()[:parents][torch.randint(parents, (n,))]]
        child = torch.where(torch.rand(n, pixels, generator=g) < 0.5, population, mates)
        flip = torch.rand(n, pixels, generator=g) < rate
        return torch.where(flip, draw(torch.rand(n, pixels, generator=g)), child)

    for seed in (0, 123):
        torch.manual_seed(seed)
        feedback = check("ch05a.breed", forgets_g_in_randint)
        assert feedback.correct is False and "Your partners do not come from g" in feedback.message


# ------------------------------------------------------------------------ keep_fitter

def test_keep_fitter_never_lets_the_best_fitness_rise_over_generations():
    prior, target = _prior(), 7
    g = torch.Generator().manual_seed(3)
    pop = prior.sample([target] * 30, 784, g)
    net = _small_net(np.random.default_rng(7))
    error = lambda x: -torch.log_softmax(net(x), 1)[:, target].detach()   # noqa: E731
    draw = lambda u: prior.draw(u, torch.full(u.shape, target))           # noqa: E731
    fit = error(pop)
    best = [float(fit.min())]
    with torch.no_grad():
        for _ in range(15):
            child = breed(pop, fit, 4, 0.02, draw, g)
            child_fit = error(child)
            new_pop, new_fit = keep_fitter(pop, fit, child, child_fit)
            assert torch.all(new_fit <= fit) and torch.all(new_fit <= torch.where(child_fit < fit, child_fit, fit))
            pop, fit = new_pop, new_fit
            best.append(float(fit.min()))
    assert all(b <= a for a, b in zip(best, best[1:])) and best[-1] < best[0]


def test_keep_fitter_accepts_numpy_solutions_and_names_a_swapped_result():
    np_version = lambda p, f, c, cf: (np.where((cf < f)[:, None], c, p), np.where(cf < f, cf, f))  # noqa: E731
    assert check("ch05a.keep_fitter", np_version).correct
    swapped = lambda p, f, c, cf: keep_fitter(p, f, c, cf)[::-1]   # noqa: E731
    assert "swapped" in check("ch05a.keep_fitter", swapped).message


# ------------------------------------------------------------------------ absolute_error

def test_absolute_error_tells_the_targets_term_from_the_cross_entropy_and_names_p_t():
    p = float(torch.softmax(torch.tensor([0.0, 0, 9, 0, 0, 0, 0, 0, 0, 0], dtype=torch.float64), 0)[2])
    ex = exercises()["ch05a.absolute_error"]
    assert abs(ex.answer - 2 * (1 - p)) < 1e-12
    said = {"target's term |p_2 − 1| alone": 1 - p, "cross-entropy −log p_2": -np.log(p),
            "That is p_2, the network's probability": p, "p_2 as a percentage": 100 * p}
    for words, given in said.items():
        feedback = check("ch05a.absolute_error", given)
        assert feedback.correct is False and words in feedback.message, (given, feedback.message)
    for rounded in (0.0011, 0.00111, 0.001109):     # near both: it names both
        message = check("ch05a.absolute_error", rounded).message
        assert "|p_2 − 1|" in message and "−log p_2" in message, (rounded, message)
    for message in [check("ch05a.absolute_error", g).message for g in said.values()]:
        assert "2 (1" not in message and "0.002" not in message


def test_absolute_error_states_its_precision_and_accepts_it_and_its_hint_hands_over_no_solver():
    ex = exercises()["ch05a.absolute_error"]
    assert "two significant figures" in ex.question
    for given in (float(f"{ex.answer:.2g}"), float(f"{ex.answer:.3g}"), ex.answer):
        assert check("ch05a.absolute_error", given).correct, given
    assert not check("ch05a.absolute_error", 0.0021).correct
    assert not check("ch05a.absolute_error", 0.0023).correct
    assert "output_error" not in hint("ch05a.absolute_error")
