"""One date style: every screen shows dates as "5 Des 2026 07.15" (Indonesian) or
"5 Dec 2026 07:15" (English), never US order, ISO, AM/PM or seconds (ui/datestyle.py)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.shell.populated import populate, rendered_texts, visit_everything
from ui import datestyle, i18n
from ui.main_window import MainWindow

MOMENT = dt.datetime(2026, 12, 5, 0, 15, tzinfo=dt.UTC)  # 07.15 in Bandung (WIB)


@pytest.mark.parametrize(
    ("language", "date", "zoned", "time"),
    [
        ("id", "5 Des 2026", "5 Des 2026 07.15 WIB", "08.15 WITA"),
        ("en", "5 Dec 2026", "5 Dec 2026 07:15 WIB", "08:15 WITA"),
    ],
)
def test_one_short_form_per_language(
    qapp: object, compiled_translations: Path, language: str, date: str, zoned: str, time: str
) -> None:
    i18n.install_language(language, compiled_translations)
    assert datestyle.short_date(MOMENT.date()) == date
    assert datestyle.zoned_datetime(MOMENT, "WIB") == zoned
    assert datestyle.zoned_time(MOMENT, "WITA") == time
    assert datestyle.short_date(None) == datestyle.short_datetime(None) == ""
    # Documents keep the Indonesian long date in both UI languages.
    assert datestyle.document_date(MOMENT.date()) == "5 Desember 2026"
    for shape in datestyle.FOREIGN_SHAPES.values():
        assert not shape.search(zoned)


@pytest.mark.parametrize(
    "sample",
    [
        "12/5/26 7:15 AM",
        "05-12-2026 07:15",
        "2026-12-05",
        "07:15:42",
        "20261205T0715Z",
        "5.12.2026",
    ],
)
def test_foreign_shapes_are_recognised(sample: str) -> None:
    assert any(shape.search(sample) for shape in datestyle.FOREIGN_SHAPES.values()), sample


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_screen_shows_another_date_shape(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, language: str
) -> None:
    i18n.install_language(language, compiled_translations)
    data = populate(tmp_path / "bandung")
    window = MainWindow(data.context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    seen: list[str] = []
    offenders: list[str] = []
    for screen in visit_everything(window, data.agreement_id):
        for text in rendered_texts(window):
            seen.append(text)
            for name, shape in datestyle.FOREIGN_SHAPES.items():
                match = shape.search(text)
                if match:
                    offenders.append(f"{screen}: {name}: {match.group(0)!r} in {text[:80]!r}")
    assert not offenders, "\n".join(offenders)
    # The scan really reached dates: the session's start, the comment and the revisions.
    everything = "\n".join(seen)
    start = datestyle.zoned_datetime(data.meeting_start, "WIB")
    assert start in everything
    month = "Des" if language == "id" else "Dec"
    today = datestyle.short_date(dt.datetime.now(dt.UTC))
    assert len(re.findall(re.escape(today), everything)) >= 3, today  # revisions, comment, list
    assert month in start or start.split()[1] in everything
    window.close()


@pytest.mark.parametrize(("language", "shown"), [("en", "5 Dec 2026"), ("id", "5 Des 2026")])
def test_a_core_error_with_a_date_shows_the_screen_form(
    qapp: object, tmp_path: Path, compiled_translations: Path, language: str, shown: str
) -> None:
    """A real expired certificate: the core reports its date as ISO, the screen in its form."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    from mou.signing.identity import IdentityError, import_identity
    from ui.signing.messages import identity_error_text

    i18n.install_language(language, compiled_translations)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Wali Kota Bandung")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime(2025, 12, 5, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2026, 12, 5, 0, 15, tzinfo=dt.UTC) - dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "kedaluwarsa.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"wk", key, cert, None, BestAvailableEncryption(b"rahasia")
        )
    )
    with pytest.raises(IdentityError) as info:  # importing the office's identity (Settings)
        import_identity(path, "rahasia", tmp_path / "identity.p12")
    assert "2025-12-05" in info.value.message.text  # the core's own (ISO) wording
    text = identity_error_text(info.value)
    assert shown.replace("2026", "2025") in text
    assert not any(shape.search(text) for shape in datestyle.FOREIGN_SHAPES.values()), text


@pytest.mark.parametrize("language", ["en", "id"])
def test_dialogs_with_dates_use_the_one_form(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, language: str
) -> None:
    from ui.agreements.new_dialog import NewAgreementDialog
    from ui.agreements.redline.dialog import RedlineDialog
    from ui.sessions.schedule_dialog import ScheduleDialog

    i18n.install_language(language, compiled_translations)
    data = populate(tmp_path / "bandung")
    dialogs = [
        NewAgreementDialog(data.context),
        ScheduleDialog(["Pemerintah Kota Palangka Raya"]),
        RedlineDialog(data.context, data.agreement_id),
    ]
    today = datestyle.short_date(dt.date.today())
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        texts = rendered_texts(dialog)
        bad = [t for t in texts for s in datestyle.FOREIGN_SHAPES.values() if s.search(t)]
        assert not bad, (type(dialog).__name__, bad)
    # The new agreement's date field and the redline's rounds show today in the short form.
    assert today in rendered_texts(dialogs[0])
    assert any(today in t for t in rendered_texts(dialogs[2]))
