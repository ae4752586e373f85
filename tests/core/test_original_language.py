"""The masthead's "Original" line: the document's original language as the register records it (the one
language its entry lists), in the document's language; English when the entry lists several or there is none."""

import pytest

from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import DocumentType
from ccm_secretariat.exports.masthead import original_language
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.documents import DocumentInput
from tests.core.pdf_text import pdf_text


def test_the_original_is_the_one_language_the_register_lists():
    assert original_language("FR") == "French" and original_language("ZH") == "Chinese"
    assert original_language("EN FR ES") == "English" and original_language(None) == "English"
    assert original_language("", "Spanish") == "Spanish"


def _issued_in(services, meeting_id, doc_type, languages):
    entry = next(d for d in services.documents.list(meeting_id) if d.doc_type is doc_type)
    data = DocumentInput(entry.symbol, entry.title, entry.issue_date, languages, doc_type=doc_type)
    services.documents.update(entry.id, data, entry.version)


def _first_page(services, meeting_id, kind, tmp_path, language):
    out = tmp_path / f"{kind}-{language}.pdf"
    run_to_end(DOCUMENTS[kind].job(services, meeting_id, "pdf", out, ExportOptions(language=language)))
    return pdf_text(out)


@pytest.mark.parametrize(
    ("language", "english", "french"),
    [
        ("en", "Original: English", "Original: French"),
        ("fr", "Original : anglais", "Original : français"),
        ("es", "Original: inglés", "Original: francés"),
    ],
)
def test_each_localised_document_says_its_original_language(demo, demo_meeting, tmp_path, language, english, french):
    kinds = {"agenda": DocumentType.AGENDA, "participants": DocumentType.PARTICIPANTS}
    for kind in kinds:  # pypdf reads the non-breaking space as a space
        assert english in _first_page(demo, demo_meeting.id, kind, tmp_path, language).replace("\u00a0", " ")
    for kind, doc_type in kinds.items():
        _issued_in(demo, demo_meeting.id, doc_type, "FR")
        text = _first_page(demo, demo_meeting.id, kind, tmp_path, language).replace("\u00a0", " ")
        assert french in text and english not in text, kind
    # A register entry issued in several languages: the original is not recorded, English as before.
    _issued_in(demo, demo_meeting.id, DocumentType.AGENDA, "EN FR")
    assert english in _first_page(demo, demo_meeting.id, "agenda", tmp_path, language).replace("\u00a0", " ")
