"""Comments with mentions, co-executors, re-assignment, and the history page."""

from datetime import date

from sqlalchemy import select

from tracker.assignments.models import CoExecutor, Occurrence
from tracker.control.models import Comment
from tracker.extensions import db
from tracker.notifications.models import MailBatch, Notification


def _url(world, what: str) -> str:
    return f"/control/occurrences/{world.occurrence.id}/{what}"


def _rules(person_id: int) -> list[str]:
    stmt = select(Notification.rule).where(Notification.person_id == person_id)
    return list(db.session.scalars(stmt))


def test_comment_mentions_notify_the_person(world, login, client):
    # the colleague helps on the assignment, so may see it and be told of the mention
    db.session.add(
        CoExecutor(
            assignment_id=world.occurrence.assignment_id, person_id=world.colleague.person_id
        )
    )
    db.session.commit()
    login(world.owner)
    client.post(
        _url(world, "comments"),
        data={"text": "@Игнатенко Н.В., посмотрите, пожалуйста; @Боброва тоже"},
    )
    assert db.session.scalar(select(Comment.text)).startswith("@Игнатенко")
    assert _rules(world.controller.person_id) == ["mention"]
    assert _rules(world.colleague.person_id) == ["mention"]
    assert _rules(world.owner.person_id) == []
    client.post("/logout")
    login(world.controller)
    page = client.get(f"/occurrences/{world.occurrence.id}").get_data(as_text=True)
    assert "посмотрите, пожалуйста" in page and 'data-action="commented"' in page


def test_empty_comment_is_refused(world, login, client):
    login(world.owner)
    page = client.post(_url(world, "comments"), data={"text": " "}, follow_redirects=True)
    assert "Напишите текст комментария." in page.get_data(as_text=True)
    assert db.session.scalar(select(Comment.id)) is None


def test_coexecutor_sees_and_comments(world, login, client):
    login(world.owner)
    client.post(_url(world, "coexecutors"), data={"person": world.colleague.person_id})
    client.post("/logout")
    login(world.colleague)
    client.post(_url(world, "comments"), data={"text": "Таблицу собрала"})
    assert db.session.scalar(select(Comment.text)) == "Таблицу собрала"


def test_head_reassigns_open_occurrences_within_the_unit(world, login, client, make):
    done = make.occurrence(
        world.occurrence.person,
        item=world.occurrence.assignment.item,
        due_on=date(2022, 1, 10),
        state="done",
    )
    done.assignment = world.occurrence.assignment
    later = make.occurrence(
        world.occurrence.person, item=world.occurrence.assignment.item, due_on=date(2022, 5, 10)
    )
    later.assignment = world.occurrence.assignment
    db.session.commit()
    login(world.head)
    page = client.post(
        _url(world, "reassign"), data={"person": world.colleague.person_id}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Поручение передано." in page and "Дискулцу Л.Ю. → Боброва Л.В." in page
    db.session.expire_all()
    moved = db.session.get(Occurrence, world.occurrence.id)
    assert (
        moved.person_id == world.colleague.person_id
        and moved.assignment.person_id == world.colleague.person_id
    )
    assert db.session.get(Occurrence, later.id).person_id == world.colleague.person_id
    assert db.session.get(Occurrence, done.id).person_id == world.owner.person_id
    assert _rules(world.colleague.person_id) == ["reassigned"]
    assert db.session.scalar(select(MailBatch.kind)) == "assigned"


def test_reassignment_refused_outside_the_subtree_and_for_non_heads(world, login, client):
    login(world.head)
    page = client.post(
        _url(world, "reassign"), data={"person": world.stranger.person_id}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Выберите сотрудника своего подразделения." in page
    client.post("/logout")
    login(world.owner)
    client.post(_url(world, "reassign"), data={"person": world.colleague.person_id})
    db.session.expire_all()
    assert db.session.get(Occurrence, world.occurrence.id).person_id == world.owner.person_id


def test_history_lists_created_and_events_in_local_time(world, login, client):
    login(world.owner)
    client.post(_url(world, "report"), data={"report": "Сделано"})
    page = client.get(f"/occurrences/{world.occurrence.id}").get_data(as_text=True)
    assert 'data-action="created"' in page and 'data-action="reported"' in page
    assert "07.02.2022 17:00" in page  # 06:00 UTC on Sakhalin


def test_mentions_tell_only_people_who_may_see_the_occurrence(world, login, client, make):
    make.person("Безучётный", "ББ", org=world.occurrence.organisation)  # no user account
    db.session.commit()
    login(world.owner)
    client.post(
        _url(world, "comments"),
        data={"text": "@Чужой А.А., @Боброва, @Безучётный и @Игнатенко Н.В. — к сведению"},
    )
    assert db.session.scalar(select(Comment.id)) is not None
    notified = db.session.scalars(select(Notification.person_id)).all()
    assert notified == [world.controller.person_id]


def test_coexecutor_only_from_the_offered_people(world, login, client):
    login(world.owner)  # heads nothing: only people of the owner's own organisation
    page = client.post(
        _url(world, "coexecutors"), data={"person": world.stranger.person_id}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Выберите сотрудника из предложенного списка." in page
    client.post("/logout")
    login(world.head)  # the head's unit and below; the other school is not under it
    page = client.post(
        _url(world, "coexecutors"), data={"person": world.stranger.person_id}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Выберите сотрудника из предложенного списка." in page
    assert db.session.scalar(select(CoExecutor.id)) is None
    client.post(_url(world, "coexecutors"), data={"person": world.colleague.person_id})
    assert db.session.scalars(select(CoExecutor.person_id)).all() == [world.colleague.person_id]
