"""Chapter 3's exercises agree with independent computations: the contrast images with the
first gradient step of a logistic regression from zero weights (the chapter's claim), the
confusion matrix with scikit-learn's, the saliency map with the ReLU network's gradient in
closed form and with finite differences, and the linear saliency question with the
logistic regression's weights."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch

from course.check import check, exercises
from course.exercises import ch03
from course.exercises.ch03 import (_confusion_cases, _contrast_cases, _saliency_cases,
                                   confusion_counts, contrast_images, saliency_map)
from course.interpret import pixels


def test_contrast_images_are_the_class_means_minus_the_mean_digit_by_a_one_hot_product():
    for images, labels in _contrast_cases():
        n = len(images)
        x = images.reshape(n, -1).astype(np.float64) / 255
        one_hot = np.eye(10)[labels]                                   # (n, 10)
        means = (one_hot.T @ x) / one_hot.sum(axis=0)[:, None]
        expected = (means - x.mean(axis=0)).reshape((10,) + images.shape[1:])
        np.testing.assert_allclose(contrast_images(images, labels), expected, rtol=1e-12, atol=1e-12)
        assert len(set(np.bincount(labels, minlength=10))) > 1, "the classes must differ in size"


def test_the_first_gradient_step_from_zero_weights_points_at_the_contrast_images(bundled):
    """The chapter says: at W = 0, for ten classes of equal size, the gradient of the mean
    cross-entropy with respect to w_c is (1/10)(x̄ - x̄_c)."""
    assert len(set(np.bincount(bundled.y_train))) == 1          # equal classes, as the text assumes
    x = torch.from_numpy(pixels(bundled.x_train))
    W = torch.zeros(10, 784, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(10, dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(x @ W.T + b, torch.from_numpy(bundled.y_train))
    (grad,) = torch.autograd.grad(loss, W)
    contrast = contrast_images(bundled.x_train, bundled.y_train).reshape(10, 784)
    np.testing.assert_allclose(-10 * grad.numpy(), contrast, atol=1e-12)


def test_a_contrast_case_of_784_pixels_not_28_by_28_names_a_hard_coded_size():
    """The first case's digits have 784 pixels in 16 rows of 49: code with 784 or 28 in it
    returns 28 x 28 pictures there, named, where another size would only raise an error."""
    images, labels = _contrast_cases()[0]
    assert images.shape[1] * images.shape[2] == 784 and images.shape[1:] != (28, 28)

    def hard_coded(images, labels):
        x = images.reshape(-1, 784) / 255.0
        out = np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])
        return out.reshape(10, 28, 28)
    feedback = check("ch03.contrast_images", hard_coded)
    assert feedback.correct is False and "any height and width" in feedback.message


def test_confusion_counts_agree_with_scikit_learn_and_a_count_exceeds_uint8():
    from sklearn import metrics

    largest = 0
    for y_true, y_pred in _confusion_cases():
        expected = metrics.confusion_matrix(y_true, y_pred, labels=range(10))
        np.testing.assert_array_equal(confusion_counts(y_true, y_pred), expected)
        largest = max(largest, int(expected.max()))
    assert largest > 255, "no case shows a uint8 count wrapping around"
    assert "overflow" in check("ch03.confusion_counts", ch03._wrong_uint8).message


def test_saliency_map_is_the_relu_networks_gradient_in_closed_form():
    """For Flatten, Linear(W1, b1), ReLU, Linear(W2, b2): d s_c / d x = W1^T (on ⊙ W2[c]),
    with on = the hidden neurons whose input is positive."""
    done = 0
    for model, image, c in _saliency_cases():
        if len(model) != 4:
            continue
        W1, b1 = model[1].weight.detach().double().numpy(), model[1].bias.detach().double().numpy()
        W2 = model[3].weight.detach().double().numpy()
        x = image.reshape(784) / 255.0
        on = (W1 @ x + b1) > 0
        expected = (W1.T @ (on * W2[c])).reshape(28, 28)
        np.testing.assert_allclose(saliency_map(model, image, c), expected, rtol=1e-4, atol=1e-6)
        done += 1
    assert done >= 2


def test_saliency_map_matches_finite_differences_of_the_score_on_every_case():
    rng = np.random.default_rng(0)
    for model, image, c in _saliency_cases():
        grad = saliency_map(model, image, c).astype(np.float64).ravel()
        double = copy.deepcopy(model).double()
        x = torch.from_numpy(image.reshape(1, 784) / 255.0)
        for _ in range(3):
            v = torch.from_numpy(rng.standard_normal((1, 784)))
            h = 1e-6
            with torch.no_grad():
                slope = (double(x + h * v)[0, c] - double(x - h * v)[0, c]).item() / (2 * h)
            assert slope == pytest.approx(float(grad @ v.numpy().ravel()), rel=1e-3, abs=1e-6)


def test_saliency_cases_leave_torchs_random_state_alone_and_explain_another_class_first():
    before = torch.random.get_rng_state()
    cases = _saliency_cases()
    assert torch.equal(before, torch.random.get_rng_state())
    model, image, c = cases[0]
    with torch.no_grad():
        assert int(model(torch.from_numpy(image.reshape(1, 784) / 255.0).float()).argmax()) != c
    assert {type(m).__name__ for m, _, _ in cases} == {"Sequential"}
    assert len({id(m) for m, _, _ in cases}) >= 2


def test_linear_saliency_has_one_map_the_template_and_wrong_counts_do_not_give_it_away():
    maps = ch03._linear_maps()
    model, _ = ch03._logistic()
    np.testing.assert_array_equal(maps, np.broadcast_to(model.coef_[3].astype(np.float64), maps.shape))
    answer = exercises()["ch03.linear_saliency"].answer
    assert answer == 1
    assert check("ch03.linear_saliency", answer).correct
    for wrong in (1000, 10, 784, 2, 0):
        feedback = check("ch03.linear_saliency", wrong)
        assert feedback.correct is False
        for giveaway in ("template", "the same for every", "one map", "Too large", "Too small"):
            assert giveaway not in feedback.message, (wrong, feedback.message)
    assert "differentiate" in check("ch03.linear_saliency", 1000).message.lower()


def test_linear_saliency_names_zero_and_two_in_the_questions_words_not_as_code_mistakes():
    for wrong, words in ((0, "no saliency maps at all"), (2, "not the terms of the formula"),
                         (3, "pen and paper"), (500, "pen and paper")):
        feedback = check("ch03.linear_saliency", wrong)
        assert feedback.correct is False
        assert words in feedback.message, (wrong, feedback.message)
        assert "axis" not in feedback.message and "part of the data" not in feedback.message
        for giveaway in ("template", "the same for every", "one map", "Too large", "Too small"):
            assert giveaway not in feedback.message, (wrong, feedback.message)
