"""Build the two editions of each chapter from its one source, notebooks/NN_name.py.

    python tools/build_notebooks.py            # every chapter, the learner's edition
    python tools/build_notebooks.py 01         # those whose name starts with 01
    python tools/build_notebooks.py --no-execute 01   # copy edited text and metadata
                                                      # (slide types, prose) into the
                                                      # learner's .ipynb, keeping its outputs
    python tools/build_notebooks.py --teacher 01      # the teacher's edition (make teacher)
    python tools/build_notebooks.py --teacher --out DIR 01

The .py (jupytext percent format) is the source. It holds the speaker notes: cells of
slide type ``notes``, Markdown or code cells that print computed notes (``md(f"...")``).

* The learner's edition, notebooks/NN_name.ipynb (committed; what JupyterLab, Binder, the
  hub and nbval open): the source WITHOUT its notes cells, executed. Speaker notes say the
  answers ("Ask: ... Expect: ..."), so a learner never gets them.
* The teacher's edition, build/teacher/NN_name.ipynb (``make teacher``; never committed,
  so learners do not find it in the repository): the whole source, notes included,
  executed, to present with RISE, whose speaker view shows the notes.

Each is executed top to bottom in a fresh kernel (working directory notebooks/) and saved
with its outputs. Neither carries jupytext's pairing (``formats``): a paired .ipynb makes
JupyterLab with jupytext load the .py's cells, notes included, in its place. Widget state
and per-cell timing metadata are stripped so the file changes only when the content does.

A learner's build fails when a cell uses a name that only a notes cell defines: move that
line out of the notes into the cell before (the message names both).
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from course.reproducible import pin_numerics

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEACHER = ROOT / "build" / "teacher"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# RISE (lecture mode): no transitions, and slides taller than the screen scroll.
RISE = {"scroll": True, "transition": "none", "enable_chalkboard": False}


def notebook_sources(prefixes: list[str]) -> list[Path]:
    sources = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.py"))
    if prefixes:
        sources = [p for p in sources if any(p.name.startswith(x) for x in prefixes)]
    return sources


def is_notes(cell) -> bool:
    """A speaker-notes cell (slide type ``notes``): the teacher's, never the learner's."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"


def edition(source: Path, teacher: bool = False) -> nbformat.NotebookNode:
    """The chapter's notebook before execution: every cell of the source for the teacher,
    the source without its notes cells for the learner; no jupytext pairing in either."""
    nb = jupytext.read(source)
    if not teacher:
        nb.cells = [c for c in nb.cells if not is_notes(c)]
    nb.metadata.pop("jupytext", None)  # no "formats": the .ipynb is not paired with the .py
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["rise"] = RISE
    nb.metadata.setdefault("language_info", {"name": "python"})
    return nb


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


