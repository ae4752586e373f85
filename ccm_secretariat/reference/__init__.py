"""The reference data shipped with the application (States, treaties and their status, organisations)."""
