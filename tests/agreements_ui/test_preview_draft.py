"""Draft preview in the editor: real pages of the working copy, marked KONSEP, following the typing."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tests.agreements_ui.conftest import create_agreement
from ui.agreements.page import Page


def open_preview(qtbot, context, agreement_id: int, size=(1366, 768)) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.open_agreement(agreement_id)
    editor = page.editor
    editor.preview_toggle.setChecked(True)
    qtbot.waitUntil(lambda: editor.preview.page_count > 0, timeout=20000)
    return page


def pdf_text(data: bytes, tmp_path: Path, name: str = "preview.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def grey_share(image) -> float:
    """Share of sampled pixels in the watermark's light grey (neither white nor text-dark)."""
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = image.pixelColor(x, y)
            total += 1
            if 200 <= colour.red() <= 235 and abs(colour.red() - colour.blue()) < 6:
                hits += 1
    return hits / total


def test_preview_renders_konsep_pages_and_follows_typing(qtbot, context, tmp_path, screenshots):
    agreement_id = create_agreement(context)
    page = open_preview(qtbot, context, agreement_id)
    editor = page.editor
    preview = editor.preview
    text = pdf_text(preview.pdf, tmp_path)
    pages = text.split("\f")[:-1]
    assert len(pages) == preview.page_count >= 3
    assert all("KONSEP" in p for p in pages), "every page is marked as a draft"
    assert "KESEPAKATAN BERSAMA" in text and "Halaman 1 dari" in text  # the final layout
    # The diagonal watermark really is painted: a light-grey band on the page image.
    image = preview.page_image(0)
    assert image is not None and image.width() > 200
    assert grey_share(image) > 0.03

    # Type into an ayat: after the pause the preview shows the new words (not yet autosaved).
    form = editor.clause_form
    for row in range(editor.clause_list.list.count()):
        editor.clause_list.list.setCurrentRow(row)
        if form.ayat_table.rowCount():
            break
    assert form.ayat_table.rowCount(), "the template has a pasal with ayat"
    before = preview.pdf
    form.ayat_table.item(0, 0).setText("Para pihak menyepakati kalimat uji pratinjau Rajawali.")
    assert editor.autosaver.pending, "the text is typed, not saved"
    qtbot.waitUntil(lambda: preview.pdf != before, timeout=20000)
    assert "pratinjau Rajawali" in " ".join(pdf_text(preview.pdf, tmp_path).split())
    editor.grab().save(str(screenshots / "preview_editor_en.png"))


def test_preview_keeps_scroll_and_drops_stale_renders(qtbot, context, tmp_path):
    agreement_id = create_agreement(context)
    page = open_preview(qtbot, context, agreement_id)
    preview = page.editor.preview
    bar = preview.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the pages are laid out
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    assert where > 0
    updates: list[int] = []
    preview.sig_updated.connect(updates.append)
    # A burst of requests: only the newest result reaches the screen.
    for _ in range(5):
        preview.render_now()
    qtbot.waitUntil(lambda: len(updates) >= 1 and not preview._busy, timeout=30000)
    QCoreApplication.processEvents()
    assert len(updates) == 1, "only the newest render reaches the screen"
    assert bar.value() == where, "the reader stays on the page they were reading"
    assert preview.wait()


def test_preview_in_indonesian(qtbot, context, indonesian, screenshots):
    agreement_id = create_agreement(context)
    page = open_preview(qtbot, context, agreement_id)
    editor = page.editor
    assert editor.preview_toggle.text() == "Pratinjau halaman"
    assert editor.side_tabs.isHidden(), "the page takes the side panels' place"
    assert editor.preview.status_label.text().startswith("Halaman: ")
    editor.grab().save(str(screenshots / "preview_editor_id.png"))


def test_preview_follows_the_chosen_pasal(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_preview(qtbot, context, agreement_id)
    editor = page.editor
    preview = editor.preview
    last = editor.clause_list.list.count()
    assert set(preview.pasal_pages) == set(range(1, last + 1)), "every pasal found in the outline"
    target = preview.pasal_pages[last]
    assert target > 0
    editor.clause_list.list.setCurrentRow(last - 1)
    bar = preview.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0 and target in preview._visible())
    assert preview._visible()[0] == target, "the pasal's page is at the top of the view"
    # Typing in that pasal re-renders without moving the view away from it.
    where = preview.scroll.verticalScrollBar().value()
    before = preview.pdf
    editor.clause_form.heading_edit.setText("PENUTUP DAN KETENTUAN LAIN")
    editor.clause_form.heading_edit.textEdited.emit("PENUTUP DAN KETENTUAN LAIN")
    qtbot.waitUntil(lambda: preview.pdf != before, timeout=20000)
    qtbot.wait(20)
    assert preview.scroll.verticalScrollBar().value() == where
