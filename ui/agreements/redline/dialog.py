"""The redline dialog: choose any two revisions and read the coloured, attributed differences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mou import models
from mou.redline import Redline, compare
from mou.revision import history
from ui.agreements.redline.export import configure_printer, print_pdf, redline_document
from ui.agreements.redline.render import redline_html
from ui.context import AppContext
from ui.datestyle import short_datetime


class RedlineDialog(QDialog):
    """Compares two revisions of one agreement (older on the left, newer on the right)."""

    def __init__(
        self,
        context: AppContext,
        agreement_id: int,
        old_id: int | None = None,
        new_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id = agreement_id
        self.redline: Redline | None = None
        self.setWindowTitle(self.tr("Redline"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.old_combo = QComboBox()
        self.new_combo = QComboBox()
        with context.database.session() as session:
            infos = history(session, agreement_id)
        for info in infos:
            when = short_datetime(info.created_at)
            text = self.tr("Round %1 — %2, %3").replace("%1", str(info.round))
            text = text.replace("%2", info.author_office).replace("%3", when)
            self.old_combo.addItem(text, info.id)
            self.new_combo.addItem(text, info.id)
        row.addWidget(QLabel(self.tr("From:")))
        row.addWidget(self.old_combo, 1)
        row.addWidget(QLabel(self.tr("To:")))
        row.addWidget(self.new_combo, 1)
        layout.addLayout(row)
        self.changed_only = QCheckBox(self.tr("Only pasal that changed"))
        self.changed_only.setChecked(True)
        layout.addWidget(self.changed_only)
        self.browser = QTextBrowser()
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.addButton(
            self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.ask_save_pdf)
        self.print_button.clicked.connect(self.ask_print)
        layout.addWidget(buttons)
        count = len(infos)
        old_index = self.old_combo.findData(old_id) if old_id else max(count - 2, 0)
        new_index = self.new_combo.findData(new_id) if new_id else count - 1
        self.old_combo.setCurrentIndex(max(old_index, 0))
        self.new_combo.setCurrentIndex(max(new_index, 0))
        self.old_combo.currentIndexChanged.connect(self.refresh)
        self.new_combo.currentIndexChanged.connect(self.refresh)
        self.changed_only.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the redline for the chosen pair."""
        old_id, new_id = self.old_combo.currentData(), self.new_combo.currentData()
        self.save_button.setEnabled(old_id is not None and new_id is not None)
        self.print_button.setEnabled(old_id is not None and new_id is not None)
        if old_id is None or new_id is None:
            self.redline = None
            empty = self.tr("This agreement has no saved revision yet.")
            self.browser.setHtml(f"<p>{empty}</p>")
            return
        with self.context.database.session() as session:
            old = session.get(models.Revision, old_id)
            new = session.get(models.Revision, new_id)
            assert old is not None and new is not None
            redline = compare(session, old, new)
        self.redline = redline
        self.html = redline_html(redline, changed_only=self.changed_only.isChecked())
        self.browser.setHtml(self.html)

    # -- export ----------------------------------------------------------------------------

    def pdf_bytes(self) -> bytes:
        """The redline on screen as a PDF (Indonesian, like the agreement)."""
        return redline_document(self.context, self.agreement_id, self.redline)

    def save_pdf(self, path: Path) -> None:
        """Write the redline PDF to ``path``."""
        path.write_bytes(self.pdf_bytes())

    def ask_save_pdf(self) -> None:
        """Ask where, then save; a failure is said in words, without the system's text."""
        if self.redline is None:
            return
        name = f"redline-revisi-{self.redline.old.round}-{self.redline.new.round}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the redline as PDF"), str(Path.home() / name),
            self.tr("PDF documents (*.pdf)"),
        )  # fmt: skip
        if not chosen:
            return
        try:
            self.save_pdf(Path(chosen))
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Redline not saved"),
                self.tr("The file could not be written there. Choose another folder."),
            )

    def print_to(self, printer: QPrinter) -> int:
        """Print the redline on ``printer``; returns the pages printed."""
        return print_pdf(self.pdf_bytes(), printer)

    def new_printer(self) -> QPrinter:
        """A printer on the office's paper (Settings), no margins."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, self.context.settings.paper_size)
        return printer

    def ask_print(self) -> None:
        """The system print dialog, on the office's paper."""
        if self.redline is None:
            return
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
