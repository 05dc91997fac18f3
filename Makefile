# The two commands a newcomer needs:  make run  (set up and open the program)  ·  make test  (set up and run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz screenshots system-deps clean wheelhouse check-platforms bundle bundle-test

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

# Offline installs (they use the network here, at build time; what they make never does). docs/platforms.md says why.
# wheelhouse: out/wheelhouse/ — every wheel for Windows x64 and Linux x86_64 (glibc ≥ 2.28), Python 3.11–3.13, with
# install.sh / install.bat. check-platforms: the table of what installs where (exits 1 if a promise breaks).
wheelhouse: $(STAMP)
	$(BIN)/python scripts/packaging/make_wheelhouse.py

check-platforms: $(STAMP)
	$(BIN)/python scripts/packaging/check_platforms.py

# bundle: out/evaldesk-VERSION-linux-x86_64.tar.gz, a one-folder program with its own Python (PyInstaller). It needs
# the glibc of the machine it is built on: build on the oldest PC it must run on. bundle-test starts it under Xvfb.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' evaldesk/__init__.py)
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath out/bundle --workpath build/pyinstaller scripts/packaging/evaldesk.spec
	cp scripts/packaging/install-menu.sh scripts/packaging/evaldesk.desktop out/bundle/evaldesk/
	tar -C out/bundle -czf out/evaldesk-$(VERSION)-linux-x86_64.tar.gz evaldesk
	@du -sh out/bundle/evaldesk out/evaldesk-$(VERSION)-linux-x86_64.tar.gz

bundle-test: bundle
	EVALDESK_BUNDLE=out/bundle/evaldesk xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m pytest -p no:cacheprovider tests/packaging/test_bundle.py

# Debian/Ubuntu libraries Qt needs (a desktop already has them; a bare server or CI does not), and Xvfb for
# make bundle-test. Needs root.
system-deps:
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	  libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 xvfb xauth \
	  fcitx5 fcitx5-chinese-addons dbus xdotool binutils >/dev/null

clean:
	rm -rf $(VENV) build out *.egg-info .pytest_cache
