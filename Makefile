# Two entry points: `make run` (the main job, offline) and `make test` (every test environment).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
TOOLS := .venv-tools
MAIN := .venv-main
TOX_ENVS ?= core,torch,mlx,gliner,parity,lint

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
	status=0; $(TOOLS)/bin/tox run-parallel -p 2 -e $(TOX_ENVS) --parallel-no-spinner || status=$$?; \
	$(TOOLS)/bin/python .ci/summarize_junit.py .tox/junit-*.xml; exit $$status

lint: $(TOOLS)/.ok
	$(TOOLS)/bin/tox -e lint

clean:
	rm -rf $(TOOLS) $(MAIN) .tox
