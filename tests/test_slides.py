"""Lecture mode: every notebook is also a slideshow (RISE), with speaker notes.

The slides are the teacher's edition of a chapter (``make teacher``: build/teacher/NN.ipynb,
the whole source with its notes, executed); the learner's notebooks/NN.ipynb has no notes.
The conventions, checked here on the teacher's edition (the file RISE reads), built once
per test session (tests/editions.py):

* Every cell has ``metadata.slideshow.slide_type``: ``slide`` (a new slide), ``subslide``
  (a slide below it), ``fragment`` (appears on the next key press), ``-`` (shown with
  the cell before it), ``skip`` (not shown) or ``notes`` (speaker notes).
* The title cell opens the first slide.
* Slides show figures and widgets, not plumbing: a code cell that draws a figure or a
  widget is shown; a code cell with no output at all is skipped, unless it defines a
  function: the chapter's algorithm, written out to be read.
* No slide holds more than a screenful of source: `MAX_LINES` lines of at most
  `WIDTH` characters (longer lines count as several) over its shown cells.
* Every slide carries speaker notes, and the notes ask the room questions with their
  expected answers: ``**Ask:** ...`` followed in the same cell by ``**Expect:** ...``.
* Notes that quote a result are computed: a code cell (source hidden) that ends with
  ``md(f"...")`` formats them from the variables the slide computed (`course.prose`). A
  Markdown notes cell holds no number with decimals, a percentage or a thousands
  separator, unless it says the number is an example.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import jupytext
import pytest

from editions import STEMS, learner_cells, teacher_edition

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
IPYNBS = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))

SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
MAX_LINES = 25
WIDTH = 100
MIN_QUESTIONS = 3
SHOWN_MIMES = ("image/png", "image/svg+xml", "application/vnd.jupyter.widget-view+json")


def slide_type(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def screen_lines(source: str) -> int:
    """Lines the source takes on a slide `WIDTH` characters wide."""
    return sum(max(1, math.ceil(len(line) / WIDTH)) for line in source.strip().splitlines())


def slides(cells: list[dict]) -> list[list[tuple[int, dict]]]:
    """The cells grouped by slide (a slide or subslide and the cells after it)."""
    groups: list[list[tuple[int, dict]]] = []
    for i, cell in enumerate(cells):
        if slide_type(cell) in ("slide", "subslide") or not groups:
            groups.append([])
        groups[-1].append((i, cell))
    return groups


def shows_an_algorithm(source: str) -> bool:
    """Does the cell define a function (the algorithm written out, worth a slide)?"""
    return bool(re.search(r"^(?:@.+\n)*def \w+\(", source, flags=re.M))


def _source(cell: dict) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def _shown_text(cell: dict) -> str:
    """What a cell puts on a slide as text: its source, or for a cell whose code is
    collapsed (prose computed with md), the Markdown it printed."""
    if cell.get("metadata", {}).get("jupyter", {}).get("source_hidden"):
        return notes_text({**cell, "cell_type": "code"})
    return _source(cell)


def notes_text(cell: dict) -> str:
    """What a notes cell says: a Markdown cell's source, or the Markdown a code cell printed."""
    if cell["cell_type"] == "markdown":
        return _source(cell)
    parts = []
    for out in cell.get("outputs", []):
        text = out.get("data", {}).get("text/markdown")
        if text:
            parts.append("".join(text) if isinstance(text, list) else text)
    return "\n".join(parts)


#: A number that is the result of a computation: decimals, a percentage, or a thousands
#: separator (not one after "=", which sets a parameter, and not inside `code` or $math$).
COMPUTED_NUMBER = re.compile(r"(?<![\w.=≈<>≤≥])(?:\d+(?:\.\d+)?\s?%|\d{1,3}(?:,\d{3})+|\d+\.\d+)")


def typed_numbers(markdown: str) -> list[str]:
    """The computed-looking numbers typed into Markdown (outside code spans and maths)."""
    if re.search(r"\bexample\b", markdown, flags=re.I):
        return []
    text = re.sub(r"`[^`]*`", "", markdown)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", "", text)
    return COMPUTED_NUMBER.findall(text)


def _load(ipynb: Path) -> list[dict]:
    return json.loads(ipynb.read_text())["cells"]


def test_there_are_notebooks_to_present():
    assert STEMS, f"no notebook sources in {NOTEBOOKS}"


@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_has_a_slide_type(stem):
    check_every_cell_has_a_slide_type(teacher_edition(stem))


