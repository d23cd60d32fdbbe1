# CSST platform — the front door. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
LOCK := requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000

# Settings come from the environment; a local .env (see .env.example) is read if present.
-include .env
export

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(PIP) install --quiet -c $(LOCK) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet -c $(LOCK) -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create .venv and install the platform

demo: export DEBUG ?= true
demo: $(VENV)/.installed ## Set up the demo on SQLite (var/) and serve http://127.0.0.1:8000/
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/ (French: /fr/, English: /en/) — Ctrl-C to stop"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev ## Run the whole suite (SQLite, or DATABASE_URL when set)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py makemigrations --check --dry-run > /dev/null \
		|| (echo "Model changes without a migration: run manage.py makemigrations" && exit 1)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Check style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev ## Reformat the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed ## Update locale/fr .po from the code and compile .mo (needs gettext)
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py makemessages --locale fr --ignore '$(VENV)/*' --ignore 'var/*' --no-obsolete
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py compilemessages --locale fr --ignore '$(VENV)/*'

bench: $(VENV)/.installed-dev ## Print benchmark ratios against a same-run baseline
	$(PY) bench/run.py

lock: $(VENV)/bin/python ## Re-resolve the pinned constraints from pyproject.toml
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --upgrade pip && var/lock-venv/bin/pip install --quiet -e '.[dev]'
	var/lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > $(LOCK)
	rm -rf var/lock-venv

clean: ## Remove the virtualenv and the demo database
	rm -rf $(VENV) var

.PHONY: help install demo test lint format messages bench lock clean
