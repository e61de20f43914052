"""Chapter 5a: breed an image that the network calls a chosen digit."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ._access import name
from ._base import _Widget, _image_view


class FoolingExplorer(_Widget):
    """Chapter 5a's widget: watch the genetic algorithm fool a network.

    model : torch network (10 logits), the one to fool (`course.zoo.trained_mlp`).
    prior : a `course.fooling.PixelPrior` (pixel statistics of real digits).

    Controls: ``target`` (the digit, 0..9), ``weight`` (the prior's weight),
    ``generations`` and the ``evolve`` button. Views: ``image`` (the best image so far)
    and ``summary`` (HTML: generation, confidence, fitness). Pressing Evolve (or calling
    `run`) runs `course.fooling.evolve` with one population of ``population`` images and
    redraws the views every ``every`` generations. After a run, ``result`` is the final
    `Evolution` and ``shown`` counts the redraws.
    """

    def __init__(self, model, prior, *, target: int = 3, weight: float = 0.5,
                 generations: int = 100, population: int = 100, parents: int = 5,
                 every: int = 10, seed: int = 0):
        if target not in range(10):
            raise ValueError(f"FoolingExplorer: target must be a digit 0..9, got {target!r}.")
        self.model, self.prior = model, prior
        self.population, self.parents, self.every, self.seed = population, parents, every, seed
        self.target = w.IntSlider(value=target, min=0, max=9, description="target")
        self.weight = w.FloatSlider(value=weight, min=0.0, max=5.0, step=0.1, description="prior weight",
                                    style={"description_width": "auto"})
        self.generations = w.IntSlider(value=generations, min=10, max=500, step=10,
                                       description="generations", style={"description_width": "auto"})
        self.evolve = w.Button(description="Evolve", button_style="primary")
        name(self.target, "target: the digit the network should see")
        name(self.weight, "prior weight: how much the image must look like real digits")
        name(self.generations, "generations: how long to evolve")
        self.image = _image_view(196, "the best image bred so far, the one the network is most "
                                      "sure shows the target digit")
        self.image.add_class("fooling-best")
        self.summary = w.HTML(layout=w.Layout(width="400px"))
        self.result = None
        self.shown = 0
        self.evolve.on_click(lambda _: self.run())
        self.image.value = digit_png(np.zeros((28, 28)), 7)
        self.summary.value = "Press <b>Evolve</b> to breed an image for the target digit."
        self.ui = w.VBox([w.HBox([self.target, self.weight]), w.HBox([self.generations, self.evolve]),
                          w.HBox([self.image, self.summary],
                                 layout=w.Layout(align_items="flex-start", grid_gap="16px"))])

    def _show(self, gen, ev) -> None:
        self.shown += 1
        self.image.value = digit_png(ev.images[0], 7)
        self.summary.value = (
            f"generation <b>{gen}</b> of {self.generations.value}<br>"
            f"the network says <b>{self.target.value}</b> with probability "
            f"<b>{ev.confidence[0]:.4%}</b><br>best fitness {ev.fitness[0]:.4f} "
            f"(prior weight {self.weight.value:.1f})")

    def run(self):
        """Evolve with the current settings, redrawing as it goes; returns the `Evolution`."""
        from ..fooling import evolve

        self.evolve.disabled = True
        try:
            self.result = evolve(self.model, np.array([self.target.value]), self.prior,
                                 prior_weight=self.weight.value, population=self.population,
                                 parents=self.parents, generations=self.generations.value,
                                 seed=self.seed, every=self.every,
                                 callback=lambda gen, ev: self._show(gen, ev))
        finally:
            self.evolve.disabled = False
        return self.result
