"""A classroom on a real JupyterHub (127.0.0.1), with real per-student system users.

Run by ``make test-hub`` (as root; a few minutes): the hub from PyPI with the proxy from
npm, the students' environment built once under $HUB_PREFIX, the course pulled by each
student with the nbgitpuller link from a local git server. K students (at least 6, one of
them in headless Chromium) run chapter 2 at the same moment; the figures are printed by
benchmarks/hub_class.py's report and kept in build/hub/hub_class.{txt,json}.
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import classroom as C  # noqa: E402
import hub_class  # noqa: E402
import hub_link  # noqa: E402
from browser_lab import find_chromium  # noqa: E402

K = max(6, int(os.environ.get("HUB_K", "6")))

pytestmark = [
    pytest.mark.skipif(os.environ.get("COURSE_HUB_TESTS") != "1",
                       reason="the classroom hub tests run with `make test-hub` (root, a few minutes)"),
    pytest.mark.skipif(not C.is_root(), reason=C.NEEDS_ROOT),
    pytest.mark.timeout(1800),
]


@pytest.fixture(scope="module")
def room():
    with hub_class.Classroom(K + 1) as classroom:
        yield classroom


def run(coro):
    return asyncio.run(coro)


@pytest.fixture(scope="module")
def class_result(room):
    """The class: one student alone, then K at once (one in Chromium), chapter 2 each."""
    chromium = find_chromium() is not None
    shots = ROOT / "tests" / "artifacts"
    result = hub_class.run_class(room.hub, room.repo, room.names[0], room.names[1:], browser=chromium,
                                 shots=shots)
    text = hub_class.report(result)
    print("\n" + text)
    C.BUILD.mkdir(parents=True, exist_ok=True)
    (C.BUILD / "hub_class.txt").write_text(text + "\n")
    (C.BUILD / "hub_class.json").write_text(json.dumps(result, indent=1))
    result["chromium"] = chromium
    return result


def student(room, name: str) -> C.Student:
    return C.Student(room.hub, name, room.hub.token_for(name))


def code_cells(path: Path) -> int:
    return sum(1 for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")


def test_k_students_at_once_run_chapter_2_without_a_failure(room, class_result):
    assert class_result["failures"] == 0, "\n".join(class_result["errors"])
    rows = class_result["rows"]
    assert len(rows) == K + 1 and sum(r["phase"] != "alone" for r in rows) == K
    expected = code_cells(ROOT / C.CHAPTER_2)
    for row in rows:
        assert row["cells"] == expected, f"{row['student']} ran {row['cells']} of {expected} code cells"
        assert row["ready_s"] > 0 and row["peak_mib"] > 0
        # The chapter's two trained models came from the shared folder: nobody trained them.
        assert row["shared_models"], f"{row['student']}: chapter 2 did not reuse the shared models"


def test_one_student_used_headless_chromium(class_result):
    if not class_result["chromium"]:
        pytest.skip("no Chromium (make browser installs it): all students used the REST API")
    browser = [r for r in class_result["rows"] if r["client"] == "Chromium"]
    assert len(browser) == 1 and not browser[0].get("errors")
    assert browser[0]["phase"] != "alone"


def test_every_student_has_their_own_copy_of_the_course_at_the_remote_commit(room, class_result):
    head = room.remote.head()
    for name in room.names:
        home = Path(pwd.getpwnam(name).pw_dir)
        clone = home / hub_link.TARGET
        out = subprocess.run(["git", "-c", f"safe.directory={clone}", "-C", str(clone), "rev-parse", "HEAD"],
                             capture_output=True, text=True)
        assert out.stdout.strip() == head, f"{name}: {out.stderr}"
        assert (clone / C.CHAPTER_2).stat().st_uid == pwd.getpwnam(name).pw_uid
        assert (home.stat().st_mode & 0o077) == 0, f"{home} is open to other users"


# Run in a student's kernel: each attempt is recorded as allowed or denied.
ATTEMPT = """
import json, os
result = {}
def attempt(label, action):
    try:
        action()
        result[label] = "allowed"
    except PermissionError:
        result[label] = "denied"
