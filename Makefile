# claimx: `make demo` sets up and extracts the bundled corpus; `make test` sets up and tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench bench-compare quality incidents lint clean

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

quality: setup
	$(BIN)/python bench/quality.py --shared $(SHARED)

incidents: setup
	$(BIN)/python bench/incidents.py --shared $(SHARED)

bench-compare: setup
	mkdir -p out
	$(BIN)/claimx extract $(SHARED)/corpus/fakes --jobs 1 -o out/corpus-records.jsonl
	$(BIN)/python bench/compare_speed.py out/corpus-records.jsonl

lint: setup
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) out .pytest_cache
