"""Run small computations on few CPU threads (faster on a shared machine, and reproducible)."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import torch

__all__ = ["torch_threads", "one_thread"]


@contextmanager
def torch_threads(n: int | None):
    """Run the block with ``torch.set_num_threads(n)``, restoring the old value after.

    ``None`` leaves torch's setting alone."""
    if n is None:
        yield
        return
    if not (isinstance(n, (int, np.integer)) and n >= 1):
        raise ValueError(f"threads must be a positive integer or None, got {n!r}.")
    old = torch.get_num_threads()
    torch.set_num_threads(int(n))
    try:
        yield
    finally:
        torch.set_num_threads(old)


@contextmanager
def one_thread():
    """Run torch and numpy's BLAS on one CPU thread inside the ``with`` block.

    The network and the matrices here are tiny: threads gain nothing, and on a busy
    machine (a shared 2-core laptop or Binder) idle-waiting BLAS threads can make a 1 ms
    least-squares fit take 100 ms. A fixed thread count also keeps results bit-identical
    from run to run. Previous settings are restored on exit.
    """
    try:
        from threadpoolctl import threadpool_limits  # installed with scikit-learn
    except ImportError:  # pragma: no cover - then only torch is limited
        with torch_threads(1):
            yield
        return
    with torch_threads(1), threadpool_limits(limits=1):
        yield
