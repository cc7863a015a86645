"""Agreement packages over the verified call: a draft, a new round and approvals without files.

The very package a file would carry (``mou.exchange``: signed with the office exchange key;
trust, signature and size checked before anything is parsed; a replay writes nothing) travels
as one app message of kind :data:`PACKAGE_KIND`. It is sent only while every office in the call
is verified and read only from a peer whose link is verified, at most
:data:`MAX_PACKAGES_PER_PEER` times per office and call. What arrives is imported as the user
acting here, exactly as "Import package…" would, and announced in the call's chat; the
agreements page opens or reloads it (:class:`AgreementSharedInCall`).

Sent without asking: our office's approval of a round (so "Approve" is the whole step on each
side: the approval that completes the round makes it Agreed in both offices) and the round a live-review change became once the other office accepted it. Sent on
request: the agreement open in the editor ("Share with … in this call").
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mou import events as mou_events
from mou.agreement import AgreementError, get_agreement
from mou.exchange import ExchangeKeyError, PackageError, export_package, import_package
from mou.exchange.package import MAX_PACKAGE_BYTES
from mou.revision import ChainError
from mou.workflow import WorkflowError, approvals_of, conclude_when_all_approved
from ui.agreements.acting import required_actor
from ui.agreements.messages import error_text
from ui.exchange_keys import office_exchange_key

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.vicon.controller import CallController

PACKAGE_KIND = "lintas.package"
#: A package in a call is at most this large (base64 of 3 MiB); larger ones go by file.
MAX_PACKAGE_B64 = 4 * 1024 * 1024
#: Packages read per office and call (a flood is ignored; a replay is a no-op anyway).
MAX_PACKAGES_PER_PEER = 200

assert MAX_PACKAGE_B64 * 3 // 4 <= MAX_PACKAGE_BYTES


@dataclass(frozen=True)
class AgreementAgreedInCall:
    """Posted on the bridge when the last approval, given or received in the call, made it Agreed."""

    agreement_id: int


@dataclass(frozen=True)
class AgreementSharedInCall:
    """Posted on the bridge after a package from the call was imported here."""

    agreement_id: int
    office: str  # the office that sent it
    created: bool  # the agreement is new here
    diverged: bool  # both offices changed the same round: reconcile


class CallPackages(QObject):
    """Sends and receives agreement packages in one call (one per call window)."""

    sig_shared = Signal(int, str)  # agreement id imported, office it came from
    sig_sent = Signal(int)  # agreement id sent
    sig_problem = Signal(str)  # a sentence for the user

    def __init__(
        self, context: AppContext, controller: CallController, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.received: dict[str, int] = {}
        self._sent_approvals: set[tuple[int, str]] = set()
        controller.sig_app_message.connect(self._message)
        context.bridge.subscribe(mou_events.ApprovalRecorded, self._approved, owner=self)
        controller.call_packages = self  # type: ignore[attr-defined]

    # -- sending ---------------------------------------------------------------------------

    def ready(self) -> bool:
        """True while another office is in the call and every office in it is verified."""
        return self.controller.all_verified()

    def offices(self) -> list[str]:
        """The other offices in the call."""
        return sorted(set(self.controller.participants().values()))

    def send(self, agreement_id: int) -> bool:
        """Send the agreement's package to the verified call; False (with a sentence) if not."""
        if not self.ready():
            self.sig_problem.emit(
                self.tr("Nothing was sent: every office in the call must be verified first.")
            )
            return False
        try:
            with self.context.database.session() as session:
                parties = {p.name for p in get_agreement(session, agreement_id).parties}
        except AgreementError as exc:
            self.sig_problem.emit(self.tr("Nothing was sent: %1").replace("%1", error_text(exc)))
            return False
        # Only to the parties, as their certificates prove them: a third office in the call
        # does not receive another agreement's text.
        recipients = [
            peer_id
            for peer_id in self.controller.participants()
            if (state := self.controller.verification(peer_id)) is not None
            and state.verified
            and state.office in parties
        ]
        if not recipients:
            self.sig_problem.emit(
                self.tr("Nothing was sent: no office in this call is a party to this agreement.")
            )
            return False
        try:
            key = office_exchange_key(self.context.data_dir)
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                data = export_package(session, get_agreement(session, agreement_id), key, actor)
        except (ExchangeKeyError, AgreementError, PackageError) as exc:
            self.sig_problem.emit(self.tr("Nothing was sent: %1").replace("%1", error_text(exc)))
            return False
        if len(data) * 4 // 3 + 4 > MAX_PACKAGE_B64:
            self.sig_problem.emit(
                self.tr(
                    "This agreement is too large to send in the call; use “Export package…” "
                    "and send the file."
                )
            )
            return False
        encoded = base64.b64encode(data).decode("ascii")
        for peer_id in recipients:
            self.controller.send_message_to(peer_id, PACKAGE_KIND, {"package": encoded})
        self.sig_sent.emit(agreement_id)
        return True

    def _approved(self, event: mou_events.ApprovalRecorded) -> None:
        """Our office approved a round: the other office gets the approval in the call."""
        if event.office_name != self.context.office.display_name or not self.ready():
            return
        key = (event.agreement_id, event.revision_hash)
        if key in self._sent_approvals:
            return
        try:
            with self.context.database.session() as session:
                agreement = get_agreement(session, event.agreement_id)
                current = agreement.current_revision
                parties = {p.name for p in agreement.parties}
                ours = any(
                    a.office_uuid == self.context.office.uuid
                    for a in approvals_of(session, agreement, event.revision_hash)
                )
        except AgreementError:
            return  # not an agreement of this database (events are process-wide)
        # Only for an agreement with an office in this call, and only what this database holds.
        if current is None or current.hash != event.revision_hash or not ours:
            return
        if not parties & set(self.offices()):
            return  # no party in this call: nothing to send (and nothing to say)
        self._sent_approvals.add(key)
        self.send(event.agreement_id)
        self._conclude(event.agreement_id)

    def _conclude(self, agreement_id: int) -> None:
        """Both offices approved the same round: Agreed here too, without another click."""
        try:
            with self.context.database.session() as session:
                agreed = conclude_when_all_approved(session, get_agreement(session, agreement_id))
        except (AgreementError, WorkflowError):
            return  # "Mark as agreed" stays available and says why
        if agreed:
            self.context.bridge.post(AgreementAgreedInCall(agreement_id))

    # -- receiving -------------------------------------------------------------------------

    def _message(self, peer_id: str, office: str, kind: str, payload: Any) -> None:
        if kind != PACKAGE_KIND:
            return
        count = self.received.get(peer_id, 0) + 1
        self.received[peer_id] = count
        state = self.controller.verification(peer_id)
        # Unproven links are not listened to; the package's own signature is checked too.
        if count > MAX_PACKAGES_PER_PEER or state is None or not state.verified:
            return
        text = payload.get("package") if isinstance(payload, dict) else None
        if not isinstance(text, str) or len(text) > MAX_PACKAGE_B64:
            return
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return
        self.import_data(data, state.office or office)

    def import_data(self, data: bytes, office: str) -> int | None:
        """Import a package that came over the call; the agreement id, or None (and a reason)."""
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                result = import_package(session, data, actor)
                agreement_id = result.agreement.id
                created, diverged, nothing_new = (
                    result.created,
                    result.diverged,
                    result.nothing_new,
                )
                title = result.agreement.title
        except (PackageError, ChainError, AgreementError) as exc:
            self.sig_problem.emit(
                self.tr("%1 sent an agreement in the call, but nothing was imported: %2")
                .replace("%1", office)
                .replace("%2", error_text(exc))
            )
            return None
        if nothing_new:
            return agreement_id
        self.sig_shared.emit(agreement_id, office)
        self.context.bridge.post(AgreementSharedInCall(agreement_id, office, created, diverged))
        self._conclude(agreement_id)
        self._notice(
            self.tr("%1 shared “%2” in this call. It is in Agreements.")
            .replace("%1", office)
            .replace("%2", title)
        )
        return agreement_id

    def _notice(self, text: str) -> None:
        chat = getattr(self.parent(), "chat", None)
        if chat is not None:
            chat.add_notice(text)


def call_packages_of(controller: CallController | None) -> CallPackages | None:
    """The package exchange of a call (None without a call, or before it was attached)."""
    return getattr(controller, "call_packages", None) if controller is not None else None


def attach_call_packages(context: AppContext, window: QObject) -> CallPackages:
    """Run the package exchange for the call of ``window`` (a call window)."""
    controller = window.controller  # type: ignore[attr-defined]
    packages = CallPackages(context, controller, window)
    packages.sig_problem.connect(packages._notice)
    return packages
