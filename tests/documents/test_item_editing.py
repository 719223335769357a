"""Fixing an imported item on the document's page: deadline, owners, stage and text."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from tracker.assignments.models import Assignment, AuditEvent, Occurrence
from tracker.documents.models import Item
from tracker.extensions import db as _db
from tracker.notifications.models import MailBatch

OWNER_MISSING = {"code": "owner_missing"}

FEB_10, FEB_11 = date(2022, 2, 10), date(2022, 2, 11)  # 12.02.2022 is a Saturday


@pytest.fixture
def doc(db, make, nogliki):
    """Roadmap 004's department: an item without a deadline, one with two owners, one
    without owners; Ренкевич controls the document."""
    people = nogliki["people"]
    document = make.document(
        "Дорожная карта МСОКО",
        issuer=nogliki["dept"],
        issued_on=date(2021, 1, 15),
        controller=people["renkevich"],
    )
    undated = make.item(document, text="Разработать положение", deadline_kind="none")
    undated.problems = [{"code": "deadline_missing"}]
    make.occurrence(people["diskultsu"], item=undated, due_on=None)
    dated = make.item(
        document,
        text="Провести мониторинг",
        stage="monitoring",
        deadline_raw="до 10.02.2022",
        deadline_kind="date",
    )
    open_ = make.occurrence(people["diskultsu"], item=dated, due_on=FEB_10)
    done = make.occurrence(
        people["bobrova"], item=dated, due_on=FEB_10, state="done", report="Проведён"
    )
    orphan = make.item(
        document, text="Обеспечить участие", deadline_raw="до 10.02.2022", deadline_kind="date"
    )
    orphan.problems = [OWNER_MISSING]
    users = {
        "secretary": nogliki["secretary"],
        "controller": make.user(people["renkevich"], roles=("head",)),
        "executor": make.user(people["diskultsu"]),
        "stranger": make.user(nogliki["directors"][0]),
    }
    db.session.commit()
    return {
        "document": document,
        "undated": undated,
        "dated": dated,
        "orphan": orphan,
        "open": open_,
        "done": done,
        "users": users,
        **nogliki,
    }


def _url(item, tail="edit"):
    return f"/documents/{item.document_id}/items/{item.id}/{tail}"


def _edit(client, item, **changes):
    data = {
        "stage": item.stage or "",
        "text": item.text,
        "deadline": item.deadline_raw or "",
        "actionable": "y" if item.is_actionable else "",
        "save": "Сохранить",
    }
    data.update(changes)
    return client.post(_url(item), data={k: v for k, v in data.items() if v != ""})


def _occurrences(db, item):
    return list(
        db.session.scalars(
            select(Occurrence)
            .join(Assignment)
            .where(Assignment.item_id == item.id)
            .order_by(Occurrence.id)
        )
    )


def _actions(db) -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _mail_count(db, person) -> int:
    return db.session.scalar(
        select(func.count()).select_from(MailBatch).where(MailBatch.person_id == person.id)
    )


def test_setting_a_deadline_dates_the_open_occurrence_on_a_working_day(db, doc, login):
    client = login(doc["users"]["secretary"])
    response = _edit(client, doc["undated"], deadline="до 12.02.2022")
    assert response.status_code == 302
    (occurrence,) = _occurrences(db, doc["undated"])
    assert (occurrence.due_on, occurrence.original_due_on, occurrence.sequence) == (
        FEB_11,
        FEB_11,
        1,
    )
    item = db.session.get(Item, doc["undated"].id)
    assert (item.deadline_raw, item.deadline_kind, item.problems) == ("до 12.02.2022", "date", [])
    assert _actions(db) == ["deadline_changed", "deadline_changed"]


def test_a_recurring_deadline_adds_occurrences_and_tells_the_owner(db, doc, login):
    client = login(doc["users"]["secretary"])
    _edit(client, doc["undated"], deadline="Ежегодно")
    dues = [o.due_on for o in _occurrences(db, doc["undated"])]
    assert dues == [date(2021, 12, 30), date(2022, 12, 30), date(2023, 12, 29)]
    assert _mail_count(db, doc["people"]["diskultsu"]) == 1


def test_a_changed_deadline_replaces_open_occurrences_and_keeps_done_ones(db, doc, login):
    client = login(doc["users"]["secretary"])
    assert _edit(client, doc["dated"], deadline="до 12.02.2022").status_code == 302
    open_, done = (db.session.get(Occurrence, doc[k].id) for k in ("open", "done"))
    assert (open_.due_on, open_.state, open_.sequence) == (FEB_11, "open", 1)
    assert (done.due_on, done.state, done.sequence) == (FEB_10, "done", 0)
    assert len(_occurrences(db, doc["dated"])) == 2  # the done work is not asked again


def test_a_bad_phrase_is_saved_but_flagged(db, doc, login):
    client = login(doc["users"]["secretary"])
    assert _edit(client, doc["dated"], deadline="20.02.200").status_code == 302
    item = db.session.get(Item, doc["dated"].id)
    assert item.deadline_kind == "unknown"
    assert item.problems == [
        {"code": "deadline_invalid", "values": {"raw": "20.02.200", "bad": "20.02.200"}}
    ]
    assert db.session.get(Occurrence, doc["open"].id).due_on is None


def test_check_shows_the_reading_and_saves_nothing(db, doc, login):
    client = login(doc["users"]["secretary"])
    response = _edit(client, doc["undated"], deadline="до 12.02.2022", save="", check="1")
    assert response.status_code == 200
    assert "до 11.02.2022 (перенос с 12.02.2022)" in response.get_data(as_text=True)
    assert db.session.get(Item, doc["undated"].id).deadline_raw is None
    assert _actions(db) == []


def test_stage_and_text_edits_reach_the_occurrences(db, doc, login):
    client = login(doc["users"]["secretary"])
    _edit(client, doc["dated"], stage="analysis", text="Провести анализ")
    assert {(o.stage, o.sequence) for o in _occurrences(db, doc["dated"])} == {("analysis", 1)}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "item_edited"))
    assert event.details["changes"]["stage"] == ["monitoring", "analysis"]


def test_not_actionable_cancels_open_work_only(db, doc, login):
    client = login(doc["users"]["secretary"])
    _edit(client, doc["dated"], actionable="")
    assert {o.id: o.state for o in _occurrences(db, doc["dated"])} == {
        doc["open"].id: "cancelled",
        doc["done"].id: "done",
    }


def test_adding_a_person_creates_work_and_a_notification(db, doc, login):
    client = login(doc["users"]["secretary"])
    samatova = doc["people"]["samatova"]
    response = client.post(
        _url(doc["orphan"], "owners"), data={"kind": "person", "person": samatova.id}
    )
    assert response.status_code == 302
    (occurrence,) = _occurrences(db, doc["orphan"])
    assert (occurrence.person_id, occurrence.due_on, occurrence.state) == (
        samatova.id,
        FEB_10,
        "open",
    )
    assert occurrence.organisation_id == doc["dept"].id
    assert db.session.get(Item, doc["orphan"].id).problems == []
    assert _mail_count(db, samatova) == 1
    assert _actions(db) == ["owner_added"]


def test_adding_a_group_fans_out_to_every_school(db, doc, login):
    client = login(doc["users"]["secretary"])
    response = client.post(
        _url(doc["orphan"], "owners"), data={"kind": "group", "group": "schools"}
    )
    assert response.status_code == 302
    occurrences = _occurrences(db, doc["orphan"])
    assert sorted(o.organisation_id for o in occurrences) == sorted(s.id for s in doc["schools"])
    assert {(o.person_id, o.due_on) for o in occurrences} == {(None, FEB_10)}
    again = client.post(_url(doc["orphan"], "owners"), data={"kind": "group", "group": "schools"})
    assert again.status_code == 422  # every school already has it


def test_an_unknown_person_is_refused_in_russian_and_nothing_is_written(db, doc, login):
    client = login(doc["users"]["secretary"])
    response = client.post(_url(doc["orphan"], "owners"), data={"kind": "person", "person": 99999})
    assert response.status_code == 422
    assert "Выбранный сотрудник не найден в справочнике." in response.get_data(as_text=True)
    assert _occurrences(db, doc["orphan"]) == [] and _actions(db) == []


def test_an_existing_owner_is_not_added_twice(db, doc, login):
    client = login(doc["users"]["secretary"])
    diskultsu = doc["people"]["diskultsu"]
    response = client.post(
        _url(doc["dated"], "owners"), data={"kind": "person", "person": diskultsu.id}
    )
    assert response.status_code == 422
    assert "уже отвечает за этот пункт" in response.get_data(as_text=True)


def test_empty_text_is_refused_and_nothing_is_written(db, doc, login):
    client = login(doc["users"]["secretary"])
    response = _edit(client, doc["dated"], text="", deadline="до 12.02.2022")
    assert response.status_code == 422
    assert "Текст пункта не может быть пустым." in response.get_data(as_text=True)
    assert db.session.get(Item, doc["dated"].id).deadline_raw == "до 10.02.2022"
    assert _actions(db) == []


def test_removing_an_owner_cancels_the_open_occurrences(db, doc, login):
    client = login(doc["users"]["secretary"])
    assignment_id = doc["open"].assignment_id
    response = client.post(_url(doc["dated"], f"owners/{assignment_id}/remove"))
    assert response.status_code == 302
    assert db.session.get(Occurrence, doc["open"].id).state == "cancelled"
    events = db.session.execute(
        select(AuditEvent.action, AuditEvent.to_state).order_by(AuditEvent.id)
    ).all()
    assert events == [("owner_removed", "cancelled"), ("owner_removed", None)]


def test_an_owner_who_reported_cannot_be_removed(db, doc, login):
    client = login(doc["users"]["secretary"])
    assignment_id = doc["done"].assignment_id
    client.post(_url(doc["dated"], f"owners/{assignment_id}/remove"))
    assert db.session.get(Occurrence, doc["done"].id).state == "done"
    assert _actions(db) == []


def test_removing_the_last_owner_flags_the_item(db, doc, login):
    client = login(doc["users"]["secretary"])
    client.post(
        _url(doc["undated"], f"owners/{_occurrences(db, doc['undated'])[0].assignment_id}/remove")
    )
    assert OWNER_MISSING in db.session.get(Item, doc["undated"].id).problems


@pytest.mark.parametrize(
    "who, status", [("executor", 403), ("stranger", 404), ("controller", 200), ("secretary", 200)]
)
def test_who_may_fix_an_item(db, doc, login, who, status):
    client = login(doc["users"][who])
    assert client.get(_url(doc["dated"])).status_code == status
    posted = _edit(client, doc["dated"], deadline="до 12.02.2022")
    assert posted.status_code == (302 if status == 200 else status)
    detail = client.get(f"/documents/{doc['document'].id}")
    assert ("Исправить" in detail.get_data(as_text=True)) == (status == 200)


def test_the_edit_form_needs_its_csrf_token(clock, csrf_app):
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        make = Factories(_db.session)
        user = make.user(make.person("Саматова", "СЛ"), roles=("secretary",))
        item = make.item(deadline_raw="до 10.02.2022", deadline_kind="date")
        _db.session.commit()
        client = app.test_client()
        client.post(
            "/login",
            data={
                "login": user.login,
                "password": "secret-pass",
                "csrf_token": _token(client.get("/login")),
            },
        )
        data = {"text": "Другой текст", "deadline": "до 10.02.2022", "actionable": "y"}
        assert client.post(_url(item), data=data).status_code == 400
        assert _db.session.get(Item, item.id).text == "Разработать положение"
        data["csrf_token"] = _token(client.get(_url(item)))
        assert client.post(_url(item), data=data).status_code == 302
        _db.session.expire_all()
        assert _db.session.get(Item, item.id).text == "Другой текст"
        _db.session.remove()
        _db.drop_all()


def _token(response) -> str:
    html = response.get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_item_controller_and_coexecutor_see_the_document_as_they_see_the_occurrence(
    db, doc, login, make
):
    from tracker.assignments.models import CoExecutor

    item_controller = make.user(doc["directors"][1])
    doc["dated"].controller_id = item_controller.person_id
    helper = make.user(doc["directors"][2])
    db.session.add(CoExecutor(assignment_id=doc["open"].assignment_id, person_id=helper.person_id))
    db.session.commit()
    document_url = f"/documents/{doc['document'].id}"
    client = login(item_controller)
    assert client.get(f"/occurrences/{doc['open'].id}").status_code == 200
    assert client.get(document_url).status_code == 200
    assert client.get(_url(doc["dated"])).status_code == 200
    assert doc["document"].title in client.get("/documents/").get_data(as_text=True)
    client.post("/logout")
    client = login(helper)
    assert client.get(f"/occurrences/{doc['open'].id}").status_code == 200
    assert client.get(document_url).status_code == 200
    assert client.get(_url(doc["dated"])).status_code == 403
    client.post("/logout")
    assert login(doc["users"]["stranger"]).get(document_url).status_code == 404
