"""Offline two-party signing between two cities' own databases, with real PDFs and signatures."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou import audit, models
from mou.agreement import AgreementStatus
from mou.signing import verify_pdf
from mou.signing.offline import (
    E_NOT_INCREMENTAL,
    E_REVISION,
    E_VERIFY,
    E_WRONG_PASSWORD,
    OfflineSigningError,
    current_pdf,
    prepare,
    receive,
    sign,
)
from tests.archive.conftest import PASSWORD, Side
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count

S = AgreementStatus


def status(side: Side) -> str:
    with side.city.db.session() as s:
        return s.get(models.Agreement, side.agreement_id).status


def sign_as(side: Side, png: bytes, password: str = PASSWORD) -> bytes:
    with side.city.db.session() as s:
        data, _ = sign(
            s,
            side.agreement_id,
            side.city.signatory,
            side.archive,
            identity_path=side.identity_path,
            password=password,
            signature_png=png,
            own_certificate=side.certificate,
        )
    return data


def receive_in(side: Side, pdf: bytes):
    with side.city.db.session() as s:
        return receive(s, pdf, side.city.signatory, side.archive, own_certificate=side.certificate)


def run_offline_flow(a: Side, b: Side, png: bytes) -> bytes:
    """Bandung prepares and signs, Palangka Raya receives and signs, Bandung receives it back."""
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive, paper="f4")
    first = sign_as(a, png)
    got = receive_in(b, first)
    assert got.status.our_turn and got.status.signed_count == 1
    final = sign_as(b, png)
    back = receive_in(a, final)
    assert back.status.complete and back.status.problems == []
    return final


def test_two_offices_sign_offline_and_both_hold_the_same_signed_file(
    agreed: tuple[Side, Side, str], signature_png: bytes, tmp_path: Path
) -> None:
    a, b, uuid = agreed
    final = run_offline_flow(a, b, signature_png)
    assert pdfsig_valid_count(final, tmp_path) == 2
    report = verify_pdf(final, [a.certificate, b.certificate])
    assert report.ok and [s.field_name for s in report.signatures] == [
        "TandaTangan1",
        "TandaTangan2",
    ]
    for side in (a, b):
        assert status(side) == S.SIGNED
        with side.city.db.session() as s:
            held = current_pdf(s, side.agreement_id, side.archive)
            assert held is not None and held[0] == final and held[1] == 2
            trail = audit.history(s, side.agreement_id)
            moves = [(e.from_state, e.to_state) for e in trail if e.action == "state_changed"]
            assert (S.AGREED, S.SIGNING) in moves and (S.SIGNING, S.SIGNED) in moves
            assert any(e.action == "offline_signed" for e in trail)
            (signed,) = [e for e in trail if e.to_state == S.SIGNED]
            from mou.signed_archive import sha256_hex

            assert signed.detail["signed_pdf_sha256"] == sha256_hex(final)
        path = side.archive.path_for(uuid, sha256_hex(final))
        assert path.read_bytes() == final


def test_wrong_password_signs_nothing_and_the_right_one_then_works(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    a, _b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    with pytest.raises(OfflineSigningError) as error:
        sign_as(a, signature_png, password="salah")
    assert error.value.code == E_WRONG_PASSWORD
    with a.city.db.session() as s:
        held = current_pdf(s, a.agreement_id, a.archive)
        assert held is not None and held[1] == 0  # still the unsigned, prepared PDF
    assert sign_as(a, signature_png).startswith(held[0])


def test_tampered_pdf_is_refused_and_nothing_changes(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    a, b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    first = sign_as(a, signature_png)
    # Change one byte inside the signed content (a page's text stream), keeping the length.
    index = first.index(b"Kesepakatan Bersama")
    tampered = first[:index] + b"K" + b"E" + first[index + 2 :]
    with pytest.raises(OfflineSigningError) as error:
        receive_in(b, tampered)
    assert error.value.code == E_VERIFY
    # Something appended that is not a signature does not extend what was held either.
    receive_in(b, first)
    with pytest.raises(OfflineSigningError) as again:
        receive_in(b, first[:-200] + b"%tampered\n" + first[-200:] + b"x")
    assert again.value.code in (E_VERIFY, E_NOT_INCREMENTAL, "damaged")
    assert status(b) == S.SIGNING
    with b.city.db.session() as s:
        held = current_pdf(s, b.agreement_id, b.archive)
        assert held is not None and held[0] == first


def test_pdf_of_another_revision_is_refused(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    a, b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    first = sign_as(a, signature_png)
    # Palangka Raya reopens the negotiation and agrees to a new revision meanwhile.
    from mou.revision import save_revision
    from mou.workflow import transition

    with b.city.db.session() as s:
        agreement = s.get(models.Agreement, b.agreement_id)
        transition(s, agreement, b.city.signatory, S.NEGOTIATION)
        agreement.place = "Palangka Raya"
        save_revision(s, agreement, b.city.drafter, "Tempat diubah")
        agreement.agreed_revision = agreement.current_revision  # the new revision is the agreed one
        agreement.status = S.AGREED.value
    with pytest.raises(OfflineSigningError) as error:
        receive_in(b, first)
    assert error.value.code == E_REVISION
    assert error.value.details["pdf_round"] is not None
    assert status(b) == S.AGREED
    with b.city.db.session() as s:
        assert current_pdf(s, b.agreement_id, b.archive) is None
    # A printed page of the old revision no longer matches the agreed text here.
    from mou.pdf.layout import qr_payload
    from mou.signed_archive import QrVerdict, check_printed_code
    from mou.signing.offline import identify

    uuid, old_hash = identify(first)
    with b.city.db.session() as s:
        answer = check_printed_code(s, qr_payload(uuid, old_hash))
    assert answer.verdict is QrVerdict.OTHER_REVISION and not answer.matches
    assert answer.revision_round == 1 and answer.agreed_round == 2


def test_signature_by_the_wrong_office_or_out_of_order_is_refused(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from mou.signing import sign_pdf
    from mou.signing.offline import E_OLDER, E_ORDER, E_WRONG_SIGNER

    a, b, _uuid = agreed
    with a.city.db.session() as s:
        unsigned, _status = prepare(s, a.agreement_id, a.city.signatory, a.archive)
    # Palangka Raya's certificate (trusted by Bandung) in PIHAK PERTAMA's field.
    forged = sign_pdf(
        unsigned,
        b.identity,
        field_name="TandaTangan1",
        signer_name="x",
        signer_title="x",
        signature_png=signature_png,
    )
    with pytest.raises(OfflineSigningError) as wrong:
        receive_in(a, forged)
    assert wrong.value.code == E_WRONG_SIGNER
    assert wrong.value.details["party"] == "Pemerintah Kota Bandung"
    # PIHAK KEDUA signing before PIHAK PERTAMA.
    early = sign_pdf(
        unsigned,
        b.identity,
        field_name="TandaTangan2",
        signer_name="x",
        signer_title="x",
        signature_png=signature_png,
    )
    with pytest.raises(OfflineSigningError) as order:
        receive_in(a, early)
    assert order.value.code == E_ORDER
    # An older file than the one held changes nothing.
    first = sign_as(a, signature_png)
    receive_in(b, first)
    final = sign_as(b, signature_png)
    receive_in(a, final)
    with pytest.raises(OfflineSigningError) as older:
        receive_in(a, first)
    assert older.value.code == E_OLDER
    with a.city.db.session() as s:
        assert current_pdf(s, a.agreement_id, a.archive)[0] == final
    assert status(a) == S.SIGNED


# ------------------------------------------------------------------ what you sign is what was agreed

PAYMENT = (
    "PIHAK KEDUA wajib membayar kepada PIHAK PERTAMA biaya lisensi sebesar "
    "Rp2.500.000.000,00 (dua miliar lima ratus juta rupiah) setiap tahun."
)


def doctored_first_signature(a: Side, png: bytes) -> bytes:
    """PIHAK PERTAMA's attack: Pasal 1 replaced by a payment duty, the agreed hash kept, signed
    with Bandung's real certificate (so every signature and trust check passes)."""
    from dataclasses import replace

    from mou.pdf.document import PdfClause
    from mou.pdf.render import render_pdf_bytes
    from mou.signing import sign_pdf
    from mou.signing.agreed_document import agreed_pdf_document

    with a.city.db.session() as s:
        doc = agreed_pdf_document(s, s.get(models.Agreement, a.agreement_id))
    first = doc.clauses[0]
    clauses = [PdfClause(number=1, heading=first.heading, body=PAYMENT), *doc.clauses[1:]]
    unsigned, _ = render_pdf_bytes(replace(doc, clauses=clauses))
    return sign_pdf(
        unsigned,
        a.identity,
        field_name="TandaTangan1",
        signer_name=doc.parties[0].head_name,
        signer_title=doc.parties[0].head_title,
        signature_png=png,
    )


