"""A hand-built half-year of one roadmap: every outcome the report distinguishes.

As of 20.06.2021, for I полугодие 2021 (the numbers in brackets are the occurrences):
goals: on time [1], late [2], an extension 30.04 → 31.05 done 20.05 [3], done 25.06, i.e.
after the as-of day [7]; monitoring: a monthly item Jan–Jun (on time ×2, not needed, open
overdue, reported overdue, not yet due) plus a cancelled one and one due in July; measures:
fanned out to three schools (on time, late, overdue); effectiveness: an ongoing item's
check-in (not yet due) and its open-ended occurrence (no date); no stage: one overdue.
"""

from dataclasses import dataclass
from datetime import date

import pytest

from tracker.assignments.models import Occurrence

D = date
AS_OF = D(2021, 6, 20)
H1_2021 = {"preset": "h1", "year": "2021", "as_of": "2021-06-20"}

# stage: (due, on_time, late, overdue, not_needed, not_yet_due, share done)
EXPECTED = {
    "goals": (4, 2, 1, 1, 0, 0, "75 %"),
    "monitoring": (6, 2, 0, 2, 1, 1, "40 %"),
    "measures": (3, 1, 1, 1, 0, 0, "66,7 %"),
    "effectiveness": (1, 0, 0, 0, 0, 1, "0 %"),
    "none": (1, 0, 0, 1, 0, 0, "0 %"),
    "total": (15, 5, 2, 5, 1, 2, "50 %"),
}
FIGURE_KEYS = ("due", "on_time", "late", "overdue", "not_needed", "not_yet_due", "share")


@dataclass
class Scenario:
    """The data, plus user accounts made on first use (hashing a password takes a while)."""

    make: object
    document: object
    dept: object
    imc: object
    schools: list
    diskulcu: object
    bobrova: object

    def _user(self, person, *roles):
        user = self.make.user(person, roles=roles)
        self.make.session.commit()
        return user

    @property
    def admin(self):
        return self._user(None, "admin")

    @property
    def head_imc(self):
        return self._user(
            self.make.person("Ренкевич", "ЛМ", org=self.imc, head_of=self.imc), "head"
        )

    @property
    def head_dept(self):
        return self._user(
            self.make.person("Грибань", "ЛА", org=self.dept, head_of=self.dept), "head"
        )

    @property
    def executor(self):
        return self._user(self.diskulcu, "executor")

    @property
    def head_school(self):
        school = self.schools[0]
        return self._user(self.make.person("Петрова", "АН", org=school, head_of=school), "head")


def _again(occ, due_on, **kw):
    """Another occurrence of the same assignment (a recurring item)."""
    more = Occurrence(
        assignment=occ.assignment,
        person=occ.person,
        organisation=occ.organisation,
        document=occ.document,
        stage=occ.stage,
        due_on=due_on,
        original_due_on=due_on,
        **kw,
    )
    return more


def _goals(make, doc, diskulcu, bobrova):
    item = make.item(doc, "Разработать положение о МСОКО", "goals", number="1.1")
    make.occurrence(
        diskulcu,
        item=item,
        due_on=D(2021, 3, 31),
        state="done",
        done_on=D(2021, 3, 30),
        report="Положение утверждено приказом № 12",
    )
    item = make.item(doc, "Утвердить план мероприятий", "goals", number="1.2")
    make.occurrence(
        bobrova,
        item=item,
        due_on=D(2021, 2, 26),
        state="done",
        done_on=D(2021, 3, 5),
        report="План утверждён",
    )
    item = make.item(doc, "Разработать дорожную карту", "goals", number="1.3")
    ext = make.occurrence(
        diskulcu,
        item=item,
        due_on=D(2021, 5, 31),
        state="done",
        done_on=D(2021, 5, 20),
        report="Срок перенесён, выполнено",
    )
    ext.original_due_on = D(2021, 4, 30)
    item = make.item(doc, "Провести совещание", "goals", number="1.4")
    make.occurrence(bobrova, item=item, due_on=D(2021, 6, 10), state="done", done_on=D(2021, 6, 25))


def _monitoring(make, session, doc, bobrova):
    item = make.item(doc, "Ежемесячный мониторинг профориентации", "monitoring", number="3.1")
    jan = make.occurrence(
        bobrova, item=item, due_on=D(2021, 1, 29), state="done", done_on=D(2021, 1, 28)
    )
    session.add_all(
        [
            _again(jan, D(2021, 2, 26), state="done", done_on=D(2021, 2, 26)),
            _again(jan, D(2021, 3, 31), state="not_needed"),
            _again(jan, D(2021, 4, 30), state="open"),
            _again(jan, D(2021, 5, 31), state="reported", report="Отчёт направлен"),
            _again(jan, D(2021, 6, 30), state="open"),
            _again(jan, D(2021, 3, 15), state="cancelled"),
            _again(jan, D(2021, 7, 30), state="open"),
        ]
    )


def _measures(make, doc, schools):
    item = make.item(
        doc, "Руководителям ОО: провести профориентационные мероприятия", "measures", number="5.1"
    )
    for school, state, done_on in zip(
        schools, ("done", "done", "open"), (D(2021, 4, 10), D(2021, 4, 20), None), strict=True
    ):
        make.occurrence(org=school, item=item, due_on=D(2021, 4, 15), state=state, done_on=done_on)


def _effectiveness_and_unstaged(make, doc, diskulcu):
    item = make.item(
        doc,
        "Анализ эффективности принятых мер",
        "effectiveness",
        number="6.1",
        deadline_raw="постоянно",
    )
    make.occurrence(diskulcu, item=item, due_on=D(2021, 6, 30), is_checkin=True)
    make.occurrence(diskulcu, item=item, due_on=None)
    item = make.item(doc, "Разместить информацию на сайте", None, number="2")
    make.occurrence(diskulcu, item=item, due_on=D(2021, 5, 10))


@pytest.fixture
def scenario(make, db):
    dept = make.org("Отдел образования Сердобского района", kind="department")
    imc = make.org("ИМЦ отдела образования", parent=dept)
    schools = [make.org(f"МБОУ СОШ № {n}", parent=dept, kind="school") for n in (1, 2, 3)]
    diskulcu = make.person("Дискулцу", "ЛЮ", org=imc)
    bobrova = make.person("Боброва", "ЛВ", org=dept)
    doc = make.document(
        "Дорожная карта по профориентации обучающихся",
        period_start=D(2021, 1, 1),
        period_end=D(2023, 12, 31),
        number="7",
    )
    _goals(make, doc, diskulcu, bobrova)
    _monitoring(make, db.session, doc, bobrova)
    _measures(make, doc, schools)
    _effectiveness_and_unstaged(make, doc, diskulcu)
    other = make.document(
        "Протокол совещания",
        kind="protocol",
        period_start=D(2021, 1, 1),
        period_end=D(2021, 12, 31),
    )
    make.occurrence(
        bobrova, item=make.item(other, "Чужой пункт", "goals"), due_on=D(2021, 3, 1), state="open"
    )
    db.session.commit()
    return Scenario(make, doc, dept, imc, schools, diskulcu, bobrova)
