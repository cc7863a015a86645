"""One typed accessor over QSettings.

Every option is declared once on :class:`Settings` as an :class:`Option` descriptor with its key,
type and default (the picard pattern). Reading converts the stored value to the declared type and
falls back to the default when the stored value is missing, malformed or not among the allowed
choices, so a hand-edited or older settings file can never crash the app.

The store is an INI file in the data folder (``settings.ini``), so tests and portable installs
that point ``LINTAS_DATA_DIR`` elsewhere get their own settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from ui import paths

T = TypeVar("T", str, int, bool, bytes)

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


class Option(Generic[T]):
    """A typed setting. Use as a class attribute of :class:`Settings`."""

    def __init__(self, key: str, default: T, *, choices: Sequence[T] | None = None) -> None:
        self.key = key
        self.default = default
        self.type: type = type(default)
        self.choices = tuple(choices) if choices is not None else None
        self.name = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Option[T]: ...
    @overload
    def __get__(self, obj: Settings, objtype: type | None = None) -> T: ...
    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        raw = obj.qsettings.value(self.key)
        if raw is None:
            return self.default
        try:
            value = self.convert(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        return value

    def __set__(self, obj: Settings, value: T) -> None:
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise TypeError(f"setting {self.name} expects {self.type.__name__}, got {value!r}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"setting {self.name} must be one of {self.choices}, got {value!r}")
        stored: object = QByteArray(value) if isinstance(value, bytes) else value
        obj.qsettings.setValue(self.key, stored)

    def convert(self, raw: object) -> T:
        """Turn what QSettings hands back (often a string from INI files) into this option's type."""
        if self.type is bool:
            if isinstance(raw, bool):
                return raw  # type: ignore[return-value]
            text = str(raw).strip().lower()
            if text in _TRUE:
                return True  # type: ignore[return-value]
            if text in _FALSE:
                return False  # type: ignore[return-value]
            raise ValueError(raw)
        if self.type is int:
            if isinstance(raw, bool):
                raise ValueError(raw)
            return int(str(raw).strip())  # type: ignore[return-value]
        if self.type is bytes:
            if isinstance(raw, QByteArray):
                return bytes(raw.data())  # type: ignore[return-value]
            if isinstance(raw, bytes | bytearray):
                return bytes(raw)  # type: ignore[return-value]
            raise ValueError(raw)
        if isinstance(raw, list | dict | QByteArray):
            raise ValueError(raw)
        return str(raw)  # type: ignore[return-value]


class SecretOption:
    """A password: kept in the :class:`~ui.secret_store.SecretStore`, never in settings.ini."""

    def __init__(self, key: str) -> None:
        self.key = key  # where older versions kept it in clear (migrated away on start)
        self.name = key
        self.default = ""
        self.type: type = str
        self.choices = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return obj.secrets.get(self.name)

    def __set__(self, obj: Settings, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"setting {self.name} expects str, got {value!r}")
        obj.secrets.set(self.name, value)


class DatabaseUrlOption(Option[str]):
    """The database address; its password part lives in the secret store, not in the INI file."""

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        url = super().__get__(obj, objtype)
        password = obj.secrets.get("database_password")
        if not url or not password:
            return url
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(url).set(password=password).render_as_string(hide_password=False)
        except ArgumentError:
            return url

    def __set__(self, obj: Settings, value: str) -> None:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        password = ""
        try:
            parsed = make_url(value) if value else None
        except ArgumentError:
            parsed = None
        if parsed is not None and parsed.password:
            password = str(parsed.password)
            # ``URL.set`` ignores None; drop the password field itself.
            value = parsed._replace(password=None).render_as_string(hide_password=False)
        obj.secrets.set("database_password", password)
        super().__set__(obj, value)


