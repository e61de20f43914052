"""Your progress through the exercises, kept on your own machine.

Every answer given to `course.check.check` (right or not; "no answer yet" is not an
answer) is recorded as one line of JSON in ``attempts.jsonl``, in the course's data folder:
``~/.local/share/mnist-course`` (``$XDG_DATA_HOME/mnist-course`` when that is set, or the
folder ``$MNIST_COURSE_DATA`` names). A line says which exercise, whether the answer was
right, the kind of mistake the check named (its first sentence, without the numbers of
the case), and when. Nothing else is kept, and nothing leaves the machine, except on a
class's JupyterHub with the class's overview, where `course.class_insight` also sends
each answer to it (and `progress()` says so).

    from course.progress import progress
    progress()                 # every chapter; progress("ch02") for one
    python -m course.progress  # the same, in a terminal

The file is plain JSON, read as data (never run); a damaged line is skipped and counted.
Recording never stops a check: a folder that cannot be written is reported once.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
import threading
import uuid
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

__all__ = ["data_dir", "attempts_file", "record", "attempts", "mistake_label", "summary",
           "progress"]

#: Longest mistake label kept: the first sentence of a message, cut here.
LABEL_CHARS = 160
_warned = False


def data_dir() -> Path:
    """The course's data folder on this machine (created when first written)."""
    named = os.environ.get("MNIST_COURSE_DATA")
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "mnist-course"


def attempts_file() -> Path:
    return data_dir() / "attempts.jsonl"


def mistake_label(message: str) -> str:
    """The kind of mistake a check's message names, the same for every learner who makes
    it: its first sentence, with the numbers (places, shapes, the case) taken out.

    >>> mistake_label("Your result differs from the right answer in 30 places of 35. Check ...")
    'Your result differs from the right answer in N places of N.'
    """
    if (message or "").startswith("your function raised "):
        # Only the kind of error: its text and the line quote the learner's own code and data.
        return re.match(r"your function raised [\w.]+", message).group(0) + "."
    text = re.sub(r"\s*\(case: .*?\.\)", "", message or "")
    text = text.split(" Ask for a hint:")[0].strip()
    sentence = re.match(r"(.+?[.?!])(\s|$)", text)
    first = sentence.group(1) if sentence else text
    first = re.sub(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", "N", first)
    return first[:LABEL_CHARS]


def record(key: str, correct: bool, message: str, *, when: _dt.datetime | None = None) -> dict | None:
    """Append one attempt to the learner's file and return it (None when the folder cannot
    be written: said once, and the check goes on)."""
    global _warned
    entry = {"v": 1, "id": uuid.uuid4().hex, "exercise": key, "correct": bool(correct),
             "mistake": None if correct else mistake_label(message),
             "time": (when or _dt.datetime.now(_dt.timezone.utc)).isoformat(timespec="milliseconds")}
    path = attempts_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:      # one short write: whole lines
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as err:
        if not _warned:
            _warned = True
            warnings.warn(f"Your answers are checked but not recorded: {path} cannot be "
                          f"written ({err.strerror or err}). Set MNIST_COURSE_DATA to a folder "
                          "you can write to keep your progress.", stacklevel=3)
        return None
    from . import class_insight          # on a class's hub only: sent to the class's overview
    class_insight.send(entry)
    return entry


def _valid(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("exercise"), str)
            and isinstance(entry.get("correct"), bool) and isinstance(entry.get("time"), str)
            and (entry.get("mistake") is None or isinstance(entry.get("mistake"), str)))


def attempts(path: str | Path | None = None) -> tuple[list[dict], int]:
    """(the recorded attempts in the order they were made, how many lines were damaged)."""
    path = Path(path) if path is not None else attempts_file()
    if not path.exists():
        return [], 0
    good, bad = [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if _valid(entry):
                good.append(entry)
            else:
                bad += 1
    return good, bad


def summary(entries: Iterable[dict], keys: Iterable[str]) -> dict[str, dict]:
    """Per exercise key: tries, right (ever), right at the first try, and the mistakes named
    (label -> count), for every key in ``keys`` and any other recorded."""
    out: dict[str, dict] = {k: {"tries": 0, "right": False, "first_try": None,
                                "mistakes": defaultdict(int)} for k in keys}
    for e in entries:
        s = out.setdefault(e["exercise"], {"tries": 0, "right": False, "first_try": None,
                                           "mistakes": defaultdict(int)})
        if s["first_try"] is None:
            s["first_try"] = e["correct"]
        s["tries"] += 1
        s["right"] = s["right"] or e["correct"]
        if not e["correct"] and e.get("mistake"):
            s["mistakes"][e["mistake"]] += 1
    return out


def _chapter(key: str) -> str:
    return key.split(".")[0]


def progress(chapter: str | None = None, *, path: str | Path | None = None, show: bool = True) -> dict:
    """Print (and return) your progress: per chapter, how many of its exercises you have
    answered right, and for each exercise its state: ✅ right (at the first try, or after n
    tries), ✏️ tried and not yet right, · not tried. ``chapter``: "ch02" for one chapter."""
    from .check import exercises

    known = exercises()
    keys = sorted(k for k in known if chapter is None or _chapter(k) == chapter)
    if chapter is not None and not keys:
        chapters = sorted({_chapter(k) for k in known})
        raise KeyError(f"No exercises for chapter {chapter!r}. Chapters: {', '.join(chapters)}.")
    entries, damaged = attempts(path)
    table = summary([e for e in entries if e["exercise"] in known and e["exercise"] in keys], keys)
    lines = []
    if not entries:
        lines.append("No answers recorded yet.")
    for ch in sorted({_chapter(k) for k in keys}):
        mine = [k for k in keys if _chapter(k) == ch]
        done = sum(table[k]["right"] for k in mine)
        lines.append(f"{ch}: {done} of {len(mine)} right")
        for k in mine:
            s = table[k]
            if s["right"]:
                state = "✅ right at the first try" if s["first_try"] else f"✅ right after {s['tries']} tries"
            elif s["tries"]:
                state = f"✏️  tried {s['tries']} time{'s' if s['tries'] > 1 else ''}, not yet right"
            else:
                state = "·  not tried"
            lines.append(f"  {k:28} {state}")
    if damaged:
        lines.append(f"({damaged} damaged line{'s' if damaged > 1 else ''} in the file skipped.)")
    from . import class_insight
    if class_insight.enabled():
        left = class_insight.waiting()
        refused = class_insight.refused()
        lines.append("Your answers go to your class's overview, which your teachers see"
                     + (f"; {left} wait to be sent, and go with your next answer." if left
                        else "; all of them have been sent." if not refused else "."))
        if refused:
            lines.append(f"{refused} could not be taken by it (they are in "
                         f"{class_insight.outbox_file().with_name('rejected.jsonl')}).")
        if left:                                   # try again now, without waiting for it
            threading.Thread(target=class_insight.flush, kwargs={"blocking": False},
                             daemon=True).start()
    if show:
        print("\n".join(lines))
    return {k: {**v, "mistakes": dict(v["mistakes"])} for k, v in table.items()}


def main(argv: list[str] | None = None) -> int:
    """``python -m course.progress [chNN]``: your progress, in a terminal."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    try:
        progress(argv[0] if argv else None)
    except KeyError as err:
        print(err.args[0])
        return 2
    return 0


if __name__ == "__main__":
    from course.progress import main as _main   # the module the exercises register in
    raise SystemExit(_main())
