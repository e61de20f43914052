"""Self-checking exercises.

A notebook asks a question and leaves a line for the answer::

    answer = None   # replace None with your answer
    check("ch01.sevens", answer)

or asks the learner to write a function, and checks the function itself::

    def variogram(images, lag):
        ...                     # the learner's code
    check("ch01.variogram", variogram)

A function is run on cases the notebook has not shown and compared with the reference
solution; when it differs, `check` says what kind of mistake it looks like, using the
exercise's own list of expected mistakes first and then `course.diagnose` (the wrong shape,
rows and columns swapped, one result where a batch needs one per item, a missing 1/n, the
opposite sign, an off-by-one, a missing clip, integer overflow, NaN, a changed input, an
error raised on a given line with its usual cause). A right function is accepted even when
it is slow (with advice); only one that would stall the chapter is stopped, by a time limit
that a learner's ``except Exception`` cannot catch. After an exercise the chapter computes
with the learner's function once it is accepted: ``backprop = use("ch02.backprop", backprop)``.

Each exercise computes its own right answer from the course's data and functions when
it is first checked, so nothing is copied by hand. Chapters define their exercises in
``course/exercises/chNN.py`` with `exercise`.
"""

from __future__ import annotations

import contextlib
import copy
import html
import importlib
import inspect
import math
import os
import pkgutil
import signal
import sys
import textwrap
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

import numpy as np

from .diagnose import as_array, describe_difference, same
from .probe import probe

__all__ = ["Exercise", "CodeExercise", "Feedback", "exercise", "code_exercise", "check", "use",
           "hint", "solution", "exercises", "answer_key"]

_REGISTRY: dict[str, "Exercise | CodeExercise"] = {}


@dataclass
class Exercise:
    """One question with a way to compute its answer.

    key : ``"chNN.name"``, how notebooks refer to it.
    question : the question, in one or two sentences.
    answer_fn : computes the right answer (called once, when first needed).
    hint : a nudge that does not give the answer away.
    rtol, atol : for numeric answers, how close counts as right.
    mistakes : (test, message) pairs: when ``test(answer)`` is true the learner gets
        ``message``, feedback on a mistake the exercise knows to be common.
    explanation : shown with the solution: why it is the answer.
    categorical : the answer is a name for something (a class, a word, a pair), not an
        amount: a wrong answer never hears "too large" or "too small".
    """

    key: str
    question: str
    answer_fn: Callable[[], Any]
    hint: str
    rtol: float = 1e-6
    atol: float = 0.0
    mistakes: list[tuple[Callable[[Any], bool], str]] = field(default_factory=list)
    explanation: str = ""
    categorical: bool = False

    @cached_property
    def answer(self) -> Any:
        return self.answer_fn()

    def is_right(self, given: Any) -> bool:
        return _same(given, self.answer, self.rtol, self.atol)


@dataclass(frozen=True)
class Feedback:
    """What `check` says: ``correct`` and a message. Shows itself nicely in a notebook."""

    key: str
    correct: bool | None
    message: str

    def __bool__(self) -> bool:
        return bool(self.correct)

    def __repr__(self) -> str:
        mark = {True: "✅ Correct", False: "❌ Not yet", None: "✏️  No answer yet"}[self.correct]
        return f"{mark} [{self.key}]: {self.message}"

    def _repr_html_(self) -> str:
        colour = {True: "#1b7f3b", False: "#b3261e", None: "#6b5900"}[self.correct]
        mark = {True: "✅ Correct", False: "❌ Not yet", None: "✏️ No answer yet"}[self.correct]
        return (f'<div class="course-check" style="border-left:4px solid {colour};'
                f'padding:4px 8px"><b style="color:{colour}">{mark}</b> '
                f'<code>{html.escape(self.key)}</code>: {html.escape(self.message)}</div>')


