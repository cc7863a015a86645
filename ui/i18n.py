"""Language selection and Qt translators.

Each UI area ships its own Qt Linguist file, ``resources/translations/<area>_<lang>.ts``, compiled
to ``.qm`` by ``make translations``. :func:`install_language` loads every ``*_<lang>.qm`` it finds
(so a new area needs no code change here) plus Qt's own ``qtbase_<lang>.qm`` when Qt ships one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui import paths

ENGLISH = "en"
INDONESIAN = "id"
SUPPORTED = (ENGLISH, INDONESIAN)

# Keep the translators referenced: Qt does not own them and would drop them when collected.
_installed: list[QTranslator] = []


def system_language() -> str:
    """Indonesian when the system's UI language is Indonesian, else English."""
    locale = QLocale.system()
    ui_languages = locale.uiLanguages()
    if ui_languages:
        return INDONESIAN if ui_languages[0].lower().startswith(("id", "in")) else ENGLISH
    return INDONESIAN if locale.language() == QLocale.Language.Indonesian else ENGLISH


def resolve_language(setting: str) -> str:
    """The language to use: the stored choice when it is supported, else the system's."""
    return setting if setting in SUPPORTED else system_language()


def translation_files(language: str, folder: Path = paths.TRANSLATIONS) -> list[Path]:
    """Compiled translation files of every area for ``language``, sorted for a stable order.

    A ``.ts`` whose ``.qm`` is missing or older (``python main.py`` run without ``make``) is
    compiled here with pyside6-lrelease when it is available.
    """
    for ts in folder.glob(f"*_{language}.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _compile(ts, qm)
    return sorted(folder.glob(f"*_{language}.qm"))


def _compile(ts: Path, qm: Path) -> None:
    import subprocess
    import sys

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        return
    try:
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as error:
        # The app still starts, in English for this area; say why on the console.
        sys.stderr.write(f"lintas: could not compile {ts.name}: {error}\n")


def install_language(language: str, folder: Path = paths.TRANSLATIONS) -> list[Path]:
    """Replace the app's translators with those for ``language``; return the files loaded.

    English is the source language, so it loads nothing (and removes earlier translators). Also
    sets the default QLocale, so dates and numbers follow the chosen language.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == INDONESIAN:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    loaded: list[Path] = []
    if language == ENGLISH:
        return loaded
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator()
    # Qt ships no qtbase_id.qm today (resources/translations/qt_id.ts covers the Qt widgets users
    # meet); load the official one too when a future Qt ships it.
    if qt_base.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt_base)
        _installed.append(qt_base)
        loaded.append(Path(qt_dir) / f"qtbase_{language}.qm")
    for qm in translation_files(language, folder):
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm)
    return loaded


def current_language() -> str:
    """The language installed by the last :func:`install_language` call."""
    return INDONESIAN if QLocale().language() == QLocale.Language.Indonesian else ENGLISH
