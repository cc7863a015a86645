"""Reconcile a branch: an import diverged from local edits; show both heads and merge them.

Non-conflicting changes of both sides merge automatically (``mou.exchange.reconcile``); for each
pasal or field both offices changed differently, the user picks "ours" or "theirs".
"""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou import models
from mou.agreement import AgreementError, get_agreement
from mou.exchange import Conflict, reconcile, reconcile_preview
from mou.revision import heads
from ui.agreements.acting import required_actor
from ui.agreements.message_bar import MessageBar
from ui.agreements.messages import error_text
from ui.context import AppContext


def _preview(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        parts = [str(value.get(k, "")) for k in ("heading", "body", "what", "name") if k in value]
        ayat = value.get("ayat")
        if isinstance(ayat, list):
            parts += [a.get("text", "") for a in ayat if isinstance(a, dict)]
        return " / ".join(p for p in parts if p) or json.dumps(value, ensure_ascii=False)[:200]
    return str(value)


class ReconcileDialog(QDialog):
    """Shows the two heads of a branched agreement and merges the other one into ours."""

    sig_reconciled = Signal(int)
    sig_redline_requested = Signal(int, int)

    def __init__(self, context: AppContext, agreement_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.agreement_id = agreement_id
        self.setWindowTitle(self.tr("Reconcile diverging versions"))
        self.resize(860, 520)
        self.conflicts: list[Conflict] = []
        self.choices: list[QComboBox] = []
        layout = QVBoxLayout(self)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Our text"), self.tr("Their text"), self.tr("Keep")]
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.clean_label = QLabel(
            self.tr(
                "No conflicts: the two versions changed different parts and merge cleanly. "
                "Check the redline, then reconcile."
            )
        )
        self.clean_label.setWordWrap(True)
        self.clean_label.setStyleSheet("padding:12px; font-weight:bold;")
        layout.addWidget(self.clean_label)
        layout.addStretch(0)
        self.diff_button = QPushButton(self.tr("Show the differences (redline)"))
        layout.addWidget(self.diff_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reconcile and save as a new round"))
        buttons.accepted.connect(self.reconcile)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.diff_button.clicked.connect(self._show_diff)
        self.mine_id: int | None = None
        self.other_id: int | None = None
        self.load()

    def load(self) -> None:
        """Find our head and the other head, and what merging them must decide."""
        with self.context.database.session() as session:
            agreement = get_agreement(session, self.agreement_id)
            mine = agreement.current_revision
            others = [
                h for h in heads(session, self.agreement_id) if mine is None or h.hash != mine.hash
            ]
            if mine is None or not others:
                self.table.hide()
                self.clean_label.hide()
                self.intro.setText(
                    self.tr("There is nothing to reconcile: only one version exists.")
                )
                self.ok_button.setEnabled(False)
                self.diff_button.setEnabled(False)
                return
            other = others[0]
            self.mine_id, self.other_id = mine.id, other.id
            self.conflicts = reconcile_preview(session, agreement, other)
            intro = self.tr(
                "Both offices edited the same revision. Ours: round %1 by %2 (%3). "
                "Theirs: round %4 by %5 (%6). Changes that do not overlap are merged "
                "automatically; choose which text to keep where both changed the same item."
            )
            for key, value in (
                ("%1", str(mine.round)),
                ("%2", mine.author_office_name),
                ("%3", mine.hash[:12]),
                ("%4", str(other.round)),
                ("%5", other.author_office_name),
                ("%6", other.hash[:12]),
            ):
                intro = intro.replace(key, value)
            self.intro.setText(intro)
        self.table.setVisible(bool(self.conflicts))
        self.clean_label.setVisible(not self.conflicts)
        self.table.setRowCount(len(self.conflicts))
        self.choices = []
        for row, conflict in enumerate(self.conflicts):
            self.table.setItem(row, 0, QTableWidgetItem(conflict.label))
            self.table.setItem(row, 1, QTableWidgetItem(_preview(conflict.mine)))
            self.table.setItem(row, 2, QTableWidgetItem(_preview(conflict.theirs)))
            combo = QComboBox()
            combo.addItem(self.tr("Ours"), "mine")
            combo.addItem(self.tr("Theirs"), "theirs")
            if conflict.mine is None:
                combo.setCurrentIndex(1)
            self.table.setCellWidget(row, 3, combo)
            self.choices.append(combo)
        self.table.resizeRowsToContents()

    def reconcile(self) -> None:
        """Merge with the chosen texts and save the result as a new round."""
        if self.other_id is None:
            return
        choices = {
            c.key: combo.currentData()
            for c, combo in zip(self.conflicts, self.choices, strict=True)
        }
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                other = session.get(models.Revision, self.other_id)
                assert other is not None
                reconcile(session, get_agreement(session, self.agreement_id), actor, other, choices)
        except AgreementError as exc:
            self.message_bar.show_message(error_text(exc))
            return
        self.sig_reconciled.emit(self.agreement_id)
        self.accept()

    def _show_diff(self) -> None:
        if self.mine_id is not None and self.other_id is not None:
            self.sig_redline_requested.emit(self.mine_id, self.other_id)
