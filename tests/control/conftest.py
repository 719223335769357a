"""A department with a controller, an owner, a colleague and a stranger from another unit."""

from dataclasses import dataclass
from datetime import date

import pytest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@dataclass
class World:
    occurrence: object
    owner: object
    controller: object
    head: object
    colleague: object
    stranger: object
    admin: object


@pytest.fixture
def world(make, db):
    dept = make.org("Отдел образования", kind="department")
    unit = make.org("ИМЦ", parent=dept)
    other = make.org("Школа № 2", parent=dept, kind="school")
    boss = make.person("Ренкевич", "ЛМ", org=dept, head_of=unit)
    owner_p = make.person("Дискулцу", "ЛЮ", org=unit)
    colleague_p = make.person("Боброва", "ЛВ", org=unit)
    controller_p = make.person("Игнатенко", "НВ", org=dept)
    stranger_p = make.person("Чужой", "АА", org=other)
    document = make.document(controller_id=controller_p.id)
    item = make.item(document=document, text="Разработать положение о профориентации")
    occurrence = make.occurrence(owner_p, due_on=date(2022, 2, 10), item=item)
    w = World(
        occurrence=occurrence,
        owner=make.user(owner_p, login="owner"),
        controller=make.user(controller_p, roles=("controller",), login="controller"),
        head=make.user(boss, roles=("head",), login="head"),
        colleague=make.user(colleague_p, login="colleague"),
        stranger=make.user(stranger_p, login="stranger"),
        admin=make.user(None, roles=("admin",), login="admin"),
    )
    db.session.commit()
    return w
