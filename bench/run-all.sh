#!/bin/sh
# Every figure of the README in one Release run: builds the benchmarks in BUILD_DIR
# (default build-release, configured Release if it is not there yet), runs each one in
# turn with its own time limit, keeps each one's output in LOG_DIR and ends with one line
# per benchmark saying whether it finished. A benchmark that fails or times out is named
# in that summary and makes this script fail; its figures are not to be quoted.
#
#   bench/run-all.sh [BUILD_DIR] [LOG_DIR]
#
# Needs what the individual benchmarks need: the sqlite3 shell and python3-pandas
# (bench_wide_table.sh installs them), PostgreSQL's server and pgbench (the team
# benchmarks start throw-away servers of their own), xvfb or the offscreen platform for
# the GUI benchmarks. Takes 30-60 minutes on 2 cores; run it on a quiet machine.
set -u
cd "$(dirname "$0")/.."

build=${1:-build-release}
logs=${2:-$build/bench-logs}
mkdir -p "$logs"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release || exit 1
fi
targets="bench_json_parse bench_json_diff bench_profile_scan bench_gui_responsiveness bench_wide_table
         bench_quality_page bench_report bench_http_api bench_postgres_profile"
[ -f bench/team/CMakeLists.txt ] && targets="$targets bench_team_decisions"
grep -q bench_diff_process "$build/build.ninja" 2>/dev/null && targets="$targets bench_diff_process"
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $targets || exit 1

summary=""
failed=0
run() {
    name=$1
    limit=$2
    shift 2
    echo "=== $name: $*"
    start=$(date +%s)
    QT_QPA_PLATFORM=offscreen timeout "$limit" "$@" >"$logs/$name.log" 2>&1
    status=$?
    took=$(( $(date +%s) - start ))
    cat "$logs/$name.log"
    if [ "$status" -eq 0 ]; then
        verdict="finished in ${took} s"
    elif [ "$status" -eq 124 ]; then
        verdict="TIMED OUT after ${limit}: its figures do not count"
        failed=1
    else
        verdict="FAILED (exit $status) after ${took} s: its figures do not count"
        failed=1
    fi
    summary="$summary
$name: $verdict"
}

run bench_json_parse 20m "$build/bench/parse/bench_json_parse"
run bench_json_diff 20m "$build/bench/diff/bench_json_diff"
if [ -x "$build/bench/diff/bench_diff_process" ]; then
    run bench_diff_process 30m "$build/bench/diff/bench_diff_process"
fi
run bench_profile_scan 30m "$build/bench/profiler/bench_profile_scan"
run bench_gui_responsiveness 20m "$build/bench/profiler/bench_gui_responsiveness"
run bench_wide_table 60m bench/profiler/bench_wide_table.sh "$build" --rows 5000000 --rounds 3
run bench_quality_page 20m "$build/bench/quality/bench_quality_page"
run bench_report 30m "$build/bench/report/bench_report"
run bench_http_api 20m "$build/bench/http/bench_http_api"
run bench_postgres_profile 60m "$build/bench/profiler/bench_postgres_profile"
if [ -x "$build/bench/team/bench_team_decisions" ]; then
    run bench_team_decisions 30m "$build/bench/team/bench_team_decisions"
fi

echo
echo "=== summary (logs in $logs)$summary"
exit "$failed"
