"""A ceremony between two headless call engines through the real hub, in a network namespace.

Bandung hosts and signs first, Palangkaraya signs second; the PDFs travel over the engines'
WebRTC data channels as app messages. Each test re-runs itself under ``unshare -rn`` (helpers from
``tests/vicon/conftest.py``): aioice ignores 127.0.0.1, so the hub and engines use 127.0.0.2.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conferencing.engine import CallEngine
from conferencing.events import (
    AppMessageReceived,
    EngineEvent,
    ParticipantJoined,
    ParticipantLeft,
)
from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou.ceremony.events import CeremonyEvent, CeremonyProblem
from mou.ceremony.live import Ceremony
from mou.ceremony.store import CeremonyRecord, CeremonyStore
from mou.pdf.document import PdfDocument
from mou.signing import verify_pdf
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, OfficeKey
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns

ROOM = "kb-bandung-palangkaraya"
log = logging.getLogger(__name__)
pytestmark = pytest.mark.netns


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Office:
    """One office: a real CallEngine wired to a Ceremony, as the vicon controller does it."""

    def __init__(self, name: str, keys: dict[str, OfficeKey], data: Path) -> None:
        self.name = name
        self.key = keys[name]
        self.events: list[CeremonyEvent] = []
        self.send_errors: list[BaseException] = []
        # Small synthetic media: the point here is the data channel, not the pictures.
        self.engine = CallEngine(
            name,
            video_source=SyntheticVideoSource(name, 320, 240, 10),
            audio_source=SyntheticAudioSource(),
        )
        self.ceremony = Ceremony(
            local_office=name,
            send=self._send,
            store=CeremonyStore(data / "ceremonies"),
            trusted=[k.certificate for k in keys.values()],
            office_certificates={k.office: [k.certificate] for k in keys.values()},
            people=[f"Wali Kota {name.split()[-1]}"],
            tz_label="WIB",
        )
        self.ceremony.add_listener(self.events.append)
        self.engine.add_listener(self._on_event)
        self._inbox: queue.Queue[EngineEvent | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, daemon=True)
        self._worker.start()

    def stop(self) -> None:
        self.engine.stop()
        self._inbox.put(None)
        self._worker.join(timeout=10)

    def _send(self, kind: str, payload: dict[str, Any]) -> None:
        future = self.engine.submit(self.engine.send_message(kind, payload))

        def done(f: Any) -> None:
            if f.exception() is not None:
                self.send_errors.append(f.exception())

        future.add_done_callback(done)

    def _on_event(self, event: EngineEvent) -> None:
        # Engine thread: hand over to our own thread, as the vicon controller hands events to
        # the GUI thread, so verification never holds up the call.
        self._inbox.put(event)

    def _work(self) -> None:
        while True:
            event = self._inbox.get()
            if event is None:
                return
            try:
                self._dispatch(event)
            except Exception:
                log.exception("ceremony dispatch failed")

    def _dispatch(self, event: EngineEvent) -> None:
        if isinstance(event, AppMessageReceived):
            self.ceremony.handle(event.kind, event.payload, event.office)
        elif isinstance(event, ParticipantJoined):
            self.ceremony.peer_joined(event.office)
        elif isinstance(event, ParticipantLeft):
            self.ceremony.peer_left(event.office)

    def join(self, hub: EmbeddedHub, record_id: str | None = None) -> None:
        self.engine.start()
        self.engine.submit(
            self.engine.join(hub.url, ROOM, hub.invite(ROOM, self.name, 600))
        ).result(timeout=20)
        self.ceremony.start(record_id)

    def sign(self, png: bytes) -> bytes:
        return self.ceremony.sign(
            identity_path=self.key.path, password=self.key.password, signature_png=png
        )

    def step(self) -> int:
        record = self.ceremony.record
        return -1 if record is None else record.step

    def problems(self) -> list[CeremonyProblem]:
        return [e for e in self.events if isinstance(e, CeremonyProblem)]


class Call:
    """The hub plus every office started in one test; :meth:`close` stops them all."""

    def __init__(self, keys: dict[str, OfficeKey], tmp_path: Path) -> None:
        self.keys = keys
        self.tmp_path = tmp_path
        self.hub = EmbeddedHub()
        self.hub.start(host=NETNS_ADDR)
        self.offices: list[Office] = []

    def office(self, name: str, record_id: str | None = None) -> Office:
        """Start (or restart, from its stored state) ``name``'s app and join the call."""
        folder = "bandung" if name == BANDUNG else "palangkaraya"
        office = Office(name, self.keys, self.tmp_path / folder)
        self.offices.append(office)
        office.join(self.hub, record_id)
        return office

    def close(self) -> None:
        for office in self.offices:
            office.stop()
        self.hub.stop()


@contextmanager
def presented_call(
    keys: dict[str, OfficeKey], document: PdfDocument, tmp_path: Path
) -> Iterator[tuple[Call, Office, Office, CeremonyRecord]]:
    """Bandung and Palangkaraya in a call, greeted, with Bandung's revision presented to both."""
    call = Call(keys, tmp_path)
    try:
        a = call.office(BANDUNG)
        b = call.office(PALANGKARAYA)
        # Attendance arrives over the data channel once the peers are connected.
        wait_until(lambda: len(a.ceremony.attendance) == 2, 30, "Palangkaraya's greeting")
        presented = a.ceremony.present_document(document)
        wait_until(lambda: b.step() == 0, 15, "the presentation at Palangkaraya")
        yield call, a, b, presented
    finally:
        call.close()


