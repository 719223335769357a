"""User-typed text that a spreadsheet would run as a formula stays text in the exports."""

import io
from datetime import date

import openpyxl
import pytest

from tracker.reports.exports import inert


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+7 999", "'+7 999"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Положение утверждено", "Положение утверждено"),
        (date(2022, 1, 1), date(2022, 1, 1)),
        (None, None),
    ],
)
def test_inert(value, expected):
    assert inert(value) == expected


def test_formula_in_a_report_is_exported_as_text(make, db, login):
    dept = make.org("Отдел образования", kind="department")
    admin = make.user(make.person("Админ", "АА", org=dept), roles=("admin",))
    occurrence = make.occurrence(make.person("Петрова", "ПП", org=dept), due_on=date(2021, 3, 1))
    occurrence.state, occurrence.done_on = "done", date(2021, 2, 27)
    occurrence.report = '=HYPERLINK("http://evil.example","Отчёт")'
    db.session.commit()
    query = {"preset": "h1", "year": "2021", "as_of": "2021-06-20"}
    response = login(admin).get("/reports/export.xlsx", query_string=query)
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    reports = [row[-1].value for row in sheet.iter_rows(min_row=2)]
    assert reports == ['\'=HYPERLINK("http://evil.example","Отчёт")']
    assert sheet.cell(row=2, column=sheet.max_column).data_type == "s"
