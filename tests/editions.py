"""The two editions of a chapter, for the tests (tools/build_notebooks.py builds them).

* The learner's edition is committed: notebooks/NN_name.ipynb, without speaker notes.
* The teacher's edition (every cell of the source, speaker notes included) is not: the
  tests that read notes build it once per test session with `teacher_edition`, executing
  the chapter's source as ``make teacher`` does, into a temporary folder.

To reuse editions already built by ``make teacher`` (quicker while working on the notes
tests), set ``COURSE_TEACHER_EDITION=build/teacher``: an edition there is used only when its
cells are exactly the source's (otherwise the chapter is built afresh).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.py"))
STEMS = [p.stem for p in SOURCES]

sys.path.insert(0, str(ROOT / "tools"))
import build_notebooks  # noqa: E402  (tools/build_notebooks.py: the editions' one recipe)

is_notes = build_notebooks.is_notes

_built: dict[str, Path] = {}
_folder: Path | None = None


def _cells(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source) for c in nb.cells]


def _reusable(stem: str) -> Path | None:
    folder = os.environ.get("COURSE_TEACHER_EDITION")
    if not folder:
        return None
    path = (ROOT / folder / f"{stem}.ipynb") if not Path(folder).is_absolute() else Path(folder) / f"{stem}.ipynb"
    if path.is_file() and _cells(nbformat.read(path, as_version=4)) == \
            _cells(jupytext.read(NOTEBOOKS / f"{stem}.py")):
        return path
    return None


def teacher_edition(stem: str) -> Path:
    """The executed teacher's edition of chapter `stem` (built once per test session)."""
    global _folder
    if stem in _built:
        return _built[stem]
    path = _reusable(stem)
    if path is None:
        if _folder is None:
            _folder = Path(tempfile.mkdtemp(prefix="teacher-edition-"))
            atexit.register(shutil.rmtree, _folder, True)
        try:
            build_notebooks.build(NOTEBOOKS / f"{stem}.py", teacher=True, out=_folder)
        except SystemExit as stop:  # the tool's own message
            raise AssertionError(f"the teacher's edition of {stem} cannot be built: {stop}") from None
        path = _folder / f"{stem}.ipynb"
    _built[stem] = path
    return path


def learner_cells(source: Path) -> list:
    """The cells the learner's edition must have: the source's, without its notes."""
    return [c for c in jupytext.read(source).cells if not is_notes(c)]
