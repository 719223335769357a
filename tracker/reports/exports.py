"""Every occurrence of a report as an Excel workbook or a CSV file, streamed.

Both read `queries.listing(scope)`, the same WHERE clause and outcome CASE as the page,
through a server-side cursor in batches, so memory stays flat on the whole region.

The workbook is written by XlsxWriter in its constant-memory mode (each row goes to disk
as soon as the next begins). openpyxl's write-only mode, tried first, spent ~6 µs a cell
and took 10.6 s for the region's 1.2 million cells; XlsxWriter writes them in 5 (see
docs/BENCHMARKS.md).
"""

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import IO

import xlsxwriter
from flask_babel import gettext as _

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
DATE_FORMAT = "DD.MM.YYYY"


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
    """Every label of an export worked out once, not once per row.

    A region's 120,000 occurrences belong to a few thousand assignments, so the cells
    that describe an assignment are built once and reused.
    """

    def __init__(self):
        self.stages: dict[str | None, str] = {}
        self.states = {k: _(v) for k, v in STATE_LABELS.items()}
        self.outcomes = {k: _(v) for k, v in OUTCOME_LABELS.items()}
        self.described: dict[tuple, tuple] = {}

    def stage(self, key: str | None) -> str:
        if key not in self.stages:
            self.stages[key] = _(stage_title(key))
        return self.stages[key]

    def describe(self, row) -> tuple:
        """The document, item, stage, owner and organisation cells, shared by every
        occurrence of one assignment (keyed by ids: hashing the texts would cost more)."""
        key = (row.item_id, row.stage, row.person_id, row.organisation_id)
        cells = self.described.get(key)
        if cells is None:
            owner = owner_label(row)
            cells = self.described[key] = (
                inert(document_label(row)),
                inert(row.item_number),
                inert(row.item_text),
                self.stage(row.stage),
                inert(owner) if owner else None,
                inert(row.org_label),
            )
        return cells


def row_values(row, labels: Labels) -> list:
    """One occurrence as the cells of a row (dates as dates; labels in the user's language).

    Empty cells are None, which neither writer writes; the original due date appears only
    when an extension moved it.
    """
    return [
        *labels.describe(row),
        row.due_on,
        row.original_due_on if row.original_due_on != row.due_on else None,
        labels.states[row.state],
        labels.outcomes[row.outcome],
        row.done_on,
        inert(row.report) or None,
    ]


def rows(scope: Scope) -> Iterator[list]:
    labels = Labels()
    for row in queries.iter_rows(queries.listing(scope)):
        yield row_values(row, labels)


def write_xlsx(scope: Scope, target: IO[bytes]) -> int:
    """Write the workbook with a frozen, filtered header; returns the row count.

    Text goes through write_string, so nothing a user typed can become a formula; the
    `with` closes the workbook (and its temporary files) even when a query fails.
    """
    with xlsxwriter.Workbook(target, {"constant_memory": True}) as workbook:
        sheet = _sheet_with_header(workbook)
        day = workbook.add_format({"num_format": DATE_FORMAT})
        write_text, write_date = sheet.write_string, sheet.write_datetime
        count = 0
        for count, values in enumerate(rows(scope), start=1):
            for column, value in enumerate(values):
                if isinstance(value, date):
                    write_date(count, column, value, day)
                elif value is not None:
                    write_text(count, column, value)
        sheet.autofilter(0, 0, count, len(HEADERS) - 1)
    return count


def _sheet_with_header(workbook):
    sheet = workbook.add_worksheet(_("Поручения"))
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, _(title), header)
    sheet.freeze_panes(1, 0)
    return sheet


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
