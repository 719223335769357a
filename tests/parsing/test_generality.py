"""Rules that carry the parser beyond the seeds: inline deadlines, actionability, paragraphs
between a table's rows, rowspans in HTML, approval dates of plans."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.parsing.api import parse_bytes
from tracker.parsing.inline_deadline import cut_inline_deadline
from tracker.parsing.readers import read_blocks
from tracker.parsing.shaping import is_actionable

TODAY = date(2026, 1, 15)  # stands in for undated documents


@pytest.mark.parametrize(
    ("text", "body", "phrase"),
    [
        (
            "ежемесячно до 5 числа представлять информацию о ходе подготовки",
            "представлять информацию о ходе подготовки",
            "ежемесячно до 5 числа",
        ),
        (
            "проанализировать результаты в срок до 15.04.2023 на заседаниях ШМО",
            "проанализировать результаты на заседаниях ШМО",
            "до 15.04.2023",
        ),
        (
            "Ежеквартально в срок до 5 числа месяца, следующего за отчётным кварталом, "
            "представлять отчёт",
            "представлять отчёт",
            "Ежеквартально в срок до 5 числа месяца, следующего за отчётным кварталом",
        ),
        (
            "организовать проведение недели профориентации ежегодно в октябре;",
            "организовать проведение недели профориентации",
            "ежегодно в октябре",
        ),
        (
            "Провести мониторинг в период с 10 по 28 апреля 2023 года.",
            "Провести мониторинг",
            "в период с 10 по 28 апреля 2023 года",
        ),
        (
            "предусмотреть средства на оснащение кабинетов в 2023 году.",
            "предусмотреть средства на оснащение кабинетов",
            "в 2023 году",
        ),
        (
            "провести выездные консультации по отдельному графику.",
            "провести выездные консультации",
            "по отдельному графику",
        ),
        (
            "закрепить наставников к 1 октября 2023 г.",
            "закрепить наставников",
            "к 1 октября 2023 г.",
        ),
        (
            "организовать семинар в марте 2023 года для учителей",
            "организовать семинар для учителей",
            "в марте 2023 года",
        ),
        (
            "до конца 2023 года обновить банк заданий.",
            "обновить банк заданий.",
            "до конца 2023 года",
        ),
        (
            "провести совещание в I квартале 2024 года",
            "провести совещание",
            "в I квартале 2024 года",
        ),
        ("провести педсовет в марте.", "провести педсовет", "в марте"),
        # a bare "до" is no deadline, nor is a date in a title or a reference
        (
            "довести до сведения педагогов рекомендации",
            "довести до сведения педагогов рекомендации",
            None,
        ),
        ("изучить приказ от 30.08.2021 № 289", "изучить приказ от 30.08.2021 № 289", None),
        ("реализовать «План на 2023 год»", "реализовать «План на 2023 год»", None),
        (
            "разработать «Положение о сроках до 01.09.2023»",
            "разработать «Положение о сроках до 01.09.2023»",
            None,
        ),
    ],
)
def test_cut_inline_deadline(text, body, phrase):
    assert cut_inline_deadline(text) == (body, phrase)


@pytest.mark.parametrize(
    ("text", "addressed", "actionable"),
    [
        ("Информацию принять к сведению.", False, False),
        ("Принять к сведению информацию об итогах олимпиады.", False, False),
        ("Одобрить опыт МБОУ «СОШ № 2» по организации наблюдения", False, False),
        ("Признать утратившим силу приказ от 30.08.2021 № 289", False, False),
        ("Отметить положительный опыт работы школ", False, False),
        ("Информацию принять к сведению и использовать в работе.", False, True),
        ("Одобрить опыт школ и рекомендовать его к распространению", False, True),
        ("Принять к исполнению план мероприятий", False, True),
        ("отметить лучших педагогов на августовском совещании", True, True),
        ("принять к сведению", True, False),
        ("Провести мониторинг", False, True),
    ],
)
def test_is_actionable(text, addressed, actionable):
    assert is_actionable(text, addressed=addressed) is actionable


def _doc(text: str, name: str = "doc.txt") -> dict:
    return parse_bytes(text.encode("utf-8"), name, today=TODAY).to_contract()


ROADMAP = (
    "План мероприятий на 2023 год\n"
    "№\tМероприятие\tСрок\tОтветственный\n"
    "{first}\n"
    "1.1\tРазработка положения\tмарт 2023\tИванова И.И.\n"
    "{second}\n"
    "2.1\tПроведение мониторинга\tежеквартально\tРуководители ОО\n"
    "\n"
    "Начальник отдела\tП.П. Петров\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1. Нормативное обеспечение", "2. Мониторинг"),
        ("I. Нормативное обеспечение", "II. Мониторинг"),
        ("Нормативное обеспечение", "Мониторинг"),
    ],
)
def test_plain_lines_between_rows_are_sections(first, second):
    doc = _doc(ROADMAP.format(first=first, second=second))
    assert [(i["number"], i["stage"]) for i in doc["items"]] == [
        ("1.1", "goals"),
        ("2.1", "monitoring"),
    ]


def test_a_measure_split_over_a_numbered_line_and_bullet_rows_stays_one_item():
    text = (
        "План мероприятий на 2023 год\n№\tМероприятие\tСрок\tОтветственный\n"
        "1.1\tРазработка положения\tмарт 2023\tИванова И.И.\n"
        "1.2\tДиагностика дефицитов педагогов:\n\t- учителей математики;\n"
        "\t- учителей физики\tмай 2023\tИванова И.И.\n"
    )
    items = _doc(text)["items"]
    assert [i["number"] for i in items] == ["1.1", "1.2"]
    assert items[1]["text"].endswith("учителей физики")
    assert items[1]["deadline"]["due"] == "2023-05-31"


def test_html_rowspan_keeps_the_columns_of_the_next_row():
    html = (
        "<table><tr><td rowspan='2'>1</td><td>Текст</td><td rowspan='2'>май</td></tr>"
        "<tr><td>продолжение</td></tr></table>"
    )
    blocks = read_blocks(html.encode("utf-8"), "t.html")
    assert [b.cells for b in blocks] == [("1", "Текст", "май"), ("", "продолжение", "")]


def test_a_plan_is_dated_by_its_approval_stamp():
    text = "УТВЕРЖДЕН\nприказом от «02» февраля 2023 г. № 118\n\n" + ROADMAP.format(
        first="1. Нормативное обеспечение", second="2. Мониторинг"
    )
    assert _doc(text)["date"] == "2023-02-02"


def test_spaced_heading_gives_the_number():
    doc = _doc(
        "П Р О Т О К О Л\nзаседания совета от 28.10.2022 № 4\nРЕШИЛИ:\n1. Провести семинар.\n"
    )
    assert (doc["number"], doc["date"]) == ("4", "2022-10-28")


@pytest.mark.parametrize(
    "marker",
    ["По итогам обсуждения члены совета решили:", "Совет постановил:", "Комиссия решила:"],
)
def test_a_decision_marker_may_have_a_subject(marker):
    doc = _doc(
        f"ПРОТОКОЛ № 2\nот 10.02.2023\nСлушали: Иванову И.И.\n{marker}\n1. Провести семинар.\n"
    )
    assert [i["text"] for i in doc["items"]] == ["Провести семинар."]


def test_responsibility_laid_on_a_person_makes_the_owner():
    doc = _doc(
        "ПРОТОКОЛ № 2\nот 10.02.2023\nРЕШИЛИ:\n"
        "1. Ответственность за организацию повторных работ возложить на Сидорову А.А.\n"
    )
    assert [o["name"] for o in doc["items"][0]["owners"]] == ["Сидорова А.А."]
