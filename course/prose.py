"""Text computed from results: prose and speaker notes that quote numbers.

A sentence such as "the network is 96.8 % accurate" is true only for the run that printed
96.8 %. So a notebook never types such a number into a Markdown cell. It ends a code cell
with `md`, an f-string formatted from the variables the cell above computed::

    md(f"The test accuracy is {pct(acc)}: {n_wrong:,} of {n:,} digits are misread.")

The cell shows the text as formatted Markdown (its code can stay collapsed), and when the
data, a seed or the code changes, the text changes with the numbers. Speaker notes are
such cells too (slide type ``notes``).
"""

from __future__ import annotations

import re
import textwrap

from IPython.display import Markdown

__all__ = ["md", "pct", "span", "Prose"]


class Prose(Markdown):
    """Markdown rendered from values; ``str(prose)`` is the Markdown text."""

    def __str__(self) -> str:
        return self.data

    def __repr__(self) -> str:  # the plain-text view of the cell: the text itself
        return self.data


def md(text: str) -> Prose:
    """Show ``text`` (Markdown, usually an f-string) as the output of a cell.

    Leading indentation common to all lines and blank lines at both ends are removed, so
    a triple-quoted string can be indented with the code. A line of a paragraph that
    starts with "+ ", "- " or "* " and a number ("...the first layer\n+ 16 biases") stays
    text: Markdown would start a bulleted list there. Returns a `Prose`,
    which the notebook displays as formatted text.
    """
    if not isinstance(text, str):
        raise TypeError(f"md: expected the Markdown text as a str, got {type(text).__name__}.")
    lines = textwrap.dedent(text).strip("\n").split("\n")
    for i in range(1, len(lines)):
        before = lines[i - 1].strip()
        if _BULLET.match(lines[i]) and before and not _BULLET.match(lines[i - 1]):
            lines[i] = "\\" + lines[i]
    return Prose("\n".join(lines))


#: A paragraph line that starts like a bullet followed by a number: a computed value, not a list.
_BULLET = re.compile(r"[+*-] (?=[\d.,(])")


def pct(fraction: float, digits: int = 1) -> str:
    """A fraction as a percentage the way the course writes them: ``pct(0.9684) == '96.8 %'``."""
    return f"{100 * float(fraction):.{digits}f} %"


def span(values, fmt: str = "{}") -> str:
    """The range of ``values`` in words: ``'400'`` when they are all equal, else ``'391–412'``.

    fmt : how to format one value, e.g. ``"{:.1%}"``.
    """
    import numpy as np

    v = np.asarray(values).ravel()
    if v.size == 0:
        raise ValueError("span: no values given.")
    lo, hi = fmt.format(v.min()), fmt.format(v.max())
    return lo if lo == hi else f"{lo}–{hi}"
