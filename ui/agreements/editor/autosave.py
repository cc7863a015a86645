"""Debounced autosave: write edits a moment after the user pauses, and at least every few seconds.

Each keystroke restarts a short "pause" timer; a second timer started by the first unsaved edit
caps the wait, so someone typing without pause still gets saved every ``max_wait_ms``. A crash
therefore loses at most the last couple of seconds of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ui.agreements.messages import error_text


class Autosaver(QObject):
    """Calls ``save()`` after edits go quiet for ``pause_ms`` (or after ``max_wait_ms``)."""

    sig_saved = Signal()
    sig_failed = Signal(str)

    def __init__(
        self,
        save: Callable[[], None],
        *,
        pause_ms: int = 1500,
        max_wait_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.pending = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self.flush)
        self._cap = QTimer(self)
        self._cap.setSingleShot(True)
        self._cap.setInterval(max_wait_ms)
        self._cap.timeout.connect(self.flush)

    def mark_dirty(self) -> None:
        """Note an edit; the save happens after the next pause."""
        self.pending = True
        self._pause.start()
        if not self._cap.isActive():
            self._cap.start()

    def flush(self) -> bool:
        """Save now if anything is pending; True when nothing is left unsaved."""
        self._pause.stop()
        self._cap.stop()
        if not self.pending:
            return True
        try:
            self._save()
        except Exception as exc:  # shown to the user; the edit stays pending for the next try
            self.sig_failed.emit(error_text(exc))
            # Try again later (e.g. the database was locked by a backup); the text stays typed.
            self._cap.start()
            return False
        self.pending = False
        self.sig_saved.emit()
        return True

    def discard(self) -> None:
        """Forget pending edits (the form was reloaded from the database)."""
        self._pause.stop()
        self._cap.stop()
        self.pending = False
