"""sfu_layers without a network: which layers a camera is published in, and which stream
carries what (the presentation is never taken for a camera layer)."""

from __future__ import annotations

from conferencing.topology.sfu_layers import (
    HIGH,
    LOW,
    Stream,
    camera_layers,
    layer_mid,
    publisher_streams,
    screen_mid,
    subscription_streams,
)

TWO_LAYERS_AND_SCREEN = (
    Stream("0", "audio"),
    Stream("1", "video", "lintas-high"),
    Stream("2", "video", "lintas-low"),
    Stream("3", "video", "lintas-screen"),
)
ONE_LAYER_AND_SCREEN = (
    Stream("0", "audio"),
    Stream("1", "video", "lintas-high"),
    Stream("2", "video", "lintas-screen"),
)


def test_a_small_camera_is_published_in_one_layer_a_larger_one_in_two() -> None:
    assert camera_layers(240) == (HIGH,)
    assert camera_layers(270) == (HIGH,)
    assert camera_layers(360) == (HIGH, LOW)
    assert camera_layers(480) == (HIGH, LOW)
    assert camera_layers(None) == (HIGH, LOW)  # size unknown: both, as before


def test_layers_and_the_screen_are_told_apart_by_description() -> None:
    assert layer_mid(TWO_LAYERS_AND_SCREEN, HIGH) == "1"
    assert layer_mid(TWO_LAYERS_AND_SCREEN, LOW) == "2"
    assert screen_mid(TWO_LAYERS_AND_SCREEN) == "3"


def test_a_one_layer_office_serves_both_wishes_with_its_camera_never_its_screen() -> None:
    assert layer_mid(ONE_LAYER_AND_SCREEN, LOW) == "1"
    assert layer_mid(ONE_LAYER_AND_SCREEN, HIGH) == "1"
    # The screen listed first must not become the fallback camera either.
    screen_first = (Stream("0", "video", "lintas-screen"), Stream("1", "video", ""))
    assert layer_mid(screen_first, LOW) == "1"
    assert subscription_streams(7, ONE_LAYER_AND_SCREEN, LOW) == [
        {"feed": 7, "mid": "0"},
        {"feed": 7, "mid": "1"},
    ]


def test_an_office_without_a_screen_stream_has_none_to_subscribe_to() -> None:
    streams = publisher_streams(
        {"streams": [{"mid": "0", "type": "audio"}, {"mid": "1", "type": "video"}]}
    )
    assert screen_mid(streams) is None
    assert layer_mid(streams, HIGH) == "1"
