"""Trust made in the call: two offices that never met exchange office cards and compare a code.

Each office sends its office card to every office that joins (app channel, kind
:data:`CARD_KIND`). A card from an office we do not trust yet is checked (size first, then its
signatures, by ``mou.exchange.read_office_card``) and kept; once the engine knows the call's
short code for that link, the bar offers "Compare the code, then trust this office". The code is
computed by both sides over both DTLS fingerprints (``conferencing.call_identity``): when the two
people read the same code, nobody sits between the two computers, so the card came from them.

Trusting an office is a reviewer's or the head's act (the domain refuses anyone else). When the
drafter is acting, as after set-up, the bar asks the head of region's password beside the
button, checked like "Acting as" (same per-user pause after a wrong try); the office is trusted
in the head's name and the drafter goes on acting: the head's power is asked for when it is used.

Pressing "Trust this office" stores the card's office and certificate (as a file import would),
pins the certificate for this call and tells the other office (:data:`TRUSTED_KIND`), which then
proves itself again with its office key: the tile turns "Verified: <office>" only if the card's
certificate really signed this call. A card from an office already trusted changes nothing (a
replay is a no-op); at most :data:`MAX_CARDS_PER_PEER` cards per office and call are read.

Trust made in a call stands on that call's proof. If the link to that office turns "intercepted"
afterwards, or the office has not proved itself :data:`PROOF_WAIT_MS` after the user trusted it,
the trust made in this call is withdrawn (certificate, exchange key, the engine's pin) and the
user is told: the people may have misread the code, and a card that is not proven is not kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from conferencing.call_identity import PeerVerification
from mou import models
from mou.agreement import AgreementError
from mou.exchange import (
    PackageError,
    card_office_name,
    is_trusted,
    read_card,
    revoke_trust,
    trust_office_card,
)
from mou.models import LocalUser
from mou.office import Actor, OfficeError, Role
from mou.signing.identity import fingerprint_sha256
from ui.agreements.acting import current_role, required_actor
from ui.agreements.editor.approve_as import head_of_region
from ui.agreements.messages import error_text
from ui.office_card import MAX_CARD_BYTES, our_card
from ui.office_messages import office_error_text
from ui.pin_dialog import check_secret, secret_pause
from ui.vicon.controller import CallController
from ui.vicon.trust_bar import TrustBar
from ui.vicon.verification import spoken_code

if TYPE_CHECKING:
    from ui.context import AppContext

CARD_KIND = "lintas.office_card"
TRUSTED_KIND = "lintas.office_trusted"
#: Cards read per office and call: a repeat is harmless, a flood is ignored.
MAX_CARDS_PER_PEER = 3
#: "I trusted you" notices honoured per office and call (each makes us re-sign our binding).
MAX_TRUSTED_NOTICES = 3
#: How long an office trusted in the call has to prove it holds the card's certificate.
PROOF_WAIT_MS = 20_000
#: Who may trust an office (``mou.exchange.card.trust_certificate`` enforces the same).
TRUSTING_ROLES = frozenset({Role.SIGNATORY, Role.REVIEWER})


@dataclass(frozen=True)
class OfficeTrustedInCall:
    """Posted on the bridge after the user trusted an office in a call (its display name)."""

    office: str


@dataclass(frozen=True)
class AgreementWithOfficeRequested:
    """Posted on the bridge by "Start an agreement with …": the main window opens New agreement
    with that office (its display name) chosen."""

    office: str


@dataclass(frozen=True)
class OfficeTrustWithdrawn:
    """Posted on the bridge after trust made in a call was withdrawn (its display name)."""

    office: str


@dataclass(frozen=True)
class _Trusted:
    """An office trusted in this call: what to undo if the call does not prove it."""

    office: str
    fingerprint: str
    der: bytes
    actor: Actor


@dataclass
class _Offer:
    """A counterpart's card waiting for the user's decision."""

    data: bytes
    office: str
    fingerprint: str
    exchange_key: bytes = b""  # the card's exchange key, pinned with its certificate


class TrustExchange(QObject):
    """Runs the card exchange of one call and drives its :class:`TrustBar`."""

    sig_trusted = Signal(str)  # display name of the office trusted in this call
    sig_withdrawn = Signal(str)  # display name of an office whose trust was withdrawn

    def __init__(
        self,
        context: AppContext,
        controller: CallController,
        bar: TrustBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.bar = bar
        self.offers: dict[str, _Offer] = {}
        self.trusted_here: dict[str, str] = {}  # peer_id -> office trusted in this call
        self._made_here: dict[str, _Trusted] = {}  # what to undo if this call's proof fails
        self.withdrawn: dict[str, str] = {}  # peer_id -> office whose trust was withdrawn
        self._cards_seen: dict[str, int] = {}
        self._notices_seen: dict[str, int] = {}
        self._current: str | None = None
        controller.sig_participant_joined.connect(self._joined)
        controller.sig_participant_left.connect(self._left)
        controller.sig_app_message.connect(self._message)
        controller.sig_verification.connect(self._verification)
        bar.trust_button.clicked.connect(self.trust_current)
        bar.secret.returnPressed.connect(self.trust_current)
        bar.secret.textChanged.connect(self._secret_typed)
        bar.agreement_button.clicked.connect(self._start_agreement)
        self._agreement_office = ""

    # -- sending ---------------------------------------------------------------------------

    @Slot(str, str)
    def _joined(self, peer_id: str, _office: str) -> None:
        card = our_card(self.context)
        if card is None:
            return  # no endorsed card on this computer: the file way still works
        self.controller.run(
            self.controller.engine.send_message_to(
                peer_id, CARD_KIND, {"card": card.decode("utf-8")}
            ),
            report_errors=False,  # the office may have left meanwhile
        )

    @Slot(str, str)
    def _left(self, peer_id: str, _office: str) -> None:
        self.offers.pop(peer_id, None)
        if self._current == peer_id:
            self._current = None
            self.bar.hide()
        self._show_next()

    # -- receiving -------------------------------------------------------------------------

    @Slot(str, str, str, object)
    def _message(self, peer_id: str, _office: str, kind: str, payload: Any) -> None:
        if kind == CARD_KIND:
            self._card(peer_id, payload)
        elif kind == TRUSTED_KIND:
            count = self._notices_seen.get(peer_id, 0) + 1
            self._notices_seen[peer_id] = count
            identity = self.controller.engine.call_identity
            if count <= MAX_TRUSTED_NOTICES and identity is not None:
                # They pinned our certificate just now: sign our binding again for them.
                self.controller.set_identity(identity)

    def _card(self, peer_id: str, payload: Any) -> None:
        count = self._cards_seen.get(peer_id, 0) + 1
        self._cards_seen[peer_id] = count
        if count > MAX_CARDS_PER_PEER or not isinstance(payload, dict):
            return
        text = payload.get("card")
        if not isinstance(text, str) or len(text) > MAX_CARD_BYTES:
            return
        data = text.encode("utf-8")
        try:
            card = read_card(data)  # signatures checked here
        except PackageError:
            return  # not a card we can use; the call goes on unverified
        fingerprint = fingerprint_sha256(card.certificate)
        with self.context.database.session() as session:
            known = is_trusted(session, fingerprint)
        if known:
            return  # known office: nothing to decide (a replayed card is a no-op)
        self.offers[peer_id] = _Offer(
            data, card_office_name(card.office), fingerprint, bytes(card.exchange_key_der)
        )
        self._show_next()

    @Slot(str, object)
    def _verification(self, peer_id: str, state: PeerVerification) -> None:
        if state.status == "mismatch" and peer_id in self._made_here:
            self.withdraw(peer_id)
            return
        if state.verified and peer_id in self.trusted_here:
            if self._current == peer_id or self._current is None:
                self._current = None
                self.bar.trust_button.hide()
                office = self.trusted_here[peer_id]
                self.bar.label.setText(
                    self.tr("%1 is now a trusted office, and verified in this call.").replace(
                        "%1", office
                    )
                )
                # The next step is the drafter's: offered only to one (the domain enforces it).
                self._agreement_office = office
                self.bar.agreement_button.setText(
                    self.tr("Start an agreement with %1…").replace("%1", office)
                )
                self.bar.agreement_button.setVisible(current_role(self.context) is Role.DRAFTER)
                self.bar.show()
            return
        self._show_next()

    # -- deciding --------------------------------------------------------------------------

    def _show_next(self) -> None:
        """Offer the first card whose link already has its short code."""
        if self._current is not None and self._current in self.offers:
            peer_id = self._current
        else:
            peer_id = next(
                (p for p in self.offers if self._code(p)),
                None,
            )
        if peer_id is None:
            return
        code = self._code(peer_id)
        if not code:
            return
        self._current = peer_id
        offer = self.offers[peer_id]
        self.bar.label.setText(
            self.tr(
                "%1 is not a trusted office yet. Compare the code, then trust this office: "
                "ask them to read the code on their screen. If it is %2, press “Trust this "
                "office”. If it differs, do not trust it."
            )
            .replace("%1", offer.office)
            .replace("%2", code)
        )
        head = self._head_needed()
        if head is not None:
            self.bar.label.setText(
                self.bar.label.text()
                + " "
                + self.tr(
                    "Only the head of region or a reviewer may trust an office: type the "
                    "password of %1 beside the button."
                ).replace("%1", head.name)
            )
            self.bar.secret.setPlaceholderText(
                self.tr("Password or PIN of %1").replace("%1", head.name)
            )
        self.bar.secret.setVisible(head is not None)
        self.bar.trust_button.show()
        self.bar.trust_button.setEnabled(head is None or bool(self.bar.secret.text()))
        self.bar.show()

    @Slot()
    def _start_agreement(self) -> None:
        if self._agreement_office:
            self.context.bridge.post(AgreementWithOfficeRequested(self._agreement_office))

    def _head_needed(self) -> LocalUser | None:
        """The head whose password the bar asks, or None when the acting user may trust."""
        if current_role(self.context) in TRUSTING_ROLES:
            return None
        return head_of_region(self.context)

    @Slot(str)
    def _secret_typed(self, text: str) -> None:
        if self.bar.secret.isVisible():
            self.bar.trust_button.setEnabled(bool(text))

    def _code(self, peer_id: str) -> str:
        state = self.controller.verification(peer_id)
        return spoken_code(state) if state and state.short_code else ""

    def current_offer(self) -> tuple[str, str] | None:
        """(office, code) offered right now, or None."""
        if self._current is None or self._current not in self.offers:
            return None
        return self.offers[self._current].office, self._code(self._current)

    @Slot()
    def trust_current(self) -> str | None:
        """Trust the office offered in the bar; its name, or None after saying why not."""
        peer_id = self._current
        if peer_id is None or peer_id not in self.offers:
            return None
        offer = self.offers[peer_id]
        head = self._head_needed()
        if head is not None and not self._head_confirmed(head):
            return None
        try:
            with self.context.database.session() as session:
                if head is not None:
                    # In the head's name, for this act only: the drafter goes on acting.
                    row = session.get(models.LocalUser, head.id)
                    if row is None:
                        return None
                    actor = Actor.of(row)
                else:
                    actor = required_actor(self.context, session)
                trusted = trust_office_card(session, offer.data, actor)
                name = trusted.office.display_name
                pem = trusted.certificate_pem.encode("ascii")
        except (AgreementError, PackageError) as exc:
            self.bar.label.setText(error_text(exc))
            return None
        del self.offers[peer_id]
        self.bar.secret.clear()
        self.bar.secret.hide()
        self.bar.error.hide()
        self.trusted_here[peer_id] = name
        der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
        self.controller.pin_office(der, offer.exchange_key)
        self._made_here[peer_id] = _Trusted(name, offer.fingerprint, der, actor)
        QTimer.singleShot(PROOF_WAIT_MS, self, lambda p=peer_id: self._proof_due(p))
        self.bar.trust_button.hide()
        self.bar.label.setText(
            self.tr("%1 is now trusted. Waiting for them to prove it in this call…").replace(
                "%1", name
            )
        )
        self.controller.run(
            self.controller.engine.send_message_to(peer_id, TRUSTED_KIND, {}),
            report_errors=False,
        )
        self.sig_trusted.emit(name)
        # The signing ceremony of this call now accepts that office's signatures too.
        self.context.bridge.post(OfficeTrustedInCall(name))
        return name

    def _head_confirmed(self, head: LocalUser) -> bool:
        """Check the head's password typed in the bar; say why not on the bar when it is wrong."""
        wrong = self.tr("That is not the right password or PIN. Try again in %1 s.")
        pause = secret_pause(self.context, head.id)
        if pause > 0:
            self.bar.error.setText(wrong.replace("%1", str(math.ceil(pause))))
            self.bar.error.show()
            return False
        try:
            pause = check_secret(self.context, head.id, self.bar.secret.text())
        except OfficeError as error:
            self.bar.error.setText(office_error_text(error))
            self.bar.error.show()
            return False
        if pause is None:
            return True
        self.bar.secret.clear()
        self.bar.error.setText(wrong.replace("%1", str(pause)))
        self.bar.error.show()
        return False

    def _proof_due(self, peer_id: str) -> None:
        """Withdraw the trust made in this call if that office has still not proved itself."""
        state = self.controller.verification(peer_id)
        if peer_id in self._made_here and (state is None or not state.verified):
            self.withdraw(peer_id)

    def withdraw(self, peer_id: str) -> str | None:
        """Undo the trust made in this call for ``peer_id`` and tell the user; its office name.

        The certificate and exchange key stored from the card are removed (as the user who
        trusted it, so a later change of "Acting as" cannot block the undo), the engine stops
        accepting that certificate, and the bar says what happened and what to do next.
        """
        made = self._made_here.pop(peer_id, None)
        if made is None:
            return None
        self.trusted_here.pop(peer_id, None)
        try:
            with self.context.database.session() as session:
                revoke_trust(session, made.fingerprint, made.actor)
        except (AgreementError, PackageError):
            pass  # already removed (e.g. in Settings): nothing left to undo there
        self.controller.unpin_office(made.der)
        self.withdrawn[peer_id] = made.office
        self.bar.trust_button.hide()
        self.bar.agreement_button.hide()
        self._agreement_office = ""
        self.bar.label.setText(
            self.tr(
                "The call could not prove that this connection ends at %1, so the trust you "
                "gave it in this call was withdrawn. Do not discuss or sign anything now: leave "
                "the call, call again and compare the code carefully before trusting."
            ).replace("%1", made.office)
        )
        self.bar.setStyleSheet("QWidget#trustBar { background: #ffebee; border-radius: 4px; }")
        self.bar.show()
        self.sig_withdrawn.emit(made.office)
        self.context.bridge.post(OfficeTrustWithdrawn(made.office))
        return made.office


def attach_trust_exchange(context: AppContext, window: QWidget) -> TrustExchange:
    """Put a trust bar under the call window's state banner and run the exchange for its call."""
    bar = TrustBar(window)
    layout = window.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, bar)
    controller: CallController = window.controller  # type: ignore[attr-defined]
    exchange = TrustExchange(context, controller, bar, window)
    window.trust_exchange = exchange  # type: ignore[attr-defined]
    return exchange
