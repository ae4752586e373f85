"""No document builder or writer holds an English sentence of a document: every sentence, heading and label a
document prints comes from the wording of its language (ccm_secretariat/language/, report/wording/). The string
literals of the builders and writers are read with `ast`; a run of three or more lowercase words is a sentence.

What is not a document's text is told apart by where it stands, not by its words: docstrings, errors raised,
the log, progress messages and warnings to the secretary (the interface is English), command-line help and
menu labels. A label the workbook looks up in each language's table of terms by its English form is a key of
the wording, allowed only while French and Spanish both translate it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ccm_secretariat.language import forms

ROOT = Path(__file__).resolve().parents[2] / "ccm_secretariat"
SCANNED = (
    *sorted((ROOT / "exports").glob("*.py")),
    ROOT / "report" / "builder.py",
    ROOT / "report" / "chapters.py",
    ROOT / "report" / "meeting_documents.py",
    *sorted((ROOT / "documents").glob("*.py")),
)
# The desk's own records for the secretary, in the interface's language (English), not documents of a meeting:
# the report of an import, a delegation's history, the obligations tracker.
NOT_DOCUMENTS = {"import_report.py", "history_workbook.py", "obligations_workbook.py"}
# Calls whose strings are the interface's: errors, the log, progress, command-line options and menu entries.
INTERFACE_CALLS = {
    "ValidationError",
    "DomainError",
    "ProfileError",
    "Progress",
    "_log_once",
    "Argument",
    "Variant",
    "DocumentKind",
    "_meeting_kind",
    "BadgeLayout",
    "sub",  # re.sub: a pattern
    "compile",
}
INTERFACE_OWNERS = {"log", "logging", "re"}
# Functions that word a message to the secretary (a warning, the pack's summary, why a document would be empty).
INTERFACE_FUNCTIONS = {
    "script_of",
    "missing_warning",
    "summary",
    "_recorded",
    "_badges_printed",
    "_agenda_empty",
    "_programme_empty",
}
# Not sentences: an Excel number format, the small words a name is not broken after.
NON_SENTENCES = {"d mmmm yyyy", "and of the for on in to at de du des la le les et y del el"}
SENTENCE = re.compile(r"(?<![\w{%./-])[a-z]+(?:[ ,]+[a-z]+){2,}(?![\w}])")


def _skipped(tree: ast.AST) -> set[int]:
    """The ids of the nodes whose strings are not a document's text."""
    skipped: set[int] = set()

    def skip(node: ast.AST) -> None:
        skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip(body[0])  # a docstring
        if isinstance(node, ast.Raise) and node.exc is not None:
            skip(node.exc)
        if isinstance(node, ast.FunctionDef) and node.name in INTERFACE_FUNCTIONS:
            skip(node)
        if isinstance(node, ast.keyword) and node.arg == "message":
            skip(node)
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            owner = getattr(f.value, "id", "") if isinstance(f, ast.Attribute) else ""
            if name in INTERFACE_CALLS or owner in INTERFACE_OWNERS:
                skip(node)
    return skipped


def sentences(source: str) -> list[tuple[int, str, str]]:
    """(line, the run of words, the literal) for each English-looking run in a document's strings."""
    tree = ast.parse(source)
    skipped = _skipped(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            for m in SENTENCE.finditer(node.value):
                found.append((node.lineno, m.group(0), node.value))
    return found


def _translated_term(text: str) -> bool:
    return all(text in forms(code).terms for code in ("fr", "es"))


def test_no_builder_or_writer_holds_an_english_sentence():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {words!r} in {literal[:70]!r}"
        for path in SCANNED
        if path.name not in NOT_DOCUMENTS
        for line, words, literal in sentences(path.read_text(encoding="utf-8"))
        if words not in NON_SENTENCES and not _translated_term(literal)
    ]
    assert found == [], "English in a builder or writer; move it into the wording (en, fr, es):\n" + "\n".join(found)


def test_the_scan_finds_a_sentence_and_leaves_the_interface_alone():
    source = '''
def draw(canvas):
    """A docstring says what it likes."""
    canvas.drawString(0, 0, f"Seats in alphabetical order from {first}")
    log.info("Exported the list in %s", "no time at all")
    raise ValidationError("there is no such layout.")
'''
    assert [words for _line, words, _literal in sentences(source)] == ["in alphabetical order from"]
    assert _translated_term("Category set by hand because") and not _translated_term("seats by lot today")
