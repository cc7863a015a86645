"""Translated sentences for the refusals of ``mou.signing.offline`` and for workflow states."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from mou.messages import DomainMessage
from mou.signing.offline import OfflineSigningError
from ui.messages import MessageTable, message_text
from ui.signing.messages import IDENTITY, SIGNING


def state_text(state: str) -> str:
    """An agreement state as the archive shows it."""
    texts = {
        "draft": QCoreApplication.translate("ArchiveMessages", "Draft"),
        "internal_review": QCoreApplication.translate("ArchiveMessages", "Internal review"),
        "negotiation": QCoreApplication.translate("ArchiveMessages", "Negotiation"),
        "agreed": QCoreApplication.translate("ArchiveMessages", "Agreed"),
        "signing": QCoreApplication.translate("ArchiveMessages", "Being signed"),
        "signed": QCoreApplication.translate("ArchiveMessages", "Signed"),
        "expired": QCoreApplication.translate("ArchiveMessages", "Expired"),
        "terminated": QCoreApplication.translate("ArchiveMessages", "Terminated"),
    }
    return texts.get(state, state)


def verdict_text(verdict: str) -> str:
    """A failed signature's verdict in a few words."""
    texts = {
        "tampered": QCoreApplication.translate("ArchiveMessages", "changed after signing"),
        "invalid": QCoreApplication.translate("ArchiveMessages", "broken signature"),
        "modified": QCoreApplication.translate("ArchiveMessages", "content added after signing"),
        "untrusted": QCoreApplication.translate("ArchiveMessages", "signer not trusted"),
    }
    return texts.get(verdict, verdict)


def _verdicts(items: list[tuple[str, str, str]]) -> str:
    return "; ".join(f"{field}: {verdict_text(verdict)}" for field, _signer, verdict in items)


def _cause(details: dict[str, Any], table: MessageTable) -> str:
    """The coded core error behind a refusal, in the UI language ("" when there is none)."""
    cause = details.get("cause")
    if not isinstance(cause, DomainMessage):
        return ""
    # Drop the sentence's trailing full stop: it sits inside the parentheses of ours.
    return message_text(cause, table).rstrip(".")


def _not_agreed_text(d: dict[str, Any]) -> str:
    """A PDF that is not the agreed document: what differs, then what to do."""
    difference = str(d.get("difference", ""))
    if difference == "text" and d.get("pasal") is not None:
        where = QCoreApplication.translate(
            "ArchiveMessages", "Its text differs from the agreed revision in Pasal {pasal}."
        ).format(pasal=d.get("pasal"))
    elif difference == "text":
        where = QCoreApplication.translate(
            "ArchiveMessages", "Its text differs from the agreed revision on page {page}."
        ).format(page=d.get("page", ""))
    elif difference == "picture":
        where = QCoreApplication.translate(
            "ArchiveMessages", "Page {page} looks different from the agreed revision."
        ).format(page=d.get("page", ""))
    elif difference == "pages":
        where = QCoreApplication.translate(
            "ArchiveMessages", "It has a different number of pages than the agreed revision."
        )
    elif difference == "bytes":
        where = QCoreApplication.translate(
            "ArchiveMessages", "It contains content that the agreed revision does not show."
        )
    else:
        where = QCoreApplication.translate("ArchiveMessages", "It cannot be read.")
    return QCoreApplication.translate(
        "ArchiveMessages",
        "This PDF is not the document this office agreed to, although it names the agreed "
        "revision. {where} It was not accepted and nothing was signed; ask the other office "
        "to send the agreed revision.",
    ).format(where=where)


