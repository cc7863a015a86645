"""The typed settings accessor: round trips through a real INI file and bad values fall back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.settings import Settings


def test_defaults_when_nothing_stored(app_data_dir: Path) -> None:
    settings = Settings(app_data_dir)
    assert settings.language == ""
    assert settings.paper_size == "f4"
    assert settings.database_url == ""
    assert settings.window_geometry == b""
    assert settings.last_user_id == 0


def test_every_option_round_trips_through_the_file(app_data_dir: Path) -> None:
    settings = Settings(app_data_dir)
    settings.language = "id"
    settings.database_url = "postgresql+psycopg://lintas@db.bandung.go.id/lintas"
    settings.hub_address = "wss://hub.bandung.go.id:8443"
    settings.turn_url = "turn:turn.bandung.go.id:3478"
    settings.turn_username = "bandung"
    settings.turn_password = "rahasia=;,[x]"
    settings.paper_size = "a4"
    settings.camera_id = "/dev/video0"
    settings.microphone_id = "alsa_input.pci-0000_00_1f.3"
    settings.window_geometry = bytes(range(256))
    settings.last_user_id = 42
    settings.sync()
    del settings

    again = Settings(app_data_dir)
    assert again.language == "id"
    assert again.database_url == "postgresql+psycopg://lintas@db.bandung.go.id/lintas"
    assert again.hub_address == "wss://hub.bandung.go.id:8443"
    assert again.turn_url == "turn:turn.bandung.go.id:3478"
    assert again.turn_username == "bandung"
    assert again.turn_password == "rahasia=;,[x]"
    assert again.paper_size == "a4"
    assert again.camera_id == "/dev/video0"
    assert again.microphone_id == "alsa_input.pci-0000_00_1f.3"
    assert again.window_geometry == bytes(range(256))
    assert again.last_user_id == 42


def test_bad_stored_values_fall_back_to_defaults(app_data_dir: Path) -> None:
    # A hand-edited settings file with values of the wrong type or outside the choices.
    (app_data_dir / "settings.ini").write_text(
        "[print]\npaper_size=letter\n[ui]\nlanguage=klingon\n"
        "[session]\nlast_user_id=not-a-number\n[window]\ngeometry=plain text\n"
        "[vicon]\nhub_address=wss://ok.example\n",
        encoding="utf-8",
    )
    settings = Settings(app_data_dir)
    assert settings.paper_size == "f4"
    assert settings.language == ""
    assert settings.last_user_id == 0
    assert settings.window_geometry == b""
    assert settings.hub_address == "wss://ok.example"


def test_native_types_from_another_backend_are_converted(app_data_dir: Path) -> None:
    qs = QSettings(str(app_data_dir / "other.ini"), QSettings.Format.IniFormat)
    qs.setValue("session/last_user_id", "7")
    qs.setValue("print/paper_size", ["a4"])  # a list where a string belongs
    settings = Settings(qs)
    assert settings.last_user_id == 7
    assert settings.paper_size == "f4"


def test_writing_a_wrong_type_or_choice_is_refused(app_data_dir: Path) -> None:
    settings = Settings(app_data_dir)
    with pytest.raises(ValueError):
        settings.paper_size = "letter"
    with pytest.raises(TypeError):
        settings.last_user_id = "3"  # type: ignore[assignment]
    assert settings.paper_size == "f4"


def test_reset_returns_to_default(app_data_dir: Path) -> None:
    settings = Settings(app_data_dir)
    settings.paper_size = "a4"
    settings.reset("paper_size")
    assert settings.paper_size == "f4"
    assert set(Settings.options()) >= {
        "language",
        "database_url",
        "hub_address",
        "turn_url",
        "turn_username",
        "turn_password",
        "paper_size",
        "camera_id",
        "microphone_id",
        "window_geometry",
    }
