"""Sending a student's answers to the class's overview, on a class's JupyterHub only.

`course.progress` records every answer on the student's machine. When the student's
server runs on a hub that has the class's overview (``deploy/class_insight``), the hub sets
``CLASS_INSIGHT_URL`` for it, and each recorded answer is also put in an outbox
(``outbox.jsonl`` beside ``attempts.jsonl``) and sent from there, in a background thread,
with the server's own JupyterHub token: the service files it under the student the hub
says the token belongs to. A check never waits for the network. Answers the service does
not take now (it restarts, the network is down, the student sent too many at once) stay
in the outbox and go with the next answer, or with ``flush()``; an answer is sent with its
id, so one sent twice is kept once. Two kernels of one student share the outbox under a
file lock. Without ``CLASS_INSIGHT_URL`` nothing is sent anywhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path

try:
    import fcntl
except ImportError:          # Windows: no hub runs a student's server there
    fcntl = None

__all__ = ["enabled", "send", "flush", "waiting", "refused", "outbox_file"]

#: Answers sent per request (the service takes at most 100), and seconds to wait for it.
BATCH = 100
TIMEOUT = 5.0
_flushing = threading.Lock()          # one background flush at a time in this process
_again = threading.Event()            # an answer came while a flush was running
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # the token goes to the hub only


def enabled() -> bool:
    """True on a hub with the class's overview: its URL and the server's token are set."""
    return bool(os.environ.get("CLASS_INSIGHT_URL") and os.environ.get("JUPYTERHUB_API_TOKEN"))


def outbox_file() -> Path:
    from .progress import data_dir
    return data_dir() / "outbox.jsonl"


@contextlib.contextmanager
def _locked(path: Path):
    """The outbox's file lock, shared by every process of the student (two kernels, a
    terminal): held only to append, or to read and rewrite, never while sending."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name("outbox.lock"), "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_UN)


def send(entry: dict, *, wait: bool = False) -> None:
    """Put one recorded answer in the outbox, then send the outbox in a background thread
    (``wait=True``: in this one). Never raises, and without ``wait`` never waits."""
    if not enabled():
        return
    try:
        path = outbox_file()
        with _locked(path), open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        return
    if wait:
        flush()
    else:
        threading.Thread(target=flush, kwargs={"blocking": False}, daemon=True,
                         name="class-insight").start()


def _read(path: Path) -> list[dict]:
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            out.append(entry)
    return out


def waiting() -> int:
    """How many answers wait in the outbox (read, nothing sent)."""
    try:
        return len(_read(outbox_file()))
    except OSError:
        return 0


def refused() -> int:
    """How many answers the service refused for good (set aside in ``rejected.jsonl``)."""
    try:
        path = outbox_file().with_name("rejected.jsonl")
        return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0
    except OSError:
        return 0


def _remove(path: Path, done: set[str]) -> int:
    """Rewrite the outbox without the answers in ``done``, keeping anything another
    process appended meanwhile; returns how many still wait."""
    with _locked(path):
        left = [e for e in _read(path) if e["id"] not in done]
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".outbox-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in left))
        os.replace(tmp, path)
    return len(left)


def flush(blocking: bool = True) -> dict:
    """Send what waits in the outbox; returns {"sent": n, "waiting": m, "error": text}. Sent
    answers leave the outbox; the rest wait for the next try. Answers the service refuses
    for good (malformed) move to ``rejected.jsonl``. It goes on until the outbox holds
    nothing it has not tried, answers added meanwhile included. ``blocking=False``: return
    at once if another flush of this process is running (it sends these answers too, as it
    reads the outbox again before it stops)."""
    if not enabled():
        return {"sent": 0, "waiting": 0, "error": "not on a hub with the class's overview"}
    if not _flushing.acquire(blocking=blocking):
        _again.set()                               # the running flush goes round once more
        return {"sent": 0, "waiting": waiting(), "error": "another send is under way"}
    try:
        total = 0
        while True:
            _again.clear()
            result = _flush(outbox_file())
            total += result["sent"]
            if result["error"] or not _again.is_set():
                return {**result, "sent": total}
    except OSError as err:
        return {"sent": 0, "waiting": waiting(), "error": str(err)}
    finally:
        _flushing.release()


def _flush(path: Path) -> dict:
    done: set[str] = set()
    sent, error = 0, ""
    pending = _unsent(path, done)
    while pending:
        batch = pending[:BATCH]
        status, reason = _post(batch)
        if status == 200:
            sent += len(batch)
            done |= {e["id"] for e in batch}
            pending = pending[len(batch):]
        elif status in (400, 413):                   # one of them is refused for good: which?
            for entry in batch:
                one, why = _post([entry])
                if one == 200:
                    sent += 1
                elif one in (400, 413):
                    _append(path.with_name("rejected.jsonl"), entry, why)
                else:
                    error = why
                    break
                done.add(entry["id"])
            if error:
                break
            pending = pending[len(batch):]
        else:
            error = reason                         # not now (down, busy, too many): later
            break
        if not pending:                            # answers given while this one was sending
            pending = _unsent(path, done)
    left = _remove(path, done) if done else len(_read(path))
    return {"sent": sent, "waiting": left, "error": error}


def _unsent(path: Path, done: set[str]) -> list[dict]:
    with _locked(path):
        return [e for e in _read(path) if e["id"] not in done]


def _append(path: Path, entry: dict, reason: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({**entry, "refused": reason}, ensure_ascii=False) + "\n")
    except OSError:
        pass


def _post(batch: list[dict]) -> tuple[int, str]:
    """(HTTP status, the service's reason); status 0 when it could not be reached."""
    base, token = os.environ.get("CLASS_INSIGHT_URL"), os.environ.get("JUPYTERHUB_API_TOKEN")
    if not (base and token):
        return 0, "not on a hub with the class's overview"
    request = urllib.request.Request(
        base.rstrip("/") + "/api/attempts", data=json.dumps({"attempts": batch}).encode(),
        method="POST", headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    try:
        with _direct.open(request, timeout=TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as err:
        try:
            reason = json.loads(err.read() or b"{}").get("error", "")
        except ValueError:
            reason = ""
        return err.code, reason or str(err)
    except (OSError, ValueError) as err:
        return 0, str(err)
