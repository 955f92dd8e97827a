# claimx: `make demo` sets up and extracts the bundled corpus; `make test` sets up and tests.
# Recipes are silent and pip talks on stderr: `make demo > records.jsonl` holds records only.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
BASE   := $(VENV)/.installed-base
FULL   := $(VENV)/.installed

.PHONY: setup demo test bench bench-compare quality incidents lint clean

$(BASE): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install -q --upgrade pip >&2
	@$(BIN)/python -m pip install -q -e . >&2
	@$(BIN)/python -m claimx.incidents.places >&2  # the gazetteer's index, once per machine (not in the first extract)
	@touch $(BASE)

# the test suite needs the dev tools and Ray (its tests run in CI); the demo needs neither
$(FULL): $(BASE)
	@$(BIN)/python -m pip install -q -e '.[dev,ray]' >&2
	@touch $(FULL)

setup: $(FULL)

demo: $(BASE)
	@$(BIN)/claimx extract corpus/

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/speed.py --shared $(SHARED)
	$(BIN)/python bench/review.py --shared $(SHARED)

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
