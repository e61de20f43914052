"""course.interpret, checked against independent computations (scikit-learn, brute force,
finite differences, torch's Jacobian), and chapter 3's exercises."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn import metrics

from course.interpret import (class_probabilities, concentration, confident_mistakes,
                              confusion_matrix, first_layer_fields, linear_templates,
                              most_confused_pairs, pixels, saliency)
from course.mlp import MLP
from course.training import make_cnn, make_mlp


def _random_digit(seed: int, dtype=np.float64) -> np.ndarray:
    return np.random.default_rng(seed).random((28, 28)).astype(dtype)


# --------------------------------------------------------------------------- linear templates


@pytest.fixture(scope="module")
def logistic(bundled):
    return linear_templates(bundled.x_train, bundled.y_train, kind="logistic")


def test_logistic_templates_are_its_weights_and_it_beats_chance_by_far(logistic, bundled):
    model, templates = logistic
    assert templates.shape == (10, 28, 28)
    np.testing.assert_array_equal(templates.reshape(10, 784), model.coef_)
    assert model.score(pixels(bundled.x_test), bundled.y_test) > 0.8  # chance: 0.1
    # The score of each class is the template times the pixels plus the bias.
    x = pixels(bundled.x_test[:20])
    scores = x @ templates.reshape(10, 784).T.astype(np.float64) + model.intercept_
    np.testing.assert_allclose(scores, model.decision_function(x), rtol=1e-4, atol=1e-4)


def test_svm_templates_have_the_right_shape_and_classify(bundled):
    model, templates = linear_templates(bundled.x_train[::4], bundled.y_train[::4], kind="svm")
    assert templates.shape == (10, 28, 28)
    np.testing.assert_array_equal(templates.reshape(10, 784), model.coef_)
    assert model.score(pixels(bundled.x_test), bundled.y_test) > 0.8


def test_a_template_is_positive_where_its_class_has_more_ink_than_the_others(logistic, bundled):
    """The centre of a 0 is empty while other digits have ink there; its rim is the reverse."""
    _, templates = logistic
    x = pixels(bundled.x_train).reshape(-1, 28, 28)
    contrast = x[bundled.y_train == 0].mean(axis=0) - x.mean(axis=0)
    strong = np.abs(contrast) > 0.5 * np.abs(contrast).max()
    agree = np.sign(templates[0][strong]) == np.sign(contrast[strong])
    assert strong.sum() > 20 and agree.mean() > 0.9


def test_pixels_scales_uint8_and_refuses_out_of_range_floats():
    x = np.full((2, 28, 28), 255, dtype=np.uint8)
    assert pixels(x).shape == (2, 784) and pixels(x).max() == 1.0
    with pytest.raises(ValueError, match=r"x: .*\[0, 1\]"):
        pixels(np.full((2, 28, 28), 255.0))
    with pytest.raises(ValueError, match=r"x: expected digits of shape"):
        pixels(np.zeros((2, 27, 27)))


def test_linear_templates_refuse_bad_arguments(bundled):
    x, y = bundled.x_train[::80], bundled.y_train[::80]  # 50 digits of all ten classes
    with pytest.raises(ValueError, match="kind must be 'logistic' or 'svm'.*'tree'"):
        linear_templates(x, y, kind="tree")
    with pytest.raises(ValueError, match="C .*positive number.*-1"):
        linear_templates(x, y, C=-1)
    with pytest.raises(ValueError, match="y: expected 50 labels"):
        linear_templates(x, y[:10])
    with pytest.raises(ValueError, match=r"y: labels must lie in 0\.\.9"):
        linear_templates(x, y + 5)
    with pytest.raises(ValueError, match="y: a classifier needs digits of at least two classes"):
        linear_templates(x, np.zeros(50, dtype=int))


# --------------------------------------------------------------------------- first layer


def test_first_layer_fields_are_the_reshaped_first_weights():
    net = make_mlp((784, 7, 5, 10), seed=3)
    expected = net[1].weight.detach().numpy().reshape(7, 28, 28)
    np.testing.assert_array_equal(first_layer_fields(net), expected)
    # The numpy network of chapter 2: W[0] has one row per hidden neuron.
    ours = MLP([784, 16, 10], seed=1)
    np.testing.assert_array_equal(first_layer_fields(ours), ours.W[0].reshape(16, 28, 28))


def test_first_layer_fields_refuse_networks_without_784_pixel_fields():
    with pytest.raises(ValueError, match="model: its first layer is not fully connected"):
        first_layer_fields(make_cnn())
    with pytest.raises(ValueError, match="model: its first layer takes 100 inputs"):
        first_layer_fields(make_mlp((100, 10)))
    with pytest.raises(ValueError, match="model: expected a torch network .* got str"):
        first_layer_fields("mlp")


def test_concentration_matches_a_direct_count_and_its_extremes():
    rng = np.random.default_rng(0)
    fields = rng.standard_normal((4, 28, 28))
    share = 0.1
    top = round(share * 784)
    for f, c in zip(fields, concentration(fields, share)):
        squares = sorted((f.ravel() ** 2).tolist(), reverse=True)
        assert c == pytest.approx(sum(squares[:top]) / sum(squares))
    one_pixel = np.zeros((28, 28))
    one_pixel[3, 4] = -2.0
    flat = np.ones((28, 28))
    np.testing.assert_allclose(concentration(np.stack([one_pixel, flat, 0 * flat])),
                               [1.0, round(0.05 * 784) / 784, 0.0])
    with pytest.raises(ValueError, match=r"share must be a number in \(0, 1\]"):
        concentration(fields, share=0)
    with pytest.raises(ValueError, match="fields: expected pictures"):
        concentration(np.zeros(5))


# --------------------------------------------------------------------------- mistakes


def test_confusion_matrix_equals_scikit_learns():
    rng = np.random.default_rng(1)
    y_true, y_pred = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    y_pred[:5] = 9  # some classes more often than others
    ours = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(ours, metrics.confusion_matrix(y_true, y_pred, labels=range(10)))
    assert ours.sum() == 500 and np.trace(ours) == (y_true == y_pred).sum()


def test_confusion_matrix_refuses_bad_labels():
    with pytest.raises(ValueError, match="y_pred: expected 3 labels"):
        confusion_matrix([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match=r"y_true: labels must lie in 0\.\.9.*10"):
        confusion_matrix([1, 2, 10], [1, 2, 3])
    with pytest.raises(ValueError, match="y_pred: labels must be integers"):
        confusion_matrix([1, 2], [1.5, 2.0])


def test_most_confused_pairs_are_the_largest_off_diagonal_counts():
    rng = np.random.default_rng(2)
    cm = rng.integers(0, 50, (10, 10))
    found = most_confused_pairs(cm, k=90)
    cells = sorted(((int(cm[i, j]), i, j) for i in range(10) for j in range(10)
                    if i != j and cm[i, j] > 0), key=lambda t: (-t[0], t[1], t[2]))
    assert found == [(i, j, n) for n, i, j in cells]
    either = most_confused_pairs(cm, k=3, ordered=False)
    sums = sorted(((int(cm[a, b] + cm[b, a]), a, b) for a in range(10) for b in range(a + 1, 10)),
                  key=lambda t: (-t[0], t[1], t[2]))
    assert either == [(a, b, n) for n, a, b in sums[:3]]
    with pytest.raises(ValueError, match="cm: expected a square"):
        most_confused_pairs(cm[:3])


def test_confident_mistakes_match_a_brute_force_ranking():
    rng = np.random.default_rng(3)
    logits = rng.standard_normal((300, 10)) * 3
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = rng.integers(0, 10, 300)
    y[:100] = probs[:100].argmax(axis=1)  # a third are right
    mistakes = [(-probs[i].max(), i) for i in range(300) if probs[i].argmax() != y[i]]
    expected = [i for _, i in sorted(mistakes)]
    np.testing.assert_array_equal(confident_mistakes(probs, y, k=15), expected[:15])
    np.testing.assert_array_equal(confident_mistakes(probs, y, k=1000), expected)
    assert all(i >= 100 for i in confident_mistakes(probs, y, k=1000))


def test_confident_mistakes_refuse_bad_input():
    probs = np.full((4, 10), 0.1)
    with pytest.raises(ValueError, match="y_true: expected 4 labels"):
        confident_mistakes(probs, [1, 2, 3])
    with pytest.raises(ValueError, match="probs: expected an"):
        confident_mistakes(probs[0], [1])
    with pytest.raises(ValueError, match="k must be a non-negative integer"):
        confident_mistakes(probs, [0, 1, 2, 3], k=-1)
    with pytest.raises(ValueError, match="probs: probabilities must be finite and non-negative"):
        confident_mistakes(-probs, [0, 1, 2, 3])


def test_class_probabilities_are_the_softmax_of_the_logits():
    net = make_mlp((784, 12, 10), seed=4)
    x = np.random.default_rng(4).random((7, 784)).astype(np.float32)
    probs = class_probabilities(net, x)
    with torch.no_grad():
        logits = net(torch.from_numpy(x)).double().numpy()
    expected = np.exp(logits - logits.max(1, keepdims=True))
    np.testing.assert_allclose(probs, expected / expected.sum(1, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)


# --------------------------------------------------------------------------- saliency


@pytest.fixture
def small_net():
    """A smooth (sigmoid) network in float64, so finite differences are accurate."""
    return make_mlp((784, 16, 10), activation="sigmoid", seed=5).double()


def _logit(net, x: np.ndarray, c: int) -> float:
    with torch.no_grad():
        return float(net(torch.from_numpy(x.reshape(1, 784)))[0, c])


def test_saliency_matches_central_finite_differences(small_net):
    x = _random_digit(6)
    c, h = 3, 1e-5
    fd = np.zeros(784)
    flat = x.ravel()
    for p in range(784):
        up, down = flat.copy(), flat.copy()
        up[p] += h
        down[p] -= h
        fd[p] = (_logit(small_net, up, c) - _logit(small_net, down, c)) / (2 * h)
    np.testing.assert_allclose(saliency(small_net, x, c).ravel(), fd, rtol=1e-6, atol=1e-9)


def test_saliency_matches_torch_jacobian_for_every_class(small_net):
    x = torch.from_numpy(_random_digit(7).reshape(1, 784))
    jac = torch.autograd.functional.jacobian(lambda t: small_net(t)[0], x).numpy()  # (10, 1, 784)
    for c in range(10):
        np.testing.assert_allclose(saliency(small_net, x.numpy()[0], c).ravel(), jac[c, 0],
                                   rtol=1e-12, atol=1e-14)


def test_saliency_explains_the_predicted_class_by_default(small_net):
    x = _random_digit(8)
    predicted = int(np.argmax([_logit(small_net, x, c) for c in range(10)]))
    np.testing.assert_array_equal(saliency(small_net, x), saliency(small_net, x, predicted))
    other = (predicted + 1) % 10
    assert not np.allclose(saliency(small_net, x), saliency(small_net, x, other))


def test_saliency_of_a_linear_model_is_its_template_for_any_digit():
    linear = torch.nn.Sequential(torch.nn.Linear(784, 10)).double()
    weights = linear[0].weight.detach().numpy()
    for seed in (0, 1):
        for c in (0, 7):
            np.testing.assert_allclose(saliency(linear, _random_digit(seed), c).ravel(), weights[c],
                                       rtol=1e-12)


def test_gradient_times_input_adds_up_to_the_score_of_a_relu_net_without_biases():
    """A ReLU network without biases is positively homogeneous: s(x) = ∇s(x) · x (Euler)."""
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(784, 32, bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(32, 10, bias=False)).double()
    x = _random_digit(9)
    for c in range(10):
        contributions = saliency(net, x, c, method="gradient_x_input")
        np.testing.assert_allclose(contributions, saliency(net, x, c) * x, rtol=1e-12)
        assert contributions.sum() == pytest.approx(_logit(net, x, c), rel=1e-9, abs=1e-12)


def test_saliency_accepts_uint8_digits_as_pixels_in_unit_range(small_net):
    img = (np.random.default_rng(10).random((28, 28)) * 255).astype(np.uint8)
    np.testing.assert_allclose(saliency(small_net, img, 2, method="gradient_x_input"),
                               saliency(small_net, img / 255.0, 2, method="gradient_x_input"))


def test_saliency_refuses_bad_input(small_net):
    x = _random_digit(11)
    with pytest.raises(ValueError, match=r"image: expected one digit of shape \(28, 28\)"):
        saliency(small_net, np.stack([x, x]))
    with pytest.raises(ValueError, match=r"target must be a class in 0\.\.9.*10"):
        saliency(small_net, x, 10)
    with pytest.raises(ValueError, match="method must be one of"):
        saliency(small_net, x, method="smoothgrad")
    with pytest.raises(ValueError, match="model: expected a torch network"):
        saliency(MLP([784, 10]), x)
    with pytest.raises(ValueError, match=r"image: float pixel values must lie in \[0, 1\]"):
        saliency(small_net, x * 255)


# --------------------------------------------------------------------------- chapter 3's exercises


def test_chapter_3_exercises_accept_their_answers_computed_independently(bundled, monkeypatch,
                                                                          tmp_path):
    from course.check import check, exercises
    from course.exercises import ch03

    monkeypatch.setenv("COURSE_MODEL_CACHE", str(tmp_path))  # train from scratch, as CI does
    ch03._mlp_confusion.cache_clear()
    known = exercises()
    # 1. One weight per pixel and class, one bias per class.
    assert check("ch03.logistic_parameters", 10 * (28 * 28 + 1)).correct
    assert "bias" in check("ch03.logistic_parameters", 10 * 28 * 28).message
    # 2. A linear score's gradient is its weight row: one map for every digit.
    assert check("ch03.linear_saliency", 1).correct
    assert not check("ch03.linear_saliency", 1000).correct
    assert "Differentiate" in check("ch03.linear_saliency", 1000).message
    # 3. Digits called 9 that are not 9s: column 9 of scikit-learn's confusion matrix
    #    without its diagonal cell.
    model, _, _ = ch03.chapter_mlp(bundled, progress=False, verbose=False)  # the shipped MLP
    cm = metrics.confusion_matrix(bundled.y_test, model(torch.from_numpy(
        pixels(bundled.x_test).astype(np.float32))).argmax(1).numpy(), labels=range(10))
    assert check("ch03.false_nines", int(cm[:, 9].sum() - cm[9, 9])).correct
    if cm[9].sum() != cm[:, 9].sum():
        assert "you read row 9" in check("ch03.false_nines", int(cm[9].sum() - cm[9, 9])).message
    assert "including the real 9s" in check("ch03.false_nines", int(cm[:, 9].sum())).message
    assert {"ch03.logistic_parameters", "ch03.linear_saliency", "ch03.false_nines",
            "ch03.confusion_counts"} <= set(known)
