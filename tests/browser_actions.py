"""How the browser test drives each notebook's widgets, as a learner would.

``ACTIONS`` maps a notebook's stem (``"00_start_here"``) to a callable(page) that moves
one or more controls and fails (AssertionError) unless a view of the widget changed. A
notebook without an entry gets ``DEFAULT``: move its first slider, or else press its
first button.

Everything is done with the keyboard, as a learner without a mouse does: Tab reaches
the control (`tab_to`), arrow keys move a slider, Enter or Space presses a button. Only
drawing on the drawing pad uses the mouse.

Views are what widgets show (pictures, HTML, output areas, canvases; see
`browser_lab.widget_views`), never the controls themselves: a slider wired to nothing
changes its own readout, and must still fail.
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


def adversarial_and_drawing_pad(page) -> None:
    """Chapter 5b: the ε slider redraws the adversarial digit; then a 7 drawn on the pad
    with the mouse, and Predict shows twenty probability bars (ten per network)."""
    move_slider(page, slider(page, "ε"), key="ArrowRight", times=5, kinds=("img",))
    pad = page.locator(f"{NOTEBOOK} canvas.drawing-pad")
    assert pad.count(), "no drawing pad (a canvas with class drawing-pad) in the notebook"
    show(pad.first)
    box = pad.first.bounding_box()
    assert box and box["width"] > 100, f"the drawing pad is not visible: {box}"

    def at(u, v):  # a point of the pad, u and v from 0 to 1
        return box["x"] + u * box["width"], box["y"] + v * box["height"]

    page.mouse.move(*at(0.25, 0.2))
    page.mouse.down()
    for u, v in [(0.45, 0.2), (0.75, 0.2), (0.6, 0.5), (0.5, 0.8)]:  # a 7: across, then down
        page.mouse.move(*at(u, v), steps=8)
    page.mouse.up()
    bars = f"{NOTEBOOK} .digit-probabilities .prob-bar"
    assert page.locator(bars).count() == 0, "probability bars shown before Predict"
    # mouse events reach the kernel one by one; Predict is queued after them, so it reads
    # the finished drawing (the pad keeps its own copy of the strokes in Python)
    button(page, "Predict").click()
    try:
        page.wait_for_function("sel => document.querySelectorAll(sel).length === 20",
                               arg=bars, timeout=20_000)
    except Exception:  # Playwright's TimeoutError
        text = page.locator(f"{NOTEBOOK} .digit-probabilities").first.inner_text()
        raise AssertionError(f"a digit was drawn and Predict pressed, but no probabilities "
                             f"appeared within 20 s; the view says: {text!r}") from None
    seen = page.locator(f"{NOTEBOOK} .digit-probabilities").first.inner_text()
    assert "MLP" in seen and "CNN" in seen and "%" in seen, seen


def maximiser_animation(page) -> None:
    """Chapter 6: the step slider shows the twenty g_k-maximiser runs at another step."""
    redraws(page, f"{NOTEBOOK} img.fourier-maximisers",
            "maximiser picture (an image with class fourier-maximisers)",
            lambda: move_slider(page, slider(page, "step"), kinds=("img",)),
            "the step slider moved")


ACTIONS: dict[str, Callable] = {
    "00_start_here": threshold_explorer,
    "01_meet_mnist": digit_browser,
    "02_network_from_scratch": training_dashboard,
    "03_what_did_it_learn": saliency_explorer,
    "04_eigendigits": reconstruction_explorer,
    "05b_adversarial_and_your_digits": adversarial_and_drawing_pad,
    "05a_dreams_and_fooling": fooling_explorer,
    "06_fourier_fitness_model": maximiser_animation,
    "07_eigenvector_network": skip_matrix_animation,
}
