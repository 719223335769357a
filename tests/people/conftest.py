import pytest


@pytest.fixture
def admin(make, db):
    dept = make.org("Отдел образования", kind="department")
    person = make.person("Дискулцу", "ЛЮ", org=dept)
    user = make.user(person, roles=("admin",), login="admin")
    db.session.commit()
    return user


@pytest.fixture
def as_admin(admin, login):
    return login(admin)
