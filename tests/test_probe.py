"""`course.probe`: when a wrong result differs in no telling way, calling the learner's
function again names the mistake: a random draw not from the given generator, an argument
not used, an input returned unchanged, the right result for an argument one off, or the
cases it gets right. Tested on toy exercises, then on real ones with their own lists of
mistakes emptied (the probes are what a mistake nobody listed meets)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course import check as C
from course.probe import vary

LAG = 2


def _lagged(x, lag):
    """(n, h) rows; the mean of |x[:, j + lag] - x[:, j]|: an integer argument."""
    return np.abs(x[:, lag:] - x[:, :-lag]).mean(axis=1)


def _lagged_cases():
    rng = np.random.default_rng(0)
    return [(rng.random((4, 9)), 1), (rng.random((3, 7)), 3), (rng.random((5, 8)), 2)]


def _step(W, dW, eta):
    """A list of arrays, each moved by -eta times its gradient: parts, items, a float."""
    return [w - eta * d for w, d in zip(W, dW)]


def _step_cases():
    rng = np.random.default_rng(1)
    return [([rng.random((3, 2)) for _ in range(k)], [rng.random((3, 2)) for _ in range(k)], eta)
            for k, eta in ((3, 0.5), (1, 3.0), (2, 0.1))]


def _noisy(x, g):
    """x plus uniform noise from the generator g."""
    return x + torch.rand(x.shape, generator=g)


def _noisy_cases():
    return [(torch.arange(6.0).reshape(2, 3), torch.Generator().manual_seed(s)) for s in (0, 1)]


@pytest.fixture
def toys():
    keys = {"zz.lagged": (_lagged, _lagged_cases), "zz.step": (_step, _step_cases),
            "zz.noisy": (_noisy, _noisy_cases)}
    for key, (solution, cases) in keys.items():
        C._REGISTRY.pop(key, None)
        C.code_exercise(key, "A toy.", hint="-", cases=cases)(solution)
    yield
    for key in keys:
        C._REGISTRY.pop(key, None)


def test_an_integer_argument_off_by_one_is_named(toys):
    fb = C.check("zz.lagged", lambda x, lag: _lagged(x, lag + 1))
    assert not fb and "`lag` + 1 instead of `lag`" in fb.message, fb.message
    fb = C.check("zz.lagged", lambda x, lag: _lagged(x, max(lag - 1, 1)))
    assert not fb and "`lag` − 1 instead of `lag`" in fb.message, fb.message


def test_an_argument_not_used_is_named(toys):
    fb = C.check("zz.lagged", lambda x, lag: _lagged(x, LAG))    # the notebook's LAG
    assert not fb and "does not change when `lag` changes" in fb.message, fb.message


def test_an_unused_threshold_is_named_where_a_step_of_one_changes_nothing():
    def count(image, threshold):
        return int((image > threshold).sum())
    image = np.zeros((6, 6), dtype=np.uint8)
    image[1:4, 2], image[0, 0] = 200, 7           # no pixel of 1: > 0 counts what > 1 counts
    C._REGISTRY.pop("zz.count", None)
    C.code_exercise("zz.count", "A toy.", hint="-", cases=lambda: [(image, 0)])(count)
    try:
        fb = C.check("zz.count", lambda image, threshold: int((image > 128).sum()))
        assert not fb and "does not change when `threshold` changes" in fb.message, fb.message
    finally:
        C._REGISTRY.pop("zz.count", None)


def test_a_part_that_leaves_out_an_argument_is_named(toys):
    def half_eta(W, dW, eta):
        return [W[0] - eta * dW[0]] + [w - d for w, d in zip(W[1:], dW[1:])]
    fb = C.check("zz.step", half_eta)
    assert not fb and fb.message.startswith("Parts 2 and 3 of your result do not change when "
                                            "`eta` changes"), fb.message


def test_inputs_returned_unchanged_are_named_by_place(toys):
    def last_only(W, dW, eta):
        return list(W[:-1]) + [W[-1] - eta * dW[-1]]
    fb = C.check("zz.step", last_only)
    assert not fb and fb.message.startswith("Parts 1 and 2 of your result are the input `W` as "
                                            "they came in"), fb.message


def test_a_step_size_used_twice_is_named(toys):
    fb = C.check("zz.step", lambda W, dW, eta: [w - 2 * eta * d for w, d in zip(W, dW)])
    assert not fb and "`eta` twice as large" in fb.message, fb.message


def test_a_random_draw_not_from_the_generator_is_named(toys):
    fb = C.check("zz.noisy", lambda x, g: x + torch.rand(x.shape))
    assert not fb and "called twice on the same input" in fb.message and "`g`" in fb.message


def test_the_cases_it_gets_right_are_shown_when_no_probe_tells(toys):
    def wrong_on_long_rows(x, lag):
        right = _lagged(x, lag)
        return right if x.shape[1] < 9 else right + np.arange(len(right))
    fb = C.check("zz.lagged", wrong_on_long_rows)
    assert not fb and "right on 2 of the 3 test cases" in fb.message, fb.message


def test_probe_messages_never_state_a_right_value(toys):
    for key, fn in (("zz.lagged", lambda x, lag: _lagged(x, lag + 1)),
                    ("zz.step", lambda W, dW, eta: [w - 2 * eta * d for w, d in zip(W, dW)])):
        message = C.check(key, fn).message
        for args in C._get(key).cases():
            for value in np.ravel(np.concatenate([np.ravel(v) for v in np.atleast_1d(
                    C._get(key).solution(*args))])):
                assert f"{value:.3g}" not in message


def test_vary_keeps_the_kind_and_changes_the_value():
    assert vary(3) == 4 and vary(0.2) == pytest.approx(0.3) and vary(True) is None
    x = np.arange(6.0).reshape(3, 2)
    assert vary(x).shape == x.shape and not np.array_equal(vary(x), x)
    assert vary(np.ones((3, 2))).shape == (3, 2) and not np.array_equal(vary(np.ones((3, 2))), 1)
    t = torch.arange(4.0, requires_grad=False)
    assert isinstance(vary(t), torch.Tensor) and not torch.equal(vary(t), t)

    class Layers(list):
        pass
    layers = vary(Layers([x, x]))
    assert type(layers) is Layers and len(layers) == 2
    assert vary(torch.Generator()) is None and vary(len) is None


# ------------------------------------------------- real exercises, their own lists emptied

@pytest.fixture
def unlisted(monkeypatch):
    """check as it answers a mistake that is on no exercise's list."""
    def without_list(key):
        monkeypatch.setattr(C._get(key), "mistakes", [])
        return key
    return without_list


