#!/usr/bin/env bash
# Install (see setup.sh) and run the whole test suite, Qt offscreen: once on SQLite (the embedded default), with
# branch coverage checked against each package's floor (.ci/coverage-floors), then once more on PostgreSQL, in
# a throwaway cluster started here and removed at the end (even when tests fail). CCM_TEST_POSTGRES=URL uses a
# server of your own instead; CCM_TEST_BACKENDS=sqlite runs only the first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
backends="${CCM_TEST_BACKENDS:-sqlite postgresql}"
status=0
if [[ " $backends " == *" sqlite "* ]]; then
    echo "== The tests on SQLite, with branch coverage"
    CCM_TEST_POSTGRES= .venv/bin/python -m coverage run -m pytest "$@" || status=$?
    if [ "$status" = 0 ] && [ $# = 0 ]; then  # the whole suite: each package at or above its floor
        .venv/bin/python -m coverage json -q -o coverage.json
        .venv/bin/python scripts/coverage_floors.py coverage.json || status=$?
    fi
fi
if [[ " $backends " == *" postgresql "* ]]; then
    echo "== The tests on PostgreSQL"
    source scripts/pg_cluster.sh
    if [ -z "${CCM_TEST_POSTGRES:-}" ]; then
        trap pg_cluster_stop EXIT
        if ! pg_cluster_start; then
            if [ -n "${CI:-}" ]; then exit 1; fi
            echo "Skipping the PostgreSQL run: no server here (CI has one)." >&2
            exit $status
        fi
    fi
    .venv/bin/python -m pytest "$@" || status=$?
fi
exit $status
