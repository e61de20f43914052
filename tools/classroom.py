"""A classroom on one machine: the students' environment, a JupyterHub on 127.0.0.1 with real
per-student system users, the course served from a local git repository, and students
simulated through the hub's and the Jupyter server's REST and kernel APIs.

Used by ``make hub`` (a hub for a teacher to try), ``tests/test_hub.py`` and
``benchmarks/hub_class.py``. Everything that needs root says so.

Layout (the same split as The Littlest JupyterHub's /opt/tljh/{hub,user}):

* ``$HUB_PREFIX`` (default ``/opt/mnist-course-hub``), readable by every user:
  ``user/`` the students' Python environment (a venv of Debian's ``/usr/bin/python3``
  with torch, the course and nbgitpuller), ``shared/mnist`` and ``shared/models`` the
  data and trained models every student reads and nobody but root can change.
  It lives outside the checkout because students must be able to reach it, and a
  checkout often sits in a folder only root may enter (``/root``, a ``mktemp -d``).
* ``build/hub/`` in the checkout, root's only: the proxy from npm, the hub's database,
  logs, the local git remote.

    python tools/classroom.py env                 # build (or check) the students' environment
    python tools/classroom.py up [--students N]   # start a hub for a teacher to try (make hub)
    python tools/classroom.py down                # stop it and remove its students (make hub-stop)
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import hub_link  # noqa: E402

BUILD = ROOT / "build" / "hub"
PREFIX = Path(os.environ.get("HUB_PREFIX", "/opt/mnist-course-hub"))
USER_PYTHON = os.environ.get("HUB_USER_PYTHON", "/usr/bin/python3")
TORCH_SPEC = os.environ.get("TORCH_SPEC", "torch==2.13.0")
TORCH_INDEX = os.environ.get("TORCH_INDEX", "")
HUB_CONFIG = ROOT / "deploy" / "local" / "jupyterhub_config.py"
SIZING = ROOT / "deploy" / "sizing.yaml"
CHAPTER_2 = "notebooks/02_network_from_scratch.ipynb"
# Every account this module creates carries this comment; only such accounts are removed.
MARKER = "mnist-course classroom student"
NEEDS_ROOT = ("a classroom hub runs each student's server as that student's own system user: "
              "creating those users (useradd) and switching to them needs root. Run as root "
              "(sudo make hub / sudo make test-hub).")


def log(message: str) -> None:
    print(f"[classroom] {message}", flush=True)


def is_root() -> bool:
    return os.geteuid() == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_low_port() -> int:
    """A free port below 1024 (root's only): for a service students' tokens are sent to."""
    for port in list(range(1011, 1024)) + list(range(900, 1011)):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port below 1024 for the class's overview")


def _hash_files(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for path in sorted(paths):
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def course_files() -> list[Path]:
    files = [p for p in (ROOT / "course").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return files + [ROOT / "pyproject.toml", ROOT / "README.md",
                    ROOT / "deploy" / "learner" / "course-learner-view.json"]  # pyproject's data-files


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({out.returncode}):\n{out.stdout[-3000:]}\n"
                           f"{out.stderr[-3000:]}")
    return out


def _open_to_all(top: Path) -> None:
    """Let every user read `top` (files) and enter it (folders); nobody but the owner writes."""
    for dirpath, dirnames, filenames in os.walk(top):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                mode = os.stat(path).st_mode
                os.chmod(path, 0o755 if mode & 0o111 else 0o644)


# --------------------------------------------------------------------- the students' side


@dataclass
class Environment:
    prefix: Path = PREFIX

    @property
    def user(self) -> Path:
        return self.prefix / "user"

    @property
    def python(self) -> Path:
        return self.user / "bin" / "python"

    @property
    def singleuser(self) -> Path:
        return self.user / "bin" / "jupyterhub-singleuser"

    @property
    def shared(self) -> Path:
        return self.prefix / "shared"

    @property
    def mnist(self) -> Path:
        return self.shared / "mnist"

    @property
    def models(self) -> Path:
        return self.shared / "models"

    def student_env(self) -> dict[str, str]:
        """What each student's server (and so each kernel) gets in its environment."""
        return {"MNIST_DIR": str(self.mnist), "COURSE_SHARED_MODELS": str(self.models),
                "PATH": f"{self.user / 'bin'}:/usr/local/bin:/usr/bin:/bin"}

    # -- the Python environment

    def ensure_user_env(self) -> bool:
        """Build the students' environment unless it is up to date; True when it was (re)built."""
        deps = _hash_files([ROOT / "pyproject.toml"], TORCH_SPEC + TORCH_INDEX)
        course = _hash_files(course_files())
        stamp = self.user / ".classroom-stamp.json"
        old = json.loads(stamp.read_text()) if stamp.is_file() else {}
        if old.get("deps") == deps and old.get("course") == course and self.singleuser.exists():
            return False
        if not os.access(USER_PYTHON, os.X_OK):
            raise RuntimeError(f"The students' environment is built from {USER_PYTHON}, which is missing. "
                               "Install Debian's python3 and python3-venv, or set HUB_USER_PYTHON to a "
                               "Python 3.11+ that every user may run (not one under /root).")
        self.prefix.mkdir(parents=True, exist_ok=True)
        os.chmod(self.prefix, 0o755)
        pip = [str(self.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "course-source"  # a copy: the build never writes into the checkout
            source.mkdir()
            for path in course_files():
                target = source / path.relative_to(ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
            if old.get("deps") != deps or not self.singleuser.exists():
                log(f"building the students' environment in {self.user} (a few minutes, once)")
                shutil.rmtree(self.user, ignore_errors=True)
                _run([USER_PYTHON, "-m", "venv", str(self.user)])
                _run(pip + (["--index-url", TORCH_INDEX] if TORCH_INDEX else []) + [TORCH_SPEC])
                _run(pip + [f"{source}[hub]"])
            else:
                log(f"the course changed: reinstalling it in {self.user}")
                _run(pip + ["--no-deps", "--force-reinstall", str(source)])
        # The file browser hides the chapters' sources (the teacher's text, with speaker notes).
        server_d = self.user / "etc" / "jupyter" / "jupyter_server_config.d"
        server_d.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "deploy" / "learner" / "course-learner-view.json", server_d)
        # No news pop-ups or update checks in the students' JupyterLab.
        labconfig = self.user / "etc" / "jupyter" / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        (labconfig / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}, indent=1))
        _open_to_all(self.user)
        stamp.write_text(json.dumps({"deps": deps, "course": course}))
        return True

    # -- shared data and models

    def ensure_shared(self, notebooks: list[str] = (CHAPTER_2,), mnist_from: Path | None = None) -> bool:
        """Fill shared/ once: full MNIST (copied from `mnist_from`, when given) and every model
        that running `notebooks` puts in the model cache; then make it read-only for students."""
        course = _hash_files(course_files())
        stamp = self.shared / ".classroom-stamp.json"
        old = json.loads(stamp.read_text()) if stamp.is_file() else {}
        wanted = sorted(set(notebooks) | set(old.get("notebooks", [])) if old.get("course") == course
                        else set(notebooks))
        if old.get("course") == course and old.get("notebooks") == wanted and self.models.is_dir():
            return False
        log(f"baking the shared data and models into {self.shared} (runs {', '.join(wanted)})")
        self.shared.mkdir(parents=True, exist_ok=True)
        self.mnist.mkdir(exist_ok=True)
        if mnist_from and Path(mnist_from).is_dir():
            for path in Path(mnist_from).glob("*-ubyte.gz"):
                shutil.copy2(path, self.mnist / path.name)
        (self.shared / "README.txt").write_text(
            "Data and trained models shared by every student of this hub (read-only).\n"
            f"mnist/  MNIST files (MNIST_DIR points here)\nmodels/ trained models "
            f"(COURSE_SHARED_MODELS points here)\n")
        bake_models(self.python, [ROOT / nb for nb in wanted], self.models, self.mnist)
        for path in [self.shared, *self.shared.rglob("*")]:
            os.chown(path, 0, 0, follow_symlinks=False)
        _open_to_all(self.shared)
        stamp.write_text(json.dumps({"course": course, "notebooks": wanted}))
        os.chmod(stamp, 0o644)
        return True


# Run one notebook top to bottom with the students' Python (used to bake the shared models).
_EXECUTE = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=900, kernel_name="python3").execute()
"""


def bake_models(python: Path | str, notebooks: list[Path], models: Path, mnist: Path | None = None) -> None:
    """Run `notebooks` (copies, in a scratch folder) with `python`, the model cache pointed
    at a fresh folder: every model they train ends up there; it then replaces `models`,
    readable by all and writable by nobody but its owner. Used for the local hub, the
    TLJH set-up and the Kubernetes image alike."""
    models = Path(models)
    models.parent.mkdir(parents=True, exist_ok=True)
    fresh = models.with_name(models.name + ".baking")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    with tempfile.TemporaryDirectory() as tmp:
        for nb in notebooks:
            copy = Path(tmp) / Path(nb).name
            shutil.copy2(nb, copy)
            env = {**os.environ, "HOME": tmp, "COURSE_MODEL_CACHE": str(fresh), "JUPYTER_PLATFORM_DIRS": "1",
                   "PATH": f"{Path(python).parent}:{os.environ['PATH']}"}
            if mnist:
                env["MNIST_DIR"] = str(mnist)
            env.pop("COURSE_SHARED_MODELS", None)  # train what is not there yet
            log(f"running {Path(nb).name} to train its models")
            _run([str(python), "-c", _EXECUTE, str(copy)], cwd=tmp, env=env, timeout=1800)
    shutil.rmtree(models, ignore_errors=True)
    fresh.rename(models)
    _open_to_all(models)
    for path in [models, *models.iterdir()]:
        os.chmod(path, 0o755 if path.is_dir() else 0o444)


# --------------------------------------------------------------------- system users


def create_student(name: str) -> int:
    """A system user for one student (home folder mode 700); returns the uid."""
    if not is_root():
        raise PermissionError(NEEDS_ROOT)
    try:
        existing = pwd.getpwnam(name)
        if existing.pw_gecos != MARKER:
            raise RuntimeError(f"a user named {name!r} already exists and was not made by this tool; "
                               "pick other student names")
    except KeyError:
        _run(["useradd", "--create-home", "--shell", "/bin/bash", "--comment", MARKER, name])
        existing = pwd.getpwnam(name)
    # Debian makes homes with mode 755: every user could read every other's notebooks.
    os.chmod(existing.pw_dir, 0o700)
    return existing.pw_uid


def pids_of(uid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    found.append(int(entry))
            except FileNotFoundError:
                pass
    return found


def stop_pids(pids: list[int], timeout: float = 10) -> None:
    """SIGTERM each process by its id, then SIGKILL what is still there after `timeout`."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def remove_student(name: str) -> None:
    """Stop the student's processes (by pid) and delete the account and its home; only
    accounts this tool created (see MARKER) are touched."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return
    if entry.pw_gecos != MARKER:
        raise RuntimeError(f"refusing to delete {name!r}: it was not created by tools/classroom.py")
    stop_pids(pids_of(entry.pw_uid))
    _run(["userdel", "--remove", name])


# --------------------------------------------------------------------- the course's git remote


class GitRemote:
    """The course as a git repository served on 127.0.0.1 by ``git daemon`` (git's own
    protocol; nbgitpuller's shallow clones need a smart server, which git's plain-HTTP
    protocol is not): what nbgitpuller pulls from, with no network. `commit` plays the
    teacher pushing a change."""

    def __init__(self, folder: Path, name: str = "mnist-course"):
        self.folder = folder
        self.work = folder / "teacher"           # the teacher's clone
        self.bare = folder / "www" / f"{name}.git"
        self.process: subprocess.Popen | None = None
        self.port = 0

    def create(self, ref: str = "HEAD") -> "GitRemote":
        shutil.rmtree(self.folder, ignore_errors=True)
        self.work.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(self.work)], input=archive.stdout, check=True)
        git = self.git
        git("init", "--quiet", "--initial-branch=main")
        git("add", "--all")
        git("commit", "--quiet", "-m", "The course")
        _run(["git", "clone", "--quiet", "--bare", str(self.work), str(self.bare)])
        hook = self.bare / "hooks" / "post-update"
        hook.write_text("#!/bin/sh\nexec git update-server-info\n")
        hook.chmod(0o755)
        _run(["git", "-C", str(self.bare), "update-server-info"])
        git("remote", "add", "origin", str(self.bare))
        return self

    def git(self, *args: str) -> str:
        return _run(["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@localhost",
                     "-C", str(self.work), *args]).stdout

    def commit(self, files: dict[str, str], message: str) -> str:
        for rel, text in files.items():
            path = self.work / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        self.git("add", "--all")
        self.git("commit", "--quiet", "-m", message)
        self.git("push", "--quiet", "origin", "main")
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def start(self, port: int = 0) -> str:
        self.port = port or free_port()
        www = str(self.bare.parent)
        self.process = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={www}", "--listen=127.0.0.1",
             f"--port={self.port}", www],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        _wait_for(lambda: subprocess.run(["git", "ls-remote", self.url], capture_output=True).returncode == 0,
                  20, "the course's git server to answer")
        return self.url

    @property
    def url(self) -> str:
        return f"git://127.0.0.1:{self.port}/{self.bare.name}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            stop_pids([self.process.pid])
            self.process.wait(timeout=10)


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _wait_for(done, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = done()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"waited {timeout:.0f} s for {what}")


# --------------------------------------------------------------------- the hub


def ensure_proxy() -> Path:
    """configurable-http-proxy from npm (deploy/local/package.json) under build/hub/proxy."""
    folder = BUILD / "proxy"
    exe = folder / "node_modules" / ".bin" / "configurable-http-proxy"
    wanted = (ROOT / "deploy" / "local" / "package-lock.json").read_bytes()
    lock = folder / "package-lock.json"
    if exe.exists() and lock.is_file() and lock.read_bytes() == wanted:
        return exe
    if not shutil.which("npm"):
        raise RuntimeError("npm is needed for JupyterHub's proxy (configurable-http-proxy): "
                           "apt-get install npm")
    log("installing configurable-http-proxy from npm")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(ROOT / "deploy" / "local" / name, folder / name)
    _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder)
    return exe


@dataclass
class Hub:
    """JupyterHub on 127.0.0.1 with deploy/local/jupyterhub_config.py."""

    env: Environment
    students: list[str]
    state: Path
    port: int = 0
    default_url: str = ""
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    admin_token: str = field(default_factory=lambda: secrets.token_hex(32))
    expose_app: bool = False
    teachers: list[str] = field(default_factory=lambda: ["teacher"])
    insight_port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def insight_url(self) -> str:
        """The class's overview (deploy/class_insight), through the hub's proxy."""
        return f"{self.url}/services/class-insight/"

    def start(self, timeout: float = 120) -> "Hub":
        if not is_root():
            raise PermissionError(NEEDS_ROOT)
        self.port = self.port or free_port()
        self.insight_port = self.insight_port or free_low_port()
        self.state.mkdir(parents=True, exist_ok=True)
        os.chmod(self.state, 0o700)
        variables = {
            "CLASSROOM_PREFIX": str(self.env.prefix), "CLASSROOM_STATE": str(self.state),
            "CLASSROOM_PORT": str(self.port), "CLASSROOM_HUB_API_PORT": str(free_port()),
            "CLASSROOM_PROXY_API_PORT": str(free_port()), "CLASSROOM_PROXY": str(ensure_proxy()),
            "CLASSROOM_STUDENTS": ",".join(self.students), "CLASSROOM_PASSWORD": self.password,
            "CLASSROOM_ADMIN_TOKEN": self.admin_token, "CLASSROOM_DEFAULT_URL": self.default_url,
            "CLASSROOM_EXPOSE_APP": "1" if self.expose_app else "",
            "CLASSROOM_STUDENT_ENV": json.dumps(self.env.student_env()),
            "CLASSROOM_TEACHERS": ",".join(self.teachers),
            "CLASSROOM_INSIGHT_PORT": str(self.insight_port),
        }
        hub = Path(sys.executable).parent / "jupyterhub"
        logfile = open(self.state / "jupyterhub.log", "ab")
        self.process = subprocess.Popen([str(hub), "-f", str(HUB_CONFIG)], cwd=self.state,
                                        env={**os.environ, **variables}, stdout=logfile,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        (self.state / "jupyterhub.pid").write_text(str(self.process.pid))
        try:
            _wait_for(lambda: self.process.poll() is not None or _http_ok(f"{self.url}/hub/api"),
                      timeout, "JupyterHub to answer")
            if self.process.poll() is not None:
                raise RuntimeError("JupyterHub exited at start")
        except Exception as err:
            raise RuntimeError(f"{err}; its log ends:\n{self.log_tail()}") from err
        return self

    def log_tail(self, lines: int = 40) -> str:
        path = self.state / "jupyterhub.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def api(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.url}/hub/api{path}", data=data, method=method,
                                     headers={"Authorization": f"token {token or self.admin_token}"})
        with urllib.request.urlopen(req, timeout=30) as r:
            text = r.read()
        return json.loads(text) if text else None

    def token_for(self, student: str) -> str:
        """An API token owned by the student, made by the admin service (no login form)."""
        return self.api("POST", f"/users/{student}/tokens",
                        {"note": "simulated student", "expires_in": 6 * 3600})["token"]

    def pids(self) -> list[int]:
        """The hub and what it started as root (the proxy, the idle culler)."""
        if not self.process:
            return []
        pids = [self.process.pid]
        proxy = self.state / "jupyterhub-proxy.pid"
        if proxy.is_file():
            pids.append(int(proxy.read_text().strip()))
        # Its other children are the students' servers (LocalProcessSpawner): not the hub's.
        children = [p for p in _children(self.process.pid) if _uid(p) == os.geteuid()]
        return [p for p in dict.fromkeys(pids + children) if _alive(p)]

    def stop(self) -> None:
        """Stop the hub (it stops the students' servers and its proxy), then anything left,
        each by its process id."""
        if not self.process:
            return
        started = set(self.pids())
        stop_pids([self.process.pid], timeout=30)
        self.process.wait(timeout=10)
        stop_pids([p for p in started if _alive(p)])
        stop_overview(self.state)
        for name in self.students:
            try:
                stop_pids(pids_of(pwd.getpwnam(name).pw_uid))
            except KeyError:
                pass


def overview_pids(state: Path) -> list[int]:
    """The class's overview processes (deploy/class_insight) that the hub with this state
    folder started: found by their own environment, their database in ``state``."""
    mark = f"CLASS_INSIGHT_DB={state}/".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if b"class_insight/service.py" in Path(f"/proc/{entry}/cmdline").read_bytes() and \
                    mark in Path(f"/proc/{entry}/environ").read_bytes():
                found.append(int(entry))
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def stop_overview(state: Path) -> None:
    """Stop the class's overview that a hub with this state folder started: a hub that is
    shutting down may restart a service it has just stopped, and that one outlives it.
    Stopped by process id."""
    for _ in range(2):                       # once more for one restarted meanwhile
        time.sleep(1)
        stop_pids(overview_pids(state))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def _uid(pid: int) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except FileNotFoundError:
        return None


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                pass
    return found


# --------------------------------------------------------------------- measuring


def rss_and_cpu(pids: list[int]) -> tuple[int, float]:
    """Summed resident memory (bytes) and CPU time (s, user + system) of these processes."""
    rss, cpu = 0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / tick
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return rss, cpu


class MemorySampler:
    """Samples, every `interval` s, the summed RSS of each student's processes (their
    server and kernels, found by uid) and of the hub's; keeps the peaks and the CPU time."""

    def __init__(self, uids: dict[str, int], hub_pids, interval: float = 0.25):
        self.uids, self.hub_pids, self.interval = uids, hub_pids, interval
        self.peak: dict[str, int] = {name: 0 for name in uids}
        self.cpu: dict[str, float] = {name: 0.0 for name in uids}
        self.hub_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        for name, uid in self.uids.items():
            rss, cpu = rss_and_cpu(pids_of(uid))
            self.peak[name] = max(self.peak[name], rss)
            self.cpu[name] = max(self.cpu[name], cpu)
        self.hub_peak = max(self.hub_peak, rss_and_cpu(self.hub_pids())[0])

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample()


