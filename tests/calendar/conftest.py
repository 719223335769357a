"""Calendar fixtures: a small region with occurrences, feed tokens, and the two parsers."""

import functools
import json
import shutil
import subprocess
import uuid
from datetime import date
from pathlib import Path

import icalendar
import pytest
from werkzeug.security import generate_password_hash

from tracker.auth.models import User
from tracker.calendar import services

ICALJS_SCRIPT = Path(__file__).with_name("icaljs_parse.mjs")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
LONG_TEXT = (
    "Организовать и провести мониторинг качества подготовки обучающихся "
    "общеобразовательных организаций Ногликского района; подготовить адресные "
    "рекомендации, «Положение» и справку, утвердить приказом начальника отдела"
)


@pytest.fixture
def region(make, db):
    """A department with a unit and a school, another district, and their occurrences."""
    dept = make.org("Отдел образования", kind="department")
    imc = make.org("ИМЦ", parent=dept)
    school = make.org("МБОУ СОШ № 1", parent=dept, kind="school")
    other = make.org("Другой район", kind="department")
    p = {
        "head": make.person("Ренкевич", "ЛМ", org=dept, head_of=dept),
        "official": make.person("Дискулцу", "ЛЮ", org=imc),
        "director": make.person("Петрова", "АА", org=school, head_of=school),
        "stranger": make.person("Чужой", "ЧЧ", org=other),
        "controller": make.person("Игнатенко", "НВ", org=dept),
    }
    users = {
        name: _user(db, person, ("head",) if name == "head" else ("executor",))
        for name, person in p.items()
    }
    users["admin"] = _user(db, None, ("admin",))
    roadmap = make.document(
        "Дорожная карта развития МСОКО", number="12-р", controller_id=p["controller"].id
    )
    item = make.item(
        roadmap,
        text=LONG_TEXT,
        stage="monitoring",
        number="3.1",
        result="Справка, приказ",
        deadline_raw="Май 2022",
    )
    occ = {
        "feb": make.occurrence(p["official"], due_on=date(2022, 2, 10), item=item),
        "mar": make.occurrence(
            p["official"],
            due_on=date(2022, 3, 31),
            item=make.item(roadmap, text="Разработать положение", stage="goals", number="1.1"),
        ),
        "checkin": make.occurrence(
            p["official"],
            due_on=date(2022, 6, 30),
            is_checkin=True,
            item=make.item(roadmap, text="Вести реестр постоянно", stage="measures"),
        ),
        "ongoing": make.occurrence(p["official"], due_on=None),
        "done": make.occurrence(p["official"], due_on=date(2022, 1, 31), state="done"),
        "school": make.occurrence(None, org=school, due_on=date(2022, 4, 29), item=item),
        "foreign": make.occurrence(p["stranger"], due_on=date(2022, 2, 1), item=item),
    }
    db.session.commit()
    return users, occ, roadmap


@functools.cache
def _password_hash() -> str:
    return generate_password_hash("secret-pass")


def _user(db, person, roles) -> User:
    """A user whose password is hashed once per run: hashing is slow by design."""
    user = User(login=f"cal-{uuid.uuid4().hex[:8]}", person=person, password_hash=_password_hash())
    user.roles = roles
    db.session.add(user)
    db.session.flush()
    return user


@pytest.fixture
def feed_url(db):
    """Issue a feed token for a user and return its path."""

    def issue(user, query: str = "") -> str:
        token = services.issue_token(user)
        db.session.commit()
        return f"/calendar/{token}.ics{query}"

    return issue


def parse_icalendar(body: bytes) -> list:
    calendar = icalendar.Calendar.from_ical(body)
    return [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]


def parse_icaljs(body: bytes) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: cannot run Mozilla's ical.js")
    if not (PROJECT_ROOT / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js is missing: run `npm install` in the project root")
    done = subprocess.run(
        ["node", str(ICALJS_SCRIPT)],
        input=body,
        capture_output=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)
