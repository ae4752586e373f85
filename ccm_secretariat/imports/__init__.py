"""Registrations in: reading tables, mapping columns, resolving names, finding duplicates, the preview."""
