# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export TAGALONG_DATA_DIR ?= $(CURDIR)/var

.PHONY: run test setup lint format typecheck demo bench clean

$(STAMP): requirements.lock pyproject.toml package.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	npm install --silent --no-audit --no-fund --prefix $(CURDIR)
	$(BIN)/tagalong translations >/dev/null
	touch $(STAMP)

setup: $(STAMP)

## Start the app on SQLite with demo data and a worker, on http://127.0.0.1:8000/
run: $(STAMP)
	TAGALONG_DEBUG=true $(BIN)/tagalong demo
	TAGALONG_DEBUG=true $(BIN)/tagalong serve

## Set up, then run the whole test suite (SQLite unless DATABASE_URL is set)
test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP)
	$(BIN)/mypy

demo: $(STAMP)
	TAGALONG_DEBUG=true $(BIN)/tagalong demo

clean:
	rm -rf $(VENV) var node_modules
