"""Перенос срока: asked by the owner, decided by the controller or the head, as set."""

from datetime import date

from sqlalchemy import func, select

from tracker.assignments.models import Occurrence
from tracker.control import services
from tracker.control.models import ExtensionRequest
from tracker.extensions import db


def _ask(client, world, new_due_on="2022-03-01", reason="Ждём данные из школ"):
    return client.post(
        f"/control/occurrences/{world.occurrence.id}/extension",
        data={"new_due_on": new_due_on, "reason": reason},
        follow_redirects=True,
    )


def _decide(client, row_id, decision, comment=""):
    return client.post(
        f"/control/extensions/{row_id}/decide",
        data={"decision": decision, "comment": comment},
        follow_redirects=True,
    )


def _requests() -> int:
    return db.session.scalar(select(func.count()).select_from(ExtensionRequest))


def _occ(world) -> Occurrence:
    db.session.expire_all()
    return db.session.get(Occurrence, world.occurrence.id)


def test_approved_extension_moves_the_date_and_keeps_the_original(world, login, client):
    login(world.owner)
    assert "Запрос на перенос срока отправлен." in _ask(client, world).get_data(as_text=True)
    row_id = db.session.scalar(select(ExtensionRequest.id))
    client.post("/logout")
    login(world.controller)
    assert "Ждём данные из школ" in client.get("/control/").get_data(as_text=True)
    _decide(client, row_id, "approve", "Согласовано")
    occ = _occ(world)
    assert occ.due_on == date(2022, 3, 1) and occ.original_due_on == date(2022, 2, 10)
    assert occ.sequence == 1
    page = client.get(f"/occurrences/{world.occurrence.id}").get_data(as_text=True)
    assert "первоначально 10.02.2022" in page and "Перенос срока согласован" in page


def test_refusal_needs_a_comment_and_keeps_the_date(world, login, client):
    login(world.owner)
    _ask(client, world)
    row_id = db.session.scalar(select(ExtensionRequest.id))
    client.post("/logout")
    login(world.controller)
    assert "Укажите причину отказа." in _decide(client, row_id, "refuse").get_data(as_text=True)
    assert db.session.get(ExtensionRequest, row_id).state == "pending"
    _decide(client, row_id, "refuse", "Срок установлен приказом")
    db.session.expire_all()
    assert db.session.get(ExtensionRequest, row_id).state == "refused"
    assert _occ(world).due_on == date(2022, 2, 10)


def test_past_date_empty_reason_and_garbage_are_refused(world, login, client):
    login(world.owner)
    for new_due_on, reason, message in (
        ("2022-02-07", "Причина", "Новый срок должен быть не раньше завтрашнего дня."),
        ("2022-01-01", "Причина", "Новый срок должен быть не раньше завтрашнего дня."),
        ("2022-03-01", "   ", "Укажите причину переноса срока."),
        ("завтра", "Причина", "Укажите новый срок датой."),
    ):
        page = _ask(client, world, new_due_on, reason).get_data(as_text=True)
        assert message in page, new_due_on
    assert _requests() == 0


def test_only_the_owner_asks_and_only_the_decider_decides(world, login, client):
    login(world.colleague)
    _ask(client, world)
    assert _requests() == 0
    client.post("/logout")
    login(world.owner)
    _ask(client, world)
    row_id = db.session.scalar(select(ExtensionRequest.id))
    page = _decide(client, row_id, "approve").get_data(as_text=True)
    assert "Решение о переносе срока принимает не вы." in page
    client.post("/logout")
    login(world.head)  # the setting says: the controller decides
    _decide(client, row_id, "approve")
    assert _occ(world).due_on == date(2022, 2, 10)
    client.post("/logout")
    login(world.stranger)
    assert _decide(client, row_id, "approve").status_code == 404


def test_head_decides_when_the_department_says_so(world, login, client, app):
    services.update_settings(world.admin, "head", "new")
    db.session.commit()
    login(world.owner)
    _ask(client, world)
    row_id = db.session.scalar(select(ExtensionRequest.id))
    client.post("/logout")
    login(world.controller)
    _decide(client, row_id, "approve")
    assert _occ(world).due_on == date(2022, 2, 10)
    client.post("/logout")
    login(world.head)
    _decide(client, row_id, "approve")
    assert _occ(world).due_on == date(2022, 3, 1)


def test_counts_against_setting(world, login, client):
    occ = world.occurrence
    occ.due_on = date(2022, 3, 1)
    assert services.counted_due_on(occ) == date(2022, 3, 1)
    services.update_settings(world.admin, "controller", "original")
    assert services.counted_due_on(occ) == date(2022, 2, 10)


def test_admin_edits_settings_others_may_not(world, login, client):
    login(world.controller)
    assert client.get("/control/settings").status_code == 403
    client.post("/logout")
    login(world.admin)
    client.post(
        "/control/settings",
        data={"extensions_decided_by": "head", "report_counts_against": "original"},
    )
    db.session.expire_all()
    row = services.settings()
    assert (row.extensions_decided_by, row.report_counts_against) == ("head", "original")
