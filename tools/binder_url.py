"""Print the Binder link that opens this course's chapter 0 in JupyterLab.

    python tools/binder_url.py                 # from the clone's 'origin' remote
    python tools/binder_url.py OWNER/REPO      # for a given GitHub repository
    python tools/binder_url.py OWNER/REPO --ref main

Binder (mybinder.org) builds the repository's ``binder/`` folder with repo2docker and
opens ``urlpath``: here JupyterLab on ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "notebooks/00_start_here.ipynb"
BADGE = "https://mybinder.org/badge_logo.svg"


def github_repository(remote: str) -> str:
    """``owner/name`` of a GitHub remote URL (https or ssh), or ValueError."""
    m = re.match(r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
                 r"([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+?)(?:\.git)?/?$", remote.strip())
    if not m:
        raise ValueError(f"{remote!r} is not a GitHub repository URL; Binder's gh/ links need "
                         "one. Pass OWNER/REPO explicitly.")
    return f"{m.group(1)}/{m.group(2)}"


def launch_url(repository: str, ref: str = "HEAD", path: str = START) -> str:
    """The mybinder.org URL that builds `repository` at `ref` and opens `path` in JupyterLab."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+", repository):
        raise ValueError(f"repository must be OWNER/NAME, got {repository!r}")
    urlpath = urllib.parse.quote(f"lab/tree/{path}", safe="/")
    return f"https://mybinder.org/v2/gh/{repository}/{urllib.parse.quote(ref, safe='')}?urlpath={urlpath}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repository", nargs="?", help="OWNER/REPO on GitHub (default: from git remote 'origin')")
    parser.add_argument("--ref", default="HEAD", help="branch, tag or commit (default: HEAD)")
    args = parser.parse_args(argv)
    try:
        repository = args.repository
        if repository is None:
            out = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                raise ValueError("this clone has no 'origin' remote: pass OWNER/REPO, e.g. "
                                 "python tools/binder_url.py alice/mnist-course")
            repository = github_repository(out.stdout)
        url = launch_url(repository, args.ref)
    except ValueError as err:
        print(f"binder_url: {err}", file=sys.stderr)
        return 2
    print(url)
    print(f"Badge (Markdown): [![Launch on Binder]({BADGE})]({url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
