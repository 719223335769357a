"""The .ics feeds, parsed by icalendar and by Mozilla's ical.js, event by event."""

from datetime import date

import pytest

from tests.calendar.conftest import LONG_TEXT, parse_icalendar, parse_icaljs
from tracker.assignments.services import complete

UID = "occurrence-{}@127.0.0.1"


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return response


def _both(body: bytes) -> tuple[dict, dict]:
    """Parse with both parsers; return {uid: component} and {uid: ical.js item}."""
    py = {str(c["UID"]): c for c in parse_icalendar(body)}
    js = {item["uid"]: item for item in parse_icaljs(body)["items"]}
    assert set(py) == set(js)
    return py, js


def test_my_feed_events(region, client, feed_url):
    users, occ, _ = region
    body = _get(client, feed_url(users["official"])).data
    py, js = _both(body)
    expected = {UID.format(occ[k].id): occ[k] for k in ("feb", "mar", "checkin")}
    assert set(py) == set(expected)
    for uid, o in expected.items():
        assert py[uid].decoded("DTSTART") == o.due_on
        assert py[uid].decoded("DTEND") == date.fromordinal(o.due_on.toordinal() + 1)
        assert js[uid]["dtstart"] == o.due_on.isoformat()
        assert js[uid]["status"] == "CONFIRMED" and js[uid]["sequence"] == 0
        assert js[uid]["alarms"] == ["-P1D"]
    feb = js[UID.format(occ["feb"].id)]
    assert feb["summary"].startswith("Срок: Организовать и провести мониторинг")
    assert feb["summary"].endswith("…") and len(feb["summary"]) <= len("Срок: ") + 80
    assert feb["categories"] == ["Мониторинг"]
    assert feb["url"] == f"http://127.0.0.1:5000/occurrences/{occ['feb'].id}"
    for part in (
        "Документ: Дорожная карта развития МСОКО № 12-р",
        "Пункт: 3.1",
        "Ожидаемый результат: Справка, приказ",
        "Ответственный: Дискулцу Л.Ю.",
        "Срок по документу: «Май 2022»",
        LONG_TEXT,
        feb["url"],
    ):
        assert part in feb["description"]
    assert js[UID.format(occ["checkin"].id)]["summary"] == "Отчёт: Вести реестр постоянно"


def test_calendar_properties(region, client, feed_url):
    users, _, _ = region
    body = _get(client, feed_url(users["official"])).data
    parsed = parse_icaljs(body)
    assert parsed["calname"] == "Сроки — Дискулцу Л.Ю."
    assert parsed["refresh"] == "PT1H" and parsed["method"] == "PUBLISH"
    for line in (
        b"VERSION:2.0",
        b"PRODID:",
        b"CALSCALE:GREGORIAN",
        b"X-PUBLISHED-TTL:PT1H",
        b"REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        b"X-WR-TIMEZONE:Asia/Sakhalin",
    ):
        assert line in body


def test_russian_text_survives_folding(region, client, feed_url):
    users, _, _ = region
    body = _get(client, feed_url(users["official"])).data
    lines = body.split(b"\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # every physical line is whole UTF-8: no character was split
    assert "Ответственный: Дискулцу Л.Ю." in body.replace(b"\r\n ", b"").decode()
    assert "Ð" not in body.decode("utf-8")  # no mojibake from a double encoding


def test_uids_stable_and_sequence_moves_when_ticked(region, client, feed_url, clock, db):
    users, occ, _ = region
    url = feed_url(users["official"], "?done=1")
    first = {i["uid"]: i for i in parse_icaljs(_get(client, url).data)["items"]}
    again = {i["uid"]: i for i in parse_icaljs(_get(client, url).data)["items"]}
    assert first.keys() == again.keys()
    uid = UID.format(occ["feb"].id)
    assert first[uid]["last_modified"] == "2022-02-07T06:00:00Z"
    clock.set(2022, 2, 8, 9, 30)
    occ["feb"].assignment.item.requires_acceptance = False  # done at once, no controller
    complete(occ["feb"], users["official"], "Справка подготовлена", None)
    db.session.commit()
    after = {i["uid"]: i for i in parse_icaljs(_get(client, url).data)["items"]}
    assert after[uid]["sequence"] == first[uid]["sequence"] + 1
    assert after[uid]["last_modified"] == "2022-02-08T09:30:00Z"
    plain = parse_icaljs(_get(client, url.split("?")[0]).data)["items"]
    assert uid not in {i["uid"] for i in plain}


def test_done_only_on_request(region, client, feed_url):
    users, occ, _ = region
    url = feed_url(users["official"])
    uids = {i["uid"] for i in parse_icaljs(_get(client, url).data)["items"]}
    assert UID.format(occ["done"].id) not in uids
    with_done, _ = _both(_get(client, url + "?done=1").data)
    assert UID.format(occ["done"].id) in with_done
    assert UID.format(occ["ongoing"].id) not in with_done  # no date: nothing to show


def test_stage_filter(region, client, feed_url):
    users, occ, _ = region
    _, js = _both(_get(client, feed_url(users["official"], "?stage=goals")).data)
    assert set(js) == {UID.format(occ["mar"].id)}
    assert js[UID.format(occ["mar"].id)]["categories"] == [
        "Целеполагание. Нормативно-правовое обеспечение"
    ]


def test_todo_variant(region, client, feed_url):
    users, occ, _ = region
    url = feed_url(users["official"], "?components=todo&done=1")
    py, js = _both(_get(client, url).data)
    todo = js[f"occurrence-{occ['feb'].id}-todo@127.0.0.1"]
    assert todo["type"] == "vtodo" and todo["due"] == "2022-02-10"
    assert todo["status"] == "NEEDS-ACTION" and todo["dtstart"] is None
    done = py[f"occurrence-{occ['done'].id}-todo@127.0.0.1"]
    assert str(done["STATUS"]) == "COMPLETED" and done.decoded("DUE") == date(2022, 1, 31)
    assert all(item["type"] == "vtodo" for item in js.values())


def test_alarm_is_configurable(region, app, client, feed_url):
    users, _, _ = region
    url = feed_url(users["official"])
    etag = _get(client, url).headers["ETag"]
    app.config["CALENDAR_ALARM"] = ""
    response = _get(client, url, **{"If-None-Match": etag})
    assert b"BEGIN:VALARM" not in response.data
    app.config["CALENDAR_ALARM"] = "-PT15H"
    items = parse_icaljs(_get(client, url).data)["items"]
    assert {a for i in items for a in i["alarms"]} == {"-PT15H"}


@pytest.mark.parametrize(
    "query",
    ["?scope=all", "?stage=nonsense", "?components=journal", "?document=abc", "?document=999999"],
)
def test_malformed_or_unknown_filters_404(region, client, feed_url, query):
    users, _, _ = region
    assert client.get(feed_url(users["official"], query)).status_code == 404
