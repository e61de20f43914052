"""Regenerate notebooks/NN_*.ipynb from their jupytext twins and execute them.

    python tools/build_notebooks.py            # every notebook
    python tools/build_notebooks.py 01         # those whose name starts with 01
    python tools/build_notebooks.py --no-execute 01   # copy edited text and metadata
                                                      # (slide types, notes) into the
                                                      # .ipynb, keeping its outputs

The .py (jupytext percent format) is the source; the .ipynb is written from it,
executed top to bottom in a fresh kernel (working directory notebooks/), and saved with
its outputs. Widget state and per-cell timing metadata are stripped so the committed
file stays small and changes only when the content does.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from course.reproducible import pin_numerics

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# RISE (lecture mode): no transitions, and slides taller than the screen scroll.
RISE = {"scroll": True, "transition": "none", "enable_chalkboard": False}


def notebook_sources(prefixes: list[str]) -> list[Path]:
    sources = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.py"))
    if prefixes:
        sources = [p for p in sources if any(p.name.startswith(x) for x in prefixes)]
    return sources


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes on every run without changing the content, and give cells ids
    derived from their type and source, so an unchanged cell keeps its id."""
    nb.metadata.pop("widgets", None)
    seen: dict[str, int] = {}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        digest = hashlib.sha1(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:8]
        seen[digest] = seen.get(digest, 0) + 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
    return nb


def build(source: Path, timeout: int = 600) -> float:
    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["rise"] = RISE
    nb.metadata.setdefault("language_info", {"name": "python"})
    env_backup = dict(os.environ)
    pin_numerics()  # the kernel uses the same CPU code paths as nbval's (tests/conftest.py)
    start = time.perf_counter()
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    seconds = time.perf_counter() - start
    target = source.with_suffix(".ipynb")
    nbformat.write(clean(nb), target)
    print(f"{target.relative_to(ROOT)}: executed in {seconds:.1f} s, "
          f"{target.stat().st_size / 1024:.0f} KB")
    return seconds


def update(source: Path) -> None:
    """Copy the .py's cells and metadata into the .ipynb without running it.

    Code cells whose source is unchanged keep their outputs (jupytext's --update). Use it
    for edits that change no output: prose, slide types, speaker notes.
    """
    target = source.with_suffix(".ipynb")
    if not target.exists():
        raise SystemExit(f"{target.name} does not exist yet: build it without --no-execute first")
    old = nbformat.read(target, as_version=4)
    new = jupytext.read(source)
    old_code = [c.source for c in old.cells if c.cell_type == "code"]
    new_code = [c.source for c in new.cells if c.cell_type == "code"]
    if old_code != new_code:
        raise SystemExit(f"{source.name}: code cells changed; their outputs would be stale. "
                         f"Run without --no-execute to execute it.")
    outputs = iter([(c.outputs, c.execution_count) for c in old.cells if c.cell_type == "code"])
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = next(outputs)
    new.metadata = old.metadata
    new.metadata["rise"] = RISE
    nbformat.write(clean(new), target)
    print(f"{target.relative_to(ROOT)}: text and metadata updated, outputs kept")


def main(argv: list[str]) -> int:
    no_execute = "--no-execute" in argv
    argv = [a for a in argv if a != "--no-execute"]
    sources = notebook_sources(argv)
    if not sources:
        print(f"No notebook sources match {argv} in {NOTEBOOKS}.", file=sys.stderr)
        return 1
    for source in sources:
        update(source) if no_execute else build(source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
