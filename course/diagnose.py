"""How a learner's result differs from the right one, said in words a learner knows.

`check` runs a learner's function on cases it has not shown and compares each result
with the reference solution's. When they differ, `describe_difference` names the kind of
mistake without showing the right values:

* what was returned: nothing, the wrong type, the wrong number of parts, two parts
  swapped;
* its shape: transposed or axes in another order, one result where there should be one
  per item of a batch (or the reverse), an extra or missing axis of length 1, the right
  values arranged differently, an axis summed away;
* its values: NaN or infinity, the opposite sign, a constant factor (a missing 1/n), each
  row or column off by its own factor (a normalisation over the wrong axis), every value
  shifted by the same amount, shifted by one position along an axis (an off-by-one
  index), squared or square-rooted, a missing clip, integer arithmetic (cut-off fractions,
  uint8 overflow), the right rows in another order, only some items right.

The messages never state a right value: a learner who reads them still has to find it.
"""

from __future__ import annotations

import warnings
from itertools import permutations
from typing import Any

import numpy as np

__all__ = ["as_array", "describe_difference", "same"]


def as_array(value: Any) -> np.ndarray | None:
    """``value`` as a numpy array (torch tensors are detached), or None when it is not
    array-like (a string, a dict, an object)."""
    if hasattr(value, "detach") and hasattr(value, "numpy"):   # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, (str, bytes, dict)) or value is None:
        return None
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        return None
    if array.dtype == object:
        return None
    return array


def same(given: Any, expected: Any, rtol: float = 1e-6, atol: float = 1e-9) -> bool:
    """True when ``given`` equals ``expected`` within the tolerances (arrays, numbers,
    tensors, or tuples and lists of them)."""
    return describe_difference(given, expected, rtol=rtol, atol=atol) is None


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def describe_difference(given: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9,
                        what: str = "your result") -> str | None:
    """None when ``given`` matches ``expected``; otherwise one or two sentences that say
    how it differs, without giving the right values away.

    given, expected : arrays, numbers, torch tensors, or tuples/lists of them (compared
        part by part). A number is a number: an array holding one, with axes of length
        1, is named as a mistake (a later cell could not format it).
    rtol, atol : as in `numpy.allclose`.
    what : how to call ``given`` in the message ("your result", "part 2 of your result").
    """
    if given is None:
        return f"{what} is None: did the function forget to `return` its result?"
    if isinstance(expected, (tuple, list)):
        holds_numbers = _all_numbers(expected) and not isinstance(given, (tuple, list))
        if not holds_numbers:       # parts, compared one by one
            return _parts_problem(given, expected, rtol, atol, what)
        expected = np.asarray([as_array(x).item() for x in expected])   # (r, c) against array([r, c])
    g, e = as_array(given), as_array(expected)
    if e is None:  # not numbers: compare as they are
        return None if given == expected else f"{what} is not the right {type(expected).__name__}."
    if g is None:
        return (f"{what} is a {type(given).__name__}, but the answer is "
                + ("a number." if e.ndim == 0 else f"an array of shape {e.shape}."))
    if g.dtype.kind == "b" and e.dtype.kind != "b":
        g = g.astype(float)
    if g.dtype.kind not in "biuf" or e.dtype.kind not in "biuf":
        if g.dtype.kind == "c":
            return (f"{what} holds complex numbers, but the answer is real numbers: take the "
                    "absolute value (np.abs) or the real part where the text says so.")
        return f"{what} holds {g.dtype} values, but the answer is numbers."
    if g.shape != e.shape and g.size == e.size == 1 and e.ndim == 0:
        return (f"{what} is an array of shape {g.shape} holding one number, but the answer is a "
                "number itself: take it out with .item() or float(...), or avoid the axes of "
                "length 1 (keepdims=True, [None], a (1, n) @ (n, 1) product).")
    g64, e64 = g.astype(np.float64), e.astype(np.float64)
    if g.shape != e.shape:
        return _shape_problem(g64, e64, what, rtol, atol)
    bad = ~np.isfinite(g64) & np.isfinite(e64)
    if bad.any():
        kinds = " and ".join(k for k, m in (("NaN (not a number)", np.isnan(g64)),
                                            ("infinity", np.isinf(g64))) if (m & bad).any())
        return (f"{what} contains {kinds} in {_plural(int(bad.sum()), 'place')}: a division "
                "by zero, a log or square root of 0 or of a negative number (an absolute value "
                "missing?), or an overflow (exp of a large number)?")
    if np.allclose(g64, e64, rtol=rtol, atol=atol, equal_nan=True):
        return None
    return _value_problem(g, g64, e, e64, what, rtol, atol)


