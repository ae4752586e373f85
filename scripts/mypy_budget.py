"""mypy's errors per package against the budget in .ci/mypy-budget: fails when a package has more errors than
its budget (new code must be typed), and says when it has fewer (lower the budget: it only goes down, to 0).

    python scripts/mypy_budget.py   (runs mypy with the settings of pyproject.toml)"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET = ROOT / ".ci" / "mypy-budget"


def main() -> int:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    errors = [line for line in done.stdout.splitlines() if re.match(r"^[\w/.-]+\.py:\d+: error:", line)]
    counts = Counter(Path(line.split(":", 1)[0]).parts[0] for line in errors)
    budget = {}
    for line in BUDGET.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split()
            budget[name] = int(value)
    failed = False
    for name, allowed in budget.items():
        found = counts.get(name, 0)
        if found > allowed:
            failed = True
            print(f"mypy {name}: {found} errors, over its budget of {allowed}; the new ones:")
            for line in errors:
                if line.startswith(name + "/"):
                    print("  " + line)
        else:
            note = f"; lower the budget in .ci/mypy-budget to {found}" if found < allowed else ""
            print(f"mypy {name}: {found} errors, budget {allowed}{note}")
    unknown = set(counts) - set(budget)
    for name in sorted(unknown):
        failed = True
        print(f"mypy {name}: {counts[name]} errors and no budget")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
