"""The hub serves the browser guest page: same port and TLS as wss, strict CSP, nothing else.

A real embedded hub (TLS, its own certificate) on loopback; requests through aiohttp with the
certificate pinned like a Lintas client, and raw HTTP for paths a client library would tidy up.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import ssl
from pathlib import Path

import aiohttp
import pytest

from conferencing import protocol as p
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.guest_page import CSP, GUEST_DIR, guest_link
from conferencing.hub.tokens import TokenError, guest_token, issue_token, token_id, verify_token
from tests.conferencing.hubclient import RawClient

ROOM = "kb-guest-page"
PEKANBARU = "Pemerintah Kota Pekanbaru"


@pytest.fixture
def hub() -> EmbeddedHub:
    server = EmbeddedHub()
    server.start("127.0.0.1", 0)
    yield server
    server.stop()


def _base(hub: EmbeddedHub) -> str:
    assert hub.server is not None
    return f"https://127.0.0.1:{hub.server.port}"


async def _get(hub: EmbeddedHub, path: str) -> tuple[int, dict[str, str], bytes]:
    pin = aiohttp.Fingerprint(bytes.fromhex(hub.pin))
    async with (
        aiohttp.ClientSession() as session,
        session.get(_base(hub) + path, ssl=pin, allow_redirects=False) as response,
    ):
        return response.status, dict(response.headers), await response.read()


async def _raw_get(hub: EmbeddedHub, target: str) -> bytes:
    """Send ``GET target`` exactly as written (no client-side normalisation of ``..``)."""
    assert hub.server is not None
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    reader, writer = await asyncio.open_connection("127.0.0.1", hub.server.port, ssl=context)
    writer.write(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    return data


def test_page_and_files_are_served_with_a_strict_content_security_policy(hub: EmbeddedHub) -> None:
    status, headers, body = asyncio.run(_get(hub, "/guest/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body == (GUEST_DIR / "index.html").read_bytes()
    csp = headers["Content-Security-Policy"]
    assert csp == CSP
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and "unsafe" not in csp  # no inline, no eval
    assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer" and headers["Cache-Control"] == "no-store"
    # The page has no inline script or style for the CSP to block: all of it is in the files.
    html = body.decode()
    assert "<script>" not in html and "style=" not in html and "onclick" not in html.lower()
    for name, kind in (("guest.js", "text/javascript"), ("guest.css", "text/css")):
        status, headers, body = asyncio.run(_get(hub, f"/guest/{name}"))
        assert status == 200 and headers["Content-Type"].startswith(kind)
        assert body == (GUEST_DIR / name).read_bytes() and headers["Content-Security-Policy"] == CSP
    status, headers, _ = asyncio.run(_get(hub, "/guest"))
    assert status == 301 and headers["Location"] == "/guest/"


@pytest.mark.parametrize(
    "target",
    [
        "/guest/../conferencing/hub/server.py",
        "/guest/..%2f..%2fpyproject.toml",
        "/guest/%2e%2e/%2e%2e/pyproject.toml",
        "/guest/..\\..\\pyproject.toml",
        "/guest//etc/passwd",
        "/guest/README",
        "/guest/" + "a" * 5000,
        "/resources/guest/guest.js",
        "/guest/guest.js/",
    ],
)
def test_paths_outside_the_page_are_refused(hub: EmbeddedHub, target: str) -> None:
    answer = asyncio.run(_raw_get(hub, target))
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.split()[1] in (b"400", b"404", b"414", b"431"), status_line
    # Nothing of any file outside the page ever comes back, nor a listing.
    assert b"[project]" not in answer and b"root:" not in answer and b"HubServer" not in answer
    assert b"guest.css" not in answer.split(b"\r\n\r\n", 1)[-1]


def test_the_folder_is_not_listed(hub: EmbeddedHub) -> None:
    answer = asyncio.run(_raw_get(hub, "/guest/."))
    assert answer.split()[1] in (b"301", b"404") and b"guest.js" not in answer.split(b"\r\n\r\n")[-1]


def test_guest_link_token_is_marked_bound_and_revoked_with_its_invitation(
    hub: EmbeddedHub,
) -> None:
    office_token = hub.invite(ROOM, PEKANBARU, 600)
    link = hub.guest_link(office_token)
    base, _, fragment = link.partition("#t=")
    assert base == _base(hub) + "/guest/"  # https on the hub's own port; token only after '#'
    guest = fragment
    claims = verify_token(hub.secret, guest, ROOM)
    office = verify_token(hub.secret, office_token, ROOM)
    assert claims.guest and claims.office == PEKANBARU and claims.expires_at == office.expires_at
    assert claims.invitation_id(guest) == token_id(office_token)
    assert not office.guest
    # Dropping the mark breaks the MAC.
    body, mac = guest.split(".")
    raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    del raw["g"]
    forged = base64.urlsafe_b64encode(json.dumps(raw).encode()).rstrip(b"=").decode() + "." + mac
    with pytest.raises(TokenError):
        verify_token(hub.secret, forged, ROOM)
    # Only a valid invitation of this hub gets a guest link.
    with pytest.raises(TokenError):
        guest_token(hub.secret, issue_token(b"another hub's secret!!", ROOM, PEKANBARU))
    assert guest_link("wss://10.1.2.3:8765/ws#sha256=" + "ab" * 32, "T") == (
        "https://10.1.2.3:8765/guest/#t=T"
    )

    async def scenario() -> dict[str, object]:
        out: dict[str, object] = {}
        host = await RawClient.connect(hub.url)
        guest_client = await RawClient.connect(hub.url)  # the browser's install key
        app = await RawClient.connect(hub.url)  # the office's own Lintas, another install
        late = await RawClient.connect(hub.url, guest_client.key)
        try:
            welcome = await host.join(ROOM, hub.invite(ROOM, "Pemerintah Kota Bandung", 600), "host1")
            assert welcome is not None and welcome["type"] == "welcome"
            # The guest joins; the office already in the room hears it is a guest.
            answer = await guest_client.join(ROOM, guest, "guest1")
            out["guest_welcome"] = answer["type"] if answer else None
            out["peer_joined"] = await host.recv_type("peer-joined")
            # The office's own Lintas install cannot join beside it: one invitation, one install.
            refused = await app.join(ROOM, office_token, "app1")
            out["app_with_guest_present"] = refused.get("code") if refused else None
            # Revoking the office's invitation removes the guest too.
            out["revoked"] = await asyncio.to_thread(hub.revoke, office_token)
            out["guest_told"] = (await guest_client.recv_type("error")).get("code")
            again = await late.join(ROOM, guest, "guest2")
            out["guest_after_revoke"] = again.get("code") if again else None
        finally:
            for client in (host, guest_client, app, late):
                await client.close()
        return out

    out = asyncio.run(scenario())
    assert out["guest_welcome"] == "welcome"
    assert out["peer_joined"]["type"] == "peer-joined" and out["peer_joined"]["guest"] is True
    assert out["peer_joined"]["office"] == PEKANBARU
    assert out["app_with_guest_present"] == p.E_INVITE_IN_USE
    assert out["revoked"] is True and out["guest_told"] == p.E_TOKEN_REVOKED
    assert out["guest_after_revoke"] == p.E_TOKEN_REVOKED


def test_chromium_is_given_the_hub_certificate_spki_digest() -> None:
    # Guard: the SPKI flag Chromium gets is base64 of a SHA-256 (44 characters).
    from conferencing.hub.embedded import office_certificate
    from tests.conferencing.browser import spki_hash

    cert, _ = office_certificate(None)
    assert len(base64.b64decode(spki_hash(cert))) == hashlib.sha256().digest_size


def test_invite_command_prints_the_browser_guest_link(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conferencing.hub.tokens import load_secret

    secret_file = tmp_path / "secret"
    secret_file.write_text("ab" * 32)
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "main.py", "invite", "--secret-file", str(secret_file), "--room", ROOM,
         "--office", PEKANBARU, "--ttl", "600", "--guest-link", "wss://hub.kota.go.id:8765/ws"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    token, link = out
    base, _, guest = link.partition("#t=")
    assert base == "https://hub.kota.go.id:8765/guest/"
    secret = load_secret(secret_file)
    claims = verify_token(secret, guest, ROOM)
    assert claims.guest and claims.invitation_id(guest) == token_id(token)
    assert not verify_token(secret, token, ROOM).guest
