"""Run notebooks in a real JupyterLab, in headless Chromium, the way a learner does.

Helpers for ``test_browser.py``, in three parts:

* `LabServer`: one private, offline JupyterLab server serving a *copy* of a notebook
  folder (running every cell autosaves outputs, which must never reach the repository).
* `find_chromium` and `launch_chromium`: Debian's Chromium driven by Playwright.
* `LabNotebook`: one notebook open in a page: clear and run all cells, wait for the
  kernel, collect errors and broken widgets, take a screenshot.

Plus `widget_views` and `wait_for_views_change`, used by the widget actions in
``browser_actions.py``: a snapshot of what the widgets *show* (pictures, HTML, output
areas, canvases), leaving out the controls themselves.

JupyterLab is started with ``--LabApp.expose_app_in_browser=True`` so that the page can
run JupyterLab commands (``window.jupyterapp.commands.execute``) and read the notebook
model, instead of clicking through menus.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

# Timeouts, in seconds. A notebook of the course runs in well under a minute.
SERVER_START_TIMEOUT = 60
OPEN_TIMEOUT = 90          # load JupyterLab, open the notebook, start its kernel
RUN_TIMEOUT = 240          # run all cells
IDLE_TIMEOUT = 30          # kernel idle once the run has finished
CHANGE_TIMEOUT = 10        # a widget view changes after its control moved

VIEWPORT = {"width": 1400, "height": 2400}  # tall: a screenshot shows a chapter section
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is small in containers
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_MISSING = ("Chromium not found (neither $CHROMIUM nor 'chromium' on PATH is an executable): "
                    "install it with 'apt-get install chromium' or set CHROMIUM=/path/to/chromium; "
                    "'make test' installs it when run as root.")

# The notebook open in the page (one per page: the workspace is reset on opening).
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# JupyterLab plugins switched off: the "official Jupyter news?" toast and news fetching.
DISABLED_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]


# --------------------------------------------------------------------------- server


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """A private JupyterLab server, started by `LabServer.start`, stopped by `stop`."""

    process: subprocess.Popen
    port: int
    token: str
    root: Path       # the folder served: a copy of the notebooks
    log_path: Path   # the server's stdout and stderr
    startup_seconds: float = 0.0
    _children: dict[int, str] = field(default_factory=dict)  # pid -> start time

    @classmethod
    def start(cls, notebooks: Path, workdir: Path, timeout: float = SERVER_START_TIMEOUT,
              sources: bool = False, settings: dict[str, dict] | None = None) -> "LabServer":
        """Copy `notebooks` into `workdir` and serve the copy with a private configuration.

        The chapters' sources (*.py) are left out unless `sources` is true (to serve the
        folder as a learner gets it, sources beside the notebooks). `settings` are the
        user's JupyterLab settings, by plugin: ``{"@jupyterlab/notebook-extension:tracker":
        {"windowingMode": "none"}}``.
        """
        t0 = time.monotonic()
        root = workdir / "notebooks"
        skip = [".ipynb_checkpoints", "__pycache__"] + ([] if sources else ["*.py"])
        shutil.copytree(notebooks, root, ignore=shutil.ignore_patterns(*skip))
        env = _private_jupyter_env(workdir)
        for plugin, values in (settings or {}).items():
            package, _, name = plugin.rpartition(":")
            path = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        port, token = free_port(), secrets.token_hex(16)
        log_path = workdir / "jupyterlab.log"
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser", "--allow-root",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            # Offline and quiet: no update check, no news feed, no extension installs.
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=None",
            "--LabApp.extension_manager=readonly",
            # window.jupyterapp: run commands and read the notebook model from the page.
            "--LabApp.expose_app_in_browser=True",
        ]
        with open(log_path, "wb") as log:
            process = subprocess.Popen(command, cwd=root, env=env, stdin=subprocess.DEVNULL,
                                       stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True,  # its own process group
                                       preexec_fn=_terminate_with_parent)
        server = cls(process, port, token, root, log_path)
        try:
            server._wait_until_up(timeout)
        except BaseException:
            server.stop()
            raise
        server.startup_seconds = time.monotonic() - t0
        return server

    # -- addresses and the REST API

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def notebook_url(self, name: str) -> str:
        """The page that opens notebook `name` in a fresh (reset) workspace."""
        return f"{self.base_url}lab/tree/{urllib.parse.quote(name)}?reset&token={self.token}"

    def api(self, method: str, path: str, timeout: float = 10) -> Any:
        """Call the server's REST API (``path`` like ``"api/sessions"``); parsed JSON or None."""
        request = urllib.request.Request(self.base_url + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server's log, for failure messages."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    # -- lifecycle

    def _wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode} while "
                                   f"starting. Its log:\n{self.log_tail()}")
            try:
                self.api("GET", "api/status", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise TimeoutError(f"JupyterLab did not answer on port {self.port} within {timeout:.0f} s. "
                           f"Its log:\n{self.log_tail()}")

    def shutdown_kernels(self) -> int:
        """Delete every session and kernel through the REST API; how many were deleted."""
        self._children.update(_descendants(self.process.pid))  # remember kernels' pids
        deleted = 0
        for session in self.api("GET", "api/sessions"):
            self.api("DELETE", f"api/sessions/{session['id']}", timeout=30)
            deleted += 1
        for kernel in self.api("GET", "api/kernels"):
            self.api("DELETE", f"api/kernels/{kernel['id']}", timeout=30)
            deleted += 1
        return deleted

    def stop(self) -> list[int]:
        """Shut down kernels and the server; kill whatever is left. Pids that had to be killed."""
        if self.process.poll() is None:
            try:
                self.shutdown_kernels()
                self.api("POST", "api/shutdown")
                self.process.wait(timeout=20)
            except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
                pass
        killed = []
        if self.process.poll() is None:
            killed.append(self.process.pid)
            _kill_group(self.process)
        for pid, started in self._children.items():  # kernels run in sessions of their own
            if _start_time(pid) == started:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        return killed


def _private_jupyter_env(workdir: Path) -> dict[str, str]:
    """Environment for the server and its kernels: private Jupyter dirs, fixed hash seed."""
    dirs = {name: workdir / sub for name, sub in [
        ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"), ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"), ("IPYTHONDIR", "ipython")]}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    labconfig = dirs["JUPYTER_CONFIG_DIR"] / "labconfig"
    labconfig.mkdir()
    (labconfig / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {plugin: True for plugin in DISABLED_PLUGINS}}))
    env = dict(os.environ, PYTHONHASHSEED="0", **{k: str(v) for k, v in dirs.items()})
    env.pop("MPLBACKEND", None)  # the kernel's default: inline figures
    return env


