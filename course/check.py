"""Self-checking exercises.

A notebook asks a question and leaves a line for the answer::

    answer = None   # replace None with your answer
    check("ch01.sevens", answer)

`check` says whether the answer is right. When it is wrong it says how (too big, the
wrong type, a common mistake it recognises) and points to `hint`; it never shows the
right answer. `solution` does, for a learner who has given up and for teachers.

Each exercise computes its own right answer from the course's data and functions when
it is first checked, so nothing is copied by hand. Chapters define their exercises in
``course/exercises/chNN.py`` with `exercise`.
"""

from __future__ import annotations

import html
import importlib
import math
import pkgutil
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

import numpy as np

__all__ = ["Exercise", "Feedback", "exercise", "check", "hint", "solution", "exercises", "answer_key"]

_REGISTRY: dict[str, "Exercise"] = {}


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
    """

    key: str
    question: str
    answer_fn: Callable[[], Any]
    hint: str
    rtol: float = 1e-6
    atol: float = 0.0
    mistakes: list[tuple[Callable[[Any], bool], str]] = field(default_factory=list)
    explanation: str = ""

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
             explanation: str = "") -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Decorator that registers the decorated function as the answer of an exercise."""
    def register(answer_fn: Callable[[], Any]) -> Callable[[], Any]:
        if key in _REGISTRY:
            raise ValueError(f"exercise {key!r} is defined twice.")
        _REGISTRY[key] = Exercise(key, question, answer_fn, hint, rtol, atol,
                                  list(mistakes or []), explanation)
        return answer_fn
    return register


def exercises() -> dict[str, Exercise]:
    """All registered exercises, by key (loads every chapter's exercise module)."""
    from . import exercises as package
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    return dict(_REGISTRY)


def _get(key: str) -> Exercise:
    known = exercises()
    if key not in known:
        close = [k for k in known if k.split(".")[0] == key.split(".")[0]]
        raise KeyError(f"No exercise called {key!r}. "
                       + (f"This chapter's exercises: {', '.join(sorted(close))}."
                          if close else f"Known exercises: {', '.join(sorted(known))}."))
    return known[key]


def check(key: str, answer: Any) -> Feedback:
    """Say whether ``answer`` is right for exercise ``key``, without revealing the answer."""
    ex = _get(key)
    if answer is None or answer is Ellipsis:
        return Feedback(key, None, "replace None with your answer, then run the cell again.")
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
    direction = _direction(answer, expected)
    return Feedback(key, False, f"{direction}Try again, or ask for a hint: hint({key!r}).")


def hint(key: str) -> str:
    """A nudge towards the answer of exercise ``key`` (printed and returned)."""
    text = _get(key).hint
    print(f"Hint [{key}]: {text}")
    return text


def solution(key: str) -> Any:
    """The right answer of exercise ``key``, with its explanation. For teachers, and for
    learners who have really tried: looking is a choice, so it is never shown by `check`."""
    ex = _get(key)
    print(f"Solution [{key}]: {ex.answer!r}" + (f"\n{ex.explanation}" if ex.explanation else ""))
    return ex.answer


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool)


def _type_problem(given: Any, expected: Any) -> str:
    if _is_number(expected):
        if isinstance(given, str):
            return "the answer is a number, but you gave text (remove the quotes)."
        if isinstance(given, np.ndarray) and given.size == 1:
            return ""
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