def test_a_real_exercise_names_an_unlisted_off_by_one(unlisted):
    def variogram(images, lag):
        x = images.astype(float)
        lag += 1
        return float(np.abs(x[:, lag:] - x[:, :-lag]).mean())
    fb = C.check(unlisted("ch01.variogram_y"), variogram)
    assert not fb and "`lag` + 1" in fb.message, fb.message


def test_a_real_exercise_names_an_unused_argument(unlisted):
    def rebuild(X, mean, components, k):
        centre = X.mean(axis=0)
        V = components[:k]
        return centre + (X - centre) @ V.T @ V
    fb = C.check(unlisted("ch04.rebuild"), rebuild)
    assert not fb and "does not change when `mean` changes" in fb.message, fb.message


def test_a_real_exercise_names_layers_left_unchanged(unlisted):
    def sgd_step(W, b, dW, db, eta):
        W, b = list(W), list(b)
        W[-1], b[-1] = W[-1] - eta * dW[-1], b[-1] - eta * db[-1]
        return W, b
    fb = C.check(unlisted("ch02.sgd_step"), sgd_step)
    assert not fb and "inputs `W`, `b` as they came in" in fb.message, fb.message


def test_the_step_returned_in_place_of_the_new_value_is_named(toys):
    fb = C.check("zz.step", lambda W, dW, eta: [-eta * d for d in dW])
    assert not fb and "the change from `W` to the right result" in fb.message, fb.message


def test_a_change_from_an_array_input_is_named():
    def move(x, d):
        return x + 0.1 * d
    C._REGISTRY.pop("zz.move", None)
    rng = np.random.default_rng(2)
    C.code_exercise("zz.move", "A toy.", hint="-",
                    cases=lambda: [(rng.random((4, 3)), rng.random((4, 3)))])(move)
    try:
        fb = C.check("zz.move", lambda x, d: 0.1 * d)
        assert not fb and "the change from `x` to the right result" in fb.message, fb.message
        fb = C.check("zz.move", lambda x, d: x - 0.1 * d)
        assert not fb and "moves `x` the opposite way" in fb.message, fb.message
    finally:
        C._REGISTRY.pop("zz.move", None)
