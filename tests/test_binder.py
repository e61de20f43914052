"""Binder: binder/ follows repo2docker's conventions, postBuild's download step works
against a mirror (here a local server on 127.0.0.1), and the launch link opens chapter 0."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
sys.path.insert(0, str(ROOT / "tools"))
import binder_url  # noqa: E402

# Files repo2docker reads from binder/ (https://repo2docker.readthedocs.io, "Configuration files").
REPO2DOCKER_FILES = {"environment.yml", "requirements.txt", "runtime.txt", "postBuild", "start",
                     "apt.txt", "install.R", "Project.toml", "REQUIRE", "setup.py", "DESCRIPTION",
                     "default.nix", "Dockerfile", "pyproject.toml"}


def test_binder_folder_holds_only_files_repo2docker_reads():
    names = {p.name for p in BINDER.iterdir()}
    assert {"requirements.txt", "runtime.txt", "postBuild"} <= names
    assert names <= REPO2DOCKER_FILES, f"binder/ holds files repo2docker ignores: {names - REPO2DOCKER_FILES}"


def test_binder_python_satisfies_requires_python():
    runtime = (BINDER / "runtime.txt").read_text().strip()
    m = re.fullmatch(r"python-(\d+)\.(\d+)", runtime)
    assert m, f"binder/runtime.txt must read python-X.Y, not {runtime!r}"
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    low = tuple(int(x) for x in re.search(r">=\s*(\d+)\.(\d+)", required).groups())
    assert (int(m[1]), int(m[2])) >= low


def _postbuild_env(tmp_path: Path, mirrors: str) -> dict[str, str]:
    """Run postBuild as Binder does, but with `pip` replaced by a recorder (no install) and
    the data going to a private cache from the given mirrors."""
    shims = tmp_path / "bin"
    shims.mkdir()
    pip = shims / "pip"
    pip.write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path / "pip-calls.txt"}"\n')
    pip.chmod(pip.stat().st_mode | stat.S_IXUSR)
    venv_bin = Path(sys.executable).parent  # the course's python, as on Binder's PATH
    return {**os.environ, "PATH": f"{shims}:{venv_bin}:{os.environ['PATH']}", "MNIST_MIRRORS": mirrors,
            "MNIST_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path / "home")}


def _run_postbuild(env) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(BINDER / "postBuild")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_postbuild_installs_the_course_and_downloads_mnist_from_the_mirror(http_root, tmp_path):
    """The mirror serves the official test files but not the training files: postBuild
    asks the mirror for them, fails to get them, says so, and the build carries on."""
    base, root = http_root
    official = Path(os.environ.get("MNIST_DIR", ROOT.parent / "shared" / "data" / "mnist"))
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        if (official / name).is_file():
            shutil.copy(official / name, root / name)
    env = _postbuild_env(tmp_path, base)
    out = _run_postbuild(env)
    assert out.returncode == 0, f"postBuild failed, which would fail the Binder build:\n{out.stderr}"
    assert (tmp_path / "pip-calls.txt").read_text().split() == ["install", "--no-deps", "-e", "."]
    assert base in out.stderr + out.stdout, "the download did not try the mirror it was given"
    assert "bundled digits will be used" in out.stdout
    info = subprocess.run([sys.executable, "-m", "course.data", "info"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert "bundled" in info.stdout.lower()


def test_postbuild_download_fills_the_cache_when_the_mirror_has_every_file(http_root, tmp_path,
                                                                          monkeypatch):
    """With a mirror that has all four files (made here, with their checksums swapped into
    the download's table), the same command leaves a complete cache that 'auto' uses."""
    from course import data as D
    from conftest import make_fake_mnist
    base, root = http_root
    sums = {name: hashlib.sha256(path.read_bytes()).hexdigest()
            for name, path in make_fake_mnist(root).items()}
    env = _postbuild_env(tmp_path, base)
    # The command postBuild runs, with the fake files' checksums in place of the official ones.
    command = (f"import sys, course.data as D; D.FILES.clear(); D.FILES.update({sums!r}); "
               "sys.exit(D.main(sys.argv[1:]))")
    line = [l for l in (BINDER / "postBuild").read_text().splitlines() if "course.data download" in l]
    assert line and line[0].startswith("python -m course.data download")
    out = subprocess.run([sys.executable, "-c", command, "download"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(sums)
    monkeypatch.setenv("MNIST_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(D, "FILES", sums)
    assert D.load_mnist("auto").source == "full"


def test_launch_link_opens_chapter_0_in_jupyterlab():
    url = binder_url.launch_url("alice/mnist-course")
    assert url == ("https://mybinder.org/v2/gh/alice/mnist-course/HEAD"
                   "?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    assert (ROOT / binder_url.START).is_file()
    assert binder_url.github_repository("git@github.com:alice/mnist-course.git") == "alice/mnist-course"
    assert binder_url.github_repository("https://github.com/alice/mnist-course") == "alice/mnist-course"
    with pytest.raises(ValueError, match="not a GitHub repository"):
        binder_url.github_repository("https://gitlab.com/alice/mnist-course")


def test_readme_has_the_badge_and_says_what_a_binder_user_gets():
    readme = (ROOT / "README.md").read_text()
    badge = re.search(r"\[!\[[^\]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badge, "README.md has no Binder badge"
    assert badge.group(1).endswith("?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    assert "full MNIST" in readme and "bundled" in readme
