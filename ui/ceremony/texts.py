"""Texts of the ceremony panel: hashes people can read aloud, zoned times, refusal messages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from mou.pdf.dates import ZONES


def grouped_hash(value: str, per_line: int = 4) -> str:
    """``"1a2b 3c4d 5e6f 7a8b\\n..."``: a hash in groups of four people can read aloud."""
    groups = [value[i : i + 4] for i in range(0, len(value), 4)]
    return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def fingerprint_html(sha: str) -> str:
    """A SHA-256 in groups of eight, monospaced, on its own line."""
    return "<br><tt>" + " ".join(sha[i : i + 8] for i in range(0, len(sha), 8)) + "</tt>"


def zoned(iso: str, tz_label: str) -> str:
    """``09.15 WIB``: an ISO time in the office's Indonesian zone."""
    when = dt.datetime.fromisoformat(iso).astimezone(ZONES.get(tz_label, ZONES["WIB"]))
    return f"{when:%H.%M} {tz_label}"


def problem_text(code: str, message: str) -> str:
    """A translated explanation of a refused step, with the technical detail after it."""
    texts = {
        "wrong-password": QCoreApplication.translate(
            "CeremonyPanel",
            "The password does not open the signing certificate. Nothing was signed.",
        ),
        "hash-mismatch": QCoreApplication.translate(
            "CeremonyPanel",
            "A PDF arrived whose fingerprint differs from the presented one. It was refused.",
        ),
        "revision-mismatch": QCoreApplication.translate(
            "CeremonyPanel", "The presented revision is not the revision this office agreed to."
        ),
        "not-incremental": QCoreApplication.translate(
            "CeremonyPanel",
            "A PDF arrived that changes what was presented or signed. It was refused.",
        ),
        "verification-failed": QCoreApplication.translate(
            "CeremonyPanel",
            "A signed PDF arrived whose signatures do not verify. It was refused.",
        ),
        "identity": QCoreApplication.translate(
            "CeremonyPanel", "The signing certificate cannot be used."
        ),
        "not-your-turn": QCoreApplication.translate(
            "CeremonyPanel", "It is not this office's turn to sign."
        ),
    }
    text = texts.get(code) or QCoreApplication.translate(
        "CeremonyPanel", "A ceremony step was refused."
    )
    return text if code == "wrong-password" else f"{text}\n({message})"
