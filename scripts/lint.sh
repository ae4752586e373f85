#!/usr/bin/env bash
# The habits CI keeps: ruff (lint and format, configured in pyproject.toml; the lint includes the complexity gate,
# C901 at most 12) and mypy within its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python scripts/mypy_budget.py
