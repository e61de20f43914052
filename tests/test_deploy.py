"""deploy/: what can be checked without a cluster. The Helm values are valid YAML, name the
image, carry the sizing table's guarantees, limits and culler settings, and open the very
nbgitpuller link the generator prints; the sizing table follows from its measurements;
the TLJH set-up and the image appendix use the same pieces as the tested local hub."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import hub_link  # noqa: E402
import sizing as S  # noqa: E402

HELM = ROOT / "deploy" / "z2jh" / "config.yaml"
APPENDIX = ROOT / "deploy" / "z2jh" / "appendix.Dockerfile"
TLJH = ROOT / "deploy" / "tljh" / "setup.sh"


@pytest.fixture(scope="module")
def helm():
    return yaml.safe_load(HELM.read_text())


@pytest.fixture(scope="module")
def sizing():
    return S.load()


def mib(value: str) -> int:
    """KubeSpawner's byte units: K, M, G, T are powers of 1024."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT])", str(value))
    assert m, f"not a memory size KubeSpawner reads: {value!r}"
    return round(float(m[1]) * 1024 ** "KMGT".index(m[2]) / 1024)


# -- the link


def test_link_generator_encodes_repo_branch_folder_and_chapter():
    link = hub_link.pull_link("https://hub.example.edu/", "https://github.com/alice/mnist-course")
    assert link == ("https://hub.example.edu/hub/user-redirect/git-pull?"
                    "repo=https%3A%2F%2Fgithub.com%2Falice%2Fmnist-course&branch=main&targetpath=mnist-course"
                    "&urlpath=lab%2Ftree%2Fmnist-course%2Fnotebooks%2F00_start_here.ipynb")
    assert hub_link.parse_link(link) == {
        "repo": "https://github.com/alice/mnist-course", "branch": "main", "targetpath": "mnist-course",
        "urlpath": "lab/tree/mnist-course/notebooks/00_start_here.ipynb"}
    other = hub_link.pull_link("http://127.0.0.1:8000", "git://127.0.0.1:9418/c.git", branch="spring-2027",
                               open_path="notebooks/02_network_from_scratch.ipynb")
    assert hub_link.parse_link(other)["urlpath"] == "lab/tree/mnist-course/notebooks/02_network_from_scratch.ipynb"
    assert hub_link.parse_link(other)["branch"] == "spring-2027"


@pytest.mark.parametrize("kwargs, message", [
    (dict(hub="hub.example.edu", repo="https://x/y"), "hub's address"),
    (dict(hub="https://h", repo="not a url"), "git URL"),
    (dict(hub="https://h", repo="https://x/y", target="a/b"), "one folder"),
    (dict(hub="https://h", repo="https://x/y", open_path="../etc/passwd"), "inside the course"),
])
def test_link_generator_refuses_bad_input_saying_what_is_wrong(kwargs, message):
    with pytest.raises(ValueError, match=message):
        hub_link.pull_link(**kwargs)


def test_link_command_prints_the_link():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "hub_link.py"), "--hub", "https://h.edu",
                          "--repo", "https://github.com/a/b"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == hub_link.pull_link("https://h.edu", "https://github.com/a/b")


# -- the Helm config


def test_helm_config_names_the_image_and_keeps_homes(helm):
    image = helm["singleuser"]["image"]
    assert image["name"].endswith("/mnist-course-hub") and str(image["tag"])
    assert helm["singleuser"]["storage"]["type"] == "dynamic"
    assert helm["singleuser"]["storage"]["homeMountPath"] == "/home/jovyan"


def test_helm_default_url_is_the_link_the_generator_prints_for_chapter_0(helm):
    url = helm["singleuser"]["defaultUrl"]
    repo = hub_link.parse_link(url)["repo"]
    printed = subprocess.run([sys.executable, str(ROOT / "tools" / "hub_link.py"), "--server-path",
                              "--repo", repo], capture_output=True, text=True, check=True).stdout.strip()
    assert url == printed
    assert hub_link.parse_link(url)["urlpath"].endswith(hub_link.START)


