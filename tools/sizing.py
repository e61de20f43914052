"""The sizing table of deploy/sizing.yaml: what one student costs, and so how many fit on
a machine, derived from what benchmarks/hub_class.py measured.

    python tools/sizing.py            # print the table (and the machines for 30/100/300 students)
    python tools/sizing.py --check    # exit 1 unless sizing.yaml's derived figures follow from its measurements
    python tools/sizing.py --write-config   # copy them into deploy/z2jh/config.yaml

The rules (`derive`), with the teacher's choices in sizing.yaml's ``policy``:

* memory guarantee: the largest peak a student reached (their server plus one chapter's
  kernel, resident memory), plus ``memory_headroom``, rounded up to ``memory_step_mib``;
* memory limit: ``kernels_per_student`` times the guarantee, so a student may keep that
  many chapters open at once before the limit stops a kernel;
* CPU guarantee: the share of a core with which a chapter still runs within the course's
  budget (``chapter_budget_s``, 60 s) when the whole class runs it at the same moment:
  the chapter's CPU time divided by the budget, rounded up to 0.05 core. CPU time, not
  wall time: it does not change with what else the machine is doing;
* CPU limit: ``cpu_limit`` (one core: the course trains on one thread, so more would not
  make a chapter faster; the benchmark prints the measured CPU/wall ratio to check it);
* students per core = 1 / CPU guarantee, students per GiB = 1024 MiB / memory guarantee
  (one decimal, rounded down); a machine for N students adds the hub's measured peak and
  ``system_reserve_mib`` for the operating system, and one core for the hub and proxy.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SIZING = ROOT / "deploy" / "sizing.yaml"
CLASS_SIZES = (30, 100, 300)


def _up(x: float, step: float) -> float:
    return round(math.ceil(round(x / step, 9)) * step, 6)


def derive(measured: dict, policy: dict) -> dict:
    """The guarantees, limits and per-core/per-GiB figures that follow from `measured`."""
    mem_guarantee = int(_up(measured["student_peak_mib"] * (1 + policy["memory_headroom"]),
                            policy["memory_step_mib"]))
    cpu_guarantee = _up(measured["alone_cpu_s"] / policy["chapter_budget_s"], 0.05)
    derived = {
        "memory_guarantee_mib": mem_guarantee,
        "memory_limit_mib": mem_guarantee * policy["kernels_per_student"],
        "cpu_guarantee": cpu_guarantee,
        "cpu_limit": float(policy["cpu_limit"]),
        "students_per_core": math.floor(10 / cpu_guarantee + 1e-9) / 10,
        "students_per_gib": math.floor(10 * 1024 / mem_guarantee + 1e-9) / 10,
    }
    derived["memory_limit"] = f"{derived['memory_limit_mib']}M"
    derived["memory_guarantee"] = f"{mem_guarantee}M"
    return derived


def machine_for(students: int, sizing: dict) -> dict:
    """Cores and memory (GiB) of one machine for `students` using the course at once."""
    d, m, p = sizing["derived"], sizing["measured"], sizing["policy"]
    mib = students * d["memory_guarantee_mib"] + m["hub_peak_mib"] + p["system_reserve_mib"]
    return {"students": students, "cores": math.ceil(students * d["cpu_guarantee"]) + 1,
            "memory_gib": math.ceil(mib / 1024)}


def load(path: Path = SIZING) -> dict:
    return yaml.safe_load(path.read_text())


def table(sizing: dict) -> str:
    d, m = sizing["derived"], sizing["measured"]
    rows = [
        "| per student | guarantee | limit |",
        "| --- | --- | --- |",
        f"| memory | {d['memory_guarantee_mib']} MiB | {d['memory_limit_mib']} MiB |",
        f"| CPU | {d['cpu_guarantee']} core | {d['cpu_limit']} core |",
        "",
        f"{d['students_per_core']} students per core, {d['students_per_gib']} students per GiB "
        f"(measured peak per student {m['student_peak_mib']} MiB; hub {m['hub_peak_mib']} MiB).",
        "",
        "| students at once | cores | memory |",
        "| --- | --- | --- |",
    ]
    for n in CLASS_SIZES:
        machine = machine_for(n, sizing)
        rows.append(f"| {n} | {machine['cores']} | {machine['memory_gib']} GiB |")
    return "\n".join(rows)


HELM_CONFIG = ROOT / "deploy" / "z2jh" / "config.yaml"


def helm_values(sizing: dict) -> dict:
    """What deploy/z2jh/config.yaml must say, from the sizing table (KubeSpawner reads an
    'M' suffix as MiB)."""
    d, p = sizing["derived"], sizing["policy"]
    return {"memory": {"guarantee": d["memory_guarantee"], "limit": d["memory_limit"]},
            "cpu": {"guarantee": d["cpu_guarantee"], "limit": d["cpu_limit"]},
            "cull": {"timeout": p["cull_timeout_s"], "every": p["cull_every_s"]}}


def write_helm_config(sizing: dict, path: Path = HELM_CONFIG) -> None:
    """Put the sizing table's figures into the Helm config, leaving the rest as written."""
    import re
    text = path.read_text()
    values = helm_values(sizing)

    def put(block: str, key: str, value) -> None:
        nonlocal text
        pattern = rf"(^\s*{block}:\n(?:\s+\S.*\n)*?\s+{key}: ).*$"
        text, n = re.subn(pattern, lambda m: m.group(1) + str(value), text, count=1, flags=re.M)
        if n != 1:
            raise ValueError(f"{path}: no '{block}: {key}:' to update")

    for block in ("memory", "cpu", "cull"):
        for key, value in values[block].items():
            put(block, key, value)
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--write-config", action="store_true",
                        help="copy the guarantees, limits and culler settings into deploy/z2jh/config.yaml")
    parser.add_argument("--get", metavar="KEY", help="print one derived or policy figure (for scripts)")
    args = parser.parse_args(argv)
    sizing = load()
    if args.get:
        value = sizing["derived"].get(args.get, sizing["policy"].get(args.get))
        if value is None:
            print(f"sizing: no figure named {args.get!r}", file=sys.stderr)
            return 2
        print(value)
        return 0
    if args.write_config:
        write_helm_config(sizing)
    expected = derive(sizing["measured"], sizing["policy"])
    if args.check and expected != sizing["derived"]:
        print(f"deploy/sizing.yaml: 'derived' should be {expected}, is {sizing['derived']}", file=sys.stderr)
        return 1
    print(table(sizing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
