"""A learner's JupyterLab lists the chapters' notebooks but not their sources: the .py files
hold the teacher's text, speaker notes and answers included. The setting is installed
wherever the course runs for learners (make lab's venv, Binder, the classroom hub)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jupyter_server.services.contents.filemanager import FileContentsManager
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
VIEW = ROOT / "deploy" / "learner" / "course-learner-view.json"


def _listing(root: Path, settings: dict) -> set[str]:
    manager = FileContentsManager(root_dir=str(root), config=Config(settings))
    return {item["name"] for item in manager.get("", content=True)["content"]}


def test_the_file_browser_hides_chapter_sources_and_shows_their_notebooks():
    listed = _listing(ROOT / "notebooks", json.loads(VIEW.read_text()))
    sources = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]*_*.py")}
    notebooks = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb")}
    assert sources and not (sources & listed), sorted(sources & listed)
    assert notebooks <= listed, sorted(notebooks - listed)
    # without the setting the sources are listed: the setting is what hides them
    assert sources <= _listing(ROOT / "notebooks", {})
    # and the course's own modules stay visible
    assert "check.py" in _listing(ROOT / "course", json.loads(VIEW.read_text()))


def test_every_learners_jupyterlab_gets_the_setting():
    name = VIEW.name
    assert name in (ROOT / "Makefile").read_text()
    assert "course-learner-view.json" in (ROOT / "binder" / "postBuild").read_text()
    assert name in (ROOT / "tools" / "classroom.py").read_text()
    assert f'"etc/jupyter/jupyter_server_config.d" = ["deploy/learner/{name}"]' in \
        (ROOT / "pyproject.toml").read_text()       # a plain pip install (TLJH) gets it too
    venv = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / name
    assert venv.is_file() and venv.read_text() == VIEW.read_text(), "make venv copies it into .venv"