def test_helm_guarantees_limits_and_culler_are_the_sizing_tables(helm, sizing):
    d, p = sizing["derived"], sizing["policy"]
    user = helm["singleuser"]
    assert mib(user["memory"]["guarantee"]) == d["memory_guarantee_mib"]
    assert mib(user["memory"]["limit"]) == d["memory_limit_mib"]
    assert float(user["cpu"]["guarantee"]) == d["cpu_guarantee"]
    assert float(user["cpu"]["limit"]) == d["cpu_limit"]
    assert helm["cull"] == {"enabled": True, "timeout": p["cull_timeout_s"], "every": p["cull_every_s"],
                            "users": False}


def test_write_config_puts_new_figures_into_the_helm_config(tmp_path, sizing):
    copy = tmp_path / "config.yaml"
    copy.write_text(HELM.read_text())
    changed = {**sizing, "derived": {**sizing["derived"], "memory_guarantee": "999M", "memory_limit": "1998M",
                                     "cpu_guarantee": 0.45, "cpu_limit": 1.5},
               "policy": {**sizing["policy"], "cull_timeout_s": 1234}}
    S.write_helm_config(changed, copy)
    values = yaml.safe_load(copy.read_text())
    assert values["singleuser"]["memory"] == {"guarantee": "999M", "limit": "1998M"}
    assert values["singleuser"]["cpu"] == {"guarantee": 0.45, "limit": 1.5}
    assert values["cull"]["timeout"] == 1234
    assert values["singleuser"]["defaultUrl"] == yaml.safe_load(HELM.read_text())["singleuser"]["defaultUrl"]


# -- the sizing table


def test_sizing_table_is_measured_and_follows_from_its_measurements(sizing):
    m = sizing["measured"]
    assert not m.get("provisional"), "deploy/sizing.yaml still holds provisional figures"
    assert m["k_at_once"] >= 6 and "benchmarks/hub_class.py" in m["measured_on"]
    assert sizing["derived"] == S.derive(m, sizing["policy"])
    assert subprocess.run([sys.executable, str(ROOT / "tools" / "sizing.py"), "--check"],
                          capture_output=True).returncode == 0


def test_derive_rules():
    policy = {"memory_headroom": 0.25, "memory_step_mib": 128, "kernels_per_student": 2,
              "chapter_budget_s": 60, "cpu_limit": 1.0}
    d = S.derive({"student_peak_mib": 500, "alone_wall_s": 30.0, "alone_cpu_s": 25.0}, policy)
    assert d["memory_guarantee_mib"] == 640          # 500 * 1.25 = 625 -> 640
    assert d["memory_limit_mib"] == 1280 and d["memory_limit"] == "1280M"
    assert d["cpu_guarantee"] == 0.45                # 25 s of CPU within 60 s -> 0.417 -> 0.45
    assert d["cpu_limit"] == 1.0
    assert d["students_per_core"] == 2.2 and d["students_per_gib"] == 1.6
    machine = S.machine_for(30, {"derived": d, "measured": {"hub_peak_mib": 200},
                                 "policy": {"system_reserve_mib": 1024}})
    assert machine == {"students": 30, "cores": 15, "memory_gib": 20}   # 13.5 -> 14 + 1; 20424 MiB


def test_docs_give_the_sizing_tables_figures(sizing):
    guide = (ROOT / "docs" / "teaching.md").read_text()
    assert S.table(sizing) in guide, "docs/teaching.md's sizing table differs from `python tools/sizing.py`"


# -- TLJH and the image use the tested pieces


def test_tljh_setup_takes_limits_culler_and_link_from_the_tested_tools():
    script = TLJH.read_text()
    assert TLJH.stat().st_mode & 0o111
    for key in ("memory_limit", "cpu_limit", "cull_timeout_s", "cull_every_s"):
        assert f"tools/sizing.py --get {key}" in script
    assert "tools/hub_link.py --server-path" in script
    assert "tools/classroom.py bake" in script and "COURSE_SHARED_MODELS" in script
    assert subprocess.run(["bash", "-n", str(TLJH)]).returncode == 0


def test_sizing_get_prints_one_figure_and_refuses_unknown_names(sizing):
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "tools" / "sizing.py"), *a],  # noqa: E731
                                    capture_output=True, text=True)
    assert run("--get", "memory_limit").stdout.strip() == sizing["derived"]["memory_limit"]
    bad = run("--get", "memory_limt")
    assert bad.returncode == 2 and "memory_limt" in bad.stderr


