"""PySide6 desktop user interface. Depends on ``mou`` and ``conferencing``, never the reverse."""
