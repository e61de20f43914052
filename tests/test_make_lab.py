"""`make lab` starts JupyterLab on chapter 0 (run for real, on a private port, then stopped)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from browser_lab import free_port

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "jupyter").exists(),
                    reason="no .venv here: 'make lab' would first build it (make test does that)")
def test_make_lab_serves_and_opens_chapter_0(tmp_path):
    port, token = free_port(), "course-test-token"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    args = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
            f"--ServerApp.port_retries=0 --IdentityProvider.token={token} "
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate --LabApp.news_url=None")
    proc = subprocess.Popen(["make", "-s", "lab", f"LAB_ARGS={args}"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline, listing = time.monotonic() + 90, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{base}/api/contents/00_start_here.ipynb?content=0&token={token}",
                                            timeout=5) as r:
                    listing = json.load(r)
                break
            except OSError:
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not come up"
        assert listing["type"] == "notebook" and listing["name"] == "00_start_here.ipynb"
        with urllib.request.urlopen(f"{base}/lab/tree/00_start_here.ipynb?token={token}", timeout=10) as r:
            assert r.status == 200 and "JupyterLab" in r.read().decode()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
    # The server was started on the notebooks folder, with chapter 0 as the file to open.
    assert re.search(r"Serving notebooks from local directory: .*notebooks", out), out[-2000:]
