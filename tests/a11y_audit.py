"""axe-core audits (axe-playwright-python) for the browser tests: run, sort, explain.

`audit(page)` runs axe-core in the page and returns its violations; `course_and_lab`
splits the violating elements of a JupyterLab page into the course's own content (cell
outputs: figures, widgets, text; rendered markdown) and JupyterLab's, and
`unlisted(lab)` keeps those of JupyterLab's that ``tests/axe_jupyterlab.txt`` does not
list. `describe` writes violations one per line for a failure message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KNOWN_FILE = Path(__file__).resolve().parent / "axe_jupyterlab.txt"
# The course's content in JupyterLab: what its cells print and draw, and its markdown.
COURSE_CONTENT = ".jp-OutputArea-output, .jp-MarkdownOutput"
SEVERE = ("serious", "critical")


@dataclass
class Violation:
    rule: str
    impact: str
    html: str
    target: str
    help: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help}\n    at {self.target}: {self.html[:160]}"


def audit(page, include: str | None = None) -> list[Violation]:
    """axe-core's violations in the page (or in the elements matching `include`)."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [[include]]} if include else None
    response = Axe().run(page, context=context).response
    return [Violation(v["id"], v["impact"] or "", n["html"], " ".join(map(str, n["target"])), v["help"])
            for v in response["violations"] for n in v["nodes"]]


def course_and_lab(page, violations: list[Violation]) -> tuple[list[Violation], list[Violation]]:
    """(in the course's content, in JupyterLab's own interface)."""
    inside = page.evaluate("""([targets, content]) => targets.map(t => {
        let e = null;
        try { e = document.querySelector(t); } catch (err) {}
        return !!(e && e.closest(content));
    })""", [[v.target for v in violations], COURSE_CONTENT])
    course = [v for v, i in zip(violations, inside) if i]
    lab = [v for v, i in zip(violations, inside) if not i]
    return course, lab


def known_jupyterlab() -> list[tuple[str, str]]:
    """(rule id, CSS selector) of each listed JupyterLab violation."""
    rows = []
    for line in KNOWN_FILE.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rule, selector = line.split(None, 1)
            rows.append((rule, selector.strip()))
    return rows


def unlisted(page, lab: list[Violation]) -> list[Violation]:
    """JupyterLab's violations that tests/axe_jupyterlab.txt does not list."""
    known = known_jupyterlab()
    matches = page.evaluate("""([targets, rules, known]) => targets.map((t, i) => {
        let e = null;
        try { e = document.querySelector(t); } catch (err) {}
        return known.some(([rule, sel]) => rule === rules[i] && !!e && (e.matches(sel) || !!e.closest(sel)));
    })""", [[v.target for v in lab], [v.rule for v in lab], known])
    return [v for v, ok in zip(lab, matches) if not ok]


def severe(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in SEVERE]


def describe(violations: list[Violation], limit: int = 15) -> str:
    lines = [str(v) for v in violations[:limit]]
    if len(violations) > limit:
        lines.append(f"... and {len(violations) - limit} more")
    return "\n".join(lines)
