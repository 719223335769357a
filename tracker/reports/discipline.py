"""Executive discipline (исполнительская дисциплина): figures per person and organisation.

Aggregated first (GROUP BY person_id / organisation_id over the scope's occurrences), then
joined to the few names shown; sorted in SQL by a whitelisted column and paged.
"""

from dataclasses import dataclass

from sqlalchemy import Float, cast, func, nulls_last, select

from tracker.assignments.models import Occurrence
from tracker.extensions import db
from tracker.people.models import Organisation, Person
from tracker.reports.queries import Counts, Scope, aggregate

SORT_KEYS = ("name", "due", "on_time", "late", "overdue", "share")
PAGE_SIZE = 50


@dataclass
class DisciplineRow(Counts):
    key: int | None = None
    name: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Page:
    rows: list[DisciplineRow]
    total: int
    page: int
    pages: int


def _order(columns: dict, sort: str, descending: bool):
    column = columns.get(sort if sort in SORT_KEYS else "name", columns["name"])
    ordered = column.desc() if descending else column.asc()
    return [nulls_last(ordered), columns["name"].asc()]


def _share_on_time(agg):
    needed = agg.c.due - agg.c.not_needed
    return cast(agg.c.on_time, Float) / func.nullif(needed, 0)


def _sort_columns(agg, name_column) -> dict:
    return {
        "name": name_column,
        "due": agg.c.due,
        "on_time": agg.c.on_time,
        "late": agg.c.late,
        "overdue": agg.c.overdue,
        "share": _share_on_time(agg),
    }


def _paged(stmt, page: int, build) -> Page:
    """One page, and the number of rows on all pages from COUNT(*) OVER () in the same
    query (a separate COUNT would aggregate everything a second time)."""
    stmt = stmt.add_columns(func.count().over().label("total_rows")).limit(PAGE_SIZE)
    page = max(page, 1)
    found = db.session.execute(stmt.offset((page - 1) * PAGE_SIZE)).all()
    if not found and page > 1:
        page, found = 1, db.session.execute(stmt).all()
    total = found[0].total_rows if found else 0
    return Page([build(r) for r in found], total, page, max(1, -(-total // PAGE_SIZE)))


def _aggregate(scope: Scope, key_column):
    """Figures per key. COALESCE(key, 0) is deliberate: grouping by the bare column makes
    SQLite walk the (key, state, due_on) index in key order and visit every table row;
    grouping by an expression keeps it on the covering report index. Key 0 (no owner)
    matches no person or organisation and drops out at the join."""
    return aggregate(scope, func.coalesce(key_column, 0))


def _counts_of(row) -> dict:
    return {
        k: int(getattr(row, k) or 0)
        for k in ("due", "on_time", "late", "overdue", "not_needed", "not_yet_due")
    }


def by_person(scope: Scope, sort: str = "name", descending: bool = False, page: int = 1) -> Page:
    agg = _aggregate(scope, Occurrence.person_id)
    name = Person.surname + " " + Person.initials
    unit = func.coalesce(Organisation.short_name, Organisation.name)
    stmt = (
        select(agg, Person.surname, Person.initials, unit.label("unit"))
        .join(Person, Person.id == agg.c.key)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .order_by(*_order(_sort_columns(agg, name), sort, descending))
    )

    def build(r):
        letters = "".join(f"{c}." for c in r.initials or "")
        return DisciplineRow(
            key=r.key, name=f"{r.surname} {letters}".strip(), unit=r.unit or "", **_counts_of(r)
        )

    return _paged(stmt, page, build)


def by_organisation(
    scope: Scope, sort: str = "name", descending: bool = False, page: int = 1
) -> Page:
    agg = _aggregate(scope, Occurrence.organisation_id)
    name = func.coalesce(Organisation.short_name, Organisation.name)
    stmt = (
        select(agg, name.label("label"))
        .join(Organisation, Organisation.id == agg.c.key)
        .order_by(*_order(_sort_columns(agg, name), sort, descending))
    )
    return _paged(stmt, page, lambda r: DisciplineRow(key=r.key, name=r.label, **_counts_of(r)))
