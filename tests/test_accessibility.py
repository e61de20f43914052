"""The static course in a real browser, offline, as every reader meets it.

* axe-core finds no violation on any page (the contents and every chapter);
* with the network blocked, every formula is typeset: no raw ``$$`` or ``\\frac`` left
  (a screenshot goes to tests/artifacts/offline-maths.png);
* printed to PDF (tools/build_pdf.py, the course's print style), a chapter is a
  handout with all its figures.

Chromium is Debian's (see test_browser.py); skipped, saying why, when it is missing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from a11y_audit import audit, describe
from test_browser import browser, chromium_path  # noqa: F401  (headless Chromium, or a skip)

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
sys.path.insert(0, str(REPO / "tools"))
from build_pdf import offline, open_page, print_pdf  # noqa: E402

PAGES = ["index"] + sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
MATHS_PAGE = "02_network_from_scratch"   # display formulas with \frac and inline maths
HANDOUT = "01_meet_mnist"                # figures and a widget snapshot


@pytest.fixture
def offline_context(browser):
    """A browser context in which only local files load; yields (context, blocked URLs)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = offline(context)
    yield context, blocked
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_static_page_has_no_accessibility_violation(static_course, offline_context, name):
    context, blocked = offline_context
    page = open_page(context, static_course / f"{name}.html")
    found = audit(page)
    assert not found, f"{name}.html: axe-core found {len(found)} violation(s):\n{describe(found)}"
    assert not blocked, f"{name}.html tried to fetch {blocked[:3]}"


def test_formulas_are_typeset_offline(static_course, offline_context):
    context, blocked = offline_context
    source = (static_course / f"{MATHS_PAGE}.html").read_text()
    assert "\\frac" in source and "$$" in source, f"{MATHS_PAGE} has no display formula to typeset"
    page = open_page(context, static_course / f"{MATHS_PAGE}.html")
    typeset = page.evaluate("document.querySelectorAll('.MathJax, .MathJax_Display').length")
    text = page.evaluate("document.body.innerText")
    formula = page.locator(".MathJax_Display").first
    formula.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "offline-maths.png"))
    assert typeset >= 5, f"only {typeset} formulas typeset on {MATHS_PAGE}.html"
    raw = [m for m in ("$$", "\\frac", "\\sum", "\\begin") if m in text]
    assert not raw, f"{MATHS_PAGE}.html shows raw LaTeX {raw} with the network blocked"
    assert not blocked, f"the page tried to fetch {blocked[:3]}"
    fonts = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("MathJax" in f for f in fonts), f"MathJax's fonts did not load: {fonts}"


def test_a_chapter_prints_as_a_handout_with_its_figures(static_course, offline_context, tmp_path):
    context, _ = offline_context
    html = (static_course / f"{HANDOUT}.html").read_text()
    figures = len(re.findall(r'<img [^>]*src="data:image/png', html))
    assert figures >= 3
    pdf = print_pdf(context, static_course / f"{HANDOUT}.html", tmp_path / f"{HANDOUT}.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    images = len(re.findall(rb"/Subtype\s*/Image\b", data))
    assert pages >= 3, f"the handout has {pages} pages"
    # every figure is in the PDF (Chromium may split one picture into tiles, never fewer)
    assert images >= figures, f"{figures} figures on the page but {images} images in the PDF"
    # the print style hides the navigation: the screen's links to other chapters are gone
    page = open_page(context, static_course / f"{HANDOUT}.html")
    page.emulate_media(media="print")
    assert page.locator("nav.course-nav").first.is_hidden()
    assert page.locator(".jp-InputPrompt").first.is_hidden()
