"""The agreements page's dialogs: exchange packages, redline, catalog picker, reconcile.

Outcomes are reported in a non-blocking message box (``notify``) and kept in ``last_message``,
so the app never freezes on a modal box and tests can read what the user was told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from mou import models
from mou.agreement import AgreementError, get_agreement
from mou.durable import write_atomically
from mou.exchange import (
    MAX_PACKAGE_BYTES,
    SUFFIX,
    ExchangeKeyError,
    PackageError,
    TamperedPackageError,
    UntrustedPackageError,
    export_package,
    import_package,
    read_office_card,
    trust_office_card,
)
from mou.revision import ChainError
from mou.signing.identity import (
    IdentityError,
    OfficeIdentity,
    WrongPasswordError,
    fingerprint_sha256,
    load_identity,
)
from ui.agreements.acting import required_actor
from ui.agreements.catalog_picker import CatalogPickerDialog
from ui.agreements.messages import error_text
from ui.agreements.reconcile_dialog import ReconcileDialog
from ui.agreements.redline.dialog import RedlineDialog
from ui.context import AppContext
from ui.exchange_keys import office_exchange_key
from ui.signing.messages import identity_error_text


class AgreementDialogs(QObject):
    """Opens the page's dialogs and runs the file exchange."""

    sig_agreement_imported = Signal(int)
    sig_annex_picked = Signal(list)  # catalog app ids
    sig_reconciled = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.last_message: tuple[str, str] = ("", "")
        #: Set when the office card needs the signing identity's one-time endorsement.
        self.needs_endorsement = False
        self.open_dialogs: list[QWidget] = []
        #: Called before an import or export, so the editor's pending typing is stored first.
        self.before_exchange: Callable[[], object] | None = None

    def notify(self, level: str, text: str) -> None:
        """Tell the user the outcome (non-blocking)."""
        self.last_message = (level, text)
        box = QMessageBox(self.widget)
        box.setIcon(
            {
                "error": QMessageBox.Icon.Warning,
                "success": QMessageBox.Icon.Information,
            }.get(level, QMessageBox.Icon.Information)
        )
        box.setWindowTitle(self.tr("Agreements"))
        box.setText(text)
        box.open()
        self._keep(box)

    def _keep(self, dialog: QWidget) -> None:
        self.open_dialogs = [d for d in self.open_dialogs if d.isVisible()] + [dialog]

    # -- exchange --------------------------------------------------------------------------

    def import_package(self) -> None:
        """Ask for a ``.lintas`` file and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Import an agreement package"),
            "",
            self.tr("Lintas packages (*%1)").replace("%1", SUFFIX),
        )
        if path:
            self.import_file(Path(path))

    def import_into(self, agreement_id: int) -> None:
        """Ask for the counterpart's reply to the agreement open on screen, and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Import the counterpart's reply"),
            "",
            self.tr("Lintas packages (*%1)").replace("%1", SUFFIX),
        )
        if path:
            self.import_file(Path(path), into_agreement_id=agreement_id)

    def import_file(self, path: Path, *, into_agreement_id: int | None = None) -> int | None:
        """Import a package file; returns the agreement id, or None when refused.

        With ``into_agreement_id`` (the agreement open on screen) a package of another agreement
        is refused instead of quietly opening that other agreement.
        """
        if self.before_exchange is not None:
            self.before_exchange()
        try:
            # Bound what is read: a package is never larger than this, whatever the file claims.
            with path.open("rb") as handle:
                data = handle.read(MAX_PACKAGE_BYTES + 1)
        except OSError:
            self.notify("error", self.tr("The file cannot be read. Choose the package again."))
            return None
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                expected = (
                    get_agreement(session, into_agreement_id).uuid
                    if into_agreement_id is not None
                    else None
                )
                result = import_package(session, data, actor, agreement_uuid=expected)
                agreement_id = result.agreement.id
                diverged, new = result.diverged, result.new_revisions
                nothing_new = result.nothing_new
        except TamperedPackageError as exc:
            self.notify(
                "error",
                self.tr(
                    "Refused: the package was changed after it was signed. Nothing was imported."
                )
                + "\n\n"
                + error_text(exc),
            )
            return None
        except UntrustedPackageError:
            self.notify(
                "error",
                self.tr(
                    "Refused: the package is signed by an office this office does not trust yet. "
                    "Nothing was imported. Trust the sender's office card first (compare its "
                    "fingerprint with them by phone), then import the package again."
                ),
            )
            return None
        except (PackageError, ChainError, AgreementError) as exc:
            self.notify("error", self.tr("Nothing was imported: %1").replace("%1", error_text(exc)))
            return None
        if nothing_new:
            self.notify(
                "info",
                self.tr(
                    "Nothing new: this office already has everything in this package. "
                    "Nothing was changed."
                ),
            )
            return agreement_id
        self.sig_agreement_imported.emit(agreement_id)
        if diverged:
            text = self.tr(
                "Imported %1 new revision(s). Both offices edited the same version, so the "
                "agreement now has two branches; nothing was overwritten. Reconcile them."
            ).replace("%1", str(new))
            # The reconcile dialog carries the notice itself: one window, not two stacked.
            self.last_message = ("info", text)
            self.reconcile(agreement_id).message_bar.show_message(text, "info")
        else:
            self.notify("success", self.tr("Imported %1 new revision(s).").replace("%1", str(new)))
        return agreement_id

    def export_package(self, agreement_id: int) -> None:
        """Ask for a file name, then write the package signed with the office exchange key.

        No signing password is asked: drafts travel under the exchange key, so legal staff
        never hold the key the mayor signs with.
        """
        with self.context.database.session() as session:
            title = get_agreement(session, agreement_id).title
        suggested = "".join(ch if ch.isalnum() else "_" for ch in title)[:60] + SUFFIX
        path, _ = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Export the agreement package"),
            suggested,
            self.tr("Lintas packages (*%1)").replace("%1", SUFFIX),
        )
        if path:
            self.export_file(agreement_id, Path(path))

    def export_file(self, agreement_id: int, path: Path) -> bool:
        """Sign (exchange key) and write the package; True on success."""
        if self.before_exchange is not None:
            self.before_exchange()
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            key = office_exchange_key(self.context.data_dir)
        except ExchangeKeyError as exc:
            self.notify(
                "error",
                self.tr("The package was not written: %1").replace("%1", error_text(exc)),
            )
            return False
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                export_package(session, get_agreement(session, agreement_id), key, actor, path)
        except AgreementError as exc:
            self.notify(
                "error", self.tr("The package was not written: %1").replace("%1", error_text(exc))
            )
            return False
        except OSError:
            self.notify(
                "error",
                self.tr("The package could not be saved there. Choose another folder."),
            )
            return False
        self.notify("success", self.tr("Package written to %1").replace("%1", path.name))
        return True

    def choose_office_card(self) -> None:
        """Ask for a counterpart's office card file and offer to trust it."""
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Trust a counterpart's office card"), "",
            self.tr("Office cards (*.lintas-card *.json)"),
        )  # fmt: skip
        if path:
            self.import_office_card(Path(path))

    def import_office_card(self, path: Path) -> QMessageBox | None:
        """Show a card's office and fingerprint; trusting happens only on "Trust" (returned box)."""
        from ui.office_card import card_problem_text

        try:
            data = path.read_bytes()
        except OSError as exc:
            self.notify("error", error_text(exc))
            return None
        try:
            office, certificate = read_office_card(data)
        except PackageError as exc:
            # A .pem (what older versions exported) or junk: say what to send instead.
            self.notify("error", card_problem_text(data, exc))
            return None
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Trust this office?"))
        box.setText(
            self.tr("Trust %1 with the certificate fingerprint\n\n%2\n\nCompare it by phone first.")
            .replace("%1", str(office.get("region", "")))
            .replace("%2", fingerprint_sha256(certificate))
        )
        trust = box.addButton(self.tr("Trust"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self._trust_card(data) if button is trust else None
        )
        box.open()
        self._keep(box)
        return box

    def _trust_card(self, data: bytes) -> bool:
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                trusted = trust_office_card(session, data, actor)
                name = trusted.office.display_name
        except (AgreementError, PackageError) as exc:
            self.notify("error", error_text(exc))
            return False
        self.notify("success", self.tr("%1 is now trusted.").replace("%1", name))
        return True

    def export_office_card(self) -> None:
        """Save this office's card (profile, certificate, exchange key) for a counterpart."""
        path, _ = QFileDialog.getSaveFileName(
            self.widget, self.tr("Save our office card"), "office.lintas-card",
            self.tr("Office cards (*.lintas-card)"),
        )  # fmt: skip
        if not path:
            return
        if self.write_office_card(Path(path)):
            return
        if self.needs_endorsement:
            password = self._ask_password()
            if password is not None:
                self.write_office_card(Path(path), password)

    def write_office_card(self, path: Path, password: str | None = None) -> bool:
        """Write the office card; True on success.

        Needs no password once the signing identity has vouched for the exchange key (the
        wizard does that). An install older than the exchange key is asked once for the
        signing password (``password``) to make that endorsement.
        """
        from ui.exchange_keys import card_for_certificate, endorse_with
        from ui.office_card import our_certificate

        self.needs_endorsement = False
        certificate = our_certificate(self.context)
        try:
            if password is not None:
                identity = self._office_identity(password)
                if identity is None:
                    return False
                endorse_with(self.context.data_dir, identity)
                certificate = identity.certificate
                # Keep the public certificate at hand, so the next card needs no password.
                from ui.wizard.wizard import certificate_copy

                write_atomically(
                    certificate_copy(self.context.data_dir), identity.certificate_pem()
                )
            if certificate is None and password is None:
                self.needs_endorsement = True  # the identity itself can supply it
                return False
            if certificate is None:
                self.notify(
                    "error",
                    self.tr(
                        "This office's certificate is missing on this computer, so no office "
                        "card can be made. Import the signing identity again in Settings."
                    ),
                )
                return False
            with self.context.database.session() as session:
                card = card_for_certificate(session, self.context.data_dir, certificate)
            if card is None:
                # Once per install: the signing key must vouch for the exchange key.
                self.needs_endorsement = True
                return False
            path.write_bytes(card)
        except ExchangeKeyError as exc:
            self.notify("error", error_text(exc))
            return False
        except OSError:
            self.notify(
                "error", self.tr("The office card could not be saved there. Choose another folder.")
            )
            return False
        self.notify("success", self.tr("Office card written to %1").replace("%1", path.name))
        return True

    def _ask_password(self) -> str | None:
        """The office signing key's password (asked once per install, for the office card)."""
        password, ok = QInputDialog.getText(
            self.widget,
            self.tr("Office signing key"),
            self.tr(
                "Once only: the head of region's signing identity must vouch for the key this "
                "office exchanges drafts with. Password of the office signing identity:"
            ),
            QLineEdit.EchoMode.Password,
        )
        return password if ok else None

    def _office_identity(self, password: str) -> OfficeIdentity | None:
        """The office signing identity, or None after telling the user why it cannot be used."""
        try:
            return load_identity(self.context.identity_path, password)
        except WrongPasswordError:
            self.notify("error", self.tr("The password of the office signing identity is wrong."))
        except (IdentityError, OSError) as exc:
            self._identity_unusable(exc)
        return None

    def _identity_unusable(self, exc: BaseException) -> None:
        self.notify(
            "error",
            self.tr("The office signing identity cannot be used: %1").replace(
                "%1", identity_error_text(exc)
            ),
        )

    # -- other dialogs ---------------------------------------------------------------------

    def reconcile(self, agreement_id: int) -> ReconcileDialog:
        """Open the reconcile dialog for a branched agreement."""
        dialog = ReconcileDialog(self.context, agreement_id, self.widget)
        dialog.sig_reconciled.connect(self.sig_reconciled)
        dialog.sig_redline_requested.connect(self.show_redline)
        dialog.open()
        self._keep(dialog)
        return dialog

    def show_redline(self, old_id: int, new_id: int) -> RedlineDialog:
        """Open the redline between two revisions."""
        with self.context.database.session() as session:
            rev = session.get(models.Revision, new_id)
            assert rev is not None
            agreement_id = rev.agreement_id
        dialog = RedlineDialog(self.context, agreement_id, old_id, new_id, self.widget)
        dialog.open()
        self._keep(dialog)
        return dialog

    def compare_revisions(self, agreement_id: int) -> RedlineDialog:
        """Open the redline with the last two rounds chosen; the user picks any two."""
        dialog = RedlineDialog(self.context, agreement_id, parent=self.widget)
        dialog.open()
        self._keep(dialog)
        return dialog

    def pick_apps(self, agreement_id: int) -> CatalogPickerDialog:
        """Open the catalog picker; accepting it replaces the Lampiran."""
        with self.context.database.session() as session:
            agreement = get_agreement(session, agreement_id)
            uuids = [i.app_uuid for i in agreement.annex_items]
        dialog = CatalogPickerDialog(self.context, uuids, self.widget)
        dialog.accepted.connect(lambda: self.sig_annex_picked.emit(dialog.picked_ids()))
        dialog.open()
        self._keep(dialog)
        return dialog