# --------------------------------------------------------------------- a simulated student


@dataclass
class RunResult:
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_s: float | None = None  # CPU time of the student's processes during the run (needs root)


class Student:
    """One student driving their own server through the hub, as JupyterLab would:
    the hub's REST API to start it, nbgitpuller's API to pull, the contents and sessions
    APIs and the kernel's websocket to run a notebook."""

    def __init__(self, hub: Hub, name: str, token: str):
        self.hub, self.name, self.token = hub, name, token
        self.uid = pwd.getpwnam(name).pw_uid
        from tornado.httpclient import AsyncHTTPClient
        self.http = AsyncHTTPClient()

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    async def fetch(self, url: str, method: str = "GET", body: Any = None, timeout: float = 120,
                    **kw):
        from tornado.httpclient import HTTPRequest
        data = json.dumps(body) if body is not None else (b"" if method in ("POST", "PUT") else None)
        return await self.http.fetch(HTTPRequest(url, method=method, body=data, headers=self._headers(),
                                                 request_timeout=timeout, **kw), raise_error=True)

    async def start_server(self, timeout: float = 600) -> float:
        """Ask the hub for the student's server; seconds until the hub reports it ready."""
        t0 = time.monotonic()
        await self.fetch(f"{self.hub.url}/hub/api/users/{self.name}/server", "POST")
        while time.monotonic() - t0 < timeout:
            r = await self.fetch(f"{self.hub.url}/hub/api/users/{self.name}")
            server = json.loads(r.body).get("servers", {}).get("")
            if server and server.get("ready"):
                return time.monotonic() - t0
            await asyncio.sleep(0.25)
        raise TimeoutError(f"{self.name}: server not ready after {timeout:.0f} s")

    async def follow_link(self, link: str) -> str:
        """Log in through the hub's form with the link as 'next' and follow every redirect,
        cookies and all, as a browser would (hub, user-redirect, the server's OAuth log-in);
        returns the URL of the page it ends on, which must be nbgitpuller's."""
        return await asyncio.to_thread(self._follow_link, link)

    def _follow_link(self, link: str) -> str:
        import requests
        with requests.Session() as browser:
            browser.get(f"{self.hub.url}/hub/login", timeout=60).raise_for_status()
            r = browser.post(f"{self.hub.url}/hub/login",
                             params={"next": link[len(self.hub.url):]},
                             data={"username": self.name, "password": self.hub.password,
                                   "_xsrf": browser.cookies.get("_xsrf", "")}, timeout=600)
            r.raise_for_status()
        if not r.url.startswith(f"{self.server}/git-pull?") or "nbgitpuller" not in r.text.lower():
            raise AssertionError(f"{self.name}: the link led to {r.url}, not to nbgitpuller's page "
                                 "on the student's server")
        return r.url

    async def pull(self, repo: str, branch: str = "main", target: str = hub_link.TARGET,
                   timeout: float = 300) -> list[dict]:
        """What nbgitpuller's page does after the link: its event stream, to the end."""
        query = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": target})
        r = await self.fetch(f"{self.server}/git-pull/api?{query}", timeout=timeout)
        events = [json.loads(line[len("data: "):]) for line in r.body.decode().splitlines()
                  if line.startswith("data: ")]
        if not events or events[-1].get("phase") != "finished":
            raise AssertionError(f"{self.name}: nbgitpuller did not finish: {events[-3:]}")
        return events

    async def contents(self, path: str) -> dict:
        r = await self.fetch(f"{self.server}/api/contents/{urllib.parse.quote(path)}")
        return json.loads(r.body)

    async def save(self, path: str, model: dict) -> None:
        await self.fetch(f"{self.server}/api/contents/{urllib.parse.quote(path)}", "PUT", model)

    async def open_kernel(self, path: str) -> "Kernel":
        r = await self.fetch(f"{self.server}/api/sessions", "POST",
                             {"path": path, "type": "notebook", "name": Path(path).name,
                              "kernel": {"name": "python3"}})
        session = json.loads(r.body)
        kernel = Kernel(self, session["id"], session["kernel"]["id"])
        await kernel.connect()
        return kernel

    async def run_notebook(self, path: str, cell_timeout: float = 900) -> RunResult:
        """Every code cell of the student's copy of `path`, in order, in a new kernel."""
        nb = (await self.contents(path))["content"]
        result = RunResult()
        t0, cpu0 = time.monotonic(), rss_and_cpu(pids_of(self.uid))[1]
        kernel = await self.open_kernel(path)
        try:
            for index, cell in enumerate(nb["cells"]):
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                result.cells += 1
                status, text, error = await kernel.execute(source, cell_timeout)
                result.outputs.append(text)
                if status != "ok":
                    result.errors.append(f"{self.name}, {path}, cell {index + 1}: {error}")
                    break
            result.seconds = time.monotonic() - t0
            result.cpu_s = rss_and_cpu(pids_of(self.uid))[1] - cpu0
        finally:
            await kernel.close()
        return result


