"""The documents the desk writes, declared once (the registry), and the meeting's pack of them."""
