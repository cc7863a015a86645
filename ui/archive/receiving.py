"""What to do with a PDF opened from a file: join the signing here, or just show it.

A counterpart's partly (or fully) signed file of an agreement that is Agreed or being signed in
this office's database goes through ``mou.signing.offline.receive`` (verified on arrival, then
archived). Anything else (a mailed copy of a signed agreement, another office's document) is
only shown, verified and printed; nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from mou.agreement import AgreementStatus, by_uuid
from mou.signing import offline as offline_signing
from mou.signing.offline import OfflineSigningError, Received
from ui.archive.messages import error_text, state_text
from ui.archive.office_files import acting_user, own_certificate, signed_archive
from ui.context import AppContext

_RECEIVABLE = (AgreementStatus.AGREED.value, AgreementStatus.SIGNING.value)
_ARCHIVED = (
    AgreementStatus.SIGNED.value,
    AgreementStatus.EXPIRED.value,
    AgreementStatus.TERMINATED.value,
)


@dataclass(frozen=True)
class Arrival:
    """The outcome: show the file only (``view``), or it was ``received``, or a refusal."""

    view: bool = False
    received: Received | None = None
    message: str = ""
    ok: bool = True


def agreement_state(context: AppContext, data: bytes) -> str | None:
    """The local state of the agreement the PDF names (``None``: not ours / not Lintas)."""
    try:
        uuid, _revision = offline_signing.identify(data)
    except OfflineSigningError:
        return None
    with context.database.session() as s:
        agreement = by_uuid(s, uuid)
        return agreement.status if agreement is not None else None


def receive_file(context: AppContext, data: bytes) -> Arrival:
    """Receive ``data`` into the signing of its agreement, or say to only show it."""
    state = agreement_state(context, data)
    if state not in _RECEIVABLE:
        if state is not None and state not in _ARCHIVED:
            return Arrival(
                view=True,
                ok=False,
                message=QCoreApplication.translate(
                    "ArchiveReceiving",
                    "This agreement is not Agreed here yet ({state}); the file opens for "
                    "reading and verifying only.",
                ).format(state=state_text(state)),
            )
        return Arrival(view=True)
    actor = acting_user(context)
    if actor is None:
        return Arrival(
            ok=False,
            message=QCoreApplication.translate(
                "ArchiveReceiving", "Choose who you are in the window header first."
            ),
        )
    try:
        with context.database.session() as s:
            received = offline_signing.receive(
                s, data, actor, signed_archive(context), own_certificate=own_certificate(context)
            )
    except OfflineSigningError as exc:
        return Arrival(ok=False, message=error_text(exc))
    return Arrival(
        received=received,
        message=QCoreApplication.translate(
            "ArchiveReceiving", "The file was verified and stored: {done} of {total} signatures."
        ).format(done=received.status.signed_count, total=len(received.status.signatories)),
    )