def _all_numbers(parts) -> bool:
    return all(as_array(p) is not None and as_array(p).ndim == 0 for p in parts)


def _close(given, expected, rtol, atol) -> bool:
    return all(same(g, e, rtol, atol) for g, e in zip(given, expected))


def _swapped(given, expected, rtol, atol) -> str:
    """'parts 1 and 2' when the given parts are the expected ones in another order."""
    n = len(expected)
    if n > 4:
        return ""
    for order in permutations(range(n)):
        if order == tuple(range(n)):
            continue
        if all(same(given[i], expected[order[i]], rtol, atol) for i in range(n)):
            moved = [str(i + 1) for i in range(n) if order[i] != i]
            return "parts " + " and ".join(moved)
    return ""


def _parts_problem(given, expected, rtol, atol, what) -> str | None:
    kind = "a list" if isinstance(expected, list) else "a tuple"
    if not isinstance(given, (tuple, list)):
        return (f"{what} should be {len(expected)} things ({kind}), but it is a single "
                f"{type(given).__name__}.")
    if len(given) != len(expected):
        many = f"{type(given).__name__} of {_plural(len(given), 'item')}"
        return (f"{what} should be {len(expected)} things ({kind}), but the function returns a "
                f"{many}: one too many or too few (an off-by-one in a loop, a first or last item "
                "left out, or a `return` inside the loop?)" if abs(len(given) - len(expected)) == 1
                else f"{what} should be {len(expected)} things ({kind}), but the function returns "
                f"a {many} (a `return` inside a loop returns after its first round).")
    if len(expected) > 2 and not _close(given, expected, rtol, atol) and \
            _close(given[1:], expected[:-1], rtol, atol):
        return (f"{what} is shifted by one place: item k holds what belongs at k - 1 (the first "
                "item twice, the last one missing?). Append after the update, not before.")
    swapped = _swapped(given, expected, rtol, atol) if not _close(given, expected, rtol, atol) else ""
    if swapped:
        if what.startswith("part "):      # the items of a list inside the result
            swapped = swapped.replace("parts", "items")
            return (f"{what} has the right items, but {swapped} are swapped: keep them in the "
                    "order of the layers (a list built backwards needs reversing?).")
        return f"{what} has the right parts, but {swapped} are swapped: return them in the order the question gives."
    for i, (g, e) in enumerate(zip(given, expected), start=1):
        inner = f"item {i} of {what}" if what.startswith("part ") else f"part {i} of {what}"
        problem = describe_difference(g, e, rtol=rtol, atol=atol, what=inner)
        if problem:
            return problem
    return None


