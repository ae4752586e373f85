"""The words of the documents, one `Wording` per language (base.py: what the chapters ask; en.py: English)."""

from ccm_secretariat.report.wording.base import Wording

__all__ = ["Wording"]
