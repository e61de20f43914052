"""How the browser test drives each notebook's widgets, as a learner would.

``ACTIONS`` maps a notebook's stem (``"00_start_here"``) to a callable(page) that moves
one or more controls and fails (AssertionError) unless a view of the widget changed. A
notebook without an entry gets ``DEFAULT``: move its first slider, or else press its
first button.

Everything is done with the keyboard, as a learner without a mouse does: Tab reaches
the control (`tab_to`), arrow keys move a slider or go through a menu, Enter or Space
presses a button or ticks a box, digits are typed. The drawing pad is driven both ways:
with the mouse (a 7 drawn with a thin and a bold pen) and with the keyboard only (a
sample drawing from its menu, then a real digit typed into its field).

Views are what widgets show (pictures, HTML, output areas, canvases; see
`browser_lab.widget_views`), never the controls themselves: a slider wired to nothing
changes its own readout, and must still fail.

Chapter 2's action also does what a learner does with an exercise where they write code:
`write_and_check` types a wrong and then a right function into the exercise cell, runs it
with Ctrl+Enter, and the test asserts what `check` answered each time.
"""

from __future__ import annotations

import re
from typing import Callable

from browser_lab import NOTEBOOK, wait_for_views_change, widget_views

SLIDERS = f"{NOTEBOOK} .widget-slider"          # ipywidgets 8 sliders (noUiSlider inside)
BUTTONS = f"{NOTEBOOK} .jupyter-widgets button"  # Button, ToggleButtons, ...
ALL_VIEWS = ("img", "html", "output", "canvas")


# --------------------------------------------------------------------------- finding controls


def slider(page, description: str):
    """The first slider whose description (its label) is exactly `description`."""
    label = page.locator(".widget-label", has_text=re.compile(rf"^\s*{re.escape(description)}\s*$"))
    found = page.locator(SLIDERS).filter(has=label)
    assert found.count(), f"no slider labelled {description!r} in the notebook"
    return found.first


def button(page, text: str):
    """The first widget button whose text is exactly `text`."""
    found = page.locator(BUTTONS, has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))
    assert found.count(), f"no widget button {text!r} in the notebook"
    return found.first


def show(control) -> None:
    """Scroll the notebook so that the cell holding `control` is in the middle of the page."""
    control.evaluate("e => (e.closest('.jp-Cell') || e).scrollIntoView({block: 'center'})")


# From the start of the output that holds `control`: how many focusable elements come
# before it (the Tab presses needed), after putting the focus on the output itself.
_FOCUS_OUTPUT = """e => {
    const output = e.closest('.jp-OutputArea-output');
    if (!output) return -1;
    const focusable = [...output.querySelectorAll(
        'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]')]
        .filter(x => (x.tabIndex >= 0 || x.isContentEditable) && !x.disabled
                     && x.getClientRects().length > 0);
    const index = focusable.indexOf(e);
    if (index < 0) return -2;
    output.setAttribute('tabindex', '-1');
    output.focus();
    return index;
}"""


def tab_to(page, control, what: str) -> int:
    """Put the keyboard focus on `control` the way a learner does: from the start of the
    widget's output, press Tab until it has the focus. Returns the presses; fails if Tab
    skips it or it cannot take the focus."""
    before = control.evaluate(_FOCUS_OUTPUT)
    assert before != -1, f"{what} is not inside a cell output"
    assert before != -2, f"{what} cannot take the keyboard focus (not in the Tab order)"
    for presses in range(1, before + 2):
        page.keyboard.press("Tab")
        if control.evaluate("e => document.activeElement === e"):
            return presses
    focused = page.evaluate("() => (document.activeElement || document.body).outerHTML.slice(0, 120)")
    raise AssertionError(f"{before + 1} presses of Tab did not reach {what}; the focus is on {focused}")


# --------------------------------------------------------------------------- driving them


def slider_value(control) -> str:
    """The value a slider shows: its readout, or else its handle's aria value."""
    readout = control.locator(".widget-readout")
    if readout.count() and readout.first.is_visible():
        return readout.first.inner_text().strip()
    return control.locator(".noUi-handle").first.get_attribute("aria-valuenow") or ""


