#!/usr/bin/env bash
# The course on The Littlest JupyterHub (TLJH): one server for a class.
#
# 1. Install TLJH on a fresh Ubuntu/Debian server (https://tljh.jupyter.org, "Installing on
#    your own server"), with yourself as admin:
#        curl -L https://tljh.jupyter.org/bootstrap.py | sudo python3 - --admin TEACHER
# 2. On that server, from a clone of the course, run this script as root:
#        git clone https://github.com/OWNER/REPOSITORY /srv/mnist-course-src
#        sudo /srv/mnist-course-src/deploy/tljh/setup.sh https://github.com/OWNER/REPOSITORY
# 3. Give the students the link (its hub address is the server's):
#        python3 tools/hub_link.py --hub https://HUB-ADDRESS --repo https://github.com/OWNER/REPOSITORY
#
# What it does: installs torch (CPU build) and the course into TLJH's user environment
# (/opt/tljh/user, which already has nbgitpuller); puts full MNIST and every model the
# course trains into /srv/mnist-course-shared, owned by root and read-only for students;
# points every student's server at them (MNIST_DIR, COURSE_SHARED_MODELS) and at the
# nbgitpuller link (the default URL: the course arrives in ~/mnist-course, chapter 0
# opens); sets the memory and CPU limits and the idle culler from deploy/sizing.yaml;
# adds the class's overview, which shows the hub's admins what the class gets wrong.
# TLJH gives every student a system user whose home only they can read.
set -euo pipefail
REPO=${1:?"usage: deploy/tljh/setup.sh COURSE_GIT_URL (e.g. https://github.com/OWNER/REPOSITORY)"}
USER_ENV=${TLJH_USER_ENV:-/opt/tljh/user}
SHARED=${COURSE_SHARED:-/srv/mnist-course-shared}
CONFIG_D=${TLJH_CONFIG_D:-/opt/tljh/config/jupyterhub_config.d}
TORCH_INDEX=${TORCH_INDEX:-https://download.pytorch.org/whl/cpu}
PY=$USER_ENV/bin/python
cd "$(dirname "$0")/../.."
[ "$(id -u)" = 0 ] || { echo "setup.sh: run as root (sudo)." >&2; exit 2; }
[ -x "$PY" ] || { echo "setup.sh: no Python at $PY: install TLJH first (step 1)." >&2; exit 2; }

# The course, not editable: students cannot change its code.
"$PY" -m pip install --index-url "$TORCH_INDEX" "torch>=2.13"
"$PY" -m pip install . "nbgitpuller>=1.3"

# Shared, read-only data and models: downloaded and trained once, here, for everyone.
mkdir -p "$SHARED/mnist"
"$PY" -m course.data download --dir "$SHARED/mnist" \
  || echo "Full MNIST could not be downloaded; students get the bundled 5,000 digits."
"$PY" tools/classroom.py bake --mnist "$SHARED/mnist" --models "$SHARED/models" notebooks/[0-9][0-9]*.ipynb
chown -R root:root "$SHARED"
chmod -R u=rwX,go=rX "$SHARED"

# Every student's server: the shared folders, and the nbgitpuller link as the default URL.
mkdir -p "$CONFIG_D"
cat > "$CONFIG_D/mnist-course.py" <<PYEOF
c.Spawner.environment.update({"MNIST_DIR": "$SHARED/mnist", "COURSE_SHARED_MODELS": "$SHARED/models"})
c.Spawner.default_url = "$("$PY" tools/hub_link.py --server-path --repo "$REPO")"
PYEOF

# The class's overview (deploy/class_insight, docs/teaching.md): a service of the hub that
# collects the students' checked answers, at https://HUB-ADDRESS/services/class-insight/,
# for the members of the hub group "teachers" (make it in the hub's admin page, Groups) and
# the hub's admins. Its answers stay in TLJH's state folder. It listens on a port below
# 1024, which only root (the hub) can take: a student's process cannot stand in for it
# while it restarts.
HUB_PY=${TLJH_HUB_PYTHON:-/opt/tljh/hub/bin/python3}
INSIGHT=/opt/tljh/hub/share/class-insight/service.py
install -D -m 0644 deploy/class_insight/service.py "$INSIGHT"
cat >> "$CONFIG_D/mnist-course.py" <<PYEOF
c.JupyterHub.services.append({
    "name": "class-insight", "url": "http://127.0.0.1:1011", "oauth_no_confirm": True,
    "command": ["$HUB_PY", "$INSIGHT"],
    "environment": {"CLASS_INSIGHT_DB": "/opt/tljh/state/class_insight.sqlite",
                    "CLASS_INSIGHT_TEACHERS": "teachers"}})
c.JupyterHub.load_roles.extend([
    {"name": "user", "scopes": ["self", "access:services!service=class-insight"]},
    {"name": "server", "scopes": ["users:activity!user", "access:servers!server",
                                  "access:services!service=class-insight"]},
    {"name": "class-insight", "services": ["class-insight"],
     "scopes": ["read:users:name", "read:users:groups"]}])
c.Spawner.environment.update({"CLASS_INSIGHT_URL": "http://127.0.0.1:1011/services/class-insight/"})
PYEOF

# Limits and the idle culler, from the sizing table (TLJH enforces limits, not guarantees).
tljh-config set limits.memory "$("$PY" tools/sizing.py --get memory_limit)"
tljh-config set limits.cpu "$("$PY" tools/sizing.py --get cpu_limit)"
tljh-config set services.cull.timeout "$("$PY" tools/sizing.py --get cull_timeout_s)"
tljh-config set services.cull.every "$("$PY" tools/sizing.py --get cull_every_s)"
tljh-config set user_environment.default_app jupyterlab
tljh-config reload hub
echo "Done. Students' link: python3 tools/hub_link.py --hub https://HUB-ADDRESS --repo $REPO"
