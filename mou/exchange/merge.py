"""Reconciling two branches of an agreement: a three-way merge of their revision contents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementCode, AgreementError
from mou.office import Actor
from mou.revision import (
    ancestors,
    apply_content,
    content_of,
    is_ancestor,
    is_dirty,
    save_revision,
)

Choice = Literal["mine", "theirs"]


@dataclass(frozen=True)
class Conflict:
    """One item both sides changed differently since their common revision."""

    key: str  # "clause:<uuid>", "agreement:<field>", "party:<n>", "obligation:<uuid>"
    label: str
    base: Any
    mine: Any
    theirs: Any


def common_ancestor(
    session: Session, a: models.Revision, b: models.Revision
) -> models.Revision | None:
    """The newest revision both ``a`` and ``b`` descend from."""
    other = {r.hash for r in ancestors(session, b)}
    return next((r for r in ancestors(session, a) if r.hash in other), None)


def _merge_keyed(
    kind: str,
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    key: str,
    label: Any,
    choices: dict[str, Choice],
    conflicts: list[Conflict],
) -> list[dict[str, Any]]:
    b = {i[key]: i for i in base}
    m = {i[key]: i for i in mine}
    t = {i[key]: i for i in theirs}
    merged: dict[Any, dict[str, Any] | None] = {}
    for k in list(m) + [k for k in t if k not in m]:
        bi, mi, ti = b.get(k), m.get(k), t.get(k)
        if mi == ti or ti == bi:
            pick = mi
        elif mi == bi:
            pick = ti
        else:
            ckey = f"{kind}:{k}"
            conflicts.append(Conflict(ckey, label(mi or ti or bi), bi, mi, ti))
            # Default keeps the edited side when the other deleted, so no text is lost.
            default: Choice = "mine" if mi is not None else "theirs"
            pick = mi if choices.get(ckey, default) == "mine" else ti
        merged[k] = pick
    # Order: mine's order, with items only in theirs placed after their predecessor there.
    order = [k for k in m]
    previous = None
    for k in t:
        if k not in order:
            index = order.index(previous) + 1 if previous in order else len(order)
            order.insert(index, k)
        previous = k
    return [merged[k] for k in order if merged.get(k) is not None]  # type: ignore[misc]


def merge_content(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], choices: dict[str, Choice]
) -> tuple[dict[str, Any], list[Conflict]]:
    """Three-way merge of two snapshots against their common base."""
    conflicts: list[Conflict] = []
    header: dict[str, Any] = {}
    for k in mine["agreement"]:
        bv, mv, tv = base["agreement"].get(k), mine["agreement"][k], theirs["agreement"].get(k)
        if mv == tv or tv == bv:
            header[k] = mv
        elif mv == bv:
            header[k] = tv
        else:
            ckey = f"agreement:{k}"
            conflicts.append(Conflict(ckey, k, bv, mv, tv))
            header[k] = mv if choices.get(ckey, "mine") == "mine" else tv
    parties = _merge_keyed("party", base["parties"], mine["parties"], theirs["parties"], "position",
                           lambda p: p["name"], choices, conflicts)  # fmt: skip
    clauses = _merge_keyed("clause", base["clauses"], mine["clauses"], theirs["clauses"], "uuid",
                           lambda c: c["heading"], choices, conflicts)  # fmt: skip
    obligations = _merge_keyed("obligation", base["obligations"], mine["obligations"],
                               theirs["obligations"], "uuid", lambda o: o["what"], choices, conflicts)  # fmt: skip
    base_apps = {i["name"] for i in base["annex"]}
    mine_apps = {i["name"] for i in mine["annex"]}
    theirs_apps = {i["name"] for i in theirs["annex"]}
    keep = (mine_apps & theirs_apps) | (mine_apps - base_apps) | (theirs_apps - base_apps)
    annex, seen = [], set()
    for item in mine["annex"] + theirs["annex"]:
        if item["name"] in keep and item["name"] not in seen:
            annex.append(item)
            seen.add(item["name"])
    merged = {"agreement": header, "parties": parties, "clauses": clauses, "annex": annex,
              "obligations": obligations}  # fmt: skip
    return merged, conflicts


def reconcile_preview(
    session: Session, agreement: models.Agreement, other: models.Revision
) -> list[Conflict]:
    """What a reconcile with ``other`` would have to decide (empty: merges cleanly)."""
    mine = agreement.current_revision
    if mine is None:
        return []
    base = common_ancestor(session, mine, other)
    base_content = content_of(base) if base else content_of(mine)
    return merge_content(base_content, content_of(mine), content_of(other), {})[1]


def reconcile(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    other: models.Revision,
    choices: dict[str, Choice] | None = None,
) -> tuple[models.Revision, list[Conflict]]:
    """Merge the other head into the working copy and save the merge as a new round.

    Non-conflicting changes from both sides are combined; each conflict follows ``choices``
    (key -> "mine"/"theirs"; default keeps mine, or the edited side when the other deleted it).
    """
    if agreement.current_revision is None:
        raise AgreementError(
            "Nothing to reconcile: this agreement has no revision yet",
            code=AgreementCode.NOTHING_TO_RECONCILE,
        )
    if is_dirty(agreement):
        save_revision(session, agreement, actor, "Saved automatically before reconciling")
    mine = agreement.current_revision
    assert mine is not None
    if other.hash == mine.hash or is_ancestor(session, other, mine):
        raise AgreementError(
            "That version is already part of this one", code=AgreementCode.ALREADY_MERGED
        )
    base = common_ancestor(session, mine, other)
    base_content = content_of(base) if base else content_of(mine)
    merged, conflicts = merge_content(
        base_content, content_of(mine), content_of(other), choices or {}
    )
    apply_content(session, agreement, merged)
    revision = save_revision(
        session,
        agreement,
        actor,
        f"Reconciled with round {other.round} of {other.author_office_name}",
        merge_parent=other,
    )
    audit.record(
        session, agreement, "reconciled", actor, other=other.hash, conflicts=len(conflicts)
    )
    return revision, conflicts
