"""A class on a JupyterHub: what one student costs, and how much slower a chapter runs when
K students run it at the same moment.

    sudo .venv/bin/python benchmarks/hub_class.py [--k 6] [--no-browser] [--write-sizing]

Starts a real JupyterHub on 127.0.0.1 (deploy/local/jupyterhub_config.py) with K+1 real
system users, serves the course from a local git repository, and then:

1. one student alone: the hub starts their server, they follow the nbgitpuller link (the
   course is cloned into their home) and run chapter 2 top to bottom through the Jupyter
   server's REST and kernel APIs;
2. K other students do the same all at once, one of them in headless Chromium (log-in
   form, the link, JupyterLab's Run All).

Printed per student: time to a ready server, to pull the course, to run the chapter
(wall and CPU), peak resident memory of all their processes (server + kernel, sampled
every 0.25 s), whether the chapter reused the shared models; then the hub's peak, the
failures (must be 0) and the K-at-once slowdown. --write-sizing puts the figures into
deploy/sizing.yaml and derives the sizing table from them (tools/sizing.py).

Needs root (students are system users) and takes a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import pwd
import shutil
import signal
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import classroom as C  # noqa: E402
import hub_link  # noqa: E402

MIB = 1024 * 1024


def student_names(n: int, prefix: str = "mnist-s") -> list[str]:
    return [f"{prefix}{i}" for i in range(1, n + 1)]


async def rest_student(hub: C.Hub, name: str, token: str, link: str, repo: str,
                       chapter: str) -> dict:
    """One simulated student: start the server, follow the link, pull, run the chapter."""
    s = C.Student(hub, name, token)
    row: dict = {"student": name, "client": "REST"}
    try:
        row["ready_s"] = await s.start_server()
        t0 = time.monotonic()
        await s.follow_link(link)
        await s.pull(repo)
        row["pull_s"] = time.monotonic() - t0
        result = await s.run_notebook(f"{hub_link.TARGET}/{chapter}")
        row["cpu_s"], row["run_s"] = result.cpu_s, result.seconds
        row["cells"], row["errors"] = result.cells, result.errors
        row["shared_models"] = "shared models in" in "".join(result.outputs)
    except Exception as err:  # a failure is counted and reported, not hidden
        row["errors"] = [f"{name}: {type(err).__name__}: {err}"]
    return row


def browser_student(hub: C.Hub, name: str, link: str, chapter: str, shots: Path | None) -> dict:
    """A student in headless Chromium: the log-in form with the link as 'next', then
    JupyterLab on the chapter, Run All, and the errors the page shows."""
    from browser_lab import LabNotebook, find_chromium, launch_chromium, VIEWPORT
    from playwright.sync_api import Error as PlaywrightError, sync_playwright
    row: dict = {"student": name, "client": "Chromium"}
    uid = pwd.getpwnam(name).pw_uid
    path = f"{hub_link.TARGET}/{chapter}"

    class HubNotebook(LabNotebook):
        """The notebook JupyterLab opens by itself once nbgitpuller's page has pulled the
        course (its urlpath): wait for it there instead of loading another URL, which would
        interrupt the pull."""

        def dialog_text(self) -> str:
            try:
                return super().dialog_text()
            except PlaywrightError:  # navigating
                return ""

        def open(self, timeout):
            def opened():
                try:
                    return self.page.evaluate("""name => {
                        const app = window.jupyterapp, panel = app && app.shell.currentWidget;
                        if (!panel || !panel.context || panel.context.path !== name) return false;
                        window.courseNotebook = panel;
                        return true;
                    }""", self.name)
                except PlaywrightError:  # the page is navigating (nbgitpuller -> JupyterLab)
                    return False
            self._poll(f"JupyterLab to open {self.name} after the pull", timeout, opened,
                       on_dialog=self._accept_kernel_choice)
            self.page.evaluate("window.jupyterapp.shell.collapseLeft()")
            self.wait_until_idle(timeout, on_dialog=self._accept_kernel_choice)

    try:
        chromium = find_chromium()
        if not chromium:
            raise RuntimeError("no Chromium (make browser installs it)")
        with sync_playwright() as p:
            browser = launch_chromium(p, chromium)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                next_path = link[len(hub.url):]
                page.goto(f"{hub.url}/hub/login?next={urllib.parse.quote(next_path)}", timeout=60_000)
                page.fill("input[name=username]", name)
                page.fill("input[name=password]", hub.password)
                t0 = time.monotonic()
                page.click("[type=submit]")  # the hub starts the server, then goes on to the link
                page.wait_for_url(f"{hub.url}/user/{name}/**", timeout=600_000)
                row["ready_s"] = time.monotonic() - t0
                nb = HubNotebook(page, None, path)
                t0 = time.monotonic()
                nb.open(timeout=300)
                row["pull_s"] = time.monotonic() - t0
                cpu0 = C.rss_and_cpu(C.pids_of(uid))[1]
                t0 = time.monotonic()
                ran = nb.run_all(timeout=900)
                row["run_s"] = time.monotonic() - t0
                row["cpu_s"] = C.rss_and_cpu(C.pids_of(uid))[1] - cpu0
                errors = nb.cell_errors() + nb.widget_errors()
                if not ran and not errors:
                    errors.append("Run All stopped before the last cell")
                row["errors"] = [f"{name} (Chromium): {e}" for e in errors]
                row["cells"] = nb.page.evaluate("""() => {
                    const cells = window.courseNotebook.content.model.cells;
                    return Array.from({length: cells.length}, (_, i) => cells.get(i))
                                .filter(cell => cell.type === 'code').length;
                }""")
                # The outputs' text from the notebook model (JupyterLab renders only the cells in view).
                text = nb.page.evaluate("""() => {
                    const cells = window.courseNotebook.content.model.cells, texts = [];
                    for (let i = 0; i < cells.length; i++)
                        for (const out of (cells.get(i).toJSON().outputs || []))
                            texts.push(String(out.text || (out.data && out.data['text/plain']) || ''));
                    return texts.join('\\n');
                }""")
                row["shared_models"] = "shared models in" in text
                if shots:
                    nb.screenshot(shots / f"hub-{name}-chapter2.png")
                # Shut its kernel down (closing the tab would ask whether to save, and wait).
                nb.page.evaluate("() => window.courseNotebook.sessionContext.shutdown()")
            finally:
                browser.close()
    except Exception as err:
        row["errors"] = [f"{name} (Chromium): {type(err).__name__}: {err}"]
    return row


async def _together(hub, names, tokens, link, repo, chapter, browser, shots):
    tasks = []
    for i, name in enumerate(names):
        if browser and i == len(names) - 1:
            tasks.append(asyncio.to_thread(browser_student, hub, name, link, chapter, shots))
        else:
            tasks.append(rest_student(hub, name, tokens[name], link, repo, chapter))
    return await asyncio.gather(*tasks)


def run_class(hub: C.Hub, repo: str, alone: str, together: list[str], browser: bool = True,
              chapter: str = C.CHAPTER_2, shots: Path | None = None) -> dict:
    """The two measurements of the module docstring, on a running hub."""
    load_before = os.getloadavg()
    link = hub_link.pull_link(hub.url, repo, open_path=chapter)
    names = [alone, *together]
    tokens = {n: hub.token_for(n) for n in names}
    uids = {n: pwd.getpwnam(n).pw_uid for n in names}
    rows = []
    with C.MemorySampler(uids, hub.pids) as sampler:
        t0 = time.monotonic()
        rows.append(asyncio.run(rest_student(hub, alone, tokens[alone], link, repo, chapter)))
        rows[0]["phase"] = "alone"
        t1 = time.monotonic()
        load_between = os.getloadavg()
        for row in asyncio.run(_together(hub, together, tokens, link, repo, chapter, browser, shots)):
            row["phase"] = f"{len(together)} at once"
            rows.append(row)
        t2 = time.monotonic()
    for row in rows:
        row["peak_mib"] = round(sampler.peak[row["student"]] / MIB)
    k_rows = rows[1:]
    result = {
        "k": len(together), "chapter": chapter, "rows": rows,
        "alone_total_s": t1 - t0, "together_total_s": t2 - t1,
        "hub_peak_mib": round(sampler.hub_peak / MIB),
        "failures": sum(1 for r in rows if r.get("errors")),
        "errors": [e for r in rows for e in r.get("errors", [])],
        "machine": {"cores": os.cpu_count(), "load_before": load_before, "load_between": load_between,
                    "load_after": os.getloadavg(), "python": platform.python_version()},
    }
    rest = [r for r in k_rows if r["client"] == "REST" and "run_s" in r]
    if "run_s" in rows[0] and rest:
        result["slowdown"] = (sum(r["run_s"] for r in rest) / len(rest)) / rows[0]["run_s"]
    return result


def _f(x, fmt="{:.1f}"):
    return "—" if x is None else fmt.format(x)


def report(result: dict) -> str:
    machine = result["machine"]
    loads = ", ".join(f"{machine[k][0]:.1f}" for k in ("load_before", "load_between", "load_after") if k in machine)
    lines = [f"Chapter {result['chapter']}: one student alone, then {result['k']} at once "
             f"({machine['cores']} cores; 1-minute load average before, between, after: {loads})",
             "",
             "| student | phase | client | server ready (s) | pull (s) | chapter wall (s) | chapter CPU (s) "
             "| peak RSS server+kernel (MiB) | shared models | errors |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in result["rows"]:
        lines.append(f"| {r['student']} | {r['phase']} | {r['client']} | {_f(r.get('ready_s'))} | "
                     f"{_f(r.get('pull_s'))} | {_f(r.get('run_s'))} | {_f(r.get('cpu_s'))} | "
                     f"{r.get('peak_mib', '—')} | {'yes' if r.get('shared_models') else 'no'} | "
                     f"{len(r.get('errors', []))} |")
    lines += ["", f"hub + proxy + culler peak RSS: {result['hub_peak_mib']} MiB",
              f"failures: {result['failures']}"]
    if "slowdown" in result:
        lines.append(f"chapter wall time, {result['k']} at once vs alone (REST students): "
                     f"{result['slowdown']:.2f}x (wall times follow the machine's other load; "
                     "CPU time and memory do not)")
    lines += result["errors"]
    return "\n".join(lines)


def measured_for_sizing(result: dict) -> dict:
    alone = result["rows"][0]
    return {"student_peak_mib": max(r["peak_mib"] for r in result["rows"]),
            "hub_peak_mib": result["hub_peak_mib"],
            "alone_wall_s": round(alone["run_s"], 1), "alone_cpu_s": round(alone["cpu_s"], 1),
            "k_at_once": result["k"], "slowdown_k_at_once": round(result.get("slowdown", 0), 2),
            "chapter": result["chapter"],
            "measured_on": f"{result['machine']['cores']} cores, a machine shared with other work "
                  f"(load {result['machine']['load_before'][0]:.1f} before the run), "
                  f"{time.strftime('%Y-%m-%d')}, benchmarks/hub_class.py"}


def write_sizing(result: dict) -> None:
    import yaml
    import sizing as S
    data = S.load()
    data["measured"] = measured_for_sizing(result)
    data["derived"] = S.derive(data["measured"], data["policy"])
    lines = S.SIZING.read_text().splitlines(keepends=True)
    header = "".join(line for line in lines[:next(i for i, l in enumerate(lines) if not l.startswith("#"))])
    S.SIZING.write_text(header + yaml.safe_dump(data, sort_keys=False, width=100))
    S.write_helm_config(data)


class Classroom:
    """Everything a class run needs, set up and torn down: environment, git remote, users, hub."""

    def __init__(self, n_students: int, expose_app: bool = True):
        self.env = C.Environment()
        self.names = student_names(n_students)
        self.tmp = Path(tempfile.mkdtemp(prefix="classroom-", dir="/tmp"))
        os.chmod(self.tmp, 0o755)
        self.remote = C.GitRemote(self.tmp / "course")
        self.hub = None
        self.expose_app = expose_app

    def __enter__(self) -> "Classroom":
        # A SIGTERM (a timeout, CI stopping) must still stop the hub and remove the users.
        self._old_handler = signal.signal(signal.SIGTERM, _terminate)
        try:
            self.env.ensure_user_env()
            mnist = os.environ.get("MNIST_DIR")
            self.env.ensure_shared([C.CHAPTER_2], mnist_from=Path(mnist) if mnist else None)
            self.remote.create()
            self.repo = self.remote.start()
            self.uids = {n: C.create_student(n) for n in self.names}
            self.hub = C.Hub(self.env, self.names, self.tmp / "hub", expose_app=self.expose_app,
                             default_url=hub_link.server_path(self.repo)).start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.hub:
                self.hub.stop()
            self.remote.stop()
            for name in self.names:
                C.remove_student(name)
            shutil.rmtree(self.tmp, ignore_errors=True)
        finally:
            signal.signal(signal.SIGTERM, self._old_handler)


def _terminate(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=6, help="students at once (default 6)")
    parser.add_argument("--no-browser", action="store_true", help="all K students through the REST API")
    parser.add_argument("--write-sizing", action="store_true", help="update deploy/sizing.yaml")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--from-json", type=Path,
                        help="no new run: print (and with --write-sizing, use) the figures of an earlier --json")
    args = parser.parse_args(argv)
    if args.from_json:
        result = json.loads(args.from_json.read_text())
        print(report(result))
        if args.write_sizing:
            write_sizing(result)
            print(f"wrote {C.SIZING.relative_to(ROOT)}")
        return 0
    if not C.is_root():
        print(f"hub_class: {C.NEEDS_ROOT}", file=sys.stderr)
        return 2
    with Classroom(args.k + 1) as room:
        result = run_class(room.hub, room.repo, room.names[0], room.names[1:], not args.no_browser)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    if args.write_sizing:
        write_sizing(result)
        print(f"wrote {C.SIZING.relative_to(ROOT)}")
    return 0 if result["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
