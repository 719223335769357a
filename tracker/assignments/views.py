"""Мои поручения, the head's view of the units, and ticking off."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.assignments import queries, services
from tracker.assignments.access import can_view
from tracker.assignments.forms import ActionForm, CompleteForm, UnitFilterForm
from tracker.assignments.models import Occurrence
from tracker.control import page as control_page
from tracker.core.time import person_tz, start_of_local_day, user_today
from tracker.domain.agenda import group_by_bucket
from tracker.domain.stages import STAGE_TITLES_RU
from tracker.domain.workdays import default_calendar
from tracker.extensions import db

bp = Blueprint("assignments", __name__)


def _user_today():
    return user_today(current_user)


@bp.route("/my")
@login_required
def mine():
    person = current_user.person
    if person is None:
        flash(_("Ваша учётная запись не связана с сотрудником."), "info")
        return render_template("assignments/mine.html", groups=None, recent=[], today=None)
    today = _user_today()
    groups = group_by_bucket(queries.my_open_occurrences(person), today)
    since = start_of_local_day(person_tz(person))
    recent = [
        o for o in queries.done_by_since(current_user.id, since) if o.state in ("done", "reported")
    ]
    return render_template(
        "assignments/mine.html",
        groups=groups,
        recent=recent,
        today=today,
        form=CompleteForm(),
        action_form=ActionForm(),
    )


@bp.route("/units")
@login_required
def units():
    root = current_user.person.head_of if current_user.person else None
    if root is None:
        abort(403)
    form = UnitFilterForm(request.args)
    scope = queries.unit_within(root, form.unit.data)
    if scope is None:
        abort(404)
    _fill_choices(form, *queries.filter_choices(current_user, root, scope))
    flt = queries.UnitFilter(
        person_id=form.person.data or None,
        document_id=form.document.data or None,
        stage=form.stage.data or None,
        overdue_only=form.overdue.data == "1",
    )
    today = _user_today()
    page = request.args.get("page", 1, type=int)
    rows, has_next = queries.unit_occurrences(scope, flt, today, page)
    calendar = default_calendar()
    late = {
        o.id: calendar.working_days_between(o.due_on, today)
        for o in rows
        if o.due_on and o.due_on < today
    }
    return render_template(
        "assignments/units.html",
        root=root,
        rows=rows,
        late=late,
        today=today,
        form=form,
        page=page,
        has_next=has_next,
    )


def _fill_choices(form, units_, people, documents) -> None:
    everything = [(0, _("— все —"))]
    form.unit.choices = everything + [(u.id, "· " * u.depth + u.label) for u in units_]
    if people is None:
        form.person.choices = [(0, _("— выберите подразделение —"))]
    else:
        form.person.choices = everything + [(p.id, p.short_name) for p in people]
    form.document.choices = everything + [(d.id, d.label) for d in documents]
    form.stage.choices = [("", _("— все —"))] + [(k, _(v)) for k, v in STAGE_TITLES_RU.items()]


def _visible_occurrence(occurrence_id: int) -> Occurrence:
    occurrence = db.session.get(Occurrence, occurrence_id)
    if occurrence is None or not can_view(current_user, occurrence):
        abort(404)
    return occurrence


@bp.route("/occurrences/<int:occurrence_id>")
@login_required
def detail(occurrence_id: int):
    occurrence = _visible_occurrence(occurrence_id)
    return render_template(
        "assignments/detail.html",
        o=occurrence,
        form=CompleteForm(),
        action_form=ActionForm(),
        may_complete=services.answers_for(current_user, occurrence),
        control=control_page.context(occurrence, current_user),
    )


@bp.route("/occurrences/<int:occurrence_id>/complete", methods=["POST"])
@login_required
def complete(occurrence_id: int):
    occurrence = _visible_occurrence(occurrence_id)
    form = CompleteForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(errors[0], "error")
        return redirect(url_for("assignments.detail", occurrence_id=occurrence.id))
    try:
        state = services.complete(
            occurrence, current_user, form.report.data, form.evidence_url.data
        )
    except services.TransitionError as exc:
        flash(str(exc), "error")
        return redirect(url_for("assignments.detail", occurrence_id=occurrence.id))
    db.session.commit()
    flash(
        _("Отмечено как выполненное.")
        if state == "done"
        else _("Отчёт отправлен на проверку контролёру."),
        "success",
    )
    return redirect(url_for("assignments.mine"))


@bp.route("/occurrences/<int:occurrence_id>/undo", methods=["POST"])
@login_required
def undo(occurrence_id: int):
    occurrence = _visible_occurrence(occurrence_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        services.undo(occurrence, current_user)
    except services.TransitionError as exc:
        flash(str(exc), "error")
    else:
        db.session.commit()
        flash(_("Отметка отменена."), "info")
    return redirect(url_for("assignments.mine"))
