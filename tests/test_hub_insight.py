"""The class's overview on a real JupyterHub (127.0.0.1): six simulated students answer
exercises in their own kernels, some right, some wrong, with different mistakes; their
teacher's page, opened in headless Chromium through the hub's log-in, shows exactly what
they did. A student cannot read the page or write as someone else; malformed, oversized
and flooding requests are refused with a clear error; answers given while the service
restarts arrive afterwards, once; a student's own progress survives a new kernel and a
restarted server.

Run by ``make test-hub`` (as root; a few minutes), with tests/test_hub.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import classroom as C  # noqa: E402
import hub_class  # noqa: E402
from browser_lab import find_chromium, launch_chromium  # noqa: E402

pytestmark = [
    pytest.mark.skipif(os.environ.get("COURSE_HUB_TESTS") != "1",
                       reason="the classroom hub tests run with `make test-hub` (root, a few minutes)"),
    pytest.mark.skipif(not C.is_root(), reason=C.NEEDS_ROOT),
    pytest.mark.timeout(1800),
]

# What each student answers, in order: (exercise, "right" or a wrong answer's code). The
# wrong ones are real mistakes with different messages: too small, too large, >= for >,
# and a count of the pixels scaled to 0..1.
RIGHT = "right"
ANSWERS = {
    "ch00.pixels": {RIGHT: "_get('ch00.pixels').answer", "small": "12", "large": "10 ** 9"},
    "ch00.count_ink": {RIGHT: "lambda image, t: int((image > t).sum())",
                       "at_or_above": "lambda image, t: int((image >= t).sum())",
                       "scaled": "lambda image, t: int((image / 255 > t).sum())"},
}
PLAN = [
    [("ch00.pixels", RIGHT)],
    [("ch00.pixels", "small"), ("ch00.pixels", RIGHT)],
    [("ch00.pixels", "large"), ("ch00.count_ink", RIGHT)],
    [("ch00.count_ink", "at_or_above"), ("ch00.count_ink", RIGHT)],
    [("ch00.count_ink", "at_or_above"), ("ch00.count_ink", "at_or_above")],
    [("ch00.pixels", "small"), ("ch00.pixels", "small"), ("ch00.count_ink", "scaled")],
]

SETUP = "from course.check import check, _get\nfrom course import class_insight, progress as P\n"


def http(url: str, token: str | None = None, body: bytes | None = None, method: str | None = None):
    """(status, headers, text) of one request with a hub token."""
    headers = {"Authorization": f"token {token}"} if token else {}
    if body is not None:
        headers["content-type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read().decode()


@pytest.fixture(scope="module")
def room():
    with hub_class.Classroom(len(PLAN), expose_app=False) as classroom:
        yield classroom


async def _answer(room, name: str, answers: list[tuple[str, str]]) -> list[dict]:
    """The student answers in a kernel of their own server; returns their recorded attempts."""
    s = C.Student(room.hub, name, room.hub.token_for(name))
    await s.start_server()
    kernel = await s.open_kernel("answers.ipynb")
    try:
        status, out, err = await kernel.execute(SETUP)
        assert status == "ok", err
        for exercise, which in answers:
            code = f"print(check({exercise!r}, {ANSWERS[exercise][which]}))"
            status, out, err = await kernel.execute(code)
            assert status == "ok" and ("Correct" in out) == (which == RIGHT), (name, which, out, err)
        status, out, err = await kernel.execute(
            "import json, time\nfor _ in range(50):\n    if class_insight.flush()['waiting'] == 0: break\n"
            "    time.sleep(0.2)\nprint(json.dumps(P.attempts()[0]))")
        assert status == "ok", err
        return json.loads(out.strip().splitlines()[-1])
    finally:
        await kernel.close()


@pytest.fixture(scope="module")
def the_class(room):
    """Every student's answers, given at the same time; each student's own record."""
    async def together():
        return await asyncio.gather(*(_answer(room, n, plan) for n, plan in zip(room.names, PLAN)))
    records = asyncio.run(together())
    return dict(zip(room.names, records))


def expected_view(names: list[str], records: dict[str, list[dict]]) -> dict:
    """What the page must show, counted from the plan (right or not) and the students' own
    records (the mistakes' words)."""
    per = {}
    for name, plan in zip(names, PLAN):
        seen = set()
        for exercise, which in plan:
            row = per.setdefault(exercise, {"tried": set(), "first": 0, "right": set(), "answers": 0})
            row["tried"].add(name)
            row["answers"] += 1
            if exercise not in seen:
                row["first"] += which == RIGHT
                seen.add(exercise)
            if which == RIGHT:
                row["right"].add(name)
    mistakes = {e: Counter() for e in per}
    for name in names:
        for entry in records[name]:
            if not entry["correct"]:
                mistakes[entry["exercise"]][entry["mistake"]] += 1
    return {e: {"tried": len(r["tried"]), "first": r["first"], "right": len(r["right"]),
                "answers": r["answers"], "top": mistakes[e].most_common(1)[0]} for e, r in per.items()}


def test_each_students_answers_are_recorded_on_their_machine(room, the_class):
    for name, plan in zip(room.names, PLAN):
        mine = the_class[name]
        assert [(e["exercise"], e["correct"]) for e in mine] == [(x, w == RIGHT) for x, w in plan]
        assert all(e["mistake"] for e in mine if not e["correct"])
    # The three wrong count_ink answers are two mistakes, with two different messages.
    labels = {e["mistake"] for n in room.names for e in the_class[n]
              if e["exercise"] == "ch00.count_ink" and not e["correct"]}
    assert len(labels) == 2


def teacher_page_in_chromium(room) -> dict:
    """The teacher logs in through the hub's form and lands on the overview: its tables."""
    from playwright.sync_api import sync_playwright
    hub = room.hub
    with sync_playwright() as p:
        browser = launch_chromium(p, find_chromium())
        try:
            page = browser.new_page()
            nxt = urllib.parse.quote("/services/class-insight/")
            page.goto(f"{hub.url}/hub/login?next={nxt}", timeout=60_000)
            page.fill("input[name=username]", hub.teachers[0])
            page.fill("input[name=password]", hub.password)
            page.click("[type=submit]")
            page.wait_for_selector("table#exercises", timeout=60_000)
            return page.evaluate("""() => {
                const read = id => Array.from(document.querySelectorAll(`#${id} tbody tr`)).map(tr => {
                    const row = {name: tr.querySelector('th').textContent.trim()};
                    tr.querySelectorAll('td[data-col]').forEach(td => row[td.dataset.col] = td.textContent.trim());
                    row.mistakes = Array.from(tr.querySelectorAll('li')).map(li => li.textContent.trim());
                    return row;
                });
                return {exercises: read('exercises'), students: read('students'), title: document.title};
            }""")
        finally:
            browser.close()


def test_the_teachers_page_in_chromium_shows_exactly_what_the_class_did(room, the_class):
    if not find_chromium():
        pytest.skip("no Chromium (make browser installs it)")
    shown = teacher_page_in_chromium(room)
    want = expected_view(room.names, the_class)
    rows = {r["name"]: r for r in shown["exercises"]}
    assert set(rows) == set(want)
    for exercise, w in want.items():
        r = rows[exercise]
        assert int(r["tried"]) == w["tried"], (exercise, r)
        assert r["first"].startswith(f"{w['first']} (") and f"{round(100 * w['first'] / w['tried'])}%" in r["first"]
        assert int(r["right"]) == w["right"] and int(r["answers"]) == w["answers"], (exercise, r)
        label, count = w["top"]
        assert r["mistakes"][0].startswith(label) and f"({count} answers" in r["mistakes"][0], r["mistakes"]
    students = {r["name"]: r for r in shown["students"]}
    assert set(students) == set(room.names)
    for name, plan in zip(room.names, PLAN):
        assert int(students[name]["answers"]) == len(plan)
        assert int(students[name]["tried"]) == len({e for e, _ in plan})
        assert int(students[name]["right"]) == len({e for e, w in plan if w == RIGHT})


def test_the_csv_export_matches_and_students_cannot_read_the_class(room, the_class):
    hub = room.hub
    teacher = hub.token_for(hub.teachers[0])
    status, headers, text = http(hub.insight_url + "export.csv", teacher)
    assert status == 200 and "text/csv" in headers["content-type"]
    lines = text.strip().splitlines()
    assert len(lines) - 1 == sum(len({e for e, _ in plan}) for plan in PLAN)
    student = hub.token_for(room.names[0])
    for path in ("", "api/summary", "export.csv"):
        status, _, body = http(hub.insight_url + path, student)
        assert status == 403 and "teachers" in body, (path, status, body)
    # A student reads back their own answers only.
    status, _, body = http(hub.insight_url + "api/attempts", student)
    mine = json.loads(body)["attempts"]
    assert status == 200 and {a["user"] for a in mine} == {room.names[0]} and len(mine) == len(PLAN[0])


def _post(hub, token, payload) -> tuple[int, dict, str]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return http(hub.insight_url + "api/attempts", token, body, "POST")


def _entry(i: int) -> dict:
    return {"v": 1, "id": f"{i:032x}", "exercise": "ch00.pixels", "correct": False,
            "mistake": "Too small.", "time": "2026-12-07T10:00:00+00:00"}


def test_bad_requests_are_refused_with_a_clear_error_and_nobody_writes_as_someone_else(room, the_class):
    hub = room.hub
    a, b = room.names[-1], room.names[-2]
    token = hub.token_for(a)
    status, _, body = _post(hub, token, b"{not json")
    assert status == 400 and "not JSON" in json.loads(body)["error"]
    status, _, body = _post(hub, token, {"attempts": [{**_entry(1), "user": b}]})
    assert status == 400 and "unknown field" in json.loads(body)["error"]
    status, _, body = _post(hub, token, {"attempts": [{**_entry(1), "correct": "yes"}]})
    assert status == 400 and "answer 0 is malformed" in json.loads(body)["error"]
    status, _, body = _post(hub, token, b'{"attempts": [' + b" " * 70_000 + b"]}")
    assert status == 413 and "at most" in json.loads(body)["error"]
    status, _, _ = _post(hub, None, {"attempts": [_entry(1)]})
    assert status == 403                                         # no token: nobody
    teacher = hub.token_for(hub.teachers[0])
    view = json.loads(http(hub.insight_url + "api/summary", teacher)[2])
    per = {s["student"]: s for s in view["students"]}
    assert per[b]["answers"] == len(PLAN[-2])                    # nothing was added to b


def test_a_flooding_student_is_slowed_down_and_told_when_to_come_back(room, the_class):
    hub = room.hub
    token = hub.token_for(room.names[2])
    statuses = []
    for k in range(4):                                           # 400 answers at once
        status, headers, body = _post(hub, token, {"attempts": [_entry(10_000 + 100 * k + i) for i in range(100)]})
        statuses.append(status)
        if status == 429:
            assert int(headers["retry-after"]) >= 1 and "wait" in json.loads(body)["error"]
            break
    assert 200 in statuses and statuses[-1] == 429, statuses


def _service_pid(hub) -> int:
    pids = C.overview_pids(hub.state)
    assert len(pids) == 1, f"the class-insight service is not running once under the hub: {pids}"
    return pids[0]


def test_answers_given_while_the_service_restarts_arrive_afterwards_once(room, the_class):
    hub, name = room.hub, room.names[0]
    teacher = hub.token_for(hub.teachers[0])

    def answers_of(student):
        status, _, text = http(hub.insight_url + "api/summary", teacher)
        assert status == 200, (status, text, hub.log_tail(20))
        return {s["student"]: s["answers"] for s in json.loads(text)["students"]}.get(student, 0)

    before = answers_of(name)
    old = _service_pid(hub)

    async def scenario():
        s = C.Student(hub, name, hub.token_for(name))
        kernel = await s.open_kernel("restart.ipynb")
        try:
            await kernel.execute(SETUP)
            os.kill(old, signal.SIGSTOP)                         # the service hangs ...
            try:
                status, out, err = await kernel.execute(
                    "print(check('ch00.pixels', 12))\nprint(class_insight.flush())")
            finally:
                os.kill(old, signal.SIGKILL)                     # ... and dies
            assert status == "ok", err
            waiting = out                                    # kept in the outbox while it is away
            deadline = time.monotonic() + 120                # the hub starts it again
            while http(hub.insight_url + "api/attempts", hub.token_for(name))[0] != 200:
                assert time.monotonic() < deadline, "the hub did not restart the service"
                await asyncio.sleep(0.5)
            status, out, err = await kernel.execute(
                "print(check('ch00.pixels', 13))\nimport time\n"
                "for _ in range(50):\n    if class_insight.flush()['waiting'] == 0: break\n    time.sleep(0.2)\n"
                "print(class_insight.flush())")
            assert status == "ok", err
            return waiting, out
        finally:
            await kernel.close()

    waiting, after = asyncio.run(scenario())
    assert "'waiting': 1" in waiting, waiting
    assert "'waiting': 0" in after, after
    assert _service_pid(hub) != old
    assert answers_of(name) == before + 2                        # both, once each


def test_a_students_progress_survives_a_new_kernel_and_a_restarted_server(room, the_class):
    hub, name = room.hub, room.names[1]
    s = C.Student(hub, name, hub.token_for(name))

    async def restart_and_read():
        await s.fetch(f"{hub.url}/hub/api/users/{name}/server", "DELETE")
        deadline = time.monotonic() + 120
        while True:
            model = json.loads((await s.fetch(f"{hub.url}/hub/api/users/{name}")).body)
            if not model.get("servers"):
                break
            assert time.monotonic() < deadline, "the server did not stop"
            await asyncio.sleep(0.5)
        await s.start_server()
        kernel = await s.open_kernel("after.ipynb")
        try:
            return await kernel.execute("from course.progress import progress\nprogress('ch00');")
        finally:
            await kernel.close()

    status, out, err = asyncio.run(restart_and_read())
    assert status == "ok", err
    assert "ch00.pixels" in out and "right after 2 tries" in out, out
    assert "all of them have been sent" in out, out
