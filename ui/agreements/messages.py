"""The agreements core's coded refusals in the UI language (workflow and exchange packages).

The one place mapping ``mou.workflow.WorkflowCode`` and ``mou.exchange.PackageCode`` to
translatable texts; see :mod:`ui.messages`. Catalog row errors live in
:mod:`ui.catalog.row_errors`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mou.agreement import AgreementError
from mou.db import ConcurrentEditError
from mou.exchange import PackageError
from mou.live_review import Suggestion
from mou.messages import DomainMessage
from mou.office import OfficeError
from mou.revision import ChainError
from mou.template import TemplateError
from mou.workflow import WorkflowError
from ui.agreements.labels import status_label
from ui.database_recovery import database_error_text
from ui.messages import MessageTable, fill, message_text
from ui.office_messages import office_error_text
from ui.plain_errors import plain_text
from ui.roles import role_label


def _state(value: str) -> str:
    try:
        return status_label(value)
    except ValueError:
        return value


def _role(value: str) -> str:
    try:
        return role_label(value)
    except ValueError:
        return value


def _roles(value: str) -> str:
    return " / ".join(_role(v) for v in value.split(",") if v)


WORKFLOW = MessageTable(
    "WorkflowMessages",
    {
        "workflow.cannot_move": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "Cannot move the agreement to {target}"
        ),
        "workflow.cannot_approve": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "Cannot approve this revision"
        ),
        "workflow.no_such_transition": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "An agreement cannot go from {source} to {target}"
        ),
        "workflow.wrong_role": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "{actor} is a {role}; this step needs a {allowed}"
        ),
        "workflow.unsaved_edits": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The latest edits are not saved as a revision yet"
        ),
        "workflow.no_pasal": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The agreement has no pasal yet"
        ),
        "workflow.too_few_parties": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The agreement needs at least two parties"
        ),
        "workflow.open_comments": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "{count} comment(s) are still open"
        ),
        "workflow.diverging_versions": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "There are diverging versions; reconcile them first"
        ),
        "workflow.missing_approvals": QT_TRANSLATE_NOOP(
            "WorkflowMessages",
            "Not yet approved by {parties} for revision {revision} "
            "(both parties must approve the same revision)",
        ),
        "workflow.no_agreed_revision": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "No agreed revision is recorded"
        ),
        "workflow.no_signed_pdf_hash": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The signed PDF's SHA-256 must be recorded"
        ),
        "workflow.validity_not_ended": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The validity period has not ended yet"
        ),
        "workflow.no_termination_reason": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "Give the reason for terminating the agreement"
        ),
        "workflow.approver_role": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "{actor} is a {role}; approval needs a reviewer or signatory"
        ),
        "workflow.not_in_negotiation": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "The agreement is {state}, not in negotiation"
        ),
        "workflow.not_a_party": QT_TRANSLATE_NOOP(
            "WorkflowMessages", "{office} is not a party to this agreement"
        ),
    },
    params={"source": _state, "target": _state, "state": _state, "role": _role, "allowed": _roles},
)

EXCHANGE = MessageTable(
    "ExchangeMessages",
    {
        "exchange.malformed_object": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package content is malformed: {where} is not an object"
        ),
        "exchange.incomplete": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package content is incomplete: {where} has no '{field}'"
        ),
        "exchange.malformed_list": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package content is malformed: {key} is not a list"
        ),
        "exchange.no_revision": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package holds no revision"
        ),
        "exchange.head_missing": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package's newest revision is not among its revisions"
        ),
        "exchange.not_an_office_card": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This file is not a Lintas office card ({detail})"
        ),
        "exchange.own_card": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This is your own office's card"
        ),
        "exchange.trusted_for_other_office": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This certificate is already trusted for another office"
        ),
        "exchange.not_trusted": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "That certificate is not trusted"
        ),
        "exchange.not_a_zip": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This is not a Lintas exchange package (not a zip archive)"
        ),
        "exchange.member_missing": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This is not a Lintas exchange package ({member} is missing)"
        ),
        "exchange.too_large": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package is implausibly large; it was not opened"
        ),
        "exchange.damaged": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "The package is damaged or was altered: its contents fail their checksums",
        ),
        "exchange.certificate_unreadable": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package's certificate is unreadable"
        ),
        "exchange.signature_mismatch": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "The package was changed after it was signed: its signature does not match. "
            "Ask the sender for a new copy.",
        ),
        "exchange.not_json": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package content is not valid JSON"
        ),
        "exchange.unknown_content": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This is not a Lintas exchange package (unknown content)"
        ),
        "exchange.incompatible_version": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This package was made by an incompatible version of Lintas"
        ),
        "exchange.untrusted_signer": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "The package is signed with an exchange key this office has not trusted "
            "(fingerprint {fingerprint}). Trust the sender's office card first.",
        ),
        "exchange.sender_mismatch": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "The package claims to come from {claimed}, but it is signed with the key of {office}",
        ),
        "exchange.round_hash_mismatch": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "Round {round} in the package does not match its hash"
        ),
        "exchange.not_our_party": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "This agreement does not name your office as a party"
        ),
        "exchange.sender_not_party": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "{sender} sent this package but is not a party to the agreement",
        ),
        "exchange.made_by_older": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "This file was made by an older version of Lintas; ask the other office to update "
            "Lintas and send it again",
        ),
        "exchange.too_deep": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package content is nested too deeply; it was not opened"
        ),
        "exchange.too_many_items": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The package holds too many items; it was not opened"
        ),
        "exchange.missing_parent": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "Round {round} in the package builds on a revision that is missing"
        ),
        "exchange.second_root": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "Round {round} in the package starts a second history of the agreement",
        ),
        "exchange.wrong_agreement": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "This package belongs to another agreement; open that agreement or import it from "
            "the list of agreements",
        ),
        "exchange.author_not_sender": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "Round {round} in the package claims another office as its author"
        ),
        "exchange.exchange_key_locked": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The office exchange key is protected by a password"
        ),
        "exchange.exchange_key_unreadable": QT_TRANSLATE_NOOP(
            "ExchangeMessages", "The office exchange key cannot be read"
        ),
        "exchange.card_not_endorsed": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "The office card does not hold together (it was changed or is incomplete); ask the "
            "office to send its card again",
        ),
        "exchange.office_has_other_certificate": QT_TRANSLATE_NOOP(
            "ExchangeMessages",
            "{office} is already trusted with another certificate. If that office really has a "
            "new one, remove the old one from the trusted offices first.",
        ),
    },
)


AGREEMENT = MessageTable(
    "AgreementMessages",
    {
        "agreement.role_cannot_edit": QT_TRANSLATE_NOOP(
            "AgreementMessages", "{actor} is a {role}; only a drafter or reviewer may edit the text"
        ),
        "agreement.not_editable": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The agreement is {state}; its text can no longer be edited"
        ),
        "agreement.locked_in_review": QT_TRANSLATE_NOOP(
            "AgreementMessages",
            "The text is locked while it is in internal review. Ask the reviewer to return it "
            "to the drafter if it needs changes",
        ),
        "agreement.only_drafter_creates": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Only a drafter can start a new agreement"
        ),
        "agreement.title_required": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The agreement needs a title"
        ),
        "agreement.too_few_parties": QT_TRANSLATE_NOOP(
            "AgreementMessages", "An agreement needs at least two parties"
        ),
        "agreement.validity_reversed": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The validity period ends before it starts"
        ),
        "agreement.empty_comment": QT_TRANSLATE_NOOP(
            "AgreementMessages", "A comment cannot be empty"
        ),
        "agreement.closed_for_comments": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The agreement is closed; comments are no longer possible"
        ),
        "agreement.empty_obligation": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Say what the obligation is"
        ),
        "agreement.recurrence_needs_date": QT_TRANSLATE_NOOP(
            "AgreementMessages", "A recurring obligation needs its first due date"
        ),
        "agreement.obligation_gone": QT_TRANSLATE_NOOP(
            "AgreementMessages", "That obligation is no longer in the agreement"
        ),
        "agreement.unsaved_before_switch": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Save or discard the unsaved edits before switching revision"
        ),
        "agreement.no_saved_revision": QT_TRANSLATE_NOOP(
            "AgreementMessages", "There is no saved revision to go back to"
        ),
        "agreement.pks_needs_kb": QT_TRANSLATE_NOOP(
            "AgreementMessages",
            "A Perjanjian Kerja Sama must name the Kesepakatan Bersama it implements",
        ),
        "agreement.pks_implements_kb": QT_TRANSLATE_NOOP(
            "AgreementMessages", "A Perjanjian Kerja Sama implements a Kesepakatan Bersama"
        ),
        "agreement.unknown_fields": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Unknown agreement field(s): {fields}"
        ),
        "agreement.unknown_party_fields": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Unknown party field(s): {fields}"
        ),
        "agreement.no_such_party": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The agreement has no party number {position}"
        ),
        "agreement.no_such_agreement": QT_TRANSLATE_NOOP(
            "AgreementMessages", "No agreement with id {agreement_id}"
        ),
        "agreement.pasal_gone": QT_TRANSLATE_NOOP(
            "AgreementMessages", "That pasal is no longer in the agreement"
        ),
        "agreement.pasal_insert_out_of_range": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Pasal {number} cannot be inserted: there are {count} pasal"
        ),
        "agreement.pasal_move_out_of_range": QT_TRANSLATE_NOOP(
            "AgreementMessages", "There is no Pasal {number} to move to (1 to {count})"
        ),
        "agreement.ayat_insert_out_of_range": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Ayat ({number}) cannot be inserted: the pasal has {count} ayat"
        ),
        "agreement.ayat_move_out_of_range": QT_TRANSLATE_NOOP(
            "AgreementMessages", "There is no ayat ({number}) to move to"
        ),
        "agreement.no_such_ayat": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Pasal {pasal} has no ayat ({number})"
        ),
        "agreement.reply_elsewhere": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The reply belongs to another agreement"
        ),
        "agreement.trust_needs_reviewer": QT_TRANSLATE_NOOP(
            "AgreementMessages",
            "Only a reviewer or signatory can trust a counterpart's certificate",
        ),
        "agreement.trust_change_needs_reviewer": QT_TRANSLATE_NOOP(
            "AgreementMessages",
            "Only a reviewer or signatory can change which certificates are trusted",
        ),
        "agreement.viewer_cannot_import": QT_TRANSLATE_NOOP(
            "AgreementMessages", "A viewer cannot import agreements"
        ),
        "agreement.nothing_to_reconcile": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Nothing to reconcile: this agreement has no revision yet"
        ),
        "agreement.already_merged": QT_TRANSLATE_NOOP(
            "AgreementMessages", "That version is already part of this one"
        ),
        "agreement.save_before_sending": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Save the agreement as a revision before sending it"
        ),
        "agreement.save_before_printing": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Save the agreement as a revision before printing it"
        ),
        "agreement.revision_elsewhere": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Revision {revision} does not belong to this agreement"
        ),
        "agreement.not_in_database": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The agreement is not in this database"
        ),
        "agreement.pasal_changed": QT_TRANSLATE_NOOP(
            "AgreementMessages", "Pasal {pasal} changed since the suggestion was made"
        ),
        "agreement.session_title_required": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The session needs a title"
        ),
        "agreement.session_too_short": QT_TRANSLATE_NOOP(
            "AgreementMessages", "The session must last at least one minute"
        ),
    },
    params={"state": _state, "role": _role},
)


CHAIN = MessageTable(
    "ChainMessages",
    {
        "chain.altered": QT_TRANSLATE_NOOP(
            "ChainMessages", "Round {round} does not match its hash: its text was altered"
        ),
        "chain.parent_missing": QT_TRANSLATE_NOOP(
            "ChainMessages", "Round {round} builds on a revision that is missing"
        ),
    },
)


TEMPLATE = MessageTable(
    "TemplateMessages",
    {
        "template.unreadable": QT_TRANSLATE_NOOP(
            "TemplateMessages", "The template file {file} cannot be read ({detail})"
        ),
        "template.not_toml": QT_TRANSLATE_NOOP(
            "TemplateMessages", "The template file {file} is not valid TOML ({detail})"
        ),
        "template.key_missing": QT_TRANSLATE_NOOP(
            "TemplateMessages", "The template file {file} lacks the key '{key}'"
        ),
        "template.unknown_kind": QT_TRANSLATE_NOOP(
            "TemplateMessages", "The template file {file} names an unknown kind '{kind}'"
        ),
        "template.broken_placeholder": QT_TRANSLATE_NOOP(
            "TemplateMessages", "The template file {file} has a broken placeholder in '{text}'"
        ),
        "template.unknown_placeholder": QT_TRANSLATE_NOOP(
            "TemplateMessages",
            "The template file {file} uses an unknown placeholder {{{placeholder}}}",
        ),
        "template.pasal_incomplete": QT_TRANSLATE_NOOP(
            "TemplateMessages",
            "In the template file {file}, pasal {index} needs a section and a heading",
        ),
        "template.section_missing": QT_TRANSLATE_NOOP(
            "TemplateMessages",
            "In the template file {file}, the pasal section '{section}' is not listed",
        ),
        "template.no_such_template": QT_TRANSLATE_NOOP(
            "TemplateMessages", "There is no template '{template}'"
        ),
    },
)


def _language(value: str) -> str:
    words = {
        "Indonesian": QT_TRANSLATE_NOOP("ConsistencyMessages", "Indonesian"),
        "English": QT_TRANSLATE_NOOP("ConsistencyMessages", "English"),
    }
    return QCoreApplication.translate("ConsistencyMessages", words.get(value, value))


def _iso_date(value: str) -> str:
    import datetime as dt

    from ui.datestyle import short_date

    try:
        return short_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _field(value: str) -> str:
    from ui.agreements.redline.render import field_label

    return field_label(value)


def _term(value: str) -> str:
    """ "3 tahun" (as the core words a term) in the UI language."""
    amount, _, unit = value.partition(" ")
    years = unit in {"tahun", "years", "year"}
    if amount == "1":
        template = (
            QT_TRANSLATE_NOOP("ConsistencyMessages", "1 year")
            if years
            else QT_TRANSLATE_NOOP("ConsistencyMessages", "1 month")
        )
    elif years:
        template = QT_TRANSLATE_NOOP("ConsistencyMessages", "%1 years")
    else:
        template = QT_TRANSLATE_NOOP("ConsistencyMessages", "%1 months")
    return QCoreApplication.translate("ConsistencyMessages", template).replace("%1", amount)


# Consistency warnings of a draft (``mou.consistency.ConsistencyCode``); the same templates
# as the core's English so the English UI reads the same.
CONSISTENCY = MessageTable(
    "ConsistencyMessages",
    {
        "consistency.term_words": QT_TRANSLATE_NOOP(
            "ConsistencyMessages", '{field}: the number {digits} is written out as "{words}"'
        ),
        "consistency.words_language": QT_TRANSLATE_NOOP(
            "ConsistencyMessages",
            '{field}: the number {digits} is written out in Indonesian ("{words}") in the '
            "English text",
        ),
        "consistency.term_languages": QT_TRANSLATE_NOOP(
            "ConsistencyMessages",
            "The term is {term_id} in the Indonesian text but {term_en} in the English",
        ),
        "consistency.term_dates": QT_TRANSLATE_NOOP(
            "ConsistencyMessages",
            "The term is {term} but Details say valid from {valid_from} until {valid_until} "
            "({dates_term})",
        ),
        "consistency.column_empty": QT_TRANSLATE_NOOP(
            "ConsistencyMessages", "{field}: the {empty} column is empty, the {filled} has text"
        ),
        "consistency.numbers_differ": QT_TRANSLATE_NOOP(
            "ConsistencyMessages",
            "{field}: {numbers} appears in the {present} text but not in the {missing}",
        ),
        "consistency.party_name": QT_TRANSLATE_NOOP(
            "ConsistencyMessages",
            '"{name}" is not a party of this agreement as recorded (parties: {parties})',
        ),
    },
    params={
        "field": _field,
        "empty": _language,
        "filled": _language,
        "present": _language,
        "missing": _language,
        "valid_from": _iso_date,
        "valid_until": _iso_date,
        "term": _term,
        "term_id": _term,
        "term_en": _term,
        "dates_term": _term,
    },
)


def consistency_text(message: DomainMessage) -> str:
    """A consistency warning in the UI language, its field and dates always in screen form."""
    template = QCoreApplication.translate("ConsistencyMessages", CONSISTENCY.texts[message.code])
    params: dict[str, object] = {
        k: CONSISTENCY.params[k](str(v)) if k in CONSISTENCY.params else v
        for k, v in message.params.items()
    }
    return fill(template, params)


def domain_text(message: DomainMessage) -> str:
    """One agreements-core message in the UI language (English when the code is unknown)."""
    return message_text(message, WORKFLOW, EXCHANGE, AGREEMENT, CHAIN, TEMPLATE)


def workflow_error_text(error: WorkflowError) -> str:
    """The refusal's headline and every unmet condition, one per line, in the UI language."""
    head = domain_text(error.headline)
    if not error.messages:
        return head
    return head + ":\n" + "\n".join("• " + domain_text(m) for m in error.messages)


