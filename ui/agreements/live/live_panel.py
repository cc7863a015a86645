"""The "Live review" tab: follow the other office's pasal, send and answer suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mou.live_review import Suggestion
from mou.redline import word_diff
from ui.agreements.editor.snapshot import ClauseData
from ui.agreements.live.link import LiveReviewLink
from ui.agreements.messages import suggestion_reason
from ui.agreements.redline.render import field_label, ops_html


def field_values(clause: ClauseData) -> list[tuple[str, str]]:
    """``(field, text)`` pairs of a pasal, in the names ``mou.live_review`` uses."""
    values = [("heading", clause.heading), ("body", clause.body)]
    for number, (text, text_en) in enumerate(clause.ayat, start=1):
        values.append((f"ayat {number}", text))
        values.append((f"ayat {number} (en)", text_en))
    values += [("heading_en", clause.heading_en), ("body_en", clause.body_en)]
    return values


class LivePanel(QWidget):
    """Live co-review controls for the open agreement."""

    sig_accept_requested = Signal(str)  # suggestion id (the editor flushes, then accepts)

    def __init__(self, link: LiveReviewLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.clause: ClauseData | None = None
        self.numbers: dict[str, int] = {}
        self.suggestions: dict[str, Suggestion] = {}
        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        # The agreement open here goes to the other office in the call: no file to pick.
        self.share_button = QPushButton(self.tr("Share this agreement in the call"))
        self.share_button.setObjectName("primaryAction")
        self.share_button.hide()
        layout.addWidget(self.share_button)
        self.follow_check = QCheckBox(self.tr("Follow the pasal the other office looks at"))
        self.follow_check.setChecked(True)
        layout.addWidget(self.follow_check)

        box = QGroupBox(self.tr("Suggest a change to this pasal"))
        form = QVBoxLayout(box)
        self.field_combo = QComboBox()
        self.new_text = QPlainTextEdit()
        self.new_text.setMaximumHeight(90)
        self.send_button = QPushButton(self.tr("Send suggestion"))
        form.addWidget(self.field_combo)
        form.addWidget(self.new_text)
        form.addWidget(self.send_button)
        layout.addWidget(box)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pasal"), self.tr("Field"), self.tr("From"), self.tr("Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Office names are long ("Pemerintah Kota Palangka Raya"): From and Status share the
        # width left by the short columns and wrap; rows grow to their text, also when the pane
        # is resized.
        heading = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents,) * 2 + (QHeaderView.ResizeMode.Stretch,) * 2
        ):
            heading.setSectionResizeMode(column, mode)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        heading.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        self.preview = QTextBrowser()
        self.preview.setMaximumHeight(110)
        layout.addWidget(self.preview)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        layout.addLayout(row)

        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.send_button.clicked.connect(self.send)
        self.table.currentCellChanged.connect(lambda *_: self._show_selected())
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        link.sig_active_changed.connect(lambda _a: self.update_status())
        link.sig_suggestion_received.connect(self.add_suggestion)
        link.sig_suggestion_decided.connect(self.add_suggestion)
        self.update_status()

    def update_status(self) -> None:
        """Explain whether live review is on and with whom."""
        if self.link.active:
            peers = ", ".join(self.link.peers()) or self.tr("waiting for the other office")
            self.status_label.setText(
                self.tr("Live review in session %1 with %2. Both see the same pasal; suggestions "
                        "arrive on the other side at once.")
                .replace("%1", self.link.room)
                .replace("%2", peers)
            )  # fmt: skip
        elif self.link.refusal:
            # In a call, but an office in it is not verified: say why nothing happens.
            self.status_label.setText(self.link.refusal)
        else:
            self.status_label.setText(
                self.tr(
                    "Live review starts when this agreement is open during a session with the "
                    "counterpart office (Sessions page). Both offices then see the same pasal "
                    "and can suggest changes to each other."
                )
            )
        self.send_button.setEnabled(self.link.active and self.clause is not None)
        peers = self.link.peers()
        self.share_button.setVisible(self.link.active and bool(peers))
        if peers:
            self.share_button.setText(
                self.tr("Share this agreement with %1 in the call").replace("%1", ", ".join(peers))
            )
        self._show_selected()

    def set_clause(self, clause: ClauseData | None, numbers: dict[str, int]) -> None:
        """The pasal selected in the editor (suggestions are made against its stored text)."""
        self.clause = clause
        self.numbers = numbers
        chosen = self.field_combo.currentData()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for name, _text in field_values(clause) if clause else []:
            self.field_combo.addItem(field_label(name), name)
        # By default the pasal's own text: its first ayat, else its body (not the heading).
        fallback = next(
            (
                self.field_combo.findData(f)
                for f in ("ayat 1", "body")
                if self.field_combo.findData(f) >= 0
            ),
            0,
        )
        found = self.field_combo.findData(chosen)
        self.field_combo.setCurrentIndex(found if found >= 0 else fallback)
        self.field_combo.blockSignals(False)
        self._field_changed()
        self.update_status()

    def _current_text(self) -> str:
        if self.clause is None:
            return ""
        return dict(field_values(self.clause)).get(self.field_combo.currentData() or "", "")

    def _field_changed(self) -> None:
        self.new_text.setPlainText(self._current_text())

    def send(self) -> Suggestion | None:
        """Propose the typed text for the chosen field of the pasal."""
        if self.clause is None:
            return None
        field = self.field_combo.currentData()
        suggestion = self.link.propose(
            self.clause.uuid, field, self._current_text(), self.new_text.toPlainText()
        )
        if suggestion is not None:
            self.add_suggestion(suggestion)
        return suggestion

    def add_suggestion(self, suggestion: Suggestion) -> None:
        """Show a new or decided suggestion (newest first)."""
        self.suggestions[suggestion.id] = suggestion
        ordered = list(self.suggestions.values())[::-1]
        self.table.setRowCount(len(ordered))
        statuses = {
            "pending": self.tr("waiting"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "failed": self.tr("could not be applied"),
        }
        for row, item in enumerate(ordered):
            who = item.office if item.incoming else self.tr("us")
            cells = [
                str(self.numbers.get(item.clause_uuid, "?")),
                field_label(item.field),
                who,
                statuses.get(item.status, item.status)
                + (f": {suggestion_reason(item)}" if item.reason else ""),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                cell.setToolTip(text)
                self.table.setItem(row, c, cell)
        self.table.resizeRowsToContents()
        if suggestion.incoming and suggestion.status == "pending":
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> Suggestion | None:
        """The suggestion selected in the table."""
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return self.suggestions.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        open_incoming = chosen is not None and chosen.incoming and chosen.status == "pending"
        self.accept_button.setEnabled(open_incoming and self.link.active)
        self.reject_button.setEnabled(open_incoming and self.link.active)
        if chosen is None:
            self.preview.clear()
            return
        self.preview.setHtml(ops_html(word_diff(chosen.old, chosen.new)))

    def _accept(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.sig_accept_requested.emit(chosen.id)

    def _reject(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.link.reject(chosen.id)
