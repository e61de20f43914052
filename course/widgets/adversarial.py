"""Chapter 5b: an adversarial perturbation of one digit, for a chosen ε."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ._access import name
from ._base import _Widget, _image_view
from .saliency import _signed_png


class AdversarialExplorer(_Widget):
    """Pick a test digit, an attack and ε; see the digit, the change and the result.

    models : ``{"MLP": mlp, "CNN": cnn}``, torch classifiers (the first is shown first).
    images : (n, 28, 28) digits, uint8 or float in [0, 1]; labels : (n,) true labels.

    Controls: ``index`` (which digit), ``eps`` (ε, the largest change of a pixel),
    ``method`` (``"fgsm"`` or ``"pgd"``, `course.adversarial`) and ``network``.
    Views: ``original``, ``perturbation`` (adversarial minus original; red adds ink,
    blue removes it, on a scale of ±ε so it is visible at any ε), ``adversarial`` and
    ``summary`` (HTML: both predictions and their probabilities). After each update
    ``adversarial_image`` is the (28, 28) image shown and ``before``/``after`` the
    network's (10,) probabilities for the original and the adversarial digit.
    """

    def __init__(self, models: dict, images, labels, index: int = 0, eps: float = 0.1,
                 method: str = "fgsm"):
        from ..interpret import pixels

        if not isinstance(models, dict) or not models:
            raise ValueError("AdversarialExplorer: models must be a dict of named torch "
                             "networks, e.g. {'MLP': mlp, 'CNN': cnn}.")
        x = pixels(images, name="images").reshape(-1, 28, 28).astype(np.float32)
        if np.shape(labels) != (len(x),):
            raise ValueError(f"AdversarialExplorer: {len(x)} images but labels of shape "
                             f"{np.shape(labels)}.")
        if method not in ("fgsm", "pgd"):
            raise ValueError(f"AdversarialExplorer: method must be 'fgsm' or 'pgd', got {method!r}.")
        if not 0 <= eps <= 0.3:
            raise ValueError(f"AdversarialExplorer: eps must be in [0, 0.3], got {eps!r}.")
        self.models, self.images, self.labels = models, x, np.asarray(labels)
        self.index = w.IntSlider(value=index, min=0, max=len(x) - 1, description="index")
        self.eps = w.FloatSlider(value=eps, min=0.0, max=0.3, step=0.01, description="ε",
                                 readout_format=".2f")
        self.method = w.ToggleButtons(options=[("FGSM", "fgsm"), ("PGD (10 steps)", "pgd")],
                                      value=method, description="attack")
        self.network = w.ToggleButtons(options=list(models), value=list(models)[0],
                                       description="network")
        name(self.index, "index: which test digit")
        name(self.eps, "epsilon: the largest change of a pixel")
        self.original = _image_view(168, "the original test digit")
        self.perturbation = _image_view(168, "the change the attack made: red where it adds ink, "
                                             "blue where it removes ink, white where nothing changed")
        self.adversarial = _image_view(168, "the adversarial digit: the original plus the change")
        self.adversarial.add_class("adversarial-digit")
        self.summary = w.HTML(layout=w.Layout(width="360px"))
        self.summary.add_class("adversarial-summary")
        for control in (self.index, self.eps, self.method, self.network):
            control.observe(lambda _: self.update(), names="value")
        self.update()

        def titled(title, view):
            return w.VBox([w.HTML(f"<b>{title}</b>"), view])

        self.ui = w.VBox([w.HBox([self.index, self.eps]), self.method, self.network,
                          w.HBox([titled("original", self.original),
                                  titled("change (red +, blue −; ×1/ε)", self.perturbation),
                                  titled("adversarial", self.adversarial), self.summary],
                                 layout=w.Layout(align_items="flex-start", grid_gap="12px"))])

    def update(self) -> None:
        from ..adversarial import fgsm, pgd
        from ..interpret import class_probabilities

        i, eps = self.index.value, float(self.eps.value)
        model = self.models[self.network.value]
        x, y = self.images[i:i + 1], self.labels[i:i + 1]
        attack = fgsm if self.method.value == "fgsm" else pgd
        xa = attack(model, x, y, eps) if eps > 0 else x.copy()
        self.adversarial_image = xa[0]
        self.before, self.after = class_probabilities(model, np.concatenate([x, xa]))
        delta = xa[0].astype(np.float64) - x[0]
        self.original.value = digit_png(x[0], 6)
        self.perturbation.value = _signed_png(delta, 6, limit=max(eps, 1e-6))
        self.adversarial.value = digit_png(xa[0], 6)
        p0, p1 = int(self.before.argmax()), int(self.after.argmax())
        verdict = ("<b style='color:#b00'>fooled</b>" if p1 != int(y[0]) and p0 == int(y[0])
                   else "still right" if p1 == int(y[0]) else "wrong from the start")
        self.summary.value = (
            f"<b>digit {i}</b> (label {int(y[0])}), {self.network.value}, "
            f"{self.method.value.upper()} with ε = {eps:.2f}:<br>"
            f"original: <b>{p0}</b> with probability <b>{self.before[p0]:.1%}</b><br>"
            f"adversarial: <b>{p1}</b> with probability <b>{self.after[p1]:.1%}</b> "
            f"(label {int(y[0])}: {self.after[int(y[0])]:.1%})<br>{verdict}; largest pixel "
            f"change {np.abs(delta).max():.3f}, mean {np.abs(delta).mean():.3f}.")
