"""Render the executed notebooks as a static course to read without running anything.

    python tools/build_html.py                 # writes build/html/
    python tools/build_html.py --out DIR       # elsewhere

Every notebooks/NN_name.ipynb becomes DIR/NN_name.html with its figures (embedded, so a
page is one self-contained file), and DIR/index.html lists the chapters. Widgets appear
as the static snapshot they display with (`course.widgets._base.static_html`): their
pictures and the values of their controls when the notebook was executed. Speaker notes
(cells of slide type ``notes``) are for teachers and are left out.

Nothing is fetched while building, nor while reading: formulas are typeset by a copy of
MathJax written beside the pages (DIR/mathjax/, from the PyPI package
jupyter-server-mathjax), so the course reads offline. The pages use the template in
tools/html_template/course/: JupyterLab's look, a figure's text alternative taken from
its output metadata, colours with enough contrast, and a print style (a chapter printed
from the browser, or by ``tools/build_pdf.py``, is a handout with its figures).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TEMPLATES = Path(__file__).resolve().parent / "html_template"
COURSE_CSS = TEMPLATES / "course" / "course.css"
MATHJAX = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
# What the pages need of MathJax 2.7: the HTML-CSS output with its STIX web fonts.
MATHJAX_SKIP = ("jax/output/SVG", "localization", "LICENSE")


def mathjax_source() -> Path:
    """The MathJax files shipped by the PyPI package jupyter-server-mathjax."""
    try:
        import jupyter_server_mathjax
    except ImportError:
        raise SystemExit("The static course needs MathJax from the package jupyter-server-mathjax, "
                         "which is not installed: run 'make venv' (or pip install -e '.[test]').") from None
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def copy_mathjax(out: Path) -> Path:
    """Copy MathJax (without the SVG output and other languages) to ``out/mathjax``."""
    source, target = mathjax_source(), out / "mathjax"
    if target.exists():
        shutil.rmtree(target)

    def skip(folder, names):
        rel = Path(folder).relative_to(source)
        return [n for n in names if (rel / n).as_posix() in MATHJAX_SKIP]

    shutil.copytree(source, target, ignore=skip)
    english = source / "localization" / "en"
    if english.is_dir():
        shutil.copytree(english, target / "localization" / "en")
    shutil.copy(source / "LICENSE", target / "LICENSE")
    return target


class StaticCourse(Preprocessor):
    """Drop speaker notes, hide the code of cells whose code is collapsed in the notebook
    (prose computed from results), and drop live widget views that have no saved state."""

    def preprocess(self, nb, resources):
        has_state = "widgets" in nb.metadata
        nb.cells = [c for c in nb.cells
                    if c.metadata.get("slideshow", {}).get("slide_type") != "notes"]
        for cell in nb.cells:
            if cell.metadata.get("jupyter", {}).get("source_hidden"):
                # Prose computed from results (course.prose.md): show the text, not its code.
                cell.metadata["transient"] = {"remove_source": True}
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if WIDGET_VIEW in data and not has_state:
                    del data[WIDGET_VIEW]
                    if set(data) == {"text/plain"}:  # a bare ipywidget: its repr says nothing
                        data["text/html"] = "<i>[interactive widget: run the notebook to use it]</i>"
        return nb, resources


def title_and_intro(nb) -> tuple[str, str]:
    """The notebook's title (its first heading) and the first paragraph after it."""
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    lines = first.source.strip().splitlines()
    title = lines[0].lstrip("# ").strip()
    paragraph = []
    for line in lines[1:]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    return title, " ".join(paragraph)


def _inline_markdown(text: str) -> str:
    """Enough markdown for an intro paragraph: escape, then *emphasis* and `code`."""
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def navigation(pages: list[tuple[str, str]], i: int, label: str = "Chapters") -> str:
    """Links to the contents and the neighbouring chapters; `label` names the landmark
    (a page has two: at the top and at the end, each with its own name)."""
    links = ['<a href="index.html">Contents</a>']
    if i > 0:
        links.insert(0, f'<a href="{pages[i - 1][0]}">&larr; {html.escape(pages[i - 1][1])}</a>')
    if i + 1 < len(pages):
        links.append(f'<a href="{pages[i + 1][0]}">{html.escape(pages[i + 1][1])} &rarr;</a>')
    return f'<nav class="course-nav" aria-label="{label}">{"".join(links)}</nav>'


def index_page(chapters: list[tuple[str, str, str]]) -> str:
    items = "\n".join(f'<li><a href="{href}">{html.escape(title)}</a><p>{_inline_markdown(intro)}</p></li>'
                      for href, title, intro in chapters)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>What neural networks learn from MNIST: the course</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; }}
li {{ margin-bottom: 1em; }} li a {{ font-size: 1.15em; font-weight: 600; }}
li p {{ margin: 0.2em 0 0 0; }} a {{ color: #1a5fa0; }}
</style></head>
<body>
<main>
<h1>What neural networks learn from MNIST</h1>
<p>The course's notebooks as they were run, to read without running anything: every figure
and number on these pages was computed by the notebook's code. The interactive widgets are
shown as still pictures; to use them, launch the course (<code>make lab</code>, or the
Binder link in the README).</p>
<h2>Chapters</h2>
<ul class="chapters" style="list-style:none;padding:0">
{items}
</ul>
</main>
</body></html>
"""


def build(out: Path, notebooks: list[Path]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="course", extra_template_basedirs=[str(TEMPLATES)],
                            mathjax_url=MATHJAX)
    exporter.register_preprocessor(StaticCourse, enabled=True)
    css = COURSE_CSS.read_text(encoding="utf-8")
    loaded = [(p, nbformat.read(p, as_version=4)) for p in notebooks]
    pages = [(p.stem + ".html", title_and_intro(nb)[0]) for p, nb in loaded]
    written = []
    for i, (path, nb) in enumerate(loaded):
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": pages[i][1]},
                                                             "course_css": css})
        top, end = navigation(pages, i), navigation(pages, i, "Chapters, end of page")
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + top, body, count=1)
        body = body.replace("</body>", end + "</body>", 1)
        target = out / pages[i][0]
        target.write_text(body, encoding="utf-8")
        written.append(target)
    chapters = [(href, *title_and_intro(nb)) for (href, _), (_, nb) in zip(pages, loaded)]
    index = out / "index.html"
    index.write_text(index_page(chapters), encoding="utf-8")
    copy_mathjax(out)
    return [index] + written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "html",
                        help="folder to write the pages to (default: build/html)")
    args = parser.parse_args(argv)
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))
    if not notebooks:
        print(f"No executed notebooks in {NOTEBOOKS}: run 'make notebooks' first.", file=sys.stderr)
        return 1
    start = time.perf_counter()
    written = build(args.out, notebooks)
    size = sum(p.stat().st_size for p in written) / 1024 ** 2
    print(f"Wrote {len(written)} pages ({size:.1f} MB) to {args.out} in "
          f"{time.perf_counter() - start:.1f} s. Open {args.out / 'index.html'} in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
