"""The network N of the eigenvector-network video, and R², the score it is trained on."""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from ._checks import _check_dimension

__all__ = ["EigenNet", "r_squared"]


class EigenNet(nn.Module):
    """The network N of the eigenvector-network video: R^h → R, in Flux's notation

        Chain(Dense(h, m, atan),
              SkipConnection(Dense(m, m, atan), +)  × 3,
              Dense(m, 3, atan),
              Dense(3, 1))                          # "a very simple last layer"

    A skip layer maps z to ``z + atan(W z + b)``. The video leaves the last layer
    unspecified ("very simple"); we take it to be a linear map 3 → 1 with a bias, which
    changes nothing the R² objective can see beyond a weighted sum of the three outputs.

    init : ``"flux"`` (default): Flux's defaults, Glorot-uniform weights and zero biases;
        ``"torch"``: PyTorch's, uniform in ±1/√fan_in for weights and biases. Either way
        the skip layers' weights and biases start near zero, normal with standard
        deviation ``skip_init``, as the video says.
    bias_init : when > 0, the biases of the first layer and of ``Dense(m, 3)`` are drawn
        normal with this standard deviation (after everything else, so that 0 gives the
        same network as before). With zero biases N is an odd function at the start,
        N(−x) = −N(x); biases make it part even.
    seed : the parameters are drawn from ``torch.Generator().manual_seed(seed)``.

    Input (n, h) float32, output (n,) float32. `skip_matrices` gives the three m x m
    skip weights, the video's red, green and blue matrices.
    """

    def __init__(self, h: int = 20, m: int = 40, *, skip_init: float = 1e-3,
                 init: str = "flux", bias_init: float = 0.0, seed: int = 0):
        super().__init__()
        h, m = _check_dimension(h), _check_dimension(m, "m")
        if init not in ("flux", "torch"):
            raise ValueError(f"init must be 'flux' (Glorot weights, zero biases) or 'torch', "
                             f"got {init!r}.")
        if not (isinstance(skip_init, (int, float)) and skip_init >= 0):
            raise ValueError(f"skip_init must be a number >= 0, got {skip_init!r}.")
        if not (isinstance(bias_init, (int, float)) and math.isfinite(bias_init) and bias_init >= 0):
            raise ValueError(f"bias_init must be a number >= 0, got {bias_init!r}.")
        self.h, self.m, self.init, self.bias_init = h, m, init, float(bias_init)
        self.first = nn.Linear(h, m)
        self.skips = nn.ModuleList(nn.Linear(m, m) for _ in range(3))
        self.to3 = nn.Linear(m, 3)
        self.last = nn.Linear(3, 1)
        g = torch.Generator().manual_seed(int(seed))
        with torch.no_grad():
            for layer in (self.first, self.to3, self.last):
                fan_in, fan_out = layer.in_features, layer.out_features
                if init == "flux":
                    limit = math.sqrt(6 / (fan_in + fan_out))
                    layer.weight.uniform_(-limit, limit, generator=g)
                    layer.bias.zero_()
                else:
                    limit = 1 / math.sqrt(fan_in)
                    layer.weight.uniform_(-limit, limit, generator=g)
                    layer.bias.uniform_(-limit, limit, generator=g)
            for layer in self.skips:
                layer.weight.normal_(0.0, float(skip_init), generator=g)
                layer.bias.normal_(0.0, float(skip_init), generator=g)
            if bias_init > 0:
                for layer in (self.first, self.to3):
                    layer.bias.normal_(0.0, float(bias_init), generator=g)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = torch.atan(self.first(x))
        for layer in self.skips:
            z = z + torch.atan(layer(z))
        return self.last(torch.atan(self.to3(z))).squeeze(-1)

    def skip_matrices(self) -> np.ndarray:
        """The three skip weight matrices, (3, m, m) float32 (a copy): red, green, blue."""
        return np.stack([s.weight.detach().numpy().copy() for s in self.skips])

    def numpy(self, X: np.ndarray) -> np.ndarray:
        """N at the rows of X (n, h), as (n,) float64."""
        with torch.no_grad():
            return self(torch.as_tensor(np.asarray(X), dtype=torch.float32)).double().numpy()

    def __repr__(self) -> str:
        return (f"EigenNet(h={self.h}, m={self.m}: Dense(h,m,atan), "
                f"3 x SkipConnection(Dense(m,m,atan),+), "
                f"Dense(m,3,atan), Dense(3,1); init={self.init!r}"
                + (f", bias_init={self.bias_init:g})" if self.bias_init else ")"))


def r_squared(a, b, eps: float = 0.0):
    """The squared Pearson correlation of two (n,) vectors: ``cov(a, b)² / (var a · var b)``.

    Works on numpy arrays and on torch tensors (then it is differentiable and returns a
    tensor). It is the R² of the best affine fit of b on a, and it does not change when a
    or b is scaled by any non-zero number or shifted: that is why the power iteration
    needs no normalisation (N can grow, shrink or flip sign freely) and why the mean of N
    does not matter. ``eps`` is added to the denominator (the training uses a tiny one so
    that a constant network gives 0 instead of NaN).
    """
    da, db = a - a.mean(), b - b.mean()
    return (da * db).sum() ** 2 / ((da * da).sum() * (db * db).sum() + eps)
