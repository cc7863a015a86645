"""Changes after signing: only a signature into a reserved field, DSS data or a document
timestamp may follow a signature. Real crafted PDFs, checked by independent tools too."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from mou.signing import Verdict, verify_pdf
from mou.signing.changes import ChangeProblem
from tests.signing.conftest import SignedAgreement
from tests.signing.tampering import (
    add_annotation,
    add_overlay_field,
    move_unsigned_field,
    paint_unsigned_field,
)


def _pins(*identities):
    return [i.certificate for i in identities]


def test_an_overlay_field_added_after_both_signatures_is_modified(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, tmp_path: Path
) -> None:
    forged = add_overlay_field(signed_agreement.after_both)
    path = tmp_path / "overlay.pdf"
    path.write_bytes(forged)
    # The file is a well-formed PDF and poppler still calls both signatures valid: only the
    # change analysis sees the overlay.
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    pdfsig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert pdfsig.count("Signature is Valid.") == 2
    report = verify_pdf(forged, _pins(bandung_identity, palangkaraya_identity))
    assert not report.ok and report.modified
    for check in report.signatures:
        assert check.intact and check.valid and check.trusted
        assert check.verdict is Verdict.MODIFIED
        assert check.problem == ChangeProblem.NEW_FIELD
    assert "Tempelan" in report.unsigned_fields


@pytest.mark.parametrize(
    ("craft", "problem"),
    [
        (add_annotation, None),  # pyHanko itself calls this OTHER
        (lambda data: data + b"\n% appended after the end\n1 0 obj\n(x)\nendobj\n",
         ChangeProblem.TRAILING_BYTES),
    ],
    ids=["annotation", "trailing-bytes"],
)  # fmt: skip
def test_annotations_and_trailing_bytes_after_signing_are_modified(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, craft, problem
) -> None:
    forged = craft(signed_agreement.after_both)
    report = verify_pdf(forged, _pins(bandung_identity, palangkaraya_identity))
    assert [s.verdict for s in report.signatures] == [Verdict.MODIFIED] * 2
    if problem is not None:
        assert {s.problem for s in report.signatures} == {problem}


def test_a_line_break_after_eof_is_harmless(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    # Mail and copy tools add an end-of-line now and then; it changes nothing a viewer shows.
    data = signed_agreement.after_both + b"\r\n"
    assert verify_pdf(data, _pins(bandung_identity, palangkaraya_identity)).ok


@pytest.mark.parametrize(
    ("craft", "problem"),
    [
        (paint_unsigned_field, ChangeProblem.NEW_APPEARANCE),
        (move_unsigned_field, ChangeProblem.MOVED_FIELD),
        (add_overlay_field, ChangeProblem.NEW_FIELD),
    ],
    ids=["painted-reserved-field", "moved-reserved-field", "new-field"],
)
def test_changes_between_the_two_signatures_break_the_first(
    signed_agreement: SignedAgreement,
    bandung_identity,
    palangkaraya_identity,
    craft,
    problem,
) -> None:
    from tests.signing.trust_pki import sign_field

    crafted = craft(signed_agreement.after_first)
    report = verify_pdf(crafted, _pins(bandung_identity))
    assert report.signatures[0].verdict is Verdict.MODIFIED
    assert report.signatures[0].problem == problem
    if craft is not move_unsigned_field:
        # Even when PIHAK KEDUA then signs, the first signature stays MODIFIED.
        both = sign_field(crafted, palangkaraya_identity, "TandaTangan2")
        first, second = verify_pdf(both, _pins(bandung_identity, palangkaraya_identity)).signatures
        assert first.verdict is Verdict.MODIFIED
        assert second.verdict is Verdict.VALID


def test_a_signature_into_the_reserved_field_is_accepted(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    report = verify_pdf(signed_agreement.after_both, _pins(bandung_identity, palangkaraya_identity))
    assert report.ok
    assert report.signatures[0].coverage == "ENTIRE_REVISION"  # a later update follows it...
    assert report.signatures[0].problem == ""  # ...and it is the accepted kind


def test_document_timestamp_and_dss_updates_are_accepted(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    from mou.signing.trust import TrustAnchors
    from tests.signing.tsa import LocalTsa

    tsa = LocalTsa()
    # A DSS update (validation data for the first signature)...
    reader = PdfFileReader(io.BytesIO(signed_agreement.after_both))
    first = reader.embedded_regular_signatures[0]
    stream = io.BytesIO(signed_agreement.after_both)
    DocumentSecurityStore.add_dss(stream, first.sig_object["/Contents"],
                                  certs=[first.signer_cert], force_write=True)  # fmt: skip
    with_dss = stream.getvalue()
    assert len(with_dss) > len(signed_agreement.after_both)
    # ...then a document timestamp (a new invisible field filled in the same update).
    out = PdfTimeStamper(timestamper=tsa.stamper).timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(with_dss)), "sha256"
    )
    stamped = out.getvalue()
    anchors = TrustAnchors.pinned(_pins(bandung_identity, palangkaraya_identity))
    report = verify_pdf(stamped, anchors)
    assert [s.verdict for s in report.signatures] == [Verdict.VALID] * 2, [
        s.verdict_text for s in report.signatures
    ]
    # An overlay after the timestamp is still caught.
    assert verify_pdf(add_overlay_field(stamped), anchors).modified
