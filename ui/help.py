"""In-app help (F1): a short, translated guide to the page shown, and the keyboard shortcuts.

Each topic is a few sentences a new user of that page needs: what it is for, how to begin,
and what to do when something is refused. The texts live here (translated like every UI
string), not in a web page, so help works offline and in the user's language.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_C = "Help"

#: topic -> (title, paragraphs), English sources translated at display time.
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "home": (
        QT_TRANSLATE_NOOP("Help", "Home"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Home lists what needs you now: agreements waiting for your review or approval, "
                "obligations coming due and the next video sessions.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Double-click an entry to open it. When the lists are empty, start with "
                "Agreements or Sessions in the sidebar.",
            ),
        ),
    ),
    "sessions": (
        QT_TRANSLATE_NOOP("Help", "Sessions"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Schedule a video session with another office, host it from this computer or "
                "join one with the invitation the host sent you.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Times are shown in WIB, WITA and WIT so both offices read the same moment. "
                "If joining fails, ask the host for a new invitation and check the network.",
            ),
        ),
    ),
    "agreements": (
        QT_TRANSLATE_NOOP("Help", "Agreements"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "All Kesepakatan Bersama of this office with their state. A drafter starts a "
                "new agreement from the template; a draft from a counterpart is imported from "
                "its .lintas package.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Open an agreement to edit it, comment on its pasal, exchange revisions and "
                "approve the same revision as the counterpart.",
            ),
        ),
    ),
    "editor": (
        QT_TRANSLATE_NOOP("Help", "Editing an agreement"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Pick a pasal on the left and write its text and ayat; your typing is saved "
                "automatically. Save revision (Ctrl+S) freezes the text as the next round, "
                "which you can export to the counterpart.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) take back and repeat edits. The tabs "
                "on the right hold comments, obligations, the Lampiran, revisions, details and "
                "the page preview.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "An agreement in review cannot be edited; buttons that cannot be used say why "
                "in their tooltip.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Print (Ctrl+P) prints the draft on the office's paper, marked KONSEP on every "
                "page. The signed agreement is printed from the Archive.",
            ),
        ),
    ),
    "catalog": (
        QT_TRANSLATE_NOOP("Help", "App catalog"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "The smart-city applications an agreement can share, by dimension. Add, "
                "import or correct entries here; the Lampiran of an agreement picks from them.",
            ),
        ),
    ),
    "archive": (
        QT_TRANSLATE_NOOP("Help", "Archive"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Signed agreements and those being signed. Select one to open, check its "
                "signatures, print it (Ctrl+P) or save a copy.",
            ),
            QT_TRANSLATE_NOOP(
                "Help",
                "Only a document whose signatures verify is printed. Check a printed page "
                "compares the code on paper with this record.",
            ),
        ),
    ),
    "settings": (
        QT_TRANSLATE_NOOP("Help", "Settings"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Your office's details and lambang, the people who use Lintas and their "
                "roles, the signing certificate, the language, paper size and devices.",
            ),
            QT_TRANSLATE_NOOP(
                "Help", "Changes take effect when you save; a new language after a restart."
            ),
        ),
    ),
    "about": (
        QT_TRANSLATE_NOOP("Help", "About Lintas"),
        (
            QT_TRANSLATE_NOOP(
                "Help",
                "Lintas connects city offices: video sessions between offices, and drafting, "
                "signing and printing Kesepakatan Bersama.",
            ),
        ),
    ),
}

_SHORTCUTS: tuple[tuple[str, QKeySequence | QKeySequence.StandardKey | str], ...] = (
    (QT_TRANSLATE_NOOP("Help", "Save revision"), QKeySequence.StandardKey.Save),
    (QT_TRANSLATE_NOOP("Help", "Print"), QKeySequence.StandardKey.Print),
    (QT_TRANSLATE_NOOP("Help", "Undo"), QKeySequence.StandardKey.Undo),
    (QT_TRANSLATE_NOOP("Help", "Redo"), "Ctrl+Shift+Z"),
    (QT_TRANSLATE_NOOP("Help", "Go to a page"), "Ctrl+1"),
    (QT_TRANSLATE_NOOP("Help", "Help"), QKeySequence.StandardKey.HelpContents),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def help_html(topic: str) -> str:
    """The help of ``topic`` (a page key, ``editor`` or ``about``) as simple HTML."""
    title, paragraphs = TOPICS.get(topic, TOPICS["home"])
    parts = [f"<h2>{escape(_t(title))}</h2>"]
    parts += [f"<p>{escape(_t(p))}</p>" for p in paragraphs]
    parts.append(f"<h3>{escape(_t('Keyboard'))}</h3><table cellpadding='3'>")
    for name, keys in _SHORTCUTS:
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        if name == "Go to a page":
            native = native.replace("1", "1…6")
        parts.append(f"<tr><td><b>{escape(native)}</b></td><td>{escape(_t(name))}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


class HelpDialog(QDialog):
    """A small window with the help for one topic."""

    def __init__(self, topic: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic if topic in TOPICS else "home"
        self.setWindowTitle(self.tr("Lintas help"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(help_html(self.topic))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 460)
