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
    (E.sum(axis=0), "combines (sums or averages) the 4 items"),
    (E[0], "right result for the first item only"),
    (E.sum(axis=1), "sum or average over an axis"),
    (E[:, None, :], "an extra axis of length 1"),
    (E.ravel(), "arranged differently: reshape it"),
    (E[:3], "one fewer along axis 0: an off-by-one"),
    (E + 0.5, "shifted by the same amount"),
    (np.roll(E, 1, axis=0), "shifted by one position along axis 0"),
    (E ** 2, "the square of the right one"),
    (np.sqrt(E), "square root"),
    (E * np.array([[1.0], [2.0], [3.0], [0.5]]), "each row of your result is the right one times its own factor"),
    (E * np.array([1.0, 2.0, 3.0]), "each column of your result"),
    (E[[1, 0, 3, 2]], "the right rows in another order"),
    (E.astype(complex), "complex numbers"),
    (E.reshape(3, 4) * 1.5, "arranged differently"),
    (-E, "opposite sign"),
    (E * 4, "A missing 1/4"),
    (E / 3, "An extra 1/3"),
    (E * 1.7, "one same number times the right one: a constant factor is off"),
    (E * 255, "off by a factor of 255: the pixels are on the other scale"),
    (E / 255, "off by a factor of 255"),
    (np.where(E > 0.5, np.nan, E), "NaN"),
    (np.where(E > 0.5, np.inf, E), "infinity"),
    ("text", "is a str, but the answer is an array of shape (4, 3)"),
])
def test_each_kind_of_mistake_is_named(given, words):
    message = describe_difference(given, E)
    assert message is not None and words in message, message


def test_a_generic_difference_says_where_without_any_value():
    given = E.copy()
    given[1, 2] += 0.25
    message = describe_difference(given, E)
    assert "in 1 place of 12: row 1 differs, the other 3 are right" in message
    digits = message.replace("1 place of 12", "").replace("row 1", "").replace("other 3", "")
    assert not any(ch.isdigit() for ch in digits), message     # no value, right or wrong


def test_a_last_or_first_item_left_out_is_named():
    last, first = E.copy(), E.copy()
    last[-1] = 0
    first[0] = 0
    assert "right except its last row: a range or a slice that stops one early" in describe_difference(last, E)
    assert "right except its first row" in describe_difference(first, E)
    assert "one too many or too few" in describe_difference([E, E], [E, E, E])


def test_a_factor_far_from_one_points_at_precedence_not_at_a_mean():
    message = describe_difference(E * 1e-8, E)
    assert "operator precedence" in message and "a mean where" not in message


def test_a_batch_answered_per_item_and_the_reverse():
    per_item = np.stack([E, E + 1.0])                 # one result per item, mean is E + 0.5
    assert "their mean over the batch (axis 0)" in describe_difference(per_item, E + 0.5)
    assert "the sum along it is the right result" in describe_difference(per_item, 2 * E + 1.0)
    assert "an extra axis of 2 in front: did an elementwise * stand where @" in describe_difference(per_item, E * 7)


def test_swapped_parts_are_named_not_taken_for_a_sum():
    message = describe_difference((E.T.copy(), E), (E, E.T.copy()))
    assert "parts 1 and 2 are swapped" in message
    assert "swapped" in describe_difference((2.0, 1.0), (1.0, 2.0))
    # a tuple of numbers may come back as an array; one number is a number, not an array
    # holding one (a later cell formats it: f"{r:.3f}" fails on an array of shape (1, 1))
    assert describe_difference(np.array([1.0, 2.0]), (1.0, 2.0)) is None
    assert describe_difference(np.array(0.5), 0.5) is None
    assert ".item()" in describe_difference(np.array([[0.5]]), 0.5)


def test_integer_overflow_is_named_where_a_count_passes_the_type():
    counts = np.array([[300, 2], [0, 260]])
    assert "overflow" in describe_difference(counts.astype(np.uint8), counts)
    assert "overflow" in describe_difference(counts.astype(np.int8), counts.astype(float))


def test_a_missing_clip_is_named():
    e = np.clip(RNG.normal(0.5, 0.6, size=(5, 7)), 0, 1)
    g = np.where(e >= 1, 1.3, np.where(e <= 0, -0.2, e))
    assert "a clip is missing" in describe_difference(g, e)


def test_integer_and_uint8_arithmetic_is_recognised():
    expected = np.array([0.5, 1.5, 2.5])
    assert "whole numbers" in describe_difference(np.array([0, 1, 2]), expected)
    images = np.array([[10, 200]], dtype=np.uint8)
    wrapped = images[:, :1] - images[:, 1:]          # uint8 wraps: 66, not -190
    assert "uint8" in describe_difference(wrapped, np.array([[-190.0]]))
    assert "overflow" in describe_difference(wrapped, np.array([[-190.0]]))


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


def test_some_rows_with_the_opposite_sign_are_named_as_such():
    flipped = E * np.array([[1.0], [-1.0], [1.0], [-1.0]])
    assert "rows 1, 3 have the opposite sign, the others are right" in describe_difference(flipped, E)


def test_right_values_in_another_order_are_named():
    e = np.array([5.0, 3.0, 2.0, 0.5])
    assert "right values in another order" in describe_difference(e[::-1].copy(), e)
    two = e.copy()
    two[[1, 2]] = 7.0
    assert "entries 1, 2 differ" in describe_difference(two, e)


def test_rows_that_should_be_unit_vectors_are_named():
    unit = E / np.linalg.norm(E, axis=1, keepdims=True)
    message = describe_difference(unit * np.array([[2.0], [3.0], [0.5], [4.0]]), unit)
    assert "points the right way but is not a unit vector" in message


def test_a_list_shifted_by_one_place_is_named():
    a = [E, E * 2, E * 3]
    assert "shifted by one place" in describe_difference([E, E, E * 2], a)


def test_a_factor_that_is_not_telling_is_not_stated():
    message = describe_difference(E * 1.344, E)
    assert "1.344" not in message and "one same number times the right one" in message


def test_all_zeros_log10_and_nested_parts_are_named():
    assert "every value of your result is 0" in describe_difference(np.zeros_like(E), E)
    assert "np.log, not np.log10" in describe_difference(E / np.log(10), E)
    message = describe_difference(([E, -E], 1.0), ([E, E], 1.0))
    assert message.startswith("item 2 of part 1 of your result"), message
    assert "right except its last" not in describe_difference(np.array([1.0, 9.0]), np.array([1.0, 2.0]))


def test_an_absolute_value_that_drops_a_sign_is_named():
    assert "absolute value" in describe_difference(0.5, -0.5)
    assert "absolute value" in describe_difference(np.array([1.0, 2.0, 3.0]), np.array([1.0, -2.0, 3.0]))


def test_terms_stacked_instead_of_added_are_named_without_calling_them_a_batch():
    terms = np.array([[1.0, 2.0, 3.0], [0.5, 0.5, 0.5]])
    message = describe_difference(terms, terms.sum(axis=0))
    assert "extra axis of 2" in message and "added up" in message
