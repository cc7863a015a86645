"""A malformed live-review message from the other office is reported in Indonesian."""

from __future__ import annotations

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from ui.agreements.live.link import LiveReviewLink
from ui.vicon.call_events import CallOpened
from ui.vicon.controller import CallController


def test_malformed_live_review_message_is_reported_in_indonesian(
    qtbot, context, indonesian
) -> None:
    agreement_id = create_agreement(context)
    act_as(context, Role.DRAFTER)
    with context.database.session() as session:
        agreement_uuid = session.get(models.Agreement, agreement_id).uuid
    controller = CallController(
        "Pemerintah Kota Bandung",
        video_source=SyntheticVideoSource("Bandung", 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        link = LiveReviewLink(context)
        errors: list[str] = []
        link.sig_error.connect(errors.append)
        context.bridge.post(CallOpened(controller, "kb-bandung", None))
        qtbot.waitUntil(lambda: link.controller is controller)
        link.attach(agreement_id)
        assert link.active
        # What the data channel delivers from a buggy peer: a suggestion without its id.
        controller.sig_app_message.emit(
            "peer-1", "Pemerintah Kota Palangka Raya", "mou.review.suggest",
            {"agreement": agreement_uuid, "clause": "c", "field": "body", "old": "", "new": ""},
        )  # fmt: skip
        qtbot.waitUntil(lambda: bool(errors))
    finally:
        controller.shutdown()
    assert errors == [
        "Pesan tinjauan langsung dari Pemerintah Kota Palangka Raya tidak dapat digunakan dan "
        "diabaikan."
    ]
