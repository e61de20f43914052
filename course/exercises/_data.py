"""Data that several chapters' exercises compute their answers from (loaded once)."""

from functools import cache

from ..data import MNIST, load_mnist


@cache
def bundled() -> MNIST:
    """The bundled digits as uint8, the data every notebook's exercises are about."""
    return load_mnist("bundled", verbose=False)
