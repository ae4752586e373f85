"""The Qt layer of the secretariat desk. Widgets call services; they never see a session or a query."""
