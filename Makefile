# The two commands a newcomer needs:  make run  (set up and open the program)  ·  make test  (set up and run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz screenshots system-deps clean wheelhouse check-platforms bundle bundle-test

# The interpreter is checked first; a venv left by another Python (or half made by a failed run) is made anew.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null || { \
	  echo "需要 Python 3.11、3.12 或 3.13（$(PYTHON) 是 $$($(PYTHON) -V 2>&1 || echo 无)）。例如：make $(MAKECMDGOALS) PYTHON=python3.11"; \
	  echo "Needs Python 3.11-3.13 ($(PYTHON) is $$($(PYTHON) -V 2>&1 || echo missing)). E.g.: make $(MAKECMDGOALS) PYTHON=python3.11"; \
	  exit 1; } >&2
	@if [ -d $(VENV) ] && [ "$$($(BIN)/python -V 2>&1)" != "$$($(PYTHON) -V 2>&1)" ]; then \
	  echo "$(VENV) 由另一 Python 建立或不完整：重新建立 / made anew"; rm -rf $(VENV); fi
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

# bundle: out/evaldesk-VERSION-linux-x86_64-glibc2.28.tar.gz, a one-folder program with its own Python (PyInstaller)
# that runs on glibc 2.28 (统信UOS 20, 银河麒麟 V10): its Python is built once with zig cc for glibc 2.28 (build/
# glibc228, 10-30 min), its wheels are manylinux_2_28; check_glibc.py fails the build if any ELF file in the folder
# needs more (docs/platforms.md). bundle-test starts it under Xvfb.
bundle: $(STAMP)
	$(BIN)/python scripts/packaging/build_bundle.py
	@du -sh out/bundle/evaldesk out/evaldesk-*-linux-x86_64-glibc2.28.tar.gz

bundle-test: bundle
	EVALDESK_BUNDLE=out/bundle/evaldesk xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m pytest -p no:cacheprovider tests/packaging/test_bundle.py

# Debian/Ubuntu libraries Qt needs (a desktop already has them; a bare server or CI does not), Xvfb for
# make bundle-test, fcitx5 with pinyin, D-Bus and xdotool for the Chinese-input test, binutils (objdump) and tcl
# (SQLite's sources) for make bundle. Needs root.
system-deps:
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	  libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 xvfb xauth \
	  fcitx5 fcitx5-chinese-addons dbus xdotool binutils tcl >/dev/null

clean:
	rm -rf $(VENV) build out *.egg-info .pytest_cache
