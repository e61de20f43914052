# Two commands do everything on a fresh machine:
#   make lab    create .venv if missing, install the course, open chapter 0 in JupyterLab
#   make test   create .venv if missing, run every test (unit, notebooks, browser)
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Torch is installed first, on its own, so that you can choose the small CPU-only wheel:
#   make lab TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX ?=
STAMP := $(VENV)/.course-installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# The official 10k test set, when it sits beside the checkout, is used by extra checks
# and benchmarks (never needed): point MNIST_DIR at it unless you set MNIST_DIR yourself.
SHARED_MNIST := $(wildcard ../shared/data/mnist)
TEST_ENV := $(if $(MNIST_DIR),,$(if $(SHARED_MNIST),MNIST_DIR=$(abspath $(SHARED_MNIST))))
# The maths libraries' code paths that are safe to pin on this processor, and those that
# compute as another processor would (course/reproducible.py says what each does and when it
# is safe; the notebooks' kernels get them too). Read when a recipe runs, after the venv exists.
PINNED = $(shell $(BIN)/python -m course.reproducible)
ANOTHER_MACHINE = $(shell $(BIN)/python -m course.reproducible --another-machine)
# The newest Python this machine has, for make test-newest-python (PYTHON_NEWEST=... to choose).
PYTHON_NEWEST ?= $(shell tools/newest_python.sh)
NEWEST_VENV ?= .venv-newest
.PHONY: lab test test-another-machine test-newest-python venv browser notebooks teacher html pdf benchmarks weights clean hub hub-stop test-hub bench-hub bench-insight clean-hub

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, $(PYTHON) is " + sys.version.split()[0] + ". Name another one: make lab PYTHON=python3.12")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) "$(TORCH_SPEC)"
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# JupyterLab's file browser hides the chapters' sources, which hold the speaker notes
	@# (an editable install skips pyproject's data-files, so they are copied here).
	@mkdir -p $(VENV)/etc/jupyter/jupyter_server_config.d && cp deploy/learner/course-learner-view.json $(VENV)/etc/jupyter/jupyter_server_config.d/
	@touch $@
	@echo "The course's environment is ready in $(VENV)."

# LAB_ARGS passes extra options to JupyterLab, e.g. make lab LAB_ARGS="--port=9999"
lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/00_start_here.ipynb

# Debian's Chromium for the browser tests; they are skipped, saying why, when it is absent.
browser:
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium for the browser tests (apt-get install chromium)..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Could not install Chromium: the browser tests will be skipped."; \
	else echo "No Chromium found and no way to install it (needs root and apt-get): the browser tests will be skipped. Install Chromium, or set CHROMIUM=/path/to/chrome."; fi

test: $(STAMP) browser
	$(TEST_ENV) $(PINNED) $(BIN)/python -m pytest

# The notebooks, the saved runs and the shipped weights once more, computed as another
# processor would (torch's generic kernels, another OpenBLAS core type, two threads): the
# numbers must stay within the tolerances that benchmarks/spread.py measured.
# The code exercises too: a right function computed another way (a batch of one, a loop)
# must be accepted on that path as well.
ANOTHER_MACHINE_TESTS := notebooks tests/test_eigen_net_controls.py tests/test_weights_paths.py \
  tests/test_code_exercises.py tests/test_exercises_ch05b.py
# Its own model cache: the networks are trained afresh on that path, not loaded.
test-another-machine: $(STAMP)
	@cache=$$(mktemp -d); status=0; \
	$(TEST_ENV) $(ANOTHER_MACHINE) COURSE_MODEL_CACHE=$$cache $(BIN)/python -m pytest -p no:cacheprovider \
	  $(ANOTHER_MACHINE_TESTS) || status=$$?; rm -rf $$cache; exit $$status

