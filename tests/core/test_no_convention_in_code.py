"""No convention's constants in code: a category key, rule number or convention name written into the core or the
window would make every convention's documents the CCM's. The CCM's words live in its profile
(resources/reference/conventions/ccm.toml), its demo and the tests; the code asks the meeting's profile.

The test reads every string the code holds (docstrings and comments apart: they may cite the CCM as the model) and
fails on the CCM's six category keys, "rule 1", "Cluster Munitions" and "CCM"; the window may name only the demo
it opens."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The CCM's category keys; "signatory" and "ratified_not_in_force" are also the profiles' words for a State's
# standing (`status`), which the code does use, so only the other four are looked for as they are.
KEYS = {"state_party", "observer_state", "rule_1_2", "rule_1_3"}
WORDS = re.compile(r"\b[Rr]ule 1\b|Cluster Munitions|\bCCM\b")
# The CCM's own: its demo and the synthetic meetings made like it.
ALLOWED_FOLDERS = ("ccm_secretariat/samples/",)
ALLOWED: set[str] = set()
# What ui/ holds (file: how many): the start dialog names the demo it opens ("… (CCM Second Review Conference,
# 2020)"). A count may only go down.
UI_BUDGET = {"ui/dialogs/start_dialog.py": 1}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def constants_in(path: Path) -> list[str]:
    """Each string of the file that names a CCM category, rule or the convention: "line: text"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if text in KEYS or WORDS.search(text):
                found.append(f"{node.lineno}: {text[:80]!r}")
    return found


def findings(folder: str) -> dict[str, list[str]]:
    result = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in ALLOWED and not name.startswith(ALLOWED_FOLDERS):
            found = constants_in(path)
            if found:
                result[name] = found
    return result


def test_the_core_names_no_conventions_category_rule_or_name():
    assert findings("ccm_secretariat") == {}


def test_the_window_holds_no_more_than_it_did():
    over = {name: found for name, found in findings("ui").items() if len(found) > UI_BUDGET.get(name, 0)}
    assert over == {}


def test_the_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Written as the CCM\'s reports write it."""\n'  # a docstring may cite the model
        'KEY = "state_party"\nRULE = "pursuant to rule 1 (2)"\nNAME = "the CCM"\nOK = "signatories"\n',
        encoding="utf-8",
    )
    assert [f.split(":")[0] for f in constants_in(sample)] == ["2", "3", "4"]
