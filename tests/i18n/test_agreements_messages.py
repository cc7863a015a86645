"""Workflow refusals, exchange package errors and catalog row errors reach the UI in Indonesian."""

from __future__ import annotations

from pathlib import Path

from mou import models
from mou.exchange import export_package
from mou.office import Actor, Role
from tests.agreements_ui.conftest import (
    act_as,
    agreement_with,
    create_agreement,
    make_office,
    trust_each_other,
)
from ui.agreements.dialogs import AgreementDialogs
from ui.agreements.page import Page
from ui.catalog.import_report import ImportReportDialog


def _open(qtbot, context, agreement_id: int) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_agreement(agreement_id)
    return page


def test_missing_approval_refusal_is_shown_in_indonesian(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    editor = _open(qtbot, context, agreement_id).editor
    bar = editor.workflow_bar
    # Unsaved text: the tooltip of the (allowed) step already says why, in Indonesian.
    assert "belum disimpan sebagai revisi" in bar.buttons["internal_review"].toolTip()
    editor.save_button.click()
    bar.buttons["internal_review"].click()
    act_as(context, Role.REVIEWER)
    qtbot.waitUntil(lambda: bar.buttons["negotiation"].isEnabled())
    bar.buttons["negotiation"].click()
    assert bar.approve_button.text().startswith("Setujui putaran 1 (")  # names what it approves
    bar.approve_button.click()

    # Palangka Raya has not approved: the step is disabled and its tooltip says why.
    agreed = bar.buttons["agreed"]
    assert not agreed.isEnabled()
    assert "Belum disetujui oleh Pemerintah Kota Palangka Raya untuk revisi" in agreed.toolTip()
    editor.transition_to("agreed")  # asked anyway (e.g. from an old screen): the domain refuses

    shown = editor.message_bar.text()
    assert editor.message_bar.level == "error"
    assert "Kesepakatan tidak dapat dipindahkan ke Disepakati" in shown  # state name translated
    assert "Belum disetujui oleh Pemerintah Kota Palangka Raya untuk revisi" in shown
    assert "kedua pihak harus menyetujui revisi yang sama" in shown
    assert "Not yet approved" not in shown and "Cannot move" not in shown


def test_wrong_role_names_the_roles_in_indonesian(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    editor = _open(qtbot, context, agreement_id).editor
    editor.save_button.click()
    editor.workflow_bar.buttons["internal_review"].click()
    act_as(context, Role.DRAFTER)
    # The drafter approves although approval needs a reviewer or signatory (and negotiation).
    from mou.workflow import approve

    editor._apply(lambda s, a, actor: approve(s, a, actor))
    shown = editor.message_bar.text()
    assert "Revisi ini tidak dapat disetujui" in shown
    assert "persetujuan memerlukan peninjau atau penanda tangan" in shown
    assert "bukan dalam negosiasi" in shown
    assert "approval needs" not in shown


def test_tampered_package_refusal_is_indonesian(qtbot, tmp_path: Path, indonesian) -> None:
    bandung = make_office(tmp_path / "bandung", "Bandung")
    pky = make_office(tmp_path / "pky", "Palangka Raya")
    try:
        trust_each_other(bandung, pky)
        agreement_id = agreement_with(bandung, pky)
        from ui.exchange_keys import office_exchange_key

        key = office_exchange_key(bandung.data_dir)
        with bandung.database.session() as session:
            drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
            agreement = session.get(models.Agreement, agreement_id)
            from mou.revision import save_revision

            save_revision(session, agreement, Actor.of(drafter), "")
            good = export_package(session, agreement, key, Actor.of(drafter))
        from tests.exchange_tamper import keep_signature, payload_of

        payload = payload_of(good)
        payload["agreement"]["title"] = "JUDUL PALSU"
        tampered = tmp_path / "tampered.lintas"
        tampered.write_bytes(keep_signature(good, payload))
        not_zip = tmp_path / "hello.lintas"
        not_zip.write_bytes(b"hello")

        from PySide6.QtWidgets import QWidget

        host = QWidget()
        qtbot.addWidget(host)
        act_as(pky, Role.DRAFTER)
        dialogs = AgreementDialogs(pky, host)
        assert dialogs.import_file(tampered) is None
        level1, text1 = dialogs.last_message
        assert dialogs.open_dialogs[-1].text() == text1  # what the message box shows
        assert dialogs.import_file(not_zip) is None
        level2, text2 = dialogs.last_message
        assert level1 == level2 == "error"
        assert "Paket diubah setelah ditandatangani: tanda tangannya tidak cocok" in text1
        assert "changed after it was signed" not in text1
        assert "Ini bukan paket pertukaran Lintas (isi tidak dikenal)" in text2
    finally:
        bandung.database.dispose()
        pky.database.dispose()


def test_bad_csv_rows_are_reported_in_indonesian(qtbot, tmp_path: Path, indonesian) -> None:
    from mou.catalog import CatalogImportError, parse_catalog
    from ui.catalog.row_errors import import_error_text

    csv = tmp_path / "katalog.csv"
    csv.write_text(
        "name,dimension,opd,public_service\n"
        "SiPanda,smart government,Diskominfo,ya\n"
        "SiPanda,smart government,Diskominfo,ya\n"
        "Lapor,smart nonsense,,mungkin\n",
        encoding="utf-8",
    )
    parsed = parse_catalog(csv)
    dialog = ImportReportDialog(csv.name, parsed)
    qtbot.addWidget(dialog)
    problems = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    fields = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "'SiPanda' muncul lebih dari sekali dalam berkas" in problems
    assert any(p.startswith("'smart nonsense' bukan salah satu dari") for p in problems)
    assert "kosong (OPD pemilik wajib diisi)" in problems
    assert "'mungkin' bukan ya atau tidak" in problems
    assert "layanan publik" in fields
    assert not any("appears more than once" in p or "is not" in p for p in problems)
    summary = import_error_text(CatalogImportError(parsed.errors))
    assert summary.startswith("Tidak ada yang diimpor: 4 masalah: Baris 3, nama:")


def test_unusable_signing_identity_is_explained_in_indonesian(
    qtbot, context, tmp_path: Path, indonesian
) -> None:
    from PySide6.QtWidgets import QWidget

    create_agreement(context)
    context.identity_path.parent.mkdir(parents=True, exist_ok=True)
    context.identity_path.write_bytes(b"bukan kunci")  # a damaged identity file
    host = QWidget()
    qtbot.addWidget(host)
    dialogs = AgreementDialogs(context, host)
    # A package no longer needs the identity; the office card's one-time endorsement does.
    assert not dialogs.write_office_card(tmp_path / "kartu.lintas-card", "sandi")
    level, text = dialogs.last_message
    assert level == "error"
    name = context.identity_path.name
    assert f"Identitas {name} bukan berkas PKCS#12 (.p12/.pfx) atau berkas itu rusak." in text
    assert "is not a PKCS#12" not in text


def test_refused_edits_are_shown_in_indonesian(qtbot, context, indonesian) -> None:
    import datetime as dt

    from mou.obligation import add_obligation

    agreement_id = create_agreement(context)
    editor = _open(qtbot, context, agreement_id).editor
    editor._apply(lambda s, a, actor: add_obligation(s, a, actor, what=" ", party=1))
    assert editor.message_bar.text() == "Sebutkan isi kewajibannya"
    act_as(context, Role.VIEWER)  # a viewer may not change the text
    editor._apply(
        lambda s, a, actor: add_obligation(
            s, a, actor, what="Serah terima aplikasi", party=1, due_date=dt.date(2026, 12, 1)
        )
    )
    shown = editor.message_bar.text()
    assert "hanya penyusun atau peninjau yang boleh mengubah naskah" in shown, shown
    assert shown.startswith("Sari Lestari adalah Pembaca; "), shown
