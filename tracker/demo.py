"""Demo data: real districts' people from the seed documents, and the seeds imported
through the importer, re-dated by whole years so that their deadlines fall around today."""

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from tracker.assignments.models import Occurrence
from tracker.auth.models import User
from tracker.core.time import today_in
from tracker.documents.importing import existing_import, import_parsed
from tracker.documents.models import Document
from tracker.extensions import db
from tracker.parsing.api import parse_bytes
from tracker.people.models import Organisation, Person
from tracker.people.services import place_in_tree

_YEAR_RE = re.compile(r"\b20\d\d\b")
SEEDS_DIR = Path(__file__).resolve().parents[1] / "demo" / "seeds"
NOGLIKI_TZ = "Asia/Sakhalin"

# login, password, role description (printed by `tracker demo`)
DEMO_ACCOUNTS = [
    ("admin", "admin-demo", "администратор"),
    ("renkevich", "demo-head", "начальник отдела образования (руководитель, контролёр)"),
    ("diskultsu", "demo-exec", "ИМЦ, исполнитель"),
    ("bobrova", "demo-exec", "ведущий консультант, исполнитель"),
    ("samatova", "demo-secr", "референт, секретарь"),
    ("school1", "demo-school", "директор МБОУ СОШ № 1 пгт Ноглики"),
]

# (district, time zone, [(unit name, kind, head?)], [(surname, first, patronymic, initials,
#  position, unit index or None for the department, heads?, login)])
DISTRICTS = [
    (
        "Отдел образования МО «Городской округ Ногликский»",
        NOGLIKI_TZ,
        [
            ("ИМЦ отдела образования", "unit"),
            ("МБОУ СОШ № 1 пгт Ноглики", "school"),
            ("МБОУ СОШ № 2 пгт Ноглики", "school"),
            ("МБОУ Гимназия пгт Ноглики", "school"),
            ("МБОУ СОШ с. Вал", "school"),
            ("МБОУ СОШ с. Ныш", "school"),
        ],
        [
            (
                "Ренкевич",
                "Людмила",
                "Михайловна",
                "ЛМ",
                "начальник отдела образования",
                None,
                True,
                "renkevich",
            ),
            (
                "Дискулцу",
                "Людмила",
                "Юрьевна",
                "ЛЮ",
                "методист ИМЦ отдела образования",
                0,
                False,
                "diskultsu",
            ),
            (
                "Боброва",
                "Лариса",
                "Викторовна",
                "ЛВ",
                "ведущий консультант",
                None,
                False,
                "bobrova",
            ),
            (
                "Саматова",
                "Светлана",
                "Леонидовна",
                "СЛ",
                "референт отдела образования",
                None,
                False,
                "samatova",
            ),
            ("Ким", "Ольга", "Сергеевна", "ОС", "директор", 1, True, "school1"),
            ("Пак", "Андрей", "Николаевич", "АН", "директор", 2, True, None),
            ("Лебедева", "Ирина", "Павловна", "ИП", "директор", 3, True, None),
            ("Гришин", "Павел", "Ильич", "ПИ", "директор", 4, True, None),
            ("Орлова", "Нина", "Петровна", "НП", "директор", 5, True, None),
        ],
    ),
    (
        "Управление образования администрации Старооскольского городского округа",
        "Europe/Moscow",
        [
            ("Отдел общего образования", "unit"),
            ("МБУ ДПО «Старооскольский институт развития образования»", "institution"),
            ("МБОУ «СОШ № 27 с УИОП»", "school"),
        ],
        [
            (
                "Акимова",
                "Наталья",
                "Викторовна",
                "НВ",
                "начальник отдела общего образования",
                0,
                True,
                None,
            ),
            ("Куропаткина", "Анна", "Николаевна", "АН", "директор", 1, True, None),
        ],
    ),
    (
        "Отдел образования администрации Мосальского района",
        "Europe/Moscow",
        [],
        [
            (
                "Игнатенко",
                "Наталья",
                "Владимировна",
                "НВ",
                "ведущий специалист отдела образования",
                None,
                False,
                None,
            )
        ],
    ),
    (
        "Управление образования администрации Ирбейского района",
        "Asia/Krasnoyarsk",
        [("МБОУ Ирбейская СОШ № 1", "school")],
        [],
    ),
    ("Отдел образования администрации Сердобского района", "Europe/Moscow", [], []),
]
PASSWORDS = {login: password for login, password, _ in DEMO_ACCOUNTS}
ROLES = {
    "renkevich": ("head", "controller"),
    "samatova": ("secretary", "executor"),
    "school1": ("head", "executor"),
}
# seed file prefix → index of the issuing district in DISTRICTS
SEED_ISSUERS = {"004": 0, "001": 1, "002": 2, "003": 3, "000": 4}


def load_demo(reset: bool = False) -> list[tuple[str, str, str]] | None:
    """Load the demo once; returns the accounts, or None when it was already there."""
    if db.session.scalar(select(User).where(User.login == "admin")) is not None:
        if not reset:
            return None
        raise SystemExit("Сбросьте базу (make clean) и запустите снова.")
    districts = [_create_district(*spec) for spec in DISTRICTS]
    _create_admin()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        _import_seed(path, districts[SEED_ISSUERS.get(path.name[:3], 0)])
    _complete_the_past(districts[0])
    _bring_some_into_this_week(districts[0])
    db.session.commit()
    return DEMO_ACCOUNTS


