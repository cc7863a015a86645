"""The verification dialog shows each signing time to the second, in the UI language's form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.signing.conftest import SignedAgreement
from ui import i18n
from ui.signing.verify_dialog import VerificationDialog

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(("language", "sep"), [("en", ":"), ("id", ".")])
def test_signing_time_keeps_its_seconds(
    qtbot,
    tmp_path: Path,
    signed_agreement: SignedAgreement,
    bandung_identity,
    language: str,
    sep: str,
) -> None:
    # An empty folder: no app translations, but the default QLocale follows the language.
    i18n.install_language(language, tmp_path)
    try:
        dialog = VerificationDialog(signed_agreement.after_first, [bandung_identity.certificate])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        check = dialog.report.signatures[0]
        assert check.signing_time is not None
        local = check.signing_time.astimezone(WIB)
        clock = sep.join(f"{n:02d}" for n in (local.hour, local.minute, local.second))
        month = local.strftime("%b") if language == "en" else None
        shown = dialog._time_text(check)
        assert f" {clock} WIB (" in shown, shown
        assert shown.startswith(f"{local.day} "), shown
        if month:
            assert f" {month} {local.year} " in shown
        # And the panel on screen carries that text in full (not a minute-only copy).
        labels = [w.text() for w in dialog.panels[0].findChildren(QLabel)]
        assert shown in labels
    finally:
        i18n.install_language("en", tmp_path)
