"""Planning and delivery against a real SMTP server, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from tracker.assignments.models import DONE, REPORTED
from tracker.notifications.jobs import deliver_job, plan_job
from tracker.notifications.models import (
    BATCHED,
    FAILED,
    PENDING,
    SENT,
    SKIPPED,
    JobRun,
    MailBatch,
    Notification,
)
from tracker.notifications.planning import JOB
from tracker.notifications.policy import update_settings


@pytest.fixture
def moscow(make):
    return make.org("Отдел образования", timezone="Europe/Moscow")


def owner(make, org, email="owner@example.ru", mode="each", **kw):
    person = make.person(org=org, email=email, **kw)
    user = make.user(person)
    user.notify_mode = mode
    return person


def rows(db, model=Notification, **where):
    stmt = select(model).filter_by(**where).order_by(model.id)
    return db.session.scalars(stmt).all()


def test_reminder_is_planned_once_and_sent_once(db, make, clock, smtp, moscow):
    person = owner(make, moscow)
    occ = make.occurrence(person, due_on=date(2022, 2, 10))
    clock.set(2022, 2, 7, 6)  # Monday 09:00 in Moscow: three working days before the deadline
    plan_job()
    plan_job()
    [notice] = rows(db)
    assert (notice.rule, notice.period_key, notice.notice_on) == (
        "reminder_3",
        "2022-02-10",
        date(2022, 2, 7),
    )
    deliver_job()
    deliver_job()
    assert smtp.notices() == [f"n{notice.id}"]
    message = smtp.messages[0]
    assert "10.02.2022" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert f"http://127.0.0.1:5000/occurrences/{occ.id}" in text
    assert "/notifications/done/" in text and "/notifications/done/" in html
    assert "Не требуется" not in text  # only optional items offer "not needed"
    assert rows(db)[0].status == SENT


def test_nine_in_the_recipients_time_zone(db, make, clock, smtp):
    sakhalin = make.org("Ноглики", timezone="Asia/Sakhalin")
    krasnoyarsk = make.org("Ирбей", timezone="Asia/Krasnoyarsk")
    make.occurrence(owner(make, sakhalin, "s@example.ru"), due_on=date(2022, 2, 10))
    make.occurrence(owner(make, krasnoyarsk, "k@example.ru"), due_on=date(2022, 2, 10))
    clock.set(2022, 2, 6, 21, 59)  # 08:59 on Monday in Sakhalin
    plan_job()
    deliver_job()
    assert smtp.messages == []
    clock.set(2022, 2, 6, 22, 0)  # 09:00 in Sakhalin, 05:00 in Krasnoyarsk
    deliver_job()
    assert [m["To"].addresses[0].addr_spec for m in smtp.messages] == ["s@example.ru"]
    clock.set(2022, 2, 7, 2, 0)  # 09:00 in Krasnoyarsk
    plan_job()
    deliver_job()
    assert sorted(m["To"].addresses[0].addr_spec for m in smtp.messages) == [
        "k@example.ru",
        "s@example.ru",
    ]


def test_nothing_goes_out_on_a_day_off(db, make, clock, smtp, moscow):
    make.occurrence(owner(make, moscow), due_on=date(2022, 2, 11))
    clock.set(2022, 2, 10, 7)
    plan_job()  # high-water mark: 10 February; the scheduler is then down on Friday
    deliver_job()
    smtp.messages.clear()
    clock.set(2022, 2, 12, 10)  # Saturday: Friday's due-day reminder is planned but waits
    plan_job()
    deliver_job()
    assert smtp.messages == []
    [notice] = rows(db, rule="reminder_0")
    assert notice.status == PENDING
    assert notice.send_after.replace(tzinfo=UTC) == datetime(2022, 2, 14, 6, tzinfo=UTC)
    clock.set(2022, 2, 14, 6, 30)
    deliver_job()
    assert smtp.notices().count(f"n{notice.id}") == 1


def test_an_occurrence_done_meanwhile_sends_nothing(db, make, clock, smtp, moscow):
    occ = make.occurrence(owner(make, moscow), due_on=date(2022, 2, 10))
    plan_job()
    occ.state = DONE
    db.session.commit()
    deliver_job()
    assert smtp.messages == []
    assert [n.status for n in rows(db)] == [SKIPPED]


def test_a_moved_deadline_skips_the_stale_notice(db, make, clock, smtp, moscow):
    occ = make.occurrence(owner(make, moscow), due_on=date(2022, 2, 10))
    plan_job()
    occ.due_on = date(2022, 3, 10)
    db.session.commit()
    deliver_job()
    assert smtp.messages == [] and rows(db)[0].status == SKIPPED


def test_downtime_is_caught_up_from_the_high_water_mark(db, make, clock, smtp):
    dept = make.org("Управление", timezone="Europe/Moscow")
    unit = make.org("Отдел", parent=dept, timezone="Europe/Moscow")
    person = owner(make, unit)
    head = owner(make, unit, "head@example.ru", head_of=unit)
    make.occurrence(person, due_on=date(2022, 2, 10))
    clock.set(2022, 2, 8, 7)
    plan_job()
    assert db.session.get(JobRun, JOB).high_water_on == date(2022, 2, 8)
    clock.set(2022, 2, 15, 7)  # a week of downtime
    plan_job()
    got = sorted((n.rule, n.person_id, str(n.notice_on)) for n in rows(db))
    assert got == [
        ("escalation_head", head.id, "2022-02-15"),
        ("overdue", person.id, "2022-02-11"),
        ("reminder_0", person.id, "2022-02-10"),
        ("reminder_1", person.id, "2022-02-09"),
    ]
    deliver_job()
    plan_job()
    deliver_job()
    weekly = rows(db, MailBatch, kind="weekly", person_id=head.id)  # Monday 14th: the head's
    assert len(smtp.messages) == 5 == len(set(smtp.notices()))
    assert f"b{weekly[0].id}" in smtp.notices()


def test_escalation_to_the_head_and_the_heads_head(db, make, clock, smtp):
    dept = make.org("Управление", timezone="Europe/Moscow")
    unit = make.org("Отдел", parent=dept, timezone="Europe/Moscow")
    person = owner(make, unit)
    head = owner(make, unit, "head@example.ru", head_of=unit)
    chief = owner(make, dept, "chief@example.ru", head_of=dept)
    make.occurrence(person, due_on=date(2022, 2, 10))
    clock.set(2022, 2, 14, 7)
    plan_job()
    clock.set(2022, 2, 25, 7)  # ten working days late (23 February off)
    plan_job()
    by_rule = {n.rule: n.person_id for n in rows(db) if n.rule.startswith("escalation")}
    assert by_rule == {"escalation_head": head.id, "escalation_upper": chief.id}
    deliver_job()
    to_chief = [m["Subject"] for m in smtp.messages if "chief@" in str(m["To"])]
    assert any(s.startswith("Просрочка в подчинённом") for s in to_chief)


def test_digest_readers_get_one_mail_a_day_and_never_an_empty_one(db, make, clock, smtp, moscow):
    reader = owner(make, moscow, mode="digest")
    first = make.occurrence(reader, due_on=date(2022, 2, 10))
    make.occurrence(reader, due_on=date(2022, 2, 8), item=make.item(text="Провести совещание"))
    clock.set(2022, 2, 7, 6)
    plan_job()
    assert {n.status for n in rows(db)} == {BATCHED}
    deliver_job()
    [mail] = smtp.messages
    body = mail.get_body(("plain",)).get_content()
    assert "Провести совещание" in body and "Разработать положение" in body
    first.state = DONE
    db.session.commit()
    clock.set(2022, 2, 8, 6)  # the second one's day: reminder_0, then nothing left
    plan_job()
    db.session.execute(Notification.__table__.update().values(status=SKIPPED))
    deliver_job()
    assert len(smtp.messages) == 1
    assert rows(db, MailBatch, period_key="2022-02-08")[0].status == SKIPPED


def test_refusing_server_then_accepting_delivers_everything_once(db, make, clock, smtp, moscow):
    for n in range(5):
        make.occurrence(owner(make, moscow, f"p{n}@example.ru"), due_on=date(2022, 2, 10))
    plan_job()
    smtp.refuse = 3
    deliver_job()
    assert len(smtp.messages) == 2
    assert sorted(n.attempts for n in rows(db)) == [0, 0, 1, 1, 1]
    clock.set(2022, 2, 7, 6, 1, 1)  # after the first backoff (60 s)
    deliver_job()
    assert sorted(smtp.notices()) == sorted(f"n{n.id}" for n in rows(db))
    assert {n.status for n in rows(db)} == {SENT}


def test_after_the_last_try_the_admin_sees_it_and_resends(db, make, clock, smtp, moscow, login):
    make.occurrence(owner(make, moscow), due_on=date(2022, 2, 10))
    update_settings(max_attempts=1)
    admin = make.user(roles=("admin",))
    plan_job()
    smtp.refuse = 1
    deliver_job()
    [notice] = rows(db)
    assert notice.status == FAILED and "451" in notice.last_error
    client = login(admin)
    page = client.get("/notifications/admin").get_data(as_text=True)
    assert "451" in page and "plan_notifications" in page
    response = client.post(f"/notifications/admin/resend/notice/{notice.id}")
    assert response.status_code == 302
    deliver_job()
    assert smtp.notices() == [f"n{notice.id}"]


def test_one_summary_of_new_assignments_per_owner(db, make, clock, smtp, moscow):
    from tracker.notifications.services import notify_new_assignments

    person, other = owner(make, moscow), owner(make, moscow, "other@example.ru")
    mine = [make.occurrence(person, due_on=date(2022, 3, d)).id for d in (1, 2, 3)]
    theirs = [make.occurrence(other, due_on=date(2022, 3, 4)).id]
    clock.set(2022, 2, 5, 12)  # Saturday: the summary waits for Monday 09:00
    assert notify_new_assignments({person.id: mine, other.id: theirs}) == 2
    notify_new_assignments({person.id: mine})
    db.session.commit()
    deliver_job()
    assert smtp.messages == []
    clock.set(2022, 2, 7, 6)
    deliver_job()
    assert len(smtp.messages) == 2
    body = next(m for m in smtp.messages if "owner@" in str(m["To"]))
    assert body.get_body(("plain",)).get_content().count("/occurrences/") == 3


def test_monday_digest_to_heads(db, make, clock, smtp):
    dept = make.org("Управление", timezone="Europe/Moscow")
    busy = make.org("Отдел 1", parent=dept, timezone="Europe/Moscow")
    idle = make.org("Отдел 2", parent=dept, timezone="Europe/Moscow")
    owner(make, busy, "head1@example.ru", head_of=busy)
    owner(make, idle, "head2@example.ru", head_of=idle)
    worker = make.person(org=busy)
    make.occurrence(worker, due_on=date(2022, 2, 3), item=make.item(text="Просроченное"))
    make.occurrence(worker, due_on=date(2022, 2, 11), item=make.item(text="На этой неделе"))
    make.occurrence(worker, due_on=date(2022, 3, 11), item=make.item(text="Не скоро"))
    clock.set(2022, 2, 6, 12)
    plan_job()
    clock.set(2022, 2, 7, 6)
    plan_job()
    db.session.execute(Notification.__table__.update().values(status=SKIPPED))
    deliver_job()
    [mail] = smtp.messages
    assert mail["To"].addresses[0].addr_spec == "head1@example.ru"
    body = mail.get_body(("plain",)).get_content()
    assert "Просроченное" in body and "На этой неделе" in body and "Не скоро" not in body
    assert rows(db, MailBatch, kind="weekly", status=SKIPPED)


def test_controller_reminder_and_checkin(db, make, clock, smtp, moscow):
    controller = owner(make, moscow, "control@example.ru")
    person = owner(make, moscow)
    item = make.item(controller_id=controller.id)
    make.occurrence(
        person,
        item=item,
        due_on=date(2022, 3, 1),
        state=REPORTED,
        reported_at=datetime(2022, 2, 3, 8, tzinfo=UTC),
    )
    make.occurrence(person, due_on=date(2022, 2, 7), is_checkin=True)
    plan_job()
    assert sorted((n.rule, n.person_id) for n in rows(db)) == [
        ("checkin_0", person.id),
        ("controller_2", controller.id),
    ]
    deliver_job()
    assert len(smtp.messages) == 2


def test_people_without_email_get_in_app_notices_only(db, make, clock, smtp, moscow):
    make.occurrence(owner(make, moscow, email=None), due_on=date(2022, 2, 10))
    plan_job()
    deliver_job()
    assert smtp.messages == []
    assert (
        db.session.scalar(
            select(func.count()).select_from(Notification).where(Notification.status == "in_app")
        )
        == 1
    )


def test_a_server_that_is_down_stops_the_sweep(db, make, clock, app, moscow):
    from tests.notifications.conftest import free_port

    for n in range(3):
        make.occurrence(owner(make, moscow, f"p{n}@example.ru"), due_on=date(2022, 2, 10))
    plan_job()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    totals = deliver_job()
    assert (totals["retry"], totals["unavailable"]) == (1, 1)
    assert sorted(n.attempts for n in rows(db)) == [0, 0, 1]


def test_a_message_that_cannot_be_built_fails_alone(db, make, clock, smtp, moscow, monkeypatch):
    from tracker.notifications import messages

    good = make.occurrence(owner(make, moscow, "good@example.ru"), due_on=date(2022, 2, 10))
    bad = make.occurrence(owner(make, moscow, "bad@example.ru"), due_on=date(2022, 2, 10))
    plan_job()
    build = messages.notice_message

    def broken(config, row, person, occurrence):
        if occurrence.id == bad.id:
            raise LookupError("элемент удалён")
        return build(config, row, person, occurrence)

    monkeypatch.setattr(messages, "notice_message", broken)
    totals = deliver_job()
    assert (totals["sent"], totals["retry"]) == (1, 1)
    db.session.expire_all()
    by_occurrence = {n.occurrence_id: n for n in rows(db)}
    assert by_occurrence[good.id].status == SENT
    failed = by_occurrence[bad.id]
    assert failed.status == PENDING and failed.attempts == 1
    assert failed.last_error == "LookupError: элемент удалён"
    assert [m["To"].addresses[0].addr_spec for m in smtp.messages] == ["good@example.ru"]


def test_failed_messages_load_their_recipients_up_front(db, make, moscow):
    from sqlalchemy import inspect

    from tracker.notifications.services import failed_messages

    for n in range(2):
        make.occurrence(owner(make, moscow, f"p{n}@example.ru"), due_on=date(2022, 2, 10))
    plan_job()
    db.session.execute(Notification.__table__.update().values(status=FAILED))
    db.session.commit()
    db.session.expunge_all()
    notes, _batches = failed_messages()
    assert len(notes) == 2
    assert all("person" not in inspect(n).unloaded for n in notes)


def test_a_database_error_while_building_fails_that_message_alone(
    db, make, clock, smtp, moscow, monkeypatch
):
    """On PostgreSQL a failed statement aborts the transaction: without a savepoint per
    message the batch's commit would fail and the mail already sent would go out again."""
    from sqlalchemy import text

    from tracker.notifications import messages

    people = [owner(make, moscow, f"p{n}@example.ru") for n in range(3)]
    occurrences = [make.occurrence(p, due_on=date(2022, 2, 10)) for p in people]
    plan_job()
    build, bad = messages.notice_message, occurrences[1].id

    def querying_a_missing_table(config, row, person, occurrence):
        if occurrence.id == bad:
            db.session.execute(text("SELECT * FROM no_such_table"))
        return build(config, row, person, occurrence)

    monkeypatch.setattr(messages, "notice_message", querying_a_missing_table)
    assert deliver_job()["sent"] == 2
    assert deliver_job()["sent"] == 0
    db.session.expire_all()
    by_occurrence = {n.occurrence_id: n for n in rows(db)}
    assert [by_occurrence[o.id].status for o in occurrences] == [SENT, PENDING, SENT]
    assert by_occurrence[bad].attempts == 1 and "no_such_table" in by_occurrence[bad].last_error
    assert sorted(m["To"].addresses[0].addr_spec for m in smtp.messages) == [
        "p0@example.ru",
        "p2@example.ru",
    ]
