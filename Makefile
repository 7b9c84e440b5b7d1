# Two commands matter: `make run` and `make test`. Both set up .venv first and are quiet when it is ready.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip -q --disable-pip-version-check
ADDRESS ?= 127.0.0.1
PORT ?= 8501
ARGS ?=

.PHONY: run test lint bench train imagenet screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Stamps record which requirement files are installed, so a second run installs nothing.
$(VENV)/.app-stamp: requirements.txt | $(BIN)/python
	$(PIP) install -r requirements.txt
	@touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-dev.txt | $(BIN)/python
	$(PIP) install -r requirements-dev.txt
	@touch $(VENV)/.app-stamp $@

run: $(VENV)/.app-stamp
	$(BIN)/streamlit run streamlit_app.py --server.address $(ADDRESS) --server.port $(PORT) $(ARGS)

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest $(ARGS)

bench: $(VENV)/.dev-stamp
	$(BIN)/python -m bench $(ARGS)

# Retrain every shipped model (minutes on 2 cores each); cards and .tflite files are rewritten.
# The demos come from the catalog (engine/<demo>/demo.py), in its order.
train: $(VENV)/.dev-stamp
	for demo in $$($(BIN)/python -m engine demos); do $(BIN)/python -m engine train $$demo || exit 1; done

# Every page at 1400x1000 and 390x844 into docs/screenshots (small PNGs); Home is the README's.
screenshots: $(VENV)/.dev-stamp
	PERCEPTION_LAB_SHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser/test_screenshots.py
	cp docs/screenshots/home-1400x1000.png docs/home.png

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache

# Rebuild models/imagenet.tflite (+ card, licence, NOTICE) from ../shared/imagenet; checks both sha256s.
imagenet: $(VENV)/.dev-stamp
	$(BIN)/python -m engine.perception.build_imagenet