def test_image_appendix_bakes_data_and_models_outside_home_read_only():
    text = APPENDIX.read_text()
    env = dict(re.findall(r"(MNIST_DIR|COURSE_SHARED_MODELS)=(\S+)", text))
    assert env["MNIST_DIR"].startswith("/srv/") and env["COURSE_SHARED_MODELS"].startswith("/srv/")
    assert "course.data download --dir ${MNIST_DIR}" in text
    assert "tools/classroom.py bake --models ${COURSE_SHARED_MODELS}" in text
    assert "chown -R root:root" in text and "go=rX" in text
    assert re.search(r"^USER \$\{NB_USER\}\s*$", text.strip().splitlines()[-1])
    assert "nbgitpuller" in text


def test_bake_command_refuses_a_missing_notebook(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "classroom.py"), "bake", "--models",
                          str(tmp_path / "m"), str(tmp_path / "nope.ipynb")], capture_output=True, text=True)
    assert out.returncode == 2 and "nope.ipynb" in out.stderr


# -- the class's overview (deploy/class_insight): the same service, roles and address everywhere

INSIGHT_SCOPE = "access:services!service=class-insight"


def test_helm_runs_the_class_overview_in_the_hub_pod_and_tells_servers_where_it_is(helm):
    hub = helm["hub"]
    service = hub["services"]["class-insight"]
    assert service["command"][-1] == hub["extraFiles"]["class-insight"]["mountPath"]
    assert service["command"][-1].endswith("service.py")
    assert service["environment"]["CLASS_INSIGHT_DB"].startswith("/srv/jupyterhub/")  # the hub's volume
    port = int(service["url"].rsplit(":", 1)[1])
    assert port in [p["port"] for p in hub["service"]["extraPorts"]]
    assert INSIGHT_SCOPE in hub["loadRoles"]["server"]["scopes"]
    assert INSIGHT_SCOPE in hub["loadRoles"]["user"]["scopes"]
    # Only what it asks of the hub: a user's name, admin flag and groups.
    assert set(hub["loadRoles"]["class-insight"]["scopes"]) == {"read:users:name", "read:users:groups"}
    assert service["environment"]["CLASS_INSIGHT_BIND"] == "0.0.0.0"
    egress = helm["singleuser"]["networkPolicy"]["egress"]
    assert any(p["port"] == port for rule in egress for p in rule["ports"])
    assert "--set-file hub.extraFiles.class-insight.stringData=deploy/class_insight/service.py" \
        in HELM.read_text().split("singleuser:")[0].split("hub:")[0]          # in the install command
    url = helm["singleuser"]["extraEnv"]["CLASS_INSIGHT_URL"]
    assert url == f"{service['url']}/services/class-insight/"


def _tljh_snippet() -> str:
    text = TLJH.read_text()
    snippet = text.split('cat >> "$CONFIG_D/mnist-course.py" <<PYEOF\n', 1)[1].split("\nPYEOF", 1)[0]
    return snippet.replace("$HUB_PY", "/opt/tljh/hub/bin/python3").replace(
        "$INSIGHT", "/opt/tljh/hub/share/class-insight/service.py")


def test_tljh_adds_the_class_overview_to_the_hubs_own_configuration():
    from traitlets.config import Config
    assert "install -D -m 0644 deploy/class_insight/service.py" in TLJH.read_text()
    c = Config()
    exec(_tljh_snippet(), {"c": c})      # TLJH's config loader runs it the same way
    services = c.JupyterHub.services.get_value([])
    roles = {r["name"]: r for r in c.JupyterHub.load_roles.get_value([])}
    assert [s["name"] for s in services] == ["class-insight"]
    assert services[0]["command"][-1].endswith("class-insight/service.py")
    assert INSIGHT_SCOPE in roles["server"]["scopes"] and INSIGHT_SCOPE in roles["user"]["scopes"]
    env = c.Spawner.environment.get_value({})
    assert env["CLASS_INSIGHT_URL"] == services[0]["url"] + "/services/class-insight/"
    assert int(services[0]["url"].rsplit(":", 1)[1]) < 1024      # a port only root can take


def test_the_local_hub_gives_the_same_roles_as_helm_and_tljh(helm):
    local = (ROOT / "deploy" / "local" / "jupyterhub_config.py").read_text()
    for role in ("user", "server"):
        for scope in helm["hub"]["loadRoles"][role]["scopes"]:
            assert f'"{scope}"' in local, (role, scope)
    assert '"class-insight"' in local and "CLASS_INSIGHT_URL" in local
