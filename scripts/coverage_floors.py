"""Branch coverage per package against its floor (.ci/coverage-floors): fails when a package falls below it,
and says when it has risen enough to raise the floor. Floors are raised, never lowered.

    python scripts/coverage_floors.py coverage.json"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FLOORS = Path(__file__).resolve().parents[1] / ".ci" / "coverage-floors"


def package_of(path: str) -> str:
    return Path(path).parts[0]


def main(report: str) -> int:
    files = json.loads(Path(report).read_text())["files"]
    totals: dict[str, list[int]] = {}
    for path, data in files.items():
        s = data["summary"]
        counted = totals.setdefault(package_of(path), [0, 0])
        counted[0] += s["covered_lines"] + s.get("covered_branches", 0)
        counted[1] += s["num_statements"] + s.get("num_branches", 0)
    floors = {}
    for line in FLOORS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split()
            floors[name] = float(value)
    failed = False
    for name, floor in floors.items():
        covered, total = totals.get(name, [0, 0])
        percent = 100 * covered / total if total else 0.0
        verdict = "ok"
        if percent < floor:
            verdict, failed = f"BELOW its floor of {floor:.1f} %", True
        elif percent >= floor + 1:
            verdict = f"ok; raise the floor in .ci/coverage-floors to {int(percent)}"
        print(f"coverage {name}: {percent:.1f} % (lines and branches), floor {floor:.1f} %: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "coverage.json"))
