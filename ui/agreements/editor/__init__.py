"""The agreement editor: clause list, clause body, side panels, autosave and workflow actions."""
