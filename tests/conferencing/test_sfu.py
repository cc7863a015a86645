"""Sessions on a Janus SFU: real Janus started by the test, real hub, real aiortc offices.

Each scenario runs in its own ``unshare -rn`` namespace with a veth pair (Janus skips
loopback); see ``tests/conferencing/sfu_scenarios.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conferencing.janus_server import SFU_SETUP, SFU_SPLIT_SETUP, janus_unavailable
from tests.conferencing.netns import run_scenario

pytestmark = [pytest.mark.netns, pytest.mark.slow]


def _run(name: str, setup: str = SFU_SETUP) -> dict[str, Any]:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    return run_scenario(name, timeout=200, module="tests.conferencing.sfu_scenarios", setup=setup)


@pytest.fixture(scope="module")
def six() -> dict[str, Any]:
    """One run of the six-office session (about a minute on two cores), shared by the tests."""
    return _run("six")


def test_six_offices_in_one_sfu_session_see_each_other_verified(six: dict[str, Any]) -> None:
    r = six
    names = list(r["tags"])
    assert len(names) == 6 and r["everyone"], r["figures"]
    assert r["topologies"] == ["SfuTopology"]  # the welcome put every office on Janus
    for name in names:
        others = [n for n in names if n != name]
        assert r["participants"][name] == sorted(others)
        for other in others:
            fig = r["figures"][name][other]
            # Pixels, not counts: the stamp reads, is the sender's own, and counts upward.
            assert fig["stamped"] > 15, (name, other, fig)
            assert fig["tags"] == [r["tags"][other]], (name, other, fig)
            assert fig["increasing"]
            # Call identity through the SFU: the signed publish binding names this feed.
            verdict = r["verdicts"][name][other]
            assert verdict == {"status": "verified", "code": "call.verified", "office": other}
    # One feed per office, all different; the hub seated six in one room.
    assert len(set(r["feeds"].values())) == 6
    assert r["hub_rooms"] == {"apeksi-pokja-smart-city": 6}
    # Five tiles on screen would take the small layer, but a 320x240 camera is published as
    # one layer (no 180p second encode that saves nobody anything): its full picture comes.
    assert r["sizes"] == ["320x240"], r["sizes"]
    # A leaving office disappears for the others; the last one out ends the Janus room.
    assert r["after_leave"] == sorted(names[1:5]), r["after_leave"]
    assert r["rooms_after"] == 0 and r["janus_rooms_after"] == 0


def test_an_office_gets_only_what_it_needs_from_the_hub(six: dict[str, Any]) -> None:
    sfu = six["welcome"]["sfu"]
    assert set(sfu) == {"url", "room", "pin", "feed", "token"}
    assert sfu["url"].startswith("ws://10.78.0.1:")
    # Neither the Janus API or admin secret, nor the VideoRoom admin key, nor the room secret.
    assert six["welcome_leaks"] == []


@pytest.fixture(scope="module")
def impostor() -> dict[str, Any]:
    """A lingering publisher under B's peer id, and B's binding tampered on its way to C."""
    return _run("impostor")


def test_a_stale_publisher_with_another_offices_display_is_not_shown_as_that_office(
    impostor: dict[str, Any],
) -> None:
    r = impostor
    b = "Pemerintah Kota Pekanbaru"
    # Janus really holds two publishers under B's peer id, the impostor's sending frames.
    assert r["janus_feeds_with_b_display"] == sorted([r["impostor_feed"], r["b_feed"]])
    assert r["impostor_frames_sent"] > 30
    # A picked the feed B announced, and only B's own pixels arrive as B.
    assert r["a_chose_for_b"] == r["b_feed"] != r["impostor_feed"]
    assert r["a_from"][b]["stamped"] > 15
    assert r["a_from"][b]["tags"] == [r["tags"][b]] != [r["impostor_tag"]]
    assert r["a_verdicts"][b] == {"status": "verified", "code": "call.verified", "office": b}


def test_a_tampered_publish_binding_is_not_verified(impostor: dict[str, Any]) -> None:
    r = impostor
    b, a = "Pemerintah Kota Pekanbaru", "Pemerintah Kota Bandung"
    # C still sees B's picture, but B's identity did not survive the tampering.
    assert r["c_from"][b]["tags"] == [r["tags"][b]]
    assert r["c_verdicts"][b] == {
        "status": "unverified",
        "code": "call.bad_signature",
        "office": "",
    }
    # The untouched binding from A is verified at C.
    assert r["c_verdicts"][a]["status"] == "verified"


def test_messages_and_trust_changes_in_an_sfu_session(impostor: dict[str, Any]) -> None:
    r = impostor
    a, b, c = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru", "Pemerintah Kota Palangkaraya"
    line = [[a, "Selamat pagi, Bapak dan Ibu Wali Kota"]]
    assert r["chat"] == {b: line, c: line}  # once each, with the sender's office
    assert r["app"] == {b: [[a, "agenda.item", {"no": 3}]], c: []}  # to B alone
    # 600 KB (a draft with its PDF) is 18 relays' worth: it arrives whole, once, at B and C,
    # paced under the hub's message budget (A is not closed for flooding).
    assert r["big_size"] > 18 * 31 * 1024
    assert r["big_at"] == {b: [r["big_digest"]], c: [r["big_digest"]]}
    assert r["a_still_in"] == "connected"
    # Trust withdrawn mid-call turns A's tile at C "not verified" at once; made again, verified.
    assert r["c_about_a_untrusted"] == {
        "status": "unverified",
        "code": "call.untrusted",
        "office": "",
    }
    assert r["c_about_a_trusted_again"]["status"] == "verified"


def test_an_sfu_session_survives_a_six_second_udp_cut() -> None:
    r = _run("stall")
    assert r["saw_reconnecting"], r  # honest state while no media reaches the offices
    assert r["resumed"], r  # every office sees every other again, on its own
    assert r["final"] == ["connected"] * 3
    assert r["tags_ok"]  # and still each office's own pixels under its name


def test_an_office_not_on_screen_sends_no_video_but_keeps_its_sound() -> None:
    r = _run("visible")
    # Hidden (not on the gallery's page): no frame decoded in 3 s, sound goes on, and the
    # tile is not called frozen; B, on screen, keeps coming at ~15 fps.
    assert r["hidden"]["c_video"] == 0 and r["hidden"]["c_audio"] > 100, r
    assert r["hidden"]["b_video"] > 30, r
    assert r["paused_events_for_hidden"] == 0
    # Shown again: its pictures are back, and they are its own.
    assert r["shown"]["c_video"] > 15, r
    assert r["c_tags_at_a"] == [r["c_tag"]]


def test_simulcast_layers_follow_the_window_and_what_the_office_asks_for() -> None:
    r = _run("layers")
    # At 640x480 every office publishes two layers, told apart by name, beside its (idle)
    # screen stream; the subscriber receives one layer.
    assert r["c_streams"] == [
        ["audio", ""],
        ["video", "lintas-high"],
        ["video", "lintas-low"],
        ["video", "lintas-screen"],
    ]
    assert r["first"] == [[640, 480]]  # two offices on screen: the full picture
    assert r["asked_low"] == [[240, 180]]  # switched without renegotiating
    assert r["stamped_low"] > 15  # C's own stamped pictures, in the small layer
    assert r["back"] == [[640, 480]]
    assert r["c_tags_at_a"] == [r["c_tag"]]  # both layers carry C's own pixels


def test_the_command_line_runs_a_session_on_janus() -> None:
    # main.py hub --janus-config --sfu-above 2, main.py invite --offices 3, three main.py call;
    # the third with --no-incoming-video.
    r = _run("cli")
    for office, report in r["reports"].items():
        assert report.get("state") == "connected", (office, report)
        peers = {p["office"]: p for p in report["peers"].values()}
        assert sorted(peers) == sorted(o for o in r["tags"] if o != office)
        for other, fig in peers.items():
            if office == r["quiet"]:
                # No tiles: the SFU forwards it no video at all (at most a frame or two that
                # were on their way before it said so).
                assert fig["frames"] <= 3, (office, other, fig)
                continue
            assert fig["stamped_frames"] > 30, (office, other, fig)
            assert fig["office_tags"] == [r["tags"][other]]
            assert fig["counters_increasing"]


def test_under_a_tbf_rate_limit_the_small_layer_takes_over_and_the_picture_goes_on() -> None:
    # Janus in a namespace of its own; 450 kbit/s on what it sends to both offices (640x480).
    r = _run("squeeze", SFU_SPLIT_SETUP)
    assert r["layer_before"] == "high" and r["sizes_before"] == ["640x480"]
    assert r["switched_down"], r  # the full layer came too slowly: the small one instead
    assert r["sizes_under_limit"] == ["240x180"]
    assert r["fps_low_under_limit"] >= 10, r
    assert r["b_tags_at_a"] == [r["b_tag"]]  # still B's own pictures