class Settings:
    """Typed view of the app's QSettings. Construct with the data folder (or a QSettings).

    Passwords are not QSettings values: :class:`SecretOption` keeps them in the system keyring
    or a 0600 file (``secrets``); clear passwords an older version left in settings.ini are moved
    there when the settings are opened.
    """

    #: "" follows the system locale; otherwise "en" or "id".
    language = Option("ui/language", "", choices=("", "en", "id"))
    #: SQLAlchemy URL; "" means the default SQLite file in the data folder. Its password is
    #: kept in the secret store and put back into the URL when read.
    database_url = DatabaseUrlOption("storage/database_url", "")
    #: Signaling hub, e.g. "wss://hub.bandung.go.id:8443".
    hub_address = Option("vicon/hub_address", "")
    turn_url = Option("vicon/turn_url", "")
    turn_username = Option("vicon/turn_username", "")
    turn_password = SecretOption("vicon/turn_password")
    #: "f4" (215 x 330 mm, usual in regional government) or "a4".
    paper_size = Option("print/paper_size", "f4", choices=("f4", "a4"))
    #: The office's RFC 3161 time-stamp server (TSA); "" signs without time-stamps (PAdES B-B).
    tsa_url = Option("signing/tsa_url", "")
    #: PEM of the TSA's certificate authority: trusted for time-stamps only, never for signers.
    tsa_ca_pem = Option("signing/tsa_ca_pem", "")
    #: QMediaDevices ids; "" means the system default device.
    camera_id = Option("devices/camera_id", "")
    microphone_id = Option("devices/microphone_id", "")
    speaker_id = Option("devices/speaker_id", "")
    #: WebRTC audio processing on the microphone (conferencing.audio_processing); all on by default.
    echo_cancellation = Option("audio/echo_cancellation", True)
    noise_suppression = Option("audio/noise_suppression", True)
    auto_gain = Option("audio/auto_gain", True)
    high_pass_filter = Option("audio/high_pass_filter", True)
    #: The call window's layout, kept from the last call: "gallery" or "speaker".
    call_layout = Option("vicon/call_layout", "gallery", choices=("gallery", "speaker"))
    window_geometry = Option("window/geometry", b"")
    window_state = Option("window/state", b"")
    #: Office policy: a reviewer releases drafts for negotiation. Off (the default), the head
    #: of region's approval releases the draft itself (mou.workflow.approve(release=True)).
    drafts_need_review = Option("workflow/drafts_need_review", False)
    #: Id of the local user last chosen in the header's user switcher (0: none yet).
    last_user_id = Option("session/last_user_id", 0)

    def __init__(self, source: Path | QSettings | None = None) -> None:
        if isinstance(source, QSettings):
            self.qsettings = source
        else:
            folder = source if source is not None else paths.data_dir()
            self.qsettings = QSettings(str(paths.settings_file(folder)), QSettings.Format.IniFormat)
        from ui.secret_store import SecretStore

        self.secrets = SecretStore(Path(self.qsettings.fileName()).parent)
        self._migrate_clear_passwords()

    def _migrate_clear_passwords(self) -> None:
        """Move passwords an older Lintas wrote into settings.ini to the secret store."""
        changed = False
        clear_turn = self.qsettings.value(Settings.turn_password.key)
        if clear_turn is not None:
            if str(clear_turn) and not self.turn_password:
                self.turn_password = str(clear_turn)
            self.qsettings.remove(Settings.turn_password.key)
            changed = True
        raw_url = self.qsettings.value(Settings.database_url.key)
        if isinstance(raw_url, str) and raw_url and "@" in raw_url:
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                has_password = bool(make_url(raw_url).password)
            except ArgumentError:
                has_password = False
            if has_password:
                self.database_url = raw_url  # the setter splits the password off
                changed = True
        if changed:
            self.qsettings.sync()

    @classmethod
    def options(cls) -> dict[str, Any]:
        """Every declared option by attribute name (for settings pages and tests)."""
        return {
            name: attr
            for name, attr in vars(cls).items()
            if isinstance(attr, Option | SecretOption)
        }

    def reset(self, name: str) -> None:
        """Forget a stored value so the option reads its default again."""
        option = self.options()[name]
        if isinstance(option, SecretOption):
            self.secrets.set(name, "")
            return
        if isinstance(option, DatabaseUrlOption):
            self.secrets.set("database_password", "")
        self.qsettings.remove(option.key)

    def sync(self) -> None:
        """Write pending changes to disk now (QSettings otherwise does it lazily)."""
        self.qsettings.sync()
