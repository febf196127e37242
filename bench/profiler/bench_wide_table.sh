#!/bin/sh
# Installs what bench_wide_table compares the profiler with (the sqlite3 shell and
# Debian's python3-pandas, through apt-get, with sudo when not root), then runs it.
#
#   bench/profiler/bench_wide_table.sh [BUILD_DIR] [bench_wide_table options...]
#
# BUILD_DIR defaults to build-release (configure it with -DCMAKE_BUILD_TYPE=Release);
# the options (--rows N, --rounds R, --distinct exact|approximate, --work DIR, ...) go to
# the benchmark. Absolute figures depend on the machine; read the ratios.
set -eu

build=build-release
case "${1-}" in
    -*|"") ;;
    *) build=$1; shift ;;
esac
bench="$build/bench/profiler/bench_wide_table"
if [ ! -x "$bench" ]; then
    echo "bench_wide_table.sh: $bench is missing; build it first:" >&2
    echo "  cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build $build --target bench_wide_table" >&2
    exit 1
fi

missing=""
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
# Debian's pandas lives in the system interpreter, whatever python3 comes first on PATH.
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || missing="$missing python3-pandas"
if [ -n "$missing" ]; then
    echo "bench_wide_table.sh: installing$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

exec "$bench" --sqlite3 "$(command -v sqlite3)" --python /usr/bin/python3 "$@"
