"""The class's overview: a JupyterHub service that collects the students' checked answers
and shows their teachers what the class gets wrong.

Each student's `check` records an answer on the student's machine (`course.progress`); on
a hub whose users' servers have ``CLASS_INSIGHT_URL`` set, `course.class_insight` also
sends it here, with the server's own JupyterHub token. This service

* stores each answer under the user the hub says the token belongs to (never a name
  from the request), in SQLite, once (a resent answer, same id, is not counted twice);
* refuses what is malformed or too large with a clear error (400, 413), and slows down a
  student who floods it (429 with Retry-After: the student's side keeps the answers and
  sends them later);
* shows its page, ``/services/class-insight/``, to the class's teachers only (hub admins,
  or members of the group ``$CLASS_INSIGHT_TEACHERS``, default ``teachers``): per exercise,
  how many students tried, the share right at their first try and the most common
  mistakes the check named; per student, their progress; and a CSV export.

Run by the hub as a managed service (deploy/local/jupyterhub_config.py, deploy/z2jh,
deploy/tljh); it needs only JupyterHub's own packages and the standard library.

    CLASS_INSIGHT_DB      the SQLite file (default: class_insight.sqlite here)
    CLASS_INSIGHT_TEACHERS  the teachers' group (default: teachers)
    CLASS_INSIGHT_BIND    the address to listen on (default: the host of the service's URL)

The answers are what the students' machines report: practice with feedback for the
teacher to act on, not a grade (a student who wants to can send anything under their own
name).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from urllib.parse import quote, urlparse

#: Limits on what a student may send: bytes per request, answers per request (no more
#: than the burst, so a full request can always get through), the rate (answers per
#: second, with a burst) a student may keep up, and the answers kept per student and
#: exercise (the rest are counted as over the limit, not stored).
MAX_BODY = 64 * 1024
MAX_BATCH = 100
RATE, BURST = 2.0, 120.0
MAX_PER_EXERCISE = 200
ID = re.compile(r"^[0-9a-f]{8,64}$")
MAX_MISTAKE = 300
TOP_MISTAKES = 3
#: A mistake's words are shown only once this many students made it: what one student
#: sends is not read out to the class as "the class's mistake".
MIN_STUDENTS = 2

#: The course's exercises (tests/test_class_insight.py checks this list against
#: course.check.exercises()): answers to anything else are refused.
EXERCISES = frozenset({
    "ch00.always_seven", "ch00.count_ink", "ch00.pixels", "ch01.centre_of_mass",
    "ch01.edge_digits", "ch01.mean_digits", "ch01.most_ink", "ch01.variogram_y",
    "ch01.zero_share", "ch02.backprop", "ch02.bp1_cross_entropy", "ch02.forward",
    "ch02.numeric_gradient", "ch02.parameters", "ch02.sgd_step", "ch02.slope_ratio",
    "ch02.sum_cost_lr", "ch03.confusion_counts", "ch03.contrast_images", "ch03.false_nines",
    "ch03.linear_saliency", "ch03.logistic_parameters", "ch03.saliency_map",
    "ch04.best_rebuilt_class", "ch04.component_variances", "ch04.components_90",
    "ch04.components_90_standardised", "ch04.principal_components", "ch04.rebuild",
    "ch05a.absolute_error", "ch05a.ascend", "ch05a.breed", "ch05a.keep_fitter", "ch05b.fgm_l2",
    "ch05b.fgsm", "ch05b.max_l2", "ch05b.pgd_step", "ch05b.placement_cost", "ch06.degree",
    "ch06.fitness", "ch06.fourier_features", "ch06.g_scores", "ch06.removed_entry", "ch07.T",
    "ch07.T_quadratic", "ch07.constant", "ch07.minus_A", "ch07.power_step", "ch07.rayleigh",
    "ch07.real_count"})


# ----------------------------------------------------------------------------- storage

def problem(entry: object) -> str:
    """Why an answer record cannot be stored, in words, or "" when it is well formed."""
    if not isinstance(entry, dict):
        return "an answer must be a JSON object"
    extra = set(entry) - {"v", "id", "exercise", "correct", "mistake", "time"}
    if extra:
        return f"unknown field(s) {sorted(extra)}"
    if not isinstance(entry.get("id"), str) or not ID.match(entry["id"]):
        return "'id' must be 8 to 64 lowercase hexadecimal characters"
    if not isinstance(entry.get("exercise"), str) or entry["exercise"] not in EXERCISES:
        return "'exercise' must be one of the course's exercise keys, such as 'ch02.backprop'"
    if not isinstance(entry.get("correct"), bool):
        return "'correct' must be true or false"
    mistake = entry.get("mistake")
    if mistake is not None and (not isinstance(mistake, str) or len(mistake) > MAX_MISTAKE):
        return f"'mistake' must be null or text of at most {MAX_MISTAKE} characters"
    try:
        when = dt.datetime.fromisoformat(str(entry.get("time")))
    except ValueError:
        return "'time' must be an ISO 8601 date and time"
    if when.tzinfo is None:
        return "'time' must carry its time zone (…+00:00)"
    return ""


class Store:
    """The answers, in one SQLite file: (user, id) is unique, so a resent answer is kept once."""

    def __init__(self, path: str):
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS attempts (
            user TEXT NOT NULL, id TEXT NOT NULL, exercise TEXT NOT NULL,
            correct INTEGER NOT NULL, mistake TEXT, time TEXT NOT NULL, received REAL NOT NULL,
            PRIMARY KEY (user, id))""")

    def add(self, user: str, entries: list[dict]) -> tuple[int, int, int]:
        """Store well-formed entries for ``user``, in the order given: (stored, already
        there, over the limit of `MAX_PER_EXERCISE` answers per exercise)."""
        now = time.time()
        stored = again = over = 0
        with self.db:
            self.db.execute("BEGIN")
            for e in entries:
                count, = self.db.execute("SELECT COUNT(*) FROM attempts WHERE user = ? AND exercise = ?",
                                         (user, e["exercise"])).fetchone()
                if count >= MAX_PER_EXERCISE:
                    over += 1
                    continue
                changed = self.db.execute(
                    "INSERT OR IGNORE INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (user, e["id"], e["exercise"], int(e["correct"]), e.get("mistake"), e["time"], now)).rowcount
                stored += changed
                again += 1 - changed
        return stored, again, over

    def rows(self, user: str | None = None) -> list[tuple]:
        """(user, exercise, correct, mistake, time), in the order the service received them
        (not by the time a student's machine wrote: that time is the student's to set)."""
        query = "SELECT user, exercise, correct, mistake, time FROM attempts"
        args: tuple = ()
        if user is not None:
            query, args = query + " WHERE user = ?", (user,)
        return self.db.execute(query + " ORDER BY rowid", args).fetchall()   # arrival order


def pairs(rows: list[tuple]) -> dict[tuple[str, str], dict]:
    """Per (student, exercise), from rows in the order they were received: the answers,
    whether right at least once, right at the first try, the first and last answer's time
    (in that order) and the latest time stated."""
    per: dict[tuple[str, str], dict] = {}
    for user, exercise, correct, _, when in rows:
        s = per.setdefault((user, exercise), {"answers": 0, "right": 0, "first": int(bool(correct)),
                                              "first_time": when, "last_time": when, "latest": when})
        s["answers"] += 1
        s["right"] = max(s["right"], int(bool(correct)))
        s["last_time"] = when
        s["latest"] = max(s["latest"], when)
    return per


def overview(rows: list[tuple]) -> dict:
    """What the teacher's page shows, from (user, exercise, correct, mistake, time) rows in
    the order they were received: per exercise, the students who tried, how many were right
    at their first try (and the share), how many have been right at least once, the answers
    given, and the most common mistakes (label, answers, students) that at least
    `MIN_STUDENTS` students made; per student, exercises tried and right."""
    mistakes: dict[str, Counter] = defaultdict(Counter)
    mistaken_by: dict[tuple[str, str], set] = defaultdict(set)
    for user, exercise, correct, mistake, _ in rows:
        if not correct and mistake:
            mistakes[exercise][mistake] += 1
            mistaken_by[exercise, mistake].add(user)
    per_ex: dict[str, dict] = defaultdict(lambda: {"tried": 0, "first": 0, "right": 0, "answers": 0})
    per_user: dict[str, dict] = defaultdict(lambda: {"tried": 0, "first": 0, "right": 0, "answers": 0,
                                                     "last": ""})
    for (user, exercise), p in pairs(rows).items():
        for row in (per_ex[exercise], per_user[user]):
            row["tried"] += 1
            row["first"] += p["first"]
            row["right"] += p["right"]
            row["answers"] += p["answers"]
        per_user[user]["last"] = max(per_user[user]["last"], p["latest"])
    per_exercise = []
    for ex in sorted(per_ex):
        r = per_ex[ex]
        shared = [(m, n) for m, n in mistakes[ex].items() if len(mistaken_by[ex, m]) >= MIN_STUDENTS]
        per_exercise.append({
            "exercise": ex, "tried": r["tried"], "first_try_right": r["first"],
            "first_try_share": r["first"] / r["tried"], "right_now": r["right"],
            "answers": r["answers"],
            "mistakes": [{"mistake": m, "answers": n, "students": len(mistaken_by[ex, m])}
                         for m, n in sorted(shared, key=lambda kv: (-kv[1], kv[0]))[:TOP_MISTAKES]],
            "mistakes_of_one_student": sum(n for m, n in mistakes[ex].items()
                                           if len(mistaken_by[ex, m]) < MIN_STUDENTS)})
    per_student = [{"student": u, "tried": r["tried"], "right": r["right"],
                    "first_try_right": r["first"], "answers": r["answers"], "last": r["last"]}
                   for u, r in sorted(per_user.items())]
    return {"exercises": per_exercise, "students": per_student}


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(rows: list[tuple]) -> str:
    """One line per student and exercise."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["student", "exercise", "answers", "right", "right_at_first_try",
                     "first_answer", "last_answer"])
    for (user, exercise), s in sorted(pairs(rows).items()):
        writer.writerow([_cell(user), exercise, s["answers"], s["right"], s["first"],
                         s["first_time"], s["last_time"]])
    return out.getvalue()


class Bucket:
    """Answers a student may still send now: ``burst`` at once, refilled at ``rate`` per
    second. take(n) -> 0 when allowed, else the seconds to wait."""

    def __init__(self, rate: float = RATE, burst: float = BURST):
        self.rate, self.burst = rate, burst
        self.level: dict[str, tuple[float, float]] = {}

    def take(self, user: str, n: int, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        level, since = self.level.get(user, (self.burst, now))
        level = min(self.burst, level + (now - since) * self.rate)
        if n > level:
            self.level[user] = (level, now)
            return (n - level) / self.rate
        self.level[user] = (level - n, now)
        return 0.0


# ----------------------------------------------------------------------------- the page

def page(view: dict, prefix: str) -> str:
    e = html.escape
    rows = []
    for x in view["exercises"]:
        common = "".join(f"<li>{e(m['mistake'])} <span class='n'>({m['answers']} answers, "
                         f"{m['students']} students)</span></li>" for m in x["mistakes"])
        if x["mistakes_of_one_student"]:
            common += (f"<li class='n'>{x['mistakes_of_one_student']} answers with mistakes only "
                       "one student made</li>")
        common = common or "<li>none</li>"
        rows.append(f"<tr><th scope='row'>{e(x['exercise'])}</th><td data-col='tried'>{x['tried']}</td>"
                    f"<td data-col='first'>{x['first_try_right']} ({x['first_try_share']:.0%})</td>"
                    f"<td data-col='right'>{x['right_now']}</td><td data-col='answers'>{x['answers']}</td>"
                    f"<td><ul>{common}</ul></td></tr>")
    students = "".join(
        f"<tr><th scope='row'>{e(s['student'])}</th><td data-col='tried'>{s['tried']}</td>"
        f"<td data-col='right'>{s['right']}</td><td data-col='first'>{s['first_try_right']}</td>"
        f"<td data-col='answers'>{s['answers']}</td><td>{e(s['last'])}</td></tr>"
        for s in view["students"])
    empty = "" if view["exercises"] else "<p>No answers yet.</p>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The class's answers</title>
<style>body{{font:16px/1.4 system-ui,sans-serif;margin:1.5rem;max-width:75rem}}
table{{border-collapse:collapse;margin:1rem 0}}th,td{{border:1px solid #999;padding:.3rem .6rem;
text-align:left;vertical-align:top}}ul{{margin:0;padding-left:1.2rem}}.n{{color:#444}}</style></head>
<body><main><h1>The class's answers</h1>
<p>Every answer the students gave <code>check</code>, as their own machines recorded and sent
it: practice with feedback, reported by the students' machines, not a grade.
<a href="{e(prefix)}export.csv">Download as CSV</a> (one line per student and exercise).</p>
{empty}
<table id="exercises"><caption>Per exercise</caption>
<thead><tr><th scope="col">exercise</th><th scope="col">students who tried</th>
<th scope="col">right at the first try</th><th scope="col">right at least once</th><th scope="col">answers</th>
<th scope="col">most common mistakes named by the check</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<table id="students"><caption>Per student</caption>
<thead><tr><th scope="col">student</th><th scope="col">exercises tried</th><th scope="col">right</th>
<th scope="col">right at the first try</th><th scope="col">answers</th><th scope="col">last answer</th></tr></thead>
<tbody>{students}</tbody></table></main></body></html>"""


# ----------------------------------------------------------------------------- the web service

def make_app(store: Store, prefix: str, teachers_group: str = "teachers", bucket: Bucket | None = None):
    """The tornado application (imported here: the functions above need only the standard
    library, for the tests and for a teacher's own scripts)."""
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
    from jupyterhub.utils import url_path_join
    from tornado import web
    from tornado.httpclient import AsyncHTTPClient

    bucket = bucket or Bucket()
    roles: dict[str, tuple[float, bool]] = {}

    class Base(web.RequestHandler):
        retry_after = 0
        error_text = ""

        def write_error(self, status_code, **kwargs):
            # The words go in the body: an HTTP reason phrase must be plain ASCII.
            self.set_header("Content-Type", "application/json")
            if self.retry_after:             # send_error cleared the headers set before it
                self.set_header("Retry-After", str(self.retry_after))
            self.finish(json.dumps({"error": self.error_text or self._reason}))

        def fail(self, status: int, text: str):
            self.error_text = text
            raise web.HTTPError(status)

        async def is_teacher(self, user: dict) -> bool:
            """Hub admins and the teachers' group, asked of the hub (cached for a minute)."""
            name = user["name"]
            cached = roles.get(name)
            if cached and time.monotonic() - cached[0] < 60:
                return cached[1]
            auth = self.hub_auth
            response = await AsyncHTTPClient().fetch(
                url_path_join(auth.api_url, "users", quote(name, safe="")),
                headers={"Authorization": f"token {auth.api_token}"}, raise_error=False)
            if response.code != 200:        # not known now: ask again next time
                return False
            model = json.loads(response.body)
            allowed = bool(model.get("admin")) or teachers_group in (model.get("groups") or [])
            roles[name] = (time.monotonic(), allowed)       # a group change shows within a minute
            return allowed

        async def teacher_only(self) -> None:
            if not await self.is_teacher(self.current_user):
                self.fail(403, "This page is for the class's teachers (hub admins and the group "
                               f"'{teachers_group}'). Students see their own progress with "
                               "progress() in a notebook.")

    # One kind of hub authentication in the process (HubOAuth is a singleton): it takes the
    # students' tokens (Authorization header) and the teachers' browser log-in alike. A POST
    # with a token needs no XSRF check; one with only a cookie gets JupyterHub's.
    class Attempts(HubOAuthenticated, Base):
        """POST {"attempts": [...]}: the student's answers. GET: the student's own."""

        @web.authenticated
        def get(self):
            mine = store.rows(self.current_user["name"])
            self.finish({"attempts": [{"user": u, "exercise": e, "correct": bool(c), "mistake": m,
                                       "time": t} for u, e, c, m, t in mine]})

        @web.authenticated
        def post(self):
            user = self.current_user["name"]
            if not self.request.headers.get("Content-Type", "").startswith("application/json"):
                self.fail(415, "send the answers as JSON (Content-Type: application/json).")
            if len(self.request.body) > MAX_BODY:
                self.fail(413, f"the request holds {len(self.request.body):,} bytes; at most "
                               f"{MAX_BODY:,} are taken: send at most {MAX_BATCH} answers at once.")
            try:
                body = json.loads(self.request.body or b"null")
            except ValueError:
                self.fail(400, "the request body is not JSON: send {\"attempts\": [...]}.")
            entries = body.get("attempts") if isinstance(body, dict) else None
            if not isinstance(entries, list) or not entries:
                self.fail(400, "send a JSON object {\"attempts\": [...]} with at least one answer.")
            if len(entries) > MAX_BATCH:
                self.fail(413, f"{len(entries)} answers in one request; at most {MAX_BATCH}.")
            for i, entry in enumerate(entries):
                why = problem(entry)
                if why:
                    self.fail(400, f"answer {i} is malformed: {why}. Nothing was stored.")
            wait = bucket.take(user, len(entries))
            if wait:
                self.retry_after = max(1, int(wait + 0.999))
                self.fail(429, f"too many answers at once: wait {wait:.0f} s and send them again "
                               "(they are kept on your machine until then).")
            stored, again, over = store.add(user, entries)
            self.finish({"stored": stored, "already_stored": again, "over_the_limit": over})

    class Page(HubOAuthenticated, Base):
        @web.authenticated
        async def get(self):
            await self.teacher_only()
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            self.finish(page(overview(store.rows()), prefix))

    class Summary(HubOAuthenticated, Base):
        @web.authenticated
        async def get(self):
            await self.teacher_only()
            self.finish(overview(store.rows()))

    class Export(HubOAuthenticated, Base):
        @web.authenticated
        async def get(self):
            await self.teacher_only()
            self.set_header("Content-Type", "text/csv; charset=utf-8")
            self.set_header("Content-Disposition", 'attachment; filename="class-answers.csv"')
            self.finish(export_csv(store.rows()))

    return web.Application([
        (prefix, Page),
        (url_path_join(prefix, "api/attempts"), Attempts),
        (url_path_join(prefix, "api/summary"), Summary),
        (url_path_join(prefix, "export.csv"), Export),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
    ], cookie_secret=os.urandom(32))


def main() -> int:
    from tornado.ioloop import IOLoop

    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/class-insight/")
    store = Store(os.environ.get("CLASS_INSIGHT_DB", "class_insight.sqlite"))
    app = make_app(store, prefix, os.environ.get("CLASS_INSIGHT_TEACHERS", "teachers"))
    # The body is read before anyone is authenticated: keep what one request may hold small.
    # CLASS_INSIGHT_BIND: the address to listen on where the URL's host is not one of this
    # machine's (a Kubernetes Service name: listen on 0.0.0.0).
    app.listen(url.port, os.environ.get("CLASS_INSIGHT_BIND") or url.hostname,
               max_body_size=4 * MAX_BODY, max_buffer_size=4 * MAX_BODY,
               body_timeout=30, idle_connection_timeout=120)
    print(f"class-insight: {url.geturl()}{prefix}, answers in {os.environ.get('CLASS_INSIGHT_DB')}",
          file=sys.stderr, flush=True)
    IOLoop.current().start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
