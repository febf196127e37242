#!/usr/bin/env bash
# A throw-away PostgreSQL server for the team-mode tests, on loopback.
#   test-server.sh start DIR PORT [STEWARD_CLI]
#                                   initdb in DIR, start on 127.0.0.1:PORT, run admin-setup.sql,
#                                   create the test logins, and migrate the template database
#                                   the tests copy (with STEWARD_CLI)
#   test-server.sh stop DIR         stop it and remove DIR
#   test-server.sh halt DIR         stop it, keeping its data (a server going away under a client)
#   test-server.sh resume DIR PORT  start the halted server again
# Needs the Debian packages postgresql and libqt6sql6-psql (.ci/quickstart installs them);
# fails with that hint, never skips. As root the server runs as the postgres user.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action=${1:?start|stop}
dir=${2:?directory}

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir=$(pg_config --bindir)
else
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && bindir=$candidate
    done
fi
if [ -z "$bindir" ]; then
    echo "test-server.sh: no PostgreSQL server found (initdb); install it: apt-get install postgresql" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

server_options() {
    echo "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
}

case "$action" in
start)
    port=${3:?port}
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres --no-instructions -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "$(server_options "$port")" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
    "${psql[@]}" -d postgres -v db=steward_template -f "$here/../../sql/postgresql/admin-setup.sql" >/dev/null
    # The people of the test fixtures and the demo, each a login of their own; a service
    # login for the shared test code, which acts as many users; a monitor for /metrics.
    "${psql[@]}" -d postgres <<'SQL'
DO $$
DECLARE
    v_login text;
BEGIN
    FOREACH v_login IN ARRAY ARRAY['ana.architect', 'ben.architect', 'sam.steward', 'sue.steward', 'otto.owner',
                                   'vera.viewer', 'amara.okafor', 'tom.baker', 'jonas.weber', 'lena.fischer',
                                   'raj.patel', 'mei.chen', 'diego.ramos', 'sara.lind', 'outsider'] LOOP
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE steward_app', v_login);
    END LOOP;
END
$$;
CREATE ROLE steward_test_service LOGIN IN ROLE steward_service;
CREATE ROLE steward_test_monitor LOGIN IN ROLE steward_monitor;
SQL
    if [ -n "${4:-}" ]; then
        "$4" --db "postgresql://steward_owner@127.0.0.1:$port/steward_template" migrate
    fi
    echo "postgresql://steward_test_service@127.0.0.1:$port/steward_template"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
halt)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    port=${3:?port}
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(server_options "$port")" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR | halt DIR | resume DIR PORT" >&2
    exit 2
    ;;
esac
