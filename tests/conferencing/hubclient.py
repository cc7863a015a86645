"""A bare WebSocket client for hub tests: speaks raw JSON so tests can also send garbage."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp

from conferencing import protocol as p
from conferencing.installkey import InstallKey
from conferencing.signaling import split_pin


class RawClient:
    """One WebSocket to the hub with helpers to send and expect messages."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        ws: aiohttp.ClientWebSocketResponse,
        key: InstallKey | None = None,
    ) -> None:
        self.session = session
        self.ws = ws
        self.key = key or InstallKey.generate()  # this "device"'s install key

    @classmethod
    async def connect(cls, url: str, key: InstallKey | None = None) -> RawClient:
        bare, pin = split_pin(url)  # an embedded hub's wss:// URL carries its certificate pin
        session = aiohttp.ClientSession()
        ws = await session.ws_connect(bare, ssl=aiohttp.Fingerprint(pin) if pin else True)
        return cls(session, ws, key)

    async def send(self, obj: dict[str, Any] | str | bytes) -> None:
        if isinstance(obj, bytes):
            await self.ws.send_bytes(obj)
        elif isinstance(obj, str):
            await self.ws.send_str(obj)
        else:
            await self.ws.send_str(json.dumps({"v": p.VERSION, **obj}))

    async def recv(self, timeout: float = 5.0) -> dict[str, Any] | None:
        """The next message, or ``None`` when the hub closed the socket."""
        msg = await asyncio.wait_for(self.ws.receive(), timeout)
        if msg.type != aiohttp.WSMsgType.TEXT:
            return None
        return json.loads(msg.data)

    async def recv_type(self, kind: str, timeout: float = 5.0) -> dict[str, Any]:
        while True:
            msg = await self.recv(timeout)
            assert msg is not None, f"socket closed while waiting for {kind}"
            if msg["type"] == kind:
                return msg

    async def join(self, room: str, token: str, peer_id: str) -> dict[str, Any] | None:
        """hello -> challenge -> signed join; returns the hub's answer to the join."""
        await self.send({"type": "hello"})
        challenge = await self.recv()
        if challenge is None or challenge["type"] != "challenge":
            return challenge
        sig = self.key.sign_join(challenge["nonce"], room, peer_id, token)
        await self.send(
            {
                "type": "join",
                "room": room,
                "token": token,
                "peer_id": peer_id,
                "key": self.key.public_b64,
                "sig": sig,
            }
        )
        return await self.recv()

    async def close(self) -> None:
        await self.ws.close()
        await self.session.close()