def move_slider(page, control, key: str | None = None, times: int = 3,
                kinds: tuple[str, ...] = ALL_VIEWS) -> None:
    """Tab to the slider's handle, press `key` `times` times; a view of `kinds` must change.

    Without `key`: the arrow that increases the value, or decreases it at the maximum.
    """
    handle = control.locator(".noUi-handle").first
    if key is None:
        vertical = handle.get_attribute("aria-orientation") == "vertical"
        at_max = float(handle.get_attribute("aria-valuenow")) >= float(handle.get_attribute("aria-valuemax"))
        key = {(False, False): "ArrowRight", (False, True): "ArrowLeft",
               (True, False): "ArrowUp", (True, True): "ArrowDown"}[vertical, at_max]
    label = control.locator(".widget-label").first.inner_text().strip() or "(no description)"
    show(control)
    before, start = widget_views(page), slider_value(control)
    tab_to(page, handle, f"slider {label!r}")
    assert handle.get_attribute("aria-label"), f"slider {label!r} has no accessible name"
    for _ in range(times):
        page.keyboard.press(key)
    end = slider_value(control)
    assert end != start, f"pressing {key} on slider {label!r} did not move it from {start}"
    wait_for_views_change(page, before, f"slider {label!r} moved from {start} to {end}", kinds)


def press_button(page, control, kinds: tuple[str, ...] = ALL_VIEWS, key: str = "Enter") -> None:
    """Tab to a widget button and press it with `key` (Enter or Space); a view of `kinds`
    must change."""
    text = control.inner_text().strip() or control.get_attribute("title") or "(no text)"
    show(control)
    before = widget_views(page)
    tab_to(page, control, f"button {text!r}")
    page.keyboard.press(key)
    wait_for_views_change(page, before, f"button {text!r} was pressed with {key}", kinds)


def redraws(page, selector: str, what: str, drive: Callable[[], None], done: str,
            timeout: int = 10_000) -> None:
    """Do `drive()`; the first image matching `selector` (named `what`) must get a new
    picture within `timeout` ms, or the test fails saying `done` but nothing was redrawn."""
    pictures = page.locator(selector)
    assert pictures.count(), f"no {what} in the notebook"
    before = pictures.first.evaluate("e => e.src")
    drive()
    try:
        page.wait_for_function("([sel, old]) => { const e = document.querySelector(sel);"
                               " return e !== null && e.src !== old; }",
                               arg=[selector, before], timeout=timeout)
    except Exception:  # Playwright's TimeoutError
        raise AssertionError(f"{done}, but the {what} was not redrawn within "
                             f"{timeout // 1000} s") from None


# --------------------------------------------------------------------------- per notebook


def DEFAULT(page) -> None:
    """Move the first slider of the notebook; without one, press its first widget button."""
    if page.locator(SLIDERS).count():
        move_slider(page, page.locator(SLIDERS).first)
    elif page.locator(BUTTONS).count():
        press_button(page, page.locator(BUTTONS).first)
    else:
        raise AssertionError("the notebook has no widget to drive: no ipywidgets slider, no button")


def threshold_explorer(page) -> None:
    """Chapter 0: threshold from 128 down to 0 (Home) redraws the black-and-white digit."""
    control = slider(page, "threshold")
    move_slider(page, control, key="Home", times=1, kinds=("img",))
    move_slider(page, control, key="ArrowRight", times=5, kinds=("html",))  # the ink count


def digit_browser(page) -> None:
    """Chapter 1: the class buttons (Space) and the index slider each show another digit."""
    before = widget_views(page)
    press_button(page, button(page, "7"), kinds=("img",), key="Space")
    wait_for_views_change(page, before, "button '7' was pressed", kinds=("html",))  # caption, table
    move_slider(page, slider(page, "index"), kinds=("img",))


def training_dashboard(page) -> None:
    """Chapter 2: Train draws the curves epoch by epoch while the page stays live; Stop stops."""
    epochs = slider(page, "epochs")
    show(epochs)
    tab_to(page, epochs.locator(".noUi-handle").first, "slider 'epochs'")
    page.keyboard.press("End")      # 40 epochs: still running at Stop
    assert slider_value(epochs) == "40", f"epochs slider shows {slider_value(epochs)}, not 40"
    press_button(page, button(page, "Train"), kinds=("img",))  # the curves after epoch 1
    before = widget_views(page)
    wait_for_views_change(page, before, "a second epoch finished", kinds=("img",))
    stop = button(page, "Stop")
    tab_to(page, stop, "button 'Stop'")
    page.keyboard.press("Enter")
    status = page.locator(f"{NOTEBOOK} .widget-html-content", has_text=re.compile(r"Stopped after \d+ epoch"))
    status.first.wait_for(timeout=30_000)


# --------------------------------------------------------------------------- a code exercise


