"""The notebooks as files: each source .py has its executed learner's edition, the .ipynb.

The learner's edition (tools/build_notebooks.py) is the source without its speaker notes:
the same cells in the same order, less the cells of slide type ``notes``. Neither file
pairs itself with the other through jupytext (``formats``): a paired .ipynb would make
JupyterLab with jupytext show the .py's cells, notes included, in its place, and saving a
paired .py would write the notes into the .ipynb.

(Running them is nbval's job: pytest collects notebooks/*.ipynb with --nbval-lax.)
"""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from editions import is_notes, learner_cells

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.py"))
IPYNBS = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))


def _cells(nb):
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


def test_there_are_notebooks_and_each_has_both_twins():
    assert SOURCES, f"no notebooks found in {NOTEBOOKS}"
    assert [p.stem for p in SOURCES] == [p.stem for p in IPYNBS], \
        "every notebooks/NN_name.py needs an executed NN_name.ipynb and vice versa " \
        "(run 'make notebooks')"


def _metadata(cell) -> dict:
    return {k: v for k, v in cell.metadata.items() if k not in ("execution", "ExecuteTime")}


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_the_learners_notebook_has_no_speaker_notes(ipynb):
    cells = jupytext.read(ipynb).cells
    notes = [i for i, c in enumerate(cells) if is_notes(c)]
    assert not notes, (f"{ipynb.name} holds speaker notes (cells {notes[:10]}), which a learner would "
                       f"read: build it with 'make notebooks NB={ipynb.name[:2]}' (the learner's edition)")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_ipynb_is_its_source_without_the_speaker_notes(source):
    """Same cells, same order, same metadata (slide types, tags, tolerances): only the notes go."""
    ipynb = source.with_suffix(".ipynb")
    expected = learner_cells(source)
    actual = [c for c in jupytext.read(ipynb).cells]
    rebuild = f"run 'make notebooks NB={source.name[:2]}'"
    for i, (a, b) in enumerate(zip(expected, actual)):
        assert (a.cell_type, a.source.strip()) == (b.cell_type, b.source.strip()), \
            f"{ipynb.name} cell {i} differs from {source.name} without its notes: {rebuild}"
        assert _metadata(a) == _metadata(b), \
            f"{ipynb.name} cell {i}: its metadata differs from {source.name}'s: {rebuild}"
    assert len(expected) == len(actual), (f"{ipynb.name} has {len(actual)} cells, {source.name} without "
                                          f"its notes {len(expected)}: {rebuild}")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_learners_notebook_is_not_paired_with_its_source(source):
    ipynb = json.loads(source.with_suffix(".ipynb").read_text())
    formats = ipynb["metadata"].get("jupytext", {}).get("formats")
    assert not formats, (f"{source.with_suffix('.ipynb').name} is paired with {formats!r}: JupyterLab "
                         f"would load {source.name}'s cells, speaker notes included, in its place. "
                         f"Run 'make notebooks NB={source.name[:2]}'")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_source_does_not_pair_itself_with_the_learners_notebook(source):
    header = source.read_text().split("# ---", 2)[1] if source.read_text().startswith("# ---") else ""
    assert "formats:" not in header, (f"{source.name}'s header pairs it with the .ipynb ('formats: "
                                      "ipynb,py:percent'): saving it in JupyterLab would write the speaker "
                                      "notes into the learner's .ipynb. Delete that line of the header.")


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_committed_notebook_is_executed_clean_and_small(ipynb):
    nb = json.loads(ipynb.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code), f"{ipynb.name} has cells that were not executed"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), \
        f"{ipynb.name} was not executed top to bottom in one go"
    errors = [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{ipynb.name} has an error output: {errors[0].get('ename')}"
    assert "widgets" not in nb["metadata"], f"{ipynb.name} stores widget state (make notebooks strips it)"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert ipynb.stat().st_size <= 2 * 1024 * 1024, f"{ipynb.name} is over the 2 MB budget"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_opens_with_a_title_and_ends_with_a_summary(source):
    cells = jupytext.read(source).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# "), \
        f"{source.name} must open with a markdown title"
    assert any(c.cell_type == "markdown" and "## Summary" in c.source for c in cells[-3:]), \
        f"{source.name} must close with a '## Summary'"


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_measured_claims_are_checked_by_nbval(ipynb):
    """At least one cell per notebook is compared by nbval, and markers are where nbval looks."""
    nb = jupytext.read(ipynb)
    checked = [c for c in nb.cells if "nbval-check-output" in c.metadata.get("tags", [])]
    assert checked, f"{ipynb.name}: no cell is tagged nbval-check-output"
    assert all(c.outputs for c in checked), f"{ipynb.name}: a checked cell has no output to compare"
    misplaced = [c for c in nb.cells if "NBVAL" in str(c.metadata.get("title", ""))]
    assert not misplaced, (f"{ipynb.name}: an NBVAL marker ended up as a cell title, where nbval "
                           "ignores it; write '# %% tags=[\"nbval-check-output\"]'")
