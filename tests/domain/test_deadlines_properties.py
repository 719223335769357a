"""Properties of parse_deadline over any text, phrase-like text and any period."""

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.deadlines import Period, parse_deadline
from tracker.domain.deadlines.model import KINDS

FRAGMENTS = [
    "до", "не позднее", "срок:", "Срок –", "в течение", "с", "по", "-", "–", ",", ";", "\n",
    "и далее", "постоянно", "ежегодно", "ежеквартально", "ежемесячно", "еженедельно",
    "по необходимости", "по графику", "2 раза в год", "раз в 3 года", "до 25 числа",
    "каждого месяца", "каждый понедельник", "10.02.2022", "31.02.2022", "20.02.200", "15.03",
    "15 марта", "1 сентября 2022 г.", "январь", "Май 2021", "июнь", "августе", "2021", "2023",
    "2021-2023 гг.", "2022/2023 учебный год", "учебного года", "года", "IV квартал", "I полугодие",
    "в течение 10 рабочих дней", "в месячный срок", "<p>", "</p>", "9999", "0000", "29 февраля",
]  # fmt: skip

dates = st.dates()
periods = st.tuples(dates, dates).map(lambda pair: Period(*sorted(pair)))
phrases = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map(" ".join)
texts = st.one_of(st.none(), st.text(max_size=80), phrases)
check_ins = st.sampled_from(["month", "quarter", "half-year", "year"])


def check_invariants(raw, period, deadline):
    assert deadline.kind in KINDS
    assert deadline.raw == raw
    assert deadline.occurrences == sorted(set(deadline.occurrences))
    dated = ([deadline.due] if deadline.due else []) + deadline.occurrences
    assert all(period.start <= day <= period.end for day in dated) or deadline.problems
    if deadline.kind in ("date", "span"):
        assert deadline.due is not None
    if deadline.kind == "span":
        assert deadline.start is not None and deadline.start <= deadline.due
    if deadline.kind in ("unknown", "none"):
        assert deadline.due is None and deadline.occurrences == [] and deadline.problems
    if deadline.kind == "recurring" and deadline.occurrences:
        assert deadline.due == deadline.occurrences[0]
    if raw is None or not raw.strip():
        assert deadline.kind == "none"
    json.dumps(deadline.to_contract())


@settings(max_examples=200, deadline=None)
@given(raw=texts, period=periods, anchor=st.one_of(st.none(), dates), check_in=check_ins)
def test_parse_deadline_never_raises_and_keeps_its_promises(raw, period, anchor, check_in):
    deadline = parse_deadline(raw, period, anchor=anchor, check_in=check_in)
    check_invariants(raw, period, deadline)


near = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(raw=phrases, start=near, days=st.integers(0, 5 * 366), anchor=st.one_of(st.none(), near))
def test_phrases_in_realistic_periods(raw, start, days, anchor):
    period = Period(start, start + timedelta(days=days))
    deadline = parse_deadline(raw, period, anchor=anchor)
    check_invariants(raw, period, deadline)
    if deadline.kind in ("recurring", "ongoing") and not deadline.problems:
        assert all(day in period for day in deadline.occurrences)


@settings(max_examples=200, deadline=None)
@given(raw=st.text(max_size=40), period=periods)
def test_blank_means_none_and_text_never_means_none(raw, period):
    deadline = parse_deadline(raw, period)
    if deadline.kind == "none":
        assert [p.code for p in deadline.problems] == ["deadline_missing"]
