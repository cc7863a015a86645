"""Trust from the database: office cards become pins named by their office, and the agreement
record says which office signs which field. Two cities' real SQLite files, real offline signing."""

from __future__ import annotations

from mou.signing import Verdict, verify_pdf
from mou.signing.offline import prepare
from mou.signing.trust import AnchorKind, anchors_from_database, expected_signers_for_pdf
from tests.archive.conftest import Side, agreed, signature_png  # noqa: F401 (fixtures)
from tests.archive.test_offline_signing import sign_as
from tests.mou.conftest import cities  # noqa: F401 (fixture)
from tests.signing.trust_pki import sign_field


def test_the_record_binds_each_field_to_its_office_card(
    agreed: tuple[Side, Side, str],  # noqa: F811 (fixture)
    signature_png: bytes,  # noqa: F811 (fixture)
) -> None:
    a, b, _uuid = agreed
    with a.city.db.session() as s:
        unsigned, _status = prepare(s, a.agreement_id, a.city.signatory, a.archive)
    first = sign_as(a, signature_png)
    with b.city.db.session() as s:
        anchors = anchors_from_database(s, b.certificate)
        expected = expected_signers_for_pdf(s, first, b.certificate)
    # Palangka Raya's database: both offices pinned, each under its office's name.
    assert {p.office_name for p in anchors.pins} == {
        "Pemerintah Kota Bandung",
        "Pemerintah Kota Palangka Raya",
    }
    assert anchors.cas == ()
    assert expected is not None
    assert expected["TandaTangan1"].office == "Pemerintah Kota Bandung"
    assert expected["TandaTangan1"].fingerprints == {a.identity.fingerprint_sha256}
    assert expected["TandaTangan2"].fingerprints == {b.identity.fingerprint_sha256}
    report = verify_pdf(first, anchors, expected=expected)
    assert report.ok and report.party_mapping == "record"
    assert report.signatures[0].anchor == AnchorKind.PINNED
    # Palangka Raya's own (trusted) key in Bandung's field: a wrong signer, by the record.
    forged = sign_field(unsigned, b.identity, "TandaTangan1")
    (check,) = verify_pdf(forged, anchors, expected=expected).signatures
    assert check.verdict is Verdict.WRONG_SIGNER
    assert check.expected_office == "Pemerintah Kota Bandung"
    # A PDF of no agreement this office holds gives no mapping (the caller falls back).
    with b.city.db.session() as s:
        assert expected_signers_for_pdf(s, b"%PDF-1.7 not ours") is None


def test_the_archive_binds_a_mailed_file_to_the_parties_of_its_record(
    qtbot,
    agreed: tuple[Side, Side, str],  # noqa: F811 (fixture)
    signature_png: bytes,  # noqa: F811 (fixture)
    tmp_path,
) -> None:
    from tests.archive.conftest import app_context
    from ui.archive.page import Page

    a, b, _uuid = agreed
    with a.city.db.session() as s:
        unsigned, _status = prepare(s, a.agreement_id, a.city.signatory, a.archive)
    # Palangka Raya's real, trusted key in PIHAK PERTAMA's field, mailed to Palangka Raya.
    swapped = tmp_path / "swapped.pdf"
    swapped.write_bytes(sign_field(unsigned, b.identity, "TandaTangan1"))
    page = Page(app_context(b))
    qtbot.addWidget(page)
    dialog = page.verify_file(swapped)
    qtbot.addWidget(dialog)
    (check,) = dialog.report.signatures
    assert dialog.report.party_mapping == "record"
    assert check.verdict is Verdict.WRONG_SIGNER and check.trusted
    assert check.expected_office == "Pemerintah Kota Bandung"
    # The window that shows and prints it says the same and does not print it.
    window = page._view_file(swapped.read_bytes(), swapped.name)
    qtbot.addWidget(window)
    assert window.report.signatures[0].verdict is Verdict.WRONG_SIGNER
    assert not window.print_button.isEnabled()
    window.view.clear()  # release PDFium's copy now


def test_the_archive_refuses_to_print_a_file_changed_after_signing(
    qtbot,
    agreed: tuple[Side, Side, str],  # noqa: F811 (fixture)
    signature_png: bytes,  # noqa: F811 (fixture)
) -> None:
    from tests.archive.conftest import app_context
    from tests.signing.tampering import add_overlay_field
    from ui.archive.page import Page

    a, b, _uuid = agreed
    with a.city.db.session() as s:
        unsigned, _status = prepare(s, a.agreement_id, a.city.signatory, a.archive)
    signed = sign_as(a, signature_png)
    page = Page(app_context(a))
    qtbot.addWidget(page)
    assert page._printer_document(add_overlay_field(signed)) is None
    assert page.message.text().startswith("Printing is refused: this file was changed")
    document = page._printer_document(signed)
    assert document is not None
    document.close()
    # Intact but signed in PIHAK PERTAMA's field by the other office's (trusted) key: refused too.
    assert page._printer_document(sign_field(unsigned, b.identity, "TandaTangan1")) is None
    assert page.message.text().startswith("Printing is refused: a signature of this file")
