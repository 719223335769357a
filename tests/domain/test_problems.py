"""Problems are codes with values, worded only when shown."""

import pytest

from tracker.domain.deadlines import Period, parse_deadline
from tracker.domain.problems import MESSAGES, Problem, from_records, records


def test_a_problem_keeps_its_code_and_values_and_words_them_in_russian():
    problem = Problem.of("deadline_invalid", raw="до 31.02.2022", bad="31.02.2022")
    assert problem.record() == {
        "code": "deadline_invalid",
        "values": {"raw": "до 31.02.2022", "bad": "31.02.2022"},
    }
    assert str(problem) == "Срок «до 31.02.2022» не распознан: неверная дата «31.02.2022»"


def test_the_catalog_words_it_in_another_language():
    english = {MESSAGES["owner_missing"]: "No owner is named."}
    assert Problem.of("owner_missing").sentence(english.get) == "No owner is named."


def test_records_round_trip_and_repeats_go():
    problems = [Problem.of("owner_missing"), Problem.of("owner_missing")]
    assert from_records(records(problems)) == [Problem.of("owner_missing")]


@pytest.mark.parametrize(
    ("stored", "code"),
    [("Срок не указан", "note"), ({"code": "gone_code", "values": {"text": "x"}}, "note")],
)
def test_a_sentence_stored_before_codes_is_shown_as_it_was(stored, code):
    problem = Problem.from_record(stored)
    assert problem.code == code and str(problem)


def test_an_unknown_code_is_refused_where_it_is_made():
    with pytest.raises(KeyError):
        Problem.of("no_such_problem")


def test_the_deadline_parser_reports_codes_not_sentences():
    from datetime import date

    deadline = parse_deadline("по отдельному графику", Period(date(2025, 1, 1), date(2025, 12, 31)))
    assert [p.code for p in deadline.problems] == ["deadline_by_schedule"]
    assert deadline.to_record()["problems"] == [
        {"code": "deadline_by_schedule", "values": {"raw": "по отдельному графику"}}
    ]
    assert deadline.to_contract()["problems"] == [
        "Срок «по отдельному графику» задан по графику или плану: укажите даты вручную"
    ]
