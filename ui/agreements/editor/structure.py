"""Structural edits of the pasal list and the ayat: insert, move, delete; each one undo step.

A mixin of ``AgreementEditor`` (it uses the editor's ``_apply``, data and message bar), kept apart
so the editor module stays about its layout, loading and autosave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mou.clause import add_ayat, add_clause, delete_ayat, delete_clause, move_ayat, move_clause

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor


class StructureEdits:
    """Pasal and ayat restructuring, mixed into ``AgreementEditor``."""

    def insert_clause(self: AgreementEditor, number: int) -> None:
        """Insert an empty pasal so that it becomes Pasal ``number``."""
        heading = QCoreApplication.translate("AgreementEditor", "New pasal")
        self._apply(
            lambda s, a, actor: add_clause(s, a, actor, heading=heading, number=number),
            undo_text=QCoreApplication.translate("AgreementEditor", "Insert Pasal %1").replace(
                "%1", str(number)
            ),
        )

    def move_clause(self: AgreementEditor, uuid: str, number: int) -> None:
        """Move a pasal to become Pasal ``number``."""
        old = self.data.clause(uuid) if self.data else None
        self._apply(
            lambda s, a, actor: move_clause(s, a, actor, uuid, number),
            uuid,
            QCoreApplication.translate("AgreementEditor", "Move Pasal %1 to Pasal %2")
            .replace("%1", str(old.number if old else number))
            .replace("%2", str(number)),
        )

    def delete_clause(self: AgreementEditor, uuid: str) -> None:
        """Delete a pasal; the message offers "Undo" (its text also stays in saved revisions)."""
        self.autosaver.flush()
        gone = self.data.clause(uuid) if self.data else None

        number = str(gone.number) if gone else ""
        if (
            self._apply(
                lambda s, a, actor: delete_clause(s, a, actor, uuid),
                undo_text=QCoreApplication.translate("AgreementEditor", "Delete Pasal %1").replace(
                    "%1", number
                ),
            )
            is None
            and gone is not None
            and self.data.clause(uuid) is None
        ):
            self.message_bar.show_message(
                QCoreApplication.translate("AgreementEditor", "Pasal %1 (%2) was deleted.").replace("%1", number)
                .replace("%2", gone.heading),
                "info",
                (QCoreApplication.translate("AgreementEditor", "Undo"), self.undo),
            )  # fmt: skip

    def add_ayat(self: AgreementEditor) -> None:
        """Append an empty ayat to the selected pasal."""
        uuid = self.clause_list.current_uuid()
        if uuid:
            self._apply(
                lambda s, a, actor: add_ayat(s, a, actor, uuid, ""),
                uuid,
                QCoreApplication.translate("AgreementEditor", "Add an ayat to Pasal %1").replace(
                    "%1", self._number(uuid)
                ),
            )

    def delete_ayat(self: AgreementEditor, number: int) -> None:
        """Delete ayat ``number`` of the selected pasal."""
        uuid = self.clause_list.current_uuid()
        if uuid:
            self._apply(
                lambda s, a, actor: delete_ayat(s, a, actor, uuid, number),
                uuid,
                QCoreApplication.translate("AgreementEditor", "Delete ayat (%2) of Pasal %1")
                .replace("%1", self._number(uuid))
                .replace("%2", str(number)),
            )

    def move_ayat(self: AgreementEditor, number: int, to_number: int) -> None:
        """Move an ayat within the selected pasal."""
        uuid = self.clause_list.current_uuid()
        if uuid:
            self._apply(
                lambda s, a, actor: move_ayat(s, a, actor, uuid, number, to_number),
                uuid,
                QCoreApplication.translate("AgreementEditor", "Move ayat (%2) of Pasal %1")
                .replace("%1", self._number(uuid))
                .replace("%2", str(number)),
            )

    def _number(self: AgreementEditor, uuid: str) -> str:
        clause = self.data.clause(uuid) if self.data else None
        return str(clause.number) if clause else ""
