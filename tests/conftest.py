"""Shared fixtures: a fresh database per test, and the demo conference loaded once and copied per test."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ccm_secretariat.environment import STRICT_FIT  # (declares the desk's variables; reads none on import)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ[STRICT_FIT.name] = "1"  # a window the desk cannot fit to its screen fails the test
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1920 × 1080 screen (offscreen Qt's own is 800 × 800)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'screens' / '1920x1080.json'}"
# The user's folders (data, cache, settings) of the tests are a throw-away folder, never the real home.
_HOME = tempfile.mkdtemp(prefix="ccm-test-home-")
for _name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())

from ccm_secretariat.samples.demo import load_demo  # noqa: E402
from ccm_secretariat.services import Services, open_services  # noqa: E402
from tests import backends  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "tests" / "fixtures" / "seed_interim_report_2020.txt"


@pytest.fixture(scope="session")
def server_templates():
    """On PostgreSQL: a migrated database with the reference data, and one with the demo too (made once)."""
    if not backends.ON_POSTGRES:
        yield None
        return
    from sqlalchemy.engine import make_url

    made = []
    for with_demo in (False, True):
        url = backends.create_database()
        s = open_services(url)
        if with_demo:
            for _ in load_demo(s):
                pass
        s.close()
        made.append(url)
    yield tuple(make_url(u).database for u in made)
    for url in made:
        backends.drop_database(url)


def _opened(location):
    """Services over `location` for one test: closed after it, and a server's database dropped."""
    s = open_services(location)
    yield s
    s.close()
    if backends.ON_POSTGRES:
        backends.drop_database(location)


@pytest.fixture
def services(tmp_path, server_templates) -> Services:
    yield from _opened(
        backends.create_database(server_templates[0]) if backends.ON_POSTGRES else tmp_path / "desk.sqlite3"
    )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    s = open_services(path)
    for _ in load_demo(s):
        pass
    s.close()
    return path


@pytest.fixture
def demo(request, tmp_path, server_templates) -> Services:
    """Services over a private copy of a database holding the demo conference."""
    if backends.ON_POSTGRES:
        yield from _opened(backends.create_database(server_templates[1]))
        return
    path = tmp_path / "demo.sqlite3"
    shutil.copy(request.getfixturevalue("demo_template"), path)
    yield from _opened(path)


@pytest.fixture
def demo_meeting(demo):
    return demo.meetings.list()[0]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