class Kernel:
    """A kernel of a student's server, driven over its websocket (Jupyter's messaging protocol)."""

    def __init__(self, student: Student, session_id: str, kernel_id: str):
        self.student, self.session_id, self.kernel_id = student, session_id, kernel_id
        self.ws = None

    async def connect(self) -> None:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect
        url = (f"{self.student.server}/api/kernels/{self.kernel_id}/channels?session_id={self.session_id}"
               ).replace("http://", "ws://")
        self.ws = await websocket_connect(HTTPRequest(url, headers=self.student._headers()),
                                          max_message_size=256 * 1024 * 1024)

    async def execute(self, code: str, timeout: float = 300) -> tuple[str, str, str]:
        """(status, text output, error) of one execute_request."""
        msg_id = secrets.token_hex(8)
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.student.name,
                       "session": self.session_id, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        texts, error, status, idle = [], "", None, False
        deadline = time.monotonic() + timeout
        while status is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.student.name}: a cell ran over {timeout:.0f} s")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise ConnectionError(f"{self.student.name}: the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue  # binary messages (widget buffers) are not needed here
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                texts.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                texts.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                status = content["status"]
                if status != "ok" and not error:
                    error = f"{content.get('ename')}: {content.get('evalue')}"
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return status, "".join(texts), error

    async def close(self) -> None:
        if self.ws:
            self.ws.close()
        try:
            await self.student.fetch(f"{self.student.server}/api/sessions/{self.session_id}", "DELETE")
        except Exception:
            pass