def _exercise_cell(page, key: str) -> int:
    """Index of the code cell that calls ``check(key, ...)`` (read from the notebook model)."""
    index = page.evaluate("""key => {
        const cells = window.courseNotebook.content.model.cells;
        for (let i = 0; i < cells.length; i++) {
            const cell = cells.get(i);
            if (cell.type === 'code' && cell.sharedModel.getSource().includes(`check("${key}"`))
                return i;
        }
        return -1;
    }""", key)
    assert index >= 0, f"no cell calls check({key!r}, ...)"
    return index


def _output_text(output: dict) -> str:
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}"
    if "text" in output:
        return "".join(output["text"])
    plain = output.get("data", {}).get("text/plain", "")
    return "".join(plain) if isinstance(plain, list) else plain


def write_and_check(page, key: str, code: str, timeout: int = 30_000) -> str:
    """As a learner: click into the exercise cell of `key`, select its text, type `code`
    in its place and run the cell with Ctrl+Enter. Returns what `check` answered (the
    cell's plain-text output) once the cell has run."""
    index = _exercise_cell(page, key)
    before = page.evaluate("i => window.courseNotebook.content.model.cells.get(i).executionCount", index)
    page.evaluate("""async i => {
        const notebook = window.courseNotebook.content;
        notebook.activeCellIndex = i;
        await notebook.scrollToItem(i, 'center');
    }""", index)
    editor = page.locator(f"{NOTEBOOK} .jp-Cell.jp-mod-active .cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(code)
    typed = page.evaluate("i => window.courseNotebook.content.model.cells.get(i).sharedModel.getSource()",
                          index)
    assert typed.strip() == code.strip(), f"the cell holds {typed!r} after typing {code!r}"
    page.keyboard.press("Control+Enter")
    try:
        page.wait_for_function("""([i, before]) => {
            const cell = window.courseNotebook.content.model.cells.get(i);
            return cell.executionCount !== before && cell.executionState !== 'running'
                && cell.toJSON().outputs.length > 0;
        }""", arg=[index, before], timeout=timeout)
    except Exception:  # Playwright's TimeoutError
        raise AssertionError(f"the exercise cell of {key} did not run within {timeout // 1000} s "
                             "after Ctrl+Enter") from None
    outputs = page.evaluate("i => window.courseNotebook.content.model.cells.get(i).toJSON().outputs",
                            index)
    return "\n".join(_output_text(out) for out in outputs)


#: Chapter 2's BP1 exercise: the classic network's (quadratic) BP1 is the typical mistake.
BP1_WRONG = ('def bp1_cross_entropy(a, y):\n'
             '    return (a - y) * a * (1 - a) / len(a)\n\n\n'
             'check("ch02.bp1_cross_entropy", bp1_cross_entropy)')
BP1_RIGHT = ('def bp1_cross_entropy(a, y):\n'
             '    return (a - y) / len(a)\n\n\n'
             'check("ch02.bp1_cross_entropy", bp1_cross_entropy)')


def bp1_exercise(page) -> None:
    """Chapter 2: a learner writes a wrong BP1 (the quadratic cost's) into the exercise cell,
    and `check` names that mistake; then the right one, and `check` says it is correct."""
    answer = write_and_check(page, "ch02.bp1_cross_entropy", BP1_WRONG)
    assert "Not yet" in answer and "BP1 of the classic network's quadratic cost" in answer, \
        f"a wrong BP1 got: {answer!r}"
    answer = write_and_check(page, "ch02.bp1_cross_entropy", BP1_RIGHT)
    assert "Correct" in answer and "right on all" in answer, f"the right BP1 got: {answer!r}"


def network_from_scratch(page) -> None:
    """Chapter 2: the training dashboard, then the BP1 exercise written into its cell."""
    training_dashboard(page)
    bp1_exercise(page)


def saliency_explorer(page) -> None:
    """Chapter 3: the index slider shows another test digit and redraws its saliency map."""
    redraws(page, f"{NOTEBOOK} img.saliency-map", "saliency map (an image with class saliency-map)",
            lambda: move_slider(page, slider(page, "index"), kinds=("img",)),
            "the index slider moved")


def reconstruction_explorer(page) -> None:
    """Chapter 4: the k slider rebuilds the digit from more components (picture and error)."""
    control = slider(page, "k")
    before = widget_views(page)
    move_slider(page, control, key="ArrowRight", times=5, kinds=("img",))
    wait_for_views_change(page, before, "slider 'k' moved", kinds=("html",))  # the error text


def skip_matrix_animation(page) -> None:
    """Chapter 7: the step slider shows the skip matrices (one RGB picture) of another step."""
    redraws(page, f"{NOTEBOOK} img.skip-matrices", "RGB picture of the skip matrices (an image with class skip-matrices)",
            lambda: move_slider(page, slider(page, "step"), kinds=("img",)),
            "the step slider moved")


def fooling_explorer(page) -> None:
    """Chapter 5a: Evolve breeds an image; the best image (class fooling-best) must change."""
    redraws(page, f"{NOTEBOOK} img.fooling-best", "best image (an image with class fooling-best)",
            lambda: press_button(page, button(page, "Evolve"), kinds=("img",)),
            "Evolve was pressed", timeout=30_000)


#: A 7 as a learner draws it on the pad: across, then down (u, v from 0 to 1).
SEVEN = [(0.25, 0.2), (0.45, 0.2), (0.75, 0.2), (0.6, 0.5), (0.5, 0.8)]


def _labelled(control, what: str) -> str:
    """The text of the <label> tied to a form control (what a screen reader says)."""
    text = control.evaluate("e => e.labels && e.labels.length ? e.labels[0].textContent.trim() "
                            ": (e.getAttribute('aria-label') || '')")
    assert text, f"{what} has no label"
    return text


def _pad_reads(page, what: str, source: str, verdict: str | None = None, how: str = "") -> None:
    """Wait until the pad says `source` is on it and shows twenty probability bars (under a
    heading that says `how`); then the CNN's verdict must be `verdict` (when given)."""
    pad = f"{NOTEBOOK} .pad-source"
    probabilities = f"{NOTEBOOK} .digit-probabilities"
    try:
        page.wait_for_function("([sel, text, probs, how]) => { const e = document.querySelector(sel);"
                               " const p = document.querySelector(probs);"
                               " return e !== null && e.textContent.includes(text) && p !== null"
                               " && p.querySelectorAll('.prob-bar').length === 20"
                               " && p.textContent.includes(how); }",
                               arg=[pad, source, probabilities, how], timeout=20_000)
    except Exception:  # Playwright's TimeoutError
        said = page.locator(pad).first.inner_text()
        raise AssertionError(f"{what}, but within 20 s the pad did not say {source!r} with "
                             f"twenty probability bars {how}; it says {said!r}") from None
    if verdict is not None:
        seen = page.locator(f"{NOTEBOOK} .digit-probabilities").first.inner_text()
        read = page.locator(f"{NOTEBOOK} .digit-probabilities .pad-verdict[data-model='CNN']"
                            ).first.get_attribute("data-verdict")
        assert read == verdict, f"{what}: the CNN read it as {read!r}, not {verdict!r}: {seen!r}"


def drawing_pad_by_keyboard(page) -> None:
    """Chapter 5b without a mouse: Tab to the pad's sample menu, ArrowDown puts the first
    sample (a 7) on the pad and it is read; three more ArrowDowns give the 7 that fills the
    pad; Space ticks MNIST preprocessing, and the CNN reads that 7; then typing 3 into the
    real-digit field puts a real 3 on the pad, which the CNN reads as 3."""
    canvas = page.locator(f"{NOTEBOOK} canvas.drawing-pad").first
    assert canvas.get_attribute("aria-label"), "the drawing pad's canvas has no accessible name"
    assert canvas.get_attribute("tabindex") == "-1", \
        "the drawing pad's canvas is in the Tab order (ipycanvas swallows Tab there: a keyboard trap)"
    menu = page.locator(f"{NOTEBOOK} .pad-sample select")
    assert menu.count(), "no sample menu (a dropdown with class pad-sample) beside the drawing pad"
    menu = menu.first
    assert "sample" in _labelled(menu, "the sample menu")
    show(menu)
    tab_to(page, menu, "the sample menu")
    page.keyboard.press("ArrowDown")
    _pad_reads(page, "ArrowDown in the sample menu", "a 7 (normal pen)", "7")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    _pad_reads(page, "three more ArrowDowns in the sample menu", "a 7 filling the whole pad")
    box = page.locator(f"{NOTEBOOK} .widget-checkbox", has_text="MNIST preprocessing")
    assert box.count(), "no checkbox 'MNIST preprocessing' beside the drawing pad"
    tick = box.first.locator("input[type=checkbox]")
    before = widget_views(page)
    tab_to(page, tick, "the checkbox 'MNIST preprocessing'")
    page.keyboard.press("Space")
    wait_for_views_change(page, before, "Space ticked 'MNIST preprocessing'", kinds=("img",))
    _pad_reads(page, "the 7 filling the pad was read with MNIST preprocessing",
               "a 7 filling the whole pad", "7", how="with MNIST preprocessing")
    field = page.locator(f"{NOTEBOOK} .pad-real-digit input")
    assert field.count(), "no real-digit field (a text box with class pad-real-digit) by the pad"
    assert "digit" in _labelled(field.first, "the real-digit field")
    tab_to(page, field.first, "the real-digit field")
    page.keyboard.type("3")
    _pad_reads(page, "3 was typed into the real-digit field", "a real 3", "3")


def adversarial_and_drawing_pad(page) -> None:
    """Chapter 5b: the ε slider redraws the adversarial digit; then a 7 drawn on the pad
    with a thin pen and one drawn with a bold pen: each is read when the mouse button
    goes up (twenty probability bars, ten per network), and the CNN reads both as 7;
    then the pad without a mouse (`drawing_pad_by_keyboard`)."""
    move_slider(page, slider(page, "ε"), key="ArrowRight", times=5, kinds=("img",))
    drawing_pad_with_the_mouse(page)
    drawing_pad_by_keyboard(page)


def drawing_pad_with_the_mouse(page) -> None:
    """A 7 drawn with a thin pen, then with a bold pen: the CNN reads both as 7."""
    pad = page.locator(f"{NOTEBOOK} canvas.drawing-pad")
    assert pad.count(), "no drawing pad (a canvas with class drawing-pad) in the notebook"
    show(pad.first)
    box = pad.first.bounding_box()
    assert box and box["width"] > 100, f"the drawing pad is not visible: {box}"
    pen = page.locator(f"{NOTEBOOK} .pad-pen select")
    assert pen.count(), "no pen menu (a dropdown with class pad-pen) beside the drawing pad"
    bars = f"{NOTEBOOK} .digit-probabilities .prob-bar"
    verdict = f"{NOTEBOOK} .digit-probabilities .pad-verdict[data-model='CNN']"

    def at(u, v):  # a point of the pad, u and v from 0 to 1
        return box["x"] + u * box["width"], box["y"] + v * box["height"]

    for width in ("thin", "bold"):
        button(page, "Clear").click()
        page.wait_for_function("sel => document.querySelectorAll(sel).length === 0", arg=bars,
                               timeout=20_000)
        pen.first.select_option(label=width)
        page.mouse.move(*at(*SEVEN[0]))
        page.mouse.down()
        for u, v in SEVEN[1:]:
            page.mouse.move(*at(u, v), steps=8)
        page.mouse.up()
        # mouse events reach the kernel one by one, and the button going up reads the
        # finished drawing (the pad keeps its own copy of the strokes in Python)
        try:
            page.wait_for_function("sel => document.querySelectorAll(sel).length === 20",
                                   arg=bars, timeout=20_000)
        except Exception:  # Playwright's TimeoutError
            text = page.locator(f"{NOTEBOOK} .digit-probabilities").first.inner_text()
            raise AssertionError(f"a 7 was drawn with the {width} pen, but no probabilities "
                                 f"appeared within 20 s of the mouse button going up; the view "
                                 f"says: {text!r}") from None
        seen = page.locator(f"{NOTEBOOK} .digit-probabilities").first.inner_text()
        assert "MLP" in seen and "CNN" in seen and "%" in seen, seen
        read = page.locator(verdict).first.get_attribute("data-verdict")
        assert read == "7", f"the CNN read a 7 drawn with the {width} pen as {read!r}: {seen!r}"


def maximiser_animation(page) -> None:
    """Chapter 6: the step slider shows the twenty g_k-maximiser runs at another step."""
    redraws(page, f"{NOTEBOOK} img.fourier-maximisers",
            "maximiser picture (an image with class fourier-maximisers)",
            lambda: move_slider(page, slider(page, "step"), kinds=("img",)),
            "the step slider moved")


ACTIONS: dict[str, Callable] = {
    "00_start_here": threshold_explorer,
    "01_meet_mnist": digit_browser,
    "02_network_from_scratch": network_from_scratch,
    "03_what_did_it_learn": saliency_explorer,
    "04_eigendigits": reconstruction_explorer,
    "05b_adversarial_and_your_digits": adversarial_and_drawing_pad,
    "05a_dreams_and_fooling": fooling_explorer,
    "06_fourier_fitness_model": maximiser_animation,
    "07_eigenvector_network": skip_matrix_animation,
}
