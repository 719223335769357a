"""Мои поручения, the head's unit view, ticking off and undoing, and who sees what."""

from datetime import date

import pytest
from sqlalchemy import select

from tracker.assignments.models import AuditEvent


@pytest.fixture
def region(make, db):
    dept = make.org("Отдел образования", kind="department")
    imc = make.org("ИМЦ", parent=dept)
    school = make.org("МБОУ СОШ № 1", parent=dept, kind="school")
    other = make.org("Другой район", kind="department")
    head = make.person("Ренкевич", "ЛМ", org=dept, head_of=dept)
    official = make.person("Дискулцу", "ЛЮ", org=imc)
    director = make.person("Петрова", "АА", org=school, head_of=school)
    stranger = make.person("Чужой", "ЧЧ", org=other)
    users = {
        "head": make.user(head, roles=("head",)),
        "official": make.user(official),
        "director": make.user(director),
        "stranger": make.user(stranger),
    }
    item = make.item(text="Разработка Положения по профориентации", deadline_raw="Май 2021")
    occ = {
        "overdue": make.occurrence(official, due_on=date(2022, 1, 31), item=item),
        "week": make.occurrence(official, due_on=date(2022, 2, 10)),
        "later": make.occurrence(official, due_on=date(2022, 6, 30)),
        "ongoing": make.occurrence(official, due_on=date(2022, 6, 30), is_checkin=True),
        "school": make.occurrence(None, org=school, due_on=date(2022, 2, 1)),
        "foreign": make.occurrence(stranger, due_on=date(2022, 2, 1)),
    }
    db.session.commit()
    return users, occ


def _section(html: str, name: str) -> str:
    start = html.index(f'id="{name}"')
    end = html.find("<section", start)
    return html[start : end if end > 0 else None]


def test_my_assignments_grouped(region, login):
    users, occ = region
    html = login(users["official"]).get("/my").get_data(as_text=True)
    assert f'data-occurrence="{occ["overdue"].id}"' in _section(html, "overdue")
    assert f'data-occurrence="{occ["week"].id}"' in _section(html, "this_week")
    assert f'data-occurrence="{occ["later"].id}"' in _section(html, "later")
    assert f'data-occurrence="{occ["ongoing"].id}"' in _section(html, "ongoing")
    assert "«Май 2021»" in html and "31.01.2022" in html
    assert f'data-occurrence="{occ["foreign"].id}"' not in html


def test_school_head_sees_school_occurrences_as_own(region, login):
    users, occ = region
    html = login(users["director"]).get("/my").get_data(as_text=True)
    assert f'data-occurrence="{occ["school"].id}"' in html


def test_tick_off_moves_to_done_with_audit(region, login, db):
    users, occ = region
    client = login(users["official"])
    target = occ["week"]
    response = client.post(
        f"/occurrences/{target.id}/complete",
        data={"report": "Положение утверждено", "evidence_url": "https://x.ru/1"},
    )
    assert response.status_code == 302
    db.session.refresh(target)
    assert target.state == "done" and target.done_by_id == users["official"].id
    assert target.done_on == date(2022, 2, 7)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.occurrence_id == target.id))
    assert (event.from_state, event.to_state, event.actor_id) == (
        "open",
        "done",
        users["official"].id,
    )
    html = client.get("/my").get_data(as_text=True)
    assert f'data-occurrence="{target.id}"' not in _section(html, "this_week")
    detail = client.get(f"/occurrences/{target.id}").get_data(as_text=True)
    assert "Выполнено: 07.02.2022, Дискулцу Л.Ю." in detail
    assert "Отменить отметку" in html


def test_tick_off_requires_report(region, login, db):
    users, occ = region
    client = login(users["official"])
    client.post(f"/occurrences/{occ['week'].id}/complete", data={"report": ""})
    db.session.refresh(occ["week"])
    assert occ["week"].state == "open"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "https://a.com/ javascript:alert(1)", "javascript://a.com/%0a1"]
)
def test_bad_evidence_link_refused(region, login, db, link):
    users, occ = region
    client = login(users["official"])
    response = client.post(
        f"/occurrences/{occ['week'].id}/complete",
        data={"report": "готово", "evidence_url": link},
        follow_redirects=True,
    )
    db.session.refresh(occ["week"])
    assert occ["week"].state == "open"
    assert "http://" in response.get_data(as_text=True)


