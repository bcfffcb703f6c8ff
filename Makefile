# The two commands of the README: `make demo` (set up, then run the main job on the bundled examples)
# and `make test` (set up, then run the tests). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= claimgraph.db

SMOKE ?= /tmp/claimgraph-smoke

.PHONY: setup demo test smoke bench clean

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
	@echo
	@echo "To read the ledger in a browser: $(BIN)/claimgraph serve --db $(DB)"
	@echo "then open http://127.0.0.1:8000/ (JSON under /api/v1; corrections need: claimgraph token create NAME)"

# The lint first (pyproject.toml's [tool.ruff]): a finding fails the target before the tests run.
# pytest exits 5 when it collected no tests: that tested nothing, so it is a failure here, said in words.
test: setup
	$(BIN)/ruff check .
	@$(BIN)/python -m pytest -q $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests (exit 5): nothing was tested" >&2; exit 1; fi; \
	exit $$rc

# Build the wheel, install it (not the editable tree) into a separate venv and smoke-test it from outside the
# checkout (.ci/wheel_smoke.py says what it checks).
smoke: setup
	rm -rf $(SMOKE) && mkdir -p $(SMOKE)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir $(SMOKE)/dist .
	$(PYTHON) -m venv $(SMOKE)/venv
	$(SMOKE)/venv/bin/pip install --quiet --upgrade pip
	$(SMOKE)/venv/bin/pip install --quiet $(SMOKE)/dist/claimgraph-*.whl
	cd $(SMOKE) && $(SMOKE)/venv/bin/python $(CURDIR)/.ci/wheel_smoke.py $(CURDIR) $$(ls $(SMOKE)/dist/claimgraph-*.whl)

bench: setup
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