def _shape_problem(g, e, what, rtol, atol) -> str:
    close = lambda a, b: a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)  # noqa: E731
    if g.ndim == 2 and g.T.shape == e.shape and close(g.T, e):
        return (f"{what} is transposed: its shape is {g.shape}, the answer's is {e.shape}, and "
                "rows and columns are swapped (look at the order of a matrix product, or .T).")
    if g.ndim == e.ndim > 2 and sorted(g.shape) == sorted(e.shape):
        for axes in permutations(range(g.ndim)):
            moved = np.transpose(g, axes)
            if moved.shape == e.shape and close(moved, e):
                return (f"{what} has its axes in another order (transposed): its shape is "
                        f"{g.shape}, the answer's is {e.shape}.")
    text = f"{what} has shape {g.shape}, but the answer has shape {e.shape}."
    if g.size == e.size:
        squeezed_g, squeezed_e = np.squeeze(g), np.squeeze(e)
        if squeezed_g.shape == squeezed_e.shape:
            extra = "an extra" if g.ndim > e.ndim else "a missing"
            return (text + f" It has the right values with {extra} axis of length 1: look for "
                    "keepdims=True, [None], [:, None] or a reshape.")
        if close(g.reshape(e.shape), e):
            return text + " It has the right values, arranged differently: reshape it to the answer's shape."
        return text + " It has the right number of values, arranged differently: check a reshape or the order of the axes."
    # One result where there should be one per item of a batch, or the reverse.
    if e.ndim >= 1 and g.shape == e.shape[1:]:
        n = e.shape[0]
        if close(g, e[0]):
            return (text + f" It is the right result for the first item only: the function gets "
                    f"a batch of {n} (axis 0) and should return one result per item.")
        if close(g, e.mean(axis=0)) or close(g, e.sum(axis=0)):
            return (text + f" It combines (sums or averages) the {n} items of the batch into one: "
                    "keep one result per item (axis 0).")
        return (text + f" It is one result, but the function gets a batch of {n} items (axis 0) "
                "and should return one result per item.")
    if g.ndim >= 1 and g.shape[1:] == e.shape:
        n = g.shape[0]
        if close(g.mean(axis=0), e):
            return (text + f" It is one result per item of the batch ({n} of them); the answer is "
                    "their mean over the batch (axis 0).")
        if close(g.sum(axis=0), e):
            return (text + f" It has an extra axis of {n} in front, and the sum along it is the "
                    "right result: terms kept side by side (stacked, or one per item of a batch) "
                    "that should be added up?")
        return (text + f" It has an extra axis of {n} in front: did an elementwise * stand where "
                "@ (a matrix product) was meant, or a sum over that axis go missing? (Or is it one "
                "result per item where one result for the whole batch is wanted?)")
    if g.ndim == e.ndim and all(a == b or abs(a - b) == 1 for a, b in zip(g.shape, e.shape)):
        axes = [k for k, (a, b) in enumerate(zip(g.shape, e.shape)) if a != b]
        more = "one more" if g.shape[axes[0]] > e.shape[axes[0]] else "one fewer"
        return (text + f" It has {more} along axis {axes[0]}: an off-by-one in a range or a "
                "slice (a[1:] against a[:-1], range(n) against range(n - 1))?")
    if g.ndim < e.ndim or g.size < e.size:
        return text + " Did you sum or average over an axis that should stay (check axis=...)?"
    return text + " Did a sum or average miss an axis, or did broadcasting add one?"


def _value_problem(g, g64, e, e64, what, rtol, atol) -> str:
    close = lambda a, b: np.allclose(a, b, rtol=rtol, atol=atol)  # noqa: E731
    scale = float(np.abs(e64).max()) if e64.size else 0.0
    if scale > atol and not np.any(g64) and e64.size > 1:
        return (f"every value of {what} is 0: nothing was added up or moved. Was a copy changed "
                "instead of the array itself (w2 = w makes no copy), a result never filled in, "
                "or a step of size 0?")
    if close(-g64, e64) and scale > atol:
        if np.all(g64 >= 0):
            return (f"{what} has the right size but the opposite sign: a minus is missing or "
                    "extra, or an absolute value (abs, a norm, the square root of a square) "
                    "drops a sign the answer keeps?")
        return f"{what} has the right size but the opposite sign: a minus is missing or extra."
    if np.all(g64 >= 0) and np.any(e64 < -atol) and close(g64, np.abs(e64)):
        return (f"{what} has the right sizes, but none of its values is negative where some of "
                "the right ones are: an absolute value (abs, a norm, the square root of a "
                "square) drops the sign?")
    if g.dtype.kind in "iu" and e.dtype.kind in "iuf":
        bits = 8 * g.dtype.itemsize
        info = np.iinfo(g.dtype)
        outside = (e64 > info.max) | (e64 < info.min)
        if outside.any() and np.allclose(np.mod(g64 - e64, 2.0 ** bits), 0, atol=0.5):
            return (f"{what} is {g.dtype} and wraps around outside {info.min}..{info.max} "
                    f"(an integer overflow): count or add in a larger integer type, int64 "
                    "(x.astype(np.int64), or np.zeros(..., dtype=np.int64)).")
    if g.dtype.kind in "iub" and e.dtype.kind == "f" and np.allclose(g64, np.trunc(e64), atol=0.5) \
            and not close(g64, e64):
        return (f"{what} is whole numbers where fractions are expected: integer arithmetic "
                "(//, int(...) or uint8 values) cut them off; convert to float first.")
    if g.dtype.kind == "f" and np.all(g64 == np.round(g64)) and np.any(e64 != np.round(e64)) \
            and np.all(np.abs(g64 - e64) < 1):
        return (f"{what} is rounded to whole numbers, but the answer has fractions: a round(), "
                "int(...), // or an integer type on the way?")
    if g.dtype.kind in "iu" and e.dtype.kind == "f" and g.dtype.itemsize == 1:
        return (f"{what} is uint8 (0..255, wrapping around below 0 and above 255, an overflow): "
                "convert the images to float before subtracting or adding.")
    nonzero = np.abs(e64) > max(atol, 1e-12)
    if nonzero.sum() >= 1 and np.allclose(g64[~nonzero], 0, atol=max(atol, 1e-9)):
        ratio = g64[nonzero] / e64[nonzero]
        c = float(np.median(ratio))
        if np.allclose(ratio, c, rtol=1e-4) and abs(c) > 1e-12 and not np.isclose(c, 1, rtol=rtol):
            # Two single numbers always differ by some factor: name it only when it is a
            # telling one (a whole number, one over a whole number, or -1).
            if e64.size > 1 or _nice_factor(c):
                return _factor_message(what, c, single=e64.size == 1)
    if e64.size > 1:
        problem = _structure_problem(g64, e64, what, rtol, atol, scale)
        if problem:
            return problem
    wrong = ~np.isclose(g64, e64, rtol=rtol, atol=atol)
    if e64.ndim == 0:
        return (f"{what} is not the right number. Check each step of the formula against the "
                "text.")
    text = f"{what} differs from the right answer in {_plural(int(wrong.sum()), 'place')} of {e64.size:,}"
    if e64.ndim >= 1 and e64.shape[0] > 1:
        rows = wrong.reshape(len(wrong), -1).any(axis=1)
        n = len(rows)
        if n >= 4 and rows.sum() == 1 and rows[-1]:
            return (f"{what} is right except its last {_item(e64)}: a range or a slice that stops "
                    "one early (range(n - 1), a[:-1])?")
        if n >= 4 and rows.sum() == 1 and rows[0]:
            return (f"{what} is right except its first {_item(e64)}: a range or a slice that starts "
                    "one late (range(1, n), a[1:]), or a first item treated differently?")
        if not rows.all():
            bad = np.flatnonzero(rows)
            return (text + f": {_items(e64, len(bad))} {_listing(bad)} "
                    f"differ{'s' if len(bad) == 1 else ''}, the other {n - len(bad)} are right. "
                    "What is special about those?")
    return text + ". Check each step of the formula against the text."


