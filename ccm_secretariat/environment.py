"""Every environment variable the desk reads, declared once. The desk's own all begin with PREFIX; the few of the
platform it consults (which display to open the window on) are listed below them. Nothing here is read when a
module is imported: each value is read when it is needed, so a test or a launcher that sets a variable before
the work starts is obeyed. The README's section "Environment variables" lists the same names."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from ccm_secretariat.errors import ValidationError

PREFIX = "CCM_SECRETARIAT_"


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    default: str = ""
    formerly: str = ""  # the name it had before the desk's variables took one prefix, still obeyed

    def text(self) -> str:
        """Its value now ("" or the default when unset)."""
        value = os.environ.get(self.name)
        if value is None and self.formerly:
            value = os.environ.get(self.formerly)
            if value is not None:
                logging.getLogger(__name__).warning("%s is now called %s", self.formerly, self.name)
        return self.default if value is None else value

    def is_set(self) -> bool:
        return self.name in os.environ or bool(self.formerly and self.formerly in os.environ)

    def number(self) -> int:
        """Its value as a whole number; a value that is not one is refused, naming the variable."""
        text = self.text().strip()
        try:
            return int(text)
        except ValueError:
            raise ValidationError(f"{self.name} must be a whole number, not {text!r}.", self.name) from None

    def flag(self) -> bool:
        return self.text().strip().lower() not in ("", "0", "no", "false")

    def paths(self) -> tuple[str, ...] | None:
        """A list of paths separated by os.pathsep, or None when the variable is unset."""
        return tuple(p for p in self.text().split(os.pathsep) if p) if self.is_set() else None


BACKUPS_KEPT = Variable(f"{PREFIX}BACKUPS_KEPT", "how many backups of a SQLite database are kept", "20")
FALLBACK_FONTS = Variable(
    f"{PREFIX}FALLBACK_FONTS",
    "TrueType fonts (paths separated by the system's path separator) tried, in order, for names the shipped "
    "fonts cannot show; replaces the desk's own list of Debian's fonts",
    formerly="CCM_FALLBACK_FONTS",
)
STRICT_FIT = Variable(
    f"{PREFIX}STRICT_FIT",
    "a window the desk cannot fit to its screen is an error rather than a line in the log (the tests set it)",
)
QUIT_AFTER_MS = Variable(
    f"{PREFIX}QUIT_AFTER_MS",
    "close the window this many milliseconds after it opens (the bundle's smoke test)",
)
CONVENTIONS = Variable(
    f"{PREFIX}CONVENTIONS",
    "the folder of a secretariat's own convention profiles (default: conventions in the user's data folder)",
)
OWN = (BACKUPS_KEPT, FALLBACK_FONTS, STRICT_FIT, QUIT_AFTER_MS, CONVENTIONS)

# The platform's, read to say why no window can open (the desk never sets them).
QT_PLATFORM = Variable("QT_QPA_PLATFORM", "Qt's platform plugin (offscreen: no display needed)")
X_DISPLAY = Variable("DISPLAY", "the X11 display")
WAYLAND_DISPLAY = Variable("WAYLAND_DISPLAY", "the Wayland display")
PLATFORM = (QT_PLATFORM, X_DISPLAY, WAYLAND_DISPLAY)

EVERY = OWN + PLATFORM
