"""`course.progress`: every answer given to `check` is recorded in the learner's own data
folder, and `progress()` (or ``python -m course.progress``) shows it per chapter, in any
later process: a new kernel, a restarted JupyterLab."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course import check as C
from course import progress as P

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_COURSE_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


def _lines(folder):
    return [json.loads(line) for line in (folder / "attempts.jsonl").read_text().splitlines()]


def test_every_answer_is_recorded_with_its_mistake_and_no_answer_is_not(folder):
    C.check("ch00.pixels", None)                               # no answer yet: not an attempt
    assert not (folder / "attempts.jsonl").exists()
    C.check("ch00.count_ink", lambda image, threshold: int((image >= threshold).sum()))
    C.check("ch00.count_ink", lambda image, threshold: int((image > threshold).sum()))
    first, second = _lines(folder)
    assert first["exercise"] == second["exercise"] == "ch00.count_ink"
    assert (first["correct"], second["correct"]) == (False, True)
    assert first["mistake"] and second["mistake"] is None
    assert "(case:" not in first["mistake"] and not any(ch.isdigit() for ch in first["mistake"])
    assert set(first) == {"v", "id", "exercise", "correct", "mistake", "time"} and first["id"] != second["id"]


def test_the_same_mistake_gets_the_same_label_whatever_the_case_numbers():
    a = P.mistake_label("Your result differs from the right answer in 30 places of 35. Check "
                        "each step. (case: W: array (5, 6) float64.) Ask for a hint: hint('x').")
    b = P.mistake_label("Your result differs from the right answer in 1,052 places of 5,488. "
                        "Check each step. (case: x: tensor (7, 784).) Ask for a hint: hint('y').")
    assert a == b == "Your result differs from the right answer in N places of N."


def test_progress_shows_each_state_and_survives_a_new_process(folder):
    C.check("ch00.always_seven", 0.5)                          # wrong, then right
    C.check("ch00.always_seven", C._get("ch00.always_seven").answer)
    C.check("ch00.pixels", C._get("ch00.pixels").answer)       # right at once
    C.check("ch01.edge_digits", -1)                            # tried, not right
    table = P.progress(show=False)
    assert table["ch00.always_seven"]["tries"] == 2 and table["ch00.always_seven"]["right"]
    assert table["ch00.always_seven"]["first_try"] is False
    assert table["ch00.pixels"]["first_try"] is True
    assert table["ch01.edge_digits"]["right"] is False and table["ch01.edge_digits"]["tries"] == 1
    assert table["ch00.count_ink"]["tries"] == 0
    # A fresh interpreter, as after a restart of the kernel or of JupyterLab, reads it back.
    env = {**os.environ, "MNIST_COURSE_DATA": str(folder)}
    out = subprocess.run([sys.executable, "-m", "course.progress", "ch00"], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "ch00: 2 of 3 right" in out.stdout
    assert "right after 2 tries" in out.stdout and "right at the first try" in out.stdout
    assert "not tried" in out.stdout


def test_damaged_lines_are_skipped_and_counted_never_run(folder, capsys):
    folder.mkdir(parents=True)
    good = {"v": 1, "exercise": "ch00.pixels", "correct": True, "mistake": None, "time": "2026-01-01T00:00:00+00:00"}
    (folder / "attempts.jsonl").write_text(
        json.dumps(good) + "\n" + "{not json\n" + json.dumps([1, 2]) + "\n"
        + json.dumps({**good, "correct": "yes"}) + "\n" + "__import__('os').system('false')\n")
    entries, damaged = P.attempts()
    assert entries == [good] and damaged == 4
    P.progress("ch00")
    assert "4 damaged lines in the file skipped" in capsys.readouterr().out


def test_a_folder_that_cannot_be_written_warns_once_and_the_check_goes_on(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("MNIST_COURSE_DATA", str(blocked / "data"))
    monkeypatch.setattr(P, "_warned", False)
    with pytest.warns(UserWarning, match="not recorded.*MNIST_COURSE_DATA"):
        fb = C.check("ch00.pixels", 12)
    assert fb.correct is False
    assert C.check("ch00.pixels", C._get("ch00.pixels").answer).correct is True   # no second warning


def test_an_unknown_chapter_is_a_clear_error(folder):
    with pytest.raises(KeyError, match="No exercises for chapter 'ch99'. Chapters: ch00"):
        P.progress("ch99")
    out = subprocess.run([sys.executable, "-m", "course.progress", "ch99"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "MNIST_COURSE_DATA": str(folder)})
    assert out.returncode == 2 and "No exercises for chapter 'ch99'" in out.stdout


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("MNIST_COURSE_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert P.data_dir() == tmp_path / "mnist-course"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert P.data_dir() == Path.home() / ".local" / "share" / "mnist-course"


def test_the_tests_never_record_into_the_folder_of_whoever_runs_them():
    assert "mnist-course-test-data-" in os.environ["MNIST_COURSE_DATA"]