def exercise(key: str, question: str, *, hint: str, rtol: float = 1e-6, atol: float = 0.0,
             mistakes: list[tuple[Callable[[Any], bool], str]] | None = None,
             explanation: str = "", categorical: bool = False
             ) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Decorator that registers the decorated function as the answer of an exercise."""
    def register(answer_fn: Callable[[], Any]) -> Callable[[], Any]:
        _register(Exercise(key, question, answer_fn, hint, rtol, atol, list(mistakes or []),
                           explanation, categorical))
        return answer_fn
    return register


def _register(ex: "Exercise | CodeExercise") -> None:
    if ex.key in _REGISTRY:
        raise ValueError(f"exercise {ex.key!r} is defined twice.")
    _REGISTRY[ex.key] = ex


@dataclass
class CodeExercise:
    """An exercise where the learner writes a function.

    key, question, hint, explanation : as for `Exercise`.
    solution : the reference solution, written to be read (`solution` shows its code).
    cases : returns the argument tuples the learner's function is checked on; the notebook
        never shows them. They are made with fixed seeds, so a check gives the same verdict
        every time.
    mistakes : (wrong function, message) pairs: typical wrong implementations. When the
        learner's result equals a wrong function's result, the learner gets its message.
    wrong_examples : (function, words) pairs for the tests: each function is a plausible
        mistake, and `check` must answer it with a message containing ``words`` (words that
        name the mistake). At least six per exercise besides the functions in ``mistakes``.
    right_examples : other correct ways to write it (loops, another dtype, torch instead
        of numpy), which `check` must accept. At least two per exercise.
    whole_numbers : the result is counts, and the question asks for whole numbers: a
        float array, even with whole values, is named as a mistake.
    speed : returns the arguments of one realistic-size case. A function that gets the
        cases right but needs more than ``max(slow_seconds, slow_factor x the solution's
        time)`` on it is called too slow.
    rtol, atol : how close counts as equal.
    reference : the tested function in `course` that computes the same thing (often faster
        or more general); the tests check that the solution agrees with it on the cases.
    """

    key: str
    question: str
    solution: Callable[..., Any]
    cases: Callable[[], list[tuple]]
    hint: str
    mistakes: list[tuple[Callable[..., Any], str]] = field(default_factory=list)
    wrong_examples: list[tuple[Callable[..., Any], str]] = field(default_factory=list)
    right_examples: list[Callable[..., Any]] = field(default_factory=list)
    speed: Callable[[], tuple] | None = None
    slow_seconds: float = 0.5
    slow_factor: float = 20.0
    rtol: float = 1e-6
    atol: float = 1e-9
    explanation: str = ""
    reference: Callable[..., Any] | None = None
    whole_numbers: bool = False

    @cached_property
    def answer(self) -> str:
        """The solution's source code (what `solution` shows)."""
        return solution_source(self.solution)

    @property
    def arg_names(self) -> list[str]:
        return list(inspect.signature(self.solution).parameters)

    def check(self, fn: Any) -> "Feedback":
        return _check_function(self, fn)


