#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller (packaging/ccm-secretariat.spec) into dist/ccm-secretariat,
# and add the Linux desktop entry and icon beside it. Prints the bundle's size.
#   Windows (PowerShell):  .venv\Scripts\pyinstaller --noconfirm --distpath dist packaging\ccm-secretariat.spec
#   macOS:                 .venv/bin/pyinstaller --noconfirm --distpath dist packaging/ccm-secretariat.spec
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build/pyinstaller \
    packaging/ccm-secretariat.spec
bundle=dist/ccm-secretariat
mkdir -p "$bundle/share/applications" "$bundle/share/icons/hicolor/256x256/apps"
cp packaging/ccm-secretariat-desk.desktop "$bundle/share/applications/"
cp resources/icons/ccm-secretariat-desk-256.png \
    "$bundle/share/icons/hicolor/256x256/apps/ccm-secretariat-desk.png"
echo "Bundle: $bundle, $(du -sh "$bundle" | cut -f1), built in $(( $(date +%s) - started )) s"
