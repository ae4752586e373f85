"""Panels shown beside a page's tables."""
