"""Head and document feeds: who sees whose occurrences."""

import pytest

from tests.calendar.conftest import parse_icalendar, parse_icaljs

UID = "occurrence-{}@127.0.0.1"


def _uids(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    js = {i["uid"] for i in parse_icaljs(response.data)["items"]}
    assert js == {str(c["UID"]) for c in parse_icalendar(response.data)}
    return js


def _ids(occ, *names) -> set[str]:
    return {UID.format(occ[n].id) for n in names}


def test_head_sees_units_with_owner_names(region, client, feed_url):
    users, occ, _ = region
    response = client.get(feed_url(users["head"], "?scope=units"))
    items = {i["uid"]: i for i in parse_icaljs(response.data)["items"]}
    assert set(items) == _ids(occ, "feb", "mar", "checkin", "school")
    assert items[UID.format(occ["feb"].id)]["summary"].startswith("Срок: Дискулцу Л.Ю. — ")
    assert items[UID.format(occ["school"].id)]["summary"].startswith("Срок: МБОУ СОШ № 1 — ")
    assert items[UID.format(occ["checkin"].id)]["summary"].startswith("Отчёт: Дискулцу Л.Ю.")
    assert "Отдел образования" in response.data.replace(b"\r\n ", b"").decode()


def test_school_head_units_feed_and_own_feed(region, client, feed_url):
    users, occ, _ = region
    assert _uids(client, feed_url(users["director"], "?scope=units")) == _ids(occ, "school")
    assert _uids(client, feed_url(users["director"])) == _ids(occ, "school")


def test_units_feed_needs_a_unit(region, client, feed_url):
    users, _, _ = region
    assert client.get(feed_url(users["official"], "?scope=units")).status_code == 404


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("official", ("feb", "mar", "checkin")),
        ("head", ("feb", "mar", "checkin", "school")),
        ("director", ("school",)),
        ("stranger", ("foreign",)),
        ("controller", ("feb", "mar", "checkin", "school", "foreign")),
        ("admin", ("feb", "mar", "checkin", "school", "foreign")),
    ],
)
def test_document_feed_respects_visibility(region, client, feed_url, user, expected):
    users, occ, roadmap = region
    url = feed_url(users[user], f"?document={roadmap.id}")
    assert _uids(client, url) == _ids(occ, *expected)


def test_document_feed_hidden_from_outsiders(region, client, feed_url, make, db):
    _, _, roadmap = region
    outsider = make.user(make.person("Посторонний", "ПП"))
    db.session.commit()
    assert client.get(feed_url(outsider, f"?document={roadmap.id}")).status_code == 404


def test_item_controller_sees_that_item(region, client, feed_url, make, db):
    _, occ, roadmap = region
    inspector = make.person("Куропаткина", "АН")
    occ["feb"].assignment.item.controller_id = inspector.id
    user = make.user(inspector, roles=("controller",))
    db.session.commit()
    # the item of "feb" is shared with "school" and "foreign"
    assert _uids(client, feed_url(user, f"?document={roadmap.id}")) == _ids(
        occ, "feb", "school", "foreign"
    )
