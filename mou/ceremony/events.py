"""What a signing ceremony reports to its listeners (plain frozen dataclasses, no Qt).

The UI re-emits them as queued Qt signals; tests collect them in a list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mou.ceremony.store import Attendance, CeremonyRecord


@dataclass(frozen=True)
class CeremonyEvent:
    """Base of everything a ceremony reports to its listeners."""


@dataclass(frozen=True)
class CeremonyUpdated(CeremonyEvent):
    """The record changed (presented, confirmed, signed, attendance). A private copy."""

    record: CeremonyRecord


@dataclass(frozen=True)
class AttendanceChanged(CeremonyEvent):
    """Someone joined or left the session (also before anything is presented)."""

    attendance: list[Attendance]


@dataclass(frozen=True)
class CeremonyCompleted(CeremonyEvent):
    """Every signatory signed and this office verified the final PDF."""

    ceremony_id: str
    pdf_sha256: str
    signatures: int


@dataclass(frozen=True)
class CeremonyProblem(CeremonyEvent):
    """Something arriving was refused (nothing was changed); shown to the user."""

    code: str
    message: str
    office: str = ""
    # The refusal's details (``CeremonyError.params``: which pasal differs, ...) for the UI's
    # translated sentence.
    params: Mapping[str, str | int] = field(default_factory=dict)


Listener = Callable[[CeremonyEvent], None]
