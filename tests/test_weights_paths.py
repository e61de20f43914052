"""The shipped networks are read, not trained: on another processor's code path they give the
same predictions (course/reproducible.py: torch's generic kernels, another OpenBLAS core type,
two threads), and their probabilities agree to float32 rounding."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from course.reproducible import another_machine_env

_PREDICT = """
import json, sys
import numpy as np, torch
from course.data import load_mnist
from course.gap import digit_sets
from course.training import as_tensor_images
from course.zoo import trained_cnn, trained_mlp
torch.set_num_threads(int(sys.argv[1]))
data = load_mnist("bundled", verbose=False)
sets = {"bundled test": data.x_test}
sets.update({name: x for name, (x, _) in digit_sets().items() if name != "MNIST test"})
out = {"capability": torch.backends.cpu.get_cpu_capability()}
for kind, model in {"mlp": trained_mlp(verbose=False)[0], "cnn": trained_cnn(verbose=False)[0]}.items():
    for name, x in sets.items():
        with torch.no_grad():
            p = torch.softmax(model(as_tensor_images(x)), 1).numpy()
        out[f"{kind} {name}"] = {"labels": p.argmax(1).tolist(), "probs": p.round(6).tolist()}
print(json.dumps(out))
"""


def _predictions(env: dict, threads: int) -> dict:
    run = subprocess.run([sys.executable, "-c", _PREDICT, str(threads)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def both_paths():
    here = dict(os.environ)
    return _predictions(here, 1), _predictions(another_machine_env(here), 2)


def test_the_other_path_really_is_another_path(both_paths):
    here, there = both_paths
    assert there["capability"] == "DEFAULT", "ATEN_CPU_CAPABILITY=default did not reach torch"


def test_shipped_networks_predict_the_same_digits_on_both_paths(both_paths):
    here, there = both_paths
    keys = [k for k in here if k != "capability"]
    assert len(keys) >= 4, keys
    for key in keys:
        a, b = np.array(here[key]["labels"]), np.array(there[key]["labels"])
        assert len(a) >= 100 and (a == b).all(), \
            f"{key}: {(a != b).sum()} of {len(a)} predictions differ between the two code paths"


def test_shipped_networks_probabilities_agree_to_float32_rounding(both_paths):
    here, there = both_paths
    for key in (k for k in here if k != "capability"):
        diff = np.abs(np.array(here[key]["probs"]) - np.array(there[key]["probs"])).max()
        assert diff <= 1e-4, f"{key}: probabilities differ by up to {diff:.2e} between the code paths"
