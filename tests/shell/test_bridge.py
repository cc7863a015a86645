"""The event bridge delivers events from worker threads on the GUI thread, in order."""

from __future__ import annotations

import concurrent.futures
import threading
from dataclasses import dataclass

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ui.bridge import EventBridge


@dataclass(frozen=True)
class Ping:
    n: int


@dataclass(frozen=True)
class Other:
    text: str


def test_events_from_a_worker_thread_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = EventBridge()
    gui_thread = QThread.currentThread()
    seen: list[tuple[int, bool]] = []
    worker_idents: list[int] = []
    bridge.subscribe(Ping, lambda e: seen.append((e.n, QThread.currentThread() is gui_thread)))

    def worker() -> None:
        worker_idents.append(threading.get_ident())
        for n in range(50):
            bridge.post(Ping(n))
        bridge.post(Other("done"))

    thread = threading.Thread(target=worker)
    with qtbot.waitSignal(
        bridge.event_received, timeout=5000, check_params_cb=lambda e: isinstance(e, Other)
    ):
        thread.start()
    thread.join()
    assert worker_idents[0] != threading.get_ident()
    assert [n for n, _ in seen] == list(range(50))
    assert all(on_gui for _, on_gui in seen)


def test_subscribe_filters_by_type_and_unsubscribe_stops(qtbot: QtBot) -> None:
    bridge = EventBridge()
    pings: list[Ping] = []
    bridge.subscribe(Ping, pings.append)
    with qtbot.waitSignal(bridge.event_received, timeout=2000):
        threading.Thread(target=bridge.post, args=(Other("x"),)).start()
    assert pings == []
    bridge.unsubscribe(pings.append)
    with qtbot.waitSignal(bridge.event_received, timeout=2000):
        threading.Thread(target=bridge.post, args=(Ping(1),)).start()
    assert pings == []


def test_future_results_and_errors_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = EventBridge()
    gui_thread = QThread.currentThread()
    results: list[tuple[str, object, bool]] = []

    def done(value: object) -> None:
        results.append(("ok", value, QThread.currentThread() is gui_thread))

    def failed(error: BaseException) -> None:
        results.append(("error", str(error), QThread.currentThread() is gui_thread))

    def boom() -> int:
        raise RuntimeError("hub unreachable")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        bridge.watch_future(pool.submit(lambda: 6 * 7), done, failed)
        bridge.watch_future(pool.submit(boom), done, failed)
        qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert ("ok", 42, True) in results
    assert ("error", "hub unreachable", True) in results


def test_subscription_ends_when_its_widget_is_destroyed(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    bridge = EventBridge()
    seen: list[str] = []

    class Listener(QWidget):
        def on_ping(self, event: Ping) -> None:
            seen.append(f"bound {event.n}")

    listener = Listener()
    other = QWidget()
    bridge.subscribe(Ping, listener.on_ping)  # owner found from the bound method
    bridge.subscribe(Ping, lambda e: seen.append(f"lambda {e.n}"), owner=other)
    with qtbot.waitSignal(bridge.event_received, timeout=2000):
        bridge.post(Ping(1))
    assert seen == ["bound 1", "lambda 1"]
    listener.deleteLater()
    other.deleteLater()
    qtbot.waitUntil(lambda: not bridge._subscribers, timeout=2000)
    with qtbot.waitSignal(bridge.event_received, timeout=2000):
        bridge.post(Ping(2))
    assert seen == ["bound 1", "lambda 1"]


def test_listen_to_is_idempotent_and_detaches(qtbot: QtBot) -> None:
    bridge = EventBridge()
    listeners: list[object] = []

    def subscribe(callback: object) -> object:
        listeners.append(callback)
        return lambda: listeners.remove(callback)

    bridge.listen_to(subscribe)
    bridge.listen_to(subscribe)
    assert len(listeners) == 1
    bridge.detach_all()
    assert listeners == []


def test_domain_events_arrive_once_however_many_pages_forward_them(qtbot: QtBot) -> None:
    """``ui.app`` wires ``mou.events`` and pages ask again: each event must arrive exactly once."""
    from mou import events as mou_events
    from ui.agreements.domain_events import forward_domain_events

    bridge = EventBridge()
    bridge.listen_to(mou_events.subscribe)  # what ui.app does at start
    forward_domain_events(bridge)  # what the agreements page does
    forward_domain_events(bridge)  # ... and the catalog page
    seen: list[mou_events.AgreementChanged] = []
    bridge.subscribe(mou_events.AgreementChanged, seen.append)
    try:
        mou_events.publish(mou_events.AgreementChanged(agreement_id=7, what="title"))
        qtbot.waitUntil(lambda: len(seen) == 1)
        qtbot.wait(50)  # a duplicate would be queued right behind the first
        assert seen == [mou_events.AgreementChanged(agreement_id=7, what="title")]
    finally:
        bridge.detach_all()
