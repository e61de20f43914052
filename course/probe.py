"""What a learner's function does with its arguments, found by calling it again.

When a learner's result differs from the right one in no telling way (no transpose, no
factor, no sign), `course.diagnose` can only say "it differs". Calling the function once
more, on the same case or a slightly changed one, often says more, for any exercise and
for mistakes nobody listed:

* it gives another result on the same input: a random draw that does not come from the
  generator it was given;
* it is the change from an input to the right result (a step returned in place of the
  new value), or that change taken the other way;
* it is the right result for a neighbouring argument (``lag + 1``, ``steps - 1``, η twice
  as large, η = 1): an off-by-one, or a step size used twice or left out;
* a part of it is an input returned as it came in (a layer left out of a loop, a step
  taken on a copy that is thrown away);
* it does not change when an argument changes, where the right result does: the
  argument is not used (a notebook variable of the same name, or a value typed in, stands
  in its place);
* it is right on some of the cases: those cases are named, for comparison.

Like `course.diagnose`, no message states a right value.
"""

from __future__ import annotations

import time
from typing import Any, Callable

import numpy as np

from .diagnose import as_array, same

__all__ = ["probe", "vary"]


class _Budget:
    """Seconds left for probing: every call counts, so a slow function is not probed long."""

    def __init__(self, seconds: float):
        self.deadline = time.perf_counter() + seconds

    @property
    def left(self) -> float:
        return self.deadline - time.perf_counter()


def probe(fn: Callable[..., Any], solution: Callable[..., Any], args: tuple, names: list[str],
          got: Any, *, call: Callable[[Callable[..., Any], tuple, float], Any],
          rtol: float, atol: float, seconds: float = 5.0) -> str:
    """One sentence on what ``fn`` does with ``args``, or "" when no probe tells.

    fn : the learner's function, whose result on ``args`` is ``got`` and wrong.
    solution : the reference solution.
    names : the arguments' names, as the question writes them.
    call : ``call(f, args, seconds)`` runs ``f`` on copies of ``args`` within ``seconds``
        and returns its result; it raises an Exception when ``f`` fails or runs too long.
    seconds : how long all probing together may take.
    """
    budget = _Budget(seconds)

    def run(f, a):
        if budget.left <= 0:
            raise TimeoutError("no time left for probing")
        return call(f, a, max(budget.left, 0.05))

    close = lambda a, b: same(a, b, rtol, atol)  # noqa: E731
    try:
        expected = run(solution, args)
        again = run(fn, args)
    except Exception:
        return ""
    if not close(again, got):
        generators = [n for n, a in zip(names, args) if isinstance(a, np.random.Generator)
                      or any(k.__name__ == "Generator" for k in type(a).__mro__)]
        source = (f"from the generator it is given (`{generators[0]}`): draw every random number "
                  f"from it (torch.rand(..., generator={generators[0]}), or "
                  f"{generators[0]}.random(...) for numpy)" if generators else
                  "from a fixed seed, while the formula has no random draw in it")
        return ("your function gives a different result when it is called twice on the same "
                f"input: it draws random numbers that do not come {source}.")
    for find in (lambda: _the_change(close, args, names, got, expected),
                 lambda: _returned_input(close, args, names, got, expected),
                 lambda: _ignored(run, close, fn, solution, args, names, got, expected),
                 lambda: _neighbour(run, close, fn, solution, args, names, got, expected)):
        message = find()
        if message:
            return message
    return ""


def _where(path: tuple[int, ...]) -> str:
    """(): 'your result'; (1,): 'part 2 of your result'; (0, 2): 'item 3 of part 1'."""
    if not path:
        return "your result"
    if len(path) == 1:
        return f"part {path[0] + 1} of your result"
    return f"item {path[1] + 1} of part {path[0] + 1} of your result"


def _parts(value: Any) -> list[tuple[tuple[int, ...], Any]]:
    """(path, part) for the value's parts and their items, down two levels."""
    out = []
    if isinstance(value, (tuple, list)):
        for i, part in enumerate(value):
            out.append(((i,), part))
            if isinstance(part, (tuple, list)):
                out += [((i, j), item) for j, item in enumerate(part)]
    return out


def _neighbour(run, close, fn, solution, args, names, got, expected) -> str:
    """The right result for an argument one off (an integer ± 1) or a step size doubled,
    halved or left out (η × 2, η / 2, η = 1)."""
    for i, (name, value) in enumerate(zip(names, args)):
        for other, words in _neighbours(name, value):
            try:
                there = run(solution, args[:i] + (other,) + args[i + 1:])
            except Exception:
                continue
            if close(there, expected):
                continue
            if close(got, there):
                return f"your result is what the right function gives {words}"
            for path, part in _parts(got):
                reference = _at(there, path)
                if reference is not None and close(part, reference) and not close(part, _at(expected, path)):
                    return f"{_where(path)} is what the right function gives there {words}"
    return ""


