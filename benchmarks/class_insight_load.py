"""The class's overview under a whole class: 120 students send 30 answers each.

    sudo make bench-insight          # or: python benchmarks/class_insight_load.py [--students N --answers M]

Starts the classroom hub on 127.0.0.1 with its class-insight service (tools/classroom.py),
makes N hub users with a token each (no servers: the answers go straight to the service,
one request per answer, as a student's check sends them), sends N x M answers from 32
threads at once, and reports the requests' latency (median, 95th percentile, largest), the
time it took, the service's memory (resident set, before and at its largest) and whether
every answer was stored once. Figures go to stdout and benchmarks/results/class_insight_load.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import classroom as C  # noqa: E402
import hub_class  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "class_insight_load.json"


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def service_exercises() -> frozenset:
    """The exercise keys the service takes (its own list)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("service", ROOT / "deploy" / "class_insight" / "service.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.EXERCISES


def post(url: str, token: str, entry: dict) -> tuple[int, float]:
    body = json.dumps({"attempts": [entry]}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Authorization": f"token {token}", "Content-Type": "application/json"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as err:
        status = err.code
    return status, time.perf_counter() - t0


def run(n_students: int, n_answers: int) -> dict:
    with hub_class.Classroom(0, expose_app=False) as room:
        hub = room.hub
        names = [f"load-{i:03d}" for i in range(n_students)]
        hub.api("POST", "/users", {"usernames": names})
        tokens = {n: hub.token_for(n) for n in names}
        pid, = C.overview_pids(hub.state)
        url = hub.insight_url + "api/attempts"
        rss0, peak = rss_mib(pid), [rss_mib(pid)]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak.append(rss_mib(pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        keys = sorted(service_exercises())
        jobs = [(tokens[n], {"v": 1, "id": uuid.uuid4().hex, "exercise": keys[k % len(keys)],
                             "correct": k % 3 == 0, "mistake": None if k % 3 == 0 else f"mistake {k % 4}",
                             "time": f"2026-12-07T10:{k // 60:02d}:{k % 60:02d}+00:00"})
                for k in range(n_answers) for n in names]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(32) as pool:
            results = list(pool.map(lambda job: post(url, *job), jobs))
        seconds = time.perf_counter() - t0
        done.set()
        sampler.join()
        teacher = hub.token_for(hub.teachers[0])
        request = urllib.request.Request(hub.insight_url + "api/summary",
                                         headers={"Authorization": f"token {teacher}"})
        with urllib.request.urlopen(request, timeout=60) as r:
            view = json.loads(r.read())
        stored = sum(s["answers"] for s in view["students"])
    latency = sorted(t for _, t in results)
    statuses: dict[int, int] = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {"students": n_students, "answers_each": n_answers, "requests": len(results),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "stored": stored, "seconds": round(seconds, 2),
            "requests_per_s": round(len(results) / seconds, 1),
            "latency_ms": {"median": round(1000 * statistics.median(latency), 1),
                           "p95": round(1000 * latency[int(0.95 * (len(latency) - 1))], 1),
                           "max": round(1000 * latency[-1], 1)},
            "service_rss_mib": {"before": round(rss0, 1), "peak": round(max(peak), 1)},
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"}


def report(r: dict) -> str:
    return (f"{r['students']} students x {r['answers_each']} answers = {r['requests']:,} requests in "
            f"{r['seconds']} s ({r['requests_per_s']} per s; statuses {r['statuses']})\n"
            f"stored {r['stored']:,} of {r['requests']:,} answers (each once)\n"
            f"latency: median {r['latency_ms']['median']} ms, 95th percentile {r['latency_ms']['p95']} ms, "
            f"largest {r['latency_ms']['max']} ms\n"
            f"service memory (resident): {r['service_rss_mib']['before']} MiB before, "
            f"{r['service_rss_mib']['peak']} MiB at its largest")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=120)
    parser.add_argument("--answers", type=int, default=30)
    args = parser.parse_args(argv)
    if not C.is_root():
        print(f"class_insight_load: {C.NEEDS_ROOT}", file=sys.stderr)
        return 2
    result = run(args.students, args.answers)
    print(report(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    ok = result["stored"] == result["requests"] and result["statuses"] == {"200": result["requests"]}
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
