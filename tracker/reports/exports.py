"""Every occurrence of a report as an Excel workbook or a CSV file, streamed.

Both read `queries.listing(scope)`, the same WHERE clause and outcome CASE as the page,
through a server-side cursor in batches, so memory stays flat on the whole region.
"""

import csv
import io
from collections.abc import Iterator
from copy import copy
from datetime import date
from typing import IO

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tracker.domain.labels import STATE_LABELS
from tracker.domain.progress import OUTCOME_LABELS
from tracker.reports import queries
from tracker.reports.queries import Scope
from tracker.reports.services import stage_title

HEADERS = (
    "Документ",
    "№ пункта",
    "Пункт",
    "Этап",
    "Ответственный",
    "Организация",
    "Срок",
    "Первоначальный срок",
    "Состояние",
    "Исполнение",
    "Дата выполнения",
    "Отчёт",
)
WIDTHS = (40, 9, 60, 28, 22, 30, 11, 11, 14, 26, 11, 60)
DATE_COLUMNS = (6, 7, 10)


def owner_label(row) -> str:
    """ "Фамилия И.О." of the owner, or the organisation that owns a fanned-out item."""
    if row.surname:
        letters = "".join(f"{c}." for c in row.initials or "")
        return f"{row.surname} {letters}".strip()
    return row.org_label or ""


def document_label(row) -> str:
    return (
        f"{row.document_title} № {row.document_number}"
        if row.document_number
        else row.document_title
    )


class Labels:
    """Stage, state and outcome names translated once per export, not once per cell."""

    def __init__(self):
        self.stages: dict[str | None, str] = {}
        self.states = {k: _(v) for k, v in STATE_LABELS.items()}
        self.outcomes = {k: _(v) for k, v in OUTCOME_LABELS.items()}

    def stage(self, key: str | None) -> str:
        if key not in self.stages:
            self.stages[key] = _(stage_title(key))
        return self.stages[key]


def row_values(row, labels: Labels) -> list:
    """One occurrence as the cells of a row (dates as dates; labels in the user's language).

    Empty cells are None, which the write-only workbook skips instead of writing; the
    original due date appears only when an extension moved it.
    """
    moved_from = row.original_due_on if row.original_due_on != row.due_on else None
    return [
        inert(value)
        for value in (
            document_label(row),
            row.item_number,
            row.item_text,
            labels.stage(row.stage),
            owner_label(row) or None,
            row.org_label,
            row.due_on,
            moved_from,
            labels.states[row.state],
            labels.outcomes[row.outcome],
            row.done_on,
            row.report,
        )
    ]


def rows(scope: Scope) -> Iterator[list]:
    labels = Labels()
    for row in queries.iter_rows(queries.listing(scope)):
        yield row_values(row, labels)


def write_xlsx(scope: Scope, target: IO[bytes]) -> int:
    """Write the workbook (write-only mode: rows go straight to disk); returns the row count."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Поручения"))
    ws.freeze_panes = "A2"
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.append([_header_cell(ws, _(h)) for h in HEADERS])
    count = 0
    date_style = _date_style(ws)
    for values in rows(scope):
        for index in DATE_COLUMNS:
            if isinstance(values[index], date):
                values[index] = _date_cell(ws, values[index], date_style)
        ws.append(values)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    wb.save(target)
    return count


def _header_cell(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _date_style(ws):
    """The style array of a DD.MM.YYYY cell, registered with the workbook once."""
    template = WriteOnlyCell(ws)
    template.number_format = "DD.MM.YYYY"
    return template._style


def _date_cell(ws, value: date, style) -> WriteOnlyCell:
    # Copying the registered style array costs a fraction of setting number_format per cell,
    # which looks the format up in the workbook each time (a third of the export's time).
    cell = WriteOnlyCell(ws, value=value)
    cell._style = copy(style)
    return cell


def csv_chunks(scope: Scope, batch: int = 500) -> Iterator[str]:
    """UTF-8 with a BOM and ";" between fields: what Russian Excel opens without asking."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([_(h) for h in HEADERS])
    for n, values in enumerate(rows(scope), start=1):
        writer.writerow([_csv_value(v) for v in values])
        if n % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """Text that a spreadsheet would run as a formula (=HYPERLINK(…), +cmd…) is kept as text:
    documents and reports are typed by users, and the exports are opened by others."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value):
    return value.strftime("%d.%m.%Y") if isinstance(value, date) else value
