"""Driving chapter 5a's widget: Evolve redraws the best image as the population evolves."""

import numpy as np
import pytest
import torch

from course.fooling import PixelPrior, target_confidence
from course.widgets import FoolingExplorer


@pytest.fixture(scope="module")
def explorer():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10)).eval()
    rng = np.random.default_rng(0)
    x = ((rng.random((100, 28, 28)) < 0.2) * 255).astype(np.uint8)
    prior = PixelPrior.from_digits(x, np.arange(100) % 10)
    return FoolingExplorer(model, prior, generations=20, population=20, parents=4, every=5)


def test_evolve_button_redraws_the_best_image_and_confidence(explorer):
    before, text = explorer.image.value, explorer.summary.value
    explorer.evolve.click()
    assert explorer.shown == 4                       # generations 5, 10, 15, 20
    assert explorer.image.value != before and explorer.summary.value != text
    ev = explorer.result
    assert ev.targets.tolist() == [3] and ev.generations == 20
    conf = target_confidence(explorer.model, ev.images, ev.targets)[0]
    assert f"{conf:.4%}" in explorer.summary.value


def test_target_and_weight_sliders_change_the_run(explorer):
    explorer.target.value = 8
    explorer.weight.value = 0.0
    explorer.generations.value = 10
    explorer.evolve.click()
    assert explorer.result.targets.tolist() == [8] and explorer.result.generations == 10
    assert "says <b>8</b>" in explorer.summary.value and "prior weight 0.0" in explorer.summary.value


def test_bad_target_is_refused():
    with pytest.raises(ValueError, match="target"):
        FoolingExplorer(None, None, target=12)
