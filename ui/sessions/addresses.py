"""Which address of this machine to put in invitations when the embedded hub listens everywhere."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface


def lan_addresses() -> list[str]:
    """IPv4 addresses of interfaces that are up, LAN ones first, plain 127.0.0.1 last.

    WebRTC's ICE (aioice) ignores 127.0.0.1, so an invite pointing there would connect the
    signaling but never the media; it is offered only when nothing else exists.
    """
    lan: list[str] = []
    loopback: list[str] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            address: QHostAddress = entry.ip()
            if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = address.toString()
            (loopback if address.isLoopback() else lan).append(text)
    loopback.sort(key=lambda a: a == "127.0.0.1")
    return lan + loopback or ["127.0.0.1"]


def with_host(url: str, host: str) -> str:
    """``url`` with its host replaced (the port and path kept)."""
    parts = urlsplit(url)
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def choose_address(addresses: list[str]) -> tuple[str, bool]:
    """The address to put in invitations, and whether only nearby computers can reach it.

    A public address wins; else a private one (office LAN, VPN); loopback only as a last resort.
    The flag is True for anything that another city cannot reach over the internet.
    """

    def rank(text: str) -> int:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return 3
        if address.is_loopback:
            return 2
        if address.is_global:
            return 0
        return 1

    if not addresses:
        return "127.0.0.1", True
    best = min(addresses, key=rank)
    return best, rank(best) != 0