def _assigned(source: str) -> set[str]:
    """Names a cell's code binds (assignments, imports, definitions)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


def notes_only_names(source: Path, error: CellExecutionError) -> str:
    """When the learner's build failed with a NameError: which notes cell of the source
    defines that name (a later cell depends on the teacher's notes), or ''."""
    if getattr(error, "ename", "") != "NameError":
        return ""
    name = str(getattr(error, "evalue", "")).split("'")[1:2]
    if not name:
        return ""
    cells = jupytext.read(source).cells
    for i, cell in enumerate(cells):
        if cell.cell_type == "code" and is_notes(cell) and name[0] in _assigned(cell.source):
            return (f"{source.name}: the learner's edition (no speaker notes) uses {name[0]!r}, which "
                    f"only the notes cell {i} of the source defines ({cell.source.splitlines()[0][:60]!r}"
                    f"...). Move its definition into a cell before it that is not notes "
                    f"(slide type 'skip' if it is plumbing), and keep the notes' own words.")
    return ""


def execute(nb: nbformat.NotebookNode, timeout: int = 600) -> float:
    """Run every cell in a fresh kernel (working directory notebooks/); seconds taken."""
    env_backup = dict(os.environ)
    pin_numerics()  # the kernel uses the same CPU code paths as nbval's (tests/conftest.py)
    # A fresh, empty progress folder: the committed outputs never show the builder's answers.
    os.environ["MNIST_COURSE_DATA"] = tempfile.mkdtemp(prefix="mnist-course-build-data-")
    start = time.perf_counter()
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    return time.perf_counter() - start


def target_of(source: Path, teacher: bool = False, out: Path | None = None) -> Path:
    """Where an edition is written: notebooks/NN.ipynb (learner), build/teacher/NN.ipynb."""
    folder = out if out is not None else (TEACHER if teacher else NOTEBOOKS)
    return folder / source.with_suffix(".ipynb").name


def build(source: Path, timeout: int = 600, teacher: bool = False, out: Path | None = None) -> float:
    """Execute one edition of a chapter and write it; seconds taken."""
    nb = edition(source, teacher)
    try:
        seconds = execute(nb, timeout)
    except CellExecutionError as error:
        why = "" if teacher else notes_only_names(source, error)
        if why:
            raise SystemExit(why) from None
        raise
    target = target_of(source, teacher, out)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(clean(nb), target)
    label = "teacher's edition, with speaker notes" if teacher else "learner's edition, no speaker notes"
    print(f"{_shown(target)} ({label}): executed in {seconds:.1f} s, "
          f"{target.stat().st_size / 1024:.0f} KB")
    return seconds


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def update(source: Path) -> None:
    """Copy the .py's cells and metadata into the learner's .ipynb without running it.

    Code cells whose source is unchanged keep their outputs (jupytext's --update). Use it
    for edits that change no output: prose, slide types, speaker notes (which the
    learner's edition leaves out, so editing them changes nothing there).
    """
    target = target_of(source)
    if not target.exists():
        raise SystemExit(f"{target.name} does not exist yet: build it without --no-execute first")
    old = nbformat.read(target, as_version=4)
    if any(is_notes(c) for c in old.cells):
        raise SystemExit(f"{target.name} still holds speaker notes (built before the learner's "
                         f"edition existed): build it once without --no-execute")
    new = edition(source)
    old_code = [c.source for c in old.cells if c.cell_type == "code"]
    new_code = [c.source for c in new.cells if c.cell_type == "code"]
    if old_code != new_code:
        raise SystemExit(f"{source.name}: code cells changed; their outputs would be stale. "
                         f"Run without --no-execute to execute it.")
    outputs = iter([(c.outputs, c.execution_count) for c in old.cells if c.cell_type == "code"])
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = copy.deepcopy(next(outputs))
    new.metadata = old.metadata
    new.metadata.pop("jupytext", None)
    new.metadata["rise"] = RISE
    nbformat.write(clean(new), target)
    print(f"{_shown(target)}: text and metadata updated, outputs kept")


def _short(error: CellExecutionError, lines: int = 30) -> str:
    """A failed cell's error without colour codes, cut to its last lines."""
    import re

    text = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).rstrip().splitlines()
    return "\n".join(text[-lines:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="chapters to build, e.g. 01 05a (default: all)")
    parser.add_argument("--no-execute", action="store_true",
                        help="update the learner's .ipynb's text and metadata, keeping its outputs")
    parser.add_argument("--teacher", action="store_true",
                        help="build the teacher's edition, speaker notes included, into build/teacher/")
    parser.add_argument("--out", type=Path, help="folder for the teacher's edition (default build/teacher)")
    args = parser.parse_args(argv)
    if args.out and not args.teacher:
        parser.error("--out goes with --teacher: the learner's edition is notebooks/NN_name.ipynb")
    if args.no_execute and args.teacher:
        parser.error("--no-execute updates the learner's edition; the teacher's is always executed")
    sources = notebook_sources(args.prefixes)
    if not sources:
        print(f"No notebook sources match {args.prefixes} in {NOTEBOOKS}.", file=sys.stderr)
        return 1
    failed = []
    for source in sources:
        try:
            if args.no_execute:
                update(source)
            else:
                build(source, teacher=args.teacher, out=args.out)
        except (SystemExit, CellExecutionError) as error:  # go on with the other chapters
            message = str(error) if isinstance(error, SystemExit) else _short(error)
            print(f"{source.name}: not built.\n{message}", file=sys.stderr)
            failed.append(source.name)
    if failed:
        print(f"Not built: {', '.join(failed)} (see above).", file=sys.stderr)
        return 1
    if args.teacher:
        folder = args.out or TEACHER
        print(f"Present with RISE: open {_shown(folder)}/NN_name.ipynb in JupyterLab "
              f"(make lab, or jupyter lab {_shown(folder)}) and press Alt+R; "
              f"the speaker view (key T) shows the notes.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
