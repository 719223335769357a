"""The report's figures as SQL aggregates, and the row streams the exports read.

Every function takes one `Scope`: the page, the Word справка, the workbook and the CSV all
go through the same WHERE clause and the same outcome CASE, so their figures agree.
"""

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache

from sqlalchemy import Select, and_, case, func, literal, or_, select, union_all

from tracker.assignments.models import (
    CANCELLED,
    DONE,
    NOT_NEEDED,
    Assignment,
    Occurrence,
)
from tracker.documents.models import Document, Item
from tracker.domain import progress
from tracker.domain.progress import LATE, NOT_YET_DUE, ON_TIME, OUTCOMES, OVERDUE, Period
from tracker.domain.stages import STAGES
from tracker.extensions import db
from tracker.people.models import Organisation, Person

NO_STAGE = "none"


@dataclass(frozen=True)
class Scope:
    """What a report covers: due dates in the period, as of a day, some documents, a unit."""

    period: Period
    as_of: date
    document_ids: tuple[int, ...] = ()
    org_path: str | None = None
    count_extension: bool = True


@dataclass
class Counts:
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    not_needed: int = 0
    not_yet_due: int = 0

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def share_done(self) -> float | None:
        return progress.share(self.done, self.due, self.not_needed)

    @property
    def share_on_time(self) -> float | None:
        return progress.share(self.on_time, self.due, self.not_needed)

    def add(self, other: "Counts") -> None:
        for f in fields(Counts):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class StageCounts(Counts):
    stage: str | None = None


def deadline_expr(count_extension: bool):
    """The date an occurrence is measured against: the moved one, or the original."""
    if count_extension:
        return Occurrence.due_on
    return func.coalesce(Occurrence.original_due_on, Occurrence.due_on)


def outcome_expr(scope: Scope):
    """progress.classify() as a CASE over one occurrence row."""
    return _outcome_case(scope.as_of, scope.count_extension)


@lru_cache(maxsize=64)
def _outcome_case(as_of: date, count_extension: bool):
    """Built once per (day, setting): SQL expressions are immutable and cheap to share."""
    deadline = deadline_expr(count_extension)
    done = and_(
        Occurrence.state == DONE, or_(Occurrence.done_on.is_(None), Occurrence.done_on <= as_of)
    )
    return case(
        (Occurrence.state == NOT_NEEDED, literal(progress.NOT_NEEDED)),
        (and_(done, func.coalesce(Occurrence.done_on, deadline) <= deadline), literal(ON_TIME)),
        (done, literal(LATE)),
        (deadline < as_of, literal(OVERDUE)),
        else_=literal(NOT_YET_DUE),
    )


def scope_clauses(scope: Scope) -> list:
    """The one WHERE clause: counted states, due in the period, documents, the unit's subtree."""
    clauses = [
        or_(Occurrence.stage.in_(STAGES), Occurrence.stage.is_(None)),
        Occurrence.due_on.between(scope.period.start, scope.period.end),
        Occurrence.state != CANCELLED,
    ]
    if scope.document_ids:
        clauses.append(Occurrence.document_id.in_(scope.document_ids))
    if scope.org_path:
        subtree = select(Organisation.id).where(
            Organisation.path.startswith(scope.org_path, autoescape=True)
        )
        clauses.append(Occurrence.organisation_id.in_(subtree))
    return clauses


def classified(scope: Scope, *columns, stage_part=None) -> Select:
    """The scope's occurrences (of one stage part, if given) with their outcome computed."""
    clauses = scope_clauses(scope)
    if stage_part is not None:
        clauses[0] = stage_part
    return select(*columns, outcome_expr(scope).label("outcome")).where(*clauses)


def count_columns(sub) -> list:
    """SUM(CASE outcome …) per outcome, plus the total, over a classified subquery."""
    sums = [func.sum(case((sub.c.outcome == key, 1), else_=0)).label(key) for key in OUTCOMES]
    return [func.count().label("due"), *sums]


def aggregate(scope: Scope, key):
    """Figures per `key` as a subquery (key, due, on_time, late, overdue, …).

    Two partial aggregates, stages named (stage IN …) and no stage (stage IS NULL), summed
    by an outer GROUP BY: each part is a (stage, due-date range) search of the report
    index, where "IN … OR IS NULL" would make SQLite scan the whole index instead.
    """
    parts = []
    for part in (Occurrence.stage.in_(STAGES), Occurrence.stage.is_(None)):
        sub = classified(scope, key.label("key"), stage_part=part).subquery()
        parts.append(select(sub.c.key, *count_columns(sub)).group_by(sub.c.key))
    both = union_all(*parts).subquery()
    sums = [func.sum(both.c[k]).label(k) for k in ("due", *OUTCOMES)]
    return select(both.c.key, *sums).group_by(both.c.key).subquery()


def _counts(row, cls=Counts, **extra):
    return cls(**{k: int(getattr(row, k) or 0) for k in ("due", *OUTCOMES)}, **extra)


def stage_counts(scope: Scope) -> list[StageCounts]:
    """One row per stage present, in the management cycle's order."""
    agg = aggregate(scope, Occurrence.stage)
    rows = [_counts(r, StageCounts, stage=r.key) for r in db.session.execute(select(agg))]
    return sorted(rows, key=lambda r: progress.stage_order(STAGES, r.stage))


def totals(rows: list[Counts]) -> Counts:
    """The sum of a few aggregate rows (never of occurrences)."""
    total = Counts()
    for row in rows:
        total.add(row)
    return total


