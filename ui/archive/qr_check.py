"""Check a printed page: the text of its QR code against this office's record of the agreement.

A barcode scanner types the code like a keyboard, so one line edit serves both scanning and
pasting. The footer QR carries ``LINTAS-KB;id=<agreement>;rev=<revision hash>``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.signed_archive import QrCheck, QrVerdict, check_printed_code
from ui.archive.messages import state_text
from ui.context import AppContext

_GOOD = "#2e7d32"
_BAD = "#c62828"
_WARN = "#ef6c00"


class QrCheckDialog(QDialog):
    """Paste or scan the page code; says whether it matches the agreed revision here."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Check a printed page"))
        self.result: QrCheck | None = None
        intro = QLabel(
            self.tr(
                "Scan the QR code in the footer of a printed page (a scanner types it here), or "
                "paste its text. Lintas looks up the agreement and revision in this office's "
                "database."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("LINTAS-KB;id=…;rev=…")
        self.code.setAccessibleName(self.tr("Page code"))
        self.code.returnPressed.connect(self.check)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("qrVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setMinimumHeight(5 * self.fontMetrics().lineSpacing())
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.verdict.setText(self.tr("The answer appears here."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict, 1)
        layout.addWidget(buttons)
        self.resize(620, 320)

    @Slot()
    def check(self) -> QrCheck:
        """Look the code up and show the answer."""
        with self.context.database.session() as s:
            result = check_printed_code(s, self.code.text())
        self.result = result
        color = {QrVerdict.MATCH: _GOOD, QrVerdict.OTHER_REVISION: _WARN}.get(result.verdict, _BAD)
        self.verdict.setStyleSheet(
            f"QLabel#qrVerdict {{ color: white; background: {color}; padding: 10px;"
            " border-radius: 4px; }"
        )
        self.verdict.setText(self.describe(result))
        return result

    def describe(self, result: QrCheck) -> str:
        """The answer in words (rich text)."""
        short = result.revision_hash[:16]
        if result.verdict is QrVerdict.MATCH:
            return self.tr(
                "<b>Matches the app's record.</b><br/>The page belongs to “{title}”, revision "
                "{round} (hash {hash}…), the revision the parties agreed to. Status here: {status}."
            ).format(
                title=result.title,
                round=result.revision_round,
                hash=short,
                status=state_text(result.status),
            )
        if result.verdict is QrVerdict.OTHER_REVISION:
            if result.agreed_hash is None:
                return self.tr(
                    "<b>Not an agreed text.</b><br/>The page shows revision {round} of “{title}” "
                    "(hash {hash}…); no revision of it has been agreed yet."
                ).format(round=result.revision_round, title=result.title, hash=short)
            return self.tr(
                "<b>Does not match the agreed text.</b><br/>The page shows revision {round} of "
                "“{title}” (hash {hash}…), but the parties agreed to revision {agreed_round} "
                "(hash {agreed}…)."
            ).format(
                round=result.revision_round,
                title=result.title,
                hash=short,
                agreed_round=result.agreed_round,
                agreed=(result.agreed_hash or "")[:16],
            )
        if result.verdict is QrVerdict.UNKNOWN_REVISION:
            return self.tr(
                "<b>Does not match.</b><br/>“{title}” never had a revision with hash {hash}… "
                "The page may be altered or forged."
            ).format(title=result.title, hash=short)
        if result.verdict is QrVerdict.UNKNOWN_AGREEMENT:
            return self.tr(
                "<b>Not found.</b><br/>No agreement with id {id} is in this office's database."
            ).format(id=result.agreement_uuid)
        return self.tr(
            "<b>Not a Lintas page code.</b><br/>Scan the QR code in the footer of a printed "
            "agreement page, or type the text it carries."
        )
