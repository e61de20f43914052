"""Compare a checked cell's output with its committed output, numbers within a declared tolerance.

Most checked cells print what is exact (counts, data statistics, a deterministic numpy
result): nbval compares them character for character. A cell that prints what a training
run or another floating-point-path-dependent computation gives declares a tolerance in its
metadata, which a learner never sees (jupytext writes it on the cell's ``# %%`` line):

    # %% tags=["nbval-check-output"] tolerance={"accuracy \\d+\\.\\d%": "ch02.classic"}

``tolerance`` maps a regular expression to a tolerance. Every number inside a match of the
expression (inside its first group that took part, if it has groups; the first rule that covers a number
wins) may differ from the committed number by at most its tolerance; every other character
of the output, words, verdicts and the numbers no rule covers, must be the same. In the
notebooks a tolerance is the name of an entry of ``course/results/spread.json``,
measured by ``benchmarks/spread.py`` (several seeds on two floating-point paths): one
tolerance for each number the rule covers, in printed order, 1.5 times the range that
number took over the runs. The one exception is a bare number no larger than one unit of
the last printed digit: an exact result (no training) whose rounding in that digit depends
on the BLAS kernels (a test checks that no notebook types a larger number).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SPREAD_FILE = Path(__file__).resolve().parents[1] / "course" / "results" / "spread.json"
SANITIZE_FILE = Path(__file__).resolve().parent / "nbval_sanitize.cfg"

#: A number as the notebooks print it: 13,002 or 92.4 or 3.7e-05 (signs stay text).
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@lru_cache(maxsize=1)
def _sanitizers() -> tuple[tuple[re.Pattern, str], ...]:
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.read(SANITIZE_FILE)
    return tuple((re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections())


def sanitised(text: str) -> str:
    """``text`` with nbval's sanitizers applied (nbval_sanitize.cfg: wall times, progress
    bars, addresses), as nbval compares it; numbers are counted after this."""
    for pattern, replace in _sanitizers():
        text = pattern.sub(replace, text)
    return text


@lru_cache(maxsize=4)
def _spread(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        raise FileNotFoundError(f"{file} is missing: run 'python benchmarks/spread.py' (make benchmarks) to measure it.")
    return json.loads(file.read_text())


def resolve(value, spread_file: Path = SPREAD_FILE) -> float | list[float]:
    """A rule's tolerance: a number, or the spread entry's measured ``tolerance`` (one number,
    or one per number the rule covers, in the order they are printed)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    if isinstance(value, str):
        entries = _spread(str(spread_file))["entries"]
        if value not in entries:
            raise KeyError(f"tolerance names '{value}', which {spread_file.name} does not measure: "
                           f"run 'python benchmarks/spread.py' for its notebook (known: {', '.join(sorted(entries))}).")
        tol = entries[value]["tolerance"]
        return [float(t) for t in tol] if isinstance(tol, list) else float(tol)
    raise ValueError(f"a tolerance is a number >= 0 or a name in {spread_file.name}, got {value!r}.")


def _span(m: re.Match) -> tuple[int, int]:
    """The part of a match a rule covers: its first group that took part, or all of it."""
    for i in range(1, (m.re.groups or 0) + 1):
        if m.start(i) != -1:
            return m.span(i)
    return m.span()


def covered(text: str, rules: dict) -> list[tuple[re.Match, str | None, int]]:
    """Every number of ``text``, with the first rule (its key) that covers it and its position
    among the numbers that rule covers; ``(number, None, -1)`` where no rule does."""
    spans = []
    for pattern in rules:
        for m in re.finditer(pattern, text):
            spans.append((*_span(m), pattern))
    counts: dict[str, int] = {}
    out = []
    for n in NUMBER.finditer(text):
        rule = next((p for p in rules for s, e, q in spans if q == p and s <= n.start() and n.end() <= e), None)
        if rule is None:
            out.append((n, None, -1))
        else:
            out.append((n, rule, counts.get(rule, 0)))
            counts[rule] = counts.get(rule, 0) + 1
    return out


def _as_float(text: str) -> float:
    return float(text.replace(",", ""))


def snap(reference: str, fresh: str, rules: dict) -> str:
    """``fresh`` with each number that a rule covers (in ``reference``) replaced by the
    reference's text when the two are within the rule's tolerance.

    The result equals ``reference`` exactly when the outputs agree up to the tolerances;
    The spaces that pad a column to the width of its number may differ too (only when no
    number is out of tolerance does this matter).
    Otherwise the numbers out of tolerance (and any text that differs) stay as computed,
    so the usual comparison shows them. Outputs with different numbers of numbers, or
    different text between them, are returned unchanged.
    """
    if not rules or reference == fresh:
        return fresh
    reference, fresh = sanitised(reference), sanitised(fresh)
    ref_numbers = list(NUMBER.finditer(reference))
    new_numbers = list(NUMBER.finditer(fresh))
    if len(ref_numbers) != len(new_numbers):
        return fresh
    tolerances = {pattern: resolve(value) for pattern, value in rules.items()}
    pieces, last_new = [], 0
    last_ref = 0
    for (r, rule, k), n in zip(covered(reference, rules), new_numbers):
        pieces.append(_same_words(reference[last_ref:r.start()], fresh[last_new:n.start()]))
        last_ref = r.end()
        tol = tolerances.get(rule)
        if isinstance(tol, list):
            tol = tol[k] if k < len(tol) else max(tol, default=0.0)
        close = tol is not None and abs(_as_float(r.group()) - _as_float(n.group())) <= tol + 1e-12
        pieces.append(r.group() if close else n.group())
        last_new = n.end()
    pieces.append(_same_words(reference[last_ref:], fresh[last_new:]))
    return "".join(pieces)


def _same_words(reference: str, fresh: str) -> str:
    """The reference's text where the two differ only in spaces (a column padded to the
    width of its number), else the fresh text."""
    return reference if re.sub(" +", " ", reference) == re.sub(" +", " ", fresh) else fresh
