"""The progress report, executive discipline, and their Word, Excel and CSV exports."""

import io
import tempfile

from flask import (
    Blueprint,
    Response,
    abort,
    render_template,
    request,
    send_file,
    stream_with_context,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.control.services import settings as control_settings
from tracker.core.time import user_today
from tracker.documents.models import Document
from tracker.documents.queries import visible_clause
from tracker.domain import progress
from tracker.domain.labels import STATE_LABELS
from tracker.domain.progress import OUTCOME_LABELS, format_share
from tracker.domain.stages import STAGES
from tracker.extensions import db
from tracker.people.models import Organisation
from tracker.reports import charts, discipline, exports, queries, services
from tracker.reports.docx_export import write_docx
from tracker.reports.forms import ReportForm

bp = Blueprint("reports", __name__, url_prefix="/reports")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


PAGING_ARGS = ("page", "ppage", "opage", "sort", "dir")


@bp.context_processor
def report_helpers() -> dict:
    """The filter's query string (for export and paging links) and figure formatting."""
    args = {k: v for k, v in request.args.to_dict(flat=False).items() if k not in PAGING_ARGS}
    return {
        "query_args": args,
        "format_share": format_share,
        "state_names": {k: _(v) for k, v in STATE_LABELS.items()},
        "outcome_names": {k: _(v) for k, v in OUTCOME_LABELS.items()},
    }


def _today():
    return user_today(current_user)


def _count_extension() -> bool:
    """Department setting (control settings): is a report judged against the moved date?"""
    return control_settings().report_counts_against == "new"


def _form() -> ReportForm:
    """The filter form with the documents and units this user may choose from."""
    form = ReportForm(request.args)
    if "preset" not in request.args:  # by default, the half-year we are in
        form.preset.data = progress.H2 if _today().month > 6 else progress.H1
    root = services.visible_root(current_user)
    documents = db.session.execute(
        select(Document.id, Document.title, Document.number)
        .where(visible_clause(current_user))
        .order_by(Document.id.desc())
    ).all()
    form.documents.choices = [
        (d.id, f"{d.title[:90]} {'№ ' + d.number if d.number else ''}") for d in documents
    ]
    units = select(
        Organisation.id, Organisation.name, Organisation.short_name, Organisation.path
    ).order_by(Organisation.path)
    if root is not None:
        units = units.where(Organisation.path.startswith(root.path, autoescape=True))
    form.unit.choices = [(0, "—")] + [
        (u.id, "· " * (u.path.count("/") - 2) + (u.short_name or u.name))
        for u in db.session.execute(units)
    ]
    return form


def _report(per_stage: int = 10) -> tuple[ReportForm, services.Report]:
    form = _form()
    report = services.build_report(
        current_user, form.to_request(), _today(), _count_extension(), per_stage=per_stage
    )
    return form, report


def _render(template: str, form: ReportForm, report: services.Report, **context) -> str:
    return render_template(
        template,
        form=form,
        report=report,
        charts=charts,
        title_of=services.stage_title,
        stage_key=queries.stage_key,
        report_title=services.report_title(report.documents),
        period_text=services.period_text(report.scope.period),
        **context,
    )


@bp.route("/")
@login_required
def index():
    form, report = _report()
    return _render(
        "reports/index.html",
        form,
        report,
        definitions=services.DEFINITIONS,
        count_extension=_count_extension(),
    )


@bp.route("/stage/<key>")
@login_required
def stage(key: str):
    """One stage's occurrences, page by page (the index shows only the first few)."""
    if key not in (*STAGES, queries.NO_STAGE):
        abort(404)
    form, report = _report(per_stage=0)
    page = max(request.args.get("page", 1, type=int), 1)
    size = 100
    counts = next((r for r in report.stages if queries.stage_key(r.stage) == key), None)
    stages = [counts.stage] if counts else []
    rows = queries.stage_items(report.scope, stages, size, (page - 1) * size).get(key, [])
    return _render(
        "reports/stage.html",
        form,
        report,
        rows=rows,
        counts=counts,
        key=key,
        page=page,
        size=size,
        title=services.stage_title(None if key == queries.NO_STAGE else key),
    )


@bp.route("/discipline")
@login_required
def discipline_view():
    form, report = _report(per_stage=0)
    sort = request.args.get("sort", "name")
    descending = request.args.get("dir") == "desc"
    people = discipline.by_person(
        report.scope, sort, descending, request.args.get("ppage", 1, type=int)
    )
    orgs = discipline.by_organisation(
        report.scope, sort, descending, request.args.get("opage", 1, type=int)
    )
    return _render(
        "reports/discipline.html",
        form,
        report,
        people=people,
        orgs=orgs,
        sort=sort,
        descending=descending,
    )


@bp.route("/export.docx")
@login_required
def export_docx():
    report = _report(per_stage=0)[1]
    target = io.BytesIO()
    write_docx(report, target)
    target.seek(0)
    return send_file(
        target,
        mimetype=DOCX,
        as_attachment=True,
        download_name=f"spravka-{report.scope.as_of:%Y-%m-%d}.docx",
    )


@bp.route("/export.xlsx")
@login_required
def export_xlsx():
    """Written to a temporary file (never held in memory whole), then streamed out."""
    report = _report(per_stage=0)[1]
    target = tempfile.TemporaryFile()  # noqa: SIM115  (closed by _stream_file)
    exports.write_xlsx(report.scope, target)
    target.seek(0)
    filename = f"report-{report.scope.as_of:%Y-%m-%d}.xlsx"
    return Response(
        _stream_file(target),
        mimetype=XLSX,
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )


def _stream_file(handle, chunk: int = 256 * 1024):
    try:
        while data := handle.read(chunk):
            yield data
    finally:
        handle.close()


@bp.route("/export.csv")
@login_required
def export_csv():
    report = _report(per_stage=0)[1]
    body = stream_with_context(exports.csv_chunks(report.scope))
    filename = f"report-{report.scope.as_of:%Y-%m-%d}.csv"
    return Response(
        body,
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )
