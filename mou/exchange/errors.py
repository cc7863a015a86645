"""Why an exchange package or office card was refused: codes for the UI, English text."""

from __future__ import annotations

from enum import StrEnum

from mou.messages import DomainMessage


class PackageCode(StrEnum):
    """Codes of the exchange's refusals (see :mod:`mou.messages`)."""

    MALFORMED_OBJECT = "exchange.malformed_object"
    INCOMPLETE = "exchange.incomplete"
    MALFORMED_LIST = "exchange.malformed_list"
    NO_REVISION = "exchange.no_revision"
    HEAD_MISSING = "exchange.head_missing"
    NOT_AN_OFFICE_CARD = "exchange.not_an_office_card"
    OWN_CARD = "exchange.own_card"
    TRUSTED_FOR_OTHER_OFFICE = "exchange.trusted_for_other_office"
    NOT_TRUSTED = "exchange.not_trusted"
    NOT_A_ZIP = "exchange.not_a_zip"
    MEMBER_MISSING = "exchange.member_missing"
    TOO_LARGE = "exchange.too_large"
    DAMAGED = "exchange.damaged"
    CERTIFICATE_UNREADABLE = "exchange.certificate_unreadable"
    SIGNATURE_MISMATCH = "exchange.signature_mismatch"
    NOT_JSON = "exchange.not_json"
    UNKNOWN_CONTENT = "exchange.unknown_content"
    INCOMPATIBLE_VERSION = "exchange.incompatible_version"
    UNTRUSTED_SIGNER = "exchange.untrusted_signer"
    SENDER_MISMATCH = "exchange.sender_mismatch"
    ROUND_HASH_MISMATCH = "exchange.round_hash_mismatch"
    NOT_OUR_PARTY = "exchange.not_our_party"
    SENDER_NOT_PARTY = "exchange.sender_not_party"
    MADE_BY_OLDER = "exchange.made_by_older"
    TOO_DEEP = "exchange.too_deep"
    TOO_MANY_ITEMS = "exchange.too_many_items"
    MISSING_PARENT = "exchange.missing_parent"
    SECOND_ROOT = "exchange.second_root"
    WRONG_AGREEMENT = "exchange.wrong_agreement"
    AUTHOR_NOT_SENDER = "exchange.author_not_sender"
    EXCHANGE_KEY_LOCKED = "exchange.exchange_key_locked"
    EXCHANGE_KEY_UNREADABLE = "exchange.exchange_key_unreadable"
    CARD_NOT_ENDORSED = "exchange.card_not_endorsed"
    OFFICE_HAS_OTHER_CERTIFICATE = "exchange.office_has_other_certificate"


class PackageError(Exception):
    """The file is not a usable Lintas exchange package.

    ``message`` is the refusal as a :class:`DomainMessage` (a ``PackageCode`` and its params) for
    the UI to translate; ``str(exc)`` stays the English text.
    """

    def __init__(self, text: str, *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


class TamperedPackageError(PackageError):
    """The package's content does not match its signature or its revision hashes."""


class UntrustedPackageError(PackageError):
    """The package is intact but signed with a certificate this office has not trusted."""

    def __init__(self, message: str, *, fingerprint: str, subject: str, certificate_pem: bytes):
        self.fingerprint = fingerprint
        self.subject = subject
        self.certificate_pem = certificate_pem
        super().__init__(
            message,
            code=PackageCode.UNTRUSTED_SIGNER,
            subject=subject,
            fingerprint=fingerprint,
        )
