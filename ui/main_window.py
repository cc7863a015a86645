"""The main window: header (office, acting user), sidebar, and the stack of pages.

Pages are created on first visit (see ``ui.navigation``). A page may optionally define
``navigate_requested = Signal(str)`` to switch pages, ``open_requested = Signal(str, int)`` to
open an item on another page (which then needs ``open_item(id)``, or ``open_agreement(id)``),
and ``shutdown()`` which the window calls when it closes (to leave a call, stop an engine, ...).
The menu bar (``ui.menu_bar``) asks the page shown for save, print, undo and help hooks.
"""

from __future__ import annotations

import importlib
import sys
import traceback

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mou.office import OfficeProfile
from ui.context import AppContext, OfficeChanged
from ui.icons import icon
from ui.menu_bar import MenuBar
from ui.navigation import PAGES, Sidebar, page_keys
from ui.office_card_button import OfficeCardButton
from ui.page_error import PageLoadError
from ui.user_switcher import UserSwitcher
from ui.vicon.call_events import CallOpened


class MainWindow(QMainWindow):
    """Lintas' single main window."""

    #: Emitted after a page was created and shown for the first time (key).
    page_created = Signal(str)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, first_page: str = "home"
    ) -> None:
        """``first_page``: the page shown first (Sessions right after set-up, else Home)."""
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Lintas"))
        self.setWindowIcon(icon("lintas"))
        self.setMinimumSize(760, 520)
        self._pages: dict[str, QWidget] = {}

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.sidebar.page_selected.connect(self.show_page)
        # File, Edit, View, Help with Ctrl+S, Ctrl+P, Ctrl+Z, F1 (see ui.menu_bar); the status
        # bar says why an action cannot run on the page shown.
        self.menus = MenuBar(self)
        # Shown only while it has something to say: every pixel counts on a 768-pixel screen.
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.messageChanged.connect(lambda text: status.setVisible(bool(text)))
        status.hide()
        context.bridge.subscribe(OfficeChanged, lambda _e: self._update_header(), owner=self)
        self._ceremonies: QObject | None = None
        context.bridge.subscribe(CallOpened, self._start_ceremonies)
        self._following_shared = False
        context.bridge.subscribe(CallOpened, self._follow_shared_agreements)
        self._restore_geometry()
        self.sidebar.select(first_page if first_page in page_keys() else "home")

    def _start_ceremonies(self, event: CallOpened) -> None:
        """Give every call a signing ceremony, importing its machinery only once a call exists.

        The launcher pulls in cryptography, pyHanko and reportlab; building it at start-up would
        cost the cold start for offices that never sign in a call. It subscribes itself for later
        calls, so this handler only forwards the first one.
        """
        if self._ceremonies is not None:
            return
        from ui.ceremony.launcher import CeremonyLauncher

        launcher = CeremonyLauncher(self.context, parent=self)
        self._ceremonies = launcher
        launcher.handle_call_opened(event)

    def _follow_shared_agreements(self, _event: CallOpened) -> None:
        """From the first call on, follow what calls ask of the main window.

        An agreement another office shares in a call opens; "Start an agreement with …" opens
        New agreement.

        Imported only once a call exists (the package machinery is heavy for the cold start).
        """
        if self._following_shared:
            return
        self._following_shared = True
        from ui.agreements.live.call_packages import AgreementSharedInCall
        from ui.vicon.trust_exchange import AgreementWithOfficeRequested

        self.context.bridge.subscribe(AgreementSharedInCall, self._agreement_shared)
        self.context.bridge.subscribe(AgreementWithOfficeRequested, self._agreement_with)

    def _agreement_with(self, event: object) -> None:
        """"Start an agreement with …" in a call: Agreements, and New agreement with that office.

        Only a drafter starts one; anyone else sees the Agreements page, which says who can.
        """
        from mou.office import Role
        from ui.agreements.acting import current_role

        self.navigate("agreements")
        self.raise_()
        self.activateWindow()
        if current_role(self.context) is Role.DRAFTER:
            page = self.page("agreements")
            page.new_agreement(counterpart=str(event.office))  # type: ignore[attr-defined]

    def _agreement_shared(self, event: object) -> None:
        """A draft new to this office arrived in a call: show it, as the sender expects it read.

        Only a new agreement pulls the window to Agreements, and only from another page; the
        Agreements page itself reloads or opens what arrives while it is shown.
        """
        if getattr(event, "created", False) and self.current_key() != "agreements":
            self.open_item("agreements", int(event.agreement_id))  # type: ignore[attr-defined]

    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(12, 8, 12, 8)
        self.lambang = QLabel()
        self.lambang.setFixedSize(40, 40)
        self.lambang.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.office_label = QLabel()
        self.office_label.setObjectName("officeName")
        font = self.office_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.office_label.setFont(font)
        self.unit_label = QLabel()
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.office_label)
        names.addWidget(self.unit_label)
        self.user_switcher = UserSwitcher(self.context)
        # On every screen, so a new office can introduce itself before it has any agreement.
        self.office_card_button = OfficeCardButton(self.context)
        row.addWidget(self.lambang)
        row.addLayout(names, 1)
        row.addWidget(self.office_card_button)
        row.addWidget(self.user_switcher)
        self._update_header()
        return header

    def _update_header(self) -> None:
        office = self.context.office
        self.office_label.setText(OfficeProfile.of(office).display_name)
        self.unit_label.setText(office.unit)
        pixmap = QPixmap()
        if office.lambang_png and pixmap.loadFromData(office.lambang_png):
            self.lambang.setPixmap(
                pixmap.scaled(
                    40,
                    40,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.lambang.clear()

    def page(self, key: str) -> QWidget:
        """The page for ``key``, created (imported) on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            try:
                module = importlib.import_module(spec.module)
                page = module.Page(self.context, self.stack)
            except Exception:  # one broken area must not take the whole window down
                detail = traceback.format_exc()
                sys.stderr.write(detail)
                page = PageLoadError(spec.title(), detail, self.stack)
            page.setObjectName(f"page_{key}")
            navigate = getattr(page, "navigate_requested", None)
            if navigate is not None:
                navigate.connect(self.navigate)
            open_requested = getattr(page, "open_requested", None)
            if open_requested is not None:
                open_requested.connect(self.open_item)
            self._pages[key] = page
            self.stack.addWidget(page)
            self.page_created.emit(key)
        return self._pages[key]

    def show_page(self, key: str) -> None:
        """Show page ``key`` in the stack."""
        self.stack.setCurrentWidget(self.page(key))

    def navigate(self, key: str) -> None:
        """Show page ``key`` and highlight it in the sidebar."""
        if key in page_keys():
            self.sidebar.select(key)

    def open_item(self, key: str, item_id: int) -> None:
        """Show page ``key`` and ask it to open ``item_id``.

        The page's ``open_item(item_id)`` is used, or for Agreements its ``open_agreement``.
        """
        self.navigate(key)
        page = self.page(key)
        opener = getattr(page, "open_item", None) or getattr(page, "open_agreement", None)
        if callable(opener):
            opener(item_id)

    def current_key(self) -> str:
        """Key of the page shown."""
        current = self.stack.currentWidget()
        return next((k for k, p in self._pages.items() if p is current), "home")

    def created_pages(self) -> dict[str, QWidget]:
        """Pages built so far (others are created on first visit)."""
        return dict(self._pages)

    def _restore_geometry(self) -> None:
        geometry = self.context.settings.window_geometry
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            # First start: roomy, but never larger than 90 % of the screen (1366 x 768 laptops).
            screen = self.screen().availableGeometry()
            self.resize(
                max(self.minimumWidth(), min(1280, int(screen.width() * 0.9))),
                max(self.minimumHeight(), min(820, int(screen.height() * 0.9))),
            )
        state = self.context.settings.window_state
        if state:
            self.restoreState(QByteArray(state))

    def save_geometry(self) -> None:
        """Remember size, position and maximised state for the next start."""
        self.context.settings.window_geometry = bytes(self.saveGeometry().data())
        self.context.settings.window_state = bytes(self.saveState().data())
        self.context.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save the geometry and let pages shut down their work."""
        self.save_geometry()
        for page in self._pages.values():
            shutdown = getattr(page, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self.context.bridge.detach_all()
        super().closeEvent(event)
