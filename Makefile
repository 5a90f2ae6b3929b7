# commcli — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
COMMCLI := $(VENV)/bin/commcli
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test bench install catalogs schemas golden clean

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

test: $(TEST_STAMP)
	$(PY) -m pytest

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
