"""course.diagnose: each kind of mistake is named, and a right result is not called wrong."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from course.diagnose import as_array, describe_difference, same

RNG = np.random.default_rng(0)
E = RNG.random((4, 3)) + 0.1        # a right answer with no zeros


def test_equal_results_are_right_whatever_their_container():
    assert describe_difference(E.copy(), E) is None
    assert describe_difference(torch.tensor(E), E) is None
    assert describe_difference(E.tolist(), E) is None
    assert describe_difference((E, 2.0), (E.copy(), 2.0)) is None
    assert same(np.float32(0.5), 0.5) and not same(0.5001, 0.5)


@pytest.mark.parametrize("given, words", [
    (None, "forget to `return`"),
    (E.T.copy(), "transposed"),
    (E[:, :2], "has shape (4, 2), but the answer has shape (4, 3)"),
    (E.sum(axis=0), "sum or average over an axis"),
    (E.reshape(3, 4) * 1.5, "arranged differently"),
    (-E, "opposite sign"),
    (E * 4, "A missing 1/4"),
    (E / 3, "An extra 1/3"),
    (E * 1.7, "1.7 times the right one"),
    (np.where(E > 0.5, np.nan, E), "NaN"),
    (np.where(E > 0.5, np.inf, E), "infinity"),
    ("text", "is a str, but the answer is an array of shape (4, 3)"),
])
def test_each_kind_of_mistake_is_named(given, words):
    message = describe_difference(given, E)
    assert message is not None and words in message, message


def test_a_generic_difference_says_where_and_how_large_without_the_values():
    given = E.copy()
    given[1, 2] += 0.25
    message = describe_difference(given, E)
    assert "in 1 place of 12" in message and "0.25" in message
    assert f"{E[1, 2]:.3g}" not in message          # the right value is not shown


def test_integer_and_uint8_arithmetic_is_recognised():
    expected = np.array([0.5, 1.5, 2.5])
    assert "whole numbers" in describe_difference(np.array([0, 1, 2]), expected)
    images = np.array([[10, 200]], dtype=np.uint8)
    wrapped = images[:, :1] - images[:, 1:]          # uint8 wraps: 66, not -190
    assert "uint8" in describe_difference(wrapped, np.array([[-190.0]]))


def test_tuples_are_compared_part_by_part():
    message = describe_difference((E, -E), (E, E))
    assert message.startswith("part 2 of your result") and "opposite sign" in message
    assert "should be 2 things" in describe_difference(E, (E, E))


def test_two_single_numbers_name_only_a_telling_factor():
    assert "A missing 1/10" in describe_difference(5.0, 0.5)
    assert "times" not in describe_difference(0.37, 0.5)


def test_as_array_refuses_what_is_not_numbers():
    assert as_array("abc") is None and as_array({"a": 1}) is None and as_array(None) is None
    assert as_array(torch.ones(2, requires_grad=True)).shape == (2,)