# --------------------------------------------------------------------- make hub


def _state_file() -> Path:
    return BUILD / "local-hub.json"


def up(n_students: int, port: int, bake: list[str]) -> int:
    if not is_root():
        print(f"make hub: {NEEDS_ROOT}", file=sys.stderr)
        return 2
    if _state_file().exists():
        print("make hub: a hub from this checkout is already running (make hub-stop stops it):\n"
              + _state_file().read_text(), file=sys.stderr)
        return 2
    env = Environment()
    env.ensure_user_env()
    mnist = os.environ.get("MNIST_DIR")
    env.ensure_shared(bake, mnist_from=Path(mnist) if mnist else None)
    remote = GitRemote(BUILD / "course-remote").create()
    repo = remote.start()
    students = [f"student{i}" for i in range(1, n_students + 1)]
    try:
        for name in students:
            create_student(name)
        hub = Hub(env, students, BUILD / "local-hub", port=port,
                  default_url=hub_link.server_path(repo)).start()
    except BaseException:  # leave nothing behind: no git server, no test students
        remote.stop()
        for name in students:
            remove_student(name)
        raise
    link = hub_link.pull_link(hub.url, repo)
    info = {"url": hub.url, "students": students, "password": hub.password, "hub_pid": hub.process.pid,
            "git_pid": remote.process.pid, "link": link, "overview": hub.insight_url,
            "teachers": hub.teachers}
    _state_file().write_text(json.dumps(info, indent=1))
    os.chmod(_state_file(), 0o600)
    print(f"""
A classroom hub is running at {hub.url}/ (on this machine only).
Log in as one of {', '.join(students)} with the password {hub.password}
The class's overview, what the students' checks said: {hub.insight_url}
  (log in as {', '.join(hub.teachers)}, same password; students cannot open it)
The course's nbgitpuller link (it puts the course into the student's home and opens chapter 0):
  {link}
The course is served from {repo} (a local copy of this checkout's HEAD).
Stop it, and remove the test students and their homes, with:  make hub-stop
""")
    return 0


