"""Subcommands of the conferencing core: ``hub``, ``invite`` and ``call``.

Handlers import aiohttp/aiortc lazily so ``main.py --help`` and the GUI start fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conferencing.engine import CallEngine
    from conferencing.installkey import InstallKey


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the conferencing subcommands (handlers import their modules lazily)."""
    hub = sub.add_parser("hub", help="run the signaling hub (rooms, invite tokens, relay)")
    hub.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    hub.add_argument(
        "--port", type=int, default=8765, help="port (default 8765; 0 = any free port)"
    )
    hub.add_argument(
        "--tls-cert", metavar="C", help="PEM certificate: serve wss:// instead of ws://"
    )
    hub.add_argument("--tls-key", metavar="K", help="PEM private key for --tls-cert")
    hub.add_argument(
        "--insecure",
        action="store_true",
        help="serve plain ws:// (test networks only); default without --tls-cert: wss:// with a "
        "self-signed certificate whose pin is printed in the URL",
    )
    hub.add_argument(
        "--secret-file", metavar="F", help="hub secret for invite tokens (created if missing)"
    )
    hub.add_argument(
        "--stun", metavar="URL", action="append", default=[], help="STUN server handed to clients"
    )
    hub.add_argument(
        "--turn", metavar="URL", action="append", default=[], help="TURN server handed to clients"
    )
    hub.add_argument("--turn-user", metavar="U", help="TURN user name")
    hub.add_argument("--turn-password", metavar="P", help="TURN password")
    hub.add_argument(
        "--max-peers", type=int, default=4, metavar="N", help="offices per room (default 4)"
    )
    hub.add_argument(
        "--grace",
        type=float,
        default=20.0,
        metavar="S",
        help="seconds an office whose connection dropped keeps its place (default 20)",
    )
    from conferencing.hub.limits import add_arguments

    add_arguments(hub)
    from conferencing.hub.janus_pool import add_arguments as add_sfu_arguments

    add_sfu_arguments(hub)  # --janus-config, --sfu-above
    hub.set_defaults(func=_run_hub)

    invite = sub.add_parser("invite", help="print an invite token for an office to a room")
    invite.add_argument("--secret-file", metavar="F", required=True, help="the hub's secret file")
    invite.add_argument("--room", required=True, help="room (session) name")
    invite.add_argument(
        "--office", required=True, help='office name, e.g. "Pemerintah Kota Bandung"'
    )
    invite.add_argument(
        "--ttl",
        type=int,
        default=24 * 3600,
        metavar="S",
        help="validity in seconds (default 1 day)",
    )
    invite.add_argument(
        "--offices",
        type=int,
        default=0,
        metavar="N",
        help="how many offices the session has: above the hub's --sfu-above it runs on Janus",
    )
    invite.add_argument(
        "--guest-link",
        metavar="HUB_URL",
        help="also print a browser guest link for the hub at HUB_URL (wss://host:port/ws): the "
        "same invitation, for an office without Lintas (Chrome or Edge)",
    )
    from conferencing.host_cli import add_call_arguments, add_invite_arguments

    add_invite_arguments(invite)
    invite.set_defaults(func=_run_invite)

    revoke = sub.add_parser("revoke", help="withdraw an invitation on a running hub")
    revoke.add_argument(
        "--hub", required=True, metavar="URL", help="the hub's URL, ws(s)://host:port/ws[#sha256=…]"
    )
    revoke.add_argument("--secret-file", metavar="F", required=True, help="the hub's secret file")
    revoke.add_argument("--token", required=True, help="the invitation token to withdraw")
    revoke.set_defaults(func=_run_revoke)

    call = sub.add_parser("call", help="join a room headless with a synthetic source")
    call.add_argument(
        "--hub", required=True, metavar="URL", help="hub URL, ws://host:port/ws or wss://..."
    )
    call.add_argument("--room", required=True)
    call.add_argument("--token", required=True)
    call.add_argument(
        "--office", default="Headless client", help="office name drawn into the test pattern"
    )
    call.add_argument(
        "--synthetic", default="640x480", metavar="WxH", help="test pattern size (default 640x480)"
    )
    call.add_argument("--fps", type=int, default=30)
    call.add_argument(
        "--present-synthetic",
        metavar="WxH",
        help="also present a detailed still slide of this size as the screen track (5 fps)",
    )
    call.add_argument(
        "--no-incoming-video",
        action="store_true",
        help="receive nobody's video (audio only), as a call window showing no tiles would; "
        "on an SFU the server stops forwarding it, so only our own sending costs CPU",
    )
    call.add_argument(
        "--muted",
        action="store_true",
        help="join with the microphone muted, as a listening office would (it then sends one "
        "audio frame every 400 ms instead of 50 a second)",
    )
    call.add_argument("--seconds", type=float, default=10.0, help="stay this long after joining")
    call.add_argument(
        "--report", action="store_true", help="print one JSON object with the measurements"
    )
    call.add_argument("--ca-file", metavar="PEM", help="trust this certificate for a wss:// hub")
    call.add_argument(
        "--relay", action="store_true", help="force TURN relay (iceTransportPolicy=relay)"
    )
    call.add_argument(
        "--shared-encoder", action="store_true", help="encode video once for all peers (mesh)"
    )
    call.add_argument(
        "--identity",
        metavar="P12",
        help="office identity (office.p12 from `identity new`): sign our DTLS fingerprints",
    )
    call.add_argument(
        "--password-file", metavar="F", help="file whose first line unlocks --identity"
    )
    call.add_argument(
        "--trust",
        metavar="PEM",
        action="append",
        default=[],
        help="a counterpart office's certificate (office.pem); repeat for several offices",
    )
    call.add_argument(
        "--require-verified",
        action="store_true",
        help="exit with status 4 unless every office in the call was verified",
    )
    add_call_arguments(call)  # --lock, --lobby, --end-after, --raise-hand (host_cli.py)
    call.set_defaults(func=_run_call)


