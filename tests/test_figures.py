"""Every figure of the executed notebooks has a text alternative and legible text.

A figure is an output picture: a PNG output, or an HTML ``<img>`` (figures shown with
`course.plotting.show`, pictures in widget snapshots). Each needs a text alternative
that says what it shows: the ``alt`` of the ``<img>`` or, for a PNG, the output
metadata ``{"image/png": {"alt": ...}}``. Figures shown with `show` record their smallest
font, which must be at least `course.plotting.MIN_FONT_PX` screen pixels.

Chapters in ``PENDING`` are still being rewritten: their figures get their text when
the chapter is free (strict xfail: a pending chapter that passes must leave the list).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from course.plotting import MIN_FONT_PX

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
PLACEHOLDER = "No description has been provided for this image"
# Chapters whose figures still lack a text alternative (to be emptied, then deleted):
# each needs `course.plotting.show(fig, alt=...)` for each figure, and re-executing.
PENDING: set[str] = set()
IMG = re.compile(r"<img\b[^>]*>", re.I)
ALT = re.compile(r"""\balt\s*=\s*("([^"]*)"|'([^']*)')""", re.I)


def figures(ipynb: Path) -> list[tuple[str, dict]]:
    """(where, figure) for every picture output: figure = {'alt', 'font'} (None if unknown)."""
    nb = json.loads(ipynb.read_text())
    found = []
    for n, cell in enumerate(nb["cells"], 1):
        for out in cell.get("outputs", []):
            data, meta = out.get("data", {}), out.get("metadata", {})
            where = f"cell {n} ({''.join(cell['source']).splitlines()[0][:60] if cell['source'] else ''!r})"
            if "image/png" in data and "text/html" not in data:
                found.append((where, {"alt": (meta.get("image/png") or {}).get("alt"), "font": None}))
            page = data.get("text/html", "")
            page = "".join(page) if isinstance(page, list) else page
            recorded = meta.get("course_figure", {})
            for tag in IMG.findall(page):
                alt = ALT.search(tag)
                text = html.unescape(alt.group(2) or alt.group(3) or "") if alt else None
                found.append((where, {"alt": text, "font": recorded.get("smallest_font_px")}))
    return found


def problems(ipynb: Path) -> list[str]:
    bad = []
    for where, fig in figures(ipynb):
        alt = (fig["alt"] or "").strip()
        if len(alt.split()) < 4 or alt == PLACEHOLDER:
            bad.append(f"{where}: a figure without a text alternative (alt={fig['alt']!r})")
        if fig["font"] is not None and fig["font"] < MIN_FONT_PX:
            bad.append(f"{where}: smallest text {fig['font']} px, below {MIN_FONT_PX} px")
    return bad


@pytest.mark.parametrize("ipynb", [pytest.param(p, marks=pytest.mark.xfail(
    strict=True, reason="chapter being rewritten: figures without text alternatives yet"))
    if p.stem in PENDING else p for p in NOTEBOOKS], ids=lambda p: p.stem)
def test_every_figure_has_a_text_alternative_and_legible_text(ipynb):
    bad = problems(ipynb)
    assert not bad, f"{ipynb.name}:\n" + "\n".join(bad)


def test_the_check_finds_a_figure_without_text(tmp_path):
    """A bare PNG output, an <img> without alt and one with nbconvert's placeholder all fail;
    a figure shown by course.plotting.show passes unless its text is too small."""
    def nb(outputs):
        path = tmp_path / f"nb{len(list(tmp_path.iterdir()))}.ipynb"
        path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": ["plot()"],
                                               "outputs": outputs}]}))
        return path
    png = {"output_type": "display_data", "data": {"image/png": "iVBOR"}, "metadata": {}}
    assert problems(nb([png]))
    assert not problems(nb([dict(png, metadata={"image/png": {"alt": "ten digits, one per class"}})]))
    assert problems(nb([{"output_type": "display_data", "metadata": {},
                         "data": {"text/html": '<img src="data:image/png;base64,x">'}}]))
    assert problems(nb([{"output_type": "display_data", "metadata": {},
                         "data": {"text/html": f'<img alt="{PLACEHOLDER}" src="x">'}}]))
    shown = {"output_type": "display_data",
             "data": {"text/html": '<img class="course-figure" alt="The loss falls over ten epochs." src="x">'},
             "metadata": {"course_figure": {"smallest_font_px": 15.3}}}
    assert not problems(nb([shown]))
    shown["metadata"]["course_figure"]["smallest_font_px"] = 9.7
    assert problems(nb([shown]))


def test_pending_lists_only_chapters_that_exist():
    assert PENDING <= {p.stem for p in NOTEBOOKS}
