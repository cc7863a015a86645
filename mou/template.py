"""Agreement templates: TOML data files in ``resources/templates/`` (users can add their own).

A template names its kind, the order of the document's sections and the text of each (Indonesian
first, English parallel text optional) with ``{placeholders}`` that are filled from the parties,
place and date when an agreement is instantiated. See the shipped files for the placeholders.
"""

from __future__ import annotations

import datetime as dt
import string
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from mou import models
from mou.agreement import (
    AgreementCode,
    AgreementError,
    AgreementKind,
    PartyInput,
    create_agreement,
    role_label,
    touch,
)
from mou.clause import add_clause
from mou.messages import DomainMessage
from mou.office import Actor
from mou.terbilang import english_date, pembukaan_date, terbilang

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"
PLACEHOLDERS = {
    "pihak_pertama", "pihak_kedua", "PIHAK_PERTAMA", "PIHAK_KEDUA", "kepala_pertama",
    "kepala_kedua", "jabatan_pertama", "jabatan_kedua", "alamat_pertama", "alamat_kedua",
    "tempat", "tanggal_terbilang", "tanggal_en", "jangka_waktu", "jangka_waktu_terbilang",
    "jangka_waktu_en",
    "judul", "judul_en", "JUDUL", "kesepakatan_bersama", "nomor", "kepala", "jabatan", "alamat",
    "pihak", "label", "label_en",
}  # fmt: skip
_LABEL_EN = {1: "FIRST PARTY", 2: "SECOND PARTY", 3: "THIRD PARTY"}
_ONES_EN = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS_EN = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TYPEFACES = ("bookman", "arial")  # as mou.pdf.styles.TYPEFACES names them


