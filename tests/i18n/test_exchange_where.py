"""A malformed (but validly signed) package names its damaged part in Indonesian too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from mou import models
from mou.exchange import export_package
from mou.office import Actor, Role
from mou.revision import save_revision
from tests.agreements_ui.conftest import (
    act_as,
    agreement_with,
    make_office,
    trust_each_other,
)
from tests.exchange_tamper import payload_of, signed
from ui.agreements.dialogs import AgreementDialogs
from ui.exchange_keys import office_exchange_key


def test_malformed_revision_text_is_named_in_indonesian(qtbot, tmp_path: Path, indonesian) -> None:
    bandung = make_office(tmp_path / "bandung", "Bandung")
    pky = make_office(tmp_path / "pky", "Palangka Raya")
    try:
        trust_each_other(bandung, pky)
        agreement_id = agreement_with(bandung, pky)
        key = office_exchange_key(bandung.data_dir)
        with bandung.database.session() as session:
            drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
            agreement = session.get(models.Agreement, agreement_id)
            save_revision(session, agreement, Actor.of(drafter), "")
            good = export_package(session, agreement, key, Actor.of(drafter))
        payload = payload_of(good)
        payload["revisions"][0]["content"] = "not a text object"
        # Signed by Bandung's real key: a buggy sender, not a forger, so it gets past the checks.
        malformed = tmp_path / "malformed.lintas"
        malformed.write_bytes(signed(key, payload))

        host = QWidget()
        qtbot.addWidget(host)
        act_as(pky, Role.DRAFTER)
        dialogs = AgreementDialogs(pky, host)
        assert dialogs.import_file(malformed) is None
        level, text = dialogs.last_message
        assert level == "error"
        assert "Isi paket rusak: naskah revisi 1 bukan objek" in text
        assert "revision" not in text
    finally:
        bandung.database.dispose()
        pky.database.dispose()
