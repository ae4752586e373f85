"""The Qt-free core of the secretariat desk: domain, storage, services, imports, exports, report, CLI."""

__version__ = "0.2.0"  # the one place: pyproject.toml, the CLI, the window and the documents read it
