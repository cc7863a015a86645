"""Office refusals (Settings, first-run wizard) are shown in Indonesian."""

from __future__ import annotations

import pytest

from mou.office import OfficeError, add_local_user, create_local_office, local_office
from tests.agreements_ui.conftest import USERS
from ui.office_messages import office_error_text
from ui.settings_page.office_section import OfficeSection


def test_saving_an_office_without_a_head_is_refused_in_indonesian(
    qtbot, context, indonesian
) -> None:
    section = OfficeSection(context)
    qtbot.addWidget(section)
    section.head_name.setText("   ")

    assert section.save() is False

    assert section.status.text() == "Isian nama kepala daerah kantor masih kosong"
    with context.database.session() as session:
        assert local_office(session).head_name  # nothing was saved


def test_user_and_setup_refusals_are_indonesian(context, indonesian) -> None:
    from mou.office import OfficeProfile

    with context.database.session() as session:
        with pytest.raises(OfficeError) as empty:
            add_local_user(session, "  ", USERS[0][1])
        with pytest.raises(OfficeError) as again:
            create_local_office(session, OfficeProfile.of(local_office(session)), USERS)
    assert office_error_text(empty.value) == "Ada pengguna yang namanya kosong"
    assert office_error_text(again.value) == "Instalasi ini sudah memiliki kantor lokal"
