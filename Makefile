# Guichet — one entry point for newcomers, staff and CI.
# `make test` needs nothing but Python 3.10 (pyenv's 3.10.13 when present): it creates .venv,
# installs the pinned requirements, builds the catalogue and runs every test.

SHELL := /bin/bash
PYTHON_BOOT ?= $(shell if command -v pyenv >/dev/null 2>&1 && [ -x "$$(pyenv root)/versions/3.10.13/bin/python" ]; \
	then echo "$$(pyenv root)/versions/3.10.13/bin/python"; else command -v python3.10; fi)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

RASA := $(VENV)/bin/rasa

.PHONY: chromium install install-dev catalogue validate train run shell lint test test-fast bench bench-nlu \
	bench-latency bench-load bench-conversations

$(INSTALLED): requirements.txt
	@test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==24.0"
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_INSTALLED): requirements-dev.txt $(INSTALLED)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

# The web page's socket.io client comes from npm; the browser tests drive Debian's Chromium.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

chromium:
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

install: $(INSTALLED) node_modules/.package-lock.json

install-dev: install $(DEV_INSTALLED)

validate: install
	$(PY) -m services_catalog validate

catalogue: validate
	$(PY) -m services_catalog build

# A model is named after a hash of everything it is trained from, so `make train` trains only
# when no model matches the current data and config (rasa train alone always writes a new
# model). touch makes the matching model the newest, the one Rasa and the tests load.
MODEL_HASH := $(shell cat config.yml domain.yml requirements.txt $$(find data -type f | LC_ALL=C sort) | sha256sum | cut -c1-16)
MODEL := models/guichet-$(MODEL_HASH).tar.gz

$(MODEL): | $(INSTALLED)
	$(RASA) train --out models --fixed-model-name guichet-$(MODEL_HASH)

train: install $(MODEL)
	@touch $(MODEL)

run: catalogue train
	bash bot/serve.sh run

shell: catalogue train
	bash bot/serve.sh shell

# Lint, format and type checks (settings in pyproject.toml), as CI runs them.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Everything: the checks, catalogue unit tests, action tests, PostgreSQL/Redis tests, Rasa data
# validation and conversation tests, end-to-end tests against the real servers, browser tests.
test: lint catalogue train chromium
	$(PY) -m pytest tests -q

# The tiers that need no trained model and no running servers (about a minute): unit and services.
test-fast: install-dev catalogue
	$(PY) -m pytest tests -q -m "not (rasa or e2e or browser)"

bench: catalogue
	$(PY) -m bench.catalogue

bench-nlu: catalogue train
	$(PY) -m bench.nlu_eval

bench-latency: catalogue train
	$(PY) -m bench.turn_latency

bench-load: catalogue train
	$(PY) -m bench.load

# The two sets nobody tuned on (sets 1 and 2 were read to fix misses): each reported on its own.
bench-conversations: catalogue train
	$(PY) -m bench.conversations_eval --set heldout_conversations_3
	$(PY) -m bench.conversations_eval --set heldout_conversations_4
