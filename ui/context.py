"""What every page receives: the open database, settings, data folder, office, user and bridge.

Pages are built as ``Page(context: AppContext, parent=None)``. ``office`` and ``current_user`` are
detached ORM rows (the storage layer does not expire on commit), fine for reading their columns;
re-query by ``id`` inside ``context.database.session()`` to change them or follow relationships.
When the user switches in the window header, :meth:`AppContext.set_current_user` posts a
:class:`CurrentUserChanged` through the bridge; subscribe with
``context.bridge.subscribe(CurrentUserChanged, self._on_user_changed)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui import paths
from ui.bridge import EventBridge
from ui.settings import Settings

if TYPE_CHECKING:
    from mou.db import Database
    from mou.models import LocalUser, Office


@dataclass(frozen=True)
class CurrentUserChanged:
    """Posted on the bridge when the header's user switcher picks another local user."""

    user: LocalUser


@dataclass(frozen=True)
class OfficeChanged:
    """Posted on the bridge when the local office's profile was edited (Settings page)."""

    office: Office


@dataclass(frozen=True)
class UsersChanged:
    """Posted on the bridge when a local user was added or changed (Settings page)."""


@dataclass
class AppContext:
    """Shared state of the running app, handed to every page."""

    database: Database
    settings: Settings
    data_dir: Path
    office: Office
    current_user: LocalUser | None
    bridge: EventBridge

    @property
    def identity_path(self) -> Path:
        """The office signing identity (PKCS#12), per the data folder contract."""
        return paths.identity_file(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        """Automatic database backups."""
        return paths.backups_dir(self.data_dir)

    def set_current_user(self, user: LocalUser) -> None:
        """Switch the acting local user, remember the choice, and tell every page."""
        self.current_user = user
        self.settings.last_user_id = int(user.id)
        self.bridge.post(CurrentUserChanged(user))

    def set_office(self, office: Office) -> None:
        """Replace the office snapshot after an edit and tell every page."""
        self.office = office
        self.bridge.post(OfficeChanged(office))
