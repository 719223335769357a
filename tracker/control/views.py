"""На контроле: reporting with evidence, accepting or returning, deadline extensions,
comments, files, co-executors and re-assignment. Every write redirects to the occurrence."""

from flask import (
    Blueprint,
    abort,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from tracker.assignments.access import can_view
from tracker.assignments.forms import ActionForm
from tracker.assignments.models import Occurrence
from tracker.assignments.services import TransitionError
from tracker.auth.access import role_required
from tracker.control import queries, services, storage, team
from tracker.control.forms import (
    AttachForm,
    CommentForm,
    DecisionForm,
    ExtensionForm,
    PersonForm,
    ReportForm,
    ReturnForm,
    SettingsForm,
)
from tracker.control.models import Attachment, ExtensionRequest
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Person

bp = Blueprint("control", __name__, url_prefix="/control")
DOMAIN_ERRORS = (TransitionError, storage.EvidenceError)


@bp.app_context_processor
def queue_badge():
    """A callable, so the COUNT runs only on pages that draw the link."""

    def control_queue_count() -> int:
        if not has_request_context() or not current_user.is_authenticated:
            return 0
        return queries.queue_count(current_user)

    return {"control_queue_count": control_queue_count}


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_exc):
    flash(_("Файлы слишком большие для одной загрузки."), "error")
    occurrence_id = (request.view_args or {}).get("occurrence_id")
    if occurrence_id:
        return redirect(url_for("assignments.detail", occurrence_id=occurrence_id))
    return redirect(url_for("control.queue"))


@bp.teardown_request
def discard_unfinished_files(_exc) -> None:
    """Files of a request that failed before its commit (finalise never ran) are removed."""
    storage.discard()


def _visible(occurrence_id: int) -> Occurrence:
    occurrence = db.session.get(Occurrence, occurrence_id)
    if occurrence is None or not can_view(current_user, occurrence):
        abort(404)
    return occurrence


def _back(occurrence: Occurrence):
    return redirect(url_for("assignments.detail", occurrence_id=occurrence.id))


def _form_errors(form) -> None:
    for errors in form.errors.values():
        flash(errors[0], "error")


def _apply(occurrence: Occurrence, form, action, success: str):
    """Validate, run the service, commit once, flash; a refusal changes nothing."""
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(occurrence)
    try:
        result = action()
    except DOMAIN_ERRORS as exc:
        db.session.rollback()
        storage.discard()
        flash(str(exc), "error")
        return _back(occurrence)
    db.session.commit()
    storage.finalise()
    flash(success(result) if callable(success) else success, "success")
    return _back(occurrence)


@bp.route("/")
@login_required
def queue():
    decided_by = services.settings().extensions_decided_by
    return render_template(
        "control/queue.html",
        rows=queries.queue(current_user),
        extensions=queries.pending_extensions(current_user, decided_by),
    )


