"""Main window with real widgets: sidebar navigation, empty states, user switcher, geometry."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mou.office import local_office, local_users
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.navigation import PAGES, page_keys
from ui.settings import Settings


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _click_sidebar(qtbot: QtBot, window: MainWindow, key: str) -> None:
    item = window.sidebar.item(page_keys().index(key))
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_sidebar_lists_the_six_areas_and_clicking_shows_each_page(
    qtbot: QtBot, context: AppContext
) -> None:
    window = _window(qtbot, context)
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "Home",
        "Sessions",
        "Agreements",
        "App catalog",
        "Archive",
        "Settings",
    ]
    assert window.current_key() == "home"
    assert set(window.created_pages()) == {"home"}  # other pages are built on first visit
    for spec in PAGES:
        _click_sidebar(qtbot, window, spec.key)
        page = window.stack.currentWidget()
        assert window.current_key() == spec.key
        assert type(page).__module__ == spec.module
        assert page.isVisible()
    assert set(window.created_pages()) == set(page_keys())


def test_empty_pages_say_how_to_begin_with_an_action(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    # Archive is the shell's; Sessions, Agreements and App catalog belong to other areas, which
    # keep an ``empty_state`` (ui.empty_state.EmptyState) for a fresh installation too.
    for key in ("archive", "agreements", "catalog"):
        window.navigate(key)
        page = window.stack.currentWidget()
        state = page.empty_state
        assert state.isVisible(), key
        assert state.title_label.text() and state.message_label.text(), key
        buttons = [b for b in state.findChildren(QPushButton) if b.isVisible()]
        assert buttons and all(b.isEnabled() and b.text() for b in buttons), key
    assert window.page("archive").empty_state.title_label.text() == "Nothing archived yet"


def test_home_empty_state_buttons_navigate(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    home = window.page("home")
    assert home.greeting.text() == "Welcome, Muhammad Farhan"
    assert "Pemerintah Kota Bandung" in home.subtitle.text()
    assert home.empty_state.isVisible()
    qtbot.mouseClick(home.agreements_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "agreements"
    assert window.sidebar.current_key() == "agreements"
    window.navigate("home")
    qtbot.mouseClick(home.sessions_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "sessions"


def test_header_shows_office_and_user_switcher_changes_acting_user(
    qtbot: QtBot, context: AppContext
) -> None:
    window = _window(qtbot, context)
    assert window.office_label.text() == "Pemerintah Kota Bandung"
    assert window.unit_label.text() == "Bagian Kerja Sama"
    combo = window.user_switcher.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Muhammad Farhan — Signatory",
        "Rina Kusumawati — Drafter",
        "Dedi Supriadi — Reviewer",
    ]
    combo.setCurrentIndex(1)
    assert context.current_user is not None and context.current_user.name == "Rina Kusumawati"
    home = window.page("home")
    qtbot.waitUntil(lambda: home.greeting.text() == "Welcome, Rina Kusumawati", timeout=3000)
    assert "Drafter" in home.subtitle.text()
    # The choice survives a restart.
    assert Settings(context.data_dir).last_user_id == context.current_user.id


def test_window_geometry_is_restored_on_the_next_start(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    # Within the offscreen screen (800 x 800): restoreGeometry clamps to the screen, as it should.
    window.resize(777, 654)
    window.move(QPoint(12, 21))
    qtbot.wait(20)
    window.close()
    assert Settings(context.data_dir).window_geometry  # written to the INI file

    again = _window(qtbot, context)
    assert (again.width(), again.height()) == (777, 654)
    # The offscreen platform fakes a window frame, so the position may shift by its few pixels.
    assert abs(again.x() - 12) <= 4 and abs(again.y() - 21) <= 4
    # And a fresh installation (nothing saved) starts at the default size, not the saved one.
    context.settings.reset("window_geometry")
    fresh = _window(qtbot, context)
    assert (fresh.width(), fresh.height()) != (777, 654)


def test_settings_page_adds_a_user_the_header_then_offers(
    qtbot: QtBot, context: AppContext
) -> None:
    window = _window(qtbot, context)
    _click_sidebar(qtbot, window, "settings")
    users = window.page("settings").users
    qtbot.keyClicks(users.name, "Sari Wulandari")
    users.role.setCurrentIndex(users.role.findData("viewer"))
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert "password or PIN" in users.status.text()  # everyone gets one
    qtbot.keyClicks(users.secret, "8642")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert users.status.text() == "Sari Wulandari added."
    with context.database.session() as session:
        assert [(u.name, u.role) for u in local_users(session)][-1] == ("Sari Wulandari", "viewer")
    combo = window.user_switcher.combo
    qtbot.waitUntil(lambda: combo.count() == 4, timeout=3000)
    assert combo.itemText(3) == "Sari Wulandari — Viewer"
    # A duplicate is refused with a message, nothing added.
    qtbot.keyClicks(users.name, "sari wulandari")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert "already" in users.status.text()


def test_settings_page_edits_the_office_and_language(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    window.navigate("settings")
    page = window.page("settings")
    office = page.office
    office.head_nip.setText("12345")
    qtbot.mouseClick(office.save_button, Qt.MouseButton.LeftButton)
    assert office.status.text() == "A NIP has exactly 18 digits."
    office.head_nip.setText("197001011990031001")
    office.head_name.clear()
    qtbot.keyClicks(office.head_name, "Erwin")
    qtbot.mouseClick(office.save_button, Qt.MouseButton.LeftButton)
    assert office.status.text() == "Saved."
    with context.database.session() as session:
        stored = local_office(session)
        assert stored is not None
        assert (stored.head_name, stored.head_nip) == ("Erwin", "197001011990031001")

    general = page.general
    general.language.setCurrentIndex(general.language.findData("id"))
    assert Settings(context.data_dir).language == "id"
    assert general.restart_button.isVisible()
    assert "starts again" in general.language_note.text()
    general.paper.setCurrentIndex(general.paper.findData("a4"))
    assert Settings(context.data_dir).paper_size == "a4"


def test_open_item_shows_the_page_and_opens_the_agreement(
    qtbot: QtBot, context: AppContext
) -> None:
    from mou.agreement import AgreementKind, PartyInput, create_agreement
    from mou.office import Actor

    with context.database.session() as session:
        drafter = next(u for u in local_users(session) if u.role == "drafter")
        office = local_office(session)
        assert office is not None
        agreement = create_agreement(
            session,
            Actor.of(drafter),
            kind=AgreementKind.KESEPAKATAN_BERSAMA,
            title="Kerja Sama Aplikasi Kota Cerdas",
            parties=[PartyInput.of_office(office), PartyInput(name="Pemerintah Kota Pekanbaru")],
        )
        agreement_id = agreement.id
    window = _window(qtbot, context)
    opened: list[int] = []
    page = window.page("agreements")
    signal = getattr(page, "sig_agreement_opened", None)
    if signal is not None:
        signal.connect(opened.append)
    window.open_item("agreements", agreement_id)
    assert window.current_key() == "agreements"
    assert window.sidebar.current_key() == "agreements"
    if signal is not None:
        assert opened == [agreement_id]
