"""The hub's presenter slot and the present/presenter messages, as units (no network)."""

from __future__ import annotations

import pytest

from conferencing import protocol as p
from conferencing.hub.presenter import PresenterSlot


def _slot() -> PresenterSlot:
    slot = PresenterSlot()
    for invitation in ("inv-bandung", "inv-pekanbaru", "inv-palangkaraya"):
        slot.note_member(invitation)  # Bandung joined first
    return slot


def test_one_presenter_at_a_time_and_a_replay_changes_nothing() -> None:
    slot = _slot()
    assert slot.request("bandung", "inv-bandung", p.Present(on=True)) is True
    assert slot.request("bandung", "inv-bandung", p.Present(on=True)) is False  # replay: no-op
    with pytest.raises(p.ProtocolError) as busy:
        slot.request("pekanbaru", "inv-pekanbaru", p.Present(on=True))
    assert busy.value.code == p.E_PRESENTER_BUSY and slot.holder == "bandung"
    # Stopping someone else's presentation is not possible: nothing changes.
    assert slot.request("pekanbaru", "inv-pekanbaru", p.Present(on=False)) is False
    assert slot.holder == "bandung"


def test_only_the_host_takes_over() -> None:
    slot = _slot()
    slot.request("pekanbaru", "inv-pekanbaru", p.Present(on=True))
    with pytest.raises(p.ProtocolError) as denied:
        slot.request("palangkaraya", "inv-palangkaraya", p.Present(on=True, take_over=True))
    assert denied.value.code == p.E_PRESENT_DENIED
    assert slot.request("bandung", "inv-bandung", p.Present(on=True, take_over=True)) is True
    assert slot.holder == "bandung"


def test_the_host_role_overrides_the_first_office() -> None:
    slot = _slot()
    slot.request("bandung", "inv-bandung", p.Present(on=True))
    # The hub's host role names Palangkaraya (its invitation carries the host claim).
    assert slot.request("palangkaraya", "inv-palangkaraya",
                        p.Present(on=True, take_over=True), "inv-palangkaraya")  # fmt: skip
    with pytest.raises(p.ProtocolError):
        slot.request("bandung", "inv-bandung", p.Present(on=True, take_over=True),
                     "inv-palangkaraya")  # fmt: skip


def test_leaving_frees_the_slot() -> None:
    slot = _slot()
    slot.request("bandung", "inv-bandung", p.Present(on=True))
    assert slot.left("pekanbaru") is False and slot.holder == "bandung"
    assert slot.left("bandung") is True and slot.holder == ""


def test_present_and_presenter_messages_are_validated() -> None:
    message = p.parse('{"v":2,"type":"present","on":false}', allowed=p.CLIENT_TYPES)
    assert message == p.Present(on=False)
    with pytest.raises(p.ProtocolError) as bad:
        p.parse('{"v":2,"type":"present","on":"yes"}', allowed=p.CLIENT_TYPES)
    assert bad.value.code == p.E_INVALID
    # Clients may not send what only the hub says.
    with pytest.raises(p.ProtocolError):
        p.parse('{"v":2,"type":"presenter","peer_id":"abcd1234"}', allowed=p.CLIENT_TYPES)
    with pytest.raises(p.ProtocolError):
        p.parse('{"v":2,"type":"presenter","peer_id":"../x"}', allowed=p.HUB_TYPES)
    nobody = p.parse('{"v":2,"type":"presenter"}', allowed=p.HUB_TYPES)
    assert nobody == p.Presenter() and p.encode(nobody) == '{"v":2,"type":"presenter"}'