def _item(e) -> str:
    return "row" if e.ndim >= 2 else "entry"


def _items(e, n: int) -> str:
    return _item(e) if n == 1 else ("rows" if e.ndim >= 2 else "entries")


def _listing(index: np.ndarray) -> str:
    shown = ", ".join(str(int(i)) for i in index[:5])
    return shown + (", ..." if len(index) > 5 else "")


def _structure_problem(g, e, what, rtol, atol, scale) -> str:
    """Differences with a telling structure: an offset, a shift by one position, a square,
    a missing clip, a factor per row or column, rows in another order, some items right."""
    close = lambda a, b: a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)  # noqa: E731
    diff = g - e
    if np.allclose(diff, diff.flat[0], rtol=0, atol=max(atol, rtol * scale, 1e-12)) and \
            abs(diff.flat[0]) > atol:
        return (f"every value of {what} is shifted by the same amount: a constant is added or "
                "missing (a +1, a bias, an offset, a mean not subtracted?).")
    for axis in range(e.ndim):
        if e.shape[axis] < 3:
            continue
        for step in (1, -1):
            rolled = np.roll(e, step, axis=axis)
            inner = [slice(None)] * e.ndim
            inner[axis] = slice(1, -1)
            if close(g[tuple(inner)], rolled[tuple(inner)]) and not close(g[tuple(inner)], e[tuple(inner)]):
                return (f"{what} is shifted by one position along axis {axis}: an off-by-one "
                        "index (i + 1 against i, a[1:] against a[:-1])?")
    if scale > atol:
        if np.all(e >= 0) and close(g, e ** 2) and not close(e, e ** 2):
            return f"{what} is the square of the right one: a square root is missing?"
        if np.all(g >= 0) and close(g ** 2, e) and not close(e, e ** 2):
            return f"{what} is the square root of the right one: a square root too many, or a norm where its square is wanted?"
    if e.ndim == 1 and e.size > 2 and np.allclose(np.sort(g), np.sort(e), rtol=rtol, atol=atol):
        return (f"{what} has the right values in another order: sort them as the question asks "
                "(largest first, or by position), or check how you index them.")
    lo, hi = float(e.min()), float(e.max())
    if e.size >= 6 and ((g < lo - atol).any() or (g > hi + atol).any()):
        if close(np.clip(g, lo, hi), e):
            box = " (the pixel range [0, 1])" if (lo, hi) == (0.0, 1.0) else ""
            return (f"{what} has values outside the range the right values stay in{box}: a clip "
                    "is missing (np.clip, or torch.clamp for a tensor).")
    if e.ndim == 2 and min(e.shape) > 1:
        for axis, word in ((1, "row"), (0, "column")):
            with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)    # an all-zero row
                ratio = np.where(np.abs(e) > 1e-12, g / e, np.nan)
                per = np.nanmedian(ratio, axis=axis, keepdims=True)
            if not (np.all(np.isfinite(per)) and close(g, e * per)) or \
                    np.allclose(per, per.flat[0], rtol=1e-4) or np.any(np.abs(per) < 1e-9):
                continue
            if np.allclose(np.abs(per), 1, rtol=1e-4):
                flipped = np.flatnonzero(per.ravel() < 0)
                return (f"{what}: {word}{'s' if len(flipped) != 1 else ''} {_listing(flipped)} "
                        f"{'have' if len(flipped) != 1 else 'has'} the opposite sign, the others "
                        "are right: a sign rule or a minus applied to some of them only?")
            if word == "row" and np.all(per > 0) and np.allclose(np.linalg.norm(e, axis=1), 1, rtol=1e-6):
                return (f"each row of {what} points the right way but is not a unit vector: "
                        "divide each by its length (np.linalg.norm(..., axis=1, keepdims=True)), "
                        "or take the directions themselves, not scaled by a variance or a "
                        "singular value.")
            return (f"each {word} of {what} is the right one times its own factor: a "
                    f"normalisation, mean or sum over the wrong axis (axis={1 - axis} against "
                    f"axis={axis})?")
        if e.shape[0] > 1:
            order = [np.flatnonzero(np.all(np.isclose(e, row, rtol=rtol, atol=atol), axis=1)) for row in g]
            if all(len(o) for o in order) and not close(g, e):
                return (f"{what} has the right rows in another order: check how you index or "
                        "sort the items.")
    return ""


