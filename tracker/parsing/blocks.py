"""The block model every reader gives: paragraph lines and table rows."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One paragraph line (`cells` is None) or one table row (`cells` holds its cells).

    `table` numbers the tables of a file, so rows of two tables never run together; a
    cell keeps its own line breaks ("до 01.02.2025\\nдо 01.02.2026").
    """

    text: str
    cells: tuple[str, ...] | None = None
    table: int | None = None
    strong: frozenset[int] = frozenset()  # cells written all in bold: section titles

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def paragraph(text: str) -> Block:
    return Block(text=text)


def row(cells, table: int | None = None, strong: frozenset[int] = frozenset()) -> Block:
    cells = tuple(cells)
    return Block(text="\t".join(cells), cells=cells, table=table, strong=strong)


_STRONG_RE = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$|^\s*<(b|strong)>.+</\1>\s*$", re.I)


def strong_cells(cells: list[str]) -> frozenset[int]:
    """Indexes of the cells written wholly in bold ("**Мониторинг**")."""
    return frozenset(i for i, cell in enumerate(cells) if _STRONG_RE.match(cell))
