"""The signing ceremony's wire format: message kinds, limits, error codes and validation.

Every message is an app-channel ``(kind, payload)`` pair whose payload is a JSON object with
``"v": 1``. Nothing in a payload is believed before it passed these checks; a failed check raises
:class:`CeremonyError` with a stable ``code``. ``docs/ceremony.md`` lists the messages.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from mou.ceremony.store import Signatory

PROTOCOL_VERSION = 1
PREFIX = "ceremony."
K_HELLO = "ceremony.hello"
K_PRESENT = "ceremony.present"
K_CONFIRM = "ceremony.confirm"
K_SIGNED = "ceremony.signed"
K_RESUME = "ceremony.resume"
K_STATE = "ceremony.state"
KINDS = (K_HELLO, K_PRESENT, K_CONFIRM, K_SIGNED, K_RESUME, K_STATE)
# The call engine carries envelopes up to 32 MiB in 16 KiB chunks, so a PDF goes as one payload;
# base64 adds a third, hence this ceiling.
MAX_PDF_BYTES = 20 * 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


class CeremonyError(Exception):
    """A ceremony step was refused. ``code`` is stable (the UI switches on it)."""

    def __init__(self, code: str, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        # ``detail`` names which case of ``code`` it is, with its params, so the UI can word the
        # specifics in its own language instead of appending the English ``message``.
        self.params = params


# Stable error codes.
E_MALFORMED = "malformed"
E_HASH = "hash-mismatch"
E_REVISION = "revision-mismatch"
E_DOCUMENT = "document-mismatch"  # params: difference, pasal, page (mou.signing.agreed_document)
E_SIGNATORIES = "signatories-mismatch"  # params: position (1-based)
E_TOO_MANY = "too-many-presentations"  # an office presents faster than anyone can compare
# Re-rendering and comparing a presentation costs up to a second; an office may make this
# office do it at most this many times a minute (a replayed presentation of the ceremony
# already held costs nothing and is not counted).
PRESENTATIONS_PER_MINUTE = 6
E_NOT_INCREMENTAL = "not-incremental"
E_VERIFY = "verification-failed"
E_WRONG_PASSWORD = "wrong-password"
E_IDENTITY = "identity"
E_NOT_YOUR_TURN = "not-your-turn"
E_NO_CEREMONY = "no-ceremony"
E_SIGNING = "signing-failed"
E_STORE = "store"
E_INTERNAL = "internal"


# ------------------------------------------------------------------------------------ validation


def need(payload: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = payload.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise CeremonyError(E_MALFORMED, f"field '{key}' is missing or has the wrong type")
    return value


def need_hex(payload: dict[str, Any], key: str) -> str:
    value = need(payload, key, str)
    if not _HEX64.match(value):
        raise CeremonyError(E_MALFORMED, f"field '{key}' is not a SHA-256 in hex")
    return value


def need_pdf(payload: dict[str, Any], key: str = "pdf_b64") -> bytes:
    text = need(payload, key, str)
    if len(text) > MAX_PDF_BYTES * 4 // 3 + 8:
        raise CeremonyError(E_MALFORMED, f"the PDF is larger than {MAX_PDF_BYTES} bytes")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise CeremonyError(E_MALFORMED, "the PDF is not valid base64") from None
    if not data.startswith(b"%PDF-"):
        raise CeremonyError(E_MALFORMED, "the attached file is not a PDF")
    return data


def check_version(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise CeremonyError(E_MALFORMED, "the message is not a JSON object")
    if payload.get("v") != PROTOCOL_VERSION:
        raise CeremonyError(
            E_MALFORMED, f"unsupported ceremony message version {payload.get('v')!r}"
        )
    return payload


def parse_signatories(value: Any) -> list[Signatory]:
    if not isinstance(value, list) or not value or len(value) > 16:
        raise CeremonyError(E_MALFORMED, "field 'signatories' must list 1 to 16 signatories")
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise CeremonyError(E_MALFORMED, "a signatory is not an object")
        out.append(
            Signatory(
                office=need(item, "office", str),
                signer_name=need(item, "signer_name", str),
                signer_title=need(item, "signer_title", str),
                field_name=need(item, "field_name", str),
            )
        )
    if len({s.field_name for s in out}) != len(out):
        raise CeremonyError(E_MALFORMED, "two signatories share one signature field")
    return out


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def step_pdfs(pdf: bytes) -> list[bytes]:
    """The PDF as it was after each signature, oldest first.

    pyHanko signs the whole file as it stands, so signature *i*'s ``/ByteRange`` ends exactly where
    the file ended after signing *i*: each prefix is that intermediate PDF, byte for byte.
    """
    ends = sorted({int(m[3]) + int(m[4]) for m in _BYTE_RANGE.finditer(pdf)})
    return [pdf[:end] for end in ends if end <= len(pdf)]
