#!/usr/bin/env bash
# The files that make steward a desktop program pass their freedesktop validators:
#   validate-desktop-files.sh desktop FILE.desktop     desktop-file-validate, no warning allowed
#   validate-desktop-files.sh metainfo FILE.xml        appstreamcli validate --no-net
# Each validator first has to reject a broken copy of the file (a check that cannot fail
# proves nothing). A missing validator fails with the install hint; it never skips.
set -euo pipefail
kind=${1:?desktop|metainfo}
file=${2:?file to validate}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case "$kind" in
desktop)
    command -v desktop-file-validate >/dev/null 2>&1 ||
        fail "desktop-file-validate is missing: apt-get install desktop-file-utils (.ci/quickstart installs it)"
    validate() {
        # Warnings and hints come out on stdout with exit status 0: any output fails.
        local output
        output=$(desktop-file-validate "$1" 2>&1) && [ -z "$output" ] || { echo "$output"; return 1; }
    }
    broken="$work/broken.desktop"
    grep -v '^Type=' "$file" >"$broken"
    ;;
metainfo)
    command -v appstreamcli >/dev/null 2>&1 ||
        fail "appstreamcli is missing: apt-get install appstream (.ci/quickstart installs it)"
    validate() {
        appstreamcli validate --no-net --explain "$1"
    }
    broken="$work/broken.metainfo.xml"
    grep -v '<id>' "$file" >"$broken"
    ;;
*)
    fail "unknown kind $kind (desktop or metainfo)"
    ;;
esac

[ -f "$file" ] || fail "$file does not exist"
if validate "$broken" >"$work/broken.log" 2>&1; then
    cat "$work/broken.log" >&2
    fail "the validator accepted a copy of $(basename "$file") with a required line removed; it checks nothing"
fi
validate "$file" || fail "$(basename "$file") is not valid (see above)"
echo "$(basename "$file") is valid"
