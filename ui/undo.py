"""Undo and redo of edits: each edit is done through a service at once (so it is saved), then pushed as a
command whose undo calls the service back. Any error during undo or redo (a domain error, a lost database, a
bug) is reported and the step set aside, never raised into Qt; a service commits whole or not at all, so
nothing is left half-done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from ccm_secretariat.errors import ConflictError, DomainError
from ccm_secretariat.progress import Progress
from ui.errors import explain

# (title, the work, when done, when it failed): runs the work off the main thread (ui/tasks.py TaskRunner.run)
Runner = Callable[
    [str, Callable[[], Iterator[Progress]], Callable[[object], None], Callable[[BaseException], None]], None
]


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        result: Any,
        after: Callable[[], None],
        report: Callable[[str], None],
        runner: Runner | None = None,
    ):
        super().__init__(text)
        self._do, self._undo, self.result = do, undo, result
        self._after, self._report = after, report
        self._runner = runner  # a long step (a large removal): its undo and redo run off the main thread
        self._first = True

    def redo(self) -> None:
        if self._first:  # done already, before the push
            self._first = False
            return
        self._call(lambda: setattr(self, "result", self._do()), "Redo", "Redone")

    def undo(self) -> None:
        self._call(lambda: self._undo(self.result), "Undo", "Undone")

    def _call(self, action: Callable[[], None], verb: str, done: str) -> None:
        if self._runner is not None:
            self._runner(
                f"{verb}: {self.text()}", lambda: _steps(action), lambda _last: self._done(done), self._failed(verb)
            )
            return
        try:
            action()
        except Exception as exc:
            self._failed(verb)(exc)
            return
        self._done(done)

    def _done(self, done: str) -> None:
        self._report(f"{done}: {self.text()}")
        self._after()

    def _failed(self, verb: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:  # every error a service raises: said, the step set aside
            message = exc.message if isinstance(exc, DomainError) else explain(exc, f"{verb} of {self.text()}")
            self._report(f"{verb} of “{self.text()}” failed: {message}")
            self.setObsolete(True)
            self._after()

        return failed


def _steps(action: Callable[[], None]) -> Iterator[Progress]:
    """One step of work as a task: said, done, said done (a service call commits whole or not at all)."""
    yield Progress(0, 1, "")
    action()
    yield Progress(1, 1, "")


class UndoRecorder:
    """Performs an edit through a service, records it on the undo stack (with the versions its undo and redo
    are checked against) and refreshes the views."""

    def __init__(self, stack: QUndoStack, after: Callable[[], None], report: Callable[[str], None]):
        self.stack = stack
        self._after = after
        self._report = report
        self._chains: dict[tuple, dict] = {}  # record -> the version the desk last saw of it
        self.runner: Runner | None = None  # where long steps' undo and redo run (the window's task runner)

    def perform(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        after: Callable[[], None] | None = None,
        long: bool = False,
    ) -> Any:
        """Run `do` now (a DomainError reaches the caller, nothing is recorded); then make it undoable.
        `after` refreshes what the edit touched (default: the current page). `long`: a large step (a delegation
        with its members, a selection of people) whose undo and redo run off the main thread, as exports do."""
        result = do()
        after = after or self._after
        runner = self.runner if long else None
        self.stack.push(ServiceCommand(text, do, undo, result, after, self._report, runner))
        after()
        self._report(text)
        return result

    def perform_addition(
        self,
        text: str,
        add: Callable[[], Any],
        remove: Callable[[int], Any],
        restore: Callable[[Any], Any],
        after: Callable[[], None] | None = None,
    ) -> Any:
        """An addition whose undo removes it (keeping the snapshot the removal returns) and whose redo restores
        that snapshot: the same row with the same id, so later edits on the stack still find it."""
        state: dict[str, Any] = {}

        def do():
            if "snapshot" in state:
                restore(state.pop("snapshot"))
            else:
                state["result"] = add()
            return state["result"]

        def undo(_result):
            state["snapshot"] = remove(state["result"].id)

        return self.perform(text, do, undo, after)

    def seen(self, key: tuple, version: int) -> dict:
        """What one dialog edits `key` (("participant", 12)) on: the record's version chain, shared by the
        desk's own edits of it. A screen that shows the version the desk's last own edit left continues the
        chain, so undoing two edits of one record in turn works; a screen that shows another desk's later
        version starts a new one, so that the older edits' undo is refused rather than overwriting it."""
        chain = self._chains.get(key)
        if chain is None or chain["version"] != version:
            chain = self._chains[key] = {"version": version}
        return {"key": key, "chain": chain}

    def restart(self, key: tuple, version: int) -> dict:
        """A new chain from another desk's `version` (the edits before it keep theirs, and stay refused)."""
        chain = self._chains[key] = {"version": version}
        return chain

    def perform_versioned(
        self,
        text: str,
        save: Callable[[Any, int], Any],
        data: Any,
        before: Any,
        seen: dict,
        after: Callable[[], None] | None = None,
    ) -> Any:
        """An edit made on the version this screen read, with undo and redo made on the version last seen:
        another desk's later change is refused (ConflictError: nothing saved), never overwritten unknowingly.
        `save(values, expected_version)` returns the row saved (with its new version); `seen` comes from
        `seen()`, kept by the caller across the tries of one dialog. After a refusal the screen is refreshed,
        and OK again applies the change on the version it now shows (a new chain: the edits before it stay
        refused)."""
        chain = seen["chain"]

        def call(values):
            try:
                row = save(values, chain["version"])
            except ConflictError as exc:
                if isinstance(exc.current, int):
                    seen["chain"] = self.restart(seen["key"], exc.current)
                (after or self._after)()
                raise
            chain["version"] = row.version
            return row

        return self.perform(text, lambda: call(data), lambda _r: call(before), after)

    def perform_on_versions(
        self,
        text: str,
        kind: str,
        shown: dict[int, int],
        do: Callable[[dict[int, int]], tuple[Any, dict[int, int]]],
        undo: Callable[[Any, dict[int, int]], dict[int, int]],
        current: Callable[[], dict[int, int]],
        after: Callable[[], None] | None = None,
    ) -> Any:
        """An edit of several records of one `kind` ("delegation"), made on the versions this screen `shown`
        (record -> version), its undo and redo on the versions this desk last saw (each record's chain, see
        `seen`). `do(versions)` returns (what undo needs, the new versions); `undo(that, versions)` returns the new
        versions; the service checks the versions and refuses another desk's later change (ConflictError: nothing
        saved). After a refusal of the edit itself, `current()` re-reads the versions so that OK again applies it
        knowingly (the older edits' undo stays refused)."""
        chains = {i: self.seen((kind, i), v)["chain"] for i, v in shown.items()}
        done: dict[str, Any] = {}

        def versions() -> dict[int, int]:
            return {i: chain["version"] for i, chain in chains.items()}

        def advance(new: dict[int, int]) -> None:
            for i, version in new.items():
                chains[i]["version"] = version

        def redo():
            try:
                done["undo"], new = do(versions())
            except ConflictError:
                if "undo" not in done:  # the edit itself: a new chain from the versions now
                    for i, version in current().items():
                        if version != chains[i]["version"]:
                            chains[i] = self.restart((kind, i), version)
                    (after or self._after)()
                raise
            advance(new)
            return done["undo"]

        return self.perform(text, redo, lambda _r: advance(undo(done["undo"], versions())), after)

    def perform_removal(
        self,
        text: str,
        key: tuple,
        version: int,
        remove: Callable[[int], Any],
        restore: Callable[[Any], Any],
        after: Callable[[], None] | None = None,
    ) -> Any:
        """A removal of the record `key` made on the `version` shown, its redo on the version this desk last saw
        (the record's chain, see `seen`); `remove(version)` returns what `restore` needs, and undo continues the
        chain from the restored row's version, so the record's earlier edits stay undoable in turn."""
        chain = self.seen(key, version)["chain"]

        def undo(removed: Any) -> None:
            chain["version"] = restore(removed).version

        return self.perform(text, lambda: remove(chain["version"]), undo, after)

    def record(
        self,
        text: str,
        redo: Callable[[], Any],
        undo: Callable[[Any], Any],
        result: Any,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Make undoable an edit done already (a long one that ran off the main thread, such as an import)."""
        after = after or self._after
        self.stack.push(ServiceCommand(text, redo, undo, result, after, self._report))
        after()
        self._report(text)
