"""Chapter 3's SaliencyExplorer, driven as a learner drives it: change a control, the view changes."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.interpret import saliency
from course.training import make_mlp
from course.widgets import SaliencyExplorer


@pytest.fixture(scope="module")
def net():
    """A small untrained network: the wiring, not the training, is under test."""
    return make_mlp((784, 20, 10), seed=1)


def _predicted(net, image) -> int:
    with torch.no_grad():
        return int(net(torch.from_numpy(image.reshape(1, 784).astype(np.float32) / 255)).argmax())


def test_index_slider_shows_another_digit_and_its_saliency(net, bundled):
    e = SaliencyExplorer(net, bundled.x_test[:50], bundled.y_test[:50])
    digit, heat, text = e.digit.value, e.saliency.value, e.summary.value
    e.index.value = 7
    assert e.digit.value != digit and e.saliency.value != heat and e.summary.value != text
    image = bundled.x_test[7]
    assert e.explained == _predicted(net, image)
    np.testing.assert_allclose(e.map, saliency(net, image))
    assert f"labelled {bundled.y_test[7]}" in e.summary.value
    assert f"the network says <b>{e.explained}</b>" in e.summary.value
    np.testing.assert_allclose(e.probabilities.sum(), 1.0, rtol=1e-5)


def test_class_buttons_explain_another_score(net, bundled):
    e = SaliencyExplorer(net, bundled.x_test[:10], bundled.y_test[:10], index=3)
    predicted = e.explained
    other = (predicted + 1) % 10
    heat, text = e.saliency.value, e.summary.value
    e.target.value = other
    assert e.explained == other and e.saliency.value != heat and e.summary.value != text
    np.testing.assert_allclose(e.map, saliency(net, bundled.x_test[3], other))
    assert f"class <b>{other}</b>" in e.summary.value
    e.target.value = -1  # back to "predicted"
    assert e.explained == predicted and e.saliency.value == heat


def test_method_buttons_switch_to_gradient_times_input(net, bundled):
    e = SaliencyExplorer(net, bundled.x_test[:10])
    heat = e.saliency.value
    e.method.value = "gradient_x_input"
    assert e.saliency.value != heat
    image = bundled.x_test[0]
    np.testing.assert_allclose(e.map, saliency(net, image, method="gradient_x_input"))
    assert np.all(e.map[image == 0] == 0)  # no ink, no contribution
    assert "× pixel value" in e.summary.value


def test_saliency_explorer_refuses_bad_arguments(net, bundled):
    with pytest.raises(ValueError, match="labels"):
        SaliencyExplorer(net, bundled.x_test[:10], bundled.y_test[:5])
    with pytest.raises(ValueError, match=r"index must be in 0\.\.9"):
        SaliencyExplorer(net, bundled.x_test[:10], index=10)
    with pytest.raises(ValueError, match="target must be a class"):
        SaliencyExplorer(net, bundled.x_test[:10], target=12)
    with pytest.raises(ValueError, match="method must be one of"):
        SaliencyExplorer(net, bundled.x_test[:10], method="smooth")
    with pytest.raises(ValueError, match="images: expected digits of shape"):
        SaliencyExplorer(net, bundled.x_test[:10, :20])
