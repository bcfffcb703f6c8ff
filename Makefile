# The two commands of the README: `make demo` (set up, then run the main job on the bundled examples)
# and `make test` (set up, then run the tests). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= claimgraph.db

.PHONY: setup demo test bench clean

$(BIN)/claimgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

setup: $(BIN)/claimgraph

demo: setup
	$(BIN)/claimgraph ingest examples/ --db $(DB)
	$(BIN)/claimgraph attributions --db $(DB) --limit 25
	$(BIN)/claimgraph speakers --db $(DB)
	-$(BIN)/claimgraph link-claims --db $(DB) && $(BIN)/claimgraph claims --db $(DB) --limit 10

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
