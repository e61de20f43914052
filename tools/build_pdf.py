"""Print the static course's chapters to PDF handouts, one file per chapter.

    python tools/build_pdf.py                      # build/html/*.html -> build/pdf/*.pdf
    python tools/build_pdf.py --html DIR --out DIR [CHAPTER ...]

Each page of the static course (``make html``) is opened in headless Chromium with the
network blocked, its formulas typeset by the MathJax copy beside it, and printed on A4
with the course's print style (tools/html_template/course/course.css): no navigation
or prompts, code cells kept whole, every figure inside the page. Chromium is Debian's
(``make browser``), driven by Playwright; set CHROMIUM=/path/to/chrome to use another.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
# The browser tests' way to find and start Debian's Chromium (standard library only).
from browser_lab import find_chromium, launch_chromium  # noqa: E402

# MathJax done: its queue is empty (pages without formulas never start it).
MATH_DONE = "() => !window.MathJax || !MathJax.Hub || MathJax.Hub.queue.pending === 0"


def offline(context) -> list[str]:
    """Block every request that is not a local file or inline data; returns the blocked URLs."""
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return blocked


def open_page(context, page_path: Path, timeout_ms: int = 60_000):
    """Open a page of the static course and wait until its formulas are typeset."""
    page = context.new_page()
    page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    page.wait_for_function(MATH_DONE, timeout=timeout_ms)
    return page


def print_pdf(context, page_path: Path, target: Path) -> Path:
    page = open_page(context, page_path)
    page.emulate_media(media="print")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "build" / "html",
                        help="the static course (default: build/html, made by 'make html')")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "pdf")
    parser.add_argument("chapters", nargs="*", help="page names without .html (default: every chapter)")
    args = parser.parse_args(argv)
    pages = ([args.html / f"{c}.html" for c in args.chapters] if args.chapters
             else sorted(p for p in args.html.glob("[0-9][0-9]*_*.html")))
    missing = [p for p in pages if not p.is_file()]
    if not pages or missing:
        print(f"No static course page {missing[0] if missing else 'in ' + str(args.html)}: "
              "run 'make html' first.", file=sys.stderr)
        return 1
    chromium = find_chromium()
    if chromium is None:
        print("Chromium not found: install it (make browser) or set CHROMIUM=/path/to/chrome.",
              file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium)
        context = browser.new_context()
        offline(context)
        for page in pages:
            target = print_pdf(context, page, args.out / (page.stem + ".pdf"))
            print(f"{target} ({target.stat().st_size / 1024:.0f} kB)")
        browser.close()
    print(f"Printed {len(pages)} chapters in {time.perf_counter() - start:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