def code_exercise(key: str, question: str, *, hint: str, cases: Callable[[], list[tuple]],
                  mistakes: list[tuple[Callable[..., Any], str]] | None = None,
                  wrong_examples: list[tuple[Callable[..., Any], str]] | None = None,
                  right_examples: list[Callable[..., Any]] | None = None,
                  speed: Callable[[], tuple] | None = None, slow_seconds: float = 0.5,
                  slow_factor: float = 20.0, rtol: float = 1e-6, atol: float = 1e-9,
                  explanation: str = "", reference: Callable[..., Any] | None = None,
                  whole_numbers: bool = False
                  ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator that registers the decorated function as the reference solution of an
    exercise where the learner writes that function (see `CodeExercise`)."""
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        _register(CodeExercise(key, question, fn, cases, hint, list(mistakes or []),
                               list(wrong_examples or []), list(right_examples or []), speed, slow_seconds, slow_factor,
                               rtol, atol, explanation, reference, whole_numbers))
        return fn
    return register


def solution_source(fn: Callable[..., Any]) -> str:
    """The source of ``fn`` without its decorator, as a learner would have written it."""
    lines = textwrap.dedent(inspect.getsource(fn)).splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("def "))
    return "\n".join(lines[start:])


def exercises() -> dict[str, Exercise]:
    """All registered exercises, by key (loads every chapter's exercise module)."""
    from . import exercises as package
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    return dict(_REGISTRY)


def _get(key: str) -> "Exercise | CodeExercise":
    known = exercises()
    if key not in known:
        close = [k for k in known if k.split(".")[0] == key.split(".")[0]]
        raise KeyError(f"No exercise called {key!r}. "
                       + (f"This chapter's exercises: {', '.join(sorted(close))}."
                          if close else f"Known exercises: {', '.join(sorted(known))}."))
    return known[key]


def check(key: str, answer: Any) -> Feedback:
    """Say whether ``answer`` is right for exercise ``key``, without revealing the answer.

    For an exercise where the learner writes a function, ``answer`` is that function.
    Every answer (right or not) is recorded on the learner's machine (`course.progress`).
    """
    feedback = _judge(key, answer)
    if feedback.correct is not None:
        from .progress import record
        record(key, feedback.correct, feedback.message)
    return feedback


def _judge(key: str, answer: Any) -> Feedback:
    ex = _get(key)
    if isinstance(ex, CodeExercise):
        return ex.check(answer)
    if answer is None or answer is Ellipsis:
        return Feedback(key, None, "replace None with your answer, then run the cell again.")
    if callable(answer) and not isinstance(answer, np.ndarray):
        return Feedback(key, False, "this question asks for a value, but you gave a function; "
                                    "call it and pass what it returns.")
    expected = ex.answer
    problem = _type_problem(answer, expected)
    if problem:
        return Feedback(key, False, problem)
    if ex.is_right(answer):
        return Feedback(key, True, "well done." + (f" {ex.explanation}" if ex.explanation else ""))
    for test, message in ex.mistakes:
        try:
            if test(answer):
                return Feedback(key, False, message)
        except Exception:  # a mistake detector must never break the check
            continue
    if ex.categorical:
        return Feedback(key, False, "not that one. Go back over what the question asks for and "
                                    f"how you got your answer, or ask for a hint: hint({key!r}).")
    direction = _direction(answer, expected)
    return Feedback(key, False, f"{direction}Try again, or ask for a hint: hint({key!r}).")


# ----------------------------------------------------------------- checking a learner's function

_LIBRARY_ROOTS = tuple({os.path.dirname(os.path.abspath(__file__)), sys.prefix, sys.base_prefix,
                        os.path.dirname(os.__file__)})


def _is_library(filename: str) -> bool:
    path = os.path.abspath(filename)
    return path.startswith(_LIBRARY_ROOTS) or filename.startswith("<frozen")


def _describe_exception(err: BaseException) -> str:
    """'your function raised X: msg, at line n of your code: `...`' (the learner's line)."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if not _is_library(f.filename)]
    # The first frame is check's own call into the function; the learner's are the rest.
    frames = [f for f in frames if f.filename != __file__]
    text = f"your function raised {type(err).__name__}: {str(err).strip() or '(no message)'}"
    if frames:
        f = frames[-1]
        where = f" (in {f.name})" if f.name not in ("<module>", "<lambda>") else ""
        text += f", at line {f.lineno} of your code{where}"
        if f.line:
            text += f": `{f.line.strip()}`"
    return text + "." + _exception_advice(err, frames[-1].line if frames else "")


def _exception_advice(err: BaseException, line: str | None) -> str:
    """What the usual causes of an error are, when the error says enough to tell."""
    message, line = str(err), line or ""
    if "dtype" in message or "expected scalar type" in message:
        return (" Two operands have different number types (float32 against float64, or "
                "integers): convert one, e.g. x.float() for a tensor, x.astype(np.float64) "
                "for an array.")
    broadcast = "could not be broadcast" in message or ("must match the size of tensor" in message)
    if broadcast and "*" in line.replace("**", ""):
        return (" The shapes do not fit an elementwise product: did you mean @ (a matrix "
                "product) where you wrote * (elementwise, ⊙)?")
    if "matmul" in message or "mat1 and mat2" in message or "size mismatch" in message:
        return (" The shapes do not fit a matrix product: (n, k) @ (k, m) needs the inner "
                "sizes equal. Is a .T missing or extra, or are the factors in the other order?")
    if broadcast:
        return (" Two arrays' shapes do not fit each other: print their .shape. A vector or a "
                "mask may need an axis to line up with the rows ([:, None]), or a sum or mean "
                "may need keepdims=True.")
    if "cannot reshape array of size" in message:
        return (" The reshape got another number of values than its shape needs: np.bincount "
                "returns only (largest value + 1) counts unless minlength= asks for more, and a "
                "hard-coded size fits only one shape of input.")
    if type(err).__name__ == "AxisError" or "out of bounds for array of dimension" in message \
            or "Dimension out of range" in message:
        return (" The array has fewer axes than the code expects: a single item (one image, "
                "one point, 1-D) where a batch of them (rows, 2-D) is meant, or the reverse? "
                "Print the .shape of what goes in.")
    if isinstance(err, IndexError) and "out of bounds" in message:
        return (" An index runs past the end: an off-by-one in a range or a slice, or rows and "
                "columns swapped ([j, i] where [i, j] is meant)?")
    if isinstance(err, RuntimeError) and "does not require grad" in message:
        return (" Torch computes a gradient only for a tensor made with requires_grad=True "
                "(x = x.clone().detach().requires_grad_(True)).")
    if isinstance(err, RuntimeError) and "a leaf Variable that requires grad" in message:
        return " Change a copy, not the tensor that needs the gradient: x = x.detach().clone()."
    return ""


class _TooSlow(BaseException):
    """Raised into the learner's function when its time is up. A BaseException, like
    KeyboardInterrupt, so that a learner's ``except Exception`` cannot swallow it."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Stop the code inside after ``seconds`` with `_TooSlow` (only in the main thread on
    systems with SIGALRM, such as a Jupyter kernel on Linux or macOS; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum, frame):
        raise _TooSlow()

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _snapshot(value: Any) -> Any:
    if hasattr(value, "detach") and hasattr(value, "clone"):
        return value.detach().clone()
    return copy.deepcopy(value)


def _grad_switched_on(before: Any, after: Any) -> bool:
    """A tensor argument that the learner's function made require gradients, or gave one."""
    if not (hasattr(after, "requires_grad") and hasattr(before, "requires_grad")):
        return False
    return (after.requires_grad and not before.requires_grad) or \
        (getattr(after, "grad", None) is not None and getattr(before, "grad", None) is None)


def _changed(before: Any, after: Any) -> bool:
    if isinstance(before, (list, tuple)) and isinstance(after, (list, tuple)):
        return len(before) != len(after) or any(_changed(x, y) for x, y in zip(before, after))
    a, b = as_array(before), as_array(after)
    if a is not None and b is not None and a.shape == b.shape:
        return not np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    return False


def describe_arguments(names: list[str], args: tuple) -> str:
    """'images: array (5, 28, 28) float64, lag = 3': what a case passes, not what it answers."""
    parts = []
    for name, value in zip(names, args):
        if isinstance(value, (list, tuple)) and value and all(as_array(v) is not None and
                                                              as_array(v).ndim > 0 for v in value):
            shapes = ", ".join(str(tuple(as_array(v).shape)) for v in value)
            parts.append(f"{name}: a {type(value).__name__} of {len(value)} arrays {shapes}")
            continue
        arr = as_array(value)
        if hasattr(value, "parameters") and callable(value):   # a torch model
            parts.append(f"{name}: a {type(value).__name__}")
        elif arr is not None and arr.ndim > 0:
            kind = "tensor" if hasattr(value, "detach") else "array"
            parts.append(f"{name}: {kind} {tuple(arr.shape)} {arr.dtype}")
        else:
            parts.append(f"{name} = {value!r}")
    return ", ".join(parts)


def _check_function(ex: CodeExercise, fn: Any) -> "Feedback":
    key = ex.key
    ask = f" Ask for a hint: hint({key!r})."
    if fn is None or fn is Ellipsis:
        return Feedback(key, None, "write the function in the cell above, run it, then pass its "
                                   "name here (without brackets).")
    if not callable(fn):
        return Feedback(key, False, f"pass your function itself, by name, without calling it: "
                                    f"check({key!r}, my_function). You gave a "
                                    f"{type(fn).__name__}.")
    borrowed = _calls_the_reference(ex, fn)
    if borrowed:
        return Feedback(key, False, f"your function calls the course's own `{borrowed}`, which "
                                    "computes the answer for you: the exercise is to write it "
                                    "yourself, from the formula in the text." + ask)
    cases = ex.cases()
    for args in cases:
        given_args = tuple(_snapshot(a) for a in args)
        with warnings.catch_warnings():     # the course's own code: nothing for the learner to see
            warnings.simplefilter("ignore")
            expected = ex.solution(*(_snapshot(a) for a in args))
        try:
            with _time_limit(30.0):
                got = fn(*given_args)
        except _TooSlow:
            return Feedback(key, False, "your function ran for 30 s on a small case without "
                                        "finishing: an endless loop?" + ask)
        except NotImplementedError:   # the template, not yet written
            return Feedback(key, None, "not written yet: replace the line `raise "
                                       "NotImplementedError` with your code, run the cell again.")
        except Exception as err:  # the learner's error, reported as theirs
            return Feedback(key, False, _describe_exception(err) + ask)
        for i, (before, after) in enumerate(zip(args, given_args)):
            if _changed(before, after):
                if isinstance(before, (list, tuple)):
                    kind, fix = "list", "new = [w.copy() for w in old], or build a new list"
                elif hasattr(before, "clone"):
                    kind, fix = "tensor", "x = x.clone(), or build a new one"
                else:
                    kind, fix = "array", "x = x.copy(), or build a new one"
                return Feedback(key, False,
                                f"your function changes its input `{ex.arg_names[i]}`; the caller's "
                                f"{kind} must stay as it was. Work on a copy ({fix})." + ask)
            if _grad_switched_on(before, after):
                return Feedback(key, False,
                                f"your function switches on gradients for its input "
                                f"`{ex.arg_names[i]}` (requires_grad, or a .grad left on it): the "
                                "caller's tensor must stay as it was, and a second call would add "
                                "its gradient to the first. Work on a copy: "
                                "x = x.clone().requires_grad_(True)." + ask)
        problem = describe_difference(got, expected, rtol=ex.rtol, atol=ex.atol)
        if problem is None:
            problem = _still_attached(got, expected)
        result = as_array(got)
        if problem is None and ex.whole_numbers and result is not None and result.dtype.kind == "f":
            problem = (f"your counts are {result.dtype} numbers, but counts are whole numbers: "
                       "make the array with an integer type (np.zeros(..., dtype=int)).")
        if problem is None:
            continue
        matching = []                       # listed mistakes that give this result here
        for wrong, message in ex.mistakes:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    typical = wrong(*(_snapshot(a) for a in args))
                if same(got, typical, ex.rtol, ex.atol) and not same(typical, expected, ex.rtol, ex.atol):
                    matching.append((wrong, message))
            except Exception:  # a mistake detector must never break the check
                continue
        if matching:
            # Two mistakes can agree on one case: the one that agrees on every case is named.
            everywhere = [m for w, m in matching if _agrees_elsewhere(fn, w, cases, args, ex)] \
                if len(matching) > 1 else []
            return Feedback(key, False, (everywhere or [matching[0][1]])[0] + ask)
        case = describe_arguments(ex.arg_names, args)
        if "not the right number" in problem:       # nothing more telling was found
            problem = _a_length(got, args, ex.arg_names) or problem
        if _GENERIC in problem or "not the right number" in problem:
            found = probe(fn, ex.solution, args, ex.arg_names, got, call=_call,
                          rtol=ex.rtol, atol=ex.atol)
            problem = found or problem + _right_on(ex, fn, cases, args)
        return Feedback(key, False, f"{problem[0].upper()}{problem[1:]} (case: {case}.)" + ask)
    advice = ""
    if ex.speed is not None:
        slow, advice = _speed(ex, fn)
        if slow:
            return Feedback(key, False, slow)
    return Feedback(key, True, f"right on all {len(cases)} test cases." +
                    (f" {ex.explanation}" if ex.explanation else "") + advice)


#: The words of `describe_difference` when it finds nothing more telling than a difference.
_GENERIC = "differs from the right answer"


def _call(f: Callable[..., Any], args: tuple, seconds: float) -> Any:
    """``f`` on copies of ``args``, stopped after ``seconds`` (a TimeoutError then)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _time_limit(seconds):
                return f(*(_snapshot(a) for a in args))
    except _TooSlow:
        raise TimeoutError(f"no result within {seconds:.2g} s") from None


def _on_other_cases(fn: Callable[..., Any], other: Callable[..., Any], cases: list[tuple],
                    failed: tuple, ex: CodeExercise, seconds: float) -> tuple[list[tuple[tuple, bool]], bool]:
    """``fn`` and ``other`` on every case but ``failed``, within ``seconds`` in all:
    ([(case, whether their results agree)], whether every case was reached in time). A case
    on which either raises (or runs out of time) is left out."""
    deadline = time.perf_counter() + seconds
    outcomes = []
    for args in cases:
        if args is failed:
            continue
        left = deadline - time.perf_counter()
        if left <= 0:
            return outcomes, False
        try:
            mine = _call(fn, args, left)
            theirs = _call(other, args, max(deadline - time.perf_counter(), 0.05))
        except Exception:
            continue
        outcomes.append((args, same(mine, theirs, ex.rtol, ex.atol)))
    return outcomes, True


def _agrees_elsewhere(fn: Callable[..., Any], wrong: Callable[..., Any], cases: list[tuple],
                      failed: tuple, ex: CodeExercise, seconds: float = 3.0) -> bool:
    """Whether a listed mistake that matches the learner's result on the failing case also
    matches it on the other cases: two listed mistakes can give the same result on one
    case, and the one that agrees everywhere is the likelier. A case either cannot run, or
    that runs out of time, does not count against it."""
    outcomes, _ = _on_other_cases(fn, wrong, cases, failed, ex, seconds)
    return all(agree for _, agree in outcomes)


def _right_on(ex: CodeExercise, fn: Callable[..., Any], cases: list[tuple], failed: tuple,
              seconds: float = 5.0) -> str:
    """' It is right on 2 of the 5 test cases, for example (case: ...)': when the function
    is right on some cases, the difference between those and the failing one points at
    the mistake. "" when it is right on none (or there is no time to tell)."""
    outcomes, complete = _on_other_cases(fn, ex.solution, cases, failed, ex, seconds)
    right = [args for args, agree in outcomes if agree]
    if not (complete and right):
        return ""
    example = describe_arguments(ex.arg_names, right[0])
    return (f" It is right on {len(right)} of the {len(cases)} test cases, for example on "
            f"({example}): what is different about the case it gets wrong?")


def _a_length(got: Any, args: tuple, names: list[str]) -> str:
    """'your result is the length of `image`'s axis 0': len() where a count was meant."""
    value = as_array(got)
    if value is None or value.size != 1 or value.dtype.kind not in "iuf" or float(value.item()) % 1:
        return ""
    n = int(value.item())
    for name, arg in zip(names, args):
        shape = getattr(as_array(arg), "shape", ())
        for axis, size in enumerate(shape):
            if size == n and n > 1:
                return (f"your result is {n}, the length of axis {axis} of `{name}`: len() and "
                        ".shape count positions along an axis, not the values that meet a "
                        "condition; add those up (True counts as 1).")
    return ""


def _calls_the_reference(ex: CodeExercise, fn: Any) -> str:
    """The name under which ``fn`` calls the course's own function for this exercise
    (``apply_T(...)`` or ``adversarial.fgsm(...)``), or ""."""
    target = ex.reference
    code, scope = getattr(fn, "__code__", None), getattr(fn, "__globals__", {})
    if target is None or code is None:
        return ""
    codes, names = [code], set()
    while codes:                       # the function and the functions defined inside it
        c = codes.pop()
        names |= set(c.co_names)
        codes += [k for k in c.co_consts if hasattr(k, "co_names")]
    for name in sorted(names):
        value = scope.get(name)
        if value is target:
            return name
        attribute = getattr(target, "__name__", "")
        inner = getattr(value, attribute, None) if isinstance(value, type(sys)) else None
        if inner is target and attribute in names:
            return f"{name}.{target.__name__}"
    return ""


def _still_attached(got: Any, expected: Any) -> str | None:
    """A tensor that still carries its gradient history where the answer is a plain one."""
    pairs = zip(got, expected) if isinstance(got, (tuple, list)) and isinstance(expected, (tuple, list)) \
        else [(got, expected)]
    for g, e in pairs:
        if getattr(g, "requires_grad", False) and hasattr(e, "requires_grad") and not e.requires_grad:
            return ("your result still carries its gradient history (requires_grad=True): "
                    "return a plain tensor, result.detach(), as the question asks.")
    return None


def _speed(ex: CodeExercise, fn: Callable[..., Any]) -> tuple[str, str]:
    """(problem, advice) on a realistic-size case, timed against the solution in the same
    run on the same machine. A right function is never rejected for its speed alone: one
    more than ``slow_factor`` times slower (and over ``slow_seconds``) is accepted with
    advice; only one that does not finish within ``HARD_FACTOR`` times the solution's
    time (at least ``HARD_SECONDS``) is rejected, as it would stall the chapter."""
    args = ex.speed()
    start = time.perf_counter()
    ex.solution(*(_snapshot(a) for a in args))
    reference = time.perf_counter() - start
    case = describe_arguments(ex.arg_names, args)
    hard = max(HARD_SECONDS, HARD_FACTOR * reference)
    start = time.perf_counter()
    try:
        with _time_limit(hard):
            fn(*(_snapshot(a) for a in args))
    except _TooSlow:
        return (f"right on the test cases, but it did not finish within {hard:.0f} s on a "
                f"realistic-size case ({case}), where the course's version needs "
                f"{reference:.2g} s: the chapter could not use it. Replace Python loops over "
                "pixels or images by numpy operations on whole arrays."), ""
    except Exception as err:
        return _describe_exception(err) + f" (on a realistic-size case: {case}.)", ""
    seconds = time.perf_counter() - start
    if seconds > max(ex.slow_seconds, ex.slow_factor * reference):
        return "", (f" It is slow, though: {seconds:.2g} s on a realistic-size case ({case}), "
                    f"where whole-array numpy takes {reference:.2g} s. Fine here; on a full "
                    "data set, loops over pixels or images would keep you waiting.")
    return "", ""


#: A right function is rejected for speed only past max(HARD_SECONDS, HARD_FACTOR x the
#: solution's time): far outside the noise of timing on a shared machine.
HARD_SECONDS, HARD_FACTOR = 10.0, 200.0


def use(key: str, fn: Any) -> Callable[..., Any]:
    """The function the cells after an exercise compute with: the learner's ``fn`` once
    `check` accepts it, the course's own version until then (it says which, in one line).

        backprop = use("ch02.backprop", backprop)
    """
    ex = _get(key)
    if not isinstance(ex, CodeExercise):
        raise TypeError(f"use() is for exercises where you write a function; {key!r} asks for a value.")
    name = ex.solution.__name__
    feedback = ex.check(fn)
    if feedback.correct:
        print(f"✅ The cells below use your {name}.")
        return fn
    why = "not written yet" if feedback.correct is None else "not accepted yet"
    print(f"The cells below use the course's {name}: yours is {why} (check({key!r}, {name}) "
          "says why). Run this cell again once it passes.")
    return ex.reference if ex.reference is not None else ex.solution


def hint(key: str) -> str:
    """A nudge towards the answer of exercise ``key`` (printed and returned)."""
    text = _get(key).hint
    print(f"Hint [{key}]: {text}")
    return text


def solution(key: str) -> Any:
    """The right answer of exercise ``key``, with its explanation. For teachers, and for
    learners who have really tried: looking is a choice, so it is never shown by `check`.

    For an exercise where the learner writes a function, prints the reference code and
    returns the reference function."""
    ex = _get(key)
    if isinstance(ex, CodeExercise):
        print(f"Solution [{key}]:\n\n{ex.answer}" + (f"\n\n{ex.explanation}" if ex.explanation else ""))
        return ex.solution
    print(f"Solution [{key}]: {ex.answer!r}" + (f"\n{ex.explanation}" if ex.explanation else ""))
    return ex.answer


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool)


