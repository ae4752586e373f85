#!/usr/bin/env bash
# Smoke test of the bundle (scripts/bundle.sh builds it): from a folder outside the checkout, the bundled
# program loads the demo through its command line, exports the list of participants, and its window starts
# offscreen on that database and closes again.
set -euo pipefail
cd "$(dirname "$0")/.."
program="$(pwd)/dist/ccm-secretariat/ccm-secretariat"
[ -x "$program" ] || { echo "no bundle: run scripts/bundle.sh first" >&2; exit 1; }
work="$(mktemp -d /tmp/ccm-bundle-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export QT_QPA_PLATFORM=offscreen
"$program" --version
"$program" --db "$work/desk.sqlite3" demo >/dev/null
"$program" --db "$work/desk.sqlite3" export participants --format pdf --out "$work/lop.pdf"
"$program" --db "$work/desk.sqlite3" export report --format docx --out "$work/report.docx"
[ "$(head -c 5 "$work/lop.pdf")" = "%PDF-" ] || { echo "the list of participants is not a PDF" >&2; exit 1; }
[ -s "$work/report.docx" ] || { echo "the report was not written" >&2; exit 1; }
# The window, offscreen, on the same database: up and closed by the smoke switch, with no error.
CCM_SECRETARIAT_QUIT_AFTER_MS=1500 QT_LOGGING_RULES="qt.qpa.*=false" timeout 60 "$program" --db "$work/desk.sqlite3"
echo "Bundle smoke test passed: demo loaded, list of participants ($(du -k "$work/lop.pdf" | cut -f1) kB) and report written, window opened and closed"