def archive_files(side: Side) -> list[Path]:
    return sorted(p for p in side.data_dir.rglob("*.pdf"))


def test_receive_refuses_a_pdf_whose_pasal_1_was_rewritten_under_the_agreed_hash(
    agreed: tuple[Side, Side, str], signature_png: bytes, tmp_path: Path
) -> None:
    import subprocess

    from mou.signing.offline import E_NOT_AGREED_TEXT, identify
    from ui.archive.messages import error_text

    a, b, uuid = agreed
    doctored = doctored_first_signature(a, signature_png)
    with b.city.db.session() as s:
        agreed_hash = s.get(models.Agreement, b.agreement_id).agreed_revision.hash
        trail_before = len(audit.history(s, b.agreement_id))
    # Everything the old check looked at is genuine: metadata, footer and QR line, signature.
    assert identify(doctored) == (uuid, agreed_hash)
    (tmp_path / "doctored.pdf").write_bytes(doctored)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "doctored.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert agreed_hash in text and "Rp2.500.000.000,00" in text
    assert verify_pdf(doctored, [a.certificate]).ok

    with pytest.raises(OfflineSigningError) as error:
        receive_in(b, doctored)
    assert error.value.code == E_NOT_AGREED_TEXT
    assert error.value.details["pasal"] == 1 and error.value.details["difference"] == "text"
    assert "Pasal 1" in error_text(error.value)
    # Nothing was written: no PDF, no audit event, no state change.
    assert status(b) == S.AGREED and archive_files(b) == []
    with b.city.db.session() as s:
        assert current_pdf(s, b.agreement_id, b.archive) is None
        assert len(audit.history(s, b.agreement_id)) == trail_before
    # The genuine first signature is still accepted afterwards.
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    assert receive_in(b, sign_as(a, signature_png)).status.our_turn


