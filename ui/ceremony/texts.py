"""Texts of the ceremony panel: hashes people can read aloud, zoned times, refusal messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mou.ceremony.store import Attendance, CeremonyRecord
from mou.messages import DomainMessage
from mou.pdf.dates import ZONES
from ui.datestyle import zoned_time
from ui.messages import MessageTable, fill, message_text


def grouped_hash(value: str, per_line: int = 4) -> str:
    """``"1a2b 3c4d 5e6f 7a8b\\n..."``: a hash in groups of four people can read aloud."""
    groups = [value[i : i + 4] for i in range(0, len(value), 4)]
    return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def fingerprint_html(sha: str) -> str:
    """A SHA-256 in groups of eight, monospaced, on its own line."""
    return "<br><tt>" + " ".join(sha[i : i + 8] for i in range(0, len(sha), 8)) + "</tt>"


def zoned(iso: str, tz_label: str) -> str:
    """``09.15 WIB``: an ISO time in the office's Indonesian zone."""
    label = tz_label if tz_label in ZONES else "WIB"
    return zoned_time(dt.datetime.fromisoformat(iso), label)


def fingerprints_html(record: CeremonyRecord) -> str:
    """The presented PDF's SHA-256 and, once complete, the signed PDF's (to compare aloud)."""
    text = QCoreApplication.translate(
        "CeremonyPanel", "PDF fingerprint (SHA-256, computed on this computer):"
    ) + fingerprint_html(record.presented_sha256)
    if record.complete:
        # The final file's fingerprint lets the offices confirm aloud they hold the same one.
        heading = QCoreApplication.translate("CeremonyPanel", "Signed PDF fingerprint (SHA-256):")
        text += "<br>" + heading + fingerprint_html(record.current_sha256)
    return text


def confirmations_html(record: CeremonyRecord) -> str:
    """The offices that confirmed the presented PDF's fingerprint."""
    confirmed = [o for o, sha in record.confirmations.items() if sha == record.presented_sha256]
    heading = QCoreApplication.translate("CeremonyPanel", "Same fingerprint confirmed by:")
    return f"{heading}<br>" + "<br>".join(f"✔ {office}" for office in confirmed)


def signatories_html(record: CeremonyRecord) -> str:
    """One line per signatory: signed, signing now or waiting, with title, name and office."""
    rows = []
    for index, signatory in enumerate(record.signatories):
        if index < record.step:
            status = QCoreApplication.translate("CeremonyPanel", "signed ✔")
        elif index == record.step:
            status = QCoreApplication.translate("CeremonyPanel", "signing now")
        else:
            status = QCoreApplication.translate("CeremonyPanel", "waiting")
        rows.append(
            f"{index + 1}. <b>{status}</b> — {signatory.signer_title}, "
            f"{signatory.signer_name} ({signatory.office})"
        )
    return "<br>".join(rows)


def attendance_html(attendance: Sequence[Attendance]) -> str:
    """The session attendance with join and leave times in each office's zone."""
    lines = []
    for entry in attendance:
        who = ", ".join(entry.people) or entry.office
        line = QCoreApplication.translate("CeremonyPanel", "{who} ({office}) joined {time}").format(
            who=who, office=entry.office, time=zoned(entry.joined_at, entry.tz_label)
        )
        if entry.left_at:
            line += QCoreApplication.translate("CeremonyPanel", ", left {time}").format(
                time=zoned(entry.left_at, entry.tz_label)
            )
        lines.append(line)
    heading = QCoreApplication.translate("CeremonyPanel", "Attendance")
    return f"<b>{heading}</b><br>" + "<br>".join(lines)


def verified_text(total: int, archived: str | None) -> str:
    """The verified state; once the launcher put the file in the Archive (``archived``
    ``"opened"`` or ``"unsaved"``), where the signed original is."""
    if archived is None:
        return QCoreApplication.translate(
            "CeremonyPanel",
            "Verified: all {total} signatures are valid and this office holds the signed file.",
        ).format(total=total)
    if total == 2:
        text = QCoreApplication.translate("CeremonyPanel", "Signed by both offices and verified.")
    else:
        text = QCoreApplication.translate(
            "CeremonyPanel", "Signed by all {total} offices and verified."
        ).format(total=total)
    text += " " + QCoreApplication.translate(
        "CeremonyPanel", "The signed original is in the Archive, ready to print."
    )
    if archived == "unsaved":
        text += " " + QCoreApplication.translate(
            "CeremonyPanel",
            "The Archive was not opened because the agreement you are editing has unsaved "
            "changes; open it when you are done.",
        )
    return text


