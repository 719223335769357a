"""Kinds, headers and items of small synthetic documents of every kind."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.problems import Problem
from tracker.domain.text import normalize_line
from tracker.parsing.api import parse_bytes
from tracker.parsing.common import split_clauses
from tracker.parsing.meta import parse_date, stated_period

TODAY = date(2026, 1, 15)  # stands in for undated documents


def parse(text: str, name: str = "doc.txt", **kwargs):
    return parse_bytes(text.encode("utf-8"), name, today=TODAY, **kwargs).to_contract()


def persons(item) -> list[str]:
    return [o["name"] for o in item["owners"] if o["kind"] == "person"]


PROTOCOL = """ПРОТОКОЛ № 7
заседания методического совета

Дата проведения: 03.02.2022 г.

1. СЛУШАЛИ: Петрову И.И. о результатах мониторинга.
- недостаточный охват обучающихся;
РЕШИЛИ:
1.1. Информацию принять к сведению.
1.2. Руководителям общеобразовательных организаций провести анализ результатов
мониторинга. Срок - до 01.03.2022 года.
2. СЛУШАЛИ: Сидорова А.А.
ПОСТАНОВИЛИ:
1) Заместителю начальника управления образования Ивановой О.П.:
1.1) подготовить методические рекомендации.
Срок: до 15.03.2022
1.1) организовать семинар для педагогов. Срок исполнения: постоянно.
2) Разместить информацию на сайте. Ответственный: Сидоров А.А.
Председатель
И.И. Петрова
"""


def test_protocol_decisions():
    doc = parse(PROTOCOL)
    assert (doc["kind"], doc["number"], doc["date"]) == ("protocol", "7", "2022-02-03")
    numbers = [item["number"] for item in doc["items"]]
    assert numbers == ["1.1", "1.2", "1.1)", "1.1)", "2)"]
    first, second, third, fourth, fifth = doc["items"]
    assert first["actionable"] is False
    assert second["text"] == (
        "Руководителям общеобразовательных организаций провести анализ результатов мониторинга."
    ) or second["text"].startswith("провести анализ")
    assert second["deadline"]["due"] == "2022-03-01"
    assert third["text"] == "подготовить методические рекомендации."
    assert third["deadline"]["due"] == "2022-03-15"
    assert persons(third) == persons(fourth) == ["Иванова О.П."]
    assert fourth["deadline"]["kind"] == "ongoing" and "Срок" not in fourth["text"]
    assert fifth["text"] == "Разместить информацию на сайте."
    assert persons(fifth) == ["Сидоров А.А."]
    assert all("недостаточный" not in item["text"] for item in doc["items"])


def test_protocol_item_without_deadline_or_owner_is_flagged():
    doc = parse("ПРОТОКОЛ № 2\nРешили:\n1. Разместить информацию на сайте.\n")
    item = doc["items"][0]
    assert item["deadline"]["kind"] == "none"
    assert item["deadline"]["problems"] and len(item["problems"]) >= 2


def test_unnumbered_decision_after_marker():
    doc = parse(
        "ВЫПИСКА ИЗ ПРОТОКОЛА № 4\nот 12 марта 2022 г.\nРешили: Информацию принять к сведению.\n"
    )
    assert doc["date"] == "2022-03-12" and doc["number"] == "4"
    assert [(i["number"], i["actionable"]) for i in doc["items"]] == [(None, False)]


ORDER = """Отдел образования администрации района
П Р И К А З
от 10.02.2022 № 45
Об организации мониторинга
В целях повышения качества образования п р и к а з ы в а ю:
1. Утвердить план мероприятий (приложение 1).
2. Руководителям общеобразовательных организаций:
2.1. обеспечить участие обучающихся в мониторинге в срок до 01.04.2022;
2.2. представить отчёт до 15.04.2022.
3. Контроль за исполнением настоящего приказа возложить на заместителя начальника Петрову Е.В.
Начальник отдела образования И.И. Иванов
Приложение 1
1. Общие положения
"""


def test_order_items_controller_and_appendix():
    doc = parse(ORDER)
    assert (doc["kind"], doc["number"], doc["date"]) == ("order", "45", "2022-02-10")
    assert doc["controller"]["name"] == "Петрова Е.В."
    numbers = [item["number"] for item in doc["items"]]
    assert numbers == ["1", "2.1", "2.2", "3"]
    control = doc["items"][-1]
    assert control["actionable"] is False and control["owners"] == []
    assert doc["items"][1]["deadline"]["due"] == "2022-04-01"
    assert doc["items"][2]["deadline"]["due"] == "2022-04-15"
    assert all(o["kind"] == "group" for o in doc["items"][1]["owners"])
    assert all("Общие положения" not in item["text"] for item in doc["items"])


def test_order_number_before_date():
    doc = parse("ПРИКАЗ\n№ 45 от 10 февраля 2022 г.\nПРИКАЗЫВАЮ:\n1. Провести семинар.\n")
    assert (doc["number"], doc["date"]) == ("45", "2022-02-10")


RESOLUTION = """РЕЗОЛЮЦИЯ
конференции «Профориентация в школе»
15 апреля 2022 года состоялась конференция.
Обсуждены проблемы:
- низкий охват обучающихся;
Участники выработали рекомендации.
Управлению образования:
- организовать обмен опытом;
- обеспечить методическую поддержку педагогов
по вопросам профориентации.
Образовательным организациям:
- разработать планы профориентационной работы;
Благодарим всех участников.
"""


def test_resolution_blocks():
    doc = parse(RESOLUTION)
    assert doc["kind"] == "resolution" and doc["date"] == "2022-04-15"
    texts = [item["text"] for item in doc["items"]]
    assert texts == [
        "организовать обмен опытом",
        "обеспечить методическую поддержку педагогов по вопросам профориентации.",
        "разработать планы профориентационной работы",
    ]
    assert [item["owners"][0]["kind"] for item in doc["items"]] == ["org", "org", "group"]
    assert all(item["deadline"]["kind"] == "none" for item in doc["items"])
    assert all(item["deadline"]["problems"] for item in doc["items"])


ROADMAP = (
    "Дорожная карта развития системы профориентации на 2022-2023 годы\n"
    "Срок\tОтветственный\t№\tСодержание\tОжидаемый результат\n"
    "I. Мониторинг\t\t\t\t\n"
    "Ежегодно\tИванова А.А.\t1.1\tПроведение мониторинга\tСправка\n"
    "\t\t\tпо профориентации\t\n"
    "II. Меры. Управленческие решения\t\t\t\t\n"
    "до 01.06.2022\tПетров П.П.\t2.1\tПодготовка приказа\tПриказ\n"
)


def test_roadmap_columns_by_header_words_not_position():
    doc = parse(ROADMAP)
    assert doc["kind"] == "roadmap"
    assert doc["period"] == {"start": "2022-01-01", "end": "2023-12-31"}
    first, second = doc["items"]
    assert first["number"] == "1.1" and first["text"] == "Проведение мониторинга по профориентации"
    assert first["deadline"]["kind"] == "recurring" and first["result"] == "Справка"
    assert persons(first) == ["Иванова А.А."]
    assert first["stage"] == "monitoring" and second["stage"] == "measures"
    assert second["deadline"]["due"] == "2022-06-01"


def test_table_without_recognisable_columns():
    text = "Дорожная карта на 2022 год\nКолонка А\tКолонка Б\n1\tчто-то\n"
    doc = parse(text)
    assert doc["items"] == []
    assert str(Problem.of("no_columns")) in doc["problems"]


def test_nothing_recognisable_still_reports():
    doc = parse("Просто письмо без пунктов.\nС уважением.\n")
    assert doc["kind"] == "unknown" and doc["items"] == [] and doc["problems"]


def test_docx_roadmap(roadmap_docx):
    doc = parse_bytes(roadmap_docx, "plan.docx", today=TODAY).to_contract()
    assert [item["number"] for item in doc["items"]] == ["1.1", "1.2"]
    assert persons(doc["items"][1]) == ["Иванова А.А."]
    assert doc["items"][1]["text"] == "Подготовка отчёта продолжение текста отчёта"
    assert {item["stage"] for item in doc["items"]} == {"monitoring"}


def test_docx_protocol_numbered_paragraphs(protocol_docx):
    doc = parse_bytes(protocol_docx, "protocol.docx", today=TODAY).to_contract()
    assert (doc["kind"], doc["number"], doc["date"]) == ("protocol", "3", "2022-02-15")
    assert [(i["number"], i["actionable"]) for i in doc["items"]] == [("1", False), ("2", True)]
    assert doc["items"][1]["deadline"]["due"] == "2022-03-01"


def test_html_protocol():
    html = (
        "<p>ПРОТОКОЛ № 9</p><p>от 01.03.2022</p><p>Решили:</p>"
        "<ol><li>Провести семинар. Срок: до 01.04.2022</li></ol>"
    )
    doc = parse(html, "doc.html")
    assert doc["items"][0]["number"] == "1" and doc["items"][0]["deadline"]["due"] == "2022-04-01"


def test_period_override():
    from tracker.domain.deadlines import Period

    doc = parse(PROTOCOL, period=Period(date(2022, 1, 1), date(2022, 6, 30)))
    assert doc["period"] == {"start": "2022-01-01", "end": "2022-06-30"}


def test_derived_period_school_year():
    doc = parse(
        "ПРОТОКОЛ № 1\nот 15.10.2022\nРешили:\n1. Провести олимпиаду в течение учебного года.\n"
    )
    assert doc["period"] == {"start": "2022-10-15", "end": "2023-08-31"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("от 28.01.2022 г.", date(2022, 1, 28)),
        ("«28» января 2022 г.", date(2022, 1, 28)),
        ("07.06.2021г", date(2021, 6, 7)),
        ("20.02.200 года", None),
        ("31.02.2022", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("План на 2021-2023 годы", (date(2021, 1, 1), date(2023, 12, 31))),
        ("План на 2022–2023 учебный год", (date(2022, 9, 1), date(2023, 8, 31))),
        ("План мероприятий на 2022 год", (date(2022, 1, 1), date(2022, 12, 31))),
        ("Протокол заседания", None),
    ],
)
def test_stated_period(title, expected):
    assert stated_period([title]) == expected


def test_normalisation_strips_markup():
    raw = "**Итог:** <p>первый</p> <ul><li>- второй</li></ul>   *третий*"
    assert normalize_line(raw).split("\n") == ["Итог:", "первый", "- второй", "третий"]


@pytest.mark.parametrize(
    ("text", "body", "deadline", "owner"),
    [
        (
            "Провести семинар. Срок – до 10.02.2022 года.",
            "Провести семинар.",
            "до 10.02.2022 года",
            None,
        ),
        ("Провести семинар (срок: постоянно)", "Провести семинар", "постоянно", None),
        (
            "Провести семинар. Ответственный: Иванов И.И. Срок: май 2022",
            "Провести семинар.",
            "май 2022",
            "Иванов И.И.",
        ),
        (
            "Представить отчёт в срок до 15 марта 2022 г.",
            "Представить отчёт",
            "до 15 марта 2022 г.",
            None,
        ),
        (
            "Обновлять информацию на сайте ежемесячно.",
            "Обновлять информацию на сайте",
            "ежемесячно",
            None,
        ),
        (
            "Провести семинар (ответственный – Иванова И.И., срок – до 01.03.2023).",
            "Провести семинар",
            "до 01.03.2023",
            "Иванова И.И.",
        ),
        (
            "Провести семинар (срок: до 01.03.2023; отв.: Иванова И.И.)",
            "Провести семинар",
            "до 01.03.2023",
            "Иванова И.И.",
        ),
        (
            "Сформировать жюри, срок исполнения до 15.01.2023, ответственные Андреева О.П.",
            "Сформировать жюри",
            "до 15.01.2023",
            "Андреева О.П.",
        ),
        (
            "Назначить ответственных за организацию олимпиады.",
            "Назначить ответственных за организацию олимпиады.",
            None,
            None,
        ),
        (
            "Определить сроки проведения олимпиады.",
            "Определить сроки проведения олимпиады.",
            None,
            None,
        ),
    ],
)
def test_split_clauses(text, body, deadline, owner):
    clauses = split_clauses(text)
    assert (clauses.text, clauses.deadline, clauses.owner) == (body, deadline, owner)


def test_verb_header_passes_its_verb_to_sub_items():
    text = (
        "ПРИКАЗ\n№ 12 от 01.09.2022\nО проведении олимпиады\nПРИКАЗЫВАЮ:\n"
        "1. Утвердить:\n1.1. график проведения (приложение 1);\n1.2. состав жюри (приложение 2).\n"
        "2. Методисту Смирновой О.В. подготовить справку (срок – до 10.10.2022).\n"
    )
    doc = parse(text)
    assert [item["text"] for item in doc["items"]] == [
        "Утвердить график проведения (приложение 1)",
        "Утвердить состав жюри (приложение 2).",
        "подготовить справку",
    ]
    assert doc["items"][2]["deadline"]["raw"] == "до 10.10.2022"
    assert doc["title"] == "ПРИКАЗ О проведении олимпиады"


def test_run_parse_exit_codes(tmp_path, capsys):
    from tracker.parsing.command import run_parse

    good = tmp_path / "protocol.txt"
    good.write_text(PROTOCOL, encoding="cp1251")
    assert run_parse(str(good), "2022-01-01", "2022-12-31") == 0
    out = capsys.readouterr().out
    assert '"period": {' in out and '"start": "2022-01-01"' in out and "ПРОТОКОЛ" in out
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert run_parse(str(empty), None, None) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "пуст" in error
    plain = tmp_path / "letter.txt"
    plain.write_text("Просто письмо.\n", encoding="utf-8")
    assert run_parse(str(plain), None, None) == 0
    assert run_parse(str(tmp_path / "missing.txt"), None, None) == 2
