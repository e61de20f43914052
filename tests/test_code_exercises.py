"""Exercises where the learner writes a function: every one accepts its reference solution,
recognises typical wrong implementations with the right message, and agrees with the
tested function in `course`. The checking machinery itself is tested on a toy exercise."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numpy as np
import pytest

from course import check as C
from course.diagnose import as_array

ROOT = Path(__file__).resolve().parents[1]
CODE = {k: ex for k, ex in C.exercises().items() if isinstance(ex, C.CodeExercise)}
CHAPTERS = sorted({re.match(r"(\d+[a-z]?)_", p.name).group(1)
                   for p in (ROOT / "notebooks").glob("[0-9][0-9]*_*.py")})


def test_every_chapter_from_1_has_three_code_exercises_and_chapter_0_one():
    count = {c: sum(key.split(".")[0] == f"ch{c}" for key in CODE) for c in CHAPTERS}
    few = {c: n for c, n in count.items() if n < (1 if c == "00" else 3)}
    assert not few, f"chapters with too few exercises where the learner writes code: {few}"


@pytest.mark.parametrize("key", sorted(CODE))
def test_code_exercise_accepts_its_reference_solution(key):
    feedback = C.check(key, CODE[key].solution)
    assert feedback.correct is True, feedback


@pytest.mark.parametrize("key", sorted(CODE))
def test_code_exercise_accepts_other_right_ways_to_write_it(key):
    ex = CODE[key]
    assert len(ex.right_examples) >= 2, f"{key}: write at least two other right implementations"
    for right in ex.right_examples:
        feedback = C.check(key, right)
        assert feedback.correct is True, f"{key}: {right.__name__} was rejected: {feedback.message}"


def _numbers(text: str) -> set[float]:
    return {float(x) for x in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", text)}


@pytest.mark.parametrize("key", sorted(CODE))
def test_code_exercise_names_wrong_implementations_beyond_its_list_without_the_answer(key):
    ex = CODE[key]
    listed = {id(wrong) for wrong, _ in ex.mistakes}
    beyond = [w for w, _ in ex.wrong_examples if id(w) not in listed]
    assert len(beyond) >= 6, (f"{key}: {len(beyond)} wrong implementations besides the listed "
                              "mistakes; write at least six")
    right_values = set()
    for args in ex.cases():
        result = ex.solution(*args)
        for part in (result if isinstance(result, (tuple, list)) else [result]):
            array = as_array(part)
            if array is not None and array.dtype.kind == "f":
                right_values |= {round(float(v), 3) for v in np.ravel(array)[:2000]}
    body = C.solution_source(ex.solution).splitlines()[1:]
    for wrong, words in ex.wrong_examples:
        feedback = C.check(key, wrong)
        assert feedback.correct is False, f"{key}: {wrong.__name__} was accepted"
        assert words in feedback.message, f"{key}: {wrong.__name__} got {feedback.message!r}"
        assert "differs from the right answer" not in feedback.message, \
            f"{key}: {wrong.__name__} is not named: {feedback.message!r}"
        # The feedback never shows the solution's code, nor a right value.
        assert not any(line.strip() and line.strip() in feedback.message
                       for line in body if len(line.strip()) > 25), feedback.message
        said = feedback.message.split(" (case: ")[0]     # the case's own arguments are no secret
        shown = {round(v, 3) for v in _numbers(said)} - {0.0, 1.0}
        assert not (shown & right_values), f"{key}: {wrong.__name__}'s message shows a right value: {feedback.message!r}"


def test_the_time_limit_cannot_be_swallowed_by_the_learners_except(toy, monkeypatch):
    monkeypatch.setattr(C, "HARD_SECONDS", 0.3)
    monkeypatch.setattr(C, "HARD_FACTOR", 1.0)

    def stubborn(x):
        out = x.mean(axis=1)
        if x.shape[0] == 800:              # only the realistic-size case hangs
            while True:
                try:
                    sum(range(10_000))
                except Exception:
                    pass
        return out
    fb = C.check(toy, stubborn)
    assert fb.correct is False and "did not finish within" in fb.message


@pytest.mark.parametrize("key", sorted(k for k in CODE if CODE[k].reference is not None))
def test_reference_solution_agrees_with_the_tested_course_function(key):
    ex = CODE[key]
    for args in ex.cases():
        assert C.describe_difference(ex.solution(*args), ex.reference(*args),
                                     rtol=ex.rtol, atol=ex.atol) is None, key


@pytest.mark.parametrize("key", sorted(CODE))
def test_code_exercise_is_in_its_notebook_and_in_the_answer_key(key):
    chapter = key.split(".")[0][2:]
    source = next((ROOT / "notebooks").glob(f"{chapter}_*.py")).read_text()
    assert f'check("{key}"' in source, f"{key} is not asked in notebook {chapter}"
    code = textwrap.indent(C.solution_source(CODE[key].solution), "        ")
    assert code in C.answer_key(key.split(".")[0]), f"{key}: the answer key lacks the solution's code"


# ----------------------------------------------------------------- the machinery, on a toy

def _cases():
    rng = np.random.default_rng(3)
    return [(rng.random((6, 4)),), (rng.random((2, 9)),)]


def _row_means(x):
    return x.mean(axis=1)


@pytest.fixture
def toy():
    C.exercises()
    C._REGISTRY.pop("zz.toy", None)
    C.code_exercise("zz.toy", "Row means.", hint="x.mean(axis=...)", cases=_cases,
                    mistakes=[(lambda x: x.mean(axis=0), "That averages each column: use the other axis.")],
                    speed=lambda: (np.random.default_rng(0).random((800, 800)),),
                    slow_seconds=0.05)(_row_means)
    yield "zz.toy"
    C._REGISTRY.pop("zz.toy", None)


def test_right_function_passes_and_solution_shows_its_code(toy, capsys):
    assert C.check(toy, lambda x: np.mean(x, axis=-1)).correct
    assert C.solution(toy) is _row_means
    assert "return x.mean(axis=1)" in capsys.readouterr().out


def test_a_known_wrong_implementation_gets_its_own_message(toy):
    fb = C.check(toy, lambda x: x.mean(axis=0))
    assert not fb and "averages each column" in fb.message and "hint('zz.toy')" in fb.message


def test_an_error_is_reported_as_the_learners_with_its_line(toy):
    def broken(x):
        total = x.sum(axis=1)
        return total / x.shape[3]
    fb = C.check(toy, broken)
    assert not fb and "IndexError" in fb.message and "return total / x.shape[3]" in fb.message
    assert re.search(r"at line \d+ of your code", fb.message)


def test_changing_the_input_is_caught(toy):
    def in_place(x):
        x -= x.mean(axis=1, keepdims=True)
        return x.mean(axis=1) + _row_means(x + 0) * 0 + 0  # wrong anyway, but the mutation is named first
    fb = C.check(toy, in_place)
    assert not fb and "changes its input `x`" in fb.message


def test_generic_mistakes_name_the_case_without_its_answer(toy):
    fb = C.check(toy, lambda x: x.sum(axis=1))
    assert "A missing 1/4" in fb.message and "x: array (6, 4) float64" in fb.message


@pytest.mark.parametrize("key", sorted(CODE))
def test_the_notebook_template_is_not_yet_an_answer_and_the_check_follows_it(key):
    chapter = key.split(".")[0][2:]
    source = next((ROOT / "notebooks").glob(f"{chapter}_*.py")).read_text()
    template = re.search(r"def (\w+)\((.*?)\):\n    raise NotImplementedError.*\n\n\ncheck\(\""
                         + re.escape(key) + r"\", \1\)", source)
    assert template, f"{key}: notebook {chapter} lacks the template `def name(...): raise NotImplementedError` followed by check(\"{key}\", name)"


def loops(x):
    out = np.zeros(len(x))
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            out[i] += x[i, j] / x.shape[1]
    return out


def test_a_right_but_slow_loop_is_accepted_with_advice(toy):
    fb = C.check(toy, loops)
    assert fb.correct is True and "It is slow, though" in fb.message


def test_a_loop_that_would_stall_the_chapter_is_rejected(toy, monkeypatch):
    monkeypatch.setattr(C, "HARD_SECONDS", 0.01)
    monkeypatch.setattr(C, "HARD_FACTOR", 1.0)
    fb = C.check(toy, loops)
    assert fb.correct is False and "did not finish within" in fb.message


def test_a_changed_tensor_gets_torch_advice(toy):
    import torch
    C._REGISTRY["zz.toy"].cases = lambda: [(torch.arange(12.0).reshape(3, 4),)]
    C._REGISTRY["zz.toy"].solution = lambda x: x.mean(dim=1)

    def in_place(x):
        x -= 1
        return x.mean(dim=1) + 1
    fb = C.check("zz.toy", in_place)
    assert "x = x.clone()" in fb.message and ".copy()" not in fb.message


def test_not_a_function_and_no_answer_are_explained(toy):
    assert C.check(toy, None).correct is None
    assert "without calling it" in C.check(toy, np.zeros(6)).message
    assert "asks for a value" in C.check("ch00.pixels", _row_means).message


def test_the_unwritten_template_is_not_yet_an_answer(toy):
    def template(x):
        raise NotImplementedError  # replace this line with your code
    fb = C.check(toy, template)
    assert fb.correct is None and "not written yet" in fb.message


def test_a_shape_error_from_star_for_a_matrix_product_says_so(toy):
    def star(x):
        weights = np.full((x.shape[1], 1), 1 / x.shape[1])
        return (x * weights).ravel()
    fb = C.check(toy, star)
    assert "ValueError" in fb.message and "did you mean @ (a matrix product)" in fb.message

    def transposed(x):
        weights = np.full((x.shape[1], 1), 1 / x.shape[1])
        return (weights @ x).ravel()
    fb = C.check(toy, transposed)
    assert "(n, k) @ (k, m) needs the inner sizes equal" in fb.message


def test_use_gives_the_course_version_until_the_learners_passes(toy, capsys):
    def template(x):
        raise NotImplementedError
    assert C.use(toy, template) is _row_means
    assert "the course's _row_means: yours is not written yet" in capsys.readouterr().out
    mine = lambda x: np.mean(x, axis=1)  # noqa: E731
    assert C.use(toy, mine) is mine
    assert "use your" in capsys.readouterr().out


def test_float_counts_are_named_where_the_question_asks_for_whole_numbers(toy):
    ex = C._REGISTRY["zz.toy"]
    ex.cases = lambda: [(np.arange(12).reshape(3, 4),)]
    ex.solution = lambda x: x.sum(axis=1)
    assert C.check("zz.toy", lambda x: x.sum(axis=1).astype(float)).correct
    ex.whole_numbers = True
    fb = C.check("zz.toy", lambda x: x.sum(axis=1).astype(float))
    assert fb.correct is False and "counts are whole numbers" in fb.message
    assert C.check("zz.toy", lambda x: x.sum(axis=1)).correct


def test_a_tensor_still_attached_to_its_graph_is_named(toy):
    import torch
    ex = C._REGISTRY["zz.toy"]
    ex.cases = lambda: [(torch.arange(12.0).reshape(3, 4),)]
    ex.solution, ex.speed = (lambda x: x.mean(dim=1)), None

    def attached(x):
        w = torch.ones(4, requires_grad=True)
        return (x * w).mean(dim=1)
    fb = C.check("zz.toy", attached)
    assert fb.correct is False and "gradient history" in fb.message
    assert C.check("zz.toy", lambda x: attached(x).detach()).correct


@pytest.mark.parametrize("source", sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.py")), ids=lambda p: p.stem)
def test_a_chapter_that_asks_questions_imports_hint_before_its_first_check(source):
    """Every wrong answer ends "Ask for a hint: hint('...')": that call must work."""
    text = source.read_text()
    first_check = text.find('check("')
    if first_check < 0:
        pytest.skip("no exercise")
    imports = re.search(r"from course\.check import ([^\n]+)", text[:first_check])
    assert imports and "hint" in imports.group(1), f"{source.name}: import hint with check"


def test_a_function_that_only_calls_the_courses_own_is_not_an_answer(toy):
    import types
    C._REGISTRY["zz.toy"].reference = _row_means
    fb = C.check(toy, lambda x: _row_means(x))
    assert fb.correct is False and "calls the course's own `_row_means`" in fb.message
    assert C.check(toy, lambda x: x.mean(axis=1)).correct
    globals()["lib"] = types.ModuleType("lib")          # reached through a module: adversarial.fgsm
    lib._row_means = _row_means                          # noqa: F821
    try:
        fb = C.check(toy, lambda x: lib._row_means(x))   # noqa: F821
        assert fb.correct is False and "calls the course's own" in fb.message
    finally:
        del globals()["lib"]


def test_a_count_that_is_the_length_of_an_axis_is_named(toy):
    ex = C._REGISTRY["zz.toy"]
    ex.solution, ex.speed = (lambda x: int((x > 0.5).sum())), None
    fb = C.check("zz.toy", lambda x: len(x > 0.5))
    assert fb.correct is False and "the length of axis 0 of `x`" in fb.message


def test_an_input_tensor_made_to_require_gradients_is_named(toy):
    import torch
    ex = C._REGISTRY["zz.toy"]
    ex.cases = lambda: [(torch.arange(12.0).reshape(3, 4),)]
    ex.solution, ex.speed = (lambda x: x.mean(dim=1)), None

    def grabs(x):
        x.requires_grad_(True)
        x.sum().backward()
        return x.detach().mean(dim=1)
    fb = C.check("zz.toy", grabs)
    assert fb.correct is False and "switches on gradients for its input `x`" in fb.message
