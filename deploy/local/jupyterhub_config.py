# JupyterHub on one machine for the course: what `make hub` and the classroom tests run.
#
# The same choices as The Littlest JupyterHub, with the parts spelled out: every student is
# a system user whose server runs as that user (LocalProcessSpawner), from one shared
# environment; the course arrives by the nbgitpuller link; the idle culler stops servers
# nobody uses. tools/classroom.py fills the CLASSROOM_* variables and starts it:
#     jupyterhub -f deploy/local/jupyterhub_config.py
# Students log in with a shared password (DummyAuthenticator): for trying a hub on
# 127.0.0.1 only. A hub that others reach needs real accounts (see docs/teaching.md).
import json
import os
import sys
from pathlib import Path

import yaml

c = get_config()  # noqa: F821 (JupyterHub's config loader provides it)
env = os.environ
state = Path(env["CLASSROOM_STATE"])
sizing = yaml.safe_load((Path(__file__).resolve().parents[1] / "sizing.yaml").read_text())

# Only this machine can reach the hub, its API and the proxy's API.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(env["CLASSROOM_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env["CLASSROOM_HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['CLASSROOM_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [env["CLASSROOM_PROXY"]]
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Students: system users made beforehand (tools/classroom.py create_student), one password.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = env["CLASSROOM_PASSWORD"]
c.Authenticator.allowed_users = set(filter(None, env["CLASSROOM_STUDENTS"].split(",")))

# Each student's server runs as the student, from the shared environment, in their home.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(Path(env["CLASSROOM_PREFIX"]) / "user" / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = env.get("CLASSROOM_DEFAULT_URL") or "/lab"  # the nbgitpuller link: chapter 0
c.Spawner.environment = json.loads(env["CLASSROOM_STUDENT_ENV"])  # shared data and models, PATH
c.Spawner.start_timeout = 600  # a class logging in at once on a small machine
c.Spawner.http_timeout = 300
# Informational here (LocalProcessSpawner passes them on as MEM_LIMIT, CPU_LIMIT); TLJH's
# systemd spawner and Kubernetes enforce the same figures, from deploy/sizing.yaml.
c.Spawner.mem_limit = sizing["derived"]["memory_limit"]
c.Spawner.cpu_limit = float(sizing["derived"]["cpu_limit"])
if env.get("CLASSROOM_EXPOSE_APP"):  # tests drive JupyterLab through window.jupyterapp
    c.Spawner.args = ["--LabApp.expose_app_in_browser=True"]

# An admin service for tools/classroom.py: it makes the simulated students' API tokens.
c.JupyterHub.services = [
    {"name": "classroom-admin", "api_token": env["CLASSROOM_ADMIN_TOKEN"]},
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                 f"--timeout={sizing['policy']['cull_timeout_s']}",
                 f"--cull-every={sizing['policy']['cull_every_s']}"]},
]
c.JupyterHub.load_roles = [
    {"name": "classroom-admin", "services": ["classroom-admin"],
     "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"]},
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
]

# The class's overview (deploy/class_insight/service.py): every student's checked answers,
# for the teachers. The students' servers send them with their own token (the "server"
# role may reach the service); the service asks the hub who is a teacher (an admin, or in
# the group "teachers"); the answers stay in the hub's state folder. Its port is below 1024
# (tools/classroom.py picks it): only root, which runs the hub, can listen there, so a
# student's own process cannot take the port while the service restarts.
insight = Path(__file__).resolve().parents[1] / "class_insight" / "service.py"
insight_port = int(env["CLASSROOM_INSIGHT_PORT"])
teachers = [t for t in env.get("CLASSROOM_TEACHERS", "").split(",") if t]
c.JupyterHub.services.append({
    "name": "class-insight", "url": f"http://127.0.0.1:{insight_port}",
    "command": [sys.executable, str(insight)], "oauth_no_confirm": True,
    "environment": {"CLASS_INSIGHT_DB": str(state / "class_insight.sqlite"),
                    "CLASS_INSIGHT_TEACHERS": "teachers"}})
c.JupyterHub.load_roles += [
    {"name": "user", "scopes": ["self", "access:services!service=class-insight"]},
    {"name": "server", "scopes": ["users:activity!user", "access:servers!server",
                                  "access:services!service=class-insight"]},
    {"name": "class-insight", "services": ["class-insight"],
     "scopes": ["read:users:name", "read:users:groups"]},
]
c.JupyterHub.load_groups = {"teachers": {"users": teachers}}
c.Authenticator.allowed_users |= set(teachers)   # they log in to see the overview; no server needed
c.Spawner.environment["CLASS_INSIGHT_URL"] = f"http://127.0.0.1:{insight_port}/services/class-insight/"
