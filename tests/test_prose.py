"""course.prose: Markdown computed from values."""

from __future__ import annotations

import numpy as np
import pytest

from course.prose import md, pct, span


def test_md_dedents_strips_and_renders_as_markdown():
    acc = 0.9684
    text = md(f"""
        **Say:** the network is {pct(acc)} accurate
          on digits it never saw.
    """)
    assert str(text) == "**Say:** the network is 96.8 % accurate\n  on digits it never saw."
    assert text._repr_markdown_() == str(text) and repr(text) == str(text)


def test_md_refuses_what_is_not_text():
    with pytest.raises(TypeError, match="expected the Markdown text as a str"):
        md(0.5)


def test_pct_and_span_format_the_way_the_course_writes():
    assert pct(0.9684) == "96.8 %" and pct(0.1, 0) == "10 %"
    assert span([400, 400, 400]) == "400"
    assert span(np.array([391, 412, 400])) == "391–412"
    assert span([0.25, 0.5], "{:.0%}") == "25%–50%"
    with pytest.raises(ValueError, match="no values"):
        span([])


def test_a_paragraph_line_that_starts_with_a_sign_and_a_number_is_not_a_bullet():
    from course.prose import md
    text = md("""
        **Expect:** 13,002; 12,560 in the first layer
        + 16 biases, and
        - 3 for the offset.

        - a real list
        - of words
    """)
    lines = str(text).splitlines()
    assert lines[1].startswith("\\+ 16") and lines[2].startswith("\\- 3"), lines
    assert "- a real list" in lines and "- of words" in lines
