"""Errors told to users without internals.

Coded core errors go through each area's ``MessageTable``. What is left, an ``OSError`` from a
file, a library's exception, an uncoded error, must never reach a label as ``str(exc)``: that
text is English and can carry paths, URLs, ports, database URLs or certificate names
(``CN=…,OU=…``). :func:`file_error_text` says what went wrong with a file and what to do;
:func:`plain_text` passes a core's own text only when it carries none of those internals, else a
general sentence. :data:`INTERNALS` is the check the tests apply to every shown message.
"""

from __future__ import annotations

import errno
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_C = "PlainErrors"

#: What must never appear in a message shown to a user.
INTERNALS: dict[str, re.Pattern[str]] = {
    "certificate name syntax": re.compile(r"\b(CN|OU|O|C|L|ST)=\S"),
    "URL": re.compile(r"\b[a-z][a-z0-9+.-]*://", re.IGNORECASE),
    "database URL": re.compile(r"\b(sqlite|postgresql|mysql)\+\w+", re.IGNORECASE),
    "host and port": re.compile(r"\b(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):\d+"),
    "port number": re.compile(r"\bport \d+", re.IGNORECASE),
    "file path": re.compile(r"(^|[\s'\"(])(/[\w.-]+){2,}|[A-Za-z]:\\\\"),
    "exception text": re.compile(
        r"\[Errno|Traceback|Exception\b|Error:|\b\w+Error\b|errno|strerror", re.IGNORECASE
    ),
}

_FILE_TEXTS = {
    errno.EACCES: QT_TRANSLATE_NOOP(
        "PlainErrors", "You may not use that file or folder. Choose another place."
    ),
    errno.EPERM: QT_TRANSLATE_NOOP(
        "PlainErrors", "You may not use that file or folder. Choose another place."
    ),
    errno.ENOENT: QT_TRANSLATE_NOOP(
        "PlainErrors", "The file or its folder does not exist (any more). Choose it again."
    ),
    errno.ENOSPC: QT_TRANSLATE_NOOP(
        "PlainErrors", "The disk is full. Free some space or choose another disk."
    ),
    errno.EROFS: QT_TRANSLATE_NOOP(
        "PlainErrors", "That disk cannot be written to. Choose another place."
    ),
    errno.EISDIR: QT_TRANSLATE_NOOP("PlainErrors", "That is a folder. Choose a file."),
}
_FILE_OTHER = QT_TRANSLATE_NOOP(
    "PlainErrors", "The file could not be used. Check the disk or choose another place."
)
_GENERAL = QT_TRANSLATE_NOOP(
    "PlainErrors",
    "Something went wrong. Try again; if it happens again, ask your IT staff to check the "
    "computer and the network.",
)


def has_internals(text: str) -> list[str]:
    """Names of the internals ``text`` shows (empty when it is fit for a user)."""
    return [name for name, pattern in INTERNALS.items() if pattern.search(text)]


def file_error_text(error: OSError) -> str:
    """What went wrong with a file, and what to do, without its path or the system's words."""
    text = _FILE_TEXTS.get(error.errno or 0, _FILE_OTHER)
    return QCoreApplication.translate(_C, text)


def general_error_text() -> str:
    """The sentence for a failure that has no coded message."""
    return QCoreApplication.translate(_C, _GENERAL)


def plain_text(error: BaseException | str) -> str:
    """An uncoded error's own text when it is fit to show, else a general sentence.

    An ``OSError`` is told by :func:`file_error_text`.
    """
    if isinstance(error, OSError) and not isinstance(error, ConnectionError | TimeoutError):
        return file_error_text(error)
    text = error if isinstance(error, str) else str(error)
    if not text.strip() or has_internals(text):
        return general_error_text()
    return text
