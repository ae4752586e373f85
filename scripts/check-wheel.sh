#!/usr/bin/env bash
# The application as a secretary installs it: build the wheel, install it into a clean virtual environment,
# and from a folder that is not the checkout load the demo, synthesise a meeting and write every document in
# every format with the installed `ccm-secretariat` command. Fails on the first thing that does not work.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout="$(pwd)"
work="$(mktemp -d /tmp/ccm-wheel-XXXXXX)"
trap 'rm -rf "$work"' EXIT

.venv/bin/python -m pip wheel -q --no-deps --disable-pip-version-check -w "$work/dist" . 2>"$work/build.log" \
    || { cat "$work/build.log" >&2; exit 1; }
wheel="$(ls "$work"/dist/ccm_secretariat-*.whl)"
echo "Built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) kB)"
python3 -m venv "$work/venv"
# The locked versions (as constraints: the wheel itself has no hash in the lock).
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel" \
    -c <(grep -E '^[A-Za-z0-9_.-]+==' requirements-lock.txt | sed 's/ .*//') 2>"$work/install.log" \
    || { cat "$work/install.log" >&2; exit 1; }

cd "$work"  # nothing of the checkout on the path from here on
export QT_QPA_PLATFORM=offscreen
run() { "$work/venv/bin/ccm-secretariat" --db "$work/desk.sqlite3" "$@"; }
where="$("$work/venv/bin/python" -c 'import ccm_secretariat; print(ccm_secretariat.__file__)')"
case "$where" in "$checkout"*) echo "the checkout was imported instead of the wheel: $where" >&2; exit 1 ;; esac
# The top-level resources/ and db/ are installed inside the package, never as packages of their own.
site="$(dirname "$(dirname "$where")")"
for folder in resources db; do
    [ -d "$site/ccm_secretariat/$folder" ] || { echo "ccm_secretariat/$folder is missing from the wheel" >&2; exit 1; }
    [ ! -e "$site/$folder" ] || { echo "the wheel installs a top-level $folder into site-packages" >&2; exit 1; }
done
run --version
run demo
run synth --participants 300 --seed 7 >/dev/null
run seating draw --rows 10 --seats 30 >/dev/null
mkdir -p "$work/out"
count=0
while read -r name fmt; do
    run export "$name" --format "$fmt" --out "$work/out/$name.$fmt" >/dev/null 2>>"$work/export.log" \
        || { cat "$work/export.log" >&2; exit 1; }
    [ -s "$work/out/$name.$fmt" ] || { echo "export $name --format $fmt wrote nothing" >&2; exit 1; }
    count=$((count + 1))
done < <("$work/venv/bin/python" -c '
from ccm_secretariat.documents.registry import DOCUMENTS
for kind in DOCUMENTS.values():
    for fmt in kind.formats:
        print(kind.name, fmt)')
echo "The installed wheel, run from $work: demo, a synthetic meeting and $count documents written" \
     "($(grep -c '^warning:' "$work/export.log" || true) warnings, such as a script no installed font shows)"