"""

PROBE_OTHERS = ATTEMPT + """
attempt("read own notebook", lambda: open(OWN).read())
attempt("read other's notebook", lambda: open(OTHER).read())
attempt("list other's home", lambda: os.listdir(os.path.dirname(os.path.dirname(os.path.dirname(OTHER)))))
attempt("write in other's home", lambda: open(os.path.join(os.path.dirname(OTHER), "x.txt"), "w"))
print(json.dumps(result))
"""


def test_a_student_cannot_read_another_students_notebooks(room, class_result):
    a, b = room.names[0], room.names[1]
    own = f"{pwd.getpwnam(a).pw_dir}/{hub_link.TARGET}/{C.CHAPTER_2}"
    other = f"{pwd.getpwnam(b).pw_dir}/{hub_link.TARGET}/{C.CHAPTER_2}"
    assert Path(other).is_file()  # it is there: only the permissions can keep a out

    async def probe():
        kernel = await student(room, a).open_kernel(f"{hub_link.TARGET}/{C.CHAPTER_2}")
        try:
            return await kernel.execute(f"OWN, OTHER = {own!r}, {other!r}\n" + PROBE_OTHERS)
        finally:
            await kernel.close()

    status, text, error = run(probe())
    assert status == "ok", error
    assert json.loads(text) == {"read own notebook": "allowed", "read other's notebook": "denied",
                                "list other's home": "denied", "write in other's home": "denied"}


PROBE_SHARED = ATTEMPT + """
import glob, course, shutil, torch
models, mnist = os.environ["COURSE_SHARED_MODELS"], os.environ["MNIST_DIR"]
model = sorted(glob.glob(os.path.join(models, "*.pt")))[0]
attempt("read a shared model", lambda: torch.load(model, weights_only=True))
attempt("add a model", lambda: open(os.path.join(models, "mine.pt"), "wb"))
attempt("overwrite a model", lambda: open(model, "r+b"))
attempt("delete a model", lambda: os.remove(model))
attempt("rename a model", lambda: os.rename(model, model + ".old"))
attempt("chmod a model", lambda: os.chmod(model, 0o666))
attempt("add an MNIST file", lambda: open(os.path.join(mnist, "train-images-idx3-ubyte.gz"), "wb"))
attempt("remove the MNIST folder", lambda: shutil.rmtree(mnist))
attempt("change the course's code", lambda: open(course.__file__, "a"))
print(json.dumps(result))
"""


def test_no_student_can_change_the_shared_data_models_or_course_code(room, class_result):
    before = {p: p.read_bytes() for p in room.env.shared.rglob("*") if p.is_file()}
    assert any(p.suffix == ".pt" for p in before), "no shared models were baked"

    async def probe():
        kernel = await student(room, room.names[2]).open_kernel(f"{hub_link.TARGET}/{C.CHAPTER_2}")
        try:
            return await kernel.execute(PROBE_SHARED)
        finally:
            await kernel.close()

    status, text, error = run(probe())
    assert status == "ok", error
    result = json.loads(text)
    assert result.pop("read a shared model") == "allowed"
    assert result and set(result.values()) == {"denied"}, result
    after = {p: p.read_bytes() for p in room.env.shared.rglob("*") if p.is_file()}
    assert after == before


def _edit_first_markdown(nb: dict, text: str) -> dict:
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = source + text
    return nb


def test_following_the_link_again_keeps_the_students_edits_and_brings_the_new_commit(room, class_result):
    name = room.names[0]
    s = student(room, name)
    nb_path = f"{hub_link.TARGET}/{C.CHAPTER_2}"
    home = Path(pwd.getpwnam(name).pw_dir) / hub_link.TARGET
    link = hub_link.pull_link(room.hub.url, room.repo)

    async def edit():
        model = await s.contents(nb_path)
        nb = _edit_first_markdown(model["content"], "\n\nMY OWN NOTE: the loss went down.")
        await s.save(nb_path, {"type": "notebook", "format": "json", "content": nb})
        await s.save(f"{hub_link.TARGET}/my_answers.txt", {"type": "file", "format": "text",
                                                           "content": "question 1: 0.92\n"})
        await s.fetch(f"{s.server}/api/contents/{hub_link.TARGET}/notebooks/01_meet_mnist.ipynb", "DELETE")
    run(edit())
    assert not (home / "notebooks/01_meet_mnist.ipynb").exists()

    # The teacher pushes a commit: a change to README.md, a new file, and a change at the
    # end of the same chapter (far from the student's edit).
    teacher_nb = json.loads((room.remote.work / C.CHAPTER_2).read_text())
    teacher_nb["cells"][-1]["source"] = "".join(teacher_nb["cells"][-1]["source"]) + "\n\nTEACHER'S ADDITION."
    readme = (room.remote.work / "README.md").read_text() + "\nA line the teacher added.\n"
    head = room.remote.commit({"README.md": readme, "notebooks/extra_exercises.md": "# More exercises\n",
                               C.CHAPTER_2: json.dumps(teacher_nb, indent=1, ensure_ascii=False) + "\n"},
                              "Teacher: more exercises")

    assert run(s.follow_link(link)).startswith(f"{s.server}/git-pull?")
    run(s.pull(room.repo))
    chapter = (home / C.CHAPTER_2).read_text()
    assert "MY OWN NOTE: the loss went down." in chapter          # the student's edit survived
    assert "TEACHER'S ADDITION." in chapter                        # the same file's other change arrived
    assert (home / "README.md").read_text() == readme              # other files follow the course
    assert (home / "notebooks/extra_exercises.md").read_text() == "# More exercises\n"
    assert (home / "my_answers.txt").read_text() == "question 1: 0.92\n"  # the student's own file stays
    assert (home / "notebooks/01_meet_mnist.ipynb").is_file()                # a deleted course file is back
    log = subprocess.run(["git", "-c", f"safe.directory={home}", "-C", str(home), "log", "--format=%H"],
                         capture_output=True, text=True).stdout.split()
    assert head in log

    # Now the teacher changes the very cell the student edited: the student's version wins.
    teacher_nb = json.loads((room.remote.work / C.CHAPTER_2).read_text())
    _edit_first_markdown(teacher_nb, "\n\nTEACHER REWROTE THIS.")
    room.remote.commit({C.CHAPTER_2: json.dumps(teacher_nb, indent=1, ensure_ascii=False) + "\n"},
                       "Teacher: same cell")
    run(s.pull(room.repo))
    chapter = (home / C.CHAPTER_2).read_text()
    assert "MY OWN NOTE: the loss went down." in chapter and "TEACHER REWROTE THIS." not in chapter
    assert (home / "notebooks/extra_exercises.md").exists()


def test_the_idle_culler_runs_with_the_sizing_tables_timeout(room):
    import yaml
    culler = [p for p in C._children(room.hub.process.pid)
              if "jupyterhub_idle_culler" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
    assert culler, "the idle culler is not running"
    cmdline = Path(f"/proc/{culler[0]}/cmdline").read_text().split("\0")
    policy = yaml.safe_load(C.SIZING.read_text())["policy"]
    assert f"--timeout={policy['cull_timeout_s']}" in cmdline


def test_make_hub_starts_a_hub_that_opens_chapter_0_and_make_hub_stop_removes_it(room):
    port = C.free_port()
    env = {**os.environ, "HUB_PORT": str(port), "HUB_BAKE": C.CHAPTER_2}
    up = subprocess.run(["make", "--no-print-directory", "hub"], cwd=ROOT, env=env, capture_output=True,
                        text=True, timeout=900)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        password = re.search(r"with the password (\S+)", up.stdout).group(1)
        link = re.search(r"^\s+(http://127\.0\.0\.1:\d+/hub/user-redirect/git-pull\?\S+)$", up.stdout, re.M).group(1)
        assert hub_link.parse_link(link)["urlpath"] == f"lab/tree/{hub_link.TARGET}/{hub_link.START}"
        assert "make hub-stop" in up.stdout

        import requests
        with requests.Session() as browser:  # log in without a link: the default URL is the link
            browser.get(f"http://127.0.0.1:{port}/hub/login", timeout=60)
            r = browser.post(f"http://127.0.0.1:{port}/hub/login",
                             data={"username": "student1", "password": password,
                                   "_xsrf": browser.cookies.get("_xsrf", "")}, timeout=600)
            deadline = time.monotonic() + 300
            while "/spawn-pending/" in r.url and time.monotonic() < deadline:
                time.sleep(1)  # a browser waits on this page until the server is up, then goes on
                r = browser.get(r.url, timeout=60)
        assert r.status_code == 200 and "/user/student1/git-pull?" in r.url, r.url
        assert hub_link.parse_link(r.url)["urlpath"].endswith(hub_link.START)
        uid = pwd.getpwnam("student1").pw_uid
        assert C.pids_of(uid), "student1's server is not running as student1"
    finally:
        down = subprocess.run(["make", "--no-print-directory", "hub-stop"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
    assert down.returncode == 0, down.stdout + down.stderr
    with pytest.raises(KeyError):
        pwd.getpwnam("student1")
    assert not C.pids_of(uid)
    assert not (C.BUILD / "local-hub.json").exists()
    # Nothing that hub started is left running: its class's overview included (the test
    # class's own hub has another, with its database elsewhere).
    left = C.overview_pids(C.BUILD / "local-hub")
    assert not left, f"still running after make hub-stop: {left}"
