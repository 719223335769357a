"""Builders of .docx fixtures for the parser tests (made here, never stored as files)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _vmerge(cell, value: str | None) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    tc_pr.append(merge)


@pytest.fixture
def roadmap_docx() -> bytes:
    """A roadmap whose section rows span the table and whose owner cell spans two rows."""
    document = Document()
    document.add_paragraph("План мероприятий по развитию системы профориентации на 2022-2023 годы")
    table = document.add_table(rows=5, cols=5)
    header = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные", "Результат"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    section = table.rows[1].cells[0].merge(table.rows[1].cells[4])
    section.text = "I. Мониторинг"
    rows = [
        ["1.1", "Проведение мониторинга", "Ежегодно", "Иванова А.А.", "Справка"],
        ["1.2", "Подготовка отчёта", "до 01.06.2022", "", "Отчёт"],
    ]
    for row, values in zip(table.rows[2:4], rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    _vmerge(table.rows[2].cells[3], "restart")
    _vmerge(table.rows[3].cells[3], None)
    table.rows[4].cells[1].text = "продолжение текста отчёта"
    return docx_bytes(document)


@pytest.fixture
def protocol_docx() -> bytes:
    """A protocol whose decisions are Word-numbered paragraphs (numbers not in the text)."""
    document = Document()
    document.add_paragraph("ПРОТОКОЛ № 3")
    document.add_paragraph("заседания методического совета от 15.02.2022")
    document.add_paragraph("СЛУШАЛИ: Петрову И.И. о мониторинге.")
    document.add_paragraph("РЕШИЛИ:")
    document.add_paragraph("Информацию принять к сведению.", style="List Number")
    document.add_paragraph(
        "Руководителям общеобразовательных организаций провести мониторинг. Срок: до 01.03.2022",
        style="List Number",
    )
    document.add_paragraph("Председатель")
    return docx_bytes(document)
