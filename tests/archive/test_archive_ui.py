"""The Archive page and its dialogs, with two cities' real databases, identities and PDFs."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mou import models
from mou.agreement import AgreementStatus
from mou.signed_archive import sha256_hex
from tests.archive.conftest import PASSWORD, Side, app_context
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from ui.archive.offline_dialog import OfflineSigningDialog
from ui.archive.page import Page
from ui.signing.verify_dialog import VerificationDialog

S = AgreementStatus


def status(side: Side) -> str:
    with side.city.db.session() as s:
        return s.get(models.Agreement, side.agreement_id).status


def make_page(qtbot: QtBot, side: Side) -> Page:
    page = Page(app_context(side))
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def sign_in_dialog(qtbot: QtBot, dialog: OfflineSigningDialog, png: bytes, password: str) -> str:
    """Sign through the sign dialog as a user would; returns the dialog's error text."""
    sign = dialog.open_sign_dialog()
    assert sign is not None
    qtbot.addWidget(sign)
    sign.set_signature_png(png)
    sign.password.setText(password)
    sign.sign_button.click()
    return sign.error.text()


def test_two_cities_sign_by_file_exchange_through_the_archive(
    qtbot: QtBot, agreed: tuple[Side, Side, str], signature_png: bytes, tmp_path: Path
) -> None:
    a, b, uuid = agreed
    page_a, page_b = make_page(qtbot, a), make_page(qtbot, b)
    assert page_a.stack.currentWidget() is page_a.empty_state
    assert page_a.empty_prepare_button.isVisible()  # Bandung is PIHAK PERTAMA of an Agreed one
    assert not page_b.empty_prepare_button.isVisible()

    prepare = page_a.prepare_for_signing()
    assert prepare.select(a.agreement_id) and prepare.prepare()
    offline = page_a.last_dialog
    assert isinstance(offline, OfflineSigningDialog) and offline.status is not None
    assert offline.status.our_turn and offline.sign_button.isEnabled()
    viewer = offline.view_pdf()  # the signatory reads what is signed first
    assert viewer is not None and viewer.opened and viewer.data == offline.pdf
    viewer.close()
    assert status(a) == S.SIGNING

    # A wrong password: a clear message, the dialog stays open, nothing is signed.
    error = sign_in_dialog(qtbot, offline, signature_png, "salah")
    assert "password does not open" in error
    assert offline.sign_dialog.isVisible() and offline.status.signed_count == 0
    offline.sign_dialog.reject()
    assert sign_in_dialog(qtbot, offline, signature_png, PASSWORD) == ""
    assert offline.status.signed_count == 1 and not offline.sign_button.isEnabled()
    to_pky = tmp_path / "to-palangka-raya.pdf"
    assert offline.save_to(to_pky)

    # Palangka Raya opens the mailed file: verified on arrival, Agreed → Signing, its turn.
    arrived = page_b.open_file(to_pky)
    assert isinstance(arrived, OfflineSigningDialog), page_b.message.text()
    assert arrived.status.our_turn and arrived.status.signed_count == 1
    assert "Verified on arrival" in arrived.message.text()
    assert status(b) == S.SIGNING
    assert sign_in_dialog(qtbot, arrived, signature_png, PASSWORD) == ""
    assert arrived.status.complete and status(b) == S.SIGNED
    back = tmp_path / "back-to-bandung.pdf"
    assert arrived.save_to(back)

    # Bandung opens the returned file: both now hold the same, fully signed file.
    done = page_a.open_file(back)
    assert isinstance(done, OfflineSigningDialog) and done.status.complete
    assert status(a) == S.SIGNED
    final = back.read_bytes()
    assert pdfsig_valid_count(final, tmp_path) == 2
    for page, side in ((page_a, a), (page_b, b)):
        page.refresh()
        assert page.stack.currentWidget() is page.list_panel
        (entry,) = page.entries
        assert entry.uuid == uuid and entry.status == S.SIGNED and entry.complete
        assert entry.pdf_sha256 == sha256_hex(final)
        assert side.archive.read(uuid, entry.pdf_sha256) == final
        assert page.table.item(0, 3).text() == "2 of 2"
        assert page.table.item(0, 2).text() == "Signed"
        verification = page.verify_selected()
        assert isinstance(verification, VerificationDialog)
        assert verification.report.ok and len(verification.report.signatures) == 2
        copy = tmp_path / f"copy-{side.city.office_uuid}.pdf"
        assert page.save_selected_copy(copy) and copy.read_bytes() == final
        viewer = page.open_selected()
        assert viewer is not None and viewer.opened and viewer.view.page_count > 3


