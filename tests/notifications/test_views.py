"""The bell, the list, answering from a reminder, the policy page, the scheduler's job table."""

from datetime import date

from tracker.assignments.models import DONE, NOT_NEEDED
from tracker.extensions import db as _db
from tracker.notifications.jobs import plan_job
from tracker.notifications.messages import answer_url
from tracker.notifications.models import Notification
from tracker.notifications.policy import current_policy


def _owner(make):
    org = make.org("Отдел", timezone="Europe/Moscow")
    person = make.person(org=org, email="me@example.ru")
    return person, make.user(person)


def _bell(page: str) -> str:
    start = page.index('class="bell"')
    return page[start : page.index("</a>", start)]


def test_bell_list_and_mark_read(db, make, login):
    person, user = _owner(make)
    other_person, _other = _owner(make)
    make.occurrence(person, due_on=date(2022, 2, 10))
    make.occurrence(person, due_on=date(2022, 2, 7), item=make.item(text="Сдать отчёт"))
    make.occurrence(other_person, due_on=date(2022, 2, 7))
    plan_job()
    db.session.commit()
    client = login(user)
    page = client.get("/my").get_data(as_text=True)
    assert '<span class="count">2</span>' in _bell(page)
    listing = client.get("/notifications/").get_data(as_text=True)
    assert "Сдать отчёт" in listing and "Напоминание о сроке" in listing
    theirs = db.session.scalar(
        db.select(Notification.id).where(Notification.person_id == other_person.id)
    )
    assert client.post(f"/notifications/{theirs}/read").status_code == 404
    mine = db.session.scalar(db.select(Notification.id).where(Notification.person_id == person.id))
    assert client.post(f"/notifications/{mine}/read").status_code == 302
    assert '<span class="count">1</span>' in _bell(client.get("/my").get_data(as_text=True))
    client.post("/notifications/read-all")
    assert 'class="count"' not in _bell(client.get("/my").get_data(as_text=True))


def test_done_link_asks_for_confirmation_after_sign_in(db, make, client, login):
    person, user = _owner(make)
    occ = make.occurrence(person, due_on=date(2022, 2, 10))
    db.session.commit()
    link = answer_url({"BASE_URL": ""}, occ.id, "done")
    assert client.get(link).status_code == 302  # to the sign-in page first
    login(user)
    page = client.get(link).get_data(as_text=True)
    assert "Отметить выполнение?" in page and occ.state == "open"
    response = client.post(link, data={"report": "Положение утверждено"})
    assert response.headers["Location"].endswith(f"/occurrences/{occ.id}")
    db.session.refresh(occ)
    assert (occ.state, occ.report) == (DONE, "Положение утверждено")
    assert client.get("/notifications/done/forged-token").status_code == 404


def test_not_needed_only_for_optional_items(db, make, login):
    person, user = _owner(make)
    optional = make.occurrence(person, item=make.item(is_optional=True))
    plain = make.occurrence(person)
    db.session.commit()
    client = login(user)
    client.post(answer_url({"BASE_URL": ""}, optional.id, "not_needed"), data={"report": "—"})
    client.post(answer_url({"BASE_URL": ""}, plain.id, "not_needed"), data={"report": "—"})
    db.session.refresh(optional)
    db.session.refresh(plain)
    assert (optional.state, plain.state) == (NOT_NEEDED, "open")


def test_someone_elses_link_is_not_found(db, make, login):
    person, _ = _owner(make)
    _, stranger = _owner(make)
    occ = make.occurrence(person)
    db.session.commit()
    client = login(stranger)
    assert client.get(answer_url({"BASE_URL": ""}, occ.id, "done")).status_code == 404


def test_policy_is_edited_by_an_administrator_only(db, make, login):
    admin = make.user(roles=("admin",))
    db.session.commit()
    client = login(admin)
    response = client.post(
        "/notifications/policy",
        data={
            "reminder_days": "5, 1",
            "overdue_after": "1",
            "escalate_head_after": "2",
            "escalate_upper_after": "8",
            "controller_after": "3",
            "checkin_before": "0",
            "digest_weekday": "0",
            "send_hour": "10",
            "max_attempts": "4",
        },
    )
    assert response.status_code == 302
    policy = current_policy()
    assert (policy.reminder_days, policy.escalate_head_after, policy.send_hour) == ((5, 1), 2, 10)
    bad = client.post(
        "/notifications/policy",
        data={"reminder_days": "пять", "send_hour": "9", "max_attempts": "3"},
    )
    assert "через запятую" in bad.get_data(as_text=True)


def test_policy_and_outbox_are_closed_to_executors(db, make, login):
    _, executor = _owner(make)
    db.session.commit()
    client = login(executor)
    assert client.get("/notifications/policy").status_code == 403
    assert client.get("/notifications/admin").status_code == 403


def test_forms_need_the_csrf_token(clock, csrf_app):
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        make = Factories(_db.session)
        person = make.person(org=make.org(timezone="Europe/Moscow"))
        make.user(person, login="csrf-user")
        _db.session.commit()
        client = app.test_client()
        page = client.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        client.post(
            "/login", data={"login": "csrf-user", "password": "secret-pass", "csrf_token": token}
        )
        assert client.post("/notifications/read-all").status_code == 400
        _db.drop_all()


def test_scheduler_job_table(app):
    from tracker.scheduler import build_scheduler

    scheduler = build_scheduler(app, blocking=False)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"plan_notifications", "deliver_outbox"}
    assert all(job.coalesce and job.max_instances == 1 for job in jobs.values())
