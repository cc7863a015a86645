"""The office core's coded refusals (``mou.office.OfficeCode``) in the UI language.

Used by the first-run wizard, Settings and the new-agreement dialog; see :mod:`ui.messages`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mou.office import OfficeError
from ui.messages import MessageTable, message_text

_FIELDS = {
    "region": QT_TRANSLATE_NOOP("OfficeMessages", "region"),
    "unit": QT_TRANSLATE_NOOP("OfficeMessages", "unit"),
    "head_name": QT_TRANSLATE_NOOP("OfficeMessages", "head of region"),
    "head_title": QT_TRANSLATE_NOOP("OfficeMessages", "title"),
}


def _field(value: str) -> str:
    source = _FIELDS.get(value)
    return QCoreApplication.translate("OfficeMessages", source) if source else value


OFFICE = MessageTable(
    "OfficeMessages",
    {
        "office.field_empty": QT_TRANSLATE_NOOP("OfficeMessages", "The office's {field} is empty"),
        "office.not_set_up": QT_TRANSLATE_NOOP(
            "OfficeMessages", "No local office is set up yet; finish the first-run setup first"
        ),
        "office.already_set_up": QT_TRANSLATE_NOOP(
            "OfficeMessages", "This installation already has a local office"
        ),
        "office.empty_user_name": QT_TRANSLATE_NOOP("OfficeMessages", "A user has an empty name"),
        "office.duplicate_user": QT_TRANSLATE_NOOP(
            "OfficeMessages", "The user '{name}' is listed twice"
        ),
        "office.secret_too_short": QT_TRANSLATE_NOOP(
            "OfficeMessages", "A password or PIN needs at least {min} characters"
        ),
        "office.no_such_user": QT_TRANSLATE_NOOP(
            "OfficeMessages", "That user no longer exists; the list has been refreshed"
        ),
        "office.last_user": QT_TRANSLATE_NOOP(
            "OfficeMessages", "The last user cannot be removed; add another user first"
        ),
    },
    params={"field": _field},
)


def office_error_text(error: OfficeError) -> str:
    """The refusal in the UI language (the core's English for an unknown code)."""
    return message_text(error.message, OFFICE)
