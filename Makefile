# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install clean

$(STAMP): pyproject.toml setup.py tracker/timeline/_fold.pyx
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,bench]'
	touch $(STAMP)

install: $(STAMP)

# The main job on the embedded SQLite default: schema, the shipped feed list, then the daemon
# (poll every ~45 s, projections caught up, digest daily at 07:00 UTC) until Ctrl-C.
run: $(STAMP)
	$(BIN)/tracker init
	$(BIN)/tracker feeds import tracker/data/feeds.opml
	$(BIN)/tracker daemon

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) build *.egg-info
