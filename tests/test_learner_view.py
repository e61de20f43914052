"""What a learner sees: every chapter's notebook opened in a real JupyterLab, in headless
Chromium, shows no speaker note and no exercise's answer.

The folder is served as a learner gets it (the repository's notebooks/, the chapters'
sources beside their notebooks, jupytext installed): a notebook paired with its source would
make JupyterLab load the source's cells, speaker notes included, in its place. JupyterLab 4
attaches only the cells near the screen (windowing); the server runs with the notebook
setting ``windowingMode: none``, and the test checks that every cell, the last one
included, is in the page before it reads it.

Each cell's text as the page shows it (its source, rendered Markdown and outputs), and
each cell of the notebook JupyterLab loaded (source and outputs: an editor may draw only
the lines on screen), is searched for the chapter's answers and for the speaker notes of
its teacher's edition: what is searched, and what cannot be, is in
tests/visible_answers.py. A failure names the chapter, the cell, what was found and the text
around it. Nothing is run: the learner sees the outputs as committed.

Skipped, saying why, when Chromium or Playwright is missing. To try it on another folder
of notebooks (a chapter's teacher's edition must fail it): ``LEARNER_VIEW_NOTEBOOKS=/folder``.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from pathlib import Path

import pytest

from browser_lab import (CHROMIUM_MISSING, NOTEBOOK, VIEWPORT, LabNotebook, LabServer, find_chromium,
                         launch_chromium)
from editions import STEMS, teacher_edition
from test_slides import notes_text
from visible_answers import answer_needles, found, notes_needles, words

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
FOLDER = Path(os.environ.get("LEARNER_VIEW_NOTEBOOKS", REPO / "notebooks"))
NO_WINDOWING = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


@pytest.fixture(scope="module")
def browser():
    path = find_chromium()
    if path is None:
        pytest.skip(CHROMIUM_MISSING)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"Playwright cannot be imported ({error}): pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright, path)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    """JupyterLab over a copy of notebooks/ as a learner gets it: sources included."""
    server = LabServer.start(FOLDER, tmp_path_factory.mktemp("learner-lab"),
                             sources=True, settings=NO_WINDOWING)
    yield server
    killed = server.stop()
    if killed:
        warnings.warn(f"JupyterLab did not stop cleanly; killed processes {killed}")


# Every cell as the page shows it, and as the notebook model JupyterLab loaded holds it.
CELLS_JS = """root => {
    const panel = window.courseNotebook, cells = panel.content.model.cells;
    const shown = [...document.querySelectorAll(root + ' .jp-Cell')];
    const model = [];
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i).toJSON(), parts = [[].concat(cell.source).join('')];
        for (const out of cell.outputs || []) {
            parts.push([].concat(out.text || '').join(''));
            for (const mime of ['text/plain', 'text/markdown', 'text/html'])
                parts.push([].concat((out.data || {})[mime] || '').join(''));
        }
        model.push({type: cell.cell_type, text: parts.join('\\n')});
    }
    return {model, shown: shown.map(e => e.innerText)};
}"""


def _chapter(stem: str) -> str:
    return "ch" + re.match(r"\d+[a-z]?", stem).group()


@pytest.mark.parametrize("stem", [s for s in STEMS if (FOLDER / f"{s}.ipynb").exists()])
def test_a_learner_sees_no_answer_and_no_speaker_note(lab, browser, stem):
    name = f"{stem}.ipynb"
    committed = json.loads((FOLDER / name).read_text())["cells"]
    answers, _ = answer_needles(_chapter(stem))
    notes = notes_needles(json.loads(teacher_edition(stem).read_text())["cells"], notes_text)
    context = browser.new_context(viewport=VIEWPORT)
    notebook = LabNotebook(context.new_page(), lab, name)
    passed = False
    try:
        notebook.open()
        page = notebook.page
        page.wait_for_function(  # every cell of what JupyterLab loaded is drawn
            """root => document.querySelectorAll(root + ' .jp-Cell').length
                      === window.courseNotebook.content.model.cells.length""",
            arg=NOTEBOOK, timeout=60_000)
        cells = page.evaluate(CELLS_JS, NOTEBOOK)
        assert len(cells["model"]) == len(committed), (
            f"{name}: JupyterLab loaded {len(cells['model'])} cells, the file has {len(committed)}: "
            "it loaded another file in its place (jupytext pairing with the source?)")
        assert len(cells["shown"]) == len(committed), \
            f"{name}: {len(cells['shown'])} of {len(committed)} cells are in the page (windowing is on?)"
        last = " ".join(words("".join(committed[-1]["source"])).split()[-3:])
        assert last and last in words(cells["shown"][-1]), \
            f"{name}: the last cell is not drawn in the page: {cells['shown'][-1][:200]!r}"

        problems = []
        for i, (shown, model) in enumerate(zip(cells["shown"], cells["model"])):
            hits = {(h.needle, h.form): h for h in found(model["text"], answers + notes)}
            hits.update({(h.needle, h.form): h for h in found(shown, answers + notes)})  # as shown
            problems += [f"  cell {i} ({model['type']}): {h}" for h in hits.values()]
        assert not problems, (f"{name}, opened in JupyterLab as a learner does, shows what a learner must "
                              "not see before answering:\n" + "\n".join(problems))
        passed = True
    finally:
        try:
            if not passed:  # the screen the learner was on (a whole chapter is too tall)
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                notebook.page.screenshot(path=str(ARTIFACTS / f"learner-{stem}.png"))
        except Exception as problem:  # never hide the test's own failure
            print(f"no screenshot: {problem!r}")
        context.close()
        lab.shutdown_kernels()


def test_an_answer_inside_a_pictures_bytes_is_not_a_finding():
    from visible_answers import Needle, found
    needle = Needle("an answer", ("112",), "number")
    assert not found('<img src="data:image/png;base64,iVBOR112w0KGgo=">', [needle])
    assert found("the entry is 112 here", [needle])
