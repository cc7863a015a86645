"""When a ceremony ends verified, the main window shows the signed original in the Archive.

The office needs the file next (to print it, to file it), and the Archive is where it is: the
main window switches to the Archive with that agreement selected, whose row verifies itself as
it is shown. Never over unsaved work: a page with unsaved edits stays, and the ceremony window
says where the file is instead.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus
from ui.archive.office_files import signed_archive
from ui.context import AppContext


class Handoff(StrEnum):
    """What became of the signed original after the ceremony (``CeremonyPanel.archived``)."""

    OPENED = "opened"  # the main window shows it in the Archive
    UNSAVED = "unsaved"  # in the Archive; the page was left alone for unsaved edits
    ARCHIVED = "archived"  # in the Archive; no main window to show it in


def archived_agreement(context: AppContext, agreement_uuid: str, pdf_sha256: str) -> int | None:
    """The agreement's id when the Archive holds it Signed with exactly this PDF, else ``None``.

    Recording can be refused (another revision agreed here, no signatory acting): then the
    Archive does not have the file, and nothing may say it does.
    """
    with context.database.session() as s:
        agreement = s.scalars(
            select(models.Agreement).where(models.Agreement.uuid == agreement_uuid)
        ).first()
        if agreement is None or agreement.status != AgreementStatus.SIGNED.value:
            return None
        entries = signed_archive(context).entries(s)
    entry = next((e for e in entries if e.agreement_id == agreement.id), None)
    if entry is None or entry.pdf_sha256 != pdf_sha256 or not entry.complete:
        return None
    return entry.agreement_id


def has_unsaved_work(window: QWidget) -> bool:
    """True while the page the main window shows holds edits that are not saved.

    A page says so with ``has_unsaved_changes()``; the Agreements page is asked directly: its
    editor, when shown, with typing not yet written (autosave pending) or a working copy not
    yet saved as a revision.
    """
    page = window.created_pages().get(window.current_key())  # type: ignore[attr-defined]
    if page is None:
        return False
    probe = getattr(page, "has_unsaved_changes", None)
    if callable(probe):
        return bool(probe())
    editor = getattr(page, "editor", None)
    stack = getattr(page, "stack", None)
    if editor is None or stack is None or stack.currentWidget() is not editor:
        return False
    autosaver = getattr(editor, "autosaver", None)
    data = getattr(editor, "data", None)
    return bool(getattr(autosaver, "pending", False)) or bool(getattr(data, "dirty", False))


def show_in_archive(window: QWidget | None, agreement_id: int, pdf_sha256: str) -> Handoff:
    """Switch ``window`` (the main window, if any) to the Archive with ``agreement_id`` selected.

    Its verdict ("Verified, 2 signatures") is computed as the row is shown, without a click.
    """
    if window is None or not hasattr(window, "navigate") or not hasattr(window, "page"):
        return Handoff.ARCHIVED
    if has_unsaved_work(window):
        return Handoff.UNSAVED
    window.navigate("archive")  # type: ignore[attr-defined]
    archive = window.page("archive")  # type: ignore[attr-defined]
    table = getattr(archive, "table", None)
    if table is None:  # the page failed to load: it says so itself
        return Handoff.ARCHIVED
    listed = next((e for e in table.entries if e.agreement_id == agreement_id), None)
    if listed is None or listed.pdf_sha256 != pdf_sha256:
        archive.refresh()  # shown already, before the Signed state reached it
    table.select_agreement(agreement_id)
    archive.show_selected_verdict()
    return Handoff.OPENED
