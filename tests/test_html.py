"""The static course (`make html`): a page per chapter with its figures, and a contents page."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def site(static_course):
    return static_course


def _outputs(ipynb: Path) -> list[dict]:
    nb = json.loads(ipynb.read_text())
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


def _title(ipynb: Path) -> str:
    nb = json.loads(ipynb.read_text())
    return "".join(nb["cells"][0]["source"]).splitlines()[0].lstrip("# ").strip()


def test_contents_page_links_every_chapter_in_order(site):
    index = (site / "index.html").read_text()
    links = re.findall(r'<a href="([^"]+\.html)">', index)
    assert links == [p.stem + ".html" for p in NOTEBOOKS], "the contents page must list every chapter"
    for ipynb in NOTEBOOKS:
        assert _title(ipynb).replace("'", "&#x27;") in index


@pytest.mark.parametrize("ipynb", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_page_has_its_title_figures_and_widget_snapshots(site, ipynb):
    page = site / (ipynb.stem + ".html")
    assert page.is_file(), f"make html wrote no page for {ipynb.name}"
    text = page.read_text()
    assert _title(ipynb) in text.replace("&#x27;", "'")
    outputs = _outputs(ipynb)
    figures = [o["data"]["image/png"].replace("\n", "") for o in outputs if "image/png" in o.get("data", {})]
    embedded = set(re.findall(r'src="data:image/png;base64,([^"]+)"', text))
    missing = [i for i, f in enumerate(figures) if f not in embedded]
    assert not missing, f"{page.name}: figures {missing} of {ipynb.name} are not on the page"
    widgets = [o for o in outputs if WIDGET_VIEW in o.get("data", {})]
    snapshots = [o for o in widgets if "text/html" in o["data"]]
    assert text.count("course-widget-snapshot") >= len(snapshots)
    assert "VBox(children" not in text and "HBox(children" not in text, \
        f"{page.name} shows a widget as its Python repr"
    assert 'href="index.html"' in text, f"{page.name} has no link back to the contents"


from editions import STEMS, teacher_edition  # noqa: E402
from test_slides import notes_text  # noqa: E402  (a notes cell's text, computed or typed)
from visible_answers import answer_needles, found, html_text, notes_needles  # noqa: E402


def _words(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|[*_`#>]", " ", markup).split())


@pytest.mark.parametrize("stem", STEMS)
def test_speaker_notes_stay_out_of_the_learners_pages(site, stem):
    """The notes are read from the teacher's edition (the learner's notebook has none)."""
    nb = json.loads(teacher_edition(stem).read_text())
    notes = [_words(notes_text(c)) for c in nb["cells"]
             if c.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"]
    assert notes, f"the teacher's edition of {stem} has no speaker notes"
    page = _words((site / (stem + ".html")).read_text())
    for note in notes:
        opening = " ".join(note.split()[:8])
        assert opening not in page, f"{stem}: speaker note '{opening} ...' is on the learners' page"


@pytest.mark.parametrize("stem", STEMS)
def test_no_answer_and_no_speaker_note_is_on_a_chapters_page(site, stem):
    """The static page of a chapter shows no exercise's answer and no sentence of the speaker
    notes (what is searched, and what cannot be: tests/visible_answers.py)."""
    chapter = "ch" + re.match(r"\d+[a-z]?", stem).group()
    answers, _ = answer_needles(chapter)
    notes = notes_needles(json.loads(teacher_edition(stem).read_text())["cells"], notes_text)
    text = html_text((site / (stem + ".html")).read_text())
    hits = found(text, answers + notes)
    assert not hits, (f"build/html/{stem}.html (from notebooks/{stem}.ipynb) shows what a learner must "
                      "not see before answering:\n" + "\n".join(f"  {h}" for h in hits))


def test_the_answer_search_finds_answers_in_their_printed_forms():
    from visible_answers import Needle
    number = Needle("chXX.n (the answer 23860)", ("23860", "23,860"), "number")
    share = Needle("chXX.s (the answer 0.8075)", ("0.808", "80.8 %", "80.8%"), "number")
    code = Needle("chXX.f (the solution's code)", ("return np.abs(lower - upper).mean()",), "code")
    note = Needle("speaker notes", ("Zero is paper, 255 darkest ink; the label is 5.",), "words")
    needles = [number, share, code, note]
    assert [h.needle for h in found("It has 23,860 parameters.", needles)] == [number]
    assert found("123,860 or 23,8601 or 0.23860", needles) == []
    assert [h.needle for h in found("about 80.8% of pixels", needles)] == [share]
    assert [h.needle for h in found("<p>0.808</p>", needles)] == [share]
    assert found("0.8080 and 10.808", needles) == []
    assert [h.form for h in found("    return np.abs(lower -  upper).mean()", needles)] == [code.forms[0]]
    page = html_text("<p><strong>Zero</strong> is paper,\n255 darkest <em>ink</em>; the label is 5</p>")
    assert [h.needle for h in found(page, needles)] == [note]


def test_the_filter_removes_notes_and_dead_widget_views():
    sys.path.insert(0, str(ROOT / "tools"))
    import nbformat
    from build_html import StaticCourse
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("say this", metadata={"slideshow": {"slide_type": "notes"}}),
                nbformat.v4.new_code_cell("w", outputs=[nbformat.v4.new_output(
                    "display_data", data={WIDGET_VIEW: {"model_id": "x"}, "text/plain": "VBox()"})])]
    out, _ = StaticCourse().preprocess(nb, {})
    assert [c.cell_type for c in out.cells] == ["code"]
    data = out.cells[0].outputs[0]["data"]
    assert WIDGET_VIEW not in data and "run the notebook" in data["text/html"]


def test_computed_prose_shows_its_text_and_not_its_code():
    sys.path.insert(0, str(ROOT / "tools"))
    import nbformat
    from build_html import StaticCourse
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        'md(f"accuracy {acc:.1%}")', metadata={"jupyter": {"source_hidden": True}},
        outputs=[nbformat.v4.new_output("execute_result", data={"text/markdown": "accuracy 96.8%"},
                                        execution_count=1)]),
        nbformat.v4.new_code_cell("acc = 0.968")]
    out, _ = StaticCourse().preprocess(nb, {})
    assert out.cells[0].metadata["transient"] == {"remove_source": True}
    assert "transient" not in out.cells[1].metadata


# ------------------------------------------------------------------ reading anywhere


def test_pages_fetch_nothing_from_the_network_and_ship_mathjax(site):
    """No script, style or font from another host: formulas are typeset by the MathJax copy
    beside the pages (the browser test checks it typesets with the network blocked)."""
    assert (site / "mathjax" / "MathJax.js").is_file()
    assert (site / "mathjax" / "config" / "TeX-AMS-MML_HTMLorMML-full.js").is_file()
    assert list((site / "mathjax" / "fonts" / "HTML-CSS" / "STIX-Web" / "woff").glob("*.woff"))
    for page in sorted(site.glob("*.html")):
        text = page.read_text()
        remote = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="(https?:)?//[^"]*"', text)
        assert not remote, f"{page.name} loads {len(remote)} files from the network"
        if page.name != "index.html":
            assert 'src="mathjax/MathJax.js?config=' in text, f"{page.name} does not load the local MathJax"


def test_a_figure_s_text_alternative_reaches_the_page(tmp_path):
    """A PNG with {"image/png": {"alt": ...}} metadata, and a figure shown by
    course.plotting.show (an <img> with alt), both keep their text on the page."""
    sys.path.insert(0, str(ROOT / "tools"))
    import nbformat
    from build_html import build
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A chapter\n\nIntro."),
                nbformat.v4.new_code_cell("plot()", outputs=[
                    nbformat.v4.new_output("display_data", data={"image/png": png},
                                           metadata={"image/png": {"alt": "one white pixel, for a test"}}),
                    nbformat.v4.new_output("display_data", data={
                        "text/html": f'<img class="course-figure" src="data:image/png;base64,{png}" '
                                     'alt="the same pixel, shown by show()">'})])]
    path = tmp_path / "01_test.ipynb"
    nbformat.write(nb, path)
    build(tmp_path / "out", [path])
    text = (tmp_path / "out" / "01_test.html").read_text()
    assert 'alt="one white pixel, for a test"' in text
    assert 'alt="the same pixel, shown by show()"' in text
    assert "No description has been provided" not in text
