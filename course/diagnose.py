"""How a learner's result differs from the right one, said in words a learner knows.

`check` runs a learner's function on cases it has not shown and compares each result
with the reference solution's. When they differ, `describe_difference` names the kind of
mistake (nothing returned, the wrong shape, rows and columns swapped, NaN, the opposite
sign, a constant factor such as a missing 1/n, whole numbers where fractions were
expected) without showing the right values.
"""

from __future__ import annotations

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
        part by part). rtol, atol : as in `numpy.allclose`.
    what : how to call ``given`` in the message ("your result", "part 2 of your result").
    """
    if given is None:
        return f"{what} is None: did the function forget to `return` its result?"
    if isinstance(expected, (tuple, list)):
        if not isinstance(given, (tuple, list)):
            return (f"{what} should be {len(expected)} things (a tuple), but it is a single "
                    f"{type(given).__name__}.")
        if len(given) != len(expected):
            return (f"{what} should be {len(expected)} things, but the function returns "
                    f"{len(given)}.")
        for i, (g, e) in enumerate(zip(given, expected), start=1):
            problem = describe_difference(g, e, rtol=rtol, atol=atol,
                                          what=f"part {i} of {what}")
            if problem:
                return problem
        return None
    g, e = as_array(given), as_array(expected)
    if e is None:  # not numbers: compare as they are
        return None if given == expected else f"{what} is not the right {type(expected).__name__}."
    if g is None:
        return (f"{what} is a {type(given).__name__}, but the answer is "
                + ("a number." if e.ndim == 0 else f"an array of shape {e.shape}."))
    if g.dtype.kind == "b" and e.dtype.kind != "b":
        g = g.astype(float)
    if g.dtype.kind not in "biuf" or e.dtype.kind not in "biuf":
        return f"{what} holds {g.dtype} values, but the answer is numbers."
    g64, e64 = g.astype(np.float64), e.astype(np.float64)
    if g.shape != e.shape:
        return _shape_problem(g64, e64, what, rtol, atol)
    bad = ~np.isfinite(g64) & np.isfinite(e64)
    if bad.any():
        kinds = " and ".join(k for k, m in (("NaN (not a number)", np.isnan(g64)),
                                            ("infinity", np.isinf(g64))) if (m & bad).any())
        return (f"{what} contains {kinds} in {_plural(int(bad.sum()), 'place')}: a division "
                "by zero, a log of 0, or an overflow (exp of a large number)?")
    if np.allclose(g64, e64, rtol=rtol, atol=atol, equal_nan=True):
        return None
    return _value_problem(g, g64, e, e64, what, rtol, atol)


def _shape_problem(g, e, what, rtol, atol) -> str:
    if g.ndim == 2 and g.T.shape == e.shape and np.allclose(g.T, e, rtol=rtol, atol=atol):
        return (f"{what} is transposed: its shape is {g.shape}, the answer's is {e.shape}, and "
                "rows and columns are swapped (look at the order of a matrix product, or .T).")
    text = f"{what} has shape {g.shape}, but the answer has shape {e.shape}."
    if g.size == e.size:
        return text + " It has the right number of values, arranged differently: check a reshape or the order of the axes."
    if g.ndim < e.ndim or g.size < e.size:
        return text + " Did you sum or average over an axis that should stay (check axis=...)?"
    return text + " Did a sum or average miss an axis, or did broadcasting add one?"


def _value_problem(g, g64, e, e64, what, rtol, atol) -> str:
    if np.allclose(-g64, e64, rtol=rtol, atol=atol) and np.abs(e64).max() > atol:
        return f"{what} has the right size but the opposite sign: a minus is missing or extra."
    if g.dtype.kind in "iub" and e.dtype.kind == "f" and np.allclose(g64, np.floor(e64), atol=0.5):
        return (f"{what} is whole numbers where fractions are expected: integer arithmetic "
                "(// or uint8 values) cut them off; convert to float first.")
    if g.dtype.kind in "iu" and e.dtype.kind == "f" and g.dtype.itemsize == 1:
        return (f"{what} is uint8 (0..255, wrapping around below 0 and above 255): convert "
                "the images to float before subtracting or adding.")
    nonzero = np.abs(e64) > max(atol, 1e-12)
    if nonzero.sum() >= 1 and np.allclose(g64[~nonzero], 0, atol=max(atol, 1e-9)):
        ratio = g64[nonzero] / e64[nonzero]
        c = float(np.median(ratio))
        if np.allclose(ratio, c, rtol=1e-4) and abs(c) > 1e-12 and not np.isclose(c, 1, rtol=rtol):
            # Two single numbers always differ by some factor: name it only when it is a
            # telling one (a whole number, one over a whole number, or -1).
            if e64.size > 1 or _nice_factor(c):
                return _factor_message(what, c, single=e64.size == 1)
    wrong = ~np.isclose(g64, e64, rtol=rtol, atol=atol)
    scale = float(np.abs(e64).max()) if e64.size else 0.0
    where = "" if e64.ndim == 0 else f" in {_plural(int(wrong.sum()), 'place')} of {e64.size:,}"
    return (f"{what} differs from the right answer{where}: the largest difference is "
            f"{float(np.abs(g64 - e64).max()):.3g}, where the right values reach {scale:.3g}.")


def _nice_factor(c: float) -> bool:
    for x in (c, 1 / c):
        n = round(x)
        if abs(n) >= 1 and abs(x - n) < 1e-6 * abs(n):
            return True
    return False


def _factor_message(what: str, c: float, single: bool = False) -> str:
    text = (f"{what} is {c:.4g} times the right value" if single else
            f"every value of {what} is {c:.4g} times the right one") + ": a constant factor is off."
    n = round(c)
    if n >= 2 and abs(c - n) < 1e-6 * n:
        return text + f" A missing 1/{n} (a sum where a mean is wanted)?"
    if c > 0 and round(1 / c) >= 2 and abs(1 / c - round(1 / c)) < 1e-6 / c:
        return text + f" An extra 1/{round(1 / c)} (a mean where a sum is wanted)?"
    if np.isclose(c, -1):
        return f"{what} has the opposite sign: a minus is missing or extra."
    return text