def _run_hub(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import signal
    import ssl
    import tempfile
    from pathlib import Path

    from conferencing import protocol as p
    from conferencing.hub.janus_pool import options_from_args as sfu_options
    from conferencing.hub.limits import HubLimits
    from conferencing.hub.server import HubServer
    from conferencing.hub.tokens import load_secret, new_secret

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if args.secret_file:
        secret = load_secret(Path(args.secret_file), create=True)
    else:
        secret = new_secret()
        handle, name = tempfile.mkstemp(prefix="lintas-hub-", suffix=".secret")
        with open(handle, "w", encoding="ascii") as fh:
            fh.write(secret.hex() + "\n")
        print(f"no --secret-file given: temporary secret written to {name}", file=sys.stderr)
    ssl_context = None
    pin = ""
    if args.tls_cert or args.tls_key:
        if not (args.tls_cert and args.tls_key):
            print("error: --tls-cert and --tls-key go together", file=sys.stderr)
            return 2
        ssl_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ssl_context.load_cert_chain(args.tls_cert, args.tls_key)
    elif not args.insecure:
        # No CA-issued certificate: a self-signed one kept beside the secret (so the pin stays
        # the same across restarts), pinned by the URL clients are given.
        from conferencing.hub.embedded import fingerprint, office_certificate, server_context

        cert_dir = Path(args.secret_file).parent if args.secret_file else None
        cert_pem, key_pem = office_certificate(cert_dir)
        ssl_context = server_context(cert_pem, key_pem)
        pin = fingerprint(cert_pem)
    ice: list[p.IceServer] = []
    if args.stun:
        ice.append(p.IceServer(urls=list(args.stun)))
    if args.turn:
        ice.append(
            p.IceServer(
                urls=list(args.turn), username=args.turn_user, credential=args.turn_password
            )
        )
    server = HubServer(
        args.host,
        args.port,
        secret,
        ice_servers=ice,
        ssl_context=ssl_context,
        max_peers=args.max_peers,
        grace_s=args.grace,
        limits=HubLimits.from_args(args),
        **sfu_options(args),  # Janus servers for sessions above --sfu-above offices
        # Bindings and revocations survive a restart, kept beside the secret.
        state_file=Path(args.secret_file).parent / "hub-invitations.json"
        if args.secret_file
        else None,
    )

    async def serve() -> None:
        await server.start()
        print(f"hub listening on {server.url}{f'#sha256={pin}' if pin else ''}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await server.stop()

    asyncio.run(serve())
    return 0


def _install_key() -> InstallKey | None:
    """The install's hub key from ``$LINTAS_DATA_DIR`` (as the app keeps it); None without one.

    With it, a restarted ``call`` is recognised by the hub as the same install and replaces its
    own ghost at once instead of being refused while the ghost holds the invitation.
    """
    import os
    from pathlib import Path

    from conferencing.installkey import InstallKey

    folder = os.environ.get("LINTAS_DATA_DIR")
    return InstallKey.load_or_create(Path(folder)) if folder else None


def _run_revoke(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path
    from urllib.parse import urlsplit, urlunsplit

    import aiohttp

    from conferencing.hub.server import revoke_auth
    from conferencing.hub.tokens import load_secret
    from conferencing.signaling import split_pin

    try:
        secret = load_secret(Path(args.secret_file))
        url, pin = split_pin(args.hub)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    endpoint = urlunsplit((scheme, parts.netloc, "/revoke", "", ""))
    body = {"token": args.token, "auth": revoke_auth(secret, args.token)}

    async def post() -> int:
        ssl: aiohttp.Fingerprint | bool = aiohttp.Fingerprint(pin) if pin else True
        async with (
            aiohttp.ClientSession() as session,
            session.post(endpoint, json=body, ssl=ssl) as response,
        ):
            return response.status

    try:
        status = asyncio.run(post())
    except (OSError, aiohttp.ClientError) as exc:
        print(f"error: cannot reach the hub: {exc}", file=sys.stderr)
        return 1
    if status == 200:
        print("invitation withdrawn")
        return 0
    print(f"error: the hub refused (HTTP {status})", file=sys.stderr)
    return 3


def _run_invite(args: argparse.Namespace) -> int:
    from pathlib import Path

    from conferencing.hub.tokens import issue_token, load_secret

    try:
        secret = load_secret(Path(args.secret_file))
        token = issue_token(
            secret, args.room, args.office, args.ttl, host=args.host, size=args.offices
        )
        print(token)
        if args.guest_link:
            from conferencing.hub.guest_page import guest_link
            from conferencing.hub.tokens import guest_token

            print(guest_link(args.guest_link, guest_token(secret, token)))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _run_call(args: argparse.Namespace) -> int:
    import json
    import ssl
    import time

    from conferencing.call_identity import PeerVerification, PeerVerificationChanged
    from conferencing.callreport import CallReport
    from conferencing.engine import CallEngine
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from conferencing.signaling import JoinRefused

    try:
        width, height = (int(v) for v in args.synthetic.lower().split("x"))
        video = SyntheticVideoSource(args.office, width, height, args.fps)
    except ValueError as exc:
        print(
            f"error: --synthetic must be WxH with even numbers, e.g. 640x480 ({exc})",
            file=sys.stderr,
        )
        return 2
    try:
        slide = _synthetic_slide(args.present_synthetic, args.office)
    except ValueError as exc:
        print(f"error: --present-synthetic must be WxH, at least 320x240 ({exc})", file=sys.stderr)
        return 2
    ssl_context = ssl.create_default_context(cafile=args.ca_file) if args.ca_file else None
    try:
        identity, trusted = _call_identity(args)
    except (OSError, ValueError, IndexError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    engine = CallEngine(
        args.office,
        video_source=video,
        audio_source=SyntheticAudioSource(),
        ice_transport_policy="relay" if args.relay else "all",
        ssl_context=ssl_context,
        shared_encoder=args.shared_encoder,
        identity=identity,
        trusted=trusted,
        install_key=_install_key(),
    )
    report = CallReport(engine)
    from conferencing.host_cli import HostAutomation

    hosting = HostAutomation(engine, args)
    # The last verdict about each office, kept after it leaves (the report is made at the end).
    verdicts: dict[str, PeerVerification] = {}

    def keep_verdict(event: object) -> None:
        if isinstance(event, PeerVerificationChanged):
            verdicts[event.verification.peer_id] = event.verification

    engine.add_listener(keep_verdict)
    engine.start()
    code = 0
    cpu_start = wall_start = None
    try:
        if args.muted:
            engine.submit(engine.set_audio_muted(True)).result(timeout=10)
        # A locked session holds us in its lobby: the join waits for the host's decision.
        engine.submit(engine.join(args.hub, args.room, args.token)).result(
            timeout=30 + max(0.0, args.wait_lobby)
        )
        hosting.after_join()
        if args.no_incoming_video:
            engine.submit(_show_nobody(engine)).result(timeout=10)
        if slide is not None:
            engine.submit(engine.start_presenting(slide)).result(timeout=10)
        cpu_start, wall_start = time.process_time(), time.monotonic()
        hosting.stay(args.seconds)
    except JoinRefused as exc:
        print(f"error: the hub refused to join: {exc}", file=sys.stderr)
        code = 3
    except Exception as exc:
        print(f"error: {exc}", file=sys.stderr)
        code = 1
    result = report.as_dict()
    result["host"] = hosting.report()
    gate = engine.audio_gate
    if gate is not None:
        result["audio_frames"] = {"sent": gate.frames_sent, "held": gate.frames_held}
    verified = _add_verification(result, engine, verdicts)
    if args.require_verified and code == 0 and not verified:
        print("error: not every office in the call was verified", file=sys.stderr)
        code = 4
    if cpu_start is not None and wall_start is not None:
        # Share of one core this office used while in the call (encode, decode, network).
        elapsed = max(1e-3, time.monotonic() - wall_start)
        result["cpu_core_pct"] = round(100 * (time.process_time() - cpu_start) / elapsed, 1)
    engine.stop()
    if args.report:
        print(json.dumps(result), flush=True)
    return code


async def _show_nobody(engine: CallEngine) -> None:
    """Tell the topology no office's video is on screen (kept across an SFU switch)."""
    topology = engine.topology
    if topology is not None:
        await topology.set_visible_peers(frozenset())


def _synthetic_slide(size: str | None, office: str):  # -> SlideSource | None
    """The still slide ``--present-synthetic WxH`` presents (None without the option)."""
    if not size:
        return None
    from conferencing.presenting import SlideSource, synthetic_slide

    width, height = (int(v) for v in size.lower().split("x"))
    return SlideSource(synthetic_slide(width, height, title=f"Paparan {office}"))


def _call_identity(args: argparse.Namespace):  # -> tuple[CallIdentity | None, TrustedOffices]
    """The identity and pinned certificates named by ``--identity/--password-file/--trust``."""
    from pathlib import Path

    from conferencing.call_identity import CallIdentity, CallIdentityError, TrustedOffices

    try:
        trusted = TrustedOffices.from_files(Path(t) for t in args.trust)
        if args.identity is None:
            return None, trusted
        if args.password_file is None:
            raise ValueError("--identity needs --password-file")
        text = Path(args.password_file).read_text(encoding="utf-8")
        password = text.splitlines()[0] if text else ""
        return CallIdentity.load(Path(args.identity), password), trusted
    except CallIdentityError as exc:
        raise ValueError(str(exc)) from exc


def _add_verification(result: dict, engine, verdicts: dict) -> bool:
    """Put each peer's ``verified`` and ``short_code`` into the report; True if all verified.

    ``verdicts`` holds the last verdict about every office met, including those that already
    left; an office that never got as far as a verdict counts as not verified.
    """
    states = {**verdicts, **engine.verifications()}
    peers = result.setdefault("peers", {})
    for peer_id, state in states.items():
        peers.setdefault(peer_id, {"office": engine.participants.get(peer_id)}).update(
            state.as_dict()
        )
    for figures in peers.values():
        figures.setdefault("verified", False)
        figures.setdefault("short_code", None)
    result["all_verified"] = bool(peers) and all(f["verified"] for f in peers.values())
    return bool(result["all_verified"])
