"""Every long-running core operation yields one shape, `Progress`, and hands back what it produced as a result,
never inside a message."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ccm_secretariat.imports.plan import Outcome
from ccm_secretariat.progress import Progress, result_of, run_for, run_to_end
from ccm_secretariat.services.imports import ImportResult
from tests.core.test_imports import load, meeting  # noqa: F401  (the fixture)

CORE = Path(__file__).resolve().parents[2] / "ccm_secretariat"


def _items(job) -> list:
    items = list(job)
    assert items and all(type(item) is Progress for item in items), {type(item).__name__ for item in items}
    return items


def test_loading_the_demo_yields_progress_and_its_meeting_as_the_result(services):
    from ccm_secretariat.samples.demo import existing_demo, load_demo

    items = _items(load_demo(services))
    assert [i.done for i in items] == sorted(i.done for i in items) and items[-1].done == items[-1].total
    loaded = existing_demo(services)
    assert loaded is not None and items[-1].result == loaded.id
    assert str(loaded.id) not in items[-1].message.split()


def test_a_synthetic_meeting_comes_back_as_its_id_not_as_a_message(services):
    from ccm_secretariat.samples.synth import synthesise

    before = {m.id for m in services.meetings.list()}
    items = _items(synthesise(services, 40, seed=2))
    (made,) = {m.id for m in services.meetings.list()} - before
    assert items[-1].result == made and type(items[-1].result) is int
    assert items[-1].message == "40 participants" and items[-1].done == items[-1].total == 40
    assert run_for(synthesise(services, 10, seed=2), int) not in before | {made}


def test_an_import_yields_progress_and_its_result_last(services, meeting, tmp_path):  # noqa: F811
    path = tmp_path / "few.csv"
    path.write_text("First Name,Last Name,Delegation\nAna,Ruiz,Spain\nBo,Li,Chile\n", encoding="utf-8")
    incoming, _plan = load(services, path, meeting.id)
    items = _items(services.imports.commit(meeting.id, incoming))
    result = result_of(items[-1], ImportResult)
    assert result.count(Outcome.ADD) == 2 and items[-1].message == result.summary
    assert all(i.result is None for i in items[:-1])
    assert not hasattr(result, "done")  # a result, no longer posing as progress


def test_asking_for_the_wrong_kind_of_result_says_so():
    with pytest.raises(TypeError, match="produced int, not str"):
        result_of(Progress(1, 1, result=3), str)
    with pytest.raises(ValueError, match="yielded nothing"):
        run_to_end(iter(()))


def _old_shape(node: ast.AST) -> bool:
    """`yield done, total, "what"` (or an f-string): progress as a bare tuple."""
    return (
        isinstance(node, ast.Yield)
        and isinstance(node.value, ast.Tuple)
        and len(node.value.elts) == 3
        and isinstance(node.value.elts[2], ast.Constant | ast.JoinedStr | ast.Call | ast.Subscript)
    )


def test_no_core_generator_yields_progress_as_a_bare_tuple():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            returns = ast.unparse(function.returns) if function.returns else ""
            if "tuple[int, int, str]" in returns or "Iterator[Any]" in returns:
                offenders.append(f"{path.relative_to(CORE)}: {function.name} -> {returns}")
            offenders += [f"{path.relative_to(CORE)}:{n.lineno}" for n in ast.walk(function) if _old_shape(n)]
    assert offenders == []
