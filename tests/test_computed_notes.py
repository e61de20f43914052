"""Speaker notes follow the numbers: when the data changes, a checked output changes, and the
notes that quote it change with it instead of going stale.

Chapter 0's teacher's edition (its source with the notes, tests/editions.py) is executed on
a different data set (every tenth training digit dropped) and compared with the teacher's
edition as built from the bundled data.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import numpy as np
from nbclient import NotebookClient

from course.data import load_mnist
from course.prose import span
from course.reproducible import pin_numerics
from editions import build_notebooks, teacher_edition
from test_slides import notes_text, slide_type

ROOT = Path(__file__).resolve().parents[1]
STEM = "00_start_here"

FEWER_DIGITS = '''
import numpy as _np
import course.data as _data
_load = _data.load_mnist
def _fewer(*args, **kwargs):
    d = _load(*args, **kwargs)
    keep = _np.arange(len(d.y_train)) % 10 != 0
    return _data.MNIST(d.x_train[keep], d.y_train[keep], d.x_test, d.y_test, d.source)
_data.load_mnist = _fewer
'''


def _text(cell) -> str:
    if slide_type(cell) == "notes":
        return notes_text(cell)
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text))


def test_notes_change_when_the_numbers_they_quote_change(tmp_path):
    committed = nbformat.read(teacher_edition(STEM), as_version=4)
    changed = build_notebooks.edition(ROOT / "notebooks" / f"{STEM}.py", teacher=True)
    assert any(slide_type(c) == "notes" for c in changed.cells), "the teacher's edition has no notes"
    changed.cells.insert(0, nbformat.v4.new_code_cell(FEWER_DIGITS))
    NotebookClient(changed, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}
                   ).execute(env=pin_numerics(dict(__import__("os").environ)))  # the kernel's env
    changed.cells.pop(0)
    checked = [i for i, c in enumerate(committed.cells)
               if "nbval-check-output" in c.metadata.get("tags", [])]
    moved = [i for i in checked if _text(committed.cells[i]) != _text(changed.cells[i])]
    assert moved, "dropping a tenth of the training digits changed no checked output"
    for i in moved:
        gone = _numbers(_text(committed.cells[i])) - _numbers(_text(changed.cells[i]))
        new = _numbers(_text(changed.cells[i])) - _numbers(_text(committed.cells[i]))
        note = next(j for j in range(i + 1, len(committed.cells))
                    if slide_type(committed.cells[j]) == "notes")
        before, after = _text(committed.cells[note]), _text(changed.cells[note])
        if _numbers(before) & gone:
            assert not _numbers(after) & gone, \
                f"cell {note}'s notes still quote {sorted(_numbers(after) & gone)} after the data changed"
            assert _numbers(after) & new, f"cell {note}'s notes do not quote the new numbers {sorted(new)}"
    # The notes that quote the training digits per class now give the new counts.
    y = load_mnist("bundled", verbose=False).y_train
    per_class = span(np.bincount(y[np.arange(len(y)) % 10 != 0]))
    assert any(f"{per_class} per class to train on" in _text(c)
               for c in changed.cells if slide_type(c) == "notes"), per_class
