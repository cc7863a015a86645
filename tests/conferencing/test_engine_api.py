"""The engine's contract outside a call: threads, refusals, bad input (no media needed)."""

from __future__ import annotations

import socket
import threading

import pytest

from conferencing.engine import CallEngine
from conferencing.events import ConnectionStateChanged, EngineEvent
from conferencing.hub.embedded import EmbeddedHub
from conferencing.signaling import JoinRefused


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_submit_needs_start_and_stop_joins_the_thread() -> None:
    engine = CallEngine("Pemerintah Kota Bandung")
    with pytest.raises(RuntimeError, match="start"):
        engine.submit(engine.leave())
    engine.start()
    engine.start()  # idempotent
    loop_thread = engine.submit(_current_thread()).result(timeout=5)
    assert loop_thread.startswith("call-engine-") and loop_thread != threading.current_thread().name
    engine.stop()
    assert engine.loop is None
    engine.stop()  # idempotent


async def _current_thread() -> str:
    return threading.current_thread().name


def test_refused_token_fails_with_the_hubs_reason() -> None:
    hub = EmbeddedHub()
    url = hub.start("127.0.0.1", 0)
    engine = CallEngine("Pemerintah Kota Bandung")
    events: list[tuple[str, EngineEvent]] = []
    engine.add_listener(lambda e: events.append((threading.current_thread().name, e)))
    engine.start()
    try:
        token = hub.invite("sesi-lain", "Pemerintah Kota Bandung")
        with pytest.raises(JoinRefused, match="for room 'sesi-lain', not 'sesi-1'"):
            engine.submit(engine.join(url, "sesi-1", token)).result(timeout=10)
        states = [e for _, e in events if isinstance(e, ConnectionStateChanged)]
        assert [s.state for s in states] == ["connecting", "failed"]
        assert "for room 'sesi-lain'" in states[-1].reason
        assert all(name.startswith("call-engine-") for name, _ in events)
        assert engine.participants == {}
    finally:
        engine.stop()
        hub.stop()


def test_unreachable_hub_is_a_connection_error() -> None:
    engine = CallEngine("Pemerintah Kota Bandung")
    states: list[str] = []
    engine.add_listener(
        lambda e: states.append(e.state) if isinstance(e, ConnectionStateChanged) else None
    )
    engine.start()
    try:
        with pytest.raises(ConnectionError, match="cannot reach the hub"):
            engine.submit(engine.join(f"ws://127.0.0.1:{_free_port()}/ws", "r1", "token")).result(
                timeout=10
            )
        assert states == ["connecting", "failed"]
    finally:
        engine.stop()


def test_messages_outside_a_call_or_badly_typed_are_refused() -> None:
    engine = CallEngine("Pemerintah Kota Bandung")
    engine.start()
    try:
        with pytest.raises(RuntimeError, match="not in a call"):
            engine.submit(engine.send_chat("halo")).result(timeout=5)
        with pytest.raises(ValueError, match="kind"):
            engine.submit(engine.send_message("", {})).result(timeout=5)
        with pytest.raises(TypeError, match="dict"):
            engine.submit(engine.send_message("x", ["not", "a", "dict"])).result(timeout=5)  # type: ignore[arg-type]
        with pytest.raises(KeyError, match="no participant"):
            engine.submit(engine.send_message_to("peer-x", "x", {})).result(timeout=5)
    finally:
        engine.stop()


def test_a_failing_listener_does_not_break_the_others() -> None:
    engine = CallEngine("Pemerintah Kota Bandung")
    seen: list[EngineEvent] = []

    def broken(event: EngineEvent) -> None:
        raise RuntimeError("listener bug")

    engine.add_listener(broken)
    engine.add_listener(seen.append)
    engine.emit(ConnectionStateChanged("connecting"))
    assert seen == [ConnectionStateChanged("connecting")]
