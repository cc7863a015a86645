"""Archive → Extend: make a signed agreement long-term valid (PAdES B-LTA) after the fact.

Signing falls back to B-B when the time-stamp server is down; years later, the certificates of a
five-year agreement expire. Extend asks the office's time-stamp server (Settings) for a document
time-stamp and embeds the certificates' status (OCSP/CRL) in the PDF (``mou.signing.ltv``), then
archives the extended file next to the old one. The network work runs on a worker thread so the
window stays responsive; the result comes back as a queued signal.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.signed_archive import ArchiveEntry
from ui.context import AppContext
from ui.messages import MessageTable, message_text

#: The LTV core's coded notes and errors (``mou.signing.ltv.LtvCode``) in the UI language.
LTV = MessageTable(
    "LtvMessages",
    {
        "ltv.no_tsa": QT_TRANSLATE_NOOP(
            "LtvMessages",
            "Signed without a time-stamp: no time-stamp server is set in Settings. The signature "
            "stays valid until the certificate expires; use Extend in the Archive to keep it "
            "verifiable beyond that.",
        ),
        "ltv.tsa_unreachable": QT_TRANSLATE_NOOP(
            "LtvMessages",
            "Signed without a time-stamp: the time-stamp server did not answer. Use Extend in "
            "the Archive once it is reachable again.",
        ),
        "ltv.no_validation_data": QT_TRANSLATE_NOOP(
            "LtvMessages",
            "Signed with a time-stamp, but the certificate status could not be fetched. Use "
            "Extend in the Archive once the network is back.",
        ),
        "ltv.extend_no_signature": QT_TRANSLATE_NOOP(
            "LtvMessages", "This PDF carries no signature yet, so there is nothing to extend."
        ),
        "ltv.extend_unreadable": QT_TRANSLATE_NOOP(
            "LtvMessages", "The PDF cannot be read; it may be incomplete or damaged."
        ),
        "ltv.extend_tsa_unreachable": QT_TRANSLATE_NOOP(
            "LtvMessages",
            "The time-stamp server did not answer. Check the address in Settings and the network, "
            "then try again.",
        ),
        "ltv.extend_failed": QT_TRANSLATE_NOOP(
            "LtvMessages",
            "The certificate status could not be fetched from its issuer. Nothing was changed; "
            "try again later.",
        ),
    },
)


def signing_notes_text(notes) -> str:
    """The notes of one signing in the UI language ("" when there is nothing to say).

    "No time-stamp server set" is left out: the office chose that in Settings, where the hint
    explains it; a server that did not answer is always said.
    """
    return " ".join(message_text(n, LTV) for n in notes if n.code != "ltv.no_tsa")


class _Relay(QObject):
    """Carries the worker thread's result to the GUI thread (queued connection)."""

    done = Signal(object)


class ExtendDialog(QDialog):
    """Extend one archived agreement; emits ``extended`` with the new file's SHA-256."""

    extended = Signal(str)

    def __init__(
        self,
        context: AppContext,
        entry: ArchiveEntry,
        data: bytes,
        trusted: list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.entry = entry
        self.data = data
        self.trusted = trusted
        self.result_data: bytes | None = None
        self.level = ""
        self.setWindowTitle(self.tr("Extend long-term validity"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{_escape(entry.title)}</b>", self)
        title.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Lintas asks the time-stamp server set in Settings for a document time-stamp and "
                "stores the certificates' status in the PDF. The signatures then stay verifiable "
                "after the certificates expire. The signed content does not change."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("extendStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.extend_button = QPushButton(self.tr("Extend"), self)
        self.extend_button.setDefault(True)
        buttons.addButton(self.extend_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.extend_button.clicked.connect(self.start)
        for widget in (title, intro, self.status, buttons):
            layout.addWidget(widget)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        from ui.settings_page.signing_section import tsa_ca_certificate

        self.tsa_url = context.settings.tsa_url.strip()
        ca = tsa_ca_certificate(context)
        self.tsa_anchors = [ca] if ca is not None else []
        if not self.tsa_url:
            self._say(self.tr("Set a time-stamp server in Settings (Signatures) first."), ok=False)
            self.extend_button.setEnabled(False)

    def _say(self, text: str, *, ok: bool | None) -> None:
        color = {True: "#2e7d32", False: "#c62828"}.get(ok)
        self.status.setStyleSheet(f"QLabel#extendStatus {{ color: {color}; }}" if color else "")
        self.status.setText(text)

    @Slot()
    def start(self) -> None:
        """Fetch the validation data and the time-stamp on a worker thread."""
        from mou.signing.ltv import extend_pdf
        from mou.signing.timestamps import http_timestamper

        self.extend_button.setEnabled(False)
        self._say(self.tr("Asking the time-stamp server and the certificate issuers…"), ok=None)
        data, url, relay = self.data, self.tsa_url, self._relay
        hints = [*self.trusted, *self.tsa_anchors]  # help pyHanko build the TSA's path

        def work() -> None:
            try:
                outcome: object = extend_pdf(data, http_timestamper(url), hints=hints)
            except Exception as exc:  # LtvError carries a code; anything else is shown generically
                outcome = exc
            relay.done.emit(outcome)

        self._thread = threading.Thread(target=work, name="lintas-extend", daemon=True)
        self._thread.start()

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the worker ends (tests; the dialog itself never blocks)."""
        thread = getattr(self, "_thread", None)
        if thread is not None:
            thread.join(timeout)

    def _finished(self, outcome: object) -> None:
        from mou.signing.ltv import ExtendResult, LtvError

        if not isinstance(outcome, ExtendResult):
            if isinstance(outcome, LtvError):
                text = message_text(outcome.message, LTV)
            else:
                text = message_text(_failed(), LTV)
            self._say(text, ok=False)
            self.extend_button.setEnabled(True)
            return
        try:
            sha = self._archive(outcome.data)
        except Exception:  # disk full, database locked: the original file is untouched
            self._say(
                self.tr("The extended PDF could not be stored. The original is unchanged."),
                ok=False,
            )
            self.extend_button.setEnabled(True)
            return
        self.result_data = outcome.data
        self.level = self._level(outcome.data)
        if outcome.revoked:
            self._say(
                self.tr(
                    "Extended, but the issuer reports that a signing certificate was revoked. "
                    "Open the agreement to see which signature is affected."
                ),
                ok=False,
            )
        else:
            self._say(
                self.tr(
                    "Done: the agreement now carries its validation data and a document "
                    "time-stamp. It stays verifiable after the certificates expire."
                ),
                ok=True,
            )
        self.close_button.setText(self.tr("Close"))
        self.extended.emit(sha)

    def _archive(self, data: bytes) -> str:
        from mou import models
        from mou.signed_archive import sha256_hex
        from ui.archive.office_files import acting_user, signed_archive

        actor = acting_user(self.context)
        if actor is None:
            raise RuntimeError("no acting user")
        with self.context.database.session() as session:
            agreement = session.get(models.Agreement, self.entry.agreement_id)
            signed_archive(self.context).store(
                session,
                agreement,
                data,
                actor,
                signatures=self.entry.signatures,
                source="extended",
            )
        return sha256_hex(data)

    def _level(self, data: bytes) -> str:
        from mou.signing import verify_pdf

        return verify_pdf(data, self.trusted, tsa_anchors=self.tsa_anchors).ltv_level


def _failed():
    from mou.messages import DomainMessage
    from mou.signing.ltv import LtvCode

    return DomainMessage(LtvCode.EXTEND_FAILED, {}, "Extend failed.")


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
