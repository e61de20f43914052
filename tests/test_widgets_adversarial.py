"""Chapter 5b's widgets, driven as a learner drives them: the adversarial explorer and the
drawing pad (mouse events sent to the canvas as the browser sends them)."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch

from course.adversarial import fgsm
from course.interpret import class_probabilities
from course.preprocess import downsample, mnist_preprocess
from course.training import TrainConfig, make_mlp, train
from course.widgets import AdversarialExplorer, DrawingPad


@pytest.fixture(scope="module")
def models(bundled):
    cfg = TrainConfig(epochs=2, batch_size=64, lr=2e-3, optimizer="adam", seed=0)
    out = {}
    for name, sizes in [("MLP", (784, 32, 10)), ("linear", (784, 10))]:
        m = make_mlp(sizes, seed=0)
        train(m, bundled.x_train, bundled.y_train, cfg, progress=False)
        out[name] = m.eval()
    return out


def test_eps_slider_changes_the_adversarial_digit_and_its_prediction(bundled, models):
    ex = AdversarialExplorer(models, bundled.x_test[:50], bundled.y_test[:50], eps=0.0)
    assert np.allclose(ex.adversarial_image, bundled.x_test[0] / 255, atol=1e-7)
    png, text = ex.adversarial.value, ex.summary.value
    ex.eps.value = 0.2
    assert ex.adversarial.value != png and ex.summary.value != text
    x = bundled.x_test[:1].astype(np.float32) / 255
    expected = fgsm(models["MLP"], x, bundled.y_test[:1], 0.2)[0]
    assert np.abs(ex.adversarial_image - expected).max() < 1e-6
    # the text shows the prediction and probability the network gives the adversarial digit
    p = class_probabilities(models["MLP"], expected[None])[0]
    assert f"adversarial: <b>{p.argmax()}</b> with probability <b>{p.max():.1%}</b>" in ex.summary.value
    ex.method.value = "pgd"
    assert np.abs(ex.adversarial_image - x[0]).max() <= 0.2 + 1e-6
    before = ex.summary.value
    ex.network.value = "linear"
    assert "linear" in ex.summary.value and ex.summary.value != before
    ex.index.value = 7
    assert "digit 7" in ex.summary.value and f"label {bundled.y_test[7]}" in ex.summary.value
    with pytest.raises(ValueError, match="method must be 'fgsm' or 'pgd'"):
        AdversarialExplorer(models, bundled.x_test[:5], bundled.y_test[:5], method="cw")


def _send(pad, event, x, y):
    pad.canvas._handle_frontend_event(None, {"event": event, "x": x, "y": y}, [])


def _draw_one(pad):
    """A vertical stroke down the middle of the pad, as the browser reports a mouse drag."""
    _send(pad, "mouse_down", 140, 50)
    for y in range(60, 240, 10):
        _send(pad, "mouse_move", 140 + (y - 50) * 0.1, y)
    _send(pad, "mouse_up", 158, 240)


def test_drawing_with_the_mouse_then_predict_shows_probabilities(models):
    pad = DrawingPad(models)
    assert "Draw a digit" in pad.probabilities.value
    _send(pad, "mouse_move", 10, 10)            # moving without the button draws nothing
    assert pad.ink.sum() == 0
    _draw_one(pad)
    ink = pad.ink
    assert ink[100, 145] > 0.9 and ink[10, 10] == 0 and ink[150, 30] == 0
    pad.predict_button.click()
    assert pad.probs is not None and set(pad.probs) == {"MLP", "linear"}
    bars = re.findall(r"class='prob-bar' data-p='([0-9.]+)'", pad.probabilities.value)
    assert len(bars) == 20
    # the bars are the networks' probabilities of the 28 x 28 image shown, the pad shrunk
    seen = downsample(ink)
    assert np.allclose(pad.image, seen)
    for k, name in enumerate(pad.probs):
        p = class_probabilities(models[name], seen[None])[0]
        assert np.allclose([float(b) for b in bars[k::2]], p, atol=1e-4)
    pad.clear_button.click()
    assert pad.ink.sum() == 0 and pad.probs is None and "Draw a digit" in pad.probabilities.value


def test_preprocessing_toggle_changes_what_the_networks_see(bundled, models):
    pad = DrawingPad(models)
    pad.set_ink(bundled.x_test[3])
    pad.predict_button.click()
    raw = pad.image.copy()
    pad.preprocess.value = True                 # re-reads at once
    assert np.allclose(pad.image, mnist_preprocess(pad.ink))
    assert not np.allclose(pad.image, raw)
    assert "with MNIST preprocessing" in pad.probabilities.value


def test_empty_pad_and_a_dot_get_a_message_not_a_guess(models):
    pad = DrawingPad(models, preprocess=True)
    pad.predict_button.click()
    assert pad.probs is None and "empty" in pad.probabilities.value and "prob-bar" not in pad.probabilities.value
    _send(pad, "mouse_down", 100, 100)
    _send(pad, "mouse_up", 100, 100)
    for preprocess in (True, False):
        pad.preprocess.value = preprocess
        assert pad.predict() is None and "dot, not a digit" in pad.message
        assert "dot, not a digit" in pad.probabilities.value


def _events(pad, strokes):
    """Send strokes to the pad as the browser sends a mouse drag: down, moves, up."""
    for stroke in strokes:
        _send(pad, "mouse_down", *stroke[0])
        for x, y in stroke[1:]:
            _send(pad, "mouse_move", x, y)
        _send(pad, "mouse_up", *stroke[-1])


SEVEN = [[(70, 60), (130, 58), (200, 60), (170, 130), (150, 190), (140, 230)]]


def test_a_drawing_is_read_when_the_stroke_ends_and_predict_stays(models):
    pad = DrawingPad(models, novelty=None)
    _send(pad, "mouse_down", *SEVEN[0][0])
    for x, y in SEVEN[0][1:]:
        _send(pad, "mouse_move", x, y)
    assert pad.probs is None                    # still drawing: nothing read yet
    _send(pad, "mouse_up", *SEVEN[0][-1])
    assert pad.probs is not None and pad.probabilities.value.count("prob-bar") == 20
    slow = DrawingPad(models, novelty=None, live=False)
    _events(slow, SEVEN)
    assert slow.probs is None and "prob-bar" not in slow.probabilities.value
    slow.predict_button.click()
    assert slow.probs is not None
    for name in models:
        np.testing.assert_allclose(slow.probs[name], pad.probs[name])


def test_the_pad_draws_with_the_stroke_simulators_pen(models):
    from course.strokes import draw_strokes
    pad = DrawingPad(models, novelty=None, live=False)
    _events(pad, SEVEN)
    assert np.array_equal(pad.ink, draw_strokes(SEVEN, pad.pen.value))
    other = DrawingPad(models, novelty=None, live=False)
    other.draw(SEVEN)                           # the same, without a mouse
    assert np.array_equal(other.ink, pad.ink)


def test_pen_dropdown_sets_the_width_of_the_next_strokes(models):
    from course.widgets.drawing_pad import PENS
    ink = {}
    pad = DrawingPad(models, novelty=None, live=False)
    for label, width in PENS.items():
        pad.clear()
        pad.pen.value = width
        assert pad.canvas.line_width == width
        _events(pad, SEVEN)
        ink[label] = pad.ink.sum()
    assert ink["thin"] < ink["normal"] < ink["bold"]
    with pytest.raises(ValueError, match="pen width"):
        pad.set_pen(0)


def test_the_pad_says_not_sure_when_the_reading_does(bundled, models):
    from course.novelty import fit_novelty, pixel_noise
    nov = {"MLP": fit_novelty(models["MLP"], bundled.x_train)}
    pad = DrawingPad(models, preprocess=True, novelty=nov)
    pictures = [bundled.x_test[i] for i in range(8)] + list(pixel_noise(8, seed=3))
    verdicts = []
    for pic in pictures:
        pad.set_ink(pic)
        pad.predict_button.click()
        r = pad.reading
        shown = re.findall(r"data-model='(\w+)' data-verdict='([^']+)'", pad.probabilities.value)
        assert dict(shown) == {n: "not sure" if r.verdict(n) is None else str(r.verdict(n))
                               for n in models}
        assert ("MLP is not sure" in pad.probabilities.value) == (r.verdict("MLP") is None)
        assert r.verdict("linear") is None or "linear is not sure" not in pad.probabilities.value
        verdicts.append(r.verdict("MLP"))
    assert None in verdicts and any(v is not None for v in verdicts)


def test_novelty_is_fitted_for_every_network_by_default(bundled, models):
    pad = DrawingPad(models, train_digits=bundled.x_train[:500])
    assert set(pad.novelty) == set(models)
    assert pad.novelty["MLP"].bank.shape == (500, 32)
    with pytest.raises(ValueError, match="novelty"):
        DrawingPad(models, novelty="sometimes")


# --------------------------------------------------------------------------- without a mouse


def test_the_sample_menu_draws_the_simulated_hand_with_the_pads_pen_and_reads_it(models):
    from course.strokes import draw_strokes
    from course.widgets.drawing_pad import NO_SAMPLE, PENS, SAMPLES, sample_strokes
    pad = DrawingPad(models, novelty=None)
    assert pad.sample.options[0] == NO_SAMPLE and set(pad.sample.options[1:]) == set(SAMPLES)
    for label in ("a 7 (bold pen)", "a 7 with a bar (thin pen)", "a scribble (no digit)"):
        pad.sample.value = label                # as the arrow keys choose it
        strokes, width = sample_strokes(label)
        assert pad.pen.value == width and width in PENS.values()
        assert np.array_equal(pad.ink, draw_strokes(strokes, width))   # the pad alone, redrawn
        assert pad.probs is not None and pad.probabilities.value.count("prob-bar") == 20
        assert np.allclose(pad.image, downsample(pad.ink))
        assert f"a sample drawing, {label}" in pad.source.value
    # the learner's own strokes on top: the menu shows no sample any more, the text says so
    _events(pad, SEVEN)
    assert pad.sample.value == NO_SAMPLE and "with strokes of yours added" in pad.source.value
    pad.clear_button.click()
    assert pad.source.value == "" and pad.ink.sum() == 0
    _events(pad, SEVEN)
    assert "your drawing" in pad.source.value
    with pytest.raises(ValueError, match="no sample drawing 'a 10'"):
        pad.load_sample("a 10")


def test_a_sample_is_read_once_and_not_at_all_when_live_is_off(models, monkeypatch):
    pad = DrawingPad(models, novelty=None)
    readings = []
    original = pad.predict_array
    monkeypatch.setattr(pad, "predict_array", lambda image: readings.append(1) or original(image))
    pad.sample.value = "a 7 with a bar (thin pen)"     # two strokes, one reading
    assert len(readings) == 1
    slow = DrawingPad(models, novelty=None, live=False)
    slow.sample.value = "a 9"
    assert slow.ink.sum() > 0 and slow.probs is None and slow.live.value is False
    slow.predict_button.click()
    assert slow.probs is not None


def test_the_course_cnn_reads_every_digit_sample_after_preprocessing(bundled):
    """The samples are digits a reader would read: the shipped CNN reads each as its digit
    with MNIST's preprocessing, and flags the scribble as not sure."""
    from course.widgets.drawing_pad import SAMPLES
    from course.zoo import trained_cnn
    cnn, _, _ = trained_cnn(bundled, verbose=False)
    pad = DrawingPad({"CNN": cnn.eval()}, preprocess=True)
    for label, spec in SAMPLES.items():
        pad.sample.value = label
        assert pad.reading.verdict("CNN") == spec.digit, (label, pad.reading.probs["CNN"].round(2))


