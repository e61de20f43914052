"""How well `check` judges attempts it was not written for.

    python benchmarks/exercise_tries.py [DIR]      # default: benchmarks/exercise_tries/

DIR holds one file per code exercise, named after its key (``ch02.backprop`` ->
``ch02_backprop.py``), written by someone who saw only the question and the notebook,
never the exercise's list of expected mistakes. In it, every function whose name starts
with ``right`` is a correct solution and must be accepted; every function whose name
starts with ``wrong`` is a mistake, its docstring says which, and it must be rejected
with a message that names it. The script checks each, prints every wrong attempt's
docstring beside `check`'s message (for a reader to judge "named"), and counts:
right accepted, wrong accepted (must be none), and wrong rejected with only the generic
"differs from the right answer" or a bare error (not named).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from course import check as C

HERE = Path(__file__).resolve().parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generic(message: str) -> bool:
    return "differs from the right answer" in message or "is not the right number" in message


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE / "exercise_tries"
    files = sorted(folder.glob("ch*_*.py"))
    if not files:
        print(f"No attempts in {folder}: write chNN_name.py files there (see this script's docstring).")
        return 2
    known = C.exercises()
    totals = dict(right=0, right_ok=0, wrong=0, wrong_accepted=0, wrong_generic=0)
    for path in files:
        chapter, name = path.stem.split("_", 1)
        key = f"{chapter}.{name}"
        if key not in known:
            print(f"{path.name}: no exercise {key!r}")
            continue
        module = load(path)
        print(f"\n== {key}")
        for attr in sorted(vars(module)):
            fn = getattr(module, attr)
            if not callable(fn) or not attr.startswith(("right", "wrong")):
                continue
            fb = C.check(key, fn)
            if attr.startswith("right"):
                totals["right"] += 1
                totals["right_ok"] += bool(fb.correct)
                print(f"  {attr}: {'accepted' if fb.correct else 'REJECTED: ' + fb.message}")
                continue
            totals["wrong"] += 1
            doc = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "(no docstring)"
            if fb.correct:
                totals["wrong_accepted"] += 1
                verdict = "ACCEPTED"
            elif generic(fb.message):
                totals["wrong_generic"] += 1
                verdict = "not named"
            else:
                verdict = "rejected"
            print(f"  {attr} [{doc}]: {verdict}: {fb.message}")
    named = totals["wrong"] - totals["wrong_accepted"] - totals["wrong_generic"]
    print(f"\nright accepted: {totals['right_ok']} of {totals['right']}; wrong accepted: "
          f"{totals['wrong_accepted']} of {totals['wrong']}; wrong rejected with a specific message: "
          f"{named} of {totals['wrong']} ({100 * named / max(totals['wrong'], 1):.0f} %; "
          "a reader still judges whether each names the mistake)")
    return 0 if totals["right_ok"] == totals["right"] and not totals["wrong_accepted"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
