#!/usr/bin/env bash
# A Python 3.11 for the program folder that needs no more than glibc 2.28 (统信UOS 20, 银河麒麟 V10, Debian 10),
# built on any newer x86_64 Debian: zig cc (PyPI's `ziglang`) links against glibc 2.28's symbol versions, and the
# sources are Debian bookworm's source packages (apt-get source: signed by Debian's archive key, hashes checked).
# No buster root can be had here (the buster archive is not reachable), so no 2.28 system is needed or used.
#
#   scripts/packaging/glibc228/build-python.sh OUT      → OUT/python (prefix with bin/python3.11, lib/libpython3.11.so)
#
# Built with it: CPython 3.11 (shared), and static zlib, libffi (ctypes: pypdfium2) and SQLite (the data file).
# Left out on purpose: readline (GPL-3; the program has no REPL), ssl/hashlib's OpenSSL (no network at run time;
# pip installs from local wheels), bz2/lzma, tkinter, curses, dbm. About 10 minutes on 2 cores.
set -euo pipefail
OUT=$(realpath -m "${1:?usage: build-python.sh OUT}")
HOST_PYTHON=${HOST_PYTHON:-python3}
GLIBC=2.28
mkdir -p "$OUT"/{src,deps,lists/partial}
cd "$OUT"
log() { printf '== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- the compiler: zig cc targeting x86_64-linux-gnu.2.28 -----------------------------------------------------------
if [ ! -x zig/bin/python ]; then
  log "ziglang (PyPI)"
  "$HOST_PYTHON" -m venv zig
  zig/bin/python -m pip install --quiet "ziglang==0.17.0"
fi
for tool in cc ar ranlib; do
  sub=$tool; [ $tool = cc ] && extra="-target x86_64-linux-gnu.$GLIBC" || extra=""
  printf '#!/bin/sh\nexec "%s" -m ziglang %s %s "$@"\n' "$OUT/zig/bin/python" "$sub" "$extra" > "zig-$tool"
  chmod +x "zig-$tool"
done
export CC="$OUT/zig-cc" AR="$OUT/zig-ar" RANLIB="$OUT/zig-ranlib"

# --- the sources: Debian's source packages, through a private apt list (the system's apt settings are not touched) ---
APT=(-o "Dir::Etc::SourceList=$OUT/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$OUT/lists"
     -o Dir::State::Status=/var/lib/dpkg/status)
if [ ! -e src/.fetched ]; then
  log "sources (apt-get source, bookworm)"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" > sources.list
  apt-get "${APT[@]}" update -qq
  (cd src && apt-get "${APT[@]}" source --download-only -qq python3.11 libffi zlib sqlite3 2>&1 | grep -v unsandboxed || true)
  touch src/.fetched
fi
unpack() { rm -rf "build-$1"; mkdir "build-$1"; tar -xf src/$2 -C "build-$1" --strip-components=1; }
DEPS=$OUT/deps
# exported for setup.py too (the shared extension modules): it finds ffi.h and the static libffi.a through them
export CFLAGS="-O2 -fPIC -w -I$DEPS/include" CPPFLAGS="-I$DEPS/include" LDFLAGS="-L$DEPS/lib"
export PKG_CONFIG_PATH="$DEPS/lib/pkgconfig"  # configure's LIBFFI_INCLUDEDIR, which setup.py reads

if [ ! -e "$DEPS/lib/libz.a" ]; then
  log "zlib"; unpack zlib 'zlib_*.orig.tar.*'
  (cd build-zlib && ./configure --static --prefix="$DEPS" >/dev/null && make -s -j2 install >/dev/null 2>&1)
fi
if [ ! -e "$DEPS/lib/libffi.a" ]; then
  log "libffi"; unpack libffi 'libffi_*.orig.tar.*'
  (cd build-libffi && ./configure --quiet --disable-shared --enable-static --with-pic --disable-docs --disable-exec-static-tramp --prefix="$DEPS" \
     --libdir="$DEPS/lib" >/dev/null 2>&1 && make -s -j2 install >/dev/null 2>&1)
fi
if [ ! -e "$DEPS/lib/libsqlite3.a" ]; then
  log "sqlite"; unpack sqlite 'sqlite3_*.orig.tar.xz'
  # the amalgamation is generated with the host's compiler and tclsh, then compiled with zig
  (cd build-sqlite && CC=gcc CFLAGS= ./configure --quiet >/dev/null && make -s sqlite3.c >/dev/null \
     && "$CC" $CFLAGS -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_THREADSAFE=1 -c sqlite3.c -o sqlite3.o \
     && "$AR" rcs libsqlite3.a sqlite3.o && cp libsqlite3.a "$DEPS/lib/" && cp sqlite3.h sqlite3ext.h "$DEPS/include/")
fi

if [ ! -x python/bin/python3.11 ]; then
  log "CPython: configure"; unpack cpython 'python3.11_*.orig.tar.*'
  cd build-cpython
  # configure prints one harmless line on stderr: "zig: error: version '.2.28' in target triple
  # 'x86_64-unknown-linux-gnu.2.28' is invalid". It comes from its GNU-ld probe (`$CC -print-prog-name=ld`): zig's
  # clang driver rejects the glibc suffix there but still answers, and configure goes on. Not the build failing.
  ./configure --quiet --prefix="$OUT/python" --enable-shared --with-ensurepip=install --without-readline \
     --with-system-expat=no LDFLAGS="$LDFLAGS -Wl,-rpath,\\\$\$ORIGIN/../lib" \
     LIBFFI_CFLAGS="-I$DEPS/include" LIBFFI_LIBS="-L$DEPS/lib -lffi" \
     LIBSQLITE3_CFLAGS="-I$DEPS/include" LIBSQLITE3_LIBS="-L$DEPS/lib -lsqlite3 -lm" \
     ZLIB_CFLAGS="-I$DEPS/include" ZLIB_LIBS="-L$DEPS/lib -lz" >/dev/null
  # zig's linker takes -soname NAME, not the joined -hNAME that CPython's Makefile passes
  # and links no shared library from a library alone: libpython3.so gets an empty object beside it
  echo > empty_stub.c
  # setup.py (the shared extension modules) would add the build machine's /usr/include/<multiarch>: its glibc 2.36
  # headers must not mix with zig's 2.28 ones
  sed -i 's/^    def add_multiarch_paths(self):$/&\n        return/' setup.py
  sed -i -e 's/-Wl,-h\$(INSTSONAME)/-Wl,-soname,$(INSTSONAME)/' \
    -e 's/\$(BLDSHARED) \$(NO_AS_NEEDED) -o \$@ -Wl,-h\$@ \$^/$(BLDSHARED) -o $@ -Wl,-soname,$@ empty_stub.c $(NO_AS_NEEDED) -L. -lpython$(LDVERSION)/' Makefile
  log "CPython: make (about 5-10 minutes, silent)"
  make -s -j2 >/dev/null 2>build.log || { tail -40 build.log; exit 1; }
  make -s install >/dev/null 2>>build.log || { tail -40 build.log; exit 1; }
  cd ..
fi
# bin/python3.11 finds its own libpython (not a build machine's /usr/lib/…/libpython3.11.so.1.0)
objdump -p python/bin/python3.11 | grep -q 'RUNPATH *\$ORIGIN/../lib' || { echo "python3.11: RUNPATH is not \$ORIGIN/../lib" >&2; exit 1; }
python/bin/python3.11 -c 'import sys, ctypes, sqlite3, zlib, decimal, pyexpat; print("built", sys.version.split()[0], "sqlite", sqlite3.sqlite_version)'
# every extension module needs glibc's own libraries only (a build machine's libffi.so or libuuid.so would be left
# out of the program folder as a system library, and missing on the PC)
if objdump -p python/lib/python3.11/lib-dynload/*.so | awk '/NEEDED/{print $2}' | sort -u \
    | grep -vE '^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1)$'; then
  echo "an extension module needs a library outside glibc (above)" >&2; exit 1
fi
log "done: $OUT/python"