_PACKAGE_PARTS = {
    "payload": QT_TRANSLATE_NOOP("ExchangeMessages", "the package"),
    "sender": QT_TRANSLATE_NOOP("ExchangeMessages", "the sender"),
    "agreement": QT_TRANSLATE_NOOP("ExchangeMessages", "the agreement"),
    "revision": QT_TRANSLATE_NOOP("ExchangeMessages", "revision {index}"),
    "content": QT_TRANSLATE_NOOP("ExchangeMessages", "the text of revision {index}"),
    "comment": QT_TRANSLATE_NOOP("ExchangeMessages", "comment {index}"),
    "approval": QT_TRANSLATE_NOOP("ExchangeMessages", "approval {index}"),
    "office": QT_TRANSLATE_NOOP("ExchangeMessages", "office {index}"),
}


def package_error_text(error: PackageError) -> str:
    """A package refusal in the UI language (with the damaged part named in it too)."""
    message = error.message
    part = _PACKAGE_PARTS.get(str(message.params.get("part", "")))
    if part is not None:
        where = QCoreApplication.translate("ExchangeMessages", part).replace(
            "{index}", str(message.params.get("index", ""))
        )
        message = replace(message, params={**message.params, "where": where})
    return domain_text(message)


def suggestion_reason(suggestion: Suggestion) -> str:
    """Why a live-review suggestion failed or was refused, in the UI language when coded."""
    if suggestion.reason_message is not None:
        return domain_text(suggestion.reason_message)
    return suggestion.reason  # typed by a person, or from an older peer: shown as written


def error_text(error: BaseException) -> str:
    """Any error the agreements UI shows, translated when the core coded it."""
    if isinstance(error, WorkflowError):
        return workflow_error_text(error)
    if isinstance(error, PackageError):
        return package_error_text(error)
    if isinstance(error, ConcurrentEditError):
        return database_error_text(error)
    if isinstance(error, AgreementError | ChainError | TemplateError):
        return domain_text(error.message)
    if isinstance(error, OfficeError):
        return office_error_text(error)
    return plain_text(error)
