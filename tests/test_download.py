"""download_mnist against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import numpy as np
import pytest

from course import data as D
from conftest import make_fake_mnist


def _serve_fake(root, sub="m"):
    paths = make_fake_mnist(root / sub)
    return {name: hashlib.sha256(p.read_bytes()).hexdigest() for name, p in paths.items()}


def test_download_succeeds_and_files_load(http_root, tmp_path, monkeypatch):
    base, root = http_root
    files = _serve_fake(root)
    dest = tmp_path / "cache"
    D.download_mnist(dest, mirrors=[base + "m/"], files=files, progress=False)
    for name, sha in files.items():
        assert hashlib.sha256((dest / name).read_bytes()).hexdigest() == sha
    monkeypatch.setenv("MNIST_DIR", str(dest))
    d = D.load_mnist("full", verbose=False)
    expected, _ = D.read_idx_pair(root / "m" / "train-images-idx3-ubyte.gz",
                                  root / "m" / "train-labels-idx1-ubyte.gz")
    np.testing.assert_array_equal(d.x_train, expected)


def test_second_download_reuses_the_cache(http_root, tmp_path):
    base, root = http_root
    files = _serve_fake(root)
    dest = tmp_path / "cache"
    D.download_mnist(dest, mirrors=[base + "m/"], files=files, progress=False)
    for p in (root / "m").iterdir():  # the server no longer has the files
        p.unlink()
    D.download_mnist(dest, mirrors=[base + "m/"], files=files, progress=False)
    assert D.full_mnist_available(dest)


def test_checksum_mismatch_is_a_clear_error_and_leaves_no_file(http_root, tmp_path):
    base, root = http_root
    files = _serve_fake(root)
    name = "train-labels-idx1-ubyte.gz"
    files[name] = "0" * 64
    dest = tmp_path / "cache"
    with pytest.raises(RuntimeError, match="wrong SHA-256 checksum") as err:
        D.download_mnist(dest, mirrors=[base + "m/"], files=files, progress=False)
    assert name in str(err.value)
    assert not (dest / name).exists()
    assert not any(p.name.startswith("tmp") for p in dest.iterdir())  # no partial downloads


def test_404_on_first_mirror_then_success_on_second(http_root, tmp_path):
    base, root = http_root
    files = _serve_fake(root, "second")
    (root / "first").mkdir()  # the first mirror exists but has none of the files
    dest = tmp_path / "cache"
    D.download_mnist(dest, mirrors=[base + "first/", base + "second/"], files=files, progress=False)
    assert D.full_mnist_available(dest)


def test_all_mirrors_unreachable_says_how_to_install_by_hand(closed_port_url, tmp_path):
    dest = tmp_path / "cache"
    with pytest.raises(RuntimeError) as err:
        D.download_mnist(dest, mirrors=[closed_port_url, closed_port_url + "other/"],
                         files={"train-images-idx3-ubyte.gz": "0" * 64}, progress=False, timeout=5)
    message = str(err.value)
    assert "from any mirror" in message and str(dest) in message and "MNIST_DIR" in message
    assert message.count(closed_port_url) >= 2  # every mirror tried is listed


def test_command_line_download_reports_failure_with_exit_code(closed_port_url, tmp_path, monkeypatch):
    monkeypatch.setattr(D, "MIRRORS", (closed_port_url,))
    # main() uses the module's defaults; point them at the dead server.
    monkeypatch.setattr(D.download_mnist, "__kwdefaults__",
                        {**D.download_mnist.__kwdefaults__, "mirrors": (closed_port_url,), "timeout": 5})
    assert D.main(["download", "--dir", str(tmp_path)]) == 1


def test_python_dash_m_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "course.data", "info"], capture_output=True, text=True)
    assert out.returncode == 0 and "Cache folder" in out.stdout
