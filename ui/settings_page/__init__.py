"""Settings page (the ``ui.settings`` module is the typed accessor it edits)."""
