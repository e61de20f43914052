"""pyproject.toml, environment.yml and binder/requirements.txt list the same packages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> tuple[str, str]:
    """'scikit-learn >= 1.5' -> ('scikit-learn', '>=1.5'); names compared PEP 503-style."""
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert m, f"cannot parse requirement {requirement!r}"
    return re.sub(r"[-_.]+", "-", m.group(1)).lower(), m.group(2).replace(" ", "")


def _requirements(lines) -> dict[str, str]:
    reqs = [l.strip() for l in lines if l.strip() and not l.strip().startswith(("#", "-"))]
    return dict(_normalise(r) for r in reqs)


def pyproject_deps() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return dict(_normalise(r) for r in project["dependencies"])


def conda_deps() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return _requirements(pip)


def binder_deps() -> dict[str, str]:
    return _requirements((ROOT / "binder" / "requirements.txt").read_text().splitlines())


def test_environment_yml_matches_pyproject():
    assert conda_deps() == pyproject_deps()


def test_binder_requirements_match_pyproject():
    assert binder_deps() == pyproject_deps()


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python>=3.11" in env["dependencies"]
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.(1[1-9])", runtime), runtime


def test_the_issue_s_required_packages_are_declared():
    required = {"jupyterlab", "ipywidgets", "numpy", "torch", "matplotlib", "scikit-learn",
                "pooch", "tqdm", "ipycanvas", "mlxtend"}
    assert required <= set(pyproject_deps())
    test_extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert {"pytest", "nbval", "jupytext", "playwright"} <= {_normalise(r)[0] for r in test_extra}


def test_binder_postbuild_installs_course_and_fetches_mnist():
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post and "python -m course.data download" in post
    assert (ROOT / "binder" / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def test_ci_runs_make_test_another_machine_the_newest_python_then_the_hub_tests():
    lines = [l for l in (ROOT / ".ci" / "run").read_text().splitlines()
             if l.strip() and not l.startswith("#") and not l.startswith(("set ", "cd "))]
    assert lines == ["make test", "make test-another-machine", "make test-newest-python", "make test-hub"]
