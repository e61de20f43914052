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
# The maths libraries' AVX2 code paths, so that numbers match the committed notebooks on any
# x86-64 machine (course/reproducible.py says why; the notebooks' kernels get them too).
PINNED := OPENBLAS_CORETYPE=Haswell MKL_CBWR=AVX2 ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 PYTHONHASHSEED=0

.PHONY: lab test venv browser notebooks html pdf benchmarks clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, $(PYTHON) is " + sys.version.split()[0] + ". Name another one: make lab PYTHON=python3.12")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) "$(TORCH_SPEC)"
	$(BIN)/python -m pip install --quiet -e '.[test]'
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

# Regenerate every .ipynb from its jupytext .py twin and execute it (outputs committed).
notebooks: $(STAMP)
	$(PINNED) $(BIN)/python tools/build_notebooks.py $(NB)

# The static course to read without running: build/html/index.html and a page per chapter.
html: $(STAMP)
	$(BIN)/python tools/build_html.py

# Handouts: each chapter of the static course printed to build/pdf/NN_name.pdf (Chromium).
pdf: html browser
	$(BIN)/python tools/build_pdf.py

benchmarks: $(STAMP)
	$(TEST_ENV) $(BIN)/python benchmarks/notebook_budgets.py

clean:
	rm -rf $(VENV) tests/artifacts .pytest_cache build
