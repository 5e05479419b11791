# Two commands set everything up on a fresh machine:
#   make serve   create .venv, install the site's pinned runtime, build, serve on 127.0.0.1:8000
#                (an edit rebuilds only the changed page and its topic overview: --dirty, which
#                MkDocs warns about, so not --strict; make check is the strict build; the plugins
#                keep what the other pages gave them; no git dates and no print page, which read
#                every page on every edit; scripts/bench/bench_serve.py times it)
#   make check   the contributor's check: changed notebooks, then content rules beside a strict build (seconds)
#   make test    install what the tests need (dev tools, Chromium), lint, check, then every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Front-end packages (KaTeX for the build, the formulas' font, …), pinned in package-lock.json.
NODE_MODULES := node_modules/.package-lock.json
# Lighthouse, pinned in its own folder, for `make lighthouse` only (never installed by `make test`).
LIGHTHOUSE_DIR := scripts/bench/lighthouse-npm
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.package-lock.json

.PHONY: serve build check test lint format import bench bench-scale lighthouse chromium pdf offline clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(VENV)/.runtime $@

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(LIGHTHOUSE): $(LIGHTHOUSE_DIR)/package.json $(LIGHTHOUSE_DIR)/package-lock.json
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --loglevel=error

build: $(VENV)/.runtime $(NODE_MODULES)
	$(BIN)/mkdocs build --strict

serve: build
	GIT_DATES=false PRINT_PAGE=false $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Debian's Chromium for the browser tests (Playwright's own download does not work here), and
# poppler-utils (pdftotext, pdffonts, pdftoppm) that read the PDF edition back.
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftotext ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; \
	fi

# The PDF edition and the offline copy, written to site/downloads/ so they publish with the site.
pdf: build $(VENV)/.dev chromium
	$(BIN)/llm-interview pdf

offline: $(VENV)/.runtime $(NODE_MODULES)
	$(BIN)/llm-interview offline

# Python: ruff (format and lint). JavaScript: Biome, pinned in package-lock.json (biome.json).
lint: $(VENV)/.dev $(NODE_MODULES)
	$(BIN)/ruff format --check src scripts tests drills
	$(BIN)/ruff check src scripts tests drills
	npx --no-install biome ci --colors=off

format: $(VENV)/.dev $(NODE_MODULES)
	$(BIN)/ruff format src scripts tests drills
	$(BIN)/ruff check --fix src scripts tests drills
	npx --no-install biome check --write

# One message per mistake, with its file and line; stops at the first step that fails.
check: $(VENV)/.dev $(NODE_MODULES)
	$(BIN)/llm-interview check

test: $(VENV)/.dev $(NODE_MODULES) chromium lint check
	node --test tests/js/
	$(BIN)/python -m pytest

# Re-import the seed dump into docs/ (adds only entries that are not on the pages yet).
import: $(VENV)/.runtime
	$(BIN)/llm-interview import --report build/import-report.json

# Speed budgets: each script prints its figures (tests check behaviour, not timings).
bench: $(VENV)/.dev $(NODE_MODULES) chromium
	$(BIN)/python scripts/bench/bench_check.py
	$(BIN)/python scripts/bench/bench_import.py
	$(BIN)/python scripts/bench/bench_search.py
	$(BIN)/python scripts/bench/bench_notebooks.py
	$(BIN)/python scripts/bench/bench_practice.py
	$(BIN)/python scripts/bench/bench_pdf.py
	$(BIN)/python scripts/bench/bench_drills.py

# The site at 1x and 10x the question bank (several minutes; see the script for --scales 100,
# --pagefind, --lighthouse and --against DIR).
bench-scale: $(VENV)/.dev $(NODE_MODULES) chromium
	$(BIN)/python scripts/bench/bench_scale.py --scales 1,10

# Lighthouse (mobile and desktop, median of 3) on the default pages of the built site; for other
# sites side by side: .venv/bin/python scripts/bench/lighthouse.py --site ours=site --site NAME=DIR:PAGE
lighthouse: build $(LIGHTHOUSE) chromium
	$(BIN)/python scripts/bench/lighthouse.py

clean:
	rm -rf site build .cache .pytest_cache node_modules $(LIGHTHOUSE_DIR)/node_modules