def test_stored_unsafe_link_is_not_rendered(region, login, db):
    users, occ = region
    occ["week"].evidence_url = "https://a.com/ javascript:alert(1)"
    db.session.commit()
    html = login(users["official"]).get(f"/occurrences/{occ['week'].id}").get_data(as_text=True)
    assert 'href="javascript' not in html


def test_undo_same_day_only(region, login, db, clock):
    users, occ = region
    client = login(users["official"])
    target = occ["week"]
    client.post(f"/occurrences/{target.id}/complete", data={"report": "сделано"})
    client.post(f"/occurrences/{target.id}/undo")
    db.session.refresh(target)
    assert target.state == "open" and target.done_at is None
    client.post(f"/occurrences/{target.id}/complete", data={"report": "сделано"})
    clock.set(2022, 2, 8, 6)
    response = client.post(f"/occurrences/{target.id}/undo", follow_redirects=True)
    db.session.refresh(target)
    assert target.state == "done"
    assert "в тот же день" in response.get_data(as_text=True)


def test_owner_cannot_undo_a_controllers_acceptance(region, login, db, make):
    users, occ = region
    target = occ["week"]
    target.assignment.item.controller = users["head"].person
    db.session.commit()
    client = login(users["official"])
    client.post(f"/occurrences/{target.id}/complete", data={"report": "сделано"})
    db.session.refresh(target)
    assert target.state == "reported"
    target.state, target.done_by_id = "done", users["head"].id  # accepted by the controller
    db.session.commit()
    client.post(f"/occurrences/{target.id}/undo")
    db.session.refresh(target)
    assert target.state == "done"


def test_only_owner_ticks_off(region, login, db):
    users, occ = region
    client = login(users["head"])
    client.post(f"/occurrences/{occ['week'].id}/complete", data={"report": "x"})
    db.session.refresh(occ["week"])
    assert occ["week"].state == "open"


def test_official_never_sees_other_units(region, login):
    users, occ = region
    client = login(users["stranger"])
    assert client.get(f"/occurrences/{occ['week'].id}").status_code == 404
    assert (
        client.post(f"/occurrences/{occ['week'].id}/complete", data={"report": "x"}).status_code
        == 404
    )
    assert client.get("/units").status_code == 403


def test_head_sees_subtree_overdue_first_with_working_days_late(region, login):
    users, occ = region
    html = login(users["head"]).get("/units").get_data(as_text=True)
    positions = {k: html.find(f'data-occurrence="{o.id}"') for k, o in occ.items()}
    assert positions["foreign"] == -1
    assert 0 < positions["overdue"] < positions["school"] < positions["week"] < positions["later"]
    # 31.01.2022 (Mon) → 07.02.2022 (Mon): five working days late
    assert "5 рабочих дней просрочки" in html


def test_head_filters(region, login, make, db):
    users, occ = region
    client = login(users["head"])
    school_id = occ["school"].organisation_id
    html = client.get(f"/units?unit={school_id}").get_data(as_text=True)
    assert f'data-occurrence="{occ["school"].id}"' in html
    assert f'data-occurrence="{occ["week"].id}"' not in html
    html = client.get(f"/units?person={occ['week'].person_id}&overdue=1").get_data(as_text=True)
    assert f'data-occurrence="{occ["overdue"].id}"' in html
    assert f'data-occurrence="{occ["week"].id}"' not in html
    foreign_unit = occ["foreign"].organisation_id
    html = client.get(f"/units?unit={foreign_unit}").get_data(as_text=True)
    assert f'data-occurrence="{occ["foreign"].id}"' not in html


def test_head_sees_occurrence_left_overdue_list_after_tick(region, login, client):
    users, occ = region
    login(users["official"]).post(
        f"/occurrences/{occ['overdue'].id}/complete", data={"report": "сделано"}
    )
    client.post("/logout")
    html = login(users["head"]).get("/units?overdue=1").get_data(as_text=True)
    assert f'data-occurrence="{occ["overdue"].id}"' not in html


def test_head_view_pages(region, login, make, db, monkeypatch):
    from tracker.assignments import queries

    monkeypatch.setattr(queries, "PER_PAGE", 2)
    users, occ = region
    client = login(users["head"])
    first = client.get("/units").get_data(as_text=True)
    second = client.get("/units?page=2").get_data(as_text=True)
    assert f'data-occurrence="{occ["overdue"].id}"' in first
    assert f'data-occurrence="{occ["overdue"].id}"' not in second
    assert "page=2" in first and "page=1" in second
