"""Builders of the corpus's .docx documents (tests/parsing/corpus/*.docx.json name them).

Word files are made here with python-docx rather than stored, so the corpus stays readable
text: merged section rows, vertically merged owner cells, Word-numbered paragraphs.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _vmerge(cell, value: str | None) -> None:
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(merge)


def _fill(row, values) -> None:
    for cell, text in zip(row.cells, values, strict=True):
        if text is not None:
            cell.text = text


ROADMAP_ROWS = [
    ("section", "Раздел 1. Нормативно-правовое обеспечение"),
    (
        "1.1.",
        "Разработка муниципальной программы «Успех каждого ребёнка»",
        "до 01.03.2023",
        "Отдел образования, Тимофеева Г.Р.",
        "Постановление администрации",
    ),
    (
        "1.2.",
        "Утверждение положений о проведении муниципальных конкурсов",
        "Ежегодно, сентябрь",
        "Муниципальный методический кабинет",
        "Приказы",
    ),
    ("section", "Раздел 2. Показатели и методы сбора информации"),
    (
        "2.1.",
        "Определение показателей эффективности работы с одарёнными детьми",
        "I квартал 2023",
        "Тимофеева Г.Р.",
        "Перечень показателей",
    ),
    ("section", "Раздел 3. Мониторинг"),
    (
        "3.1.",
        "Мониторинг участия обучающихся в олимпиадах и конкурсах",
        "2 раза в год",
        "Руководители образовательных организаций",
        "Информационная справка",
    ),
    ("3.2.", "Ведение муниципальной базы данных одарённых детей", "постоянно", None, "База данных"),
    ("section", "Раздел 4. Анализ эффективности принятых мер"),
    (
        "4.1.",
        "Анализ эффективности мер по поддержке одарённых детей на совещании руководителей",
        "декабрь 2023",
        "Тимофеева Г.Р., Семёнов К.Л.",
        "Протокол совещания",
    ),
]


def roadmap_docx() -> bytes:
    """A plan whose section rows are one merged cell and whose owner cell spans two rows."""
    document = Document()
    document.add_paragraph("Отдел образования администрации Сосновского района")
    document.add_paragraph(
        "Дорожная карта по развитию системы выявления и поддержки одарённых детей на 2023 год"
    )
    table = document.add_table(rows=1 + len(ROADMAP_ROWS) + 1, cols=5)
    _fill(table.rows[0], ["№", "Содержание работы", "Сроки", "Ответственные", "Форма отчётности"])
    for row, values in zip(table.rows[1:], ROADMAP_ROWS, strict=False):
        if values[0] == "section":
            row.cells[0].merge(row.cells[4]).text = values[1]
        else:
            _fill(row, list(values))
    owners_31, owners_32 = (table.rows[i].cells[3] for i in (7, 8))
    _vmerge(owners_31, "restart")
    _vmerge(owners_32, None)
    # a spare row with an empty number continues the last measure's text
    table.rows[-1].cells[1].text = "с учётом результатов регионального этапа"
    document.add_paragraph("Начальник отдела образования            Г.Р. Тимофеева")
    return _bytes(document)


def protocol_docx() -> bytes:
    """A protocol whose decisions are Word-numbered paragraphs under an addressee header."""
    document = Document()
    document.add_paragraph("ВЫПИСКА ИЗ ПРОТОКОЛА № 4")
    document.add_paragraph("заседания муниципального совета по развитию образования")
    document.add_paragraph("от 14 апреля 2023 г.")
    document.add_paragraph(
        "СЛУШАЛИ: Рябинину О.В., директора МБУ ДО «Центр детского творчества», "
        "об итогах муниципальных конкурсов."
    )
    document.add_paragraph("РЕШИЛИ:")
    document.add_paragraph("Принять к сведению.", style="List Number")
    document.add_paragraph(
        "Директору МБУ ДО «Центр детского творчества» Рябининой О.В.:", style="List Number"
    )
    document.add_paragraph(
        "подготовить положение о муниципальном конкурсе проектов на "
        "2023-2024 учебный год до 25.05.2023;",
        style="List Bullet",
    )
    document.add_paragraph(
        "организовать работу муниципальной проектной школы, срок – "
        "в течение 2023-2024 учебного года.",
        style="List Bullet",
    )
    document.add_paragraph(
        "Руководителям образовательных организаций обеспечить участие "
        "обучающихся в конкурсе проектов. Срок: октябрь 2023 года.",
        style="List Number",
    )
    document.add_paragraph("Председатель                  И.П. Зайцева")
    return _bytes(document)


DECISIONS = [
    ("1.", "Информацию о ходе подготовки к ГИА принять к сведению.", "", ""),
    (
        "2.",
        "Провести собеседование с родителями обучающихся, не допущенных к ГИА",
        "до 20.04.2023",
        "Руководители ОО",
    ),
    (
        "3.",
        "Организовать работу муниципальных консультационных пунктов по подготовке к ГИА",
        "апрель – май 2023 г.",
        "Информационно-методический центр (Ершова Л.К.)",
    ),
    (
        "4.",
        "Обеспечить еженедельный контроль посещаемости консультаций",
        "еженедельно",
        "Заместители директоров по УВР",
    ),
]


def protocol_table_docx() -> bytes:
    """A protocol whose decisions are a table: № | Принятое решение | Срок | Ответственный."""
    document = Document()
    document.add_paragraph("ПРОТОКОЛ № 5")
    document.add_paragraph("совещания заместителей директоров по учебно-воспитательной работе")
    document.add_paragraph("г. Светлый                                             06.04.2023")
    document.add_paragraph("СЛУШАЛИ: Ершову Л.К., директора ИМЦ, о подготовке к ГИА.")
    document.add_paragraph("РЕШИЛИ:")
    table = document.add_table(rows=1 + len(DECISIONS), cols=4)
    _fill(table.rows[0], ["№ п/п", "Принятое решение", "Срок исполнения", "Ответственный"])
    for row, values in zip(table.rows[1:], DECISIONS, strict=True):
        _fill(row, list(values))
    document.add_paragraph("Председатель                  Л.К. Ершова")
    return _bytes(document)


NUMBERED_ROWS = [
    ("Разработка плана работы муниципального ресурсного центра", "сентябрь 2023", "Белова Н.С."),
    (
        "Проведение муниципальных семинаров-практикумов для учителей",
        "ежеквартально",
        "Руководители ОО",
    ),
    (None, "по вопросам оценки образовательных результатов", None, None),
    ("Анализ эффективности работы ресурсного центра", "май 2024", "Белова Н.С."),
]


def numbered_plan_docx() -> bytes:
    """A plan whose № column is numbered by Word and whose second measure spans two rows
    (№, Срок and Ответственные merged vertically, the text going on in the second row)."""
    document = Document()
    document.add_paragraph("План работы муниципального ресурсного центра на 2023-2024 учебный год")
    table = document.add_table(rows=1 + len(NUMBERED_ROWS), cols=4)
    _fill(table.rows[0], ["№ п/п", "Мероприятия", "Сроки", "Ответственные"])
    for row, values in zip(table.rows[1:], NUMBERED_ROWS, strict=True):
        cells = values if len(values) == 4 else ("", *values)
        _fill(row, list(cells))
        if cells[0] is not None:
            row.cells[0].paragraphs[0].style = document.styles["List Number"]
    for column in (0, 2, 3):
        _vmerge(table.rows[2].cells[column], "restart")
        _vmerge(table.rows[3].cells[column], None)
    return _bytes(document)


BUILDERS = {
    "21_numbered_plan.docx": numbered_plan_docx,
    "17_protocol_table.docx": protocol_table_docx,
    "08_roadmap.docx": roadmap_docx,
    "09_protocol.docx": protocol_docx,
}
