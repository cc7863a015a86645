"""What the hub remembers about invitations: which install key each is bound to, which are revoked.

Kept in memory and, for a standalone hub, in a JSON file beside its secret (written atomically,
mode 0600), so a restarted hub neither lets a copied invitation bind to another device nor
forgets a revocation. Entries are dropped when their invitation expires; only invitations the
hub itself signed ever get an entry, so the ledger cannot be grown by strangers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)

MAX_ENTRIES = 100_000


class InviteLedger:
    """Bindings (token id -> install key) and revocations, each with the invitation's expiry."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.bindings: dict[str, tuple[str, int]] = {}
        self.revoked: dict[str, int] = {}
        if path is not None and path.exists():
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            bindings = {str(t): (str(k), int(e)) for t, (k, e) in dict(data["bindings"]).items()}
            revoked = {str(t): int(e) for t, e in dict(data["revoked"]).items()}
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged ledger must not stop the hub; bindings are re-made on next use.
            log.warning("the invitation ledger could not be read; starting with an empty one")
            return
        self.bindings, self.revoked = bindings, revoked
        self.forget_expired()

    def save(self) -> None:
        """Write the ledger (atomically; owner-only) when it has a file."""
        if self.path is None:
            return
        data = {"bindings": self.bindings, "revoked": self.revoked}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("the invitation ledger could not be saved: %s", exc)
            with contextlib.suppress(OSError):
                tmp.unlink()

    def forget_expired(self, now: float | None = None) -> None:
        """Drop entries of invitations that have expired (they are refused anyway)."""
        current = int(time.time() if now is None else now)
        self.bindings = {t: v for t, v in self.bindings.items() if v[1] > current}
        self.revoked = {t: e for t, e in self.revoked.items() if e > current}

    def bound_key(self, token_id: str) -> str | None:
        """The install key ``token_id`` is bound to, if any."""
        entry = self.bindings.get(token_id)
        return entry[0] if entry else None

    def bind(self, token_id: str, key: str, expires_at: int) -> None:
        """Bind an invitation to ``key`` (no-op when it already is)."""
        if self.bindings.get(token_id, ("", 0))[0] == key:
            return
        if len(self.bindings) >= MAX_ENTRIES:
            self.forget_expired()
        self.bindings[token_id] = (key, expires_at)
        self.save()

    def revoke(self, token_id: str, expires_at: int) -> None:
        """Refuse this invitation from now on."""
        self.revoked[token_id] = expires_at
        self.bindings.pop(token_id, None)
        self.save()

    def is_revoked(self, token_id: str) -> bool:
        return token_id in self.revoked
