"""The Word справка, the workbook and the CSV carry exactly the page's figures."""

import csv
import io
from collections import Counter

from docx import Document as WordDocument
from openpyxl import load_workbook

from tests.reports.conftest import EXPECTED, H1_2021
from tests.reports.helpers import page_figures
from tracker.domain.progress import OUTCOME_LABELS
from tracker.domain.stages import STAGE_TITLES_RU

OUTCOME_BY_LABEL = {label: key for key, label in OUTCOME_LABELS.items()}
STAGE_BY_TITLE = {**{t: k for k, t in STAGE_TITLES_RU.items()}, "Без этапа": "none"}


def _args(scenario):
    return {**H1_2021, "documents": scenario.document.id}


def _page(client, scenario):
    return page_figures(
        client.get("/reports/", query_string=_args(scenario)).get_data(as_text=True)
    )


def _figures_from_rows(records) -> dict:
    """Count (stage, outcome) over exported rows and fold them like the page does."""
    counts = Counter(
        (STAGE_BY_TITLE[r["Этап"]], OUTCOME_BY_LABEL[r["Исполнение"]]) for r in records
    )
    stages = {stage for stage, _ in counts}
    result = {}
    for stage in stages:
        row = [
            counts[(stage, k)] for k in ("on_time", "late", "overdue", "not_needed", "not_yet_due")
        ]
        result[stage] = (sum(row), *row)
    return result


def test_docx_tables_match_the_page(scenario, login):
    client = login(scenario.admin)
    page = _page(client, scenario)
    response = client.get("/reports/export.docx", query_string=_args(scenario))
    assert response.status_code == 200
    doc = WordDocument(io.BytesIO(response.data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "Информационно-аналитическая справка о ходе выполнения "
        "Дорожная карта по профориентации обучающихся"
    ) in text
    assert "за I полугодие 2021 года (с 01.01.2021 по 30.06.2021)" in text
    assert "по состоянию на 20.06.2021" in text and "(подпись)" in text
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)

    summary = doc.tables[0]
    titles = {**{v: k for k, v in STAGE_TITLES_RU.items()}, "Без этапа": "none", "Итого": "total"}
    from_docx = {}
    for row in summary.rows[1:]:
        cells = [c.text for c in row.cells]
        from_docx[titles[cells[0]]] = (*map(int, cells[1:7]), cells[7])
    assert from_docx == page == EXPECTED

    # one table per stage, in the page's order, with the same figures
    for table, key in zip(
        doc.tables[1:6], ["goals", "monitoring", "measures", "effectiveness", "none"], strict=True
    ):
        values = [row.cells[1].text for row in table.rows]
        assert (*map(int, values[:6]), values[6]) == page[key]


def test_docx_lists_the_overdue_with_owners(scenario, login):
    response = login(scenario.admin).get("/reports/export.docx", query_string=_args(scenario))
    overdue = WordDocument(io.BytesIO(response.data)).tables[-1]
    rows = [[c.text for c in row.cells] for row in overdue.rows[1:]]
    assert len(rows) == EXPECTED["total"][3] == 5
    owners = [r[2] for r in rows]
    assert owners == [
        "МБОУ СОШ № 3",
        "Боброва Л.В.",
        "Дискулцу Л.Ю.",
        "Боброва Л.В.",
        "Боброва Л.В.",
    ]
    dates = [r[3] for r in rows]
    assert dates == ["15.04.2021", "30.04.2021", "10.05.2021", "31.05.2021", "10.06.2021"]


def test_xlsx_rows_match_the_page(scenario, login):
    client = login(scenario.admin)
    page = _page(client, scenario)
    response = client.get("/reports/export.xlsx", query_string=_args(scenario))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.data))
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{ws.max_row}"
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:7] == (
        "Документ",
        "№ пункта",
        "Пункт",
        "Этап",
        "Ответственный",
        "Организация",
        "Срок",
    )
    assert len(body) == page["total"][0]
    records = [dict(zip(header, r, strict=True)) for r in body]
    from_xlsx = _figures_from_rows(records)
    assert from_xlsx == {k: v[:6] for k, v in page.items() if k != "total"}
    extended = next(r for r in records if r["№ пункта"] == "1.3")
    assert extended["Срок"].date().isoformat() == "2021-05-31"
    assert extended["Первоначальный срок"].date().isoformat() == "2021-04-30"
    assert extended["Состояние"] == "Выполнено" and extended["Ответственный"] == "Дискулцу Л.Ю."
    school = next(r for r in records if r["Организация"] == "МБОУ СОШ № 3")
    assert school["Ответственный"] == "МБОУ СОШ № 3" and school["Исполнение"] == "Просрочено"
    assert ws["G2"].number_format == "DD.MM.YYYY"
    assert ws["A1"].font.bold and ws.column_dimensions["C"].width > 50


def test_csv_matches_the_xlsx(scenario, login):
    client = login(scenario.admin)
    page = _page(client, scenario)
    response = client.get("/reports/export.csv", query_string=_args(scenario))
    assert response.status_code == 200
    assert response.data.startswith("\ufeff".encode())
    text = response.data.decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(records) == page["total"][0]
    assert _figures_from_rows(records) == {k: v[:6] for k, v in page.items() if k != "total"}
    assert any(
        r["Отчёт"] == "Положение утверждено приказом № 12"
        and r["Срок"] == "31.03.2021"
        and r["Дата выполнения"] == "30.03.2021"
        for r in records
    )


def test_head_exports_only_the_subtree(scenario, login):
    response = login(scenario.head_imc).get("/reports/export.csv", query_string=_args(scenario))
    records = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert {r["Организация"] for r in records} == {"ИМЦ отдела образования"}
    assert len(records) == 4
