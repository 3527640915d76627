# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO := demo/demo.workshop

.PHONY: run test lint check-system demo clean benchmarks

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	@bash scripts/check-system.sh
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

check-system:
	@bash scripts/check-system.sh

$(DEMO): | $(STAMP)
	@mkdir -p demo
	$(VENV)/bin/workshop-app demo $(DEMO)

run: $(STAMP) $(DEMO)
	$(VENV)/bin/workshop-app open $(DEMO)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

benchmarks: $(STAMP)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script; done

clean:
	rm -rf $(VENV) build dist *.egg-info
