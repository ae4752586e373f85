#!/usr/bin/env bash
# Prepare this clone on a fresh Debian machine: the system libraries Qt's X11 platform plugin needs (installed
# when missing and run as root), a virtual environment in .venv with the locked versions of every package
# (requirements-lock.txt, with hashes), and the checkout on its path. The packages are installed again only
# when pyproject.toml, the lock or this script changed. Then `ldd` on Qt's X11 plugin: a library still
# missing stops here with its name, rather than Qt aborting with a page of plugin messages later.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's X11 platform plugin and what it loads, D-Bus and fonts; a TrueType font for Chinese, Japanese and Korean
# names in the PDFs.
qt_libs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
 libxcb-xkb1 libxcb-randr0 libxcb-sync1 libxcb-xfixes0 libxcb-shm0 libxcb-util1 libx11-xcb1
 fonts-dejavu-core fonts-wqy-microhei"
missing=""
for pkg in $qt_libs; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Qt's system libraries:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing 2>&1 >/dev/null \
        | { grep -v "^debconf: delaying package configuration" >&2 || true; }
fi

# The Python packages, at the locked versions; only when something they depend on changed.
wanted="$(cat pyproject.toml requirements-lock.txt scripts/setup.sh | sha256sum | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ] || [ "$(cat .venv/.installed 2>/dev/null)" != "$wanted" ]; then
    echo "Installing the Python packages (requirements-lock.txt) into .venv"
    python3 -m venv .venv
    # (pip's notes about this machine's extra package folders that lack a package are not errors: left out)
    .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-lock.txt \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    # The checkout itself on the environment's path: the code as it is, nothing built or copied.
    site="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    pwd >"$site/ccm-secretariat-checkout.pth"
    echo "$wanted" >.venv/.installed
fi

# What Qt's X11 plugin cannot find, by name (and the Debian package that usually has it).
plugin="$(ls .venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | head -1)"
if [ -n "$plugin" ] && command -v ldd >/dev/null; then
    absent="$(ldd "$plugin" | awk '/not found/ {print $1}' | sort -u)"
    if [ -n "$absent" ]; then
        echo "Qt's X11 platform plugin cannot load; these libraries are missing:" >&2
        for lib in $absent; do
            base="${lib%%.so*}"; number="${lib##*.so.}"; number="${number%%.*}"
            case "$base" in *[0-9]) package="${base,,}-$number" ;; *) package="${base,,}$number" ;; esac
            echo "  $lib (Debian: apt-get install $package)" >&2
        done
        exit 1
    fi
fi
