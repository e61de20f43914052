"""download_mnist against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_command_line_download_uses_mnist_mirrors_and_reports_failure(closed_port_url, tmp_path, capsys):
    env = {**os.environ, "MNIST_MIRRORS": closed_port_url}
    out = subprocess.run([sys.executable, "-m", "course.data", "download", "--dir", str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1
    assert closed_port_url in out.stderr and "by hand" in out.stderr


def test_command_line_download_from_local_mirror_gets_verified_official_files(http_root, tmp_path):
    """Serve the official t10k files (when MNIST_DIR holds them) and fetch them by their real checksums."""
    official = os.environ.get("MNIST_DIR")
    names = ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    if not official or not all((Path(official) / n).is_file() for n in names):
        pytest.skip("MNIST_DIR does not hold the official t10k files (e.g. ../shared/data/mnist)")
    base, root = http_root
    for n in names:
        shutil.copy(Path(official) / n, root / n)
    dest = tmp_path / "cache"
    D.download_mnist(dest, mirrors=[base], files={n: D.FILES[n] for n in names}, progress=False)
    x, y = D.read_idx_pair(dest / names[0], dest / names[1])
    assert x.shape == (10000, 28, 28) and len(y) == 10000


def test_python_dash_m_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "course.data", "info"], capture_output=True, text=True)
    assert out.returncode == 0 and "Cache folder" in out.stdout