def english_number(n: int) -> str:
    """ "five", "twenty-one": the English words of 0..99 (terms in years), digits beyond."""
    if 0 <= n < 20:
        return _ONES_EN[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return _TENS_EN[tens] + (f"-{_ONES_EN[ones]}" if ones else "")
    return str(n)


@dataclass(frozen=True)
class DocumentOptions:
    """How a template's documents are typeset and signed (``[typography]``, ``[halaman]``,
    ``[penandatanganan]``); the renderer takes these as they are."""

    typeface: str = "bookman"
    size: float = 12.0
    # top, right, bottom, left
    margins_mm: tuple[float, float, float, float] = (20.0, 20.0, 30.0, 30.0)
    e_meterai: bool = False


class TemplateCode(StrEnum):
    """Codes of ``TemplateError`` (see :mod:`mou.messages`); ``file`` names the template file."""

    UNREADABLE = "template.unreadable"
    NOT_TOML = "template.not_toml"
    KEY_MISSING = "template.key_missing"
    UNKNOWN_KIND = "template.unknown_kind"
    BROKEN_PLACEHOLDER = "template.broken_placeholder"
    UNKNOWN_PLACEHOLDER = "template.unknown_placeholder"
    PASAL_INCOMPLETE = "template.pasal_incomplete"
    SECTION_MISSING = "template.section_missing"
    NO_SUCH_TEMPLATE = "template.no_such_template"


class TemplateError(Exception):
    """A template file cannot be used; the message names the file and the problem.

    ``message`` carries a ``TemplateCode`` and params for the UI's translation.
    """

    def __init__(self, text: str = "", *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


@dataclass(frozen=True)
class TemplatePasal:
    """One pasal of a template."""

    section: str
    heading: str
    heading_en: str = ""
    body: str = ""
    body_en: str = ""
    ayat: tuple[str, ...] = ()
    ayat_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """A parsed template file."""

    id: str
    kind: AgreementKind
    name: str
    name_en: str
    path: Path
    sections: tuple[str, ...]
    pasal: tuple[TemplatePasal, ...]
    data: dict[str, Any] = field(repr=False)
    default_title: str = ""
    default_title_en: str = ""
    default_years: int = 5

    def text(self, section: str, key: str, default: str = "") -> str:
        """A text entry of a non-pasal section (``""`` when absent)."""
        return str(self.data.get(section, {}).get(key, default))

    def options(self) -> DocumentOptions:
        """Typeface, size, margins and e-Meterai from the file; defaults for what is missing.

        An unknown typeface or a value that is not a number falls back to the default rather
        than refusing the template: the text, which the parties agree on, is unaffected.
        """
        default = DocumentOptions()
        typography = self.data.get("typography", {})
        page = self.data.get("halaman", {})
        typeface = str(typography.get("typeface", default.typeface)).lower()

        def number(table: dict[str, Any], key: str, fallback: float, low: float, high: float):
            value = table.get(key, fallback)
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            return float(value) if ok and low <= value <= high else fallback

        margins = tuple(
            number(page, f"margin_{side}", fallback, 5, 60)
            for side, fallback in zip(
                ("top", "right", "bottom", "left"), default.margins_mm, strict=True
            )
        )
        return DocumentOptions(
            typeface=typeface if typeface in TYPEFACES else default.typeface,
            size=number(typography, "size", default.size, 9, 14),
            margins_mm=margins,  # type: ignore[arg-type]
            e_meterai=self.data.get("penandatanganan", {}).get("e_meterai") is True,
        )


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def load_template(path: Path) -> Template:
    """Parse and validate one template file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            f"{path.name}: cannot be read ({exc})",
            code=TemplateCode.UNREADABLE,
            file=path.name,
            detail=str(exc),
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(
            f"{path.name}: not valid TOML ({exc})",
            code=TemplateCode.NOT_TOML,
            file=path.name,
            detail=str(exc),
        ) from exc
    for key in ("id", "kind", "name", "sections", "pasal"):
        if key not in data:
            raise TemplateError(
                f"{path.name}: the key {key!r} is missing",
                code=TemplateCode.KEY_MISSING,
                file=path.name,
                key=key,
            )
    try:
        kind = AgreementKind(data["kind"])
    except ValueError as exc:
        raise TemplateError(
            f"{path.name}: unknown kind {data['kind']!r}",
            code=TemplateCode.UNKNOWN_KIND,
            file=path.name,
            kind=str(data["kind"]),
        ) from exc
    for text in _strings(data):
        try:
            unknown = _placeholders(text) - PLACEHOLDERS
        except ValueError as exc:
            raise TemplateError(
                f"{path.name}: broken placeholder in {text[:40]!r}",
                code=TemplateCode.BROKEN_PLACEHOLDER,
                file=path.name,
                text=text[:40],
            ) from exc
        if unknown:
            raise TemplateError(
                f"{path.name}: unknown placeholder {{{sorted(unknown)[0]}}}",
                code=TemplateCode.UNKNOWN_PLACEHOLDER,
                file=path.name,
                placeholder=sorted(unknown)[0],
            )
    pasal = []
    for index, item in enumerate(data["pasal"], start=1):
        if "heading" not in item or "section" not in item:
            raise TemplateError(
                f"{path.name}: pasal {index} needs 'section' and 'heading'",
                code=TemplateCode.PASAL_INCOMPLETE,
                file=path.name,
                index=index,
            )
        pasal.append(
            TemplatePasal(
                section=item["section"],
                heading=item["heading"],
                heading_en=item.get("heading_en", ""),
                body=item.get("body", ""),
                body_en=item.get("body_en", ""),
                ayat=tuple(item.get("ayat", [])),
                ayat_en=tuple(item.get("ayat_en", [])),
            )
        )
    sections = tuple(data["sections"])
    missing = [p.section for p in pasal if p.section not in sections]
    if missing:
        raise TemplateError(
            f"{path.name}: pasal section {missing[0]!r} is not in 'sections'",
            code=TemplateCode.SECTION_MISSING,
            file=path.name,
            section=str(missing[0]),
        )
    return Template(
        id=str(data["id"]),
        kind=kind,
        name=str(data["name"]),
        name_en=str(data.get("name_en", "")),
        path=Path(path),
        sections=sections,
        pasal=tuple(pasal),
        data=data,
        default_title=str(data.get("default_title", "")),
        default_title_en=str(data.get("default_title_en", "")),
        default_years=int(data.get("default_years", 5)),
    )


def list_templates(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> list[Template]:
    """Shipped templates plus those in ``extra_dirs`` (a user's file with the same id wins).

    Broken user files are skipped here; ``template_problems`` reports them to the UI.
    """
    found: dict[str, Template] = {}
    for folder in (BUILTIN_DIR, *extra_dirs):
        for path in sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []:
            try:
                tpl = load_template(path)
            except TemplateError:
                continue
            found[tpl.id] = tpl
    return sorted(found.values(), key=lambda t: t.name)


def template_problems(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> list[str]:
    """Why each unusable template file in the folders was skipped."""
    problems = []
    for folder in (BUILTIN_DIR, *extra_dirs):
        for path in sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []:
            try:
                load_template(path)
            except TemplateError as exc:
                problems.append(str(exc))
    return problems


def get_template(template_id: str, extra_dirs: list[Path] | tuple[Path, ...] = ()) -> Template:
    """The template with this id (``TemplateError`` when there is none)."""
    for tpl in list_templates(extra_dirs):
        if tpl.id == template_id:
            return tpl
    raise TemplateError(
        f"No template with id {template_id!r}",
        code=TemplateCode.NO_SUCH_TEMPLATE,
        template=template_id,
    )


def _values(
    parties: list[PartyInput],
    *,
    place: str,
    day: dt.date,
    title: str,
    title_en: str,
    years: int,
    implements_title: str,
) -> dict[str, str]:
    first, second = parties[0], parties[1]
    return {
        "pihak_pertama": first.name,
        "pihak_kedua": second.name,
        "PIHAK_PERTAMA": first.name.upper(),
        "PIHAK_KEDUA": second.name.upper(),
        "kepala_pertama": first.head_name,
        "kepala_kedua": second.head_name,
        "jabatan_pertama": first.head_title,
        "jabatan_kedua": second.head_title,
        "alamat_pertama": first.address or first.name,
        "alamat_kedua": second.address or second.name,
        "tempat": place,
        "tanggal_terbilang": pembukaan_date(day),
        "tanggal_en": english_date(day),
        "jangka_waktu": f"{years} ({terbilang(years)})",
        "jangka_waktu_terbilang": terbilang(years),
        "jangka_waktu_en": f"{years} ({english_number(years)})",
        "judul": title,
        "judul_en": title_en or title,
        "JUDUL": title.upper(),
        "kesepakatan_bersama": implements_title,
        "nomor": "",
    }


def fill(text: str, values: dict[str, str]) -> str:
    """Fill ``{placeholders}``; one not provided stays visible as ``{name}`` for the drafter."""

    class _Keep(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return text.format_map(_Keep(values))


def instantiate(
    session: Session,
    actor: Actor,
    template: Template,
    parties: list[PartyInput],
    *,
    place: str,
    agreement_date: dt.date,
    title: str | None = None,
    title_en: str | None = None,
    years: int | None = None,
    implements: models.Agreement | str | None = None,
) -> models.Agreement:
    """Create a draft agreement from ``template`` for ``parties`` (two or more)."""
    if len(parties) < 2:
        raise AgreementError(
            "An agreement needs at least two parties", code=AgreementCode.TOO_FEW_PARTIES
        )
    years = years or template.default_years
    title = title or template.default_title
    title_en = title_en if title_en is not None else template.default_title_en
    implements_title = (
        implements.title if isinstance(implements, models.Agreement) else (implements or "")
    )
    values = _values(
        parties,
        place=place,
        day=agreement_date,
        title=title,
        title_en=title_en,
        years=years,
        implements_title=implements_title,
    )
    try:
        valid_until = agreement_date.replace(year=agreement_date.year + years)
    except ValueError:  # 29 February
        valid_until = agreement_date.replace(year=agreement_date.year + years, day=28)
    agreement = create_agreement(
        session,
        actor,
        kind=template.kind,
        title=title,
        title_en=title_en,
        parties=parties,
        place=place,
        agreement_date=agreement_date,
        valid_from=agreement_date,
        valid_until=valid_until - dt.timedelta(days=1),
        implements=implements,
        template_id=template.id,
    )
    agreement.opening = fill(template.text("pembukaan", "text"), values)
    agreement.opening_en = fill(template.text("pembukaan", "text_en"), values)
    basis = template.data.get("dasar_hukum", {})
    agreement.legal_basis = [fill(s, values) for s in basis.get("items", [])]
    agreement.legal_basis_en = [fill(s, values) for s in basis.get("items_en", [])]
    closing_key = "closing_e_meterai" if template.options().e_meterai else "closing"
    agreement.closing = fill(
        template.text("penutup", closing_key) or template.text("penutup", "closing"), values
    )
    agreement.closing_en = fill(template.text("penutup", "closing_en"), values)
    for pasal in template.pasal:
        ayat_en = list(pasal.ayat_en) + [""] * (len(pasal.ayat) - len(pasal.ayat_en))
        add_clause(
            session,
            agreement,
            actor,
            heading=fill(pasal.heading, values),
            heading_en=fill(pasal.heading_en, values),
            body=fill(pasal.body, values),
            body_en=fill(pasal.body_en, values),
            ayat=[
                (fill(a, values), fill(e, values)) for a, e in zip(pasal.ayat, ayat_en, strict=True)
            ],
        )
    touch(session, agreement, "template")
    return agreement


@dataclass(frozen=True)
class OutlineSection:
    """One section of the document as plain text (preview, tests, plain-text export)."""

    section: str
    text: str
    text_en: str = ""


def document_outline(agreement: models.Agreement, template: Template) -> list[OutlineSection]:
    """The whole document as text, section by section, in the template's order."""
    parties = sorted(agreement.parties, key=lambda p: p.position)
    inputs = [
        PartyInput(p.name, p.head_name, p.head_title, p.nomor, p.head_nip, p.office_uuid, p.address)
        for p in parties
    ]
    values = _values(
        inputs,
        place=agreement.place,
        day=agreement.agreement_date or dt.date.today(),
        title=agreement.title,
        title_en=agreement.title_en,
        years=_years(agreement, template),
        implements_title=agreement.implements_title,
    )
    pasal_sections = {p.section for p in template.pasal}
    clauses = sorted(agreement.clauses, key=lambda c: c.position)
    out: list[OutlineSection] = []
    emitted_pasal = False
    for section in template.sections:
        if section in pasal_sections:
            # All pasal go where the template's first pasal is; the drafters may have added,
            # removed or moved some, so the clauses, not the template, decide their order.
            if not emitted_pasal:
                emitted_pasal = True
                out += [OutlineSection(_section_id(c.heading), *_pasal_text(c)) for c in clauses]
            continue
        out += _outline_section(section, agreement, template, parties, values)
    if agreement.closing:
        index = next((i for i, s in enumerate(out) if s.section == "tanda_tangan"), len(out))
        before = out[index - 1] if index else None
        if before is not None and before.section == "penutup":
            out[index - 1] = OutlineSection(
                "penutup",
                before.text + "\n" + agreement.closing,
                "\n".join(t for t in (before.text_en, agreement.closing_en) if t),
            )
        else:
            out.insert(index, OutlineSection("penutup", agreement.closing, agreement.closing_en))
    return out


def _section_id(heading: str) -> str:
    return "_".join(heading.lower().split())


def _outline_section(
    section: str,
    agreement: models.Agreement,
    template: Template,
    parties: list[models.Party],
    values: dict[str, str],
) -> list[OutlineSection]:
    if section == "nomor":
        line = template.text("nomor", "text")
        return [OutlineSection(section, fill(line, {**values, "nomor": p.nomor})) for p in parties]
    if section == "pembukaan":
        return [OutlineSection(section, agreement.opening, agreement.opening_en)]
    if section == "identitas_para_pihak":
        return [OutlineSection(section, *_identitas(parties, template, values))]
    if section == "dasar_hukum":
        basis = template.data.get("dasar_hukum", {})
        items = [f"{i}. {s}" for i, s in enumerate(agreement.legal_basis, start=1)]
        items_en = [f"{i}. {s}" for i, s in enumerate(agreement.legal_basis_en, start=1)]
        text = [
            fill(basis.get("intro", ""), values),
            *items,
            fill(basis.get("agreeing", ""), values),
        ]
        text_en = [
            fill(basis.get("intro_en", ""), values),
            *items_en,
            fill(basis.get("agreeing_en", ""), values),
        ]
        return [OutlineSection(section, "\n".join(text), "\n".join(text_en))]
    if section == "tanda_tangan":
        block = template.text("tanda_tangan", "block")
        blocks = [
            fill(
                block,
                {
                    **values,
                    "label": role_label(p.position),
                    "jabatan": p.head_title,
                    "kepala": p.head_name,
                },
            )
            for p in parties
        ]
        return [OutlineSection(section, "\n\n".join(blocks))]
    if section == "penutup":
        return []  # the closing sentence is added after the last pasal
    return [
        OutlineSection(
            section,
            fill(template.text(section, "text"), values),
            fill(template.text(section, "text_en"), values),
        )
    ]


def _years(agreement: models.Agreement, template: Template) -> int:
    if agreement.valid_from and agreement.valid_until:
        return max(1, round((agreement.valid_until - agreement.valid_from).days / 365.25))
    return template.default_years


def _identitas(
    parties: list[models.Party], template: Template, values: dict[str, str]
) -> tuple[str, str]:
    lines, lines_en = [], []
    for p in parties:
        v = {
            **values,
            "kepala": p.head_name,
            "jabatan": p.head_title,
            "alamat": p.address or p.name,
            "pihak": p.name,
            "label": role_label(p.position),
            "label_en": _LABEL_EN.get(p.position, f"PARTY {p.position}"),
        }
        lines.append(f"{p.position}. " + fill(template.text("identitas_para_pihak", "party"), v))
        lines_en.append(
            f"{p.position}. " + fill(template.text("identitas_para_pihak", "party_en"), v)
        )
    lines.append(template.text("identitas_para_pihak", "together"))
    lines_en.append(template.text("identitas_para_pihak", "together_en"))
    return "\n".join(lines), "\n".join(lines_en)


def _pasal_text(clause: models.Clause) -> tuple[str, str]:
    ayat = sorted(clause.ayat, key=lambda a: a.position)
    text = [f"Pasal {clause.number}", clause.heading]
    text_en = [f"Article {clause.number}", clause.heading_en]
    if clause.body:
        text.append(clause.body)
    if clause.body_en:
        text_en.append(clause.body_en)
    text += [f"({a.number}) {a.text}" for a in ayat]
    text_en += [f"({a.number}) {a.text_en}" for a in ayat if a.text_en]
    return "\n".join(text), "\n".join(t for t in text_en if t)


def pdf_options(template_id: str, extra_dirs: list[Path] | tuple[Path, ...] = ()) -> dict[str, Any]:
    """``PdfDocument`` keyword arguments for the typesetting of ``template_id``'s documents.

    An agreement whose template is gone (a user file deleted) keeps the default typesetting.
    """
    from mou.pdf.document import PageMargins

    try:
        options = get_template(template_id, extra_dirs).options() if template_id else None
    except TemplateError:
        options = None
    options = options or DocumentOptions()
    top, right, bottom, left = options.margins_mm
    return {
        "typeface": options.typeface,
        "font_size": options.size,
        "margins": PageMargins(top=top, right=right, bottom=bottom, left=left),
        "e_meterai": options.e_meterai,
    }
