"""course.check: right answers pass, wrong ones get a hint and never the solution."""

from __future__ import annotations

import numpy as np
import pytest

from course import check as C


def test_every_exercise_accepts_its_own_solution_and_rejects_a_wrong_one():
    exercises = {k: ex for k, ex in C.exercises().items() if isinstance(ex, C.Exercise)}
    assert {"ch00.pixels", "ch01.most_ink"} <= set(exercises)
    for key, ex in exercises.items():
        right = C.check(key, ex.answer)
        assert right.correct is True, (key, right)
        if isinstance(ex.answer, (int, float)):
            wrong = C.check(key, ex.answer * 3 + 1)
            assert wrong.correct is False, key
            assert repr(ex.answer) not in wrong.message.split("[")[0]


def test_no_answer_yet_is_neither_right_nor_wrong():
    fb = C.check("ch00.pixels", None)
    assert fb.correct is None and "replace None" in fb.message and not fb


def test_wrong_answer_says_direction_and_offers_hint_without_solution():
    fb = C.check("ch00.pixels", 10**9)
    assert fb.correct is False and "Too large" in fb.message and "hint('ch00.pixels')" in fb.message
    assert "3136000" not in fb.message and "3,136,000" not in fb._repr_html_()


def test_known_mistake_gets_specific_feedback():
    fb = C.check("ch00.pixels", 784)
    assert fb.correct is False and "one digit's pixels" in fb.message


def test_wrong_type_is_explained():
    assert "remove the quotes" in C.check("ch00.pixels", "3136000").message
    assert "single number" in C.check("ch00.pixels", [784, 1]).message


def test_numeric_tolerance_applies():
    ex = C.exercises()["ch01.zero_share"]
    assert C.check("ch01.zero_share", round(ex.answer, 2)).correct
    assert not C.check("ch01.zero_share", ex.answer + 0.02).correct
    assert C.check("ch01.zero_share", np.float32(ex.answer)).correct


def test_solution_and_hint_reveal_only_when_asked(capsys):
    assert C.solution("ch00.pixels") == 4000 * 784
    assert "3136000" in capsys.readouterr().out
    text = C.hint("ch00.pixels")
    assert "3136000" not in text and "3,136,000" not in text


def test_unknown_key_lists_the_chapter_exercises():
    with pytest.raises(KeyError, match="ch00.pixels"):
        C.check("ch00.pixel", 1)


def test_duplicate_definition_is_refused():
    with pytest.raises(ValueError, match="defined twice"):
        C.exercise("ch00.pixels", "again", hint="-")(lambda: 1)


def test_teacher_answer_key_lists_every_exercise_of_a_chapter_with_its_answer(capsys):
    key = C.answer_key("ch00")
    ch00 = sorted(k for k in C.exercises() if k.startswith("ch00."))
    assert ch00 and all(f"{k}: " in key for k in ch00)
    for k in ch00:
        ex = C.exercises()[k]
        if isinstance(ex, C.CodeExercise):   # a function: its code, indented
            assert "answer (a function):" in key and ex.answer.splitlines()[0] in key
        else:
            assert f"answer: {ex.answer!r}" in key
    assert "ch01." not in key
    assert C.main(["--solutions", "ch00"]) == 0
    assert capsys.readouterr().out.strip() == key
    assert C.main(["--solutions", "ch99"]) == 2
    assert "Chapters with exercises: ch00" in capsys.readouterr().out


def test_solutions_command_runs_as_a_module():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "course.check", "--solutions", "ch00"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "ch00.pixels" in out.stdout and "answer: 3136000" in out.stdout


def test_a_number_given_as_an_array_holding_one_is_named_as_in_code_exercises():
    key = next(k for k, ex in C.exercises().items()
               if isinstance(ex, C.Exercise) and isinstance(ex.answer, (int, float)))
    answer = C._get(key).answer
    assert C.check(key, np.array(answer)).correct is True
    fb = C.check(key, np.array([answer]))
    assert fb.correct is False and ".item()" in fb.message
