"""What a learner must not see before answering: the answers and the speaker notes.

`needles(stem, teacher_cells)` lists, for one chapter, the texts whose presence on a page
shows a learner something that is not theirs to see yet; `found(text, needles)` says
which of them a page's text contains, and where. Used on JupyterLab's page
(tests/test_learner_view.py) and on the static course (tests/test_html.py).

What is searched:

* Every exercise of the chapter (``course.check.exercises()``, keys ``chNN.*``):
  - a number answer in the forms a notebook prints it: ``23860`` and ``23,860``; a
    fraction as itself rounded to 3 or more decimals' significant digits (``0.808``,
    ``0.8075``) and as a percentage (``80.8 %``, ``80.8%``); every rounding with at least
    3 significant digits, never standing inside a longer number;
  - a text answer of at least 4 letters, as a whole word;
  - a function to write: every line of the reference solution's body (its comment
    left out) longer than 25 characters, spaces collapsed.
* Speaker notes (cells of slide type ``notes`` in the teacher's edition): the markers
  ``Say:``, ``Ask:``, ``Expect:``, ``Do:``, and every sentence of every notes cell (typed
  or computed) longer than 30 characters, compared word by word (the Markdown's markup and
  the page's tags differ); a sentence with mathematics is searched as its stretches of
  words between the formulas that are longer than 30 characters (a typeset formula's text
  is not the source's).

What cannot be searched, and why:

* numbers with fewer than 3 significant digits (4, 66, 0.1, 2.0, 2.8, 0.5): they stand
  everywhere in a chapter (axis ticks, 28 × 28, "2 hidden layers"), so a match would mean
  nothing;
* answers that are a class label (``categorical`` exercises answered by a digit): one digit;
* text answers shorter than 4 letters, or that the question itself offers as a choice
  (``'same' or 'different'``): the question shows them by design;
* answers that are arrays, sets or pairs: no one printed form;
* solution lines of 25 characters or fewer (``return x.sum()``): the chapter's own code
  has such lines for other reasons.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np

MARKERS = ("Say:", "Ask:", "Expect:", "Do:")
MIN_SIGNIFICANT = 3
MIN_WORD_LETTERS = 4
MIN_CODE_LINE = 25
MIN_SENTENCE = 30


@dataclass(frozen=True)
class Needle:
    """One thing that must not be on the page: ``what`` it is, and the ``forms`` it may take;
    ``kind`` is how to match: "number", "word", "code", "words" (a sentence), "marker"."""

    what: str
    forms: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Found:
    needle: Needle
    form: str
    context: str

    def __str__(self) -> str:
        return f"{self.needle.what}: {self.form!r} in ...{self.context}..."


# --------------------------------------------------------------------------- answers


def significant(number: str) -> int:
    """Significant digits of a printed number, trailing zeros not counted:
    '0.0707' 3, '23,860' 4, '112.0' 3, '784' 3, '2.80' 2, '100' 1."""
    s = number.replace(",", "").lstrip("-")
    whole, _, frac = s.partition(".")
    digits = (whole + frac.rstrip("0")).lstrip("0")
    return len(digits.rstrip("0")) if not frac.rstrip("0") else len(digits)


def number_forms(value) -> list[str]:
    """The printed forms of a number answer that have at least `MIN_SIGNIFICANT`
    significant digits (roundings, thousands separators, percentages)."""
    if isinstance(value, (bool, np.bool_)):
        return []
    forms: list[str] = []
    if isinstance(value, (int, np.integer)) or (isinstance(value, (float, np.floating))
                                                 and float(value).is_integer() and abs(value) >= 1):
        n = int(value)
        for form in (str(n), f"{n:,}"):
            if significant(form) >= MIN_SIGNIFICANT and form not in forms:
                forms.append(form)
        return forms
    x = float(value)
    if not np.isfinite(x):
        return []
    for d in range(0, 7):
        form = f"{x:.{d}f}"
        if significant(form) >= MIN_SIGNIFICANT and form not in forms:
            forms.append(form)
        if np.isclose(float(form), x, rtol=1e-9, atol=0):
            break
    if 0 < abs(x) <= 1:
        for d in range(0, 4):
            p = f"{100 * x:.{d}f}"
            if significant(p) >= MIN_SIGNIFICANT:
                forms += [f for f in (f"{p} %", f"{p}%", f"{p}\u202f%", f"{p}\u00a0%") if f not in forms]
            if np.isclose(float(p), 100 * x, rtol=1e-9, atol=0):
                break
    return forms


def solution_lines(code: str) -> list[str]:
    """The body's lines of a solution, comments dropped, longer than `MIN_CODE_LINE`."""
    lines = []
    for line in code.splitlines()[1:]:  # the first line is the def, which the template shows
        stripped = re.sub(r"\s+#.*$", "", line).strip()
        if stripped.startswith("#") or stripped.startswith(('"""', "'''")):
            continue
        if len(stripped) > MIN_CODE_LINE:
            lines.append(" ".join(stripped.split()))
    return lines


