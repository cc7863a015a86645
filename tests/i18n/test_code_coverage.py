"""Every code the cores can attach to a user-facing message has a translation in the UI tables."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conferencing import protocol
from conferencing.janus_client import SfuCode
from conferencing.linkhealth import MediaCode
from mou.agreement import AgreementCode
from mou.catalog import RowCode
from mou.ceremony import protocol as ceremony_protocol
from mou.consistency import ConsistencyCode
from mou.db import DbCode
from mou.exchange import PackageCode
from mou.office import OfficeCode
from mou.revision import ChainCode
from mou.signing import SigningCode, Verdict, VerifyCode
from mou.signing.changes import ChangeProblem
from mou.signing.identity import IdentityCode
from mou.signing.ltv import LtvCode
from mou.signing.trust import TrustProblem
from mou.template import TemplateCode
from mou.workflow import WorkflowCode
from ui import paths
from ui.agreements.messages import (
    AGREEMENT,
    CHAIN,
    CONSISTENCY,
    EXCHANGE,
    TEMPLATE,
    WORKFLOW,
)
from ui.archive.extend import LTV
from ui.catalog.row_errors import ROWS
from ui.ceremony.texts import CEREMONY
from ui.database_recovery import DATABASE
from ui.messages import MessageTable
from ui.office_messages import OFFICE
from ui.signing.messages import IDENTITY, SIGNING, TRUST, VERIFY
from ui.vicon.messages import HUB, MEDIA

CORE_CODES: list[tuple[str, set[str], MessageTable]] = [
    ("mou.workflow.WorkflowCode", {c.value for c in WorkflowCode}, WORKFLOW),
    ("mou.exchange.PackageCode", {c.value for c in PackageCode}, EXCHANGE),
    ("mou.agreement.AgreementCode", {c.value for c in AgreementCode}, AGREEMENT),
    ("mou.catalog.RowCode", {c.value for c in RowCode}, ROWS),
    ("mou.signing.VerifyCode", {c.value for c in VerifyCode}, VERIFY),
    ("mou.signing.identity.IdentityCode", {c.value for c in IdentityCode}, IDENTITY),
    ("mou.db.DbCode", {c.value for c in DbCode}, DATABASE),
    ("mou.office.OfficeCode", {c.value for c in OfficeCode}, OFFICE),
    ("mou.revision.ChainCode", {c.value for c in ChainCode}, CHAIN),
    ("mou.consistency.ConsistencyCode", {c.value for c in ConsistencyCode}, CONSISTENCY),
    ("mou.template.TemplateCode", {c.value for c in TemplateCode}, TEMPLATE),
    ("mou.signing.SigningCode", {c.value for c in SigningCode}, SIGNING),
    ("mou.signing.ltv.LtvCode", {c.value for c in LtvCode}, LTV),
    (
        "mou.signing.trust.TrustProblem + mou.signing.changes.ChangeProblem",
        {c.value for c in TrustProblem if c.value} | {c.value for c in ChangeProblem},
        TRUST,
    ),
    ("conferencing.protocol.ERROR_CODES", set(protocol.ERROR_CODES), HUB),
    (
        "conferencing.linkhealth.MediaCode + conferencing.janus_client.SfuCode",
        {c.value for c in MediaCode} | {c.value for c in SfuCode},
        MEDIA,
    ),
    (
        "mou.ceremony.protocol.E_*",
        {
            v
            for k, v in vars(ceremony_protocol).items()
            if k.startswith("E_") and isinstance(v, str)
        },
        CEREMONY,
    ),
]


def test_every_core_code_has_a_ui_text_and_no_table_entry_is_stale() -> None:
    for name, codes, table in CORE_CODES:
        assert codes - set(table.texts) == set(), f"{name}: codes without a UI text"
        assert set(table.texts) - codes == set(), f"{table.context}: texts for unknown codes"


def test_every_protocol_error_constant_is_listed() -> None:
    constants = {v for k, v in vars(protocol).items() if k.startswith("E_") and isinstance(v, str)}
    assert constants == set(protocol.ERROR_CODES)


def test_every_table_text_has_a_finished_indonesian_translation() -> None:
    finished: set[tuple[str, str]] = set()
    for ts in paths.TRANSLATIONS.glob("*_id.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and not translation.get("type") and translation.text:
                    finished.add((context.findtext("name") or "", message.findtext("source") or ""))
    for _name, _codes, table in CORE_CODES:
        for code, source in table.texts.items():
            assert (table.context, source) in finished, f"{code}: {source!r} is not translated"


def test_every_signature_verdict_has_a_ui_sentence(qtbot) -> None:
    from ui.signing.verify_dialog import VerificationDialog

    dialog = VerificationDialog(b"", [])
    qtbot.addWidget(dialog)
    from mou.signing import SignatureCheck

    for verdict in Verdict:
        check = SignatureCheck(
            field_name="x", signer="", office="", signing_time=None, timestamped=False,
            intact=False, valid=False, trusted=False, modification_level="NONE", docmdp_ok=None,
            coverage="ENTIRE_FILE", fingerprint_sha256="", verdict=verdict, verdict_text="",
        )  # fmt: skip
        assert dialog.verdict_text(check)


def test_unknown_codes_fall_back_to_the_core_english(indonesian) -> None:
    from mou.messages import DomainMessage
    from ui.agreements.messages import domain_text

    assert domain_text(DomainMessage("workflow.from_the_future", {}, "Plain English")) == (
        "Plain English"
    )


def test_the_english_ui_keeps_the_cores_exact_wording(qapp) -> None:
    import pytest

    from conferencing.hub.tokens import TokenError, issue_token, new_secret, verify_token
    from ui import i18n
    from ui.vicon.messages import error_text

    i18n.install_language(i18n.ENGLISH)
    token = issue_token(new_secret(), "kb-bandung", "Kota Pekanbaru")
    with pytest.raises(TokenError) as info:
        verify_token(new_secret(), token, "kb-bandung")
    assert error_text(info.value) == "the invite token was not issued by this hub"


def test_every_coded_error_the_cores_raise_passes_a_code() -> None:
    """A new ``raise PackageError("...")`` without ``code=`` would reach users in English."""
    import ast

    root = paths.ROOT / "mou"
    keyword_coded = {
        "PackageError",
        "TamperedPackageError",
        "IdentityError",
        "WrongPasswordError",
        "DatabaseCorruptError",
        "AgreementError",
        "OfficeError",
        "ChainError",
        "SigningError",
        "TemplateError",
    }
    uncoded = []
    for source in sorted(root.rglob("*.py")):
        tree = ast.parse(source.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            where = f"{source.relative_to(paths.ROOT)}:{node.lineno}"
            # errors.py: UntrustedPackageError's own super().__init__ passes the code.
            coded = any(k.arg == "code" for k in node.keywords) or source.name == "errors.py"
            if name in keyword_coded and not coded:
                uncoded.append(where)
            if name == "RowError" and len(node.args) < 4:
                uncoded.append(where)
    assert not uncoded, "coded errors raised without a code:\n" + "\n".join(uncoded)


def test_every_offline_signing_code_has_an_indonesian_sentence(indonesian, compiled_qm) -> None:
    """``mou.signing.offline.E_*`` are mapped by ``ui.archive.messages.error_text``."""
    from mou.signing import offline as offline_signing
    from ui import i18n
    from ui.archive.messages import error_text

    codes = sorted(v for k, v in vars(offline_signing).items() if k.startswith("E_"))
    assert codes

    def shown() -> dict[str, str]:
        return {
            code: error_text(offline_signing.OfflineSigningError(code, f"core English {code}"))
            for code in codes
        }

    indonesian_texts = shown()
    i18n.install_language(i18n.ENGLISH, compiled_qm)
    english_texts = shown()
    for code in codes:
        assert indonesian_texts[code] != f"core English {code}", f"{code}: no UI text"
        assert indonesian_texts[code] != english_texts[code], f"{code}: not translated"


def test_every_qr_verdict_is_described_in_indonesian(indonesian, context) -> None:
    from mou.signed_archive import QrCheck, QrVerdict
    from ui.archive.qr_check import QrCheckDialog

    dialog = QrCheckDialog(context)
    texts = {}
    for verdict in QrVerdict:
        texts[verdict] = dialog.describe(
            QrCheck(verdict, "u" * 32, "a" * 64, "Judul", "signed", 3, "b" * 64, 2)
        )
    assert len(set(texts.values())) == len(QrVerdict), "two verdicts share one sentence"
    for verdict, text in texts.items():
        for english in ("Matches", "Does not match", "Not found", "Not a Lintas", "Not an agreed"):
            assert english not in text, f"{verdict}: {text}"
    dialog.deleteLater()
