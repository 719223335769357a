"""The Word справка: "Информационно-аналитическая справка о ходе выполнения …", A4, to sign.

Figures come from the same Report the page shows; the overdue list from the same query.
"""

from typing import IO

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from flask_babel import gettext as _

from tracker.domain.progress import format_share
from tracker.reports import queries
from tracker.reports.exports import document_label, owner_label
from tracker.reports.services import Report, period_text, report_title, stage_title

OVERDUE_LIMIT = 500
FIGURES = (
    ("due", "Срок исполнения в периоде"),
    ("on_time", "Выполнено в срок"),
    ("late", "Выполнено с нарушением срока"),
    ("overdue", "Просрочено"),
    ("not_needed", "Не потребовалось"),
    ("not_yet_due", "Срок не наступил"),
)
SHARE_TITLE = "Доля выполненных"


def write_docx(report: Report, target: IO[bytes]) -> None:
    doc = WordDocument()
    _a4(doc)
    _heading(doc, report)
    _summary_table(doc, report)
    for number, row in enumerate(report.stages, start=1):
        doc.add_heading(f"{number}. {_(stage_title(row.stage))}", level=2)
        _stage_table(doc, row)
    _overdue(doc, report)
    _signature(doc)
    doc.save(target)


def _a4(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(15)
    section.top_margin = section.bottom_margin = Mm(20)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)


def _heading(doc, report: Report) -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(
        _(
            "Информационно-аналитическая справка о ходе выполнения %(title)s",
            title=report_title(report.documents),
        )
    )
    run.bold = True
    run.font.size = Pt(14)
    lines = [
        period_text(report.scope.period),
        _("по состоянию на %(day)s", day=report.scope.as_of.strftime("%d.%m.%Y")),
    ]
    if report.unit is not None:
        lines.append(_("Организация: %(name)s", name=report.unit.name))
    for line in lines:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _summary_table(doc, report: Report) -> None:
    doc.add_heading(_("Сводные показатели по этапам управленческого цикла"), level=2)
    header = [_("Этап"), *(_(t) for _k, t in FIGURES), _(SHARE_TITLE)]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in [*report.stages, report.total]:
        name = _(stage_title(row.stage)) if row is not report.total else _("Итого")
        values = [name, *(str(getattr(row, k)) for k, _t in FIGURES), format_share(row.share_done)]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _stage_table(doc, row) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, title in FIGURES:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = _(title), str(getattr(row, key))
    cells = table.add_row().cells
    cells[0].text, cells[1].text = _(SHARE_TITLE), format_share(row.share_done)


def _overdue(doc, report: Report) -> None:
    doc.add_heading(_("Просроченные поручения"), level=2)
    total = queries.count_overdue(report.scope)
    if not total:
        doc.add_paragraph(_("Просроченных поручений нет."))
        return
    header = [_("№ п/п"), _("Документ, пункт"), _("Ответственный"), _("Срок")]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    rows = queries.iter_rows(queries.overdue_listing(report.scope, OVERDUE_LIMIT))
    for n, row in enumerate(rows, start=1):
        item = f"{row.item_number} {row.item_text}" if row.item_number else row.item_text
        values = [
            str(n),
            f"{document_label(row)}: {item}",
            owner_label(row),
            row.due_on.strftime("%d.%m.%Y"),
        ]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    if total > OVERDUE_LIMIT:
        doc.add_paragraph(
            _("…и ещё %(n)s (полный список — в выгрузке Excel).", n=total - OVERDUE_LIMIT)
        )


def _signature(doc) -> None:
    doc.add_paragraph()
    doc.add_paragraph("_" * 30 + "    " + "_" * 16 + "    " + "_" * 24)
    caption = doc.add_paragraph(
        _("(должность)") + " " * 40 + _("(подпись)") + " " * 22 + _("(расшифровка подписи)")
    )
    caption.runs[0].font.size = Pt(9)
    doc.add_paragraph("«____» ______________ 20___ г.")