def _neighbours(name: str, value: Any) -> list[tuple[Any, str]]:
    if isinstance(value, (bool, np.bool_)):
        return []
    if isinstance(value, (int, np.integer)):
        return [(value + 1, f"for `{name}` + 1 instead of `{name}`: an off-by-one (a range or "
                            "a slice one too long, or counting from 1 instead of 0)?"),
                (value - 1, f"for `{name}` − 1 instead of `{name}`: an off-by-one (a range or a "
                            f"loop one short: range(1, n) runs n − 1 times)?")]
    if isinstance(value, (float, np.floating)) and value not in (0.0, 1.0):
        return [(value * 2, f"with `{name}` twice as large: is `{name}` used twice, or a "
                            "1/2 left out?"),
                (value / 2, f"with `{name}` half as large: an extra 1/2, or `{name}` divided "
                            "where it multiplies?"),
                (1.0, f"with `{name}` = 1: is `{name}` left out there?")]
    return []


def _at(value: Any, path: tuple[int, ...]) -> Any:
    for i in path:
        if not isinstance(value, (tuple, list)) or i >= len(value):
            return None
        value = value[i]
    return value


def _the_change(close, args, names, got, expected) -> str:
    """The change from an input to the right result (a step), returned in place of the
    result itself; or the input with the change taken the other way."""
    g, e = as_array(got), as_array(expected)     # a list of layers: one stacked array
    if g is None or e is None or g.ndim == 0 or g.shape != e.shape:
        return ""
    for name, value in zip(names, args):
        x = as_array(value)
        if x is None or x.shape != g.shape or x.dtype.kind not in "biuf" or g.dtype.kind not in "biuf":
            continue
        x, g64 = x.astype(np.float64), g.astype(np.float64)
        if close(x + g64, e) and not close(x, e):
            return (f"your result is the change from `{name}` to the right result, not the result "
                    f"itself: add it to `{name}` (return the new value, not the step).")
        if close(2 * x - g64, e) and not close(x, e):
            return (f"your result moves `{name}` the opposite way: the step is taken with the "
                    "wrong sign (− where + belongs, or the reverse).")
    return ""


def _returned_input(close, args, names, got, expected) -> str:
    """Parts of the result that are an input (or an item of a list input) unchanged,
    where the right result differs from that input."""
    def is_input(part, path, right):
        if as_array(part) is None and not isinstance(part, (tuple, list)):
            return ""
        for name, value in zip(names, args):
            candidates = [value]
            if isinstance(value, (tuple, list)) and path and path[-1] < len(value):
                candidates.append(value[path[-1]])     # the same layer of a list input
            for candidate in candidates:
                if _shaped_alike(part, candidate) and close(part, candidate) and not close(right, candidate):
                    return name
        return ""

    name = is_input(got, (), expected)
    if name:
        return (f"your result is the input `{name}` as it came in: the function returns it "
                "unchanged. Was the work done on a copy that is then not returned, or is the "
                "step skipped?")
    found: dict[str, list[tuple[int, ...]]] = {}
    for path, part in _parts(got):
        right = _at(expected, path)
        if right is None:
            continue
        name = is_input(part, path, right)
        if name and not (len(path) == 2 and (path[0],) in sum(found.values(), [])):
            found.setdefault(name, []).append(path)
    if not found:
        return ""
    places = [p for paths in found.values() for p in paths]
    inputs = ", ".join(f"`{n}`" for n in found)
    return (f"{_listing(places)} {'is' if len(places) == 1 else 'are'} the input{'s' if len(found) > 1 else ''} "
            f"{inputs} as {'it' if len(places) == 1 else 'they'} came in: nothing was done "
            f"to {'it' if len(places) == 1 else 'them'}. A loop that skips "
            f"{'it' if len(places) == 1 else 'them'}, or a step taken on a copy that is then "
            "not returned?")


def _listing(paths: list[tuple[int, ...]]) -> str:
    """'Part 2 of your result', or 'Items 1 and 2 of part 1 and item 3 of part 2 of your
    result': the places, grouped by part."""
    groups: dict[int, list[int]] = {}
    wholes = []
    for path in paths:
        if len(path) == 1:
            wholes.append(path[0] + 1)
        else:
            groups.setdefault(path[0] + 1, []).append(path[1] + 1)
    words = [f"part{'s' if len(wholes) > 1 else ''} {_and(wholes)}"] if wholes else []
    words += [f"item{'s' if len(items) > 1 else ''} {_and(items)} of part {part}"
              for part, items in groups.items()]
    text = _and(words) + " of your result"
    return text[0].upper() + text[1:]


