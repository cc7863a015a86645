"""Fixtures for the signing-ceremony tests: two offices with real PKCS#12 identities.

The pure-domain tests connect ceremonies through :class:`Bus`, an in-process transport with the
same contract as the call engine's app channel (broadcast to the others, sender named by the
transport, messages lost while an office is cut off). The engine tests use the real engine.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from mou.ceremony.live import Ceremony
from mou.ceremony.store import CeremonyStore
from mou.pdf.document import PdfDocument
from mou.pdf.sample import sample_document
from mou.signing.identity import create_identity
from tests.mou.conftest import cities  # noqa: F401 (the agreements core's two-city fixture)
from tests.signing.conftest import handwriting_png

BANDUNG = "Pemerintah Kota Bandung"
PALANGKARAYA = "Pemerintah Kota Palangkaraya"


@dataclass(frozen=True)
class OfficeKey:
    """An office's PKCS#12 file, its password and certificate."""

    office: str
    path: Path
    password: str
    certificate: x509.Certificate


def _make_key(folder: Path, office: str, title: str, password: str) -> OfficeKey:
    identity = create_identity(
        folder / "office.p12", password, common_name=title, organization=office
    )
    return OfficeKey(office, folder / "office.p12", password, identity.certificate)


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OfficeKey]:
    """Bandung's and Palangkaraya's signing identities (made once per session)."""
    return {
        BANDUNG: _make_key(
            tmp_path_factory.mktemp("bdg"), BANDUNG, "Wali Kota Bandung", "sandi-bandung"
        ),
        PALANGKARAYA: _make_key(
            tmp_path_factory.mktemp("plk"), PALANGKARAYA, "Wali Kota Palangkaraya", "sandi-plk"
        ),
    }


@pytest.fixture(scope="session")
def signature_png() -> bytes:
    """A handwritten-looking signature image."""
    return handwriting_png()


@pytest.fixture(scope="session")
def document() -> PdfDocument:
    """The sample Kesepakatan Bersama (a short annex keeps rendering quick)."""
    return sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))


class Bus:
    """Delivers ``send`` calls of each office to every other connected office, in order."""

    def __init__(self) -> None:
        self.ceremonies: dict[str, Ceremony] = {}
        self.connected: set[str] = set()
        self.queue: deque[tuple[str, str, str, dict[str, Any]]] = deque()
        self.sent: list[tuple[str, str, dict[str, Any]]] = []

    def sender(self, office: str):
        def send(kind: str, payload: dict[str, Any]) -> None:
            self.sent.append((office, kind, payload))
            if office not in self.connected:
                return  # a cut-off office talks into the void
            for other in self.connected - {office}:
                self.queue.append((other, office, kind, payload))

        return send

    def pump(self, limit: int = 500) -> int:
        """Deliver queued messages until quiet; returns how many were delivered."""
        count = 0
        while self.queue:
            to, sender, kind, payload = self.queue.popleft()
            if to in self.connected and sender in self.connected and to in self.ceremonies:
                self.ceremonies[to].handle(kind, payload, sender)
            count += 1
            assert count < limit, "ceremony messages keep bouncing"
        return count

    def join(self, office: str, ceremony: Ceremony, record_id: str | None = None) -> None:
        """``office`` (re)joins: the others see it join and everyone greets."""
        self.ceremonies[office] = ceremony
        self.connected.add(office)
        ceremony.start(record_id)
        for other in self.connected - {office}:
            self.ceremonies[other].peer_joined(office)

    def cut(self, office: str) -> None:
        """``office`` drops out: the others see it leave; queued messages to it are lost."""
        self.connected.discard(office)
        for other in self.connected:
            self.ceremonies[other].peer_left(office)


def make_ceremony(
    bus: Bus, office: str, keys: dict[str, OfficeKey], root: Path, **kwargs: Any
) -> Ceremony:
    """A ceremony for ``office`` storing under ``root/office``, trusting and binding both offices."""
    kwargs.setdefault("office_certificates", {k.office: [k.certificate] for k in keys.values()})
    return Ceremony(
        local_office=office,
        send=bus.sender(office),
        store=CeremonyStore(root / office.replace(" ", "_") / "ceremonies"),
        trusted=[k.certificate for k in keys.values()],
        people=[f"Wali Kota {office.split()[-1]}"],
        tz_label="WIB",
        **kwargs,
    )
