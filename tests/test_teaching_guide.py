"""The teacher's guide, docs/teaching.md, covers every chapter the way a teacher needs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course import check

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
    for needed in ("slideshow", "notes", "python -m course.check --solutions", "make html", "Binder"):
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
