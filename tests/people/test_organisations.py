"""The organisation tree: list, create, edit, move, delete only when empty; admins only."""

import pytest
from sqlalchemy import select

from tracker.extensions import db as _db
from tracker.people.models import Organisation


def _org(db, name):
    return db.session.scalar(select(Organisation).where(Organisation.name == name))


def test_tree_lists_children_under_parents_indented(as_admin, make, db):
    dept = _org(db, "Отдел образования")
    imc = make.org("ИМЦ", parent=dept)
    make.org("Сектор мониторинга", parent=imc)
    db.session.commit()
    html = as_admin.get("/directory/organisations").get_data(as_text=True)
    assert html.index("Отдел образования") < html.index("ИМЦ") < html.index("Сектор мониторинга")
    assert "padding-left: 3.5rem" in html  # depth 2
    assert "Учётные записи" in html and "Загрузка CSV" in html


def test_create_organisation_under_parent(as_admin, db):
    dept = _org(db, "Отдел образования")
    response = as_admin.post(
        "/directory/organisations/new",
        data={
            "name": "МБОУ СОШ пгт. Ноглики",
            "short_name": "СОШ Ноглики",
            "kind": "school",
            "timezone": "Asia/Sakhalin",
            "parent_id": dept.id,
        },
    )
    assert response.status_code == 302
    school = _org(db, "МБОУ СОШ пгт. Ноглики")
    assert school.parent_id == dept.id
    assert school.path == f"/{dept.id}/{school.id}/"
    assert (school.kind, school.timezone, school.label) == (
        "school",
        "Asia/Sakhalin",
        "СОШ Ноглики",
    )


def test_unknown_timezone_refused(as_admin, db):
    response = as_admin.post(
        "/directory/organisations/new",
        data={"name": "Школа", "kind": "school", "timezone": "Europe/Berlin", "parent_id": 0},
    )
    assert response.status_code == 200
    assert _org(db, "Школа") is None


def test_edit_moves_subtree(as_admin, make, db):
    dept = _org(db, "Отдел образования")
    other = make.org("Управление образования", kind="department")
    imc = make.org("ИМЦ", parent=dept)
    sector = make.org("Сектор", parent=imc)
    group = make.org("Группа", parent=sector)
    db.session.commit()
    response = as_admin.post(
        f"/directory/organisations/{imc.id}/edit",
        data={"name": "ИМЦ", "kind": "unit", "timezone": "Asia/Sakhalin", "parent_id": other.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert imc.path == f"/{other.id}/{imc.id}/"
    assert sector.path == f"/{other.id}/{imc.id}/{sector.id}/"
    assert group.path == f"/{other.id}/{imc.id}/{sector.id}/{group.id}/"
    assert dept.path == f"/{dept.id}/"


def test_cannot_move_into_own_subtree(as_admin, make, db):
    dept = _org(db, "Отдел образования")
    imc = make.org("ИМЦ", parent=dept)
    db.session.commit()
    response = as_admin.post(
        f"/directory/organisations/{dept.id}/edit",
        data={
            "name": "Отдел образования",
            "kind": "department",
            "timezone": "Asia/Sakhalin",
            "parent_id": imc.id,
        },
    )
    assert response.status_code == 200  # imc is not even offered as a parent
    db.session.expire_all()
    assert dept.path == f"/{dept.id}/" and dept.parent_id is None


def test_delete_empty_organisation(as_admin, make, db):
    empty = make.org("Пустая", parent=_org(db, "Отдел образования"))
    db.session.commit()
    response = as_admin.post(f"/directory/organisations/{empty.id}/delete", follow_redirects=True)
    assert "Организация удалена." in response.get_data(as_text=True)
    assert _org(db, "Пустая") is None


@pytest.mark.parametrize(
    "content, word",
    [
        ("child", "подчинённые организации"),
        ("person", "сотрудники"),
        ("assignment", "поручения"),
    ],
)
def test_delete_refused_when_not_empty(as_admin, make, db, content, word):
    unit = make.org("Непустая", parent=_org(db, "Отдел образования"))
    if content == "child":
        make.org("Дочерняя", parent=unit)
    elif content == "person":
        make.person("Петрова", "АА", org=unit)
    else:
        make.occurrence(None, org=unit)
    db.session.commit()
    response = as_admin.post(f"/directory/organisations/{unit.id}/delete", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "нельзя удалить" in html and word in html
    assert _org(db, "Непустая") is not None


def test_missing_organisation_is_404(as_admin):
    assert as_admin.get("/directory/organisations/9999/edit").status_code == 404


@pytest.mark.parametrize("roles", [("secretary",), ("head", "controller"), ("executor",)])
def test_non_admins_get_403_everywhere(make, db, login, roles):
    user = make.user(make.person("Петрова", "АА"), roles=roles)
    org = make.org("Школа", kind="school")
    db.session.commit()
    client = login(user)
    for url in (
        "/directory/organisations",
        "/directory/organisations/new",
        f"/directory/organisations/{org.id}/edit",
        "/directory/people",
        "/directory/people/new",
        "/directory/accounts",
        "/directory/accounts/new",
        "/directory/import",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/directory/organisations/{org.id}/delete").status_code == 403
    assert _org(db, "Школа") is not None


def test_anonymous_is_sent_to_login(client):
    response = client.get("/directory/organisations")
    assert response.status_code == 302 and "/login" in response.location


def test_csrf_enforced_on_organisation_form(clock, csrf_app):
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        make = Factories(_db.session)
        user = make.user(make.person("Дискулцу", "ЛЮ"), roles=("admin",), login="admin")
        _db.session.commit()
        client = app.test_client()
        with client.session_transaction() as session:  # signed in without the login form
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
        data = {"name": "Без токена", "kind": "school", "timezone": "Asia/Sakhalin", "parent_id": 0}
        response = client.post("/directory/organisations/new", data=data)
        assert response.status_code == 400
        page = client.get("/directory/organisations/new").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        response = client.post("/directory/organisations/new", data={**data, "csrf_token": token})
        assert response.status_code == 302
        assert _org(_db, "Без токена") is not None
        _db.session.remove()
        _db.drop_all()
