"""The notebooks as files: each .py has its executed .ipynb twin with the same cells.

(Running them is nbval's job: pytest collects notebooks/*.ipynb with --nbval-lax.)
"""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

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


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_ipynb_has_the_same_cells_as_its_py_twin(source):
    ipynb = source.with_suffix(".ipynb")
    py_cells = _cells(jupytext.read(source))
    nb_cells = _cells(jupytext.read(ipynb))
    for i, (a, b) in enumerate(zip(py_cells, nb_cells)):
        assert a == b, f"{ipynb.name} cell {i} differs from {source.name}: run 'make notebooks NB={source.name[:2]}'"
    assert len(py_cells) == len(nb_cells), f"{ipynb.name} and {source.name} have different numbers of cells"


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
