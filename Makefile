# Two entry points: `make run` (the main job, offline) and `make test` (every test environment).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
TOOLS := .venv-tools
MAIN := .venv-main
TOX_ENVS ?= core,torch,mlx,gliner,parity,harness,lint
# The harness env runs on Python 3.13 (europriv-bench needs it): $PY313, python3.13 on PATH, or the
# newest pyenv 3.13 (see .ci/find_python313.sh); tox is told where it is with --discover.
PY313_FIND := sh .ci/find_python313.sh

.PHONY: run test lint clean

$(TOOLS)/.ok:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install -q "tox>=4.20,<5"
	touch $@

$(MAIN)/.ok: kp_core/pyproject.toml plugins/kp_torch_runtime/pyproject.toml kp_torch/pyproject.toml
	$(PYTHON) -m venv $(MAIN)
	$(MAIN)/bin/python -m pip install -q torch==2.13.0
	$(MAIN)/bin/python -m pip install -q torch==2.13.0 -e './kp_core[bases]' -e ./plugins/kp_torch_runtime -e ./kp_torch
	touch $@

run: $(MAIN)/.ok
	$(MAIN)/bin/kp main --overwrite  # a second run replaces the first's runs/main

test: $(TOOLS)/.ok
	rm -f .tox/junit-*.xml
	discover=""; case ",$(TOX_ENVS)," in *,harness,*) py313=$$($(PY313_FIND)) || exit 1; discover="--discover $$py313";; esac; \
	status=0; $(TOOLS)/bin/tox run-parallel -p 2 -e $(TOX_ENVS) --parallel-no-spinner $$discover || status=$$?; \
	$(TOOLS)/bin/python .ci/summarize_junit.py .tox/junit-*.xml; exit $$status

lint: $(TOOLS)/.ok
	$(TOOLS)/bin/tox -e lint

clean:
	rm -rf $(TOOLS) $(MAIN) .tox
