"""The archive checks the file it lists: "Verified, 2 signatures" without a click.

An office opens the archive to see that the agreement is signed and that the signatures hold.
Making the user press "Verify…" for that answer was a step with nothing to decide, so the page
verifies the selected agreement's stored PDF itself, with exactly the trust the Verify dialog
uses (pinned office cards, the agreement's expected signers, the CAs from Settings). The
result is kept only until the page is refreshed (shown again, or an agreement changed state),
so trust withdrawn in the meantime is never hidden behind an old "Verified". "Verify…" stays
for the details of each signature.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mou.signing.verify import VerificationReport
from ui.archive.office_files import office_trust_for


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArchiveVerdict", text)


class ArchiveVerdicts:
    """Verification reports of stored PDFs, by SHA-256, until :meth:`clear`."""

    def __init__(self, context) -> None:
        self.context = context
        self._reports: dict[str, VerificationReport] = {}

    def clear(self) -> None:
        """Forget every report (trust or the records may have changed)."""
        self._reports.clear()

    def known(self, sha256: str | None) -> VerificationReport | None:
        """The report of a file verified since the last :meth:`clear`, else ``None``."""
        return self._reports.get(sha256) if sha256 else None

    def verify(self, sha256: str, data: bytes) -> VerificationReport:
        """Verify ``data`` (the stored PDF whose hash is ``sha256``) once, then reuse it."""
        report = self._reports.get(sha256)
        if report is None:
            from mou.signing import verify_pdf

            anchors, expected = office_trust_for(self.context, data)
            report = verify_pdf(data, anchors, expected=expected)
            self._reports[sha256] = report
        return report


def verdict_text(report: VerificationReport | None) -> str:
    """One short cell: "Verified, 2 signatures", or what is wrong in plain words."""
    if report is None:
        return ""
    if report.error:
        return _tr("Not verified: the file cannot be read")
    if not report.signatures:
        return _tr("Not verified: no signature")
    failed = sum(1 for check in report.signatures if not check.ok)
    if failed:
        return _tr("Not verified: {failed} of {count} signatures fail").format(
            failed=failed, count=len(report.signatures)
        )
    return _tr("Verified, {count} signatures").format(count=len(report.signatures))