def answer_needles(chapter: str) -> tuple[list[Needle], list[str]]:
    """(needles, what cannot be searched) for the exercises of `chapter` ("ch01")."""
    from course.check import CodeExercise, exercises

    needles, unsearched = [], []
    for key, ex in sorted(exercises().items()):
        if key.split(".")[0] != chapter:
            continue
        if isinstance(ex, CodeExercise):
            lines = solution_lines(ex.answer)
            if lines:
                needles.append(Needle(f"{key} (the solution's code)", tuple(lines), "code"))
            else:
                unsearched.append(f"{key}: no line of its solution is longer than {MIN_CODE_LINE} characters")
            continue
        answer = ex.answer
        if isinstance(answer, str):
            words = answer.strip()
            offered = re.search(rf"\b{re.escape(words)}\b", ex.question, flags=re.I)
            if len(re.sub(r"[^A-Za-z]", "", words)) < MIN_WORD_LETTERS or offered:
                unsearched.append(f"{key}: the text answer {words!r} is "
                                  + ("offered by the question" if offered else "too short"))
            else:
                needles.append(Needle(f"{key} (the answer)", (words,), "word"))
            continue
        if getattr(ex, "categorical", False) or not isinstance(answer, (int, float, np.integer, np.floating)):
            unsearched.append(f"{key}: the answer {answer!r} is a class or not one number")
            continue
        forms = number_forms(answer)
        if forms:
            needles.append(Needle(f"{key} (the answer {answer!r})", tuple(forms), "number"))
        else:
            unsearched.append(f"{key}: the answer {answer!r} has fewer than {MIN_SIGNIFICANT} significant digits")
    return needles, unsearched


# --------------------------------------------------------------------------- notes


def words(text: str) -> str:
    """Text as its words, lower case, one space apart: markup and tags make no difference."""
    return " ".join(re.findall(r"\w+", text.lower()))


def sentences(markdown: str) -> list[str]:
    """A note's sentences, or for a sentence with mathematics its stretches between formulas,
    each longer than `MIN_SENTENCE` characters once the markup is gone."""
    text = re.sub(r"\$\$.*?\$\$", "\x00", markdown, flags=re.S)
    text = re.sub(r"\$[^$\n]*\$", "\x00", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)       # a link: its words
    text = re.sub(r"\*\*(Say|Ask|Expect|Do):\*\*", " ", text)   # the markers, searched apart
    found = []
    for sentence in re.split(r"(?<=[.?!])\s+|\n\s*\n|\n\s*[-*] ", text):
        for stretch in sentence.split("\x00"):
            plain = " ".join(re.sub(r"[*`_]", "", stretch).split())
            if len(plain) > MIN_SENTENCE and len(words(plain).split()) >= 4:
                found.append(plain)
    return found


def cell_text(cell: dict) -> str:
    """A cell's source and the text of its outputs (printed, Markdown, HTML)."""
    parts = ["".join(cell.get("source", ""))]
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append("".join(out.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def notes_needles(cells: list[dict], notes_text) -> list[Needle]:
    """Needles for the speaker notes among `cells` (the teacher's edition's cells);
    `notes_text(cell)` is a notes cell's text (typed, or the Markdown it printed).

    A sentence that the chapter's other cells also say (a note that reads out a printout)
    is no secret, and is not searched."""
    def is_notes(cell):
        return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"

    shared = " " + words("\n".join(html_text(cell_text(c)) for c in cells if not is_notes(c))) + " "
    needles = [Needle("a speaker-notes marker", MARKERS, "marker")]
    for i, cell in enumerate(cells):
        if not is_notes(cell):
            continue
        for sentence in sentences(notes_text(cell)):
            if " " + words(sentence) + " " not in shared:
                needles.append(Needle(f"speaker notes (cell {i} of the source)", (sentence,), "words"))
    return needles


# --------------------------------------------------------------------------- search


def html_text(markup: str) -> str:
    """The text a browser shows for an HTML page (scripts and styles dropped)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    markup = re.sub(r"<br\s*/?>|</(p|div|li|tr|h\d|pre)>", "\n", markup, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(text[max(0, start - width):end + width].split())


_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def found(text: str, needles: list[Needle]) -> list[Found]:
    """Which needles `text` (a page's text) contains, each with the form found and its context."""
    hits = []
    text = _DATA_URI.sub(" ", text)     # an embedded picture's bytes are not text anyone reads
    flat = " ".join(text.split())
    plain = words(text)
    for needle in needles:
        for form in needle.forms:
            if needle.kind == "number":
                pattern = rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)"
                m = re.search(pattern, flat)
            elif needle.kind == "word":
                m = re.search(rf"\b{re.escape(form)}\b", flat, flags=re.I)
            elif needle.kind == "marker":
                m = re.search(rf"(?<!\w){re.escape(form)}", flat)
            elif needle.kind == "code":
                m = re.search(re.escape(" ".join(form.split())), flat)
            else:  # words of a sentence
                target = words(form)
                at = (" " + plain + " ").find(" " + target + " ")
                if at >= 0:
                    hits.append(Found(needle, form, _context(plain, at, at + len(target))))
                    break
                continue
            if m:
                source = flat
                hits.append(Found(needle, form, _context(source, m.start(), m.end())))
                break
    return hits
