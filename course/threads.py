"""Run small computations on one CPU thread (faster on a shared machine, and reproducible)."""

from __future__ import annotations

from contextlib import contextmanager

import torch

__all__ = ["one_thread"]


@contextmanager
def one_thread():
    """Run torch and numpy's BLAS on one CPU thread inside the ``with`` block.

    The network and the matrices here are tiny: threads gain nothing, and on a busy
    machine (a shared 2-core laptop or Binder) idle-waiting BLAS threads can make a 1 ms
    least-squares fit take 100 ms. A fixed thread count also keeps results bit-identical
    from run to run. Previous settings are restored on exit.
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        from threadpoolctl import threadpool_limits  # installed with scikit-learn
    except ImportError:  # pragma: no cover - then only torch is limited
        threadpool_limits = None
    try:
        if threadpool_limits is None:
            yield
        else:
            with threadpool_limits(limits=1):
                yield
    finally:
        torch.set_num_threads(threads)
