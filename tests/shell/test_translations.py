"""Indonesian is complete for every UI string, and the app follows an Indonesian system locale."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui import paths

ROOT = paths.ROOT
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def _finished_indonesian() -> set[tuple[str, str]]:
    """(context, source) pairs with a finished, non-empty translation in the committed files."""
    finished: set[tuple[str, str]] = set()
    for ts in sorted(paths.TRANSLATIONS.glob("*_id.ts")):
        for context, source, message in _messages(ts):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "vanished",
                "obsolete",
            }:
                continue
            if (translation.text or "").strip():
                finished.add((context, source))
    return finished


def test_every_ui_string_has_a_finished_indonesian_translation(tmp_path: Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    extracted = tmp_path / "all_ui.ts"
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(extracted), "-no-obsolete", "-locations", "absolute"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wanted = _messages(extracted)
    assert len(wanted) > 100, "lupdate found suspiciously few strings; is tr() still used?"
    finished = _finished_indonesian()
    missing = []
    for context, source, message in wanted:
        if (context, source) not in finished:
            where = message.find("location")
            place = "?"
            if where is not None:
                filename = Path(where.get("filename") or "?")
                if filename.is_absolute() or ".." in filename.parts:
                    filename = Path(os.path.relpath((tmp_path / filename).resolve(), ROOT))
                place = f"{filename}:{where.get('line')}"
            missing.append(f"{place} [{context}] {source!r}")
    assert not missing, (
        f"{len(missing)} UI string(s) lack a finished Indonesian translation in "
        "resources/translations/*_id.ts:\n" + "\n".join(missing)
    )


def test_shell_translation_file_compiles_without_unfinished_entries(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    proc = subprocess.run(
        [str(lrelease), str(paths.TRANSLATIONS / "shell_id.ts"), "-qm", str(tmp_path / "s.qm")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 unfinished" in proc.stdout
    assert (tmp_path / "s.qm").stat().st_size > 1000


_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication
from pathlib import Path
from ui import i18n
app = QCoreApplication([])
language = i18n.resolve_language("")
i18n.install_language(language, Path(sys.argv[1]))
print(language)
print(QCoreApplication.translate("Navigation", "Agreements"))
"""


def _run_probe(locale: str, qm_dir: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL=locale, LANG=locale, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(qm_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return proc.stdout.split("\n")


def test_indonesian_system_locale_picks_indonesian(compiled_translations: Path) -> None:
    language, agreements, *_ = _run_probe("id_ID.UTF-8", compiled_translations)
    assert language == "id"
    assert agreements == "Kesepakatan"


def test_other_system_locales_pick_english(compiled_translations: Path) -> None:
    for locale in ("en_US.UTF-8", "de_DE.UTF-8", "C"):
        language, agreements, *_ = _run_probe(locale, compiled_translations)
        assert (language, agreements) == ("en", "Agreements"), locale


def test_saved_language_overrides_the_system() -> None:
    from ui import i18n

    assert i18n.resolve_language("id") == "id"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("xx") in i18n.SUPPORTED


def test_install_language_loads_every_area_and_english_unloads(
    qapp: object, compiled_translations: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    loaded = i18n.install_language("id", compiled_translations)
    names = {p.name for p in loaded}
    expected = {ts.with_suffix(".qm").name for ts in paths.TRANSLATIONS.glob("*_id.ts")}
    assert expected <= names and "shell_id.qm" in names
    assert i18n.current_language() == "id"
    assert QCoreApplication.translate("Navigation", "Archive") == "Arsip"
    assert i18n.install_language("en", compiled_translations) == []
    assert QCoreApplication.translate("Navigation", "Archive") == "Archive"
    assert i18n.current_language() == "en"


def test_missing_or_stale_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    import shutil

    from ui import i18n

    shutil.copy(paths.TRANSLATIONS / "shell_id.ts", tmp_path / "shell_id.ts")
    files = i18n.translation_files("id", tmp_path)
    assert files == [tmp_path / "shell_id.qm"]
    assert files[0].stat().st_size > 1000


def test_qt_own_buttons_and_dialogs_speak_indonesian(
    qapp: object, compiled_translations: Path
) -> None:
    """Qt ships no Indonesian for its own widgets; ``qt_id.ts`` covers the ones users meet."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui import i18n

    i18n.install_language("id", compiled_translations)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Save
        )
        texts = {button.text().replace("&", "") for button in box.buttons()}
        assert texts == {"OK", "Batal", "Simpan"}
    finally:
        i18n.install_language("en", compiled_translations)