def _check_final(a: Office, b: Office, keys: dict[str, OfficeKey], tmp_path: Path) -> None:
    final = a.ceremony.current_pdf()
    assert final is not None and final == b.ceremony.current_pdf()  # byte-identical
    report = verify_pdf(final, [k.certificate for k in keys.values()])
    assert report.ok and len(report.signatures) == 2, report.summary()
    assert pdfsig_valid_count(final, tmp_path) == 2
    assert a.problems() == [] and b.problems() == []
    assert a.send_errors == [] and b.send_errors == []


def test_ceremony_between_two_headless_engines(
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    with presented_call(keys, document, tmp_path) as (_call, a, b, presented):
        wait_until(lambda: len(b.ceremony.attendance) == 2, 10, "Bandung's greeting")
        wait_until(
            lambda: PALANGKARAYA in a.ceremony.record.confirmations, 10, "Palangkaraya's confirm"
        )
        assert b.ceremony.record.presented_sha256 == presented.presented_sha256
        assert a.ceremony.record.confirmations[PALANGKARAYA] == presented.presented_sha256

        started = time.monotonic()
        a.sign(signature_png)
        wait_until(lambda: b.step() == 1, 15, "Bandung's signature at Palangkaraya")
        b.sign(signature_png)
        wait_until(lambda: a.step() == 2, 15, "Palangkaraya's signature at Bandung")
        log.info("two signatures exchanged in %.2f s", time.monotonic() - started)
        assert a.ceremony.record.complete and b.ceremony.record.complete
        _check_final(a, b, keys, tmp_path)


def test_call_drops_midway_and_the_ceremony_resumes(
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    with presented_call(keys, document, tmp_path) as (call, a, b, presented):
        # Palangkaraya's app stops (engine gone, memory gone) and Bandung signs meanwhile.
        b.stop()
        wait_until(lambda: not a.engine.participants, 15, "Bandung to see Palangkaraya leave")
        a.sign(signature_png)
        assert a.step() == 1 and b.step() == 0

        # Palangkaraya restarts: a new engine and a ceremony reopened from its stored state.
        b2 = call.office(PALANGKARAYA, presented.ceremony_id)
        assert b2.step() == 0
        wait_until(lambda: b2.step() == 1, 30, "the resumed state at Palangkaraya")
        assert b2.ceremony.my_turn()
        b2.sign(signature_png)
        wait_until(lambda: a.step() == 2, 15, "Palangkaraya's signature at Bandung")
        _check_final(a, b2, keys, tmp_path)
        # Bandung's attendance shows Palangkaraya leaving and coming back.
        visits = [e for e in a.ceremony.attendance if e.office == PALANGKARAYA]
        assert len(visits) == 2 and visits[0].left_at is not None and visits[1].left_at is None


def test_signer_engine_stops_right_after_signing_and_rejoins(
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    """Bandung's app closes the moment it has signed; it restarts from its stored state."""
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    with presented_call(keys, document, tmp_path) as (call, a, b, presented):
        a.sign(signature_png)
        a.stop()  # whether the signature got out first is up to the network: both must work

        a2 = call.office(BANDUNG, presented.ceremony_id)
        assert a2.step() == 1  # its own signature survived in the store
        wait_until(lambda: b.step() == 1, 30, "Bandung's signature at Palangkaraya")
        b.sign(signature_png)
        wait_until(lambda: a2.step() == 2, 15, "Palangkaraya's signature at the restarted Bandung")
        _check_final(a2, b, keys, tmp_path)


def test_network_cut_while_signing_then_the_signature_arrives(
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    """All UDP (media and the data channel) drops for seconds; Bandung signs meanwhile."""
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    if shutil.which("nft") is None:
        pytest.skip("needs nft (nftables) to cut the network inside the namespace")
    with presented_call(keys, document, tmp_path) as (_call, a, b, _presented):
        try:
            subprocess.run(["nft", "add", "table", "inet", "cut"], check=True)
            subprocess.run(
                [
                    "nft",
                    "add",
                    "chain",
                    "inet",
                    "cut",
                    "in",
                    "{ type filter hook input priority 0; }",
                ],
                check=True,
            )
            subprocess.run(
                ["nft", "add", "rule", "inet", "cut", "in", "meta", "l4proto", "udp", "drop"],
                check=True,
            )
            a.sign(signature_png)
            time.sleep(6)
            assert b.step() == 0  # nothing got through the cut
            subprocess.run(["nft", "delete", "table", "inet", "cut"], check=True)

            wait_until(lambda: b.step() == 1, 40, "Bandung's signature after the cut")
            b.sign(signature_png)
            wait_until(lambda: a.step() == 2, 15, "Palangkaraya's signature at Bandung")
            _check_final(a, b, keys, tmp_path)
        finally:
            subprocess.run(["nft", "delete", "table", "inet", "cut"], capture_output=True)
