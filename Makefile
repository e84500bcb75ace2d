# Every target makes .venv on first use, so a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
DEV_DEPS := $(VENV)/.dev-deps
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
PIP := $(BIN)/python -m pip install --disable-pip-version-check --quiet

.PHONY: serve build test lint audit browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The build core (hooks/studykit) installs editable, so hooks, tests and scripts import it by name.
$(SITE_DEPS): requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -e .
	touch $@

$(DEV_DEPS): requirements-dev.txt $(SITE_DEPS)
	$(PIP) -r requirements-dev.txt
	touch $@

serve: $(SITE_DEPS)
	$(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

build: $(SITE_DEPS)
	$(MKDOCS) build --strict --site-dir site

browser: $(DEV_DEPS)
	@scripts/ensure-browser.sh

# Two test workers (these machines have two cores); tests/conftest.py builds the site in the background
# meanwhile, and orders the tests so that the ones that need no site run while it builds. The loadgroup
# scheduler hands out one test at a time in that order (pytest 9.2 no longer lets pytest-xdist group
# tests, so each test is its own unit), and --no-loadscope-reorder keeps the order.
test: $(DEV_DEPS) browser
	$(BIN)/python -m pytest -n 2 --dist loadgroup --no-loadscope-reorder

lint: $(DEV_DEPS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml .github/dependabot.yml
	$(BIN)/zizmor --offline .github/workflows

# Lighthouse on every page; AUDIT_FLAGS passes options to scripts/audit.py (see --help).
# audit-side is `make audit AUDIT_FLAGS="--side-by-side"`: what the site's own scripts and styles cost.
AUDIT_FLAGS ?=
.PHONY: audit-side

audit: $(DEV_DEPS) build browser
	$(BIN)/python scripts/audit.py site $(AUDIT_FLAGS)

audit-side: $(DEV_DEPS) build browser
	$(BIN)/python scripts/audit.py site --side-by-side $(AUDIT_FLAGS)

clean:
	rm -rf site .pytest_cache
