"""Workaround for a reference-count bug of PySide6 6.12.0 on CPython 3.11.

``SignalInstance.emit()`` returns ``True`` without taking a new reference, so every emit drops one
reference of the ``True`` singleton. CPython 3.12+ makes ``True`` immortal and does not care; on
3.11 the count reaches zero after enough emits and the interpreter aborts ("bool_dealloc:
deallocating True or False"), typically at exit, turning a passing test run into exit code 134.
Reproduce: emit any signal ~50 times in a fresh process and let it exit.

The fix gives ``True`` a huge reference count once, which is what 3.12's immortal objects do.
Remove this module when the project moves to Python >= 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 references: at a million emits per second that lasts tens of thousands of years.
_IMMORTAL_BOOST = 1 << 60


def make_bools_immortal() -> None:
    """Raise the reference counts of ``True`` and ``False`` out of reach (3.11 only; idempotent)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_lintas_bools_immortal", False):
        return
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t at id(obj)).
        refcnt = ctypes.c_ssize_t.from_address(id(value))
        refcnt.value += _IMMORTAL_BOOST
    sys._lintas_bools_immortal = True  # type: ignore[attr-defined]
