"""Files that survive a crash or a power cut: written whole or not at all, owner-only.

Keys, identities, the trust list, ceremony states and signed PDFs all go to disk this way: the
bytes go to a new 0600 file beside the target (``mkstemp``: created exclusively, never readable
by others, not even for a moment), are flushed to the disk, renamed over the target, and the
rename itself is flushed, so a reader sees the old file or the new one and never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data`` (how stored PDFs and states are named and checked)."""
    return hashlib.sha256(data).hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, readable by the owner only (0600).

    Missing folders are made owner-only (0700). An older file with wider rights is replaced,
    not reused, so its rights go with it.
    """
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # The rename must reach the disk too, or a power cut could forget it.
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
