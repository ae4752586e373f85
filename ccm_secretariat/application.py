"""What the application is, declared once: its name, its id (folders, settings, the desktop entry), its version,
and where its shipped files are (package data, read through importlib.resources, so that an installed wheel or
a desktop bundle finds them as the source tree does)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ccm_secretariat import __version__

APP_ID = "ccm-secretariat"  # the user's folders, the settings, the log
APP_NAME = "Secretariat Desk"  # what the window and the task bar say
DESKTOP_ID = "ccm-secretariat-desk"  # the .desktop file, the icon's name, the window class
VERSION = __version__


def _shipped(name: str) -> Path:
    """A folder shipped with the package, as a path on disk. Installed (a wheel, a bundle), it is package data:
    ccm_secretariat/<name>, found through importlib.resources. In the checkout it is the repository's top-level
    <name>/ (pyproject's package-dir maps one onto the other when the wheel is built)."""
    installed = Path(str(resources.files("ccm_secretariat").joinpath(name)))
    checkout = Path(__file__).resolve().parent.parent / name
    for path in (installed, checkout):
        if path.is_dir():
            return path
    raise FileNotFoundError(
        f"the application's {name} folder is missing from the installation ({installed}); reinstall it."
    )


def resources_dir() -> Path:
    """Reference data, the demo, the fonts and the icons."""
    return _shipped("resources")


def migrations_dir() -> Path:
    """Alembic's script folder (env.py and versions/)."""
    return _shipped("db")


def icon_path(size: int | None = None) -> Path:
    """The application's icon: the SVG, or a PNG of `size` pixels."""
    name = f"{DESKTOP_ID}.svg" if size is None else f"{DESKTOP_ID}-{size}.png"
    return resources_dir() / "icons" / name


PRODUCER = f"{APP_NAME} {VERSION}"  # written in every document's properties: which version made it