def _type_problem(given: Any, expected: Any) -> str:
    if _is_number(expected):
        if isinstance(given, str):
            return "the answer is a number, but you gave text (remove the quotes)."
        if isinstance(given, np.ndarray) and given.ndim == 0:
            return ""
        if isinstance(given, np.ndarray) and given.size == 1:
            return (f"the answer is a number, but you gave an array of shape {given.shape} "
                    "holding one: take the number out with .item() or float(...).")
        if isinstance(given, complex) or np.iscomplexobj(given):
            return ("the answer is a real number, but you gave a complex one: the question asks "
                    "for a size, |z| (abs), or a real part.")
        if not _is_number(given):
            return f"the answer is a single number, but you gave a {type(given).__name__}."
        if not math.isfinite(float(given)):
            return f"the answer is a finite number, but you gave {given}."
    elif isinstance(expected, np.ndarray):
        shape = np.shape(given)
        if shape != expected.shape:
            return f"the answer is an array of shape {expected.shape}, but yours has shape {shape}."
    elif isinstance(expected, str) and not isinstance(given, str):
        return f"the answer is text (a str), but you gave a {type(given).__name__}."
    return ""


def _same(given: Any, expected: Any, rtol: float, atol: float) -> bool:
    if isinstance(expected, str):
        return isinstance(given, str) and given.strip().lower() == expected.strip().lower()
    if _is_number(expected) or isinstance(expected, np.ndarray):
        try:
            g = np.asarray(given, dtype=float)
        except (TypeError, ValueError):
            return False
        e = np.asarray(expected, dtype=float)
        if g.size == e.size == 1:  # a number, possibly wrapped in a 1-element array
            g, e = g.reshape(()), e.reshape(())
        return g.shape == e.shape and bool(np.allclose(g, e, rtol=rtol, atol=atol))
    if isinstance(expected, (set, frozenset)):
        try:
            return set(given) == set(expected)
        except TypeError:
            return False
    return bool(given == expected)


