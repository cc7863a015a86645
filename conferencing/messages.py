"""Machine-readable user-facing messages of the conferencing core.

The core words its errors in English (for logs and the CLI); the UI shows them in the user's
language. A :class:`DomainMessage` carries both: a stable ``code`` the UI maps to a translated
template with ``{param}`` placeholders, the ``params`` to fill in, and the English ``text``. Codes
never change meaning once released; add a new code instead. Each module that raises them lists
its codes in a ``StrEnum`` (``JoinCode``, ``TokenCode`` ...), which a test compares with the
UI's tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DomainMessage:
    """One user-facing message: stable ``code``, its ``params`` and the English ``text``."""

    code: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    text: str = ""

    def __str__(self) -> str:
        return self.text or self.code