def check_every_cell_has_a_slide_type(ipynb: Path) -> None:
    cells = _load(ipynb)
    missing = [i for i, c in enumerate(cells) if slide_type(c) not in SLIDE_TYPES]
    assert not missing, (f"{ipynb.name}: cells {missing[:10]} have no valid slide type "
                         f"(one of {sorted(SLIDE_TYPES)}); add slideshow={{\"slide_type\": ...}} "
                         "to their '# %%' line in the .py and run tools/build_notebooks.py "
                         "--no-execute")
    assert slide_type(cells[0]) == "slide", f"{ipynb.name}: the title cell must open a slide"


@pytest.mark.parametrize("stem", STEMS)
def test_figures_and_widgets_are_shown_and_plumbing_is_skipped(stem):
    check_figures_and_widgets_are_shown_and_plumbing_is_skipped(teacher_edition(stem))


def check_figures_and_widgets_are_shown_and_plumbing_is_skipped(ipynb: Path) -> None:
    for i, cell in enumerate(_load(ipynb)):
        if cell["cell_type"] != "code":
            continue
        outputs = cell.get("outputs", [])
        draws = any(m in o.get("data", {}) for o in outputs for m in SHOWN_MIMES) \
            or any("course_figure" in o.get("metadata", {}) for o in outputs)  # plotting.show
        if draws:
            assert slide_type(cell) not in ("skip", "notes"), \
                f"{ipynb.name} cell {i} draws a figure or a widget but is hidden from the slides"
        if not outputs and not shows_an_algorithm(_source(cell)):
            assert slide_type(cell) == "skip", \
                f"{ipynb.name} cell {i} has no output (plumbing): mark it slide_type 'skip'"


@pytest.mark.parametrize("stem", STEMS)
def test_no_slide_holds_more_than_a_screenful(stem):
    check_no_slide_holds_more_than_a_screenful(teacher_edition(stem))


def check_no_slide_holds_more_than_a_screenful(ipynb: Path) -> None:
    for group in slides(_load(ipynb)):
        shown = [(i, c) for i, c in group if slide_type(c) not in ("skip", "notes")]
        lines = sum(screen_lines(_shown_text(c)) for _, c in shown)
        first = group[0][0]
        assert lines <= MAX_LINES, (f"{ipynb.name}: the slide starting at cell {first} shows "
                                    f"{lines} lines of source (at most {MAX_LINES}); split it "
                                    "with a subslide, or skip prose the speaker notes cover")


@pytest.mark.parametrize("stem", STEMS)
def test_every_slide_has_speaker_notes_with_questions_for_the_room(stem):
    check_every_slide_has_speaker_notes_with_questions_for_the_room(teacher_edition(stem))


def check_every_slide_has_speaker_notes_with_questions_for_the_room(ipynb: Path) -> None:
    cells = _load(ipynb)
    top = []  # slides proper: a slide and its subslides share notes
    for i, cell in enumerate(cells):
        if slide_type(cell) == "slide" or not top:
            top.append([])
        top[-1].append((i, cell))
    for group in top:
        notes = [c for _, c in group if slide_type(c) == "notes"]
        assert notes and all(notes_text(c).strip() for c in notes), \
            f"{ipynb.name}: the slide starting at cell {group[0][0]} has no speaker notes " \
            "(a markdown cell, or a code cell ending with md(...), with slide_type 'notes')"
    questions = [c for c in cells if slide_type(c) == "notes"
                 and "**Ask:**" in notes_text(c)
                 and "**Expect:**" in notes_text(c).split("**Ask:**", 1)[1]]
    assert len(questions) >= MIN_QUESTIONS, \
        f"{ipynb.name}: {len(questions)} notes ask the room a question ('**Ask:** ... " \
        f"**Expect:** ...'); write at least {MIN_QUESTIONS}"


@pytest.mark.parametrize("stem", STEMS)
def test_notes_that_quote_results_are_computed(stem):
    check_notes_that_quote_results_are_computed(teacher_edition(stem))


