"""What every widget shares: a fixed-size image view, and display through ``.ui``.

A widget displays as the live ipywidgets view, plus a static HTML snapshot of its
current state (`static_html`). JupyterLab shows the live view; viewers without a widget
manager (the static HTML course built by ``make html``, GitHub, RISE slides) show the
snapshot instead of ``VBox(children=...)``.
"""

from __future__ import annotations

import base64
import html
import itertools

import ipywidgets as w

from ._access import Accessibility, accessible_ui

SNAPSHOT_NOTE = "Static snapshot of an interactive widget: run the notebook to use it."


_alt_classes = itertools.count()


def with_alt(image: w.DOMWidget, alt: str) -> w.DOMWidget:
    """Give a picture its text alternative: what it shows, said in words (a screen reader
    reads it; the static snapshot carries it). A drawing surface (an ipycanvas ``Canvas``)
    takes one too: it is then named as a picture and left out of the Tab order (see
    `_access`). Returns the widget."""
    if not isinstance(alt, str) or len(alt.split()) < 2:
        raise ValueError(f"with_alt: alt must say in words what the picture shows, got {alt!r}.")
    image._course_alt = alt
    if not getattr(image, "_course_alt_class", None):
        image._course_alt_class = f"course-alt-{next(_alt_classes)}"
        image.add_class(image._course_alt_class)
    return image


def _image_view(pixels: int, alt: str | None = None) -> w.Image:
    """An image widget of a fixed on-screen size (ipywidgets would stretch it to fill a row),
    with its text alternative `alt` (every course widget gives one; see `with_alt`)."""
    size = f"{pixels}px"
    image = w.Image(format="png", layout=w.Layout(width=size, height=size, min_width=size))
    return image if alt is None else with_alt(image, alt)


def _img_tag(data: bytes, fmt: str, width: str | None, classes: list[str], alt: str = "") -> str:
    src = f"data:image/{fmt};base64,{base64.b64encode(bytes(data)).decode('ascii')}"
    size = f' style="width:{width}"' if width else ""
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f'<img src="{src}"{size}{cls} alt="{html.escape(alt, quote=True)}">'


def _output_html(outputs) -> str:
    parts = []
    for out in outputs:
        data = out.get("data", {})
        if "image/png" in data:
            alt = (out.get("metadata", {}).get("image/png") or {}).get("alt", "")
            parts.append(f'<img src="data:image/png;base64,{data["image/png"]}" '
                         f'alt="{html.escape(alt, quote=True)}">')
        elif "text/html" in data:
            parts.append(data["text/html"])
        elif out.get("output_type") == "stream" or "text/plain" in data:
            text = out.get("text") or data.get("text/plain", "")
            parts.append(f"<pre>{html.escape(str(text))}</pre>")
    return "".join(parts)


def static_html(widget: w.Widget) -> str:
    """An HTML picture of `widget` and its children as they are now: images, text, the
    values of the controls. Controls are drawn as text (``epochs: 8``), not as controls."""
    classes = list(getattr(widget, "_dom_classes", ()))
    if isinstance(widget, Accessibility):  # names things in the live view; nothing to show
        return ""
    if isinstance(widget, w.Box):
        direction = "row" if isinstance(widget, w.HBox) else "column"
        inner = "".join(static_html(c) for c in widget.children)
        return (f'<div style="display:flex;flex-direction:{direction};gap:6px;'
                f'align-items:flex-start;flex-wrap:wrap">{inner}</div>')
    if isinstance(widget, w.Image):
        return _img_tag(widget.value, widget.format, widget.layout.width, classes,
                        getattr(widget, "_course_alt", ""))
    if isinstance(widget, (w.HTML, w.HTMLMath)):
        return f"<div>{widget.value}</div>"
    if isinstance(widget, w.Label):
        return f"<div>{html.escape(str(widget.value))}</div>"
    if isinstance(widget, w.Output):
        return f"<div>{_output_html(widget.outputs)}</div>"
    if isinstance(widget, w.Button):
        return f"<button disabled>{html.escape(widget.description or '')}</button>"
    if hasattr(widget, "value"):
        label = getattr(widget, "description", "") or ""
        text = f"{label}: {widget.value}" if label else str(widget.value)
        return f'<code style="padding:2px 6px">{html.escape(text)}</code>'
    name = type(widget).__name__
    width, height = getattr(widget.layout, "width", None), getattr(widget.layout, "height", None)
    if width and height:  # a drawing surface (ipycanvas): an empty frame of its size
        return (f'<div style="width:{width};height:{height};border:1px dashed #888;display:flex;'
                f'align-items:center;justify-content:center;text-align:center;color:#666">'
                f"<i>{name}: run the notebook to use it</i></div>")
    return f"<div><i>[{name}: run the notebook to use it]</i></div>"


def snapshot_bundle(ui: w.Widget) -> dict:
    """The display bundle of `ui`: the live widget view, plus `static_html` as text/html."""
    accessible_ui(ui)
    bundle = dict(ui._repr_mimebundle_() or {})
    bundle["text/html"] = (f'<div class="course-widget-snapshot"><p><i>{SNAPSHOT_NOTE}</i></p>'
                           f"{static_html(ui)}</div>")
    return bundle


class _Widget:
    """Base: a notebook shows ``self.ui`` when the object is the value of a cell."""

    ui: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return snapshot_bundle(self.ui)

    def _ipython_display_(self):  # pragma: no cover - exercised in the browser tests
        from IPython.display import display
        display(snapshot_bundle(self.ui), raw=True)
