"""A bare WebSocket client for hub tests: speaks raw JSON so tests can also send garbage."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp


class RawClient:
    """One WebSocket to the hub with helpers to send and expect messages."""

    def __init__(self, session: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.session = session
        self.ws = ws

    @classmethod
    async def connect(cls, url: str) -> RawClient:
        session = aiohttp.ClientSession()
        ws = await session.ws_connect(url)
        return cls(session, ws)

    async def send(self, obj: dict[str, Any] | str | bytes) -> None:
        if isinstance(obj, bytes):
            await self.ws.send_bytes(obj)
        elif isinstance(obj, str):
            await self.ws.send_str(obj)
        else:
            await self.ws.send_str(json.dumps({"v": 1, **obj}))

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
        await self.send({"type": "join", "room": room, "token": token, "peer_id": peer_id})
        return await self.recv()

    async def close(self) -> None:
        await self.ws.close()
        await self.session.close()
