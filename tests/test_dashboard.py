"""The training dashboard, driven like a learner drives it: settings, Train, Stop."""

from __future__ import annotations

import time

import pytest

from course.dashboard import TrainingDashboard, parse_hidden_sizes


@pytest.fixture
def dash(bundled):
    return TrainingDashboard(bundled.x_train[::8], bundled.y_train[::8],
                             bundled.x_test[::4], bundled.y_test[::4])


def test_train_button_trains_and_updates_curves_and_status(dash):
    empty_plot = dash.plot.value
    dash.hidden.value, dash.epochs.value = "32", 3
    dash.train_button.click()
    dash.wait(60)
    assert not dash.running and dash.history is not None
    assert len(dash.history.test_accuracy) == 3
    assert dash.plot.value != empty_plot
    assert "Finished after 3 epochs" in dash.status.value
    assert dash.model is not None and dash.history.test_accuracy[-1] > 0.5
    assert not dash.train_button.disabled and dash.stop_button.disabled


def test_stop_button_stops_early_and_leaves_a_usable_model(dash, bundled):
    dash.epochs.value = 40
    dash.lr.value = 0.05
    assert dash.start()
    assert dash.running and dash.train_button.disabled and not dash.stop_button.disabled
    deadline = time.monotonic() + 60
    while dash.history is None and time.monotonic() < deadline:  # wait for the first epoch
        time.sleep(0.05)
    dash.stop_button.click()
    dash.wait(60)
    assert not dash.running
    assert "Stopped" in dash.status.value and len(dash.history.train_loss) < 40
    from course.training import accuracy
    assert accuracy(dash.model, bundled.x_test, bundled.y_test) > 0.3


@pytest.mark.parametrize("field, value, message", [
    ("lr", 0.0, "learning rate"), ("lr", -1.0, "learning rate"),
    ("hidden", "", "at least one hidden layer"), ("hidden", "64, x", "'x' is not"),
    ("batch_size", 0, "batch_size"),
])
def test_invalid_settings_get_a_message_not_a_traceback(dash, field, value, message):
    getattr(dash, field).value = value
    assert dash.start() is False
    assert message in dash.status.value and not dash.running and dash.model is None


def test_parse_hidden_sizes():
    assert parse_hidden_sizes("64, 32") == [64, 32] == parse_hidden_sizes(" 64 32 ")
    with pytest.raises(ValueError, match="positive whole numbers"):
        parse_hidden_sizes("0")
