"""Our office card: the one file that introduces this office to a counterpart, from any screen.

An office card (``.lintas-card``) carries the office's profile, lambang and public certificate.
Saving it needs no password: the certificate is public and cached next to the identity when the
wizard made it. Trusting another office's card stores that office and its certificate, after the
user compared the fingerprint with the other office (by phone, or by the code shown in a call).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mou.agreement import AgreementError
from mou.exchange import PackageError, read_office_card, trust_office_card
from mou.signing.identity import fingerprint_sha256
from ui.agreements.acting import required_actor
from ui.agreements.messages import error_text
from ui.context import AppContext

SUFFIX = ".lintas-card"
#: A card is a few KB plus a lambang of at most 2 MiB in base64; anything larger is not a card.
MAX_CARD_BYTES = 4 * 1024 * 1024


def our_certificate(context: AppContext) -> x509.Certificate | None:
    """This office's public certificate (the copy the wizard kept), or None when missing."""
    from ui.wizard.wizard import certificate_copy

    try:
        return x509.load_pem_x509_certificate(certificate_copy(context.data_dir).read_bytes())
    except (OSError, ValueError):
        return None


def our_card(context: AppContext) -> bytes | None:
    """This office's card, or None when its certificate or the key's endorsement is missing.

    The card is signed with the office exchange key (``ui.exchange_keys``), so no signing
    password is asked; the wizard had the new signing identity endorse that key.
    """
    from ui.exchange_keys import card_for_certificate

    certificate = our_certificate(context)
    if certificate is None:
        return None
    with context.database.session() as session:
        return card_for_certificate(session, context.data_dir, certificate)


def comparison_code(fingerprint_a: str, fingerprint_b: str) -> str:
    """The code both offices read to each other: the same on both sides, 12 digits in groups.

    It hashes both certificates' fingerprints in a fixed order, so a hub that swapped a card
    would make the two screens show different codes.
    """
    pair = "|".join(sorted(f.replace(":", "").lower() for f in (fingerprint_a, fingerprint_b)))
    number = int.from_bytes(hashlib.sha256(pair.encode("ascii")).digest()[:8], "big") % 10**12
    digits = f"{number:012d}"
    return " ".join(digits[i : i + 3] for i in range(0, 12, 3))


def card_problem_text(data: bytes, error: PackageError | None = None) -> str:
    """Why ``data`` cannot be trusted as a card, with what to do instead."""
    head = data[:400].lstrip()
    if head.startswith(b"-----BEGIN") or head.startswith(b"0\x82"):
        return QCoreApplication.translate(
            "OfficeCard",
            "This is a certificate file, not an office card. Ask the other office for its "
            "office card (a .lintas-card file: “Office card” → “Save our office card…”), "
            "or trust each other during a call.",
        )
    if error is not None and error.message.code == "exchange.own_card":
        return error_text(error)
    return QCoreApplication.translate(
        "OfficeCard",
        "This file is not a Lintas office card. Ask the other office to save its office card "
        "again (“Office card” → “Save our office card…”) and send that file.",
    )


