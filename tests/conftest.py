"""Shared fixtures: the bundled digits, small fake MNIST files, a local HTTP server."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path

import numpy as np
import pytest

from course.data import load_mnist
from course.idx import write_idx



@pytest.fixture(scope="session")
def static_course(tmp_path_factory) -> Path:
    """The static course (tools/build_html.py) built once from the committed notebooks."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("html")
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, str(root / "tools" / "build_html.py"), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Wrote" in run.stdout
    return out


@pytest.fixture(scope="session")
def bundled():
    """The bundled 4,000 + 1,000 digits, uint8."""
    return load_mnist("bundled", verbose=False)


def make_fake_mnist(folder: Path, n_train: int = 30, n_test: int = 10, seed: int = 0) -> dict[str, Path]:
    """Four small files named like the official ones, holding random digits."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    parts = {"train": n_train, "t10k": n_test}
    paths = {}
    for part, n in parts.items():
        images = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, size=n).astype(np.uint8)
        paths[f"{part}-images-idx3-ubyte.gz"] = write_idx(folder / f"{part}-images-idx3-ubyte.gz", images)
        paths[f"{part}-labels-idx1-ubyte.gz"] = write_idx(folder / f"{part}-labels-idx1-ubyte.gz", labels)
    return paths


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def http_root(tmp_path):
    """A folder served over HTTP on 127.0.0.1 for the duration of one test.

    Yields (base_url, folder): files put under folder are at base_url + relative path.
    """
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port_url():
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
