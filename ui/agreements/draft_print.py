"""Printing the draft of the open agreement (File > Print, Ctrl+P, in the editor).

A drafter prints a draft to read it on paper with colleagues: it is the same KONSEP document
the preview shows (every page watermarked, "belum disepakati"), on the office's paper. A
signed agreement is printed from the Archive instead, where its signatures are checked first.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ui.context import AppContext


def draft_pdf(context: AppContext, agreement_id: int) -> bytes:
    """The draft PDF of ``agreement_id`` on the office's paper (watermarked KONSEP)."""
    from ui.agreements.editor.preview import render_draft

    return render_draft(context.database, agreement_id, None, context.settings.paper_size)


class DraftPrinter:
    """Asks for a printer and prints the draft; keeps the last dialog for tests and callers."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent
        self.last_dialog: QPrintDialog | None = None
        self.pages_printed = 0

    def print_draft(self, agreement_id: int) -> int:
        """The print dialog for the draft; returns the pages printed (0 when cancelled)."""
        from ui.agreements.redline.export import configure_printer, print_pdf

        data = draft_pdf(self.context, agreement_id)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, self.context.settings.paper_size)
        printer.setDocName("Lintas KONSEP")
        dialog = QPrintDialog(printer, self.parent)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        self.last_dialog = dialog
        self.pages_printed = 0
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # Qt's dialog resets the paper to its locale's default (Letter) for a PDF printer;
            # the office's paper from Settings is what the draft is laid out on.
            configure_printer(printer, self.context.settings.paper_size)
            self.pages_printed = print_pdf(data, printer)
        return self.pages_printed
