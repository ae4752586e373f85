"""Connect to a shared desk on a PostgreSQL server: host, port, database, user, and the password, which is
asked for each time and never stored (the recent connections are remembered without it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget
from sqlalchemy.engine import URL, make_url

from ui.dialogs.form import FormDialog


def without_password(location: str) -> str:
    """What the desk may remember of a location: a file as it is, a server's URL with no password in it."""
    if "://" not in location:
        return location
    url = make_url(location)  # (URL.set(password=None) would keep the password: None there means "unchanged")
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query).render_as_string(
        hide_password=False
    )


class ConnectDialog(FormDialog):
    def __init__(self, known: str | None = None, parent: QWidget | None = None):
        super().__init__("Connect to a server", parent)
        url = make_url(known) if known and "://" in known else None
        self.host = QLineEdit(url.host or "" if url else "localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(url.port or 5432 if url else 5432)
        self.database = QLineEdit(url.database or "" if url else "")
        self.database.setPlaceholderText("e.g. ccm_14msp")
        self.user = QLineEdit(url.username or "" if url else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("asked each time; never stored")
        self.add_field("host", "Server", self.host)
        self.add_field("port", "Port", self.port)
        self.add_field("database", "Database", self.database)
        self.add_field("user", "User", self.user)
        self.add_field("password", "Password", self.password)
        self.first_field = self.password if url else self.host
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self.revalidate)
        self.setMinimumWidth(480)
        self.revalidate()

    def problems(self):
        for name, field in (("host", self.host), ("database", self.database), ("user", self.user)):
            if not field.text().strip():
                return name, f"Give the {name if name != 'host' else 'server'}."
        return None

    def submit(self) -> str:
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip(),
            password=self.password.text() or None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        ).render_as_string(hide_password=False)

    @classmethod
    def ask(cls, parent, known: str | None = None, problem: str = "") -> tuple[str | None, bool]:
        """The location to open; `problem` says why the last try failed (the fields as they were, the password
        to type again)."""
        dialog = cls(known, parent)
        dialog.problem.setText(problem)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
