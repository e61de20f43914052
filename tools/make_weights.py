"""Train the two networks the course ships, and write them with a record of what they measure.

    python tools/make_weights.py            # writes course/weights/{cnn,mlp}.pt and models.json
    python tools/make_weights.py --check    # trains again into a temporary folder and
                                            # compares with the shipped files

Both are trained on the 4,000 bundled training digits only, with the recipes of
`course.zoo` (`CNN_CONFIG`, `MLP_CONFIG`), on one CPU thread and from fixed seeds, so a
run gives the same weights again on the same machine (another processor may round
differently in its last bits: ``--check`` says how far apart two runs are). The record
(models.json) holds, for each network: the recipe, the file and its SHA-256, a hash of
the training digits, the per-epoch history, wall and CPU seconds, and the accuracy on
the bundled test digits, the font digits, the simulated pad drawings (with and without
MNIST's preprocessing) and, when ``$MNIST_DIR`` holds them, the official 10,000 test
digits. `tests/test_zoo.py` recomputes the bundled test accuracy from the shipped file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import resource
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course.data import load_mnist  # noqa: E402
from course.gap import accuracy_table, digit_sets, format_table  # noqa: E402
from course.training import train, write_atomically  # noqa: E402
from course.zoo import (CNN_ARCH, CNN_CONFIG, MLP_CONFIG, MLP_SIZES, WEIGHTS_DIR,  # noqa: E402
                        digits_hash, new_cnn, new_mlp)


def cpu_seconds() -> float:
    """CPU time of this process, user + system (all threads)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def make(kind: str, data) -> tuple[torch.nn.Module, dict]:
    model = new_cnn() if kind == "cnn" else new_mlp()
    config = CNN_CONFIG if kind == "cnn" else MLP_CONFIG
    wall, cpu = time.perf_counter(), cpu_seconds()
    history = train(model, data.x_train, data.y_train, config, test=(data.x_test, data.y_test),
                    progress=False, threads=1, train_metrics="running")
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    arch = {"make_cnn": CNN_ARCH} if kind == "cnn" else {"make_mlp": {"sizes": list(MLP_SIZES)}}
    return model, {"architecture": arch, "config": asdict(config), "history": asdict(history),
                   "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "threads": 1}


def write(folder: Path) -> dict:
    data = load_mnist("bundled", verbose=False)
    sets = digit_sets(data, official=True)
    sets["bundled test"] = sets.pop("MNIST test")
    record = {"torch": torch.__version__, "machine": platform.processor() or platform.machine(),
              "note": "timings from one run of tools/make_weights.py on the machine named; "
                      "the machine may have been busy with other work"}
    models = {}
    for kind in ("cnn", "mlp"):
        model, meta = make(kind, data)
        models[kind.upper()] = model
        path = folder / f"{kind}.pt"
        write_atomically(path, lambda f: torch.save(model.state_dict(), f))
        meta |= {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                 "bytes": path.stat().st_size,
                 "train_hash": digits_hash(data.x_train, data.y_train)}
        record[kind] = meta
        print(f"{kind}: trained in {meta['seconds']} s ({meta['cpu_seconds']} CPU s, one thread), "
              f"{meta['bytes'] / 1024:.0f} KiB", flush=True)
    table = accuracy_table(models, sets)
    for kind in ("cnn", "mlp"):
        record[kind]["accuracy"] = table[kind.upper()]
    write_atomically(folder / "models.json",
                     lambda f: f.write(json.dumps(record, indent=1).encode() + b"\n"))
    print(format_table(table))
    return record


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="train again into a temporary folder and compare with the shipped files")
    args = parser.parse_args(argv)
    if not args.check:
        write(WEIGHTS_DIR)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        record = write(Path(tmp))
        shipped = json.loads((WEIGHTS_DIR / "models.json").read_text())
        same = True
        for kind in ("cnn", "mlp"):
            a = torch.load(Path(tmp) / f"{kind}.pt", weights_only=True)
            b = torch.load(WEIGHTS_DIR / f"{kind}.pt", weights_only=True)
            diff = max(float((a[k].double() - b[k].double()).abs().max()) for k in a)
            same &= diff == 0
            print(f"{kind}: largest difference from the shipped weights {diff:.3g}; accuracy "
                  f"now {record[kind]['accuracy']} vs shipped {shipped[kind]['accuracy']}")
        print("identical to the shipped weights" if same else "NOT identical to the shipped weights")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
