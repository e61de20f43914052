"""What every widget shares: a fixed-size image view and display through ``.ui``."""

from __future__ import annotations

import ipywidgets as w

def _image_view(pixels: int) -> w.Image:
    """An image widget of a fixed on-screen size (ipywidgets would stretch it to fill a row)."""
    size = f"{pixels}px"
    return w.Image(format="png", layout=w.Layout(width=size, height=size, min_width=size))


class _Widget:
    """Base: a notebook shows ``self.ui`` when the object is the value of a cell."""

    ui: w.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)

    def _ipython_display_(self):  # pragma: no cover - exercised in the browser tests
        from IPython.display import display
        display(self.ui)
