# Lintas: `make run` starts the app, `make test` runs the suite. Both build the
# virtual environment from pyproject.toml when it is missing or older than it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
PYTEST_ARGS ?=

.PHONY: run test bench faults lint translations lupdate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	$(BIN)/python -m ui.system_packages
	$(BIN)/python main.py

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# Every network and hub fault of docs/RELIABILITY.md, for real (about ten minutes; by hand).
faults: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.faults

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(QM)
