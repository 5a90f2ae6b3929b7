# commcli — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
COMMCLI := $(VENV)/bin/commcli
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test browser bench install catalogs schemas golden clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PIP) install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

# Build the sample workspace's outputs into out/.
demo: $(STAMP)
	@$(PY) -m commcli.demo

test: $(TEST_STAMP) browser
	$(PY) -m pytest

# The browser tests drive Debian's Chromium through Playwright (never a downloaded browser): install it when missing.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x "$(CHROMIUM)" ] && ! command -v chromium >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || { sudo -n true 2>/dev/null && SUDO="sudo -n"; }; \
	  if command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] || [ -n "$$SUDO" ]; }; then \
	    echo "Installing Chromium (Debian package 'chromium') for the browser tests..."; \
	    { $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	      $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/tmp/commcli-apt-chromium.log 2>&1 \
	      || echo "Could not install chromium (see /tmp/commcli-apt-chromium.log): the browser tests will be skipped."; \
	  else \
	    echo "Chromium is missing and cannot be installed here (needs root): the browser tests will be skipped. Install it with: sudo apt-get install chromium"; \
	  fi; \
	fi

bench: $(TEST_STAMP)
	@for b in bench/[!_]*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# Translations: extract messages, update the catalogues, compile them (commit the .po and .mo).
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract -k _ -k N_ -k ngettext:1,2 --no-location --sort-output -o commcli/locale/commcli.pot commcli
	$(VENV)/bin/pybabel update -i commcli/locale/commcli.pot -d commcli/locale -D commcli --no-fuzzy-matching
	$(VENV)/bin/pybabel compile -d commcli/locale -D commcli --statistics

# JSON Schemas for editors, generated from the models.
schemas: $(STAMP)
	$(PY) -m commcli.schemas schemas

# Regenerate the golden files deliberately (review the diff before committing).
golden: $(TEST_STAMP)
	COMMCLI_UPDATE_GOLDEN=1 $(PY) -m pytest tests -k golden

clean:
	rm -rf out .pytest_cache
