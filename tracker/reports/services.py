"""Assemble a report: who may see what, the scope from the request, the figures."""

from dataclasses import dataclass, field, replace
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.exceptions import Forbidden, NotFound

from tracker.auth.models import User
from tracker.documents.models import Document
from tracker.documents.queries import visible_clause
from tracker.domain import progress
from tracker.domain.stages import STAGE_TITLES_RU
from tracker.extensions import db
from tracker.people.models import Organisation
from tracker.reports import queries
from tracker.reports.queries import Counts, Scope, StageCounts

ALL_SEEING_ROLES = ("admin", "secretary", "controller")


@dataclass(frozen=True)
class ReportRequest:
    """What the form asked for, already parsed into plain values."""

    document_ids: tuple[int, ...] = ()
    preset: str = progress.H1
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    as_of: date | None = None
    unit_id: int | None = None


@dataclass
class Report:
    scope: Scope
    stages: list[StageCounts]
    total: Counts
    documents: list[Document]
    unit: Organisation | None
    items: dict[str, list] = field(default_factory=dict)


def stage_title(stage: str | None) -> str:
    if stage is None:
        return progress.NO_STAGE_TITLE
    return STAGE_TITLES_RU.get(stage, stage)


def visible_root(user: User) -> Organisation | None:
    """The unit whose subtree a user may report on; None means everything.

    Admins, secretaries and controllers see all; a head sees the unit they head and
    everything under it; anybody else is refused (403).
    """
    if user.has_role(*ALL_SEEING_ROLES):
        return None
    head_of = user.person.head_of if user.person else None
    if head_of is None:
        raise Forbidden()
    return head_of


def choose_unit(root: Organisation | None, unit_id: int | None) -> Organisation | None:
    """The unit asked for, if the user may see it (404 otherwise); else the user's root."""
    if not unit_id:
        return root
    unit = db.session.get(Organisation, unit_id)
    if unit is None or (root is not None and not unit.path.startswith(root.path)):
        raise NotFound()
    return unit


def selected_documents(user: User, document_ids: tuple[int, ...]) -> list[Document]:
    """The documents asked for; 404 if any is unknown or not visible to the user."""
    if not document_ids:
        return []
    stmt = (
        select(Document)
        .where(Document.id.in_(document_ids), visible_clause(user))
        .order_by(Document.id)
    )
    documents = list(db.session.scalars(stmt))
    if len(documents) != len(set(document_ids)):
        raise NotFound()
    return documents


def build_scope(
    req: ReportRequest, unit: Organisation | None, today: date, count_extension: bool = True
) -> Scope:
    whole = queries.documents_period(req.document_ids) if req.preset == progress.DOCUMENT else None
    period = progress.resolve_period(
        req.preset, req.year, today, custom=(req.date_from, req.date_to), whole=whole
    )
    return Scope(
        period=period,
        as_of=req.as_of or today,
        document_ids=req.document_ids,
        org_path=unit.path if unit else None,
        count_extension=count_extension,
    )


def build_report(
    user: User, req: ReportRequest, today: date, count_extension: bool = True, per_stage: int = 10
) -> Report:
    """The figures per stage and the first items of each stage, within the user's reach."""
    unit = choose_unit(visible_root(user), req.unit_id)
    documents = selected_documents(user, req.document_ids)
    req = replace(req, document_ids=tuple(d.id for d in documents))
    scope = build_scope(req, unit, today, count_extension)
    stages = queries.stage_counts(scope)
    stage_list = [row.stage for row in stages]
    items = queries.stage_items(scope, stage_list, per_stage) if per_stage else {}
    return Report(scope, stages, queries.totals(stages), documents, unit, items)


def report_title(documents: list[Document]) -> str:
    """ "… о ходе выполнения <title>": the document's title, or a phrase for several."""
    if len(documents) == 1:
        return documents[0].title
    if documents:
        return _("документов: %(titles)s", titles="; ".join(d.title for d in documents))
    return _("всех документов")


def period_text(period: progress.Period) -> str:
    """ "за I полугодие 2021 года (01.01.2021 – 30.06.2021)" or just the dates."""
    dates = _(
        "с %(start)s по %(end)s",
        start=period.start.strftime("%d.%m.%Y"),
        end=period.end.strftime("%d.%m.%Y"),
    )
    label = period_label(period)
    if label:
        return _("за %(label)s (%(dates)s)", label=label, dates=dates)
    return _("за период %(dates)s", dates=dates)


def period_label(period: progress.Period) -> str:
    """The period's name in the user's language ("I полугодие 2021 года")."""
    if period.kind == progress.H1:
        return _("I полугодие %(year)s года", year=period.year)
    if period.kind == progress.H2:
        return _("II полугодие %(year)s года", year=period.year)
    if period.kind == progress.SCHOOL_YEAR:
        return _("%(first)s–%(last)s учебный год", first=period.year, last=period.year + 1)
    if period.kind == progress.YEAR:
        return _("%(year)s год", year=period.year)
    if period.kind == progress.DOCUMENT:
        return _("весь период документа")
    return ""


DEFINITIONS = (
    (
        "Учитываются поручения со сроком исполнения в выбранном периоде (включительно); "
        "отменённые не учитываются; постоянные поручения учитываются в контрольных точках."
    ),
    (
        "Выполнено в срок — отмечено выполненным не позднее срока; с нарушением срока — позже "
        "срока; выполнение после даты «по состоянию на» не учитывается."
    ),
    (
        "Просрочено — не выполнено (в работе, возвращено или на проверке у контролёра), и срок "
        "истёк до даты «по состоянию на»; срок не наступил — не выполнено, срок ещё не истёк."
    ),
    (
        "Доля выполненных = (в срок + с нарушением срока) / (всего − не потребовалось); "
        "доля в срок = в срок / (всего − не потребовалось)."
    ),
)