def test_typing_a_digit_loads_the_next_real_example_of_that_class(bundled, models):
    x, y = bundled.x_test[:60], bundled.y_test[:60]
    pad = DrawingPad(models, novelty=None, examples=(x, y))
    sevens = np.flatnonzero(y == 7)
    for k in range(len(sevens) + 1):            # round again after the last one
        pad.real_digit.value = "7"              # as typed: the field empties for the next digit
        assert pad.real_digit.value == ""
        seen = downsample(pad.ink)              # of all 60 digits, the pad holds that 7
        nearest = np.argmin(((x / 255 - seen) ** 2).sum(axis=(1, 2)))
        assert nearest == sevens[k % len(sevens)] and np.abs(x[nearest] / 255 - seen).mean() < 0.02
        assert pad.probs is not None and np.allclose(pad.image, downsample(pad.ink))
        assert (f"a real 7, example {k % len(sevens) + 1} of the {len(sevens)} 7s"
                in pad.source.value)
    before = pad.ink.copy()
    pad.real_digit.value = "x"
    assert np.array_equal(pad.ink, before) and "not a digit" in pad.source.value
    pad.real_digit.value = "73"                 # typed fast: the last key counts
    assert "a real 3" in pad.source.value
    with pytest.raises(ValueError, match="from 0 to 9"):
        pad.load_real(12)
    with pytest.raises(ValueError, match="examples must be"):
        DrawingPad(models, novelty=None, examples=(x, y[:5]))
