"""PySide6 desktop user interface. Depends on ``mou`` and ``conferencing``, never the reverse."""

from ui.qt_compat import make_bools_immortal

# Before any signal is emitted: PySide6 6.12.0 leaks a reference of True per emit on 3.11.
make_bools_immortal()
