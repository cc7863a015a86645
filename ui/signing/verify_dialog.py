"""Shows the verification of a signed agreement PDF: one panel per signature, one verdict on top."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mou.signing import SignatureCheck, Verdict, VerificationReport, verify_pdf
from mou.signing.trust import ExpectedSigner, TrustAnchors
from ui.datestyle import zoned_datetime
from ui.signing.messages import problem_text, report_error_text

_ZONES = {
    "WIB": dt.timezone(dt.timedelta(hours=7)),
    "WITA": dt.timezone(dt.timedelta(hours=8)),
    "WIT": dt.timezone(dt.timedelta(hours=9)),
}
_GOOD = "#2e7d32"
_BAD = "#c62828"
_WARN = "#ef6c00"


class VerificationDialog(QDialog):
    """Verify ``data`` against ``trusted`` certificates and show the result per signature."""

    def __init__(
        self,
        data: bytes,
        trusted: TrustAnchors | Iterable[x509.Certificate],
        *,
        title: str = "",
        tz_label: str = "WIB",
        expected: Mapping[str, ExpectedSigner] | None = None,
        report: VerificationReport | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``trusted``: office certificates (a plain list is pinned: each trusted only as its
        office's own certificate, never as an issuer) or ``TrustAnchors`` with CA anchors.
        ``expected``: field -> party from the agreement record; ``report``: a verification
        already made of ``data`` (so a caller that has one does not verify twice)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature verification"))
        self.tz_label = tz_label if tz_label in _ZONES else "WIB"
        anchors = trusted if isinstance(trusted, TrustAnchors) else TrustAnchors.pinned(trusted)
        self.report: VerificationReport = report or verify_pdf(data, anchors, expected=expected)
        self.summary = QLabel(self)
        self.summary.setObjectName("verificationSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(self._summary_text(title))
        color = _GOOD if self.report.ok else _BAD
        self.summary.setStyleSheet(
            f"QLabel#verificationSummary {{ color: white; background: {color}; padding: 10px;"
            " border-radius: 4px; font-size: 11pt; }"
        )
        panels = QWidget(self)
        panel_layout = QVBoxLayout(panels)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        self.panels: list[QGroupBox] = []
        for number, check in enumerate(self.report.signatures, start=1):
            box = self._panel(number, check)
            self.panels.append(box)
            panel_layout.addWidget(box)
        if self.report.unsigned_fields:
            waiting = QLabel(
                self.tr("Signature fields not signed yet: {fields}").format(
                    fields=", ".join(self.report.unsigned_fields)
                ),
                panels,
            )
            waiting.setWordWrap(True)
            panel_layout.addWidget(waiting)
        panel_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panels)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(680, 580)

    def _summary_text(self, title: str) -> str:
        report = self.report
        head = f"<b>{title}</b><br/>" if title else ""
        if report.error:
            return head + self.tr("Not verified: the file cannot be read ({error}).").format(
                error=report_error_text(report)
            )
        if not report.signatures:
            return head + self.tr("Not verified: the document carries no signature.")
        failed = sum(1 for s in report.signatures if not s.ok)
        if failed == 0:
            return head + self.tr(
                "All {count} signatures are valid: intact, from trusted offices and unchanged "
                "since signing."
            ).format(count=len(report.signatures))
        return head + self.tr("{failed} of {count} signatures failed verification.").format(
            failed=failed, count=len(report.signatures)
        )

    def verdict_text(self, check: SignatureCheck) -> str:
        """Translated verdict sentence for one signature."""
        return {
            Verdict.VALID: self.tr("Valid: intact, trusted and unchanged since signing."),
            Verdict.TAMPERED: self.tr("Tampered: the signed content was changed after signing."),
            Verdict.INVALID: self.tr("Invalid: the signature itself does not verify."),
            Verdict.MODIFIED: self.tr(
                "Modified after signing: pages or content were added or changed later."
            ),
            Verdict.UNTRUSTED: self.tr(
                "Unknown signer: the certificate is not among the offices you trust."
            ),
            Verdict.WRONG_SIGNER: self.tr(
                "Wrong signer: a trusted office signed a field that is not its own."
            ),
        }[check.verdict]

    def anchor_text(self, check: SignatureCheck) -> str:
        """What vouches for the signer, in the UI language."""
        return {
            "pinned": self.tr("The office certificate you trust"),
            "ca": self.tr("A certificate authority you trust"),
        }.get(check.anchor, self.tr("Nobody you trust"))

    def revocation_text(self, check: SignatureCheck) -> str:
        """How revocation of the signer's certificate was checked, in the UI language."""
        return {
            "pinned": self.tr("Not needed: remove the office's trust to revoke it"),
            "not_checked_offline": self.tr("Not checked (offline)"),
            # "Online" only for an answer fetched during this check; data the signer stored in
            # the file (the DSS) is older, and the user should know which one vouches.
            "ocsp": self.tr("Checked online (OCSP)"),
            "crl": self.tr("Checked against the revocation list (CRL)"),
            "stored": self.tr(
                "Checked with revocation data stored in the document at signing time"
            ),
            "supplied": self.tr("Checked with revocation data given to this check"),
            "none_offered": self.tr("The authority offers no revocation check"),
        }.get(check.revocation, "-")

    def _changes_text(self, check: SignatureCheck) -> str:
        if check.problem.startswith("change."):
            # pyHanko's level can say "form filling" for an overlay field; ours is exact.
            return problem_text(check.problem)
        return {
            "NONE": self.tr("None"),
            "LTA_UPDATES": self.tr("Only validation data added"),
            "FORM_FILLING": self.tr("Only later signatures added"),
            "ANNOTATIONS": self.tr("Annotations added"),
            "OTHER": self.tr("Content or pages added or changed"),
        }.get(check.modification_level, self.tr("Unknown"))

    def _time_text(self, check: SignatureCheck) -> str:
        if check.signing_time is None:
            return self.tr("Unknown")
        source = (
            self.tr("from a time-stamp authority")
            if check.timestamped
            else self.tr("as claimed by the signer")
        )
        return f"{zoned_datetime(check.signing_time, self.tz_label, seconds=True)} ({source})"

    def ltv_text(self, check: SignatureCheck) -> str:
        """The PAdES level (B-B .. B-LTA) in words, and whether the certificate expired since."""
        text = {
            "B-B": self.tr("PAdES B-B: no time-stamp; valid only as long as the certificate is"),
            "B-T": self.tr("PAdES B-T: time-stamped"),
            "B-LT": self.tr("PAdES B-LT: time-stamped, with the validation data in the file"),
            "B-LTA": self.tr(
                "PAdES B-LTA: time-stamped, validation data sealed by a document time-stamp"
            ),
        }.get(check.ltv_level, self.tr("Unknown"))
        if check.certificate_expired:
            text += ". " + self.tr(
                "Valid at the time of its time-stamp; the certificate has expired since."
            )
        return text

    def _panel(self, number: int, check: SignatureCheck) -> QGroupBox:
        box = QGroupBox(
            self.tr("Signature {number}: {signer}").format(number=number, signer=check.signer),
            self,
        )
        form = QFormLayout(box)
        yes, no = self.tr("Yes"), self.tr("No")
        verdict = QLabel(self.verdict_text(check), box)
        verdict.setObjectName("verdict")
        verdict.setWordWrap(True)
        color = _GOOD if check.ok else (_WARN if check.verdict is Verdict.UNTRUSTED else _BAD)
        verdict.setStyleSheet(f"QLabel#verdict {{ color: {color}; font-weight: bold; }}")
        form.addRow(self.tr("Verdict:"), verdict)
        reason = problem_text(check.problem)
        if reason and not check.ok and not check.problem.startswith("change."):
            form.addRow(self.tr("Reason:"), _wrapped(reason, box))
        form.addRow(self.tr("Office:"), _wrapped(check.office or "-", box))
        form.addRow(self.tr("Vouched for by:"), _wrapped(self.anchor_text(check), box))
        if check.expected_office:
            form.addRow(self.tr("Field of:"), _wrapped(check.expected_office, box))
        form.addRow(self.tr("Revocation:"), _wrapped(self.revocation_text(check), box))
        form.addRow(self.tr("Signing time:"), _wrapped(self._time_text(check), box))
        form.addRow(self.tr("Long-term validity:"), _wrapped(self.ltv_text(check), box))
        form.addRow(self.tr("Intact:"), QLabel(yes if check.intact else no, box))
        form.addRow(self.tr("Trusted:"), QLabel(yes if check.trusted else no, box))
        form.addRow(self.tr("Changes after signing:"), _wrapped(self._changes_text(check), box))
        # 32 colon-separated bytes have no break opportunity: show them as two lines of 16.
        parts = check.fingerprint_sha256.split(":")
        fingerprint = QLabel(":".join(parts[:16]) + "\n" + ":".join(parts[16:]), box)
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fingerprint.setStyleSheet("font-family: monospace; font-size: 8pt;")
        form.addRow(self.tr("Certificate (SHA-256):"), fingerprint)
        form.addRow(self.tr("Field:"), QLabel(check.field_name, box))
        return box


def _wrapped(text: str, parent: QWidget) -> QLabel:
    """A value that wraps: Indonesian sentences are long, and the panel must not clip them."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label
