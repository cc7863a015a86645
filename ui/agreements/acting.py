"""Who is acting: the domain ``Actor`` for the app's current local user.

``AppContext.current_user`` is a detached row; ``Actor.of`` follows ``user.office``, so the user is
re-read inside the caller's session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementError
from mou.office import Actor, Role
from ui.context import AppContext


def actor_for(context: AppContext, session: Session) -> Actor | None:
    """The acting user as a domain actor, or ``None`` when nobody is signed in."""
    user = context.current_user
    if user is None:
        return None
    row = session.get(models.LocalUser, user.id)
    return Actor.of(row) if row is not None else None


def required_actor(context: AppContext, session: Session) -> Actor:
    """The acting user as a domain actor; ``AgreementError`` (in the UI language) without one.

    Every edit names its actor, so the editor panels and dialogs refuse before touching anything.
    """
    actor = actor_for(context, session)
    if actor is None:
        raise AgreementError(
            QCoreApplication.translate("Acting", "Choose a user first (top right).")
        )
    return actor


def current_role(context: AppContext) -> Role | None:
    """The current user's role (``None`` without a user)."""
    user = context.current_user
    return Role(user.role) if user is not None else None
