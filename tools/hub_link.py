"""Print the nbgitpuller link that puts this course into a student's home on a JupyterHub.

    python tools/hub_link.py --hub https://hub.example.edu
    python tools/hub_link.py --hub https://hub.example.edu --repo https://github.com/OWNER/REPO
    python tools/hub_link.py --server-path      # the form a hub's default URL takes

A student who follows the link logs in, the hub starts their server, nbgitpuller clones
the course into ``~/mnist-course`` (or, the next time, merges the new commits into their
copy, keeping their own edits) and JupyterLab opens chapter 0.

Without --repo the clone's ``origin`` remote is used. The link names the repository, the
branch, the folder in the student's home (``targetpath``) and the file to open
(``urlpath``), all percent-encoded as nbgitpuller's own link generator does.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "notebooks/00_start_here.ipynb"
TARGET = "mnist-course"  # the folder nbgitpuller puts the course in, in each student's home


def _query(repo: str, branch: str, open_path: str, target: str) -> str:
    if not repo or any(c.isspace() for c in repo):
        raise ValueError(f"repo must be a git URL (https://..., file:///...), got {repo!r}")
    if not target or "/" in target or target in (".", ".."):
        raise ValueError(f"target must be one folder name in the student's home, got {target!r}")
    if open_path.startswith("/") or ".." in Path(open_path).parts:
        raise ValueError(f"the file to open must be a path inside the course, got {open_path!r}")
    params = [("repo", repo), ("branch", branch), ("targetpath", target),
              ("urlpath", f"lab/tree/{target}/{open_path}")]
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="")


def server_path(repo: str, branch: str = "main", open_path: str = START, target: str = TARGET) -> str:
    """The link as a path on the student's own server (a hub's ``default_url``)."""
    return "/git-pull?" + _query(repo, branch, open_path, target)


def pull_link(hub: str, repo: str, branch: str = "main", open_path: str = START,
              target: str = TARGET) -> str:
    """The link to give students: the hub's user-redirect to `server_path`."""
    parsed = urllib.parse.urlsplit(hub)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"hub must be the hub's address, e.g. https://hub.example.edu; got {hub!r}")
    return hub.rstrip("/") + "/hub/user-redirect" + server_path(repo, branch, open_path, target)


def parse_link(link: str) -> dict[str, str]:
    """The parameters of a link this module made (repo, branch, targetpath, urlpath)."""
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query))


def origin_url() -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise ValueError("this clone has no 'origin' remote: pass --repo with the course's git URL, "
                         "e.g. --repo https://github.com/OWNER/REPO")
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--hub", help="the hub's address, e.g. https://hub.example.edu")
    where.add_argument("--server-path", action="store_true",
                       help="print the path form, for a hub's default URL (singleuser.defaultUrl)")
    parser.add_argument("--repo", help="the course's git URL (default: this clone's origin)")
    parser.add_argument("--branch", default="main", help="branch to follow (default: main)")
    parser.add_argument("--open", default=START, dest="open_path",
                        help=f"file to open, inside the course (default: {START})")
    parser.add_argument("--target", default=TARGET,
                        help=f"folder in each student's home (default: {TARGET})")
    args = parser.parse_args(argv)
    try:
        repo = args.repo or origin_url()
        if args.server_path:
            print(server_path(repo, args.branch, args.open_path, args.target))
        else:
            print(pull_link(args.hub, repo, args.branch, args.open_path, args.target))
    except ValueError as err:
        print(f"hub_link: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
