"""The class's overview, without a hub: the service's storage, counts, CSV and rate limit
(deploy/class_insight/service.py), and the student's side (course/class_insight.py)
sending to a stand-in for the service that answers as the real one does (200, 400, 429,
or nothing at all while it restarts). tests/test_hub.py runs both with the real hub."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from course import check as C
from course import class_insight as CI
from course import progress as P

ROOT = Path(__file__).resolve().parents[1]
BACKGROUND_SEND = CI.send
_spec = importlib.util.spec_from_file_location("class_insight_service",
                                               ROOT / "deploy" / "class_insight" / "service.py")
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


def entry(i: int, exercise="ch02.backprop", correct=False, mistake="Your result is transposed.",
          time="2026-12-07T10:00:00+00:00"):
    return {"v": 1, "id": f"{i:032x}", "exercise": exercise, "correct": correct,
            "mistake": None if correct else mistake, "time": time}


# ------------------------------------------------------------------- the service's parts

def test_malformed_answers_are_named_field_by_field():
    assert S.problem(entry(1)) == ""
    assert "JSON object" in S.problem([1])
    assert "unknown field" in S.problem({**entry(1), "user": "someone_else"})
    assert "'id'" in S.problem({**entry(1), "id": "../x"})
    assert "'exercise'" in S.problem({**entry(1), "exercise": "<script>"})
    assert "'correct'" in S.problem({**entry(1), "correct": "yes"})
    assert "'mistake'" in S.problem({**entry(1), "mistake": "x" * 1000})
    assert "ISO 8601" in S.problem({**entry(1), "time": "yesterday"})
    assert "time zone" in S.problem({**entry(1), "time": "2026-12-07T10:00:00"})


def test_the_service_takes_every_exercise_of_the_course_and_nothing_else():
    assert S.EXERCISES == set(C.exercises()), "update EXERCISES in deploy/class_insight/service.py"
    assert all(S.problem(entry(1, exercise=key)) == "" for key in C.exercises())
    assert "exercise keys" in S.problem(entry(1, exercise="ch99.made_up"))
    assert S.MAX_BATCH <= S.BURST                                 # a full request can get through
    from course.class_insight import BATCH
    assert BATCH <= S.MAX_BATCH


def test_a_resent_answer_is_stored_once_and_students_are_kept_apart(tmp_path):
    store = S.Store(str(tmp_path / "a.sqlite"))
    assert store.add("ann", [entry(1), entry(2)]) == (2, 0, 0)
    assert store.add("ann", [entry(2), entry(3)]) == (1, 1, 0)    # entry 2 sent again
    assert store.add("bob", [entry(1)]) == (1, 0, 0)              # the same id, another student
    assert len(store.rows("ann")) == 3 and len(store.rows("bob")) == 1
    again = S.Store(str(tmp_path / "a.sqlite"))                   # a restart keeps everything
    assert len(again.rows()) == 4
    flood = [entry(1000 + i) for i in range(S.MAX_PER_EXERCISE + 5)]
    stored, _, over = again.add("cat", flood)
    assert (stored, over) == (S.MAX_PER_EXERCISE, 5)               # the disk is not a student's to fill


def test_the_overview_counts_first_tries_right_now_and_common_mistakes():
    rows = [  # (user, exercise, correct, mistake, time), in each student's order
        ("ann", "ch02.backprop", 0, "transposed", "t1"), ("ann", "ch02.backprop", 1, None, "t2"),
        ("bob", "ch02.backprop", 1, None, "t1"),
        ("cat", "ch02.backprop", 0, "transposed", "t1"), ("cat", "ch02.backprop", 0, "sign", "t2"),
        ("cat", "ch02.backprop", 0, "transposed", "t3"),
        ("ann", "ch00.pixels", 1, None, "t3")]
    view = S.overview(rows)
    bp = next(x for x in view["exercises"] if x["exercise"] == "ch02.backprop")
    assert (bp["tried"], bp["first_try_right"], bp["right_now"], bp["answers"]) == (3, 1, 2, 6)
    assert bp["first_try_share"] == pytest.approx(1 / 3)
    assert bp["mistakes"] == [{"mistake": "transposed", "answers": 3, "students": 2}]
    assert bp["mistakes_of_one_student"] == 1      # "sign", one student's: counted, not shown
    ann = next(s for s in view["students"] if s["student"] == "ann")
    assert (ann["tried"], ann["right"], ann["first_try_right"], ann["answers"]) == (2, 2, 1, 3)


def test_the_csv_export_has_a_line_per_student_and_exercise_and_runs_no_formula():
    rows = [("=cmd|' /C calc'!A0", "ch00.pixels", 0, "m", "t1"), ("ann", "ch00.pixels", 0, "m", "t1"),
            ("ann", "ch00.pixels", 1, None, "t2")]
    table = list(csv.DictReader(io.StringIO(S.export_csv(rows))))
    assert len(table) == 2
    ann = next(r for r in table if r["student"] == "ann")
    assert (ann["answers"], ann["right"], ann["right_at_first_try"]) == ("2", "1", "0")
    assert all(not r["student"].startswith("=") for r in table)


def test_the_page_escapes_what_students_send():
    view = S.overview([(who, "ch00.pixels", 0, "<script>alert(1)</script>", "t1")
                       for who in ("<b>ann</b>", "bob")])
    text = S.page(view, "/services/class-insight/")
    assert "<script>alert" not in text and "&lt;script&gt;" in text and "&lt;b&gt;ann" in text


def test_a_flooding_student_waits_and_others_do_not():
    bucket = S.Bucket(rate=2.0, burst=10.0)
    assert bucket.take("ann", 10, now=0.0) == 0.0
    assert bucket.take("ann", 1, now=0.0) == pytest.approx(0.5)   # empty: wait for one
    assert bucket.take("bob", 5, now=0.0) == 0.0                  # someone else is not slowed
    assert bucket.take("ann", 2, now=1.0) == 0.0                  # refilled at 2 per second


# ------------------------------------------------------------------- the student's side

class Service:
    """A stand-in for the service's answer API: keeps what it is sent, by id, and answers
    with the status the test sets (0: not listening, as during a restart)."""

    def __init__(self):
        self.status, self.got, self.requests, self.delay = 200, {}, 0, 0.0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                owner.requests += 1
                if owner.status == "hang":
                    time.sleep(3)
                if owner.delay:
                    time.sleep(owner.delay)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                assert self.headers["Authorization"] == "token student-token"
                bad = [e for e in body["attempts"] if S.problem(e)]
                status = 400 if bad else (503 if owner.status == "hang" else owner.status)
                if status == 200:
                    owner.got.update({e["id"]: e for e in body["attempts"]})
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"error": "answer 0 is malformed"} if status != 200 else {}).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/services/class-insight/"


@pytest.fixture
def hub(tmp_path, monkeypatch):
    service = Service()
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("CLASS_INSIGHT_URL", service.url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "student-token")
    monkeypatch.setattr(CI, "send", lambda e, wait=True, _send=CI.send: _send(e, wait=True))
    yield service
    service.server.shutdown()


def test_nothing_is_sent_without_a_class_hub(tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("CLASS_INSIGHT_URL", raising=False)
    C.check("ch00.pixels", 12)
    assert not CI.enabled() and not CI.outbox_file().exists()


def test_every_checked_answer_reaches_the_service_with_its_mistake(hub):
    C.check("ch00.pixels", 12)
    C.check("ch00.pixels", C._get("ch00.pixels").answer)
    sent = sorted(hub.got.values(), key=lambda e: e["time"])
    assert [e["correct"] for e in sent] == [False, True] and sent[0]["mistake"]
    assert [e["id"] for e in sent] == [e["id"] for e in P.attempts()[0]]
    assert CI.outbox_file().read_text() == ""


def test_answers_given_while_the_service_restarts_are_sent_later_once(hub):
    hub.status = 503
    C.check("ch00.pixels", 12)
    C.check("ch00.pixels", 13)
    assert not hub.got and len(CI.outbox_file().read_text().splitlines()) == 2
    assert "wait to be sent" in _progress_text()
    hub.status = 429                                   # back, but this student sent too many
    C.check("ch00.pixels", 14)
    assert not hub.got
    hub.status = 200
    C.check("ch00.pixels", C._get("ch00.pixels").answer)
    assert len(hub.got) == 4 and CI.outbox_file().read_text() == ""
    assert CI.flush() == {"sent": 0, "waiting": 0, "error": ""}


def test_a_malformed_answer_in_the_outbox_is_set_aside_and_the_rest_goes(hub):
    CI.outbox_file().parent.mkdir(parents=True, exist_ok=True)
    CI.outbox_file().write_text(json.dumps({**entry(7), "exercise": "bad key"}) + "\n"
                                + json.dumps(entry(8)) + "\n" + "not json\n")
    result = CI.flush()
    assert result["sent"] == 1 and result["waiting"] == 0
    assert list(hub.got) == [entry(8)["id"]]
    refused = CI.outbox_file().with_name("rejected.jsonl").read_text()
    assert "bad key" in refused and "malformed" in refused


def _progress_text() -> str:
    import contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        P.progress("ch00")
    return out.getvalue()


def test_a_check_never_waits_for_a_service_that_hangs(hub, monkeypatch):
    import time as _time
    monkeypatch.undo()                                     # send as a student's check does
    monkeypatch.setenv("MNIST_COURSE_DATA", str(P.data_dir()))
    monkeypatch.setenv("CLASS_INSIGHT_URL", hub.url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "student-token")
    C.check("ch00.pixels", 11)                             # imports and first use, before timing
    hub.status = "hang"
    t0 = _time.perf_counter()
    for answer in (12, 13, 14):
        assert C.check("ch00.pixels", answer).correct is False
    assert _time.perf_counter() - t0 < 2.0                 # the stand-in hangs 3 s per request
    assert "wait to be sent" in _progress_text()


def test_two_kernels_of_one_student_lose_no_answer(hub):
    code = ("import os\nfrom course import progress as P\n"
            "for i in range(40):\n    P.record('ch00.pixels', False, 'Too small.')\n"
            "from course import class_insight as ci\nci.flush()\n")
    env = {**os.environ}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT) for _ in range(2)]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    recorded = {e["id"] for e in P.attempts()[0]}
    waiting = {e["id"] for e in CI._read(CI.outbox_file())}
    assert len(recorded) == 80
    assert recorded == set(hub.got) | waiting              # every answer sent or still waiting


def test_answers_given_in_quick_succession_all_arrive_without_a_flush(hub, monkeypatch):
    assert CI._flushing.acquire(timeout=20)                # an earlier test's sending is over
    CI._flushing.release()
    monkeypatch.setattr(CI, "send", BACKGROUND_SEND)       # as in a kernel: nobody waits
    hub.delay = 0.5                                        # each request takes half a second
    for answer in (12, 13, 14):
        C.check("ch00.pixels", answer)
        time.sleep(0.05)
    deadline = time.time() + 10
    while len(hub.got) < 3 and time.time() < deadline:
        time.sleep(0.1)
    assert len(hub.got) == 3 and CI.waiting() == 0


def test_the_service_answers_a_malformed_field_with_400_not_a_crash():
    assert "'exercise'" in S.problem({**entry(1), "exercise": ["ch00.pixels"]})
    assert "'exercise'" in S.problem({**entry(1), "exercise": {"a": 1}})
