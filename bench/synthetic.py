"""A synthetic municipal region for benchmarks: a department, its units, schools, people,
documents, items, assignments and occurrences over three school years, bulk-inserted.

    build_region(db.session, schools=300, people=3000, occurrences=120_000, seed=1)

Expects empty tables (explicit ids make the links cheap); on PostgreSQL the id sequences
are moved past them afterwards. Deterministic for a given seed. States are drawn against
REFERENCE_DAY (20.06.2022): most of what fell due before it is done, some late, some
overdue; most of what falls due after it is open.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, text

from tracker.assignments.models import Assignment, Occurrence
from tracker.documents.models import Document, Item
from tracker.people.models import Organisation, Person

REFERENCE_DAY = date(2022, 6, 20)
START, END = date(2021, 1, 1), date(2023, 12, 31)
STAGES = ("goals", "indicators", "monitoring", "analysis", "measures", "effectiveness", None)
UNITS = (
    "ИМЦ отдела образования",
    "Отдел общего образования",
    "Отдел дошкольного образования",
    "Отдел воспитания и дополнительного образования",
    "Бухгалтерия",
)
SURNAMES = (
    "Иванова",
    "Петрова",
    "Смирнова",
    "Кузнецова",
    "Попова",
    "Соколова",
    "Лебедева",
    "Козлова",
    "Новикова",
    "Морозова",
    "Волкова",
    "Зайцева",
    "Павлова",
    "Семенова",
)
LETTERS = "АВГДЕИКЛМНОПРСТЮ"
BATCH = 10_000


@dataclass(frozen=True)
class Region:
    department_id: int
    school_ids: list[int]
    person_ids: list[int]
    document_ids: list[int]
    occurrences: int


def _org(org_id: int, name: str, kind: str, short_name: str | None = None) -> dict:
    return {
        "id": org_id,
        "parent_id": None if org_id == 1 else 1,
        "name": name,
        "short_name": short_name,
        "kind": kind,
        "path": "/1/" if org_id == 1 else f"/1/{org_id}/",
        "timezone": "Europe/Moscow",
    }


def _orgs(schools: int) -> list[dict]:
    rows = [_org(1, "Управление образования района", "department")]
    rows += [_org(n, name, "unit") for n, name in enumerate(UNITS, start=2)]
    first = len(rows) + 1
    rows += [
        _org(n, f"МБОУ СОШ № {n - first + 1}", "school", f"СОШ № {n - first + 1}")
        for n in range(first, first + schools)
    ]
    return rows


def _people(rng: random.Random, count: int, orgs: list[dict]) -> list[dict]:
    rows = []
    for n in range(1, count + 1):
        org = orgs[(n - 1) % len(orgs)]
        is_head = n <= len(orgs)  # the first person of each organisation heads it
        rows.append(
            {
                "id": n,
                "surname": f"{rng.choice(SURNAMES)}{n}",
                "initials": rng.choice(LETTERS) + rng.choice(LETTERS),
                "first_name": "",
                "patronymic": "",
                "organisation_id": org["id"],
                "head_of_id": org["id"] if is_head else None,
                "position": "руководитель" if is_head else "специалист",
            }
        )
    return rows


def _documents(count: int) -> list[dict]:
    now = datetime(2021, 1, 1, tzinfo=UTC)
    return [
        {
            "id": n,
            "kind": "roadmap" if n % 3 else "protocol",
            "number": f"{n}-р",
            "title": f"Дорожная карта развития муниципальной системы оценки качества № {n}",
            "period_start": START,
            "period_end": END,
            "created_at": now,
        }
        for n in range(1, count + 1)
    ]


def _state(rng: random.Random, due: date) -> tuple[str, date | None]:
    roll = rng.random()
    if due < REFERENCE_DAY:
        if roll < 0.62:
            return "done", due - timedelta(days=rng.randint(0, 20))
        if roll < 0.74:
            return "done", due + timedelta(days=rng.randint(1, 30))
        if roll < 0.78:
            return "not_needed", None
        if roll < 0.80:
            return "cancelled", None
        return rng.choice(("open", "open", "returned", "reported")), None
    if roll < 0.1:
        return "done", REFERENCE_DAY - timedelta(days=rng.randint(0, 30))
    return ("reported" if roll < 0.15 else "open"), None


def _occurrence(rng, occ_id, assignment, item, due) -> dict:
    state, done_on = _state(rng, due)
    extended = rng.random() < 0.03
    return {
        "id": occ_id,
        "assignment_id": assignment["id"],
        "person_id": assignment["person_id"],
        "organisation_id": assignment["_org"],
        "document_id": item["document_id"],
        "stage": item["stage"],
        "due_on": due,
        "original_due_on": due - timedelta(days=14) if extended else due,
        "is_checkin": item["_ongoing"],
        "state": state,
        "done_on": done_on,
        "done_at": datetime(done_on.year, done_on.month, done_on.day, 9, tzinfo=UTC)
        if done_on
        else None,
        "report": "Выполнено, отчёт направлен" if state in ("done", "reported") else None,
        "sequence": 0,
        "updated_at": datetime(2022, 6, 20, tzinfo=UTC),
    }


def _bulk(session, model, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(model), rows[start : start + BATCH])


def _fix_sequences(session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("organisations", "people", "documents", "items", "assignments", "occurrences"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


def _due_dates(rng: random.Random, count: int) -> list[date]:
    """`count` due dates of a recurring item, evenly apart over the three years, starting
    at a random point of the first interval (so the region's deadlines fill every month)."""
    span = (END - START).days
    step = span // count
    first = rng.randint(0, step - 1)
    return [START + timedelta(days=first + i * step) for i in range(count)]


def _owners(rng, people, schools, fan_out: bool) -> list[tuple[int | None, int]]:
    if fan_out:
        return [(None, school) for school in schools]
    chosen = rng.sample(people, rng.choice((1, 1, 1, 2)))
    return [(p["id"], p["organisation_id"]) for p in chosen]


def _plan(rng, people, schools, documents, target: int):
    """Items, assignments and occurrences until `target` occurrences exist."""
    items, assignments, occurrences = [], [], []
    while len(occurrences) < target:
        doc = documents[len(items) % len(documents)]
        fan_out = rng.random() < 0.03
        item = {
            "id": len(items) + 1,
            "document_id": doc["id"],
            "position": len(items),
            "number": f"{len(items) % 60 + 1}",
            "stage": rng.choice(STAGES),
            "text": f"Мероприятие {len(items) + 1}: провести мониторинг и анализ",
            "deadline_kind": "recurring",
            "problems": [],
            "_ongoing": rng.random() < 0.08,
        }
        items.append(item)
        dates = _due_dates(rng, 3 if fan_out else rng.choice((1, 3, 6, 12)))
        for person_id, org_id in _owners(rng, people, schools, fan_out):
            assignment = {
                "id": len(assignments) + 1,
                "item_id": item["id"],
                "person_id": person_id,
                "organisation_id": org_id,
                "_org": org_id,
            }
            assignments.append(assignment)
            for due in dates:
                if len(occurrences) >= target:
                    break
                occurrences.append(_occurrence(rng, len(occurrences) + 1, assignment, item, due))
    return items, assignments, occurrences


def _strip(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]


def build_region(
    session,
    schools: int = 300,
    people: int = 3000,
    occurrences: int = 120_000,
    seed: int = 1,
    documents: int = 24,
) -> Region:
    """Bulk-insert a whole region; flushes but does not commit (the caller does)."""
    rng = random.Random(seed)
    orgs = _orgs(schools)
    persons = _people(rng, people, orgs)
    docs = _documents(documents)
    school_ids = [o["id"] for o in orgs if o["kind"] == "school"]
    items, assignments, occs = _plan(rng, persons, school_ids, docs, occurrences)
    _bulk(session, Organisation, orgs)
    _bulk(session, Person, persons)
    _bulk(session, Document, docs)
    _bulk(session, Item, _strip(items))
    _bulk(session, Assignment, _strip(assignments))
    _bulk(session, Occurrence, occs)
    _fix_sequences(session)
    session.flush()
    return Region(1, school_ids, [p["id"] for p in persons], [d["id"] for d in docs], len(occs))
