"""Sending a student's answers to the class's overview, on a class's JupyterHub only.

`course.progress` records every answer on the student's machine. When the student's
server runs on a hub that has the class's overview (``deploy/class_insight``), the hub sets
``CLASS_INSIGHT_URL`` for it, and each recorded answer is also put in an outbox
(``outbox.jsonl`` beside ``attempts.jsonl``) and sent from there, in the background, with
the server's own JupyterHub token: the service files it under the student the hub says
the token belongs to. Answers the service does not take now (it restarts, the network is
down, the student sent too many at once) stay in the outbox and go with the next answer,
or with ``flush()``; an answer is sent with its id, so one sent twice is kept once.
Without ``CLASS_INSIGHT_URL`` nothing is sent anywhere.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from pathlib import Path

__all__ = ["enabled", "send", "flush", "outbox_file"]

#: Answers sent per request (the service takes at most 200), and seconds to wait for it.
BATCH = 100
TIMEOUT = 5.0
_lock = threading.Lock()


def enabled() -> bool:
    """True on a hub with the class's overview: its URL and the server's token are set."""
    return bool(os.environ.get("CLASS_INSIGHT_URL") and os.environ.get("JUPYTERHUB_API_TOKEN"))


def outbox_file() -> Path:
    from .progress import data_dir
    return data_dir() / "outbox.jsonl"


def send(entry: dict, *, wait: bool = False) -> None:
    """Put one recorded answer in the outbox and send the outbox, in a background thread
    (``wait=True``: in this one). Never raises."""
    if not enabled():
        return
    try:
        path = outbox_file()
        with _lock, open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        return
    if wait:
        flush()
    else:
        threading.Thread(target=flush, daemon=True, name="class-insight").start()


def _read(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and "id" in entry:
            out.append(entry)
    return out


def flush() -> dict:
    """Send what waits in the outbox; returns {"sent": n, "waiting": m, "error": text}. Sent
    answers leave the outbox; the rest wait for the next try. Malformed ones, which the
    service refuses for good, move to ``rejected.jsonl``."""
    if not enabled():
        return {"sent": 0, "waiting": 0, "error": "not on a hub with the class's overview"}
    path = outbox_file()
    sent, error = 0, ""
    with _lock:
        try:
            waiting = _read(path) if path.exists() else []
        except OSError as err:
            return {"sent": 0, "waiting": 0, "error": str(err)}
        while waiting:
            batch = waiting[:BATCH]
            status, reason = _post(batch)
            if status == 200:
                sent += len(batch)
                waiting = waiting[len(batch):]
                continue
            if status in (400, 413) and len(batch) == 1:     # this one answer is refused for good
                _append(path.with_name("rejected.jsonl"), batch[0], reason)
                waiting = waiting[1:]
                continue
            if status in (400, 413):                          # find the bad one: one at a time
                done = 0
                for entry in batch:
                    one, why = _post([entry])
                    if one == 200:
                        sent += 1
                    elif one in (400, 413):
                        _append(path.with_name("rejected.jsonl"), entry, why)
                    else:
                        error = why
                        break
                    done += 1
                waiting = waiting[done:]
                if error:
                    break
                continue
            error = reason
            break
        try:
            tmp = path.with_name("outbox.jsonl.tmp")
            tmp.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in waiting),
                           encoding="utf-8")
            os.replace(tmp, path)
        except OSError as err:
            error = error or str(err)
    return {"sent": sent, "waiting": len(waiting), "error": error}


def _append(path: Path, entry: dict, reason: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({**entry, "refused": reason}, ensure_ascii=False) + "\n")
    except OSError:
        pass


def _post(batch: list[dict]) -> tuple[int, str]:
    """(HTTP status, the service's reason); status 0 when it could not be reached."""
    url = os.environ["CLASS_INSIGHT_URL"].rstrip("/") + "/api/attempts"
    request = urllib.request.Request(
        url, data=json.dumps({"attempts": batch}).encode(), method="POST",
        headers={"Authorization": f"token {os.environ['JUPYTERHUB_API_TOKEN']}",
                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as err:
        try:
            reason = json.loads(err.read() or b"{}").get("error", "")
        except ValueError:
            reason = ""
        return err.code, reason or str(err)
    except (OSError, ValueError) as err:
        return 0, str(err)