def _terminate_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the test process dies (Linux only).

    Then even a killed pytest leaves no server behind: on SIGTERM the server shuts its
    kernels down.
    """
    if sys.platform.startswith("linux"):
        import ctypes  # noqa: PLC0415

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _start_time(pid: int) -> str | None:
    """A process's start time (to tell it from a later process given the same pid)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _descendants(pid: int) -> dict[int, str]:
    """Children, grandchildren... of `pid` (Linux /proc), with their start times."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = {}, [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            started = _start_time(child)
            if started is not None:
                found[child] = started
                todo.append(child)
    return found


def _kill_group(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL, the process group led by `process`."""
    for sig, wait in [(signal.SIGTERM, 10), (signal.SIGKILL, 5)]:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


# --------------------------------------------------------------------------- browser


def find_chromium() -> str | None:
    """Path of the Chromium to drive: $CHROMIUM, else `chromium` on PATH; None if absent."""
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if candidate and os.access(candidate, os.X_OK):
        return candidate
    return None


def launch_chromium(playwright, executable: str):
    """Headless Chromium with a fresh temporary profile (Playwright's default launch)."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)


# --------------------------------------------------------------------------- notebook


class NotebookError(AssertionError):
    """The notebook did not run cleanly in JupyterLab: the message says where and why."""


class LabNotebook:
    """One notebook open in JupyterLab in a Playwright page."""

    def __init__(self, page, server: LabServer, name: str):
        self.page, self.server, self.name = page, server, name
        self.console_errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))

    # -- opening and running

    def open(self, timeout: float = OPEN_TIMEOUT) -> None:
        """Load JupyterLab on this notebook and wait until its kernel is idle."""
        self.page.goto(self.server.notebook_url(self.name), timeout=timeout * 1000)
        self._poll(f"JupyterLab to open {self.name}", timeout, lambda: self.page.evaluate(
            """name => {
                const app = window.jupyterapp, panel = app && app.shell.currentWidget;
                if (!panel || !panel.context || panel.context.path !== name) return false;
                window.courseNotebook = panel;  // the panel every later call looks at
                return true;
            }""", self.name), on_dialog=self._accept_kernel_choice)
        self.page.evaluate("window.jupyterapp.shell.collapseLeft()")  # room for the notebook
        self.wait_until_idle(timeout, on_dialog=self._accept_kernel_choice)

    def run_all(self, timeout: float = RUN_TIMEOUT) -> bool:
        """Clear every output, run every cell, wait until the kernel is idle again.

        True when every cell ran; False when Run All stopped at a failing cell.
        """
        self.command("notebook:clear-all-cell-outputs")
        # run-all resolves once every cell ran (or one failed); don't block on it in
        # evaluate() (no timeout there): keep the outcome on window and poll for it.
        self.page.evaluate("""() => {
            window.courseRunAll = null;
            window.jupyterapp.commands.execute('notebook:run-all-cells').then(
                ok => { window.courseRunAll = {ok}; },
                error => { window.courseRunAll = {error: String(error)}; });
        }""")
        outcome = self._poll("all cells to run", timeout, lambda: self.page.evaluate("window.courseRunAll"),
                             describe=self._running_cells)
        if "error" in outcome:
            raise NotebookError(f"{self.name}: JupyterLab's Run All failed: {outcome['error']}")
        self.wait_until_idle(IDLE_TIMEOUT)
        return bool(outcome["ok"])

    def command(self, command_id: str) -> Any:
        """Run a JupyterLab command (it acts on the current notebook) and return its result."""
        return self.page.evaluate("id => window.jupyterapp.commands.execute(id)", command_id)

    def wait_until_idle(self, timeout: float = IDLE_TIMEOUT,
                        on_dialog: Callable[[str], bool] | None = None) -> None:
        """Wait until the kernel is idle and no cell runs or waits to run, twice in a row.

        The status bar alone is not enough: with ipykernel 7 it can say Idle while a cell
        runs (a status message answering another request, e.g. on the control channel),
        so cells count too: no ``[*]`` prompt, no cell model in the 'running' state.
        """
        predicate = """root => {
            const bar = document.querySelector('#jp-main-statusbar');
            const prompts = [...document.querySelectorAll(root + ' .jp-InputPrompt')];
            const cells = window.courseNotebook.content.model.cells;
            return !!bar && bar.textContent.includes('| Idle')
                && !prompts.some(p => p.textContent.includes('[*]'))
                && !Array.from({length: cells.length}, (_, i) => cells.get(i))
                         .some(cell => cell.executionState === 'running');
        }"""
        streak = []

        def idle_twice() -> bool:
            streak.append(self.page.evaluate(predicate, NOTEBOOK))
            return streak[-2:] == [True, True]

        self._poll("the kernel to be idle", timeout, idle_twice, describe=self._running_cells,
                   on_dialog=on_dialog)

    def _poll(self, what: str, timeout: float, done: Callable[[], Any],
              describe: Callable[[], str] | None = None,
              on_dialog: Callable[[str], bool] | None = None, interval: float = 0.25) -> Any:
        """Call `done` until it returns something truthy; fail saying what we waited for.

        A JupyterLab dialog fails the wait unless `on_dialog` (given its text) handles it.
        """
        deadline = time.monotonic() + timeout
        while True:
            result = done()
            if result:
                return result
            dialog = self.dialog_text()
            if dialog and not (on_dialog and on_dialog(dialog)):
                detail = describe() if describe else ""
                raise NotebookError(f"{self.name}: JupyterLab showed a dialog while waiting for "
                                    f"{what}: {dialog!r}. {detail}".rstrip() + self._context())
            if time.monotonic() > deadline:
                detail = describe() if describe else ""
                raise NotebookError(f"{self.name}: waited {timeout:.0f} s for {what}. {detail}".rstrip()
                                    + self._context())
            time.sleep(interval)

    # -- dialogs

    def dialog_text(self) -> str:
        """Text of the JupyterLab dialog shown now, '' if none."""
        return self.page.evaluate(
            "() => { const d = document.querySelector('.jp-Dialog'); return d ? d.innerText.trim() : ''; }")

    def _accept_kernel_choice(self, dialog: str) -> bool:
        """Accept a 'Select Kernel' dialog with its default choice (the preferred kernel)."""
        if not dialog.startswith("Select Kernel"):
            return False
        self.page.click(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
        return True

    # -- what went wrong

    def cell_errors(self) -> list[str]:
        """Error outputs of the notebook's cells, and tracebacks written to stderr.

        Read from the notebook model: in the page an error output and a stderr stream
        (tqdm bars, warnings) render alike, as ``.jp-OutputArea-output`` with
        ``data-mime-type="application/vnd.jupyter.stderr"``.
        """
        found = self.page.evaluate("""() => {
            const cells = window.courseNotebook.content.model.cells, found = [];
            for (let i = 0; i < cells.length; i++) {
                const cell = cells.get(i);
                if (cell.type !== 'code') continue;
                for (const out of cell.toJSON().outputs) {
                    let text = null;
                    if (out.output_type === 'error')
                        text = out.traceback.join('\\n') || `${out.ename}: ${out.evalue}`;
                    else if (out.output_type === 'stream' && out.name === 'stderr'
                             && String(out.text).includes('Traceback (most recent call last)'))
                        text = String(out.text);
                    if (text !== null)
                        found.push({index: i, source: cell.sharedModel.getSource(), text});
                }
            }
            return found;
        }""")
        return [f"cell {e['index'] + 1} ({_first_line(e['source'])!r}):\n{_clean(e['text'])}"
                for e in found]

    def widget_errors(self, timeout: float = CHANGE_TIMEOUT) -> list[str]:
        """Widgets that failed to render, and errors shown inside widget output areas.

        Waits up to `timeout` for every widget to replace its 'Loading widget...' text.
        An ``interact`` or ``Output`` widget shows its function's errors inside itself,
        outside the notebook model: those are read from the page.
        """
        deadline = time.monotonic() + timeout
        while (loading := self.unrendered_widgets()) and time.monotonic() < deadline:
            time.sleep(0.25)
        found = [f"{loading} widget(s) still say 'Loading widget...' after {timeout:.0f} s"
                 ] if loading else []
        page = self.page.evaluate("""root => {
            const nb = document.querySelector(root), broken = [], stderr = [];
            nb.querySelectorAll('.jupyter-widgets-error-widget').forEach(e => {
                e.parentElement.click();  // an error widget shows its message once clicked
                const lines = e.textContent.trim().split('\\n')
                    .filter(line => !line.includes('Browser Console'));
                broken.push('error widget: ' + lines.slice(0, 3).join('\\n'));
            });
            nb.querySelectorAll('.jp-OutputArea-output').forEach(e => {
                if (!e.querySelector('.jupyter-widgets-error-widget')
                    && /Error displaying widget|Failed to load model class/.test(e.textContent))
                    broken.push(e.textContent.trim());
            });
            nb.querySelectorAll('.jupyter-widgets .jp-OutputArea-output'
                                + '[data-mime-type="application/vnd.jupyter.stderr"]')
                .forEach(e => stderr.push(e.textContent));
            return {broken, stderr};
        }""", NOTEBOOK)
        return found + page["broken"] + [f"in a widget output:\n{_clean(text)}"
                                         for text in page["stderr"] if _looks_like_error(text)]

    def unrendered_widgets(self) -> int:
        """How many widget outputs still say 'Loading widget...'."""
        return self.page.evaluate("""root => [...document.querySelectorAll(root + ' .jp-OutputArea-output')]
            .filter(e => e.textContent.trim() === 'Loading widget...').length""", NOTEBOOK)

    def callback_errors(self) -> list[str]:
        """Errors raised by widget callbacks in the kernel.

        No cell owns them, so JupyterLab sends them to the notebook's log console (the
        status bar counts its messages); open it and keep the tracebacks.
        """
        count = self.page.evaluate("""() => {
            const item = document.querySelector('#jp-main-statusbar .jp-LogConsoleStatusItem');
            return item && !item.classList.contains('lm-mod-hidden') ? Number(item.textContent) || 0 : 0;
        }""")
        if not count:
            return []
        self.command("logconsole:open")
        self.page.wait_for_selector(".jp-LogConsolePanel", timeout=10_000)
        entries = self.page.evaluate("""() => [...document.querySelectorAll(
            '.jp-LogConsolePanel .jp-OutputArea-output')].map(e => e.textContent)""")
        errors = [_clean(text, max_lines=8) for text in entries if _looks_like_error(text)]
        return [f"{text}\n(raised {errors.count(text)} times)" if errors.count(text) > 1 else text
                for text in dict.fromkeys(errors)]

    def _running_cells(self) -> str:
        """Which cells are running or queued (from the notebook model), for timeout messages."""
        running = self.page.evaluate("""() => {
            const cells = window.courseNotebook?.content.model.cells, found = [];
            for (let i = 0; cells && i < cells.length; i++)
                if (cells.get(i).executionState === 'running')
                    found.push([i, cells.get(i).sharedModel.getSource()]);
            return found;
        }""")
        status = self.page.evaluate(
            "() => document.querySelector('#jp-main-statusbar')?.innerText.replace(/\\n/g, ' | ') || ''")
        if not running:
            return f"Status bar: {status!r}."
        index, source = running[0]
        return (f"Still running or queued: {len(running)} cell(s), the first being cell {index + 1} "
                f"({_first_line(source)!r}). Status bar: {status!r}.")

    def _context(self) -> str:
        if not self.console_errors:
            return ""
        return "\nBrowser console errors:\n" + "\n".join(self.console_errors[-5:])

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)


def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0][:80] if lines else ""


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ERROR_LINE = re.compile(r"^\w+(Error|Exception)\b", re.M)  # "ValueError: ...", not warnings


def _looks_like_error(text: str) -> bool:
    """A Python traceback, or a line that starts with an exception name."""
    return "Traceback (most recent call last)" in text or bool(_ERROR_LINE.search(text))


def _clean(text: str, max_lines: int = 25) -> str:
    """A traceback without colour codes, cut to its last lines (where the error is)."""
    lines = _ANSI.sub("", text).rstrip().splitlines()
    if len(lines) > max_lines:
        lines = ["..."] + lines[-max_lines:]
    return "\n".join(lines)


# --------------------------------------------------------------------------- widget views

_VIEWS_JS = """root => {
    const nb = document.querySelector(root), views = {img: [], html: [], output: [], canvas: []};
    nb.querySelectorAll('.jupyter-widgets img').forEach(e => views.img.push(e.src));
    nb.querySelectorAll('.widget-html-content').forEach(e => views.html.push(e.innerHTML));
    nb.querySelectorAll('.widget-output').forEach(e => views.output.push(e.innerHTML));
    nb.querySelectorAll('.jupyter-widgets canvas').forEach(e => {
        try { views.canvas.push(e.toDataURL()); } catch (err) { views.canvas.push(String(err)); }
    });
    return views;
}"""


def widget_views(page) -> dict[str, list[str]]:
    """What the notebook's widgets show: image sources, HTML, output areas, canvases.

    Controls (sliders and their readouts, buttons) are left out, so a slider wired to
    nothing leaves the snapshot unchanged.
    """
    return page.evaluate(_VIEWS_JS, NOTEBOOK)


def describe_views(views: dict[str, list[str]]) -> str:
    return ", ".join(f"{len(values)} {kind}" for kind, values in views.items())


def wait_for_views_change(page, before: dict[str, list[str]], what: str,
                          kinds: tuple[str, ...] = ("img", "html", "output", "canvas"),
                          timeout: float = CHANGE_TIMEOUT) -> dict[str, list[str]]:
    """Poll until a widget view of one of `kinds` differs from `before`; the new views.

    Fails with an AssertionError naming `what` was done when nothing changed in time.
    """
    deadline = time.monotonic() + timeout
    while True:
        after = widget_views(page)
        if any(after[kind] != before[kind] for kind in kinds):
            return after
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}, but no widget view ({'/'.join(kinds)}) changed within "
                                 f"{timeout:.0f} s (views: {describe_views(before)}).")
        time.sleep(0.2)
