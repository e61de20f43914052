"""Accessible names for the course's widgets: what a screen reader says for each control
and picture.

ipywidgets draws a slider's handle without a name (its visible label is not tied to it),
its pictures without a text alternative, and a Play widget's buttons as bare icons. Each
course widget therefore carries `Accessibility`, an invisible helper (an ``anywidget``,
a few lines of JavaScript) that names them in the page:

* a slider's handle gets ``aria-label``: the name given with `name(control, ...)`, or its
  visible label;
* a picture made with `_base._image_view(pixels, alt=...)` gets that ``alt``;
* a drawing surface (an ipycanvas ``Canvas``) given a text with `_base.with_alt` is named
  as a picture (``role="img"``, ``aria-label``) and taken out of the Tab order: ipycanvas
  puts it there and then swallows every key, Tab included, so a keyboard user who
  reached it could not leave (a keyboard trap); the widget offers keyboard controls of
  its own instead;
* a dropdown menu keeps its arrow keys: in JupyterLab's command mode ArrowUp and ArrowDown
  move between cells whenever the focus is on something that is not a text field, a
  ``<select>`` included, so the menu could not be operated from the keyboard; each menu
  gets ``data-lm-suppress-shortcuts``, which tells JupyterLab to leave its keys alone;
* the Play buttons get "play", "pause", "stop", "repeat".

The same texts go into the static snapshot (`_base.static_html`), so that the static
course and the slides carry them too. Nothing here changes what a sighted reader sees.
"""

from __future__ import annotations

import anywidget
import ipywidgets as w
import traitlets

__all__ = ["Accessibility", "name", "accessible_ui"]

ROOT_CLASS = "course-widget"

_ESM = """
const PLAY = {'fa-play': 'play', 'fa-pause': 'pause', 'fa-stop': 'stop', 'fa-retweet': 'repeat',
              'fa-repeat': 'repeat'};

function apply(root, model) {
  const names = model.get('names'), alts = model.get('alts');
  root.querySelectorAll('.widget-slider, .jupyter-widget-slider').forEach(slider => {
    const label = slider.querySelector('.widget-label');
    const text = label ? label.textContent.trim() : '';
    const handle = slider.querySelector('.noUi-handle');
    const wanted = names[text] || text || 'slider';
    if (handle && handle.getAttribute('aria-label') !== wanted) handle.setAttribute('aria-label', wanted);
  });
  root.querySelectorAll('img').forEach(img => {
    for (const cls of img.classList) {
      if (cls in alts && img.getAttribute('alt') !== alts[cls]) img.setAttribute('alt', alts[cls]);
    }
  });
  root.querySelectorAll('canvas').forEach(canvas => {
    for (const cls of canvas.classList) {
      if (!(cls in alts)) continue;
      if (canvas.getAttribute('aria-label') !== alts[cls]) {
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', alts[cls]);
      }
      if (canvas.getAttribute('tabindex') !== '-1') canvas.setAttribute('tabindex', '-1');
    }
  });
  root.querySelectorAll('select').forEach(menu => {
    if (!menu.hasAttribute('data-lm-suppress-shortcuts')) menu.setAttribute('data-lm-suppress-shortcuts', 'true');
  });
  root.querySelectorAll('.widget-play button, .jupyter-widget-play button').forEach(button => {
    const icon = button.querySelector('i');
    const kind = icon && [...icon.classList].find(c => c in PLAY);
    if (kind && !button.getAttribute('aria-label')) button.setAttribute('aria-label', PLAY[kind]);
  });
}

export default {
  render({ model, el }) {
    el.style.display = 'none';
    el.setAttribute('aria-hidden', 'true');
    let observer = null, tries = 0;
    const start = () => {
      const root = el.closest('.""" + ROOT_CLASS + """');
      if (!root) { if (tries++ < 100) setTimeout(start, 50); return; }
      apply(root, model);
      observer = new MutationObserver(() => apply(root, model));
      observer.observe(root, { childList: true, subtree: true, attributes: true,
                               attributeFilter: ['tabindex', 'alt', 'aria-label'] });
      model.on('change:names', () => apply(root, model));
      model.on('change:alts', () => apply(root, model));
    };
    start();
    return () => { if (observer) observer.disconnect(); };
  }
};
"""


class Accessibility(anywidget.AnyWidget):
    """The invisible helper: ``names`` maps a slider's visible label to its accessible name,
    ``alts`` maps a picture's CSS class to its text alternative."""

    _esm = _ESM
    names = traitlets.Dict().tag(sync=True)
    alts = traitlets.Dict().tag(sync=True)


def name(control: w.Widget, accessible_name: str) -> w.Widget:
    """Give `control` the name a screen reader says (its visible label is often a symbol:
    ``k``, ``ε``). Returns the control."""
    control._course_name = accessible_name
    return control


def _walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def accessible_ui(ui: w.Box) -> w.Box:
    """Mark `ui` as a course widget and add (once) the helper that names its controls
    and pictures. Returns `ui`."""
    if any(isinstance(c, Accessibility) for c in ui.children):
        return ui
    names, alts = {}, {}
    for widget in _walk(ui):
        if getattr(widget, "_course_name", None) and getattr(widget, "description", ""):
            names[widget.description] = widget._course_name
        if getattr(widget, "_course_alt", None):          # a picture, or a drawing surface
            alts[widget._course_alt_class] = widget._course_alt
    ui.add_class(ROOT_CLASS)
    ui.children = tuple(ui.children) + (Accessibility(names=names, alts=alts),)
    return ui