def _nice_factor(c: float) -> bool:
    for x in (c, 1 / c):
        n = round(x)
        if abs(n) >= 1 and abs(x - n) < 1e-6 * abs(n):
            return True
    return False


def _factor_message(what: str, c: float, single: bool = False) -> str:
    """Names a telling factor (a whole number, one over one, 255, far from 1); any other
    factor is not stated: with it, a learner could scale a wrong result into a right one."""
    if np.isclose(c, -1):
        return f"{what} has the opposite sign: a minus is missing or extra."
    for base, name in ((np.log(10), "log10"), (np.log(2), "log2")):
        if np.isclose(c, 1 / base, rtol=1e-6) or np.isclose(c, base, rtol=1e-6):
            return (f"{what} is off by the factor between natural logarithms and {name}: the "
                    f"text's log is the natural logarithm, np.log, not np.{name}.")
    for scale in (255.0, 1 / 255.0):
        if np.isclose(c, scale, rtol=1e-6):
            return (f"{what} is off by a factor of 255: the pixels are on the other scale "
                    "(0..255 against 0..1). Which scale does the question use, and does the "
                    "formula divide or multiply by the pixels?")
    base = (f"{what} is {c:.4g} times the right value" if single else
            f"every value of {what} is {c:.4g} times the right one") + ": a constant factor is off."
    if abs(np.log10(abs(c))) >= 3:
        return base + (" A factor this far from 1 often comes from operator precedence "
                       "(a / 2 * h is (a / 2) * h, not a / (2 h)) or a step size used twice or "
                       "not at all.")
    n = round(c)
    if n == 2 and abs(c - n) < 1e-6 * n:
        return base + " A missing 1/2 (a sum where a mean is wanted, or a 2 left out of a denominator)?"
    if n >= 2 and abs(c - n) < 1e-6 * n:
        return base + f" A missing 1/{n} (a sum where a mean is wanted)?"
    if c > 0 and round(1 / c) >= 2 and abs(1 / c - round(1 / c)) < 1e-6 / c:
        return base + f" An extra 1/{round(1 / c)} (a mean where a sum is wanted)?"
    return (f"{what if single else 'every value of ' + what} is one same number times the right "
            "one: a constant factor is off. Check each division and each normalisation (by "
            "which length, which count, which power?).")
