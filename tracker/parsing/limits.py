"""Limits every reader applies, so a hostile file costs bounded time and memory."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.parsing.readers import UnreadableDocument

# Word allows at most 63 columns in a table and a plan people read is far narrower, so a
# merged cell never stretches a row past 64 columns: a wider span is clamped, not refused.
MAX_COLUMNS = 64
# Cells of all tables of one document once spans are expanded: the longest real plans have
# a few thousand; past this the table is absurd and reading it would only burn time.
MAX_CELLS = 200_000


@dataclass
class CellBudget:
    """The cells a document's tables may still expand to before the document is refused."""

    left: int = MAX_CELLS

    def spend(self, cells: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise UnreadableDocument(
                f"Таблицы документа слишком велики (больше {thousands(MAX_CELLS)} ячеек); "
                "файл отклонён."
            )


def span_width(value: str | None, column: int) -> int:
    """Grid columns taken by a cell that starts at `column`: a span that is not a positive
    number counts as 1, and no span stretches the row past MAX_COLUMNS."""
    return min(span_value(value), max(1, MAX_COLUMNS - column))


def span_value(value) -> int:
    """A span attribute as a positive number; text or a negative value counts as 1."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")
