"""A guest link never yields "Verified", even when its holder proves a pinned office identity.

Two real Lintas engines through the real hub in a namespace. Both hold office identities and
pin each other's certificate (as in the honest call-identity scenario, where both verify), but
Pekanbaru joins with a browser guest link. Bandung must ignore the identity it relays and report
it not verified; Pekanbaru, an ordinary participant from its own side, still verifies Bandung.

Run as ``python -m tests.conferencing.test_browser_guest_identity`` by :func:`run_scenario`.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

from tests.conferencing.netns import run_scenario


def test_guest_link_holder_with_a_pinned_identity_is_still_not_verified() -> None:
    r = run_scenario("guest", 120, module="tests.conferencing.test_browser_guest_identity")
    assert r["bandung_sees_guest"] is True
    (state,) = r["bandung_view"].values()
    assert state["verified"] is False and state["status"] == "unverified"
    assert state["code"] == "call.no_identity" and state["verified_office"] is None
    assert "verified" not in r["bandung_verdicts"]  # not even for a moment
    (other,) = r["pekanbaru_view"].values()
    assert other["verified"] is True  # the guest's own view of a real office is unaffected
    assert r["frames_both_ways"] is True


async def scenario() -> dict[str, Any]:
    from conferencing.call_identity import TrustedOffices
    from conferencing.hub.server import HubServer
    from conferencing.hub.tokens import issue_token
    from tests.conferencing.identity_scenarios import (
        BANDUNG,
        PEKANBARU,
        observe,
        pair_identities,
        settled,
    )
    from tests.conferencing.scenarios import HOST, ROOM, SECRET, Office, frames_from, wait_for

    tmp = Path(tempfile.mkdtemp(prefix="lintas-guest-identity-"))
    ida, idb = pair_identities(tmp)
    a = Office(BANDUNG, identity=ida, trusted=TrustedOffices.of([idb.certificate]))
    b = Office(PEKANBARU, identity=idb, trusted=TrustedOffices.of([ida.certificate]))
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    try:
        await a.join(hub.url)
        guest = issue_token(SECRET, ROOM, PEKANBARU, 600, guest=True)
        await b.engine.join(hub.url, ROOM, guest)
        await wait_for(lambda: settled(a) and settled(b), 25)
        flowing = await wait_for(lambda: frames_from(a, b) > 5 and frames_from(b, a) > 5, 15)
        return {
            "bandung_sees_guest": a.engine.is_guest(b.engine.peer_id),
            "bandung_view": observe(a),
            "pekanbaru_view": observe(b),
            "bandung_verdicts": [
                e.verification.status
                for e in a.events
                if type(e).__name__ == "PeerVerificationChanged"
            ],
            "frames_both_ways": flowing,
        }
    finally:
        await a.engine.leave()
        await b.engine.leave()
        await hub.stop()


def main() -> None:
    print(json.dumps(asyncio.run(scenario())), flush=True)


if __name__ == "__main__":
    main()