# The unit tests and chapter 2 with the newest Python here, in its own venv (its own newest
# numpy and torch). Skipped, saying so, where no Python newer than 3.11 is found.
test-newest-python:
	@if [ -z "$(PYTHON_NEWEST)" ]; then echo "No python3.12 or newer found: test-newest-python skipped. Name one: make test-newest-python PYTHON_NEWEST=/path/to/python3.13"; \
	else $(MAKE) --no-print-directory venv PYTHON=$(PYTHON_NEWEST) VENV=$(NEWEST_VENV) && \
	  $(NEWEST_VENV)/bin/python -c 'import sys, numpy, torch; print("newest Python:", sys.version.split()[0], "numpy", numpy.__version__, "torch", torch.__version__)' && \
	  $(TEST_ENV) env $$($(NEWEST_VENV)/bin/python -m course.reproducible) $(NEWEST_VENV)/bin/python -m pytest -p no:cacheprovider \
	    tests notebooks/02_network_from_scratch.ipynb --ignore=tests/test_browser.py --ignore=tests/test_accessibility.py; fi

# The learner's edition: every notebooks/NN_name.ipynb built from its source NN_name.py
# without the speaker notes, and executed (outputs committed). NB=02 for one chapter.
notebooks: $(STAMP)
	$(PINNED) $(BIN)/python tools/build_notebooks.py $(NB)

# The teacher's edition, to present with RISE: build/teacher/NN_name.ipynb, the whole
# source with its speaker notes, executed (not committed). NB=02 for one chapter.
teacher: $(STAMP)
	$(PINNED) $(BIN)/python tools/build_notebooks.py --teacher $(NB)

# The static course to read without running: build/html/index.html and a page per chapter.
html: $(STAMP)
	$(BIN)/python tools/build_html.py

# Handouts: each chapter of the static course printed to build/pdf/NN_name.pdf (Chromium).
pdf: html browser
	$(BIN)/python tools/build_pdf.py

benchmarks: $(STAMP)
	$(TEST_ENV) $(BIN)/python benchmarks/notebook_budgets.py
	$(TEST_ENV) $(BIN)/python benchmarks/spread.py

# Remake what the package ships: the font digits (needs Debian's DejaVu and Liberation
# fonts) and the trained MLP and CNN with their record (a few minutes on one core).
# The networks' numbers in chapters 3-5b change with them: re-execute those notebooks.
# (Other processors train other weights, within the spread that benchmarks/spread.py measures.)
weights: $(STAMP)
	$(PINNED) $(BIN)/python -m course.font_digits
	$(TEST_ENV) $(PINNED) $(BIN)/python tools/make_weights.py

clean:
	rm -rf $(VENV) $(NEWEST_VENV) tests/artifacts .pytest_cache build

# A classroom JupyterHub on 127.0.0.1 (docs/teaching.md, "A class on a JupyterHub"). As root:
# the students are system users. The students' environment is built once (a few minutes) in
# HUB_PREFIX, which every user can read; the proxy comes from npm (deploy/local/package.json).
#   make hub        start a hub with three test students (HUB_PORT, default 8000)
#   make hub-stop   stop it and remove the test students
#   make test-hub   the classroom tests: K students at once, isolation, nbgitpuller's merge
#   make bench-hub  the per-student figures behind deploy/sizing.yaml
#   make bench-insight  the class's overview: 120 students x 30 answers
HUB_STAMP := $(VENV)/.hub-installed
HUB_PORT ?= 8000
HUB_PREFIX ?= /opt/mnist-course-hub
# Notebooks run once to bake their trained models into the shared folder (default: all).
HUB_BAKE ?=
export HUB_PREFIX

$(HUB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,hub]'
	@touch $@

hub: $(HUB_STAMP)
	$(TEST_ENV) $(BIN)/python tools/classroom.py up --port $(HUB_PORT) $(if $(HUB_BAKE),--bake $(HUB_BAKE))

hub-stop:
	@$(PYTHON) tools/classroom.py down

test-hub: $(HUB_STAMP) browser
	@status=0; $(TEST_ENV) COURSE_HUB_TESTS=1 $(BIN)/python -m pytest tests/test_hub.py tests/test_hub_insight.py tests/test_deploy.py \
	  -p no:cacheprovider || status=$$?; \
	cat build/hub/hub_class.txt 2>/dev/null || true; exit $$status

bench-hub: $(HUB_STAMP) browser
	$(TEST_ENV) $(BIN)/python benchmarks/hub_class.py

# The class's overview under a class: 120 students x 30 answers, latency and memory.
bench-insight: $(HUB_STAMP)
	$(TEST_ENV) $(BIN)/python benchmarks/class_insight_load.py

clean-hub: hub-stop
	rm -rf $(HUB_PREFIX) build/hub