def test_sign_refuses_a_doctored_pdf_already_held_and_signs_nothing(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from mou.signed_archive import sha256_hex
    from mou.signing.offline import E_NOT_AGREED_TEXT

    a, b, _uuid = agreed
    doctored = doctored_first_signature(a, signature_png)
    # The file got into Palangka Raya's archive before this check existed (an older Lintas).
    with b.city.db.session() as s:
        agreement = s.get(models.Agreement, b.agreement_id)
        b.archive.store(s, agreement, doctored, b.city.signatory, signatures=1, source="received")
    files = archive_files(b)
    with b.city.db.session() as s:
        trail_before = len(audit.history(s, b.agreement_id))
    with pytest.raises(OfflineSigningError) as error:
        sign_as(b, signature_png)
    assert error.value.code == E_NOT_AGREED_TEXT and error.value.details["pasal"] == 1
    assert archive_files(b) == files
    with b.city.db.session() as s:
        held = current_pdf(s, b.agreement_id, b.archive)
        assert held is not None and held[1] == 1 and sha256_hex(held[0]) == sha256_hex(doctored)
        trail = audit.history(s, b.agreement_id)
        assert len(trail) == trail_before
        assert not any(e.action == "offline_signed" for e in trail)


def test_prepare_records_the_renderer_version_with_the_agreement(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from mou.pdf.version import renderer_label

    a, b, _uuid = agreed
    with a.city.db.session() as s:
        assert s.get(models.Agreement, a.agreement_id).renderer_version is None
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    receive_in(b, sign_as(a, signature_png))
    for side in (a, b):
        with side.city.db.session() as s:
            assert s.get(models.Agreement, side.agreement_id).renderer_version == renderer_label()


def test_receive_refuses_content_slipped_into_the_first_signature(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    """The base revision is genuine, but before signing PIHAK PERTAMA appended an update that
    paints over part of page 1; its signature covers that update, so every signature check
    passes. What a reader sees is not the agreed document: refused."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from mou.signing import sign_pdf
    from mou.signing.agreed_document import base_revision
    from mou.signing.offline import E_NOT_AGREED_TEXT

    a, b, _uuid = agreed
    with a.city.db.session() as s:
        unsigned, _ = prepare(s, a.agreement_id, a.city.signatory, a.archive)
    writer = IncrementalPdfFileWriter(io.BytesIO(unsigned))
    whiteout = writer.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 60 250 480 300 re f Q"))
    writer.add_stream_to_page(0, whiteout)
    out = io.BytesIO()
    writer.write(out)
    signed = sign_pdf(
        out.getvalue(),
        a.identity,
        field_name="TandaTangan1",
        signer_name="Signatory Bandung",
        signer_title="Wali Kota Bandung",
        signature_png=signature_png,
    )
    assert base_revision(signed) == unsigned and verify_pdf(signed, [a.certificate]).ok
    with pytest.raises(OfflineSigningError) as error:
        receive_in(b, signed)
    assert error.value.code == E_NOT_AGREED_TEXT
    assert error.value.details["difference"] == "picture" and error.value.details["page"] == 1
    assert status(b) == S.AGREED and archive_files(b) == []
