#!/usr/bin/env bash
# Install (see setup.sh) and start the desk application on its embedded default database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
