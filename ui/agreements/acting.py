"""Who is acting: the domain ``Actor`` for the app's current local user.

``AppContext.current_user`` is a detached row; ``Actor.of`` follows ``user.office``, so the user is
re-read inside the caller's session.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mou import models
from mou.office import Actor, Role
from ui.context import AppContext


def actor_for(context: AppContext, session: Session) -> Actor | None:
    """The acting user as a domain actor, or ``None`` when nobody is signed in."""
    user = context.current_user
    if user is None:
        return None
    row = session.get(models.LocalUser, user.id)
    return Actor.of(row) if row is not None else None


def current_role(context: AppContext) -> Role | None:
    """The current user's role (``None`` without a user)."""
    user = context.current_user
    return Role(user.role) if user is not None else None
