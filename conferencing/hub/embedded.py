"""Host the hub inside the desktop app ("Host a session"), on its own loop thread.

The embedded hub speaks ``wss://`` by default with a self-signed certificate made for this
office (kept in ``cert_dir`` when given, so the pin survives a restart). No CA is involved:
invitations carry the certificate's SHA-256 fingerprint in the hub URL
(``wss://host:port/ws#sha256=HEX``) and the joining client checks exactly that certificate.
Plain ``ws://`` only with ``insecure=True``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import ssl
import tempfile
import threading
from pathlib import Path

from conferencing import protocol as p
from conferencing.hub.guest_page import guest_link
from conferencing.hub.janus_pool import JanusPool
from conferencing.hub.limits import HubLimits
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import DEFAULT_TTL_S, guest_token, issue_token, new_secret

CERT_FILE, KEY_FILE = "hub-cert.pem", "hub-key.pem"
CERT_DAYS = 730


def _new_certificate() -> tuple[bytes, bytes]:
    """A fresh self-signed P-256 certificate and key, PEM."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Lintas embedded hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=CERT_DAYS))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def _still_valid(cert_pem: bytes) -> bool:
    from cryptography import x509

    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError:
        return False
    return cert.not_valid_after_utc > dt.datetime.now(dt.UTC) + dt.timedelta(days=1)


def office_certificate(cert_dir: Path | None) -> tuple[bytes, bytes]:
    """This office's hub certificate and key (PEM): read from ``cert_dir`` or made there.

    Without ``cert_dir`` a certificate is made for this run only.
    """
    if cert_dir is None:
        return _new_certificate()
    cert_path, key_path = cert_dir / CERT_FILE, cert_dir / KEY_FILE
    if cert_path.exists() and key_path.exists():
        cert_pem = cert_path.read_bytes()
        if _still_valid(cert_pem):
            return cert_pem, key_path.read_bytes()
    cert_pem, key_pem = _new_certificate()
    cert_dir.mkdir(parents=True, exist_ok=True)
    key_path.unlink(missing_ok=True)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_pem)
    cert_path.write_bytes(cert_pem)
    return cert_pem, key_pem


def fingerprint(cert_pem: bytes) -> str:
    """SHA-256 of the certificate's DER encoding, lower-case hex (what clients pin)."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))).hexdigest()


def server_context(cert_pem: bytes, key_pem: bytes) -> ssl.SSLContext:
    """A TLS server context for the certificate (loaded through a private temporary folder)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    with tempfile.TemporaryDirectory(prefix="lintas-hub-") as folder:
        cert_path, key_path = Path(folder) / CERT_FILE, Path(folder) / KEY_FILE
        cert_path.write_bytes(cert_pem)
        key_path.write_bytes(key_pem)
        context.load_cert_chain(cert_path, key_path)
    return context


class EmbeddedHub:
    """A :class:`HubServer` running on a private asyncio loop in a daemon thread.

    Safe to drive from the GUI thread: :meth:`start` blocks until the hub listens and returns
    its URL (with the ``#sha256=`` pin when it serves TLS); :meth:`stop` shuts it down and joins
    the thread. ``ssl_context`` replaces the generated certificate (no pin is added then).
    """

    def __init__(
        self,
        secret: bytes | None = None,
        *,
        ice_servers: list[p.IceServer] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        insecure: bool = False,
        cert_dir: Path | None = None,
        limits: HubLimits | None = None,
        janus: JanusPool | None = None,
        sfu_above: int = 4,
    ) -> None:
        self.secret = secret or new_secret()
        # Janus servers for sessions above ``sfu_above`` offices (None: every session a mesh).
        self._janus = janus
        self._sfu_above = sfu_above
        self._ice_servers = ice_servers
        self._ssl = ssl_context
        self.pin = ""  # SHA-256 of the generated certificate, hex
        if ssl_context is None and not insecure:
            cert_pem, key_pem = office_certificate(cert_dir)
            self._ssl = server_context(cert_pem, key_pem)
            self.pin = fingerprint(cert_pem)
        self._limits = limits
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.server: HubServer | None = None

    def start(self, host: str = "0.0.0.0", port: int = 0) -> str:
        """Start listening on ``host:port`` (0 = any free port) and return the hub URL."""
        if self._thread is not None:
            raise RuntimeError("the embedded hub is already running")
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="embedded-hub", daemon=True)
        self._thread.start()
        server = HubServer(
            host,
            port,
            self.secret,
            ice_servers=self._ice_servers,
            ssl_context=self._ssl,
            limits=self._limits,
            janus=self._janus,
            sfu_above=self._sfu_above,
        )
        try:
            asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=10)
        except BaseException:
            self._shutdown_loop()
            raise
        self.server = server
        return self.url

    @property
    def url(self) -> str:
        """The WebSocket URL of the running hub, pinned (``#sha256=``) when it generated TLS."""
        if self.server is None:
            raise RuntimeError("the embedded hub is not running")
        return self.server.url + (f"#sha256={self.pin}" if self.pin else "")

    def invite(
        self, room: str, office: str, ttl_s: int = DEFAULT_TTL_S, *, host: bool = False
    ) -> str:
        """An invite token for ``office`` to ``room`` signed with this hub's secret.

        ``host`` marks the session's host invitation (this office's own): only its holder may
        lock the room, admit from the lobby, ask to mute, remove and end for everyone.
        """
        return issue_token(self.secret, room, office, ttl_s, host=host)

    def guest_invite(self, office_token: str) -> str:
        """The browser guest token standing in for the invitation ``office_token``.

        Same room, office and expiry; bound and revoked together with it (one install at a time).
        """
        return guest_token(self.secret, office_token)

    def guest_link(self, office_token: str, hub_url: str | None = None) -> str:
        """``https://HOST:PORT/guest/#t=…`` for a browser guest of ``office_token``'s office.

        ``hub_url`` is the address the invitation gives (this office's network address);
        by default the hub's own listening address.
        """
        return guest_link(hub_url or self.url, self.guest_invite(office_token))

    def revoke(self, token: str) -> bool:
        """Withdraw an invitation (its holder is removed from the room); see HubServer.revoke."""
        if self.server is None or self._loop is None:
            return False
        return asyncio.run_coroutine_threadsafe(self.server.revoke(token), self._loop).result(10)

    def stop(self) -> None:
        """Close every connection, stop listening and join the thread."""
        if self._loop is None:
            return
        if self.server is not None:
            asyncio.run_coroutine_threadsafe(self.server.stop(), self._loop).result(timeout=10)
            self.server = None
        self._shutdown_loop()

    def _shutdown_loop(self) -> None:
        assert self._loop is not None and self._thread is not None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
        self._loop = None
        self._thread = None