def error_text(error: OfflineSigningError) -> str:
    """The refusal in the UI language; the domain's own English text for unknown codes."""
    d = error.details
    texts = {
        "not_pdf": QCoreApplication.translate(
            "ArchiveMessages", "The file is not a PDF of an agreement."
        ),
        "damaged": QCoreApplication.translate(
            "ArchiveMessages", "The PDF cannot be read; it may be incomplete or damaged."
        ),
        "not_lintas": QCoreApplication.translate(
            "ArchiveMessages",
            "The PDF is not a Lintas agreement (it does not name an agreement and revision).",
        ),
        "unknown_agreement": QCoreApplication.translate(
            "ArchiveMessages",
            "The agreement in this PDF is not in this office's database. Exchange the "
            "agreement first, or use Verify to check the signatures only.",
        ),
        "state": QCoreApplication.translate(
            "ArchiveMessages",
            "The agreement is {state} here, so it cannot be signed now.",
        ).format(state=state_text(str(d.get("status", "")))),
        "revision": QCoreApplication.translate(
            "ArchiveMessages",
            "The PDF is of another revision ({pdf_hash}…) than the one this office agreed to "
            "(revision {agreed_round}, {agreed_hash}…). It was not accepted; nothing changed.",
        ).format(
            pdf_hash=d.get("pdf_hash", ""),
            agreed_round=d.get("agreed_round", ""),
            agreed_hash=d.get("agreed_hash", ""),
        ),
        "unsigned": QCoreApplication.translate(
            "ArchiveMessages",
            "The PDF carries no signature yet: PIHAK PERTAMA signs before sending it.",
        ),
        "verify": QCoreApplication.translate(
            "ArchiveMessages",
            "A signature failed verification ({details}). It was not accepted; nothing changed.",
        ).format(details=_verdicts(d.get("verdicts", []))),
        "wrong_signer": QCoreApplication.translate(
            "ArchiveMessages",
            "The signature in {field} was made by {signer}, not with a certificate of {party}. "
            "It was not accepted.",
        ).format(field=d.get("field", ""), signer=d.get("signer", ""), party=d.get("party", "")),
        "order": QCoreApplication.translate(
            "ArchiveMessages", "The parties did not sign in order ({found}). It was not accepted."
        ).format(found=d.get("found", "")),
        "not_incremental": QCoreApplication.translate(
            "ArchiveMessages",
            "The PDF does not continue the file this office already holds: something signed "
            "was changed. It was not accepted.",
        ),
        "older": QCoreApplication.translate(
            "ArchiveMessages",
            "This office already holds a file with {held} signature(s); this one carries {got}. "
            "Nothing was changed.",
        ).format(held=d.get("held", ""), got=d.get("got", "")),
        "not_first": QCoreApplication.translate(
            "ArchiveMessages",
            "{party} (PIHAK PERTAMA) prepares and signs first. Open the partly signed PDF it "
            "sends you with “Open a signed PDF…”.",
        ).format(party=d.get("party", "")),
        "not_party": QCoreApplication.translate(
            "ArchiveMessages",
            "This office is not a party to the agreement, so it does not sign it.",
        ),
        "not_your_turn": QCoreApplication.translate(
            "ArchiveMessages", "It is not this office's turn to sign; {party} signs next."
        ).format(party=d.get("party", "")),
        "role": QCoreApplication.translate(
            "ArchiveMessages",
            "{name} is not a signatory. Switch to the signatory in the window header.",
        ).format(name=d.get("name", "")),
        "wrong_password": QCoreApplication.translate(
            "ArchiveMessages",
            "The password does not open the signing certificate. Nothing was signed.",
        ),
        "identity": QCoreApplication.translate(
            "ArchiveMessages",
            "The signing certificate cannot be used ({error}). Nothing was signed.",
        ).format(error=_cause(d, IDENTITY) or d.get("error", "")),
        "signing": QCoreApplication.translate(
            "ArchiveMessages", "Signing failed ({error}). Nothing was signed."
        ).format(error=_cause(d, SIGNING) or d.get("error", error.message)),
        "workflow": QCoreApplication.translate(
            "ArchiveMessages", "The agreement cannot move to signing: {reasons}"
        ).format(reasons=d.get("reasons", "")),
        "render": QCoreApplication.translate(
            "ArchiveMessages", "The PDF cannot be made: {error}"
        ).format(error=d.get("error", "")),
        "no_pdf": QCoreApplication.translate(
            "ArchiveMessages", "No PDF of this agreement is on this computer. Prepare it first."
        ),
        "not_agreed_text": _not_agreed_text(d),
    }
    return texts.get(error.code, error.message)
