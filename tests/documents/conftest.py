"""The documents tests' directory: Nogliki's department, people and schools."""

import pytest


@pytest.fixture
def nogliki(make, db):
    """The department of roadmap 004 with its people and three schools."""
    dept = make.org("Отдел образования МО «Городской округ Ногликский»", kind="department")
    imc = make.org("ИМЦ отдела образования", parent=dept, timezone="Asia/Sakhalin")
    schools = [
        make.org(f"МБОУ СОШ № {n} пгт Ноглики", parent=dept, kind="school") for n in (1, 2, 3)
    ]
    people = {
        "renkevich": make.person(
            "Ренкевич", "ЛМ", org=dept, head_of=dept, position="начальник отдела образования"
        ),
        "diskultsu": make.person("Дискулцу", "ЛЮ", org=imc),
        "bobrova": make.person("Боброва", "ЛВ", org=dept, position="ведущий консультант"),
        "samatova": make.person("Саматова", "СЛ", org=dept),
    }
    directors = [
        make.person(f"Директоров{n}", "АА", org=s, head_of=s) for n, s in enumerate(schools, 1)
    ]
    secretary = make.user(people["samatova"], roles=("secretary",), login="samatova")
    db.session.commit()
    return {
        "dept": dept,
        "imc": imc,
        "schools": schools,
        "people": people,
        "directors": directors,
        "secretary": secretary,
    }