CEREMONY = MessageTable(
    "CeremonyPanel",
    {
        "malformed": QT_TRANSLATE_NOOP(
            "CeremonyPanel", "A ceremony message from the other office was malformed."
        ),
        "hash-mismatch": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "A PDF arrived whose fingerprint differs from the presented one. It was refused.",
        ),
        "revision-mismatch": QT_TRANSLATE_NOOP(
            "CeremonyPanel", "The presented revision is not the revision this office agreed to."
        ),
        "document-mismatch": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "The presented PDF is not the document this office agreed to. It was refused; ask "
            "the host to present the agreed revision again.",
        ),
        "too-many-presentations": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "The other office presented revisions faster than they can be checked; the latest "
            "was ignored. Ask the host to present the agreed revision once.",
        ),
        "signatories-mismatch": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "The presented list of signatories does not match the parties this office agreed "
            "to (signatory {position}). It was refused.",
        ),
        "not-incremental": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "A PDF arrived that changes what was presented or signed. It was refused.",
        ),
        "verification-failed": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "A signed PDF arrived whose signatures do not verify. It was refused.",
        ),
        "wrong-password": QT_TRANSLATE_NOOP(
            "CeremonyPanel",
            "The password does not open the signing certificate. Nothing was signed.",
        ),
        "identity": QT_TRANSLATE_NOOP("CeremonyPanel", "The signing certificate cannot be used."),
        "not-your-turn": QT_TRANSLATE_NOOP(
            "CeremonyPanel", "It is not this office's turn to sign."
        ),
        "no-ceremony": QT_TRANSLATE_NOOP("CeremonyPanel", "No revision has been presented yet."),
        "signing-failed": QT_TRANSLATE_NOOP("CeremonyPanel", "Signing failed. Nothing was signed."),
        "store": QT_TRANSLATE_NOOP(
            "CeremonyPanel", "The ceremony files on this computer cannot be read or written."
        ),
        "internal": QT_TRANSLATE_NOOP(
            "CeremonyPanel", "An unexpected error stopped this ceremony step."
        ),
    },
)
"""The one place mapping ``mou.ceremony.protocol`` ``E_*`` codes to texts (see ui.messages)."""

# Codes whose English detail adds nothing a user could act on (or whose params say it all).
_NO_DETAIL = frozenset({"wrong-password", "no-ceremony", "signatories-mismatch"})


_DETAILS = {
    "all_signed": QT_TRANSLATE_NOOP("CeremonyPanel", "Every party has already signed."),
    "turn_of": QT_TRANSLATE_NOOP("CeremonyPanel", "It is {office}'s turn to sign."),
    "not_agreed": QT_TRANSLATE_NOOP(
        "CeremonyPanel", "This office has not agreed to any revision of this agreement."
    ),
}

# Where a presented PDF differs from the agreed document (``mou.signing.agreed_document``).
_DIFFERENCES = {
    "text_pasal": QT_TRANSLATE_NOOP("CeremonyPanel", "Its text differs in Pasal {pasal}."),
    "text": QT_TRANSLATE_NOOP("CeremonyPanel", "Its text differs on page {page}."),
    "pages": QT_TRANSLATE_NOOP("CeremonyPanel", "It has a different number of pages."),
    "picture": QT_TRANSLATE_NOOP("CeremonyPanel", "Page {page} looks different."),
    "bytes": QT_TRANSLATE_NOOP(
        "CeremonyPanel", "It contains content that the agreed revision does not show."
    ),
    "unreadable": QT_TRANSLATE_NOOP("CeremonyPanel", "It cannot be read."),
}


def difference_key(params: Mapping[str, object]) -> str:
    """Which difference sentence fits ``params`` (``text_pasal`` when a pasal is named)."""
    difference = str(params.get("difference", ""))
    if difference == "text" and params.get("pasal") is not None:
        return "text_pasal"
    return difference


def problem_text(code: str, message: str, params: Mapping[str, str | int] | None = None) -> str:
    """A translated explanation of a refused step, with the technical detail after it.

    ``params`` (``CeremonyError.params``) with a known ``detail`` replace the English detail.
    """
    if code == "document-mismatch":
        text = message_text(DomainMessage(code, {}, ""), CEREMONY)
        where = _DIFFERENCES.get(difference_key(params or {}))
        if where is None:
            return text
        return f"{text}\n{fill(QCoreApplication.translate('CeremonyPanel', where), params or {})}"
    if (params or {}).get("detail") == "signing" and CEREMONY.knows(code):
        from ui.signing.messages import signing_error_text

        text = message_text(DomainMessage(code, {}, ""), CEREMONY)
        return f"{text}\n{signing_error_text(str(params['signing_code']), params or {}, message)}"
    detail = _DETAILS.get(str((params or {}).get("detail", "")))
    if detail is not None and CEREMONY.knows(code):
        text = message_text(DomainMessage(code, {}, ""), CEREMONY)
        specifics = fill(QCoreApplication.translate("CeremonyPanel", detail), params or {})
        return f"{text}\n{specifics}"
    if not CEREMONY.knows(code):
        text = QCoreApplication.translate("CeremonyPanel", "A ceremony step was refused.")
    else:
        text = message_text(DomainMessage(code, dict(params or {}), message), CEREMONY)
    return text if code in _NO_DETAIL else f"{text}\n({message})"