def _create_district(name, tz, units, people) -> Organisation:
    department = _org(name, "department", tz, None)
    created = [_org(unit, kind, tz, department) for unit, kind in units]
    for surname, first, patronymic, initials, position, unit, heads, login in people:
        org = created[unit] if unit is not None else department
        person = Person(
            surname=surname,
            first_name=first,
            patronymic=patronymic,
            initials=initials,
            position=position,
            organisation=org,
            head_of=org if heads else None,
            email=f"{login or surname.lower()}@demo.invalid",
        )
        db.session.add(person)
        if login:
            _user(login, person, ROLES.get(login, ("executor",)))
    return department


def _org(name, kind, tz, parent) -> Organisation:
    org = Organisation(name=name, kind=kind, timezone=tz, parent=parent)
    db.session.add(org)
    db.session.flush()
    place_in_tree(org)
    return org


def _user(login: str, person: Person | None, roles) -> None:
    user = User(login=login, person=person)
    user.roles = roles
    user.set_password(PASSWORDS[login])
    db.session.add(user)


def _create_admin() -> None:
    _user("admin", None, ("admin", "secretary"))


def _import_seed(path: Path, issuer: Organisation) -> None:
    data = path.read_bytes()
    if existing_import(data) is not None:
        return
    today = today_in(issuer.timezone)
    parsed = parse_bytes(data, path.name, today=today).to_contract()
    years = _years_to_today(parsed, today)
    import_parsed(shift_years(parsed, years), data, path.name, None, issuer)


def _years_to_today(parsed: dict, today: date) -> int:
    """Whole years that put the middle of the document's period at today's year."""
    start = date.fromisoformat(parsed["period"]["start"])
    end = date.fromisoformat(parsed["period"]["end"])
    middle = start + (end - start) / 2
    return today.year - middle.year


def _shift_date(value: str | None, years: int) -> str | None:
    if not value:
        return value
    d = date.fromisoformat(value)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def _year_shifter(parsed: dict, years: int):
    """Moves the years a document speaks of ("на 2021-2023 годы", "Май 2021") in its text."""
    first = int(parsed["period"]["start"][:4]) - 1
    last = int(parsed["period"]["end"][:4]) + 1

    def shift(text: str | None) -> str | None:
        if not text:
            return text
        return _YEAR_RE.sub(
            lambda m: str(int(m[0]) + years) if first <= int(m[0]) <= last else m[0], text
        )

    return shift


def shift_years(parsed: dict, years: int) -> dict:
    """The same parse with every date, and every year its text names, moved by whole years."""
    shift = _year_shifter(parsed, years)
    shifted = dict(parsed, title=shift(parsed["title"]))
    shifted["date"] = _shift_date(parsed.get("date"), years)
    shifted["period"] = {k: _shift_date(v, years) for k, v in parsed["period"].items()}
    shifted["items"] = [_shift_item(item, years, shift) for item in parsed.get("items") or []]
    return shifted


def _shift_item(item: dict, years: int, shift) -> dict:
    deadline = dict(item.get("deadline") or {})
    for key in ("start", "due"):
        deadline[key] = _shift_date(deadline.get(key), years)
    deadline["occurrences"] = [_shift_date(d, years) for d in deadline.get("occurrences") or []]
    deadline["raw"] = shift(deadline.get("raw"))
    return dict(
        item, deadline=deadline, text=shift(item.get("text")), result=shift(item.get("result"))
    )


def _complete_the_past(department: Organisation) -> None:
    """Tick off most of what fell due before this week, mostly on time, some late; every
    fourth stays overdue, so that the lists and the reports have something to show."""
    today = today_in(department.timezone)
    past = db.session.scalars(
        select(Occurrence).where(
            Occurrence.document_id.in_(_document_ids_of(department)),
            Occurrence.due_on < today - timedelta(days=7),
            Occurrence.state == "open",
            Occurrence.id % 4 != 0,
        )
    ).all()
    for occurrence in past:
        slip = 4 if occurrence.id % 5 == 0 else -(occurrence.id % 6)
        done_on = min(occurrence.due_on + timedelta(days=slip), today)
        occurrence.state, occurrence.done_on = "done", done_on
        occurrence.done_at = datetime.combine(done_on, time(12), ZoneInfo(department.timezone))
        occurrence.report = "Выполнено: документы размещены на сайте отдела образования."


def _bring_some_into_this_week(department: Organisation) -> None:
    """Move a few open occurrences of the next months into this week, for the demo."""
    today = today_in(department.timezone)
    week_end = today + timedelta(days=6 - today.weekday())
    candidates = db.session.scalars(
        select(Occurrence)
        .where(
            Occurrence.document_id.in_(_document_ids_of(department)),
            Occurrence.person_id.is_not(None),
            Occurrence.due_on > week_end,
            Occurrence.is_checkin.is_(False),
        )
        .order_by(Occurrence.due_on)
        .limit(3)
    ).all()
    for occurrence in candidates:
        occurrence.due_on = occurrence.original_due_on = min(week_end, today + timedelta(days=2))


def _document_ids_of(department: Organisation):
    return select(Document.id).where(Document.issuer_id == department.id)
