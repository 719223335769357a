"""The bell and the list, answering from a reminder, the policy and the outbox admin page."""

from flask import Blueprint, abort, flash, has_request_context, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import func, select

from tracker.assignments.access import can_view
from tracker.assignments.models import ACTIVE_STATES, Occurrence
from tracker.assignments.services import TransitionError, answers_for
from tracker.auth.access import role_required
from tracker.extensions import db
from tracker.notifications import services
from tracker.notifications.forms import AnswerForm, ButtonForm, PolicyForm
from tracker.notifications.models import PENDING, JobRun, MailBatch, Notification
from tracker.notifications.policy import settings, update_settings

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

RULE_TITLES = {
    "reminder": _l("Напоминание о сроке"),
    "overdue": _l("Просрочено"),
    "escalation": _l("Просрочка в подразделении"),
    "controller": _l("Ожидает проверки"),
    "checkin": _l("Отчёт за период"),
}


@bp.app_context_processor
def bell():
    """A callable, so the COUNT runs only when a page actually draws the bell."""

    def unread_notifications() -> int:
        if not has_request_context() or not current_user.is_authenticated:
            return 0
        return services.unread_count(current_user.person_id) if current_user.person_id else 0

    return {"unread_notifications": unread_notifications}


@bp.route("/", endpoint="list")
@login_required
def inbox():
    rows = services.inbox(current_user.person_id) if current_user.person_id else []
    return render_template(
        "notifications/list.html", rows=rows, form=ButtonForm(), titles=RULE_TITLES
    )


@bp.route("/<int:notification_id>/read", methods=["POST"])
@login_required
def read(notification_id: int):
    if not ButtonForm().validate_on_submit():
        abort(400)
    if not services.mark_read(current_user.person_id, notification_id):
        abort(404)
    db.session.commit()
    return redirect(url_for("notifications.list"))


@bp.route("/read-all", methods=["POST"])
@login_required
def read_all():
    if not ButtonForm().validate_on_submit():
        abort(400)
    if current_user.person_id:
        services.mark_read(current_user.person_id)
        db.session.commit()
    flash(_("Все уведомления отмечены как прочитанные."), "success")
    return redirect(url_for("notifications.list"))


def _answerable(token: str) -> tuple[Occurrence, str]:
    parsed = services.read_answer_token(token)
    occurrence = db.session.get(Occurrence, parsed[0]) if parsed else None
    if occurrence is None or not can_view(current_user, occurrence):
        abort(404)
    return occurrence, parsed[1]


@bp.route("/done/<token>", methods=["GET", "POST"])
@login_required
def answer(token: str):
    """The one-click link from a reminder: sign in, confirm, then it is ticked off."""
    occurrence, what = _answerable(token)
    detail = url_for("assignments.detail", occurrence_id=occurrence.id)
    if occurrence.state not in ACTIVE_STATES or not answers_for(current_user, occurrence):
        flash(_("Это поручение уже отмечено или отмечается не вами."), "info")
        return redirect(detail)
    form = AnswerForm(
        data={"report": _("Выполнено.")}
        if what == "done"
        else {"report": _("Не требуется в этом периоде.")}
    )
    if form.validate_on_submit():
        try:
            services.answer(occurrence, current_user, what, form.report.data)
        except TransitionError as error:
            flash(str(error), "error")
            return redirect(detail)
        db.session.commit()
        flash(_("Отметка сохранена."), "success")
        return redirect(detail)
    return render_template("notifications/answer.html", occurrence=occurrence, what=what, form=form)


@bp.route("/policy", methods=["GET", "POST"])
@role_required("admin")
def policy():
    row = settings()
    form = PolicyForm(obj=row)
    if form.validate_on_submit():
        values = {
            name: getattr(form, name).data
            for name in (
                "reminder_days",
                "overdue_after",
                "escalate_head_after",
                "escalate_upper_after",
                "controller_after",
                "checkin_before",
                "digest_weekday",
                "send_hour",
                "max_attempts",
            )
        }
        update_settings(**values)
        db.session.commit()
        flash(_("Правила уведомлений сохранены."), "success")
        return redirect(url_for("notifications.policy"))
    return render_template("notifications/policy.html", form=form)


@bp.route("/admin")
@role_required("admin")
def admin():
    notices, batches = services.failed_messages()
    pending = sum(
        db.session.scalar(select(func.count()).select_from(m).where(m.status == PENDING)) or 0
        for m in (Notification, MailBatch)
    )
    runs = db.session.scalars(select(JobRun).order_by(JobRun.name)).all()
    return render_template(
        "notifications/admin.html",
        runs=runs,
        notices=notices,
        batches=batches,
        pending=pending,
        form=ButtonForm(),
    )


@bp.route("/admin/resend/<kind>/<int:row_id>", methods=["POST"])
@role_required("admin")
def resend(kind: str, row_id: int):
    model = {"notice": Notification, "batch": MailBatch}.get(kind)
    if model is None or not ButtonForm().validate_on_submit():
        abort(404)
    if not services.resend(model, row_id):
        abort(404)
    db.session.commit()
    flash(_("Письмо снова поставлено в очередь."), "success")
    return redirect(url_for("notifications.admin"))
