#!/usr/bin/env bash
# tst_package_deb: cpack makes metadata-steward_<version>_<arch>.deb from the build, with the
# files of a desktop program and its Depends; then the package is put where a user would
# have it and what it holds is run:
#   as root with apt: apt-get installs it, /usr/bin/steward-cli and /usr/bin/steward run,
#                     and it is removed again (also when a check fails);
#   otherwise:        dpkg-deb -x unpacks it into a temporary folder and that copy runs
#                     (also as root with STEWARD_PACKAGE_CHECK=unpack).
#   check-package.sh BUILD_DIR WORK_DIR [CPACK]
# Needs dpkg-deb, dpkg-shlibdeps and file (Debian dpkg-dev, file; .ci/quickstart installs
# them): a missing tool fails with that hint, it never skips.
set -euo pipefail
build_dir=${1:?build directory}
work=${2:?work directory}
cpack=${3:-cpack}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# A step that fails without its own message still says where.
trap 'echo "FAIL: line $LINENO: \"$BASH_COMMAND\" exited with status $?" >&2' ERR
need() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 is missing: apt-get install $2 (.ci/quickstart installs it)"
}
need "$cpack" cmake
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need file file

rm -rf "$work"
mkdir -p "$work/home"
# Nothing the programs write lands in the user's own folders.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_RUNTIME_DIR="$work/home/runtime" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset LANGUAGE
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# --- Make the package ---------------------------------------------------------------
if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack could not make the .deb (its output is above)"
fi
shopt -s nullglob
debs=("$work"/out/metadata-steward_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "cpack made ${#debs[@]} files named metadata-steward_*.deb in $work/out, expected one"
deb=${debs[0]}
echo "made $(basename "$deb"): $(stat -c %s "$deb") bytes"

# --- What the package says about itself -----------------------------------------------
field() {
    dpkg-deb --field "$deb" "$1"
}
[ "$(field Package)" = metadata-steward ] || fail "Package is '$(field Package)', expected metadata-steward"
for name in Version Architecture Maintainer Section Description; do
    [ -n "$(field "$name")" ] || fail "the control file has no $name field"
done
description=$(field Description)
[ "$(wc -l <<<"$description")" -ge 3 ] || fail "Description has no long description: '$description'"
depends=$(field Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (the libraries the executables link) and from the list of plugins.
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6charts6 libqt6sql6-sqlite libqt6sql6-psql libqt6svg6; do
    grep -Eq "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends does not name $package: $depends"
done

# --- The files of a desktop program, in their FHS places -------------------------------
dpkg-deb --contents "$deb" | awk '{print $6}' >"$work/contents.txt"
for path in \
    ./usr/bin/steward \
    ./usr/bin/steward-cli \
    ./usr/lib/metadata-steward/steward-render \
    ./usr/share/applications/org.metadatasteward.steward.desktop \
    ./usr/share/metainfo/org.metadatasteward.steward.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.metadatasteward.steward.svg \
    ./usr/share/metadata-steward/translations/steward_de.qm; do
    grep -qx "$path" "$work/contents.txt" || fail "the package lacks $path; it holds: $(tr '\n' ' ' <"$work/contents.txt")"
done

# --- Put it where a user would have it ------------------------------------------------
installed_here=false
remove_package() {
    if $installed_here; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=120 metadata-steward \
            >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; echo "FAIL: apt-get purge metadata-steward failed" >&2; return 1; }
        [ ! -e /usr/bin/steward-cli ] || { echo "FAIL: /usr/bin/steward-cli is still there after removing the package" >&2; return 1; }
        echo "removed the package again"
    fi
}
trap 'remove_package || exit 1' EXIT

already_installed=false
[ "$(dpkg-query -W -f='${Status}' metadata-steward 2>/dev/null || true)" = "install ok installed" ] &&
    already_installed=true
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && ! $already_installed &&
    [ "${STEWARD_PACKAGE_CHECK:-}" != unpack ]; then
    echo "installing with apt-get (running as root)"
    installed_here=true
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=120 "$deb" >"$work/install.log" 2>&1; then
        cat "$work/install.log" >&2
        fail "apt-get install $(basename "$deb") failed (its output is above)"
    fi
    root=""
    dpkg-query -L metadata-steward >"$work/installed-files.txt"
    grep -qx /usr/share/metadata-steward/translations/steward_de.qm "$work/installed-files.txt" ||
        fail "dpkg does not list the installed translation /usr/share/metadata-steward/translations/steward_de.qm"
else
    $already_installed && echo "metadata-steward is installed on this machine already: leaving it alone"
    echo "unpacking with dpkg-deb -x"
    root="$work/root"
    dpkg-deb -x "$deb" "$root"
fi
cli="$root/usr/bin/steward-cli"
gui="$root/usr/bin/steward"

# --- Run what it holds -----------------------------------------------------------------
run() {
    # run LOG COMMAND...: the command must exit 0; its output goes to LOG.
    local log=$1
    shift
    local status=0
    "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$log" >&2
        fail "'$*' exited with status $status (output above)"
    fi
}
run "$work/help.txt" "$cli" --help
grep -q "Usage: .*steward-cli" "$work/help.txt" || fail "steward-cli --help printed no usage line: $(head -5 "$work/help.txt")"
grep -q "init-demo" "$work/help.txt" || fail "steward-cli --help does not list its commands"

# The installed German translation: the help in German when the user's language is German.
run "$work/help-de.txt" env LC_ALL=de_DE.UTF-8 LANGUAGE=de "$cli" --help
grep -q "Befehle:" "$work/help-de.txt" || fail "steward-cli --help is not German under LANGUAGE=de: $(head -5 "$work/help-de.txt")"

run "$work/init-demo.txt" "$cli" --db "sqlite:$work/demo.db" init-demo
run "$work/list.txt" "$cli" --db "sqlite:$work/demo.db" list --json
grep -q '"id"' "$work/list.txt" || fail "steward-cli list shows no pending request of the demo: $(head -5 "$work/list.txt")"
echo "steward-cli: --help, init-demo and list work ($(grep -o '"id"' "$work/list.txt" | wc -l) pending requests)"

# The report renderer, a private helper, is found in its installed folder.
run "$work/report.txt" "$cli" --db "sqlite:$work/demo.db" report --kind approvals --format pdf --out "$work/approvals.pdf"
[ "$(head -c 5 "$work/approvals.pdf")" = "%PDF-" ] || fail "steward-cli report wrote no PDF to $work/approvals.pdf"
echo "steward-cli report: wrote a PDF through the installed steward-render"

version=$(field Version)
run "$work/gui-version.txt" "$gui" --version
grep -q "$version" "$work/gui-version.txt" || fail "steward --version does not print $version: $(cat "$work/gui-version.txt")"
run "$work/gui-help.txt" "$gui" --help
grep -q -- "--db" "$work/gui-help.txt" || fail "steward --help does not list --db: $(head -5 "$work/gui-help.txt")"
echo "steward: --version and --help start (offscreen)"
echo "the package works"
