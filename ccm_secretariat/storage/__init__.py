"""Where the desk keeps its data: the database (engine, upgrade, roles), its backups and copies, the watch on
other desks' changes, the files being written, the user's folders, and what erasing for good does to the files."""