def check_notes_that_quote_results_are_computed(ipynb: Path) -> None:
    for i, cell in enumerate(_load(ipynb)):
        if slide_type(cell) != "notes":
            continue
        if cell["cell_type"] == "code":
            assert cell.get("metadata", {}).get("jupyter", {}).get("source_hidden"), \
                f"{ipynb.name} cell {i}: computed notes keep their code collapsed " \
                "(jupyter={\"source_hidden\": true} on the '# %%' line)"
            assert notes_text(cell).strip(), f"{ipynb.name} cell {i}: the notes cell printed no Markdown"
            continue
        typed = typed_numbers(_source(cell))
        assert not typed, (f"{ipynb.name} cell {i}: speaker notes type results by hand "
                           f"({', '.join(typed[:5])}); format them from the cell's variables "
                           "with md(f\"...\") (course.prose), or say they are an example")


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_learners_notebook_carries_the_sources_slide_types(ipynb):
    source = ipynb.with_suffix(".py")
    a = [c.metadata.get("slideshow", {}).get("slide_type") for c in learner_cells(source)]
    b = [slide_type(c) for c in _load(ipynb)]
    assert a == b, (f"{ipynb.name} and {source.name} (without its notes) disagree on slide types: run "
                    f"'python tools/build_notebooks.py --no-execute {ipynb.name[:2]}'")


def test_rise_is_installed_with_the_course():
    text = (ROOT / "pyproject.toml").read_text()
    assert "jupyterlab-rise" in text, "pyproject.toml must install jupyterlab-rise (RISE for JupyterLab)"


# --------------------------------------------------------------------------- the rules can fail


def _cell(kind: str, source: str, slide: str | None, outputs=None) -> dict:
    cell = {"cell_type": kind, "source": source, "metadata": {}}
    if slide is not None:
        cell["metadata"]["slideshow"] = {"slide_type": slide}
    if kind == "code":
        cell["outputs"] = outputs or []
    return cell


def test_rules_catch_a_long_slide_and_a_hidden_figure(tmp_path):
    figure = [{"output_type": "display_data", "data": {"image/png": "..."}}]
    cells = [_cell("markdown", "# Title\n" + "a line\n" * 30, "slide"),
             _cell("code", "plot()", "skip", figure),
             _cell("code", "x = 1", "-")]
    nb = tmp_path / "99_bad.ipynb"
    nb.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(AssertionError, match="shows 32 lines"):
        check_no_slide_holds_more_than_a_screenful(nb)
    with pytest.raises(AssertionError, match="cell 1 draws a figure"):
        check_figures_and_widgets_are_shown_and_plumbing_is_skipped(nb)
    shown = [{"output_type": "display_data", "data": {"text/html": '<img class="course-figure">'},
              "metadata": {"course_figure": {"alt": "a figure shown by course.plotting.show"}}}]
    hidden = tmp_path / "98_hidden_show.ipynb"
    hidden.write_text(json.dumps({"cells": [_cell("code", "show(fig, alt=...)", "skip", shown)],
                                  "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(AssertionError, match="cell 0 draws a figure"):
        check_figures_and_widgets_are_shown_and_plumbing_is_skipped(hidden)
    with pytest.raises(AssertionError, match="no speaker notes"):
        check_every_slide_has_speaker_notes_with_questions_for_the_room(nb)
    cells[1]["metadata"] = {}
    nb.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with pytest.raises(AssertionError, match=r"cells \[1\] have no valid slide type"):
        check_every_cell_has_a_slide_type(nb)


def test_typed_numbers_are_found_outside_code_and_maths():
    assert typed_numbers("accuracy 96.8 %, cost 2.0059 on 4,000 digits") == ["96.8 %", "2.0059", "4,000"]
    assert typed_numbers("with `lr=0.05`, $\\eta = 0.1$, η = 3 and 784 pixels") == []
    assert typed_numbers("For example, 96.8 % of them") == []


def test_computed_notes_are_read_from_their_markdown_output(tmp_path):
    note = _cell("code", "md(f'...')", "notes",
                 [{"output_type": "execute_result", "data": {"text/markdown": "**Ask:** a? **Expect:** b"}}])
    note["metadata"]["jupyter"] = {"source_hidden": True}
    typed = _cell("markdown", "**Say:** it is 96.8 % accurate", "notes")
    cells = [_cell("markdown", "# Title", "slide"), note, typed]
    nb = tmp_path / "98_notes.ipynb"
    nb.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert "**Ask:**" in notes_text(note)
    with pytest.raises(AssertionError, match=r"cell 2: speaker notes type results by hand \(96.8 %\)"):
        check_notes_that_quote_results_are_computed(nb)


def test_screen_lines_wraps_long_lines():
    assert screen_lines("a\n" + "b" * (WIDTH + 1)) == 3


def test_a_cell_that_writes_out_an_algorithm_may_be_shown_without_output():
    assert shows_an_algorithm("@torch.no_grad()\ndef evolve_plain(net, target):\n    return net")
    assert shows_an_algorithm("import numpy as np\n\ndef f(x):\n    return x")
    assert not shows_an_algorithm("x = 1\nmodel = fit(x)  # def is not at the start")
