"""The Janus client against a hostile "Janus": every answer bounded, every failure coded.

The media server is trusted with nothing it does not prove. Here a small aiohttp WebSocket
server plays a Janus that lies (an adversary, like ``middle_hub.py`` for the hub); the real
Janus is exercised in ``test_sfu.py``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from conferencing.janus_client import (
    MAX_FRAME_BYTES,
    JanusConnection,
    JanusError,
    JanusSession,
    SfuCode,
)

Behaviour = Callable[[web.WebSocketResponse, dict[str, Any]], Awaitable[None]]


async def _serve(behaviour: Behaviour) -> tuple[web.AppRunner, str]:
    async def handle(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(protocols=("janus-protocol",), max_msg_size=1 << 20)
        await ws.prepare(request)
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                await behaviour(ws, json.loads(msg.data))
        return ws

    app = web.Application()
    app.router.add_get("/", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"ws://127.0.0.1:{port}/"


def _run(behaviour: Behaviour, body: Callable[[str], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        runner, url = await _serve(behaviour)
        try:
            return await body(url)
        finally:
            await runner.cleanup()

    return asyncio.run(main())


async def _open(url: str) -> SfuCode | None:
    try:
        session = await JanusSession.open(url, token="t", timeout_s=1.0)
    except JanusError as exc:
        return exc.code
    await session.close()
    return None


def test_a_janus_that_never_answers_times_out() -> None:
    async def silent(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        return None

    assert _run(silent, _open) == SfuCode.TIMEOUT


def test_a_janus_reply_without_a_session_id_is_a_protocol_error() -> None:
    async def no_id(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        reply = {"janus": "success", "transaction": request["transaction"], "data": {"id": True}}
        await ws.send_str(json.dumps(reply))

    assert _run(no_id, _open) == SfuCode.PROTOCOL


def test_a_janus_refusal_keeps_its_number_but_not_its_words_in_the_code() -> None:
    async def refuse(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        error = {"code": 403, "reason": "Unauthorized request (wrong or missing secret/token)"}
        await ws.send_str(
            json.dumps({"janus": "error", "transaction": request["transaction"], "error": error})
        )

    async def body(url: str) -> JanusError:
        with pytest.raises(JanusError) as caught:
            await JanusSession.open(url, token="t", timeout_s=1.0)
        return caught.value

    error = _run(refuse, body)
    assert (error.code, error.janus_code) == (SfuCode.REFUSED, 403)


def test_an_oversize_frame_ends_the_connection_instead_of_being_read() -> None:
    async def flood(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        await ws.send_str(
            json.dumps({"transaction": request["transaction"], "x": "A" * MAX_FRAME_BYTES})
        )

    assert _run(flood, _open) == SfuCode.UNREACHABLE


def test_unsolicited_garbage_and_replies_to_nobody_are_ignored() -> None:
    async def noisy(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        for junk in ("not json", "[1, 2]", '{"transaction": "someone-else"}', '{"sender": 7}'):
            await ws.send_str(junk)
        reply = {"janus": "success", "transaction": request["transaction"], "data": {"id": 42}}
        await ws.send_str(json.dumps(reply))

    async def body(url: str) -> int:
        connection = JanusConnection(url, token="t", timeout_s=1.0)
        await connection.connect()
        try:
            reply = await connection.request({"janus": "create"})
            return reply["data"]["id"]
        finally:
            await connection.close()

    assert _run(noisy, body) == 42


def test_a_janus_that_is_not_there_is_unreachable() -> None:
    assert asyncio.run(_open("ws://127.0.0.1:9/")) == SfuCode.UNREACHABLE


def test_offices_send_their_token_and_never_a_secret_they_do_not_have() -> None:
    seen: list[dict[str, Any]] = []

    async def record(ws: web.WebSocketResponse, request: dict[str, Any]) -> None:
        seen.append(request)
        reply = {"janus": "success", "transaction": request["transaction"], "data": {"id": 5}}
        await ws.send_str(json.dumps(reply))

    assert _run(record, _open) is None
    assert seen and all(r.get("token") == "t" for r in seen)
    assert not any("apisecret" in r or "admin_secret" in r for r in seen)
