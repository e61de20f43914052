"""Interactive widgets for the notebooks, one module per chapter's widget.

Each widget is a small class that owns its controls (sliders, buttons) and its views
(images, text), and recomputes the views by calling the same `course` functions the
tests call. Its controls are attributes, so a test drives it exactly as a learner does:
``browser.index.value = 5`` and then look at ``browser.image.value``. ``.ui`` is the
ipywidgets box a notebook displays (a widget object displays itself too).
"""

from __future__ import annotations

from ._base import _image_view, _Widget
from .adversarial import AdversarialExplorer
from .digits import DigitBrowser, ThresholdExplorer
from .fourier import MaximiserAnimation
from .fooling import FoolingExplorer
from .drawing_pad import DrawingPad
from .reconstruction import ReconstructionExplorer
from .saliency import SaliencyExplorer, _signed_png
from .skip_matrices import SkipMatrixAnimation

__all__ = ["ThresholdExplorer", "DigitBrowser", "SaliencyExplorer", "ReconstructionExplorer",
           "SkipMatrixAnimation", "AdversarialExplorer", "DrawingPad", "FoolingExplorer",
           "MaximiserAnimation"]
