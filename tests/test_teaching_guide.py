"""The teacher's guide, docs/teaching.md, covers every chapter the way a teacher needs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course import check
from editions import teacher_edition

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teaching.md"
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
SUBSECTIONS = ["Learning goals", "Time in class", "Common misconceptions",
               "Discussion questions", "Exercises"]


def sections(text: str) -> dict[str, str]:
    """The guide's ``## `` sections by their first word (a notebook's stem)."""
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {part.split()[0]: part for part in parts}


def _chapter_key(stem: str) -> str:
    return "ch" + re.match(r"\d+[a-z]?", stem).group()


def test_the_guide_explains_slides_exercises_and_the_answer_key():
    text = GUIDE.read_text()
    for needed in ("slideshow", "notes", "make teacher", "build/teacher", "python -m course.check --solutions",
                   "make html", "Binder"):
        assert needed in text, f"docs/teaching.md does not mention {needed!r}"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_chapter_has_its_section_with_all_subsections(stem):
    found = sections(GUIDE.read_text())
    assert stem in found, f"docs/teaching.md has no '## {stem} — ...' section"
    headings = re.findall(r"^### (.+?)\s*$", found[stem], flags=re.M)
    assert headings == SUBSECTIONS, f"{stem}: subsections {headings}, expected {SUBSECTIONS}"
    minutes = re.search(r"### Time in class(.*?)###", found[stem], flags=re.S).group(1)
    assert re.search(r"\d+[\s-]*min", minutes), f"{stem}: 'Time in class' gives no minutes"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_exercise_of_a_chapter_is_in_its_section(stem):
    section = sections(GUIDE.read_text()).get(stem, "")
    keys = [k for k in check.exercises() if k.split(".")[0] == _chapter_key(stem)]
    missing = [k for k in keys if k not in section]
    assert not missing, f"docs/teaching.md, section {stem}: exercises {missing} are not described"


def test_sections_are_in_teaching_order_and_name_real_chapters():
    found = list(sections(GUIDE.read_text()))
    chapters = [s for s in found if re.match(r"\d\d", s)]
    assert chapters == sorted(chapters), "chapter sections must follow the course's order"
    unknown = set(chapters) - set(CHAPTERS)
    assert not unknown or all((ROOT / "notebooks" / f"{s}.py").exists() for s in unknown), \
        f"docs/teaching.md has sections for chapters that do not exist: {sorted(unknown)}"


#: A number a teacher might quote from a run: decimals, a percentage, a thousands separator.
QUOTED = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?\s?%|(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+\.\d+")


def _normal(number: str) -> str:
    return number.replace(" ", "").replace("\u202f", "")


def notebook_numbers(stem: str) -> set[str]:
    """Every number the chapter's teacher's edition shows (the executed source with its
    speaker notes, which the guide may quote): in its sources and its outputs (printed text
    and computed Markdown)."""
    nb = json.loads(teacher_edition(stem).read_text())
    # and the committed learner's notebook: the reference run the guide quotes, which another
    # processor or Python, executing the teacher's edition here, computes a little differently
    learner = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text())
    parts = []
    for cell in nb["cells"] + learner["cells"]:
        parts.append("".join(cell.get("source", "")))
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            for mime in ("text/plain", "text/markdown", "text/html"):
                parts.append("".join(out.get("data", {}).get(mime, "")))
    return {_normal(n) for n in QUOTED.findall("\n".join(parts))}


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_number_the_guide_quotes_is_one_the_chapter_shows(stem):
    """The guide goes stale when a notebook is re-executed with other numbers: a number it
    quotes for a chapter must be one that chapter's executed notebook prints or states,
    in its text, its outputs or its speaker notes (the teacher's edition)."""
    section = sections(GUIDE.read_text()).get(stem, "")
    section = re.sub(r"`[^`]*`", "", section)        # code spans quote code, not results
    shown = notebook_numbers(stem)
    stale = sorted({n for n in QUOTED.findall(section) if _normal(n) not in shown})
    assert not stale, (f"docs/teaching.md, section {stem}, quotes {stale}, which notebook {stem} "
                       "does not show (re-executed with other numbers?). Quote the notebook's "
                       "current numbers, or point to the cell that prints them.")


def test_the_stale_number_rule_can_fail():
    assert {_normal(n) for n in QUOTED.findall("it got 98.8 % of 4,000 digits in 2.5 s")} == \
        {"98.8%", "4,000", "2.5"}
