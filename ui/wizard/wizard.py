"""The first-run wizard in two pages: the office (with its head and lambang), then the people
and the signing identity; "Create and open Lintas" makes everything and opens the app.

Kept short on purpose (issue 9 counts every click of a first contact): no page of its own for
the lambang (optional, also in Settings) nor a "Ready" page (our office card is one click away
under "Office card" on every screen, and a first call exchanges it without any file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget, QWizard

from mou.office import OfficeProfile, Role, create_local_office, set_user_secret
from ui import paths
from ui.settings import Settings
from ui.wizard.office_page import OfficePage
from ui.wizard.users_page import UsersPage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mou.db import Database
    from mou.models import LocalUser
    from mou.signing.identity import OfficeIdentity


def certificate_copy(data_dir: Path) -> Path:
    """Where the office's public certificate is cached in PEM (Settings shows it without a password)."""
    return paths.identity_file(data_dir).with_name("office.pem")


def first_acting_user(users: Sequence[LocalUser]) -> int | None:
    """Who Lintas acts as once the wizard is done: the first drafter (else nobody in particular).

    Least privilege: the people at the keyboard after set-up are legal staff who draft. The
    head of region's powers (trusting an office, approving, signing) are asked for, with the
    head's password, at the moment they are used; nothing then runs as the head by default.
    """
    return next((int(u.id) for u in users if u.role == Role.DRAFTER.value), None)


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
        self.setMinimumSize(680, 560)
        # Qt ships no Indonesian translation of its own buttons, so name them ourselves.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create and open Lintas"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.office_page = OfficePage()
        self.users_page = UsersPage()
        self.addPage(self.office_page)
        self.addPage(self.users_page)
        # The sections tests and callers reach directly.
        self.head_section = self.office_page.head
        self.lambang_section = self.office_page.lambang
        self.identity_section = self.users_page.identity

    def profile(self) -> OfficeProfile:
        """The office profile as entered so far."""
        return OfficeProfile(
            level=self.office_page.government_level(),
            region=self.office_page.region.text().strip(),
            unit=self.office_page.unit_value(),
            head_name=self.head_section.name.text().strip(),
            head_title=self.head_section.title.text().strip(),
            head_nip=self.head_section.nip_value(),
            lambang_png=self.lambang_section.png,
        )

    def create_office(self, identity: OfficeIdentity) -> None:
        """Store the office and its users (called by the last page once the key exists)."""
        users = self.users_page.users()
        with self.database.session() as session:
            office = create_local_office(session, self.profile(), [(n, r) for n, r, _ in users])
            # Only the scrypt hashes are stored; the typed PINs are not kept.
            for user, (_name, _role, secret) in zip(office.users, users, strict=True):
                set_user_secret(session, user.id, secret)
            first = first_acting_user(office.users)
        self.identity = identity
        self.office_created = True
        if first is not None:
            settings = Settings(self.data_dir)
            settings.last_user_id = first
            settings.sync()
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