def test_tampered_file_and_other_revision_are_refused_with_a_message(
    qtbot: QtBot, agreed: tuple[Side, Side, str], signature_png: bytes, tmp_path: Path
) -> None:
    a, b, _uuid = agreed
    page_a, page_b = make_page(qtbot, a), make_page(qtbot, b)
    prepare = page_a.prepare_for_signing()
    assert prepare.prepare()
    offline = page_a.last_dialog
    assert sign_in_dialog(qtbot, offline, signature_png, PASSWORD) == ""
    good = tmp_path / "signed-once.pdf"
    offline.save_to(good)
    data = good.read_bytes()
    index = data.index(b"Kesepakatan Bersama")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:index] + b"KE" + data[index + 2 :])

    assert page_b.open_file(tampered) is None
    assert "failed verification (TandaTangan1: changed after signing)" in page_b.message.text()
    assert status(b) == S.AGREED and page_b.entries == []
    # Verify shows the tampered verdict for the same file.
    verification = page_b.verify_file(tampered)
    assert not verification.report.ok
    assert any(s.verdict.value == "tampered" for s in verification.report.signatures)

    # A file of another revision: Palangka Raya agreed to something else meanwhile.
    from mou.revision import save_revision
    from mou.workflow import transition

    with b.city.db.session() as s:
        agreement = s.get(models.Agreement, b.agreement_id)
        transition(s, agreement, b.city.signatory, S.NEGOTIATION)
    # While negotiating again, a signed file only opens for reading, with a word why.
    from ui.signing.document_dialog import SignedDocumentDialog

    assert isinstance(page_b.open_file(good), SignedDocumentDialog)
    assert "not Agreed here yet" in page_b.message.text()
    with b.city.db.session() as s:
        agreement = s.get(models.Agreement, b.agreement_id)
        agreement.place = "Palangka Raya"
        save_revision(s, agreement, b.city.drafter, "Tempat diubah")
        agreement.agreed_revision = agreement.current_revision
        agreement.status = S.AGREED.value
    assert page_b.open_file(good) is None
    assert "another revision" in page_b.message.text()
    assert status(b) == S.AGREED
    # The genuine file was never stored; the page still shows nothing archived.
    page_b.refresh()
    assert page_b.entries == []


