"""Report → accept / return, and every refusal: who may, and in which state."""

from sqlalchemy import select

from tracker.assignments.models import AuditEvent, Occurrence
from tracker.extensions import db
from tracker.notifications.models import Notification


def _occ(world) -> Occurrence:
    db.session.expire_all()
    return db.session.get(Occurrence, world.occurrence.id)


def _actions(world) -> list[str]:
    stmt = (
        select(AuditEvent.action)
        .where(AuditEvent.occurrence_id == world.occurrence.id)
        .order_by(AuditEvent.id)
    )
    return list(db.session.scalars(stmt))


def _url(world, what: str) -> str:
    return f"/control/occurrences/{world.occurrence.id}/{what}"


def _report(client, world, **extra):
    return client.post(
        _url(world, "report"),
        data={"report": "Положение утверждено", **extra},
        follow_redirects=True,
    )


def test_owner_reports_then_controller_accepts(world, login, client, clock):
    login(world.owner)
    page = _report(client, world, links="https://edu.example/prikaz-12\nhttps://edu.example/2")
    assert "Отчёт отправлен на проверку контролёру." in page.get_data(as_text=True)
    occ = _occ(world)
    assert occ.state == "reported" and occ.evidence_url.splitlines()[1] == "https://edu.example/2"
    client.post("/logout")
    login(world.controller)
    assert str(world.occurrence.id) in client.get("/control/").get_data(as_text=True)
    clock.set(2022, 2, 9, 3)
    page = client.post(_url(world, "accept"), follow_redirects=True).get_data(as_text=True)
    assert "снято с контроля" in page
    occ = _occ(world)
    assert occ.state == "done" and occ.done_by_id == world.controller.id
    # done_on is the day of the report (07.02 on Sakhalin), done_at the acceptance
    assert occ.done_on.isoformat() == "2022-02-07"
    assert occ.done_at.isoformat().startswith("2022-02-09T03:00")
    assert _actions(world) == ["reported", "accepted"]


def test_report_on_the_due_day_accepted_late_counts_on_time(world, login, client, clock):
    from tests.reports.helpers import page_figures

    clock.set(2022, 2, 10, 5)  # the due day, 16:00 on Sakhalin
    login(world.owner)
    _report(client, world)
    client.post("/logout")
    clock.set(2022, 2, 13, 5)  # accepted three days later
    login(world.controller)
    client.post(_url(world, "accept"))
    occ = _occ(world)
    assert occ.state == "done" and occ.done_on.isoformat() == "2022-02-10"
    page = client.get("/reports/?preset=custom&date_from=2022-02-01&date_to=2022-02-28")
    due, on_time, late = page_figures(page.get_data(as_text=True))["total"][:3]
    assert (due, on_time, late) == (1, 1, 0)
    detail = client.get(f"/occurrences/{world.occurrence.id}").get_data(as_text=True)
    assert "13.02.2022" in detail


def test_controller_returns_with_comment_and_owner_is_notified(world, login, client):
    login(world.owner)
    _report(client, world)
    client.post("/logout")
    login(world.controller)
    client.post(_url(world, "return"), data={"comment": "Нет приказа"})
    occ = _occ(world)
    assert occ.state == "returned" and occ.sequence == 2
    notes = db.session.scalars(
        select(Notification).where(Notification.person_id == world.owner.person_id)
    ).all()
    assert [n.rule for n in notes] == ["returned"]
    client.post("/logout")
    login(world.owner)
    page = client.get(f"/occurrences/{world.occurrence.id}").get_data(as_text=True)
    assert "Нет приказа" in page and "Возвращено на доработку" in page
    _report(client, world)
    assert _occ(world).state == "reported"


def test_return_without_comment_is_refused(world, login, client):
    login(world.owner)
    _report(client, world)
    client.post("/logout")
    login(world.controller)
    page = client.post(_url(world, "return"), data={"comment": "  "}, follow_redirects=True)
    assert "Укажите, почему отчёт возвращается." in page.get_data(as_text=True)
    assert _occ(world).state == "reported"


def test_only_the_owner_reports(world, login, client):
    for user in (world.colleague, world.controller, world.head):
        login(user)
        client.post(_url(world, "report"), data={"report": "Сделано"})
        client.post("/logout")
    assert _occ(world).state == "open" and _actions(world) == []


def test_coexecutor_may_not_report(world, login, client):
    login(world.owner)
    client.post(_url(world, "coexecutors"), data={"person": world.colleague.person_id})
    client.post("/logout")
    login(world.colleague)
    with client.session_transaction() as session:
        session.pop("_flashes", None)
    client.post(_url(world, "report"), data={"report": "Сделано"})
    with client.session_transaction() as session:
        flashes = [m for _c, m in session.get("_flashes", [])]
    assert "Отметить выполнение может только ответственный." in flashes
    assert _occ(world).state == "open"


def test_only_the_controller_accepts_or_returns(world, login, client):
    login(world.owner)
    _report(client, world)
    for user in (world.owner, world.head):
        login(user)
        page = client.post(_url(world, "accept"), follow_redirects=True).get_data(as_text=True)
        assert "Принять или вернуть отчёт может только контролёр." in page
        client.post(_url(world, "return"), data={"comment": "нет"})
        client.post("/logout")
    assert _occ(world).state == "reported"
    assert _actions(world) == ["reported"]


def test_accepting_an_open_occurrence_is_refused_and_changes_nothing(world, login, client):
    login(world.controller)
    page = client.post(_url(world, "accept"), follow_redirects=True).get_data(as_text=True)
    assert "Принять или вернуть можно только отчёт, ожидающий проверки." in page
    occ = _occ(world)
    assert (occ.state, occ.sequence, occ.done_at) == ("open", 0, None)
    assert _actions(world) == []


def test_executor_of_another_unit_gets_404(world, login, client):
    login(world.stranger)
    assert client.get(f"/occurrences/{world.occurrence.id}").status_code == 404
    for what in ("report", "accept", "return", "comments", "extension", "attachments"):
        assert client.post(_url(world, what), data={"report": "x"}).status_code == 404
    assert _actions(world) == []


def test_no_acceptance_needed_makes_the_report_final(world, login, client):
    login(world.controller)
    client.post(_url(world, "acceptance/document"), data={"required": "0"})
    assert (
        db.session.get(
            type(world.occurrence.document), world.occurrence.document_id
        ).requires_acceptance
        is False
    )
    client.post("/logout")
    login(world.owner)
    _report(client, world)
    assert _occ(world).state == "done"


def test_owner_may_not_toggle_acceptance(world, login, client):
    login(world.owner)
    page = client.post(
        _url(world, "acceptance/document"), data={"required": "0"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Изменить это может только контролёр или секретарь." in page
    assert _occ(world).document.requires_acceptance is True


def test_queue_shows_only_own_controlled_reports_and_nav_count(world, login, client, make):
    login(world.owner)
    _report(client, world)
    client.post("/logout")
    other = make.user(make.person("Другой", "КК"), roles=("controller",), login="other")
    db.session.commit()
    login(other)
    page = client.get("/control/").get_data(as_text=True)
    assert f'data-occurrence="{world.occurrence.id}"' not in page
    client.post("/logout")
    login(world.controller)
    page = client.get("/control/").get_data(as_text=True)
    assert f'data-occurrence="{world.occurrence.id}"' in page
    assert 'На контроле <span class="count">1</span>' in page
    client.post("/logout")
    login(world.admin)
    assert f'data-occurrence="{world.occurrence.id}"' in client.get("/control/").get_data(
        as_text=True
    )
