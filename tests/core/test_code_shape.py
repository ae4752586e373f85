"""The shape of the code the team keeps (issue 22): modules under 500 lines, and a complexity gate in the lint
that CI runs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MOST_LINES = 500


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_of_the_core_or_the_window_reaches_500_lines():
    sizes = {
        str(path.relative_to(ROOT)): _lines(path)
        for folder in ("ccm_secretariat", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
    }
    assert "ccm_secretariat/progress.py" in sizes and "ui/main_window.py" in sizes
    too_long = {name: n for name, n in sizes.items() if n > MOST_LINES}
    assert too_long == {}


def test_the_lint_gates_complexity_at_12():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert "C90" in config["select"] or "C901" in config["select"]
    assert config["mccabe"]["max-complexity"] == 12
    assert ".venv/bin/ruff check ." in (ROOT / "scripts" / "lint.sh").read_text(encoding="utf-8")


def test_a_function_above_the_gate_fails_the_lint(tmp_path):
    """The gate bites: ruff, with the project's settings, refuses a function of complexity 13."""
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(12))
    (tmp_path / "tangled.py").write_text(f"def tangled(x):\n{branches}\n    return -1\n", encoding="utf-8")
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run(
        [str(ruff), "check", "--config", str(ROOT / "pyproject.toml"), "--select", "C901", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "`tangled` is too complex (13 > 12)" in done.stdout