@bp.route("/occurrences/<int:occurrence_id>/report", methods=["POST"])
@login_required
def report(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = ReportForm()
    return _apply(
        occurrence,
        form,
        lambda: services.report(
            occurrence,
            current_user,
            form.report.data,
            getattr(form.links, "links", []),
            request.files.getlist("files"),
        ),
        lambda state: (
            _("Отмечено как выполненное.")
            if state == "done"
            else _("Отчёт отправлен на проверку контролёру.")
        ),
    )


@bp.route("/occurrences/<int:occurrence_id>/accept", methods=["POST"])
@login_required
def accept(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    return _apply(
        occurrence,
        ActionForm(),
        lambda: services.accept(occurrence, current_user),
        _("Исполнение принято, поручение снято с контроля."),
    )


@bp.route("/occurrences/<int:occurrence_id>/return", methods=["POST"])
@login_required
def return_(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = ReturnForm()
    return _apply(
        occurrence,
        form,
        lambda: services.return_report(occurrence, current_user, form.comment.data),
        _("Отчёт возвращён на доработку."),
    )


@bp.route("/occurrences/<int:occurrence_id>/extension", methods=["POST"])
@login_required
def request_extension(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = ExtensionForm()
    return _apply(
        occurrence,
        form,
        lambda: services.request_extension(
            occurrence, current_user, getattr(form.new_due_on, "parsed", None), form.reason.data
        ),
        _("Запрос на перенос срока отправлен."),
    )


@bp.route("/extensions/<int:request_id>/decide", methods=["POST"])
@login_required
def decide_extension(request_id: int):
    row = db.session.get(ExtensionRequest, request_id)
    if row is None or not can_view(current_user, row.occurrence):
        abort(404)
    form = DecisionForm()
    approve = form.decision.data == "approve"
    return _apply(
        row.occurrence,
        form,
        lambda: services.decide_extension(row, current_user, approve, form.comment.data),
        _("Перенос срока согласован.") if approve else _("В переносе срока отказано."),
    )


@bp.route("/occurrences/<int:occurrence_id>/comments", methods=["POST"])
@login_required
def comment(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = CommentForm()
    picked = (form.mention_ids.data or "").replace(",", " ").split()
    return _apply(
        occurrence,
        form,
        lambda: team.add_comment(occurrence, current_user, form.text.data, picked),
        _("Комментарий добавлен."),
    )


@bp.route("/occurrences/<int:occurrence_id>/attachments", methods=["POST"])
@login_required
def attach(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    return _apply(
        occurrence,
        AttachForm(),
        lambda: team.attach(occurrence, current_user, request.files.getlist("files")),
        _("Файлы приложены."),
    )


@bp.route("/attachments/<int:attachment_id>")
@login_required
def download(attachment_id: int):
    row = db.session.get(Attachment, attachment_id)
    if row is None or not can_view(current_user, row.occurrence):
        abort(404)
    try:
        path = storage.path_of(row.stored_name)
    except FileNotFoundError:
        abort(404)
    if not path.is_file():
        abort(404)
    return send_file(
        path,
        mimetype=row.content_type,
        as_attachment=True,
        download_name=row.original_name,
        max_age=0,
    )


def _person(form: PersonForm) -> Person | None:
    return db.session.get(Person, form.person.data) if form.person.data else None


@bp.route("/occurrences/<int:occurrence_id>/coexecutors", methods=["POST"])
@login_required
def add_coexecutor(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = PersonForm()
    return _apply(
        occurrence,
        form,
        lambda: team.add_coexecutor(occurrence, current_user, _person(form)),
        _("Соисполнитель добавлен."),
    )


@bp.route("/occurrences/<int:occurrence_id>/coexecutors/<int:person_id>/remove", methods=["POST"])
@login_required
def remove_coexecutor(occurrence_id: int, person_id: int):
    occurrence = _visible(occurrence_id)
    return _apply(
        occurrence,
        ActionForm(),
        lambda: team.remove_coexecutor(occurrence, current_user, person_id),
        _("Соисполнитель удалён."),
    )


@bp.route("/occurrences/<int:occurrence_id>/reassign", methods=["POST"])
@login_required
def reassign(occurrence_id: int):
    occurrence = _visible(occurrence_id)
    form = PersonForm()
    return _apply(
        occurrence,
        form,
        lambda: team.reassign(occurrence, current_user, _person(form)),
        _("Поручение передано."),
    )


@bp.route("/occurrences/<int:occurrence_id>/acceptance/<target>", methods=["POST"])
@login_required
def acceptance(occurrence_id: int, target: str):
    """Toggle "needs the controller's acceptance" on the occurrence's item or document."""
    occurrence = _visible(occurrence_id)
    if target not in ("item", "document"):
        abort(404)
    obj: Item | Document = occurrence.assignment.item if target == "item" else occurrence.document
    required = request.form.get("required") == "1"
    return _apply(
        occurrence,
        ActionForm(),
        lambda: services.set_acceptance(obj, current_user, required),
        _("Настройка приёмки сохранена."),
    )


@bp.route("/settings", methods=["GET", "POST"])
@role_required("admin")
def settings():
    row = services.settings()
    form = SettingsForm(obj=row)
    if form.validate_on_submit():
        services.update_settings(
            current_user, form.extensions_decided_by.data, form.report_counts_against.data
        )
        db.session.commit()
        flash(_("Настройки сохранены."), "success")
        return redirect(url_for("control.settings"))
    _form_errors(form)
    return render_template("control/settings.html", form=form)
