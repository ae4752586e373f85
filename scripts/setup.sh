#!/usr/bin/env bash
# Prepare this clone on a fresh Debian machine: Qt's system libraries (when missing and run as root),
# a virtual environment in .venv, and the application with its test tools installed into it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's system libraries, and a TrueType font for Chinese, Japanese and Korean names in the PDFs.
qt_libs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-wqy-microhei"
missing=""
for pkg in $qt_libs; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "Installing Qt's system libraries:$missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "Qt may need these system packages:$missing (install them with apt-get as root)" >&2
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[test,postgres]"
