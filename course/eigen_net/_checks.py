"""Argument checks shared by the eigenvector-network modules (clear errors at the door)."""

from __future__ import annotations

import numpy as np


def _rng(seed, name: str = "seed") -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"{name} must be an integer or a numpy.random.Generator, got {seed!r}.")
    return np.random.default_rng(int(seed))


def _check_dimension(h, name: str = "h") -> int:
    if isinstance(h, (bool, np.bool_)) or not isinstance(h, (int, np.integer)) or h < 2:
        raise ValueError(f"{name} must be an integer of at least 2 (a dimension), got {h!r}.")
    return int(h)


def _check_positive_int(value, name: str, minimum: int = 1) -> int:
    if (isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer))
            or value < minimum):
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}.")
    return int(value)
