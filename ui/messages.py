"""Coded domain messages in the UI language.

The cores (``mou``, ``conferencing``) cannot use Qt's ``tr()``; their user-facing errors carry a
stable code, parameters and an English text (``mou.messages.DomainMessage`` and the same shape in
``conferencing.messages``). Each UI area keeps ONE :class:`MessageTable` mapping its codes to
English templates with ``{param}`` placeholders, wrapped in ``QT_TRANSLATE_NOOP`` so lupdate
collects them into that area's ``<area>_id.ts``; :func:`message_text` translates at display time.
An unknown code falls back to the core's English text, so nothing is ever hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from ui.datestyle import iso_date_text


class CodedMessage(Protocol):
    """The shape both cores' ``DomainMessage`` share."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, str | int]: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class MessageTable:
    """One area's translations: ``texts`` maps a code to its English template.

    ``params`` optionally turns a parameter's raw value (e.g. a role or state name) into the UI
    language before it is put into the template.
    """

    context: str
    texts: Mapping[str, str]
    params: Mapping[str, Callable[[str], str]] = field(default_factory=dict)

    def knows(self, code: str) -> bool:
        """True when ``code`` has a translation here."""
        return code in self.texts


class _Keep(dict[str, str]):
    """Leaves an unknown ``{name}`` in place instead of raising (a template/params mismatch)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``params[name]``."""
    try:
        return template.format_map(_Keep({k: str(v) for k, v in params.items()}))
    except (ValueError, IndexError):  # a stray brace in a translation: show it unfilled
        return template


def message_text(message: CodedMessage, *tables: MessageTable) -> str:
    """``message`` in the UI language, from the first table that knows its code.

    Falls back to the core's English text when no table knows the code or no translation of the
    template is installed (the English UI keeps the cores' exact wording).
    """
    for table in tables:
        source = table.texts.get(message.code)
        if source is None:
            continue
        template = QCoreApplication.translate(table.context, source)
        # The core writes dates as ISO; even the English UI shows them in the screen form.
        dated = any(table.params.get(name) is iso_date_text for name in message.params)
        if template == source and message.text and not dated:
            # No translation installed (English UI): the core's own wording is the most exact
            # (e.g. the hub says which of several token checks failed).
            return message.text
        params: dict[str, object] = dict(message.params)
        for name, convert in table.params.items():
            if name in params:
                params[name] = convert(str(params[name]))
        return fill(template, params)
    return message.text or message.code