def documents_period(document_ids: tuple[int, ...]) -> tuple[date, date] | None:
    """The earliest start and latest end of the documents' own periods."""
    stmt = select(func.min(Document.period_start), func.max(Document.period_end))
    if document_ids:
        stmt = stmt.where(Document.id.in_(document_ids))
    start, end = db.session.execute(stmt).one()
    return (start, end) if start and end else None


def stage_key(stage: str | None) -> str:
    return stage or NO_STAGE


def stage_clause(key: str):
    return Occurrence.stage.is_(None) if key == NO_STAGE else Occurrence.stage == key


def stage_rank_expr(column):
    """The management cycle's order as SQL (unknown stages next, no stage last)."""
    whens = {stage: i for i, stage in enumerate(STAGES)}
    return case(
        whens, value=column, else_=case((column.is_(None), len(STAGES) + 1), else_=len(STAGES))
    )


def outcome_rank_expr(outcome):
    """Overdue first, then what is still to come, then what is closed."""
    order = {OVERDUE: 0, NOT_YET_DUE: 1, LATE: 2, ON_TIME: 3, progress.NOT_NEEDED: 4}
    return case(order, value=outcome, else_=5)


def iter_rows(stmt: Select, batch: int = 2000) -> Iterator:
    """Stream a large result through a server-side cursor (PostgreSQL) in batches.

    Runs on the session's connection with Core, not the ORM: the rows are plain columns,
    and the ORM's result handling cost a third of the fetch on 120,000 rows.
    """
    connection = db.session.connection()
    result = connection.execution_options(yield_per=batch, stream_results=True).execute(stmt)
    for partition in result.partitions():
        yield from partition


def occurrence_columns(scope: Scope) -> list:
    """The columns every listing and export shows for one occurrence."""
    return [
        Occurrence.id,
        Occurrence.stage,
        Occurrence.due_on,
        Occurrence.original_due_on,
        Occurrence.state,
        Occurrence.done_on,
        Occurrence.report,
        outcome_expr(scope).label("outcome"),
        Document.title.label("document_title"),
        Document.number.label("document_number"),
        Item.number.label("item_number"),
        Item.text.label("item_text"),
        Person.surname,
        Person.initials,
        func.coalesce(Organisation.short_name, Organisation.name).label("org_label"),
    ]


def with_labels(stmt: Select) -> Select:
    """Join the item, document, owner and organisation that name an occurrence."""
    return (
        stmt.join(Assignment, Assignment.id == Occurrence.assignment_id)
        .join(Item, Item.id == Assignment.item_id)
        .join(Document, Document.id == Occurrence.document_id)
        .outerjoin(Person, Person.id == Occurrence.person_id)
        .outerjoin(Organisation, Organisation.id == Occurrence.organisation_id)
    )


def listing(scope: Scope) -> Select:
    """Every occurrence of the scope with its labels and the ids that group them (exports)."""
    columns = (
        *occurrence_columns(scope),
        Item.id.label("item_id"),
        Occurrence.person_id,
        Occurrence.organisation_id,
    )
    stmt = with_labels(select(*columns).where(*scope_clauses(scope)))
    return stmt.order_by(
        stage_rank_expr(Occurrence.stage),
        Document.id,
        Item.position,
        Item.id,
        Occurrence.due_on,
        Occurrence.id,
    )


def overdue_listing(scope: Scope, limit: int | None = None) -> Select:
    """The overdue occurrences, the longest overdue first."""
    stmt = with_labels(
        select(*occurrence_columns(scope)).where(
            *scope_clauses(scope), outcome_expr(scope) == OVERDUE
        )
    )
    stmt = stmt.order_by(deadline_expr(scope.count_extension), Occurrence.id)
    return stmt.limit(limit) if limit else stmt


def count_overdue(scope: Scope) -> int:
    stmt = select(func.count()).where(*scope_clauses(scope), outcome_expr(scope) == OVERDUE)
    return db.session.scalar(stmt)


def stage_items(
    scope: Scope, stages: list[str | None], per_stage: int = 10, offset: int = 0
) -> dict[str, list]:
    """Each stage's first occurrences, overdue first, in ONE query.

    A UNION ALL of one small top-N per stage (ORDER BY outcome rank, due date … LIMIT n):
    each reads its stage's slice of the report index and keeps only n rows, so nothing is
    sorted in full; the labels are joined to the few rows that survive.
    """
    if not stages:
        return {}
    parts = []
    for stage in stages:
        top = (
            select(Occurrence.id.label("oid"))
            .where(*scope_clauses(scope), stage_clause(stage_key(stage)))
            .order_by(outcome_rank_expr(outcome_expr(scope)), Occurrence.due_on, Occurrence.id)
            .limit(per_stage)
            .offset(offset)
        )
        parts.append(select(top.subquery().c.oid))
    chosen = (union_all(*parts) if len(parts) > 1 else parts[0]).subquery()
    stmt = with_labels(
        select(*occurrence_columns(scope)).join(chosen, chosen.c.oid == Occurrence.id)
    )
    stmt = stmt.order_by(
        stage_rank_expr(Occurrence.stage),
        outcome_rank_expr(outcome_expr(scope)),
        Occurrence.due_on,
        Occurrence.id,
    )
    grouped: dict[str, list] = {}
    for row in db.session.execute(stmt):
        grouped.setdefault(stage_key(row.stage), []).append(row)
    return grouped
