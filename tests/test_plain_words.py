"""Words a learner knows: no internal names in anything a learner or a teacher reads.

The course grew from five original experiments (a slide deck, two blog posts and two
videos). Learners never saw the project's notes about them, so the course never calls them
"seed 003", "the seed", "the lecture" or "the issue": chapter 0 introduces them once, in
plain words, and the chapters name each one by what it is ("the original fooling
experiment"). A random-number seed is "the random seed".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

INTERNAL = [
    (re.compile(r"\bseed[ _-]?00\d\b", re.I), "a seed document's number"),
    (re.compile(r"\bthe seed(?:'s|s)?\b", re.I), "'the seed' (name the original experiment, or say 'the random seed')"),
    (re.compile(r"\b(?:the|our|a) lecture(?:'s)?\b", re.I), "'the lecture' (say 'the classic network' or 'the original slides')"),
    (re.compile(r"\bthe issue(?:'s)?\b", re.I), "'the issue' (learners never saw the project's issues)"),
    (re.compile(r"shared/seeds|seeds/README", re.I), "a path to the project's seed documents"),
]


def learner_facing_files() -> list[Path]:
    """Notebooks (sources and executed, with outputs: the slides and the static course are
    made from them), README, docs, the package (docstrings, widget labels, messages), the
    static course's builder and Binder's set-up."""
    files = [ROOT / "README.md"]
    files += sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.py"))
    files += sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
    files += sorted((ROOT / "docs").rglob("*.md"))
    files += sorted((ROOT / "course").rglob("*.py"))
    files += [ROOT / "tools" / "build_html.py"]
    files += sorted(p for p in (ROOT / "binder").iterdir() if p.is_file())
    return [f for f in files if f.exists()]


def _text(path: Path) -> str:
    if path.suffix != ".ipynb":
        return path.read_text()
    nb = json.loads(path.read_text())
    parts = []
    for cell in nb["cells"]:
        parts.append("".join(cell.get("source", "")))
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append("".join(value))
    return "\n".join(parts)


def internal_names(text: str) -> list[tuple[int, str, str]]:
    """(line number, the words found, what they are) for each internal name in ``text``."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in INTERNAL:
            for match in pattern.finditer(line):
                found.append((number, match.group(), what))
    return found


@pytest.mark.parametrize("path", learner_facing_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_internal_names_in_learner_facing_text(path):
    found = internal_names(_text(path))
    assert not found, (f"{path.relative_to(ROOT)} uses names learners never saw: "
                       + "; ".join(f"line {n}: {w!r} ({what})" for n, w, what in found[:8]))


def test_the_rule_catches_each_kind_of_internal_name():
    text = ("As Seed 003 showed,\nthe seed's figure\nthe lecture's settings\nthe issue's targets\n"
            "see shared/seeds/README.md")
    assert [n for n, _, _ in internal_names(text)] == [1, 2, 3, 4, 5]
    assert not internal_names("the random seed 0; seed=3; the original fooling experiment; "
                              "issues 119 and 126 of the RISE project")


def test_chapter_0_introduces_the_original_experiments_in_plain_words():
    text = (ROOT / "notebooks" / "00_start_here.py").read_text()
    assert "## Where the experiments come from" in text
    for name in ("the classic network", "the templates post", "the fooling post", "the original fooling experiment",
                 "the introductory slides", "the Fourier fitness video", "the eigenvector-network video"):
        assert name in text, f"chapter 0 does not introduce {name!r}"
