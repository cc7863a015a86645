"""HTML for a ``mou.redline.Redline``: insertions green and underlined, deletions red and struck."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

from mou.redline import ClauseDiff, FieldDiff, Redline, WordOp

INSERT_STYLE = "background-color:#c9f2c7; color:#0b5d1e; text-decoration:underline;"
DELETE_STYLE = "background-color:#f9d0d0; color:#8a1010; text-decoration:line-through;"
_AYAT = re.compile(r"ayat (\d+)( \(en\))?$")


def field_label(name: str) -> str:
    """A redline field name ("heading", "ayat 2 (en)", "valid_until") in the UI language."""
    match = _AYAT.match(name)
    if match:
        label = QCoreApplication.translate("Redline", "Ayat (%1)").replace("%1", match.group(1))
        return label + (
            " — " + QCoreApplication.translate("Redline", "English") if match.group(2) else ""
        )
    labels = {
        "heading": QCoreApplication.translate("Redline", "Heading"),
        "heading_en": QCoreApplication.translate("Redline", "Heading (English)"),
        "body": QCoreApplication.translate("Redline", "Text"),
        "body_en": QCoreApplication.translate("Redline", "Text (English)"),
        "title": QCoreApplication.translate("Redline", "Title"),
        "title_en": QCoreApplication.translate("Redline", "Title (English)"),
        "place": QCoreApplication.translate("Redline", "Place"),
        "agreement_date": QCoreApplication.translate("Redline", "Date"),
        "valid_from": QCoreApplication.translate("Redline", "Valid from"),
        "valid_until": QCoreApplication.translate("Redline", "Valid until"),
        "opening": QCoreApplication.translate("Redline", "Opening (pembukaan)"),
        "closing": QCoreApplication.translate("Redline", "Closing (penutup)"),
        "nomor": QCoreApplication.translate("Redline", "Nomor"),
        "legal_basis": QCoreApplication.translate("Redline", "Legal basis (dasar hukum)"),
    }
    return labels.get(name, name)


def status_text(status: str) -> str:
    """What happened to a pasal between the two revisions."""
    labels = {
        "unchanged": QCoreApplication.translate("Redline", "unchanged"),
        "changed": QCoreApplication.translate("Redline", "changed"),
        "added": QCoreApplication.translate("Redline", "added"),
        "removed": QCoreApplication.translate("Redline", "removed"),
        "moved": QCoreApplication.translate("Redline", "moved"),
    }
    return labels.get(status, status)


def ops_html(ops: list[WordOp]) -> str:
    """Word ops as inline HTML spans."""
    parts = []
    for op in ops:
        text = html.escape(op.text).replace("\n", "<br/>")
        if op.kind == "insert":
            parts.append(f'<span class="ins" style="{INSERT_STYLE}">{text}</span>')
        elif op.kind == "delete":
            parts.append(f'<span class="del" style="{DELETE_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


def _field_html(diff: FieldDiff, changed_only: bool) -> str:
    if changed_only and not diff.changed:
        return ""
    return (
        f'<p style="margin:2px 0 6px 12px;"><b>{html.escape(field_label(diff.field))}:</b> '
        f"{ops_html(diff.ops)}</p>"
    )


def _clause_html(clause: ClauseDiff, changed_only: bool) -> str:
    pasal = QCoreApplication.translate("Redline", "Pasal")
    if clause.status == "moved" and clause.old_number:
        number = f"{pasal} {clause.old_number} → {clause.new_number}"
    else:
        number = f"{pasal} {clause.new_number or clause.old_number}"
    title = f"{number} — {html.escape(clause.heading)}"
    badge = f' <span style="color:#555;">[{html.escape(status_text(clause.status))}]</span>'
    out = [f'<h3 style="margin:10px 0 2px 0;">{title}{badge}</h3>']
    if clause.rounds:
        who = "; ".join(
            QCoreApplication.translate("Redline", "round %1 by %2 (%3)")
            .replace("%1", str(r.round))
            .replace("%2", html.escape(r.office))
            .replace("%3", html.escape(r.author))
            for r in clause.rounds
        )
        proposed = QCoreApplication.translate("Redline", "Proposed in")
        out.append(f'<p style="margin:0 0 4px 12px; color:#0d3c61;">{proposed} {who}</p>')
    out += [_field_html(f, changed_only) for f in clause.fields]
    return "".join(out)


def redline_html(redline: Redline, *, changed_only: bool = True) -> str:
    """The whole comparison as an HTML document for a ``QTextBrowser``."""
    head = (
        QCoreApplication.translate("Redline", "Round %1 (%2) → round %3 (%4)")
        .replace("%1", str(redline.old.round))
        .replace("%2", html.escape(redline.old.office))
        .replace("%3", str(redline.new.round))
        .replace("%4", html.escape(redline.new.office))
    )
    out = [f"<h2>{head}</h2>"]
    inserted = QCoreApplication.translate("Redline", "inserted")
    deleted = QCoreApplication.translate("Redline", "deleted")
    legend = (
        f'<p><span style="{INSERT_STYLE}">{inserted}</span> &nbsp; '
        f'<span style="{DELETE_STYLE}">{deleted}</span></p>'
    )
    out.append(legend)
    if redline.header:
        heading = QCoreApplication.translate("Redline", "Heading of the agreement")
        out.append(f"<h3>{heading}</h3>")
        out += [_field_html(f, True) for f in redline.header]
    clauses = redline.changed_clauses if changed_only else redline.clauses
    if not clauses and not redline.header:
        same = QCoreApplication.translate("Redline", "The two revisions have the same pasal text.")
        out.append(f"<p><i>{same}</i></p>")
    out += [_clause_html(c, changed_only) for c in clauses]
    annex = [(n, "insert") for n in redline.annex_added] + [
        (n, "delete") for n in redline.annex_removed
    ]
    if annex:
        lampiran = QCoreApplication.translate("Redline", "Lampiran (applications)")
        out.append(f"<h3>{lampiran}</h3><ul>")
        out += [f"<li>{ops_html([WordOp(kind, name)])}</li>" for name, kind in annex]  # type: ignore[arg-type]
        out.append("</ul>")
    obligations = (
        [(w, "insert") for w in redline.obligations_added]
        + [(w, "delete") for w in redline.obligations_removed]
        + [(w, "equal") for w in redline.obligations_changed]
    )
    if obligations:
        title = QCoreApplication.translate("Redline", "Obligations (Kewajiban)")
        changed = QCoreApplication.translate("Redline", "changed")
        out.append(f"<h3>{title}</h3><ul>")
        for what, kind in obligations:
            suffix = f" ({changed})" if kind == "equal" else ""
            out.append(f"<li>{ops_html([WordOp(kind, what)])}{suffix}</li>")  # type: ignore[arg-type]
        out.append("</ul>")
    return "".join(out)