def _direction(given: Any, expected: Any) -> str:
    if _is_number(expected) and (_is_number(given) or np.size(given) == 1):
        return "Too large. " if float(np.asarray(given)) > float(expected) else "Too small. "
    return ""


def answer_key(chapter: str | None = None) -> str:
    """The teacher's answer key: every exercise of `chapter` ("ch03"; None: all) with its
    question, answer and explanation, as text. Computing an answer may train a model."""
    known = exercises()
    keys = sorted(k for k in known if chapter is None or k.split(".")[0] == chapter)
    if not keys:
        chapters = sorted({k.split(".")[0] for k in known})
        raise KeyError(f"No exercises for chapter {chapter!r}. Chapters with exercises: "
                       f"{', '.join(chapters)}.")
    lines = []
    for key in keys:
        ex = known[key]
        if isinstance(ex, CodeExercise):
            lines += [f"{key}: {ex.question}", "    answer (a function):",
                      textwrap.indent(ex.answer, "        ")]
        else:
            lines += [f"{key}: {ex.question}", f"    answer: {ex.answer!r}"]
        if ex.explanation:
            lines.append(f"    why: {ex.explanation}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m course.check --solutions [chNN ...]``: print the answer key for teachers."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m course.check",
        description="The course's self-checking exercises. Teachers: print the answers.")
    parser.add_argument("--solutions", nargs="*", metavar="CHAPTER",
                        help="print the answers of these chapters (ch00, ch03, ...); all when none")
    parser.add_argument("--list", action="store_true", help="list the exercises, no answers")
    args = parser.parse_args(argv)
    if args.list:
        for key, ex in sorted(exercises().items()):
            print(f"{key}: {ex.question}")
        return 0
    if args.solutions is None:
        parser.print_help()
        return 2
    try:
        for chapter in args.solutions or [None]:
            print(answer_key(chapter))
    except KeyError as err:
        print(err.args[0])
        return 2
    return 0


if __name__ == "__main__":
    # Run through the imported module: the chapters register their exercises there, not in
    # this file's copy that python -m runs as __main__.
    from course.check import main as _main
    raise SystemExit(_main())
