# The two commands a newcomer needs:  make run  (set up and open the program)  ·  make test  (set up and run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz screenshots system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/evaldesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The fuzz tests with many more examples than the suite runs (2,500 JSON files, 600 workbooks, 3,000 damaged data
# files): some 20-40 minutes. The suite runs the same tests quickly on every `make test`.
fuzz: $(STAMP)
	EVALDESK_FUZZ=long QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/fuzz

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

# Debian/Ubuntu libraries Qt needs (a desktop already has them; a bare server or CI does not). Needs root.
system-deps:
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	  libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 >/dev/null

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