def down() -> int:
    state = _state_file()
    if not state.exists():
        print("make hub-stop: no hub from this checkout is running.")
        return 0
    info = json.loads(state.read_text())
    # What the hub started as root (the class's overview, the idle culler) may outlive it.
    services = [p for p in _children(info["hub_pid"]) if _uid(p) == os.geteuid()]
    for pid in (info["hub_pid"], info["git_pid"]):
        stop_pids([pid], timeout=30)
    stop_pids([p for p in services if _alive(p)])
    stop_overview(BUILD / "local-hub")
    proxy = BUILD / "local-hub" / "jupyterhub-proxy.pid"
    if proxy.is_file():
        stop_pids([int(proxy.read_text())])
    for name in info["students"]:
        remove_student(name)
    state.unlink()
    print(f"Stopped the hub at {info['url']} and removed {', '.join(info['students'])}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("env", help="build (or check) the students' environment and shared models")
    start = sub.add_parser("up", help="start a hub on 127.0.0.1 for a teacher to try")
    start.add_argument("--students", type=int, default=3)
    start.add_argument("--port", type=int, default=int(os.environ.get("HUB_PORT", 8000)))
    start.add_argument("--bake", nargs="*", default=None,
                       help="notebooks whose trained models are baked into shared/ (default: all)")
    sub.add_parser("down", help="stop that hub and remove its students")
    bake = sub.add_parser("bake", help="train the models some notebooks cache, into a shared folder "
                          "(with this Python; used by the TLJH set-up and the hub image)")
    bake.add_argument("--models", type=Path, required=True, help="the shared models folder to fill")
    bake.add_argument("--mnist", type=Path, help="the MNIST folder the notebooks should read")
    bake.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "down":
        return down()
    if args.command == "bake":
        missing = [str(nb) for nb in args.notebooks if not nb.is_file()]
        if missing:
            print(f"classroom bake: no such notebook: {', '.join(missing)}", file=sys.stderr)
            return 2
        bake_models(sys.executable, args.notebooks, args.models, args.mnist)
        print(f"Baked {len(list(args.models.glob('*.pt')))} models into {args.models}.")
        return 0
    if not is_root():
        print(f"classroom: {NEEDS_ROOT}", file=sys.stderr)
        return 2
    if args.command == "env":
        env = Environment()
        env.ensure_user_env()
        mnist = os.environ.get("MNIST_DIR")
        env.ensure_shared([CHAPTER_2], mnist_from=Path(mnist) if mnist else None)
        print(f"The students' environment is ready in {env.user}; shared data and models in {env.shared}.")
        return 0
    bake = args.bake if args.bake is not None else sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("[0-9][0-9]*.ipynb"))
    return up(args.students, args.port, bake)


if __name__ == "__main__":
    sys.exit(main())