def test_archive_lists_an_agreement_signed_in_a_live_ceremony(
    qtbot: QtBot, agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from tests.ceremony.conftest import Bus
    from tests.ceremony.test_ceremony_agreement import _ceremony, _document, record_outcome_in

    a, b, uuid = agreed
    document = _document(a.city, uuid)
    names = [p.display_name for p in document.parties]
    bus = Bus()
    # Each office's ceremony store is the one in its data folder, as the app's launcher uses.
    ca = _ceremony(bus, a.city, a.identity, a.data_dir, names[0])
    cb = _ceremony(bus, b.city, b.identity, b.data_dir, names[1])
    bus.join(names[0], ca)
    bus.join(names[1], cb)
    bus.pump()
    ca.present_document(document)
    bus.pump()
    for ceremony, side in ((ca, a), (cb, b)):
        ceremony.sign(
            identity_path=side.identity_path, password=PASSWORD, signature_png=signature_png
        )
        bus.pump()
    assert record_outcome_in(a.city, ca) == [] and record_outcome_in(b.city, cb) == []
    final = ca.current_pdf()
    page = make_page(qtbot, a)
    (entry,) = page.entries
    assert entry.status == S.SIGNED and entry.complete and entry.pdf_sha256 == sha256_hex(final)
    assert entry.pdf_path is not None and (a.data_dir / "ceremonies") in entry.pdf_path.parents
    # Shown, the page has verified the selected file already: no click for the answer.
    assert page.table.verdict(0) == "Verified, 2 signatures"
    assert page.selected_report() is not None and page.selected_report().ok
    assert page.verify_selected().report.ok  # the details stay one click away
    # Trust withdrawn (Palangka Raya's office card removed): the next showing says so.
    with a.city.db.session() as s:
        for row in s.query(models.TrustedCertificate).all():
            s.delete(row)
    page.refresh()
    assert page.table.verdict(0) == "Not verified: 1 of 2 signatures fail"
    assert not page.selected_report().ok
    page.hide()
    page.refresh()  # a hidden page verifies nothing (the window builds it at start-up)
    assert page.table.verdict(0) == "" and page.selected_report() is None
    page.show()
    assert page.table.verdict(0) == "Not verified: 1 of 2 signatures fail"
    viewer = page.open_selected()
    assert viewer is not None and viewer.data == final


def test_unknown_signer_and_damaged_archive_file_get_clear_answers(
    qtbot: QtBot, agreed: tuple[Side, Side, str], signature_png: bytes, tmp_path: Path
) -> None:
    import datetime as dt

    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document
    from mou.signing import Verdict, sign_pdf
    from mou.signing.identity import create_identity
    from ui.signing.document_dialog import SignedDocumentDialog

    a, _b, _uuid = agreed
    page = make_page(qtbot, a)
    data, _layout = render_pdf_bytes(sample_document(app_count=2, signed_on=dt.date(2026, 11, 22)))
    stranger = create_identity(
        tmp_path / "stranger.p12", "x", common_name="Wali Kota Entah", organization="Entah"
    )
    mailed = tmp_path / "mailed.pdf"
    mailed.write_bytes(
        sign_pdf(data, stranger, field_name="TandaTangan1", signer_name="?", signer_title="?",
                 signature_png=signature_png)
    )  # fmt: skip
    verification = page.verify_file(mailed)
    assert [s.verdict for s in verification.report.signatures] == [Verdict.UNTRUSTED]
    assert not verification.report.ok
    # Not an agreement of this office: it opens for viewing, verifying and printing only.
    assert isinstance(page.open_file(mailed), SignedDocumentDialog)
    assert page.entries == []

    prepare = page.prepare_for_signing()
    assert prepare.prepare()
    assert sign_in_dialog(qtbot, page.last_dialog, signature_png, PASSWORD) == ""
    page.refresh()
    (entry,) = page.entries
    assert entry.pdf_path is not None and entry.signatures == 1
    entry.pdf_path.write_bytes(entry.pdf_path.read_bytes()[:-10])  # a damaged disk copy
    assert page.open_selected() is None
    assert "missing or damaged" in page.message.text()
    assert entry.pdf_path.exists()  # nothing is deleted


def test_agreement_moved_to_signing_elsewhere_is_prepared_from_the_archive(
    qtbot: QtBot, agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from mou.workflow import transition
    from ui.archive.prepare_dialog import PrepareSigningDialog

    a, _b, _uuid = agreed
    with a.city.db.session() as s:  # what the agreements page's "Prepare for signing" does
        transition(s, s.get(models.Agreement, a.agreement_id), a.city.signatory, S.SIGNING)
    page = make_page(qtbot, a)
    (entry,) = page.entries
    assert entry.status == S.SIGNING and entry.pdf_sha256 is None
    assert page.continue_button.isEnabled() and not page.open_button.isEnabled()
    assert page.continue_selected() is None
    prepare = page.last_dialog
    assert isinstance(prepare, PrepareSigningDialog)
    assert prepare.agreement.currentData() == a.agreement_id and prepare.prepare()
    offline = page.last_dialog
    assert isinstance(offline, OfflineSigningDialog) and offline.status.our_turn
    assert sign_in_dialog(qtbot, offline, signature_png, PASSWORD) == ""
    page.refresh()
    assert page.entries[0].signatures == 1 and page.open_button.isEnabled()
