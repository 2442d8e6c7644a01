# Two commands on a fresh machine:
#   make site   install, generate the pages from seeds/ and build the site into site/
#   make test   install (with Debian's Chromium for the browser tests) and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test chromium bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

# STRICT=--strict makes any problem with an article (or a warning) stop the build instead of skipping it.
STRICT ?=

site: $(STAMP)
	$(BIN)/mkdocs build $(STRICT)
	@echo "The site is in site/ (open site/index.html, or run 'make serve' and visit http://127.0.0.1:8000/)."

serve: $(STAMP)
	$(BIN)/mkdocs serve

chromium:
	@command -v /usr/bin/chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Debian's chromium is not installed (sudo apt-get install chromium): browser tests will be skipped"; fi; }

test: $(STAMP) chromium
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(VENV)
