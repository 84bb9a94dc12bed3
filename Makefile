# Two commands do all the set-up: `make run` and `make test`. Both create .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# versi.json is written last by every build (kinerja/partitions.py)
DATA := data/normalised/versi.json
SOURCES := $(wildcard data/raw/*) $(wildcard data/config/*) $(wildcard kinerja/*.py kinerja/ingest/*.py kinerja/build/*.py)
PORT ?= 8501

.PHONY: run test data check lint clean system bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Always into data/normalised: with KINERJA_DATA_DIR set, `make run` serves that dataset and must not
# rebuild it from the documents of data/raw.
$(DATA): $(VENV)/.installed $(SOURCES)
	$(PY) -m kinerja build --out data/normalised

data: $(DATA)

run: $(DATA)
	@$(PY) -m kinerja pengguna periksa
	$(PY) -m streamlit run dashboard.py --server.port $(PORT) --server.headless true

system:
	bash scripts/install-system.sh

test: $(VENV)/.installed system
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q

# make bench: the seed documents in data/. make bench SCALE=kabupaten|nasional: a dataset generated once
# into bench/data/<scale> (bench/generate.py), served from there.
SCALE ?=
ifeq ($(strip $(SCALE)),)
bench: $(DATA)
	$(PY) bench/run.py
else
BENCH_DATA := $(CURDIR)/bench/data/$(SCALE)
bench: $(BENCH_DATA)/bangkitan.json
	KINERJA_DATA_DIR=$(BENCH_DATA) KINERJA_REALISASI_DIR= $(PY) bench/run.py

$(BENCH_DATA)/bangkitan.json: | $(VENV)/.installed
	$(PY) bench/generate.py --scale $(SCALE) --out $(BENCH_DATA)
endif

check: $(VENV)/.installed
	$(PY) -m kinerja check

lint: $(VENV)/.installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) data/normalised bench/data
