"""The signing core's coded messages in the UI language (why a file could not be verified).

The one place mapping ``mou.signing.VerifyCode`` to translatable texts (see :mod:`ui.messages`).
Per-signature verdicts are coded by ``mou.signing.Verdict`` and worded in
:meth:`ui.signing.verify_dialog.VerifyDialog.verdict_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from mou.signing import VerificationReport
from ui.messages import MessageTable, message_text

VERIFY = MessageTable(
    "VerifyMessages",
    {
        "verify.empty_file": QT_TRANSLATE_NOOP("VerifyMessages", "The file is empty."),
        "verify.not_a_pdf": QT_TRANSLATE_NOOP("VerifyMessages", "The file is not a PDF."),
        "verify.unreadable_pdf": QT_TRANSLATE_NOOP(
            "VerifyMessages",
            "The PDF cannot be read; it may be incomplete or damaged ({detail}).",
        ),
    },
)


def report_error_text(report: VerificationReport) -> str:
    """Why the file could not be checked at all, in the UI language ("" when it was checked)."""
    message = report.error_message
    return "" if message is None else message_text(message, VERIFY)
