"""The parser's own item record, before deadlines and stages are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawItem:
    """An item as found in the document: text and the raw phrases for its deadline."""

    number: str | None
    text: str
    owners: list[Any] = field(default_factory=list)
    deadline_raw: str | None = None
    result: str | None = None
    section: str | None = None
    actionable: bool = True
    problems: list[Any] = field(default_factory=list)  # Problem


@dataclass
class Found:
    """What a kind-specific parser found: items, a controller, document-level problems."""

    items: list[RawItem] = field(default_factory=list)
    controller: Any = None
    problems: list[Any] = field(default_factory=list)  # Problem
    body_start: int = 0
