#!/usr/bin/env bash
# LibreOffice (Writer and Calc, without a display), installed when missing and run as root on Debian: the tests
# lay the Word and Excel files out with it (soffice --headless --convert-to pdf) and read the pages; without it
# those checks are skipped and the files are still read back part by part.
set -euo pipefail
if command -v soffice >/dev/null; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing LibreOffice (Writer and Calc, no display)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui libreoffice-calc-nogui 2>&1 >/dev/null \
        | { grep -v "^debconf: delaying package configuration" >&2 || true; }; }; then
        echo "LibreOffice could not be installed; the tests that lay out the Word and Excel files skip that part." >&2
    fi
else
    echo "LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui);" \
        "the tests that lay out the Word and Excel files skip that part." >&2
fi
