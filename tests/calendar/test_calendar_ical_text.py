"""The RFC 5545 text helpers: escaping, folding on UTF-8 boundaries, short titles."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tracker.domain.ical_text import (
    content_line,
    escape_text,
    fold,
    ical_date,
    ical_utc,
    person_short_name,
    shorten,
)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Срок: до 10.02.2022", "Срок: до 10.02.2022"),
        ("приказ, отчёт; протокол", "приказ\\, отчёт\\; протокол"),
        ("C:\\docs", "C:\\\\docs"),
        ("строка 1\r\nстрока 2\rстрока 3", "строка 1\\nстрока 2\\nстрока 3"),
        ("звонок\x07 и\tтаб", "звонок и\tтаб"),
    ],
)
def test_escape_text(raw, escaped):
    assert escape_text(raw) == escaped


@pytest.mark.parametrize(
    "text",
    [
        "Ж" * 200,  # two-octet letters: 75 is odd, so a cut must back up
        "a" + "Ж" * 200,
        "Срок: " + "мониторинг «качества» 😀 " * 20,  # four-octet characters too
        "x" * 75,
        "x" * 76,
        "",
    ],
)
def test_fold_keeps_lines_short_and_characters_whole(text):
    line = f"SUMMARY:{text}".encode()
    folded = fold(line)
    physical = folded.split(b"\r\n")
    for index, part in enumerate(physical):
        assert len(part) <= 75
        part.decode("utf-8")  # raises if a character was split
        assert index == 0 or part.startswith(b" ")
    assert b"".join(p[1:] if i else p for i, p in enumerate(physical)) == line


def test_fold_uses_the_whole_line_when_it_can():
    folded = fold(b"D:" + b"x" * 200).split(b"\r\n")
    assert [len(p) for p in folded] == [75, 75, 54]  # 75 + 74 + 53 octets of content


def test_content_line_with_params():
    assert content_line("DTSTART", "20220210", "VALUE=DATE") == b"DTSTART;VALUE=DATE:20220210"


def test_dates():
    assert ical_date(date(2022, 2, 10)) == "20220210"
    sakhalin = timezone(timedelta(hours=11))
    assert ical_utc(datetime(2022, 2, 7, 17, 0, tzinfo=sakhalin)) == "20220207T060000Z"
    assert ical_utc(datetime(2022, 2, 7, 6, 0)) == "20220207T060000Z"
    assert ical_utc(datetime(2022, 2, 7, 6, 0, tzinfo=UTC)) == "20220207T060000Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Разработать  положение\n о профориентации", "Разработать положение о профориентации"),
        (
            (
                "Организовать и провести мониторинг качества подготовки обучающихся "
                "общеобразовательных организаций района"
            ),
            "Организовать и провести мониторинг качества подготовки обучающихся…",
        ),
    ],
)
def test_shorten(text, expected):
    assert shorten(text, 80) == expected
    assert len(shorten(text, 80)) <= 80


def test_shorten_without_spaces_cuts_hard():
    assert shorten("Ж" * 100, 10) == "Ж" * 9 + "…"


def test_person_short_name():
    assert person_short_name("Дискулцу", "ЛЮ") == "Дискулцу Л.Ю."
    assert person_short_name("Дискулцу", "") == "Дискулцу"
    assert person_short_name(None, "ЛЮ") is None
