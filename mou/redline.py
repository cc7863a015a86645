"""Redlines: compare any two revisions per pasal and at word level, attributing each change.

Clauses are matched by their stable uuid, so a moved pasal shows as moved (renumbered), not as
deleted and re-added. Word-level differences come from ``difflib.SequenceMatcher`` over tokens
that keep whitespace, so joining the ``text`` of all ops of one side gives back that side exactly.
When the newer revision descends from the older one, every changed pasal lists the rounds (and the
office that saved them) in which it changed in between.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from mou import models
from mou.revision import ancestors, content_of, is_ancestor, revisions

OpKind = Literal["equal", "insert", "delete"]
ClauseStatus = Literal["unchanged", "changed", "added", "removed", "moved"]
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class WordOp:
    """A run of tokens that is equal in both, only in the new (insert) or only in the old text."""

    kind: OpKind
    text: str


@dataclass(frozen=True)
class Round:
    """Who proposed a change: the round, the office and person that saved it, and its hash."""

    round: int
    office: str
    author: str
    hash: str
    created_at: dt.datetime | None = None  # when the round was saved (time-zone aware)


@dataclass
class FieldDiff:
    """Word-level difference of one field of a pasal (heading, body, an ayat, ...)."""

    field: str
    ops: list[WordOp]

    @property
    def changed(self) -> bool:
        """True when any op is an insert or delete."""
        return any(op.kind != "equal" for op in self.ops)


@dataclass
class ClauseDiff:
    """The comparison of one pasal."""

    uuid: str
    old_number: int | None
    new_number: int | None
    heading: str
    status: ClauseStatus
    fields: list[FieldDiff] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)


@dataclass
class Redline:
    """The comparison of two revisions."""

    old: Round
    new: Round
    clauses: list[ClauseDiff]
    header: list[FieldDiff]
    annex_added: list[str]
    annex_removed: list[str]
    obligations_added: list[str]
    obligations_removed: list[str]
    obligations_changed: list[str]

    @property
    def changed_clauses(self) -> list[ClauseDiff]:
        """Only the pasal that differ."""
        return [c for c in self.clauses if c.status != "unchanged"]


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level ops turning ``old`` into ``new``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", "".join(b[j1:j2])))
    return _coalesce(ops)


def _coalesce(ops: list[WordOp]) -> list[WordOp]:
    """Join replacements separated only by spaces into one ("[-a b-]{+c d+}", not "[-a-]{+c+}
    [-b-]{+d+}"): a reader compares phrases, not alternating words. Both sides still rebuild."""
    out: list[WordOp] = []
    i = 0
    while i < len(ops):
        if ops[i].kind == "equal":
            out.append(ops[i])
            i += 1
            continue
        old = new = ""
        while i < len(ops):
            op = ops[i]
            if op.kind == "delete":
                old += op.text
            elif op.kind == "insert":
                new += op.text
            elif (
                op.text.isspace()
                and old
                and new
                and i + 1 < len(ops)
                and ops[i + 1].kind != "equal"
            ):
                old += op.text
                new += op.text
            else:
                break
            i += 1
        if old:
            out.append(WordOp("delete", old))
        if new:
            out.append(WordOp("insert", new))
    return out


def _clause_fields(clause: dict[str, Any] | None) -> dict[str, str]:
    if clause is None:
        return {}
    out = {
        "heading": clause["heading"],
        "body": clause["body"],
        "heading_en": clause["heading_en"],
        "body_en": clause["body_en"],
    }
    for index, ayat in enumerate(clause["ayat"], start=1):
        out[f"ayat {index}"] = ayat["text"]
        out[f"ayat {index} (en)"] = ayat["text_en"]
    return out


def _field_diffs(old: dict[str, str], new: dict[str, str]) -> list[FieldDiff]:
    names = list(dict.fromkeys([*old, *new]))
    diffs = []
    for name in names:
        a, b = old.get(name, ""), new.get(name, "")
        if a or b:
            diffs.append(FieldDiff(name, word_diff(a, b)))
    return diffs


def _round(rev: models.Revision) -> Round:
    created = rev.created_at
    if created is not None and created.tzinfo is None:  # SQLite hands back naive UTC
        created = created.replace(tzinfo=dt.UTC)
    return Round(rev.round, rev.author_office_name, rev.author_name, rev.hash, created)


def _clause_key(clause: dict[str, Any] | None) -> str:
    return repr(_clause_fields(clause))


def compare_content(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[list[ClauseDiff], list[FieldDiff]]:
    """Per-pasal and header differences between two snapshots."""
    old_clauses = {c["uuid"]: (n, c) for n, c in enumerate(old["clauses"], start=1)}
    new_clauses = {c["uuid"]: (n, c) for n, c in enumerate(new["clauses"], start=1)}
    result: list[ClauseDiff] = []
    for uuid, (number, clause) in new_clauses.items():
        before = old_clauses.get(uuid)
        fields = _field_diffs(_clause_fields(before[1] if before else None), _clause_fields(clause))
        if before is None:
            status: ClauseStatus = "added"
        elif any(f.changed for f in fields):
            status = "changed"
        elif before[0] != number:
            status = "moved"
        else:
            status = "unchanged"
        result.append(
            ClauseDiff(
                uuid, before[0] if before else None, number, clause["heading"], status, fields
            )
        )
    for uuid, (number, clause) in old_clauses.items():
        if uuid not in new_clauses:
            fields = _field_diffs(_clause_fields(clause), {})
            result.append(ClauseDiff(uuid, number, None, clause["heading"], "removed", fields))
    header_keys = ("title", "title_en", "place", "agreement_date", "valid_from", "valid_until",
                   "opening", "closing")  # fmt: skip
    header = [
        FieldDiff(
            k, word_diff(str(old["agreement"].get(k) or ""), str(new["agreement"].get(k) or ""))
        )
        for k in header_keys
    ]
    old_nomor = " | ".join(p["nomor"] for p in old["parties"])
    new_nomor = " | ".join(p["nomor"] for p in new["parties"])
    header.append(FieldDiff("nomor", word_diff(old_nomor, new_nomor)))
    basis_old = "\n".join(old["agreement"].get("legal_basis") or [])
    basis_new = "\n".join(new["agreement"].get("legal_basis") or [])
    header.append(FieldDiff("legal_basis", word_diff(basis_old, basis_new)))
    return result, [h for h in header if h.changed]


def compare(session: Session, old: models.Revision, new: models.Revision) -> Redline:
    """Redline from ``old`` to ``new`` (any two revisions of one agreement)."""
    if old.agreement_id != new.agreement_id:
        raise ValueError("Both revisions must belong to the same agreement")
    old_content, new_content = content_of(old), content_of(new)
    clauses, header = compare_content(old_content, new_content)
    _attribute(session, old, new, clauses)
    old_apps = {i["name"] for i in old_content["annex"]}
    new_apps = {i["name"] for i in new_content["annex"]}
    old_obl = {o["uuid"]: o for o in old_content["obligations"]}
    new_obl = {o["uuid"]: o for o in new_content["obligations"]}
    return Redline(
        old=_round(old),
        new=_round(new),
        clauses=sorted(
            clauses, key=lambda c: (c.new_number or c.old_number or 0, c.new_number is None)
        ),
        header=header,
        annex_added=sorted(new_apps - old_apps),
        annex_removed=sorted(old_apps - new_apps),
        obligations_added=[o["what"] for u, o in new_obl.items() if u not in old_obl],
        obligations_removed=[o["what"] for u, o in old_obl.items() if u not in new_obl],
        obligations_changed=[
            o["what"] for u, o in new_obl.items() if u in old_obl and old_obl[u] != o
        ],
    )


def _attribute(
    session: Session, old: models.Revision, new: models.Revision, clauses: list[ClauseDiff]
) -> None:
    """Fill ``rounds`` of each changed pasal with the rounds between the two that shaped it.

    Like a blame, it walks back from ``new`` (merge parents included) until it reaches what
    ``old`` already had. Where a pasal is the same as in one parent, its text came through that
    parent and the walk follows it alone; where it differs from every parent, that round wrote
    it. So after a reconcile the counterpart's changes stay with the counterpart's own rounds
    (the merge took them over unchanged), a conflict kept as ours stays ours (the other side's
    overruled text is not in the result), and new text written in the merge is the merger's.
    """
    wanted = {c.uuid: c for c in clauses if c.status != "unchanged"}
    if not wanted:
        return
    if not is_ancestor(session, old, new):
        for c in wanted.values():
            c.rounds = [_round(new)]
        return
    rows = {r.hash: r for r in revisions(session, new.agreement_id)}
    before = {r.hash for r in ancestors(session, old)}
    maps: dict[str, dict[str, tuple[int, str]]] = {}

    def clause_map(rev: models.Revision) -> dict[str, tuple[int, str]]:
        if rev.hash not in maps:
            maps[rev.hash] = {
                c["uuid"]: (n, _clause_key(c)) for n, c in enumerate(content_of(rev)["clauses"])
            }
        return maps[rev.hash]

    for uuid, diff in wanted.items():
        authors: dict[str, models.Revision] = {}
        stack, seen = [new], set()
        while stack:
            rev = stack.pop()
            if rev.hash in before or rev.hash in seen:
                continue
            seen.add(rev.hash)
            parents = [rows[h] for h in (rev.parent_hash, rev.merge_parent_hash) if h in rows]
            mine = clause_map(rev).get(uuid)
            same = [p for p in parents if not _touched(diff, clause_map(p).get(uuid), mine)]
            if same:
                stack.append(same[0])
            elif parents:
                authors[rev.hash] = rev
                stack.extend(parents)
        ordered = sorted(authors.values(), key=lambda r: (r.round, r.created_at, r.id))
        diff.rounds = [_round(r) for r in ordered]


def _touched(
    diff: ClauseDiff, before: tuple[int, str] | None, after: tuple[int, str] | None
) -> bool:
    """Whether one step (parent -> revision) changed this pasal in the way the redline shows."""
    if before is None or after is None:
        return before is not after
    if diff.status == "moved":
        return before[0] != after[0]
    # Renumbering caused by other pasal is not a change of this one.
    return before[1] != after[1]


def rounds(session: Session, agreement_id: int) -> list[Redline]:
    """The redline of every round against the one before it (first parents), oldest first."""
    revs = revisions(session, agreement_id)
    by_hash = {r.hash: r for r in revs}
    out = []
    for rev in revs:
        parent = by_hash.get(rev.parent_hash or "")
        if parent is not None:
            out.append(compare(session, parent, rev))
    return out


def as_text(redline: Redline) -> str:
    """A plain-text redline ([-deleted-] {+inserted+}), for logs, tests and e-mail."""
    lines = [f"Round {redline.old.round} -> round {redline.new.round} ({redline.new.office})"]
    for diff in redline.header:
        lines.append(f"{diff.field}: " + _ops_text(diff.ops))
    for clause in redline.changed_clauses:
        number = clause.new_number or clause.old_number
        who = ", ".join(f"round {r.round} by {r.office}" for r in clause.rounds)
        lines.append(f"Pasal {number} {clause.heading} [{clause.status}] {who}".rstrip())
        for diff in clause.fields:
            if diff.changed:
                lines.append(f"  {diff.field}: " + _ops_text(diff.ops))
    for name in redline.annex_added:
        lines.append(f"Lampiran +{name}")
    for name in redline.annex_removed:
        lines.append(f"Lampiran -{name}")
    return "\n".join(lines)


def _ops_text(ops: list[WordOp]) -> str:
    marks = {"equal": "{}", "insert": "{{+{}+}}", "delete": "[-{}-]"}
    return "".join(marks[op.kind].format(op.text) for op in ops)
