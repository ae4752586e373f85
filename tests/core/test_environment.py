"""The environment variables the desk reads: declared in one module, with one prefix, documented in the README,
and read when the work needs them, never when a module is imported."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ccm_secretariat import environment
from ccm_secretariat.environment import BACKUPS_KEPT, EVERY, FALLBACK_FONTS, OWN, PREFIX
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.fonts import SYSTEM_FALLBACKS, FontSet

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r"\bos\.environ\b|\bgetenv\b|\benviron\[|from os import .*environ")


def _sources():
    for folder in ("ccm_secretariat", "ui"):
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_only_the_declaring_module_touches_the_environment():
    readers = [
        str(path.relative_to(ROOT))
        for path in _sources()
        if READS.search(path.read_text(encoding="utf-8")) and path != ROOT / "ccm_secretariat" / "environment.py"
    ]
    assert readers == []


def test_the_desks_own_variables_have_one_prefix_and_the_readme_lists_every_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert OWN and all(v.name.startswith(PREFIX) and v.meaning for v in OWN)
    assert not any(v.name.startswith(PREFIX) for v in environment.PLATFORM)
    assert [v.name for v in EVERY if f"`{v.name}`" not in readme] == []
    assert len({v.name for v in EVERY}) == len(EVERY)


def test_the_declaring_module_reads_nothing_at_module_level():
    tree = ast.parse((ROOT / "ccm_secretariat" / "environment.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if not isinstance(n, ast.FunctionDef | ast.ClassDef)]
    assert not [ast.unparse(n) for n in top if READS.search(ast.unparse(n))]


def test_importing_every_module_reads_no_variable_of_the_desk():
    """Every module of the core and the window imported in a fresh interpreter whose environment records who
    asks for the desk's variables: nobody does until work starts."""
    script = f"""
import importlib, json, os, pkgutil, sys
sys.path.insert(0, {str(ROOT)!r})
asked = []

class Recording(type(os.environ)):
    def __getitem__(self, key):
        if key.startswith({PREFIX!r}):
            asked.append(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        if isinstance(key, str) and key.startswith({PREFIX!r}):
            asked.append(key)
        return super().__contains__(key)

os.environ.__class__ = Recording
for package in ("ccm_secretariat", "ui"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        if info.name != "ccm_secretariat.__main__":
            importlib.import_module(info.name)
print(json.dumps(asked))
"""
    env = {k: v for k, v in __import__("os").environ.items()}
    env.update({v.name: "7" for v in OWN if v is not FALLBACK_FONTS})
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_a_variable_set_after_import_is_obeyed(monkeypatch):
    monkeypatch.setenv(BACKUPS_KEPT.name, "3")
    assert BACKUPS_KEPT.number() == 3
    monkeypatch.setenv(BACKUPS_KEPT.name, "three")
    with pytest.raises(ValidationError, match=f"{BACKUPS_KEPT.name} must be a whole number"):
        BACKUPS_KEPT.number()
    monkeypatch.delenv(BACKUPS_KEPT.name)
    assert BACKUPS_KEPT.number() == 20


def test_the_fallback_fonts_follow_the_variable_and_its_former_name(monkeypatch, caplog):
    monkeypatch.delenv(FALLBACK_FONTS.name, raising=False)
    monkeypatch.delenv(FALLBACK_FONTS.formerly, raising=False)
    assert FontSet()._fallback_paths == SYSTEM_FALLBACKS
    monkeypatch.setenv(FALLBACK_FONTS.name, "")  # set but empty: no fallbacks
    assert FontSet()._fallback_paths == ()
    monkeypatch.delenv(FALLBACK_FONTS.name)
    monkeypatch.setenv(FALLBACK_FONTS.formerly, "/fonts/a.ttf")
    assert FontSet()._fallback_paths == ("/fonts/a.ttf",)
    assert f"{FALLBACK_FONTS.formerly} is now called {FALLBACK_FONTS.name}" in caplog.text