class OfficeCardActions(QObject):
    """Save our card, trust another office's card; outcomes in a non-blocking message box."""

    sig_trusted = Signal(str)  # display name of the office now trusted

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.last_message: tuple[str, str] = ("", "")
        self.open_boxes: list[QMessageBox] = []

    def notify(self, level: str, text: str) -> QMessageBox:
        """Tell the user the outcome without blocking the app."""
        self.last_message = (level, text)
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Warning if level == "error" else QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("OfficeCard", "Office card"))
        box.setText(text)
        box.open()
        self._keep(box)
        return box

    def _keep(self, box: QMessageBox) -> None:
        self.open_boxes = [b for b in self.open_boxes if b.isVisible()] + [box]

    # -- ours ------------------------------------------------------------------------------

    def choose_save(self) -> None:
        """Ask where to save our office card, then save it."""
        name = "".join(c if c.isalnum() else "_" for c in self.context.office.display_name)
        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            QCoreApplication.translate("OfficeCard", "Save our office card"),
            str(Path.home() / f"{name}{SUFFIX}"),
            QCoreApplication.translate("OfficeCard", "Office cards (*%1)").replace("%1", SUFFIX),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write our office card to ``path``; True on success."""
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        card = our_card(self.context)
        if card is None:
            self.notify(
                "error",
                QCoreApplication.translate(
                    "OfficeCard",
                    "This office's certificate is missing on this computer, so no office card "
                    "can be made. Import the signing identity again in Settings.",
                ),
            )
            return False
        try:
            path.write_bytes(card)
        except OSError:
            self.notify(
                "error",
                QCoreApplication.translate(
                    "OfficeCard", "The office card could not be saved there. Choose another folder."
                ),
            )
            return False
        self.notify(
            "success",
            QCoreApplication.translate(
                "OfficeCard",
                "Our office card was saved as %1. Send it to the other office; they compare the "
                "fingerprint with you by phone before trusting it.",
            ).replace("%1", path.name),
        )
        return True

    def show_fingerprint(self) -> str:
        """Show our certificate's fingerprint, for reading to another office by phone."""
        certificate = our_certificate(self.context)
        if certificate is None:
            self.notify(
                "error",
                QCoreApplication.translate(
                    "OfficeCard",
                    "This office's certificate is missing on this computer, so no office card "
                    "can be made. Import the signing identity again in Settings.",
                ),
            )
            return ""
        fingerprint = fingerprint_sha256(certificate)
        self.notify(
            "info",
            QCoreApplication.translate(
                "OfficeCard",
                "The fingerprint of our office card (read it to the other office by phone):\n\n%1",
            ).replace("%1", fingerprint),
        )
        return fingerprint

    # -- theirs ----------------------------------------------------------------------------

    def choose_trust(self) -> None:
        """Ask for another office's card file and offer to trust it."""
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            QCoreApplication.translate("OfficeCard", "Trust an office card"),
            str(Path.home()),
            QCoreApplication.translate(
                "OfficeCard", "Office cards (*%1 *.json);;All files (*)"
            ).replace("%1", SUFFIX),
        )
        if path:
            self.offer_trust(Path(path))

    def offer_trust(self, path: Path) -> QMessageBox | None:
        """Show the card's office and fingerprint; it is trusted only on "Trust" (returned box)."""
        try:
            if path.stat().st_size > MAX_CARD_BYTES:
                self.notify("error", card_problem_text(b""))
                return None
            data = path.read_bytes()
        except OSError:
            self.notify(
                "error",
                QCoreApplication.translate(
                    "OfficeCard", "The file cannot be read. Choose the office card again."
                ),
            )
            return None
        try:
            office, certificate = read_office_card(data)
        except PackageError as exc:
            self.notify("error", card_problem_text(data, exc))
            return None
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("OfficeCard", "Trust this office?"))
        box.setText(
            QCoreApplication.translate(
                "OfficeCard",
                "Trust %1?\n\nCall them and compare this fingerprint with the one their Lintas "
                "shows under “Office card”:\n\n%2",
            )
            .replace("%1", _office_name(office))
            .replace("%2", fingerprint_sha256(certificate))
        )
        trust = box.addButton(
            QCoreApplication.translate("OfficeCard", "Trust"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("OfficeCard", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        box.buttonClicked.connect(lambda b: self.trust(data) if b is trust else None)
        box.open()
        self._keep(box)
        return box

    def trust(self, data: bytes) -> str | None:
        """Trust a card's office now; its display name, or None after saying why not."""
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                trusted = trust_office_card(session, data, actor)
                name = trusted.office.display_name
        except (AgreementError, PackageError) as exc:
            self.notify("error", error_text(exc))
            return None
        self.notify(
            "success",
            QCoreApplication.translate("OfficeCard", "%1 is now trusted.").replace("%1", name),
        )
        self.sig_trusted.emit(name)
        return name


def _office_name(office: dict[str, object]) -> str:
    from mou.office import GovernmentLevel, OfficeProfile

    try:
        level = GovernmentLevel(str(office.get("level")))
    except ValueError:
        return str(office.get("region", ""))
    return OfficeProfile(level, str(office.get("region", "")), "", "", "").display_name