def _and(things: list) -> str:
    things = [str(t) for t in things]
    return things[0] if len(things) == 1 else ", ".join(things[:-1]) + " and " + things[-1]


def _shaped_alike(a: Any, b: Any) -> bool:
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        return isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)) and len(a) == len(b) \
            and all(_shaped_alike(x, y) for x, y in zip(a, b))
    x, y = as_array(a), as_array(b)
    return x is not None and y is not None and x.shape == y.shape and x.size > 1


#: Why an argument may look unused: said where a result does not follow one.
_STAND_IN = "A variable of the same name from the notebook, or a value typed in, would stand in its place."


def _moving_change(run, close, solution, args, i, expected) -> tuple[tuple, Any] | None:
    """(the arguments with argument ``i`` changed, the right result for them) for the
    first of `_variants` that moves the right result; None when none does (or none runs)."""
    for other in _variants(args[i]):      # a small change first; a larger one if it is lost
        changed = args[:i] + (other,) + args[i + 1:]
        try:
            right = run(solution, changed)
        except Exception:
            continue
        if not close(right, expected):
            return changed, right
    return None


def _ignored(run, close, fn, solution, args, names, got, expected) -> str:
    """An argument whose change moves the right result but not the learner's."""
    for i, name in enumerate(names[:len(args)]):
        moved = _moving_change(run, close, solution, args, i, expected)
        if moved is None:
            continue
        changed, right = moved
        try:
            mine = run(fn, changed)
        except Exception:
            continue
        if close(mine, got):
            return (f"your result does not change when `{name}` changes, but the right one does: "
                    f"does the function use its argument `{name}`? {_STAND_IN}")
        still = [path for path, part in _parts(got)
                 if len(path) == 1 and _at(mine, path) is not None and close(_at(mine, path), part)
                 and not close(_at(right, path), _at(expected, path))]
        if still:
            many = len(still) > 1
            return (f"{_listing(still)} {'do' if many else 'does'} not change when `{name}` "
                    f"changes, but the right {'ones do' if many else 'one does'}: is `{name}` left "
                    f"out of {'them' if many else 'it'}? ({_STAND_IN})")
    return ""


def _variants(value: Any) -> list[Any]:
    """`vary`'s change, and for a number also a larger one (a step ε whose small change the
    right result hardly feels, a threshold between values no pixel takes)."""
    first = vary(value)
    if first is None:
        return []
    if isinstance(value, (float, np.floating)) and value:
        return [first, value * 10]
    if isinstance(value, (int, np.integer)):
        return [first, value * 2 + 10]     # a threshold of 0 and of 1 may count the same
    scaled = _halved(value)                # a count or a sum does not see rows rolled
    return [first] + ([scaled] if scaled is not None else [])


def _halved(value: Any) -> Any:
    """An array or tensor with its values halved (whole numbers: halved and rounded down,
    so labels and pixels stay in their range), or None."""
    if hasattr(value, "detach") and getattr(value, "ndim", 0) >= 1:
        if value.is_floating_point():
            return (value.detach().clone() / 2).requires_grad_(value.requires_grad)
        return None if str(value.dtype) == "torch.bool" else value.detach().clone() // 2
    if isinstance(value, np.ndarray) and value.ndim >= 1 and value.dtype.kind in "iuf":
        return value / 2 if value.dtype.kind == "f" else value // 2
    return None


def vary(value: Any) -> Any:
    """A changed copy of an argument that keeps its kind: a number moved by one (or by
    half), an array or tensor with its rows (entries) rolled by one place, a list of them
    each rolled. None for anything else (a model, a generator, a function)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return value + 1
    if isinstance(value, (float, np.floating)):
        return value * 1.5 if value else 0.5
    if isinstance(value, (tuple, list)):
        items = [vary(v) for v in value]
        if not value or any(v is None for v in items):
            return None
        try:
            return type(value)(items)
        except TypeError:
            return list(items) if isinstance(value, list) else tuple(items)
    if hasattr(value, "detach") and hasattr(value, "roll") and getattr(value, "ndim", 0) >= 1:
        rolled = value.detach().clone().roll(1, 0)
        if value.ndim >= 1 and bool((rolled == value).all()):
            rolled = value.detach().clone() * 1.25 if value.is_floating_point() else None
        return None if rolled is None else rolled.requires_grad_(value.requires_grad) \
            if value.is_floating_point() else rolled
    if isinstance(value, np.ndarray) and value.ndim >= 1 and value.dtype.kind in "biuf":
        rolled = np.roll(value, 1, axis=0)
        if np.array_equal(rolled, value):
            if value.ndim >= 2:
                rolled = np.roll(value, 1, axis=-1)
            if np.array_equal(rolled, value):
                return value * 1.25 if value.dtype.kind == "f" else None
        return rolled
    return None
