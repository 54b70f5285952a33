# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
WORKSPACE ?= .safetykg
PORT ?= 8501

.PHONY: setup run build app test lint neo4j neo4j-stop bench bench-neo4j bench-large clean

$(BIN)/safetykg: pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "needs $(PY)"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

setup: $(BIN)/safetykg

build: setup
	$(BIN)/safetykg build data/corpus --workspace $(WORKSPACE)

app: setup
	SAFETYKG_WORKSPACE=$(WORKSPACE) $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

# set up, build the graph from data/ on the embedded store, start the app
run: build app

test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check .

neo4j: setup
	$(BIN)/safetykg neo4j start --workspace $(WORKSPACE)

neo4j-stop: setup
	$(BIN)/safetykg neo4j stop --workspace $(WORKSPACE)

bench: setup
	$(BIN)/python -m bench.quick

bench-neo4j: setup
	$(BIN)/python -m bench.bench_neo4j_load

bench-large: setup
	$(BIN)/python -m bench.large

clean:
	rm -rf $(WORKSPACE) test-artifacts .pytest_cache
