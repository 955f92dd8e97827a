# claimx: `make demo` sets up and extracts the bundled corpus; `make test` sets up and tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench quality lint clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,ray]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/claimx extract corpus/

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/speed.py --shared $(SHARED)
	$(BIN)/python bench/review.py --shared $(SHARED)

quality: setup
	$(BIN)/python bench/quality.py --shared $(SHARED)

lint: setup
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) out .pytest_cache
