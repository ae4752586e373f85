"""The command line's convention commands: `treaties` (the profiles and their rules). The parser lines and the
dispatch are in cli.py; the work is here."""

from __future__ import annotations

import argparse
from typing import TextIO

from ccm_secretariat.reference.profiles import shipped_profiles
from ccm_secretariat.services import Services


def treaties_lines(services: Services) -> list[str]:
    """Each convention the desk knows: its names, meetings, entry into force and withdrawal, and how many States'
    status this database holds for it."""
    lines: list[str] = []
    for short_name, p in shipped_profiles().items():
        held = sum(1 for s in services.reference.states(short_name) if s.signature or s.deposit)
        lines += [
            f"{short_name}: {p.full_name}",
            f"  meetings: {', '.join(p.meeting_names)}",
            f"  entry into force: {p.entry_into_force.describe()}",
            f"  withdrawal: {p.withdrawal.describe()}",
            f"  categories: {'; '.join(c.view for c in p.categories)}",
            f"  status of {held} States in this database" + ("" if held else f" (states import --treaty {short_name})"),
        ]
    return lines


def cmd_treaties(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    for line in treaties_lines(services):
        print(line, file=out)
    return 0
