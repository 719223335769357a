"""People (list, search, create, edit) and user accounts (roles, enable, password)."""

import pytest
from sqlalchemy import select

from tracker.auth.models import User
from tracker.auth.services import authenticate
from tracker.people.models import Organisation, Person
from tracker.people.services import derive_initials


@pytest.mark.parametrize(
    "first, patronymic, typed, expected",
    [
        ("Людмила", "Юрьевна", "", "ЛЮ"),
        ("Людмила", "", "", "Л"),
        ("", "", "л.ю.", "ЛЮ"),
        ("Людмила", "Юрьевна", "АБ", "ЛЮ"),  # names win over typed initials
    ],
)
def test_derive_initials(first, patronymic, typed, expected):
    assert derive_initials(first, patronymic, typed) == expected


def _dept(db):
    return db.session.scalar(select(Organisation).where(Organisation.name == "Отдел образования"))


def test_create_person_derives_initials(as_admin, db):
    dept = _dept(db)
    response = as_admin.post(
        "/directory/people/new",
        data={
            "surname": "Ренкевич",
            "first_name": "Людмила",
            "patronymic": "Михайловна",
            "position": "начальник отдела образования",
            "email": "renkevich@example.ru",
            "organisation_id": dept.id,
            "head_of_id": dept.id,
        },
    )
    assert response.status_code == 302
    person = db.session.scalar(select(Person).where(Person.surname == "Ренкевич"))
    assert person.short_name == "Ренкевич Л.М."
    assert person.organisation_id == dept.id and person.head_of_id == dept.id


def test_create_person_with_typed_initials_only(as_admin, db):
    response = as_admin.post(
        "/directory/people/new",
        data={"surname": "Боброва", "initials": "Л.В.", "organisation_id": 0, "head_of_id": 0},
    )
    assert response.status_code == 302
    person = db.session.scalar(select(Person).where(Person.surname == "Боброва"))
    assert person.short_name == "Боброва Л.В." and person.first_name == ""


def test_person_needs_names_or_initials_and_valid_email(as_admin, db):
    response = as_admin.post(
        "/directory/people/new",
        data={
            "surname": "Безымянный",
            "email": "not-an-email",
            "organisation_id": 0,
            "head_of_id": 0,
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "хотя бы инициалы" in html
    assert db.session.scalar(select(Person).where(Person.surname == "Безымянный")) is None


def test_edit_person(as_admin, make, db):
    person = make.person("Акимова", "НВ", org=_dept(db))
    db.session.commit()
    page = as_admin.get(f"/directory/people/{person.id}/edit").get_data(as_text=True)
    assert 'value="Акимова"' in page
    as_admin.post(
        f"/directory/people/{person.id}/edit",
        data={
            "surname": "Акимова",
            "first_name": "Надежда",
            "patronymic": "Викторовна",
            "position": "начальник отдела общего образования",
            "organisation_id": 0,
            "head_of_id": 0,
        },
    )
    db.session.expire_all()
    assert person.full_name == "Акимова Надежда Викторовна" and person.organisation_id is None


def test_people_search_filter_and_pages(as_admin, make, db):
    dept = _dept(db)
    school = make.org("Школа", parent=dept, kind="school")
    other = make.org("Другой район", kind="department")
    for n in range(55):
        make.person(f"Петров{n:02d}", "ПП", org=school)
    make.person("Сидорова", "СС", org=other)
    db.session.commit()
    first = as_admin.get(f"/directory/people?org={dept.id}").get_data(as_text=True)
    assert "Петров00" in first and "Петров54" not in first and "Сидорова" not in first
    second = as_admin.get(f"/directory/people?org={dept.id}&page=2").get_data(as_text=True)
    assert "Петров54" in second
    found = as_admin.get("/directory/people?q=сид").get_data(as_text=True)
    assert "Сидорова С.С." in found and "Петров00" not in found


def test_create_account_with_roles_and_password(as_admin, make, db, client):
    person = make.person("Куропаткина", "АН", org=_dept(db))
    db.session.commit()
    response = as_admin.post(
        "/directory/accounts/new",
        data={
            "person_id": person.id,
            "login": "kuropatkina",
            "roles": ["secretary", "controller"],
            "is_enabled": "y",
            "password": "длинный-пароль",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.login == "kuropatkina"))
    assert user.roles == {"secretary", "controller"} and user.person_id == person.id
    assert user.check_password("длинный-пароль") and user.password_hash != "длинный-пароль"
    listing = as_admin.get("/directory/accounts").get_data(as_text=True)
    assert "Секретарь, Контролёр" in listing and "Куропаткина А.Н." in listing


def test_account_password_too_short_and_login_taken(as_admin, db):
    response = as_admin.post(
        "/directory/accounts/new",
        data={"person_id": 0, "login": "someone", "roles": ["executor"], "password": "short"},
    )
    assert response.status_code == 200
    response = as_admin.post(
        "/directory/accounts/new",
        data={"person_id": 0, "login": "ADMIN", "roles": ["executor"], "password": "long-enough"},
    )
    assert "уже занят" in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.login == "someone")) is None


def test_disable_account_and_reset_password(as_admin, make, db):
    user = make.user(make.person("Игнатенко", "НВ"), roles=("executor",), login="ignatenko")
    db.session.commit()
    response = as_admin.post(
        f"/directory/accounts/{user.id}/edit",
        data={
            "person_id": user.person_id,
            "login": "ignatenko",
            "roles": ["executor", "head"],
            "password": "новый-пароль-1",
        },
    )  # is_enabled unchecked
    assert response.status_code == 302
    db.session.expire_all()
    assert not user.is_enabled and user.roles == {"executor", "head"}
    assert user.check_password("новый-пароль-1")
    assert authenticate("ignatenko", "новый-пароль-1") is None  # disabled: cannot sign in


def test_admin_cannot_lock_themselves_out(as_admin, admin, db):
    response = as_admin.post(
        f"/directory/accounts/{admin.id}/edit",
        data={
            "person_id": admin.person_id,
            "login": "admin",
            "roles": ["executor"],
            "is_enabled": "y",
        },
    )
    assert "Нельзя снять с себя роль администратора" in response.get_data(as_text=True)
    db.session.expire_all()
    assert admin.has_role("admin")


def test_person_with_account_cannot_get_second(as_admin, admin, db):
    response = as_admin.post(
        "/directory/accounts/new",
        data={
            "person_id": admin.person_id,
            "login": "second",
            "roles": ["executor"],
            "password": "long-enough",
        },
    )
    assert "уже есть учётная запись" in response.get_data(as_text=True)


def test_every_page_renders_for_admin(as_admin, admin, make, db):
    person = make.person("Петрова", "АА", org=_dept(db))
    db.session.commit()
    for url in (
        "/directory/organisations",
        "/directory/organisations/new",
        f"/directory/organisations/{_dept(db).id}/edit",
        "/directory/people",
        "/directory/people/new",
        f"/directory/people/{person.id}/edit",
        "/directory/accounts",
        "/directory/accounts/new",
        f"/directory/accounts/{admin.id}/edit",
        "/directory/import",
    ):
        response = as_admin.get(url)
        assert response.status_code == 200, url
        assert "Загрузка CSV" in response.get_data(as_text=True), url
    page = as_admin.get(f"/directory/accounts/{admin.id}/edit").get_data(as_text=True)
    assert '<option selected value="admin">Администратор</option>' in page
