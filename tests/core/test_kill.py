"""Kill rounds in CI: a user-level operation killed at a random moment leaves the database as before or as after."""

from __future__ import annotations

import io
import os

from tests.core.kill_rounds import run


def test_killed_operations_leave_the_database_as_before_or_as_after(tmp_path, capsys):
    rounds = int(os.environ.get("CCM_KILL_ROUNDS", "50"))
    figures = io.StringIO()
    outcomes = run(rounds, seed=20261127, folder=tmp_path, out=figures)
    with capsys.disabled():  # the figures go to CI's log
        print("\n" + figures.getvalue(), end="")
    assert outcomes["as before"] + outcomes["as after"] == rounds, dict(outcomes)
