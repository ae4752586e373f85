#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source scripts/pg_cluster.sh start` initialises one in a
# temporary folder (as an unprivileged user when run as root: the server refuses to run as root), listening
# only on a Unix socket in that folder, and exports CCM_TEST_POSTGRES (the URL of its maintenance database);
# `pg_cluster_stop` stops it and removes the folder. Nothing of the machine's own PostgreSQL is touched.

pg_cluster_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

pg_cluster_as() {  # run a command as the cluster's owner
    if [ "$(id -u)" = "0" ]; then
        runuser -u "$PG_CLUSTER_USER" -- "$@"
    else
        "$@"
    fi
}

pg_cluster_start() {
    local bin
    bin="$(pg_cluster_bin)"
    if { [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "Installing PostgreSQL's server (Debian: postgresql) for the test cluster"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            postgresql >/dev/null 2>&1 || true
        bin="$(pg_cluster_bin)"
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL's server is not installed (Debian: apt-get install postgresql)." >&2
        return 1
    fi
    PG_CLUSTER_BIN="$bin"
    PG_CLUSTER_USER="$(id -un)"
    if [ "$(id -u)" = "0" ]; then
        PG_CLUSTER_USER="$(getent passwd postgres >/dev/null && echo postgres || echo nobody)"
    fi
    PG_CLUSTER_DIR="$(mktemp -d /tmp/ccm-pg-XXXXXX)"
    chmod 755 "$PG_CLUSTER_DIR"
    [ "$(id -u)" = "0" ] && chown "$PG_CLUSTER_USER" "$PG_CLUSTER_DIR"
    pg_cluster_as "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -A trust -U ccm -E UTF8 --locale=C.UTF-8 \
        >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
    # Every role connects without a password (trust), except the one the tests use to see a wrong password
    # refused as a real server refuses it.
    { echo "local all ccm_password_check scram-sha-256"; cat "$PG_CLUSTER_DIR/data/pg_hba.conf"; } \
        >"$PG_CLUSTER_DIR/pg_hba.conf" && pg_cluster_as cp "$PG_CLUSTER_DIR/pg_hba.conf" "$PG_CLUSTER_DIR/data/pg_hba.conf"
    # Durability is not what a throwaway cluster is for: fsync off makes the suite quick.
    pg_cluster_as "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -o \
        "-k $PG_CLUSTER_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
    export CCM_TEST_POSTGRES="postgresql+psycopg://ccm@/postgres?host=$PG_CLUSTER_DIR"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests, socket in $PG_CLUSTER_DIR"
}

pg_cluster_stop() {
    if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ]; then
        pg_cluster_as "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$PG_CLUSTER_DIR"
    fi
    unset CCM_TEST_POSTGRES PG_CLUSTER_DIR
}

if [ "${1:-}" = "start" ]; then
    pg_cluster_start
fi
