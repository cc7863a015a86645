"""Where the app keeps passwords (PostgreSQL, TURN): the OS keyring, else a 0600 file.

settings.ini is for preferences; a password there is one copy of a backup away from anyone. The
system keyring (Secret Service, macOS Keychain, Windows Credential Locker through ``keyring``)
is used when one is available; otherwise ``secrets.json`` in the data folder, created owner-only.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ui import paths

SERVICE = "Lintas"
_MAX_FILE = 64 * 1024


#: Backends ``keyring`` may pick by itself that are no system keyring: keyrings.alt's files
#: (a plaintext one, and one that asks for its password on the terminal). Our 0600 file is
#: better than the first and usable unlike the second. A backend set on purpose
#: (``keyring.set_keyring``, a keyringrc) of another module is used as any.
_NOT_A_SYSTEM_KEYRING = "keyrings.alt."


def _system_keyring() -> object | None:
    """The keyring backend when a real one exists here (not the "fail", null or alt files)."""
    if os.environ.get("LINTAS_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - any broken keyring set-up means: use the file
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    if type(backend).__module__.startswith(_NOT_A_SYSTEM_KEYRING):
        return None
    return backend


class SecretStore:
    """Passwords of one installation, by name ("turn_password", "database_password")."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._keyring = _system_keyring()
        # One keyring entry per data folder, so two installations do not share passwords.
        self._user = str(self.data_dir.resolve())

    @property
    def uses_keyring(self) -> bool:
        """True when passwords go to the system keyring, False for the protected file."""
        return self._keyring is not None

    @property
    def file(self) -> Path:
        """The protected file used when no keyring exists."""
        return paths.secrets_file(self.data_dir)

    def get(self, name: str) -> str:
        """The stored password ``name``, or "" when none is stored."""
        if self._keyring is not None:
            with contextlib.suppress(Exception):
                return self._keyring.get_password(SERVICE, f"{self._user}:{name}") or ""  # type: ignore[attr-defined]
            return ""
        return str(self._read().get(name, ""))

    def set(self, name: str, value: str) -> None:
        """Store (or, with "", forget) the password ``name``."""
        if self._keyring is not None:
            key = f"{self._user}:{name}"
            if value:
                self._keyring.set_password(SERVICE, key, value)  # type: ignore[attr-defined]
            else:
                with contextlib.suppress(Exception):
                    self._keyring.delete_password(SERVICE, key)  # type: ignore[attr-defined]
            return
        data = self._read()
        if value:
            data[name] = value
        else:
            data.pop(name, None)
        self._write(data)

    def _read(self) -> dict[str, str]:
        try:
            raw = self.file.read_bytes()[: _MAX_FILE + 1]
            data = json.loads(raw) if len(raw) <= _MAX_FILE else {}
        except (OSError, ValueError):
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
        )

    def _write(self, data: dict[str, str]) -> None:
        from mou.durable import write_atomically

        write_atomically(self.file, json.dumps(data, sort_keys=True).encode("utf-8"))
