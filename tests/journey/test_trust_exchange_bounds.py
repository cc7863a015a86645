"""The in-call card exchange trusts nothing it has not checked; replays and floods do nothing.

Real offices (own databases, identities, endorsed exchange keys), real office cards and a real
CallController whose app-message signal delivers them, as the engine does; no network is needed
because nothing here depends on the media path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from mou.exchange import trust_office_card
from mou.office import Actor, Role
from mou.signing.identity import load_identity
from tests.agreements_ui.conftest import PASSWORD, make_office
from ui.context import AppContext
from ui.exchange_keys import endorse_with
from ui.office_card import MAX_CARD_BYTES, our_card
from ui.vicon.controller import CallController
from ui.vicon.trust_exchange import CARD_KIND, MAX_CARDS_PER_PEER, TrustBar, TrustExchange
from ui.wizard.wizard import certificate_copy


def _office(folder: Path, region: str) -> AppContext:
    ctx = make_office(folder, region)
    identity = load_identity(ctx.identity_path, PASSWORD)
    certificate_copy(ctx.data_dir).write_bytes(identity.certificate_pem())
    endorse_with(ctx.data_dir, identity)
    return ctx


def _exchange(qtbot: QtBot, ctx: AppContext) -> tuple[TrustExchange, CallController, QWidget]:
    controller = CallController(
        ctx.office.display_name,
        video_source=SyntheticVideoSource("x", 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    host = QWidget()
    qtbot.addWidget(host)
    bar = TrustBar(host)
    # The host is returned so that it (and the exchange, its child) lives for the whole test.
    return TrustExchange(ctx, controller, bar, host), controller, host


def test_cards_are_checked_bounded_and_replays_change_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    bandung = _office(tmp_path / "bandung", "Bandung")
    pekanbaru = _office(tmp_path / "pekanbaru", "Pekanbaru")
    palangka = _office(tmp_path / "palangka", "Palangka Raya")
    exchange, controller, _host = _exchange(qtbot, bandung)
    try:
        send = controller.sig_app_message.emit
        card = our_card(pekanbaru)
        assert card is not None

        # Junk, a forged card and an oversized one are dropped without an offer.
        send("peer-x", "Kota X", CARD_KIND, {"card": "{not json"})
        forged = card.replace(b"Pekanbaru", b"Pekanbarv")  # signature no longer matches
        send("peer-y", "Kota Y", CARD_KIND, {"card": forged.decode()})
        send("peer-z", "Kota Z", CARD_KIND, {"card": "x" * (MAX_CARD_BYTES + 1)})
        send("peer-w", "Kota W", CARD_KIND, ["not", "a", "dict"])
        assert exchange.offers == {}

        # A genuine card is kept for the user's decision; nothing is trusted by itself, and no
        # offer is shown before the call's code is known.
        send("peer-p", PEKANBARU, CARD_KIND, {"card": card.decode()})
        assert set(exchange.offers) == {"peer-p"}
        assert exchange.current_offer() is None and exchange.bar.isHidden()
        with bandung.database.session() as s:
            assert s.query(models.TrustedCertificate).count() == 0

        # At most MAX_CARDS_PER_PEER cards per office and call are even read.
        flood = our_card(palangka)
        assert flood is not None
        for _ in range(MAX_CARDS_PER_PEER + 5):
            send("peer-q", "Kota Q", CARD_KIND, {"card": flood.decode()})
        assert exchange._cards_seen["peer-q"] == MAX_CARDS_PER_PEER + 5
        assert "peer-q" in exchange.offers  # read once, the rest ignored
        exchange.offers.pop("peer-q")

        # Once Palangka Raya is trusted (by file), its card in a call is a no-op.
        with bandung.database.session() as s:
            reviewer = s.query(models.LocalUser).filter_by(role=Role.REVIEWER.value).one()
            trust_office_card(s, flood, Actor.of(reviewer))
        send("peer-r", "Kota R", CARD_KIND, {"card": flood.decode()})
        assert "peer-r" not in exchange.offers
        with bandung.database.session() as s:
            assert s.query(models.TrustedCertificate).count() == 1
    finally:
        controller.shutdown()


PEKANBARU = "Pemerintah Kota Pekanbaru"
