"""Chapter 4: rebuild a digit from its first k principal components."""

from __future__ import annotations

import numpy as np
import ipywidgets as w

from ..plotting import digit_png
from ._access import name
from ._base import _Widget, _image_view

class ReconstructionExplorer(_Widget):
    """Chapter 4's widget: a digit rebuilt from its first k principal components.

    images : (n, 28, 28) uint8 digits to choose from (or float in [0, 1]).
    pca : a `course.pca.PCA` of 784 features, ideally with all its components (the
        slider ``k`` goes up to ``pca.n_components``); default: `course.pca.fit_pca` of
        ``images`` with all components.
    labels : optional (n,) labels, shown in the caption.

    Controls: ``index`` (which digit) and ``k`` (how many components). Views:
    ``original`` and ``reconstruction`` (images; the reconstruction is clipped to
    [0, 1] for display) and ``summary`` (HTML with the error). After each update,
    ``error`` holds the mean squared error per pixel of the reconstruction and ``kept``
    the share of the training digits' variance that the first k components keep.
    The PCA is fitted once; an update is one `course.pca.reconstruct` call.
    """

    def __init__(self, images: np.ndarray, pca=None, labels: np.ndarray | None = None,
                 index: int = 0, k: int = 10):
        from ..pca import as_features, fit_pca

        x = as_features(images, name="images")
        if x.shape[1] != 784:
            raise ValueError(f"ReconstructionExplorer: expected images of shape (n, 28, 28) or "
                             f"(n, 784), got {np.shape(images)}.")
        self.pca = fit_pca(x) if pca is None else pca
        if self.pca.n_features != 784:
            raise ValueError(f"ReconstructionExplorer: the PCA has {self.pca.n_features} features; "
                             "it must be fitted to 28 x 28 digits (784 features).")
        if labels is not None and np.shape(labels) != (len(x),):
            raise ValueError(f"ReconstructionExplorer: {len(x)} images but labels of shape "
                             f"{np.shape(labels)}.")
        if not 0 <= index < len(x):
            raise ValueError(f"ReconstructionExplorer: index must be in 0..{len(x) - 1}, got {index}.")
        if not 1 <= k <= self.pca.n_components:
            raise ValueError(f"ReconstructionExplorer: k must be in 1..{self.pca.n_components}, "
                             f"got {k}.")
        self.images, self.labels = x, labels
        self.index = w.IntSlider(value=index, min=0, max=len(x) - 1, description="index")
        self.k = w.IntSlider(value=k, min=1, max=self.pca.n_components, description="k",
                             continuous_update=True)
        name(self.index, "index: which digit")
        name(self.k, "k: how many principal components rebuild the digit")
        self.original = _image_view(196, "the original digit, before it is rebuilt")
        self.reconstruction = _image_view(196, "the digit rebuilt from its first k principal "
                                               "components")
        self.caption = w.HTML()
        self.summary = w.HTML(layout=w.Layout(width="420px"))
        self.error = float("nan")
        self.kept = float("nan")
        self.index.observe(lambda _: self.update(), names="value")
        self.k.observe(lambda _: self.update(), names="value")
        self.update()
        self.ui = w.VBox([self.index, self.k,
                          w.HBox([w.VBox([self.caption, self.original]),
                                  w.VBox([w.HTML("<b>rebuilt from k components</b>"),
                                          self.reconstruction]),
                                  self.summary],
                                 layout=w.Layout(align_items="flex-start", grid_gap="16px"))])

    def update(self) -> None:
        from ..pca import reconstruct

        i, k = self.index.value, self.k.value
        x = self.images[i]
        rebuilt = reconstruct(self.pca, x[None], k)[0]
        self.error = float(np.mean((x - rebuilt) ** 2))
        self.kept = float(self.pca.explained_variance_ratio[:k].sum())
        away = float(np.sum((x - self.pca.mean) ** 2))
        own = 1 - float(np.sum((x - rebuilt) ** 2)) / away if away > 0 else 1.0
        self.original.value = digit_png(x.reshape(28, 28), 7)
        self.reconstruction.value = digit_png(rebuilt.reshape(28, 28), 7)
        label = "" if self.labels is None else f" (label {int(self.labels[i])})"
        self.caption.value = f"<b>digit number {i}{label}</b>"
        self.summary.value = (
            f"<b>k = {k}</b> of {self.pca.n_components} components.<br>"
            f"Mean squared error per pixel: <b>{self.error:.4f}</b> "
            f"(pixel values in [0, 1]).<br>"
            f"The first {k} components keep <b>{self.kept:.1%}</b> of the training digits' "
            f"variance; this reconstruction recovers {own:.1%} of this digit's squared "
            "difference from the mean digit.")
