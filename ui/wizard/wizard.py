"""The first-run wizard: office → head of region → lambang → users → signing identity → done."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget, QWizard

from mou.office import OfficeProfile, create_local_office, set_user_secret
from ui import paths
from ui.wizard.done_page import DonePage
from ui.wizard.head_page import HeadPage
from ui.wizard.identity_page import IdentityPage
from ui.wizard.lambang_page import LambangPage
from ui.wizard.office_page import OfficePage
from ui.wizard.users_page import UsersPage

if TYPE_CHECKING:
    from mou.db import Database
    from mou.signing.identity import OfficeIdentity


def certificate_copy(data_dir: Path) -> Path:
    """Where the office's public certificate is cached in PEM (Settings shows it without a password)."""
    return paths.identity_file(data_dir).with_name("office.pem")


class FirstRunWizard(QWizard):
    """Sets up the local office, its users and its signing identity."""

    def __init__(self, database: Database, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.data_dir = data_dir
        self.identity_path = paths.identity_file(data_dir)
        self.identity: OfficeIdentity | None = None
        self.office_created = False
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Set up Lintas"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 480)
        # Qt ships no Indonesian translation of its own buttons, so name them ourselves.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open Lintas"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.office_page = OfficePage()
        self.head_page = HeadPage()
        self.lambang_page = LambangPage()
        self.users_page = UsersPage()
        self.identity_page = IdentityPage()
        self.done_page = DonePage()
        for page in (
            self.office_page,
            self.head_page,
            self.lambang_page,
            self.users_page,
            self.identity_page,
            self.done_page,
        ):
            self.addPage(page)

    def profile(self) -> OfficeProfile:
        """The office profile as entered so far."""
        return OfficeProfile(
            level=self.office_page.government_level(),
            region=self.office_page.region.text().strip(),
            unit=self.office_page.unit_value(),
            head_name=self.head_page.name.text().strip(),
            head_title=self.head_page.title.text().strip(),
            head_nip=self.head_page.nip_value(),
            lambang_png=self.lambang_page.png,
        )

    def create_office(self, identity: OfficeIdentity) -> None:
        """Store the office and its users (called by the identity page once the key exists)."""
        users = self.users_page.users()
        with self.database.session() as session:
            office = create_local_office(session, self.profile(), [(n, r) for n, r, _ in users])
            # Only the scrypt hashes are stored; the typed PINs are not kept.
            for user, (_name, _role, secret) in zip(office.users, users, strict=True):
                set_user_secret(session, user.id, secret)
        self.identity = identity
        self.office_created = True
        pem = certificate_copy(self.data_dir)
        pem.parent.mkdir(parents=True, exist_ok=True)
        pem.write_bytes(identity.certificate_pem())
        self._endorse_exchange_key(identity)

    def _endorse_exchange_key(self, identity: OfficeIdentity) -> None:
        """Let the new identity vouch for the exchange key now, while it is unlocked.

        Then the office card (in a call, or saved from any screen) needs no password later.
        """
        from mou.exchange import PackageError
        from ui.exchange_keys import endorse_with, endorsement_for

        try:
            if endorsement_for(self.data_dir, identity.certificate) is None:
                endorse_with(self.data_dir, identity)
        except (PackageError, OSError):
            # Not fatal: the card can still be saved later, after unlocking the identity once.
            return
