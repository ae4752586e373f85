"""The Qt-free core of the secretariat desk: domain, storage, services, imports, exports, report, CLI."""

__version__ = "0.1.0"
