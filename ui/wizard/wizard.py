"""The first-run wizard on one page: the office with its head (and, optionally, the lambang),
the signing identity, the drafter and any other users; "Create and open Lintas" makes
everything and opens the app.

Kept short on purpose (issue 9 counts every click of a first contact): no "Next" (everything
fits one 1366x768 screen, two fields to a row where they belong together), no page of its own
for the lambang (optional, also in Settings) nor a "Ready" page (our office card is one click
away under "Office card" on every screen, and a first call exchanges it without any file).
Extra users are folded behind "More users"; the usual office starts with the head and one
drafter, and the page says what is missing until both are there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from mou.office import OfficeProfile, Role, create_local_office, set_user_secret
from ui import paths
from ui.screen_fit import available_rect, fit_size
from ui.settings import Settings
from ui.wizard.office_page import OfficeForm
from ui.wizard.users_page import PeopleSection

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


class SetupPage(QWizardPage):
    """The wizard's only page: the office form above, the people and the identity below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The page keeps the title of the office page it grew from (and its translation).
        self.setTitle(QCoreApplication.translate("OfficePage", "Your office"))
        self.setSubTitle(
            QCoreApplication.translate("OfficePage", "Settings can change all of this later.")
        )
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.office = OfficeForm(content)
        column.addWidget(self.office)
        column.addSpacing(6)
        self.people = PeopleSection(self.office, content)
        column.addWidget(self.people)
        column.addStretch(1)
        # The wizard is as tall as this content on a 1366x768 screen (see fit_height); on a
        # smaller one the content scrolls rather than being squeezed.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("setupScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.scroll.setMinimumWidth(content.minimumSizeHint().width())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.people.changed.connect(self.completeChanged)

    def content_height(self, width: int) -> int:
        """The height the content needs when the scroll area's viewport is ``width`` wide."""
        content = self.scroll.widget()
        needed = content.heightForWidth(max(width, content.minimumSizeHint().width()))
        return needed if needed > 0 else content.sizeHint().height()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """Region, head of region, signing identity, a drafter with a PIN, no name twice."""
        return not self.people.problem()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Make the identity and the office; on failure show why and stay on the page."""
        from mou.office import OfficeError

        wizard = self.wizard()
        if not isinstance(wizard, FirstRunWizard) or not self.isComplete():
            return False
        identity = self.people.identity.make(wizard.identity_path, wizard.profile())
        if identity is None:
            return False
        try:
            wizard.create_office(identity)
        except OfficeError as error:
            from ui.office_messages import office_error_text

            self.people.identity.show_error(office_error_text(error))
            return False
        return True


class FirstRunWizard(QWizard):
    """Sets up the local office, its users and its signing identity on one page."""

    #: Wide enough for two fields to a row in Indonesian; the height follows the content.
    WIDTH = 860

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
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        # Qt ships no Indonesian translation of its own buttons, so name them ourselves.
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create and open Lintas"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setup_page = SetupPage()
        self.addPage(self.setup_page)
        # The sections tests and callers reach directly.
        self.office_page = self.setup_page.office
        self.users_page = self.setup_page.people
        self.head_section = self.office_page.head
        self.lambang_section = self.office_page.lambang
        self.identity_section = self.users_page.identity
        self.users_page.resized.connect(self.fit_height)
        self.identity_section.error_changed.connect(self.fit_height)
        # A hint that takes another line grows the window rather than hiding behind a scroll.
        self.users_page.changed.connect(lambda: self.fit_height(shrink=False))
        self.resize(self.WIDTH, self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Once laid out, take exactly the height the page needs."""
        super().showEvent(event)
        self.fit_height()

    def fit_height(self, *, shrink: bool = True) -> None:
        """As tall as the page needs (it grows when "More users" folds out), within the screen.

        Measured from what the page has now (the wizard's header and buttons stay as they
        are), so word-wrapped texts count at their real width. ``shrink=False`` only grows.
        """
        if not self.isVisible():
            return  # showEvent fits it once laid out
        page = self.setup_page
        # Qt drops the cached sizes of the parents of a widget shown, hidden or re-texted
        # only after the event loop ran; measure now, so drop them now.
        changing = (
            self.users_page.more,
            self.users_page.hint,
            self.identity_section.error,
            self.head_section.nip_hint,
            self.lambang_section.error,
        )
        for changed in changing:
            widget: QWidget | None = changed
            while widget is not None and widget is not page.scroll.widget():
                widget.updateGeometry()
                widget = widget.parentWidget()
        available = available_rect(self)
        # The width first: on a narrow screen texts wrap into more lines.
        width = fit_size(QSize(max(self.width(), self.WIDTH), self.height()), available).width()
        # Measured as if the scroll bar were there: else a scroll bar shown while the window
        # was short narrows the text, which then needs that bar (Qt keeps it).
        bar = page.scroll.verticalScrollBar().sizeHint().width()
        inner = page.scroll.width() + width - self.width() - bar
        spare = page.scroll.viewport().height() - page.content_height(inner)
        if spare == 0 and width == self.width() or spare > 0 and not shrink:
            return
        self.resize(fit_size(QSize(width, self.height() - spare), available))

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
        """Store the office and its users (called by the page once the key exists)."""
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
