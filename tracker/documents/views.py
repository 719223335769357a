"""Documents: the list, a document's page with its original file, and the import wizard."""

import io
import logging
import mimetypes

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge

from tracker.auth.access import role_required
from tracker.core.time import user_today
from tracker.documents import preview, queries, wizard
from tracker.documents.forms import DiscardForm, PreviewForm, UploadForm
from tracker.documents.importing import ImportRefused, existing_import
from tracker.documents.models import Document, ImportDraft
from tracker.extensions import db
from tracker.parsing.readers import UnreadableDocument
from tracker.people.models import Organisation

bp = Blueprint("documents", __name__, url_prefix="/documents")
log = logging.getLogger(__name__)


def _user_today():
    return user_today(current_user)


@bp.route("/")
@login_required
def list():
    rows = queries.document_rows(current_user, _user_today())
    return render_template(
        "documents/list.html", rows=rows, may_import=current_user.has_role("admin", "secretary")
    )


@bp.route("/<int:document_id>")
@login_required
def detail(document_id: int):
    document = queries.visible_document(document_id, current_user) or abort(404)
    items, owners, dues = queries.item_rows(document)
    return render_template(
        "documents/detail.html", document=document, items=items, owners=owners, dues=dues
    )


@bp.route("/<int:document_id>/original")
@login_required
def original(document_id: int):
    document = queries.visible_document(document_id, current_user) or abort(404)
    data = db.session.scalar(select(Document.original_file).where(Document.id == document.id))
    if data is None:
        abort(404)
    name = document.original_filename or f"document-{document.id}"
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return send_file(
        io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name, max_age=0
    )


# --- the import wizard ---------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"])
@role_required("secretary")
def upload():
    form = UploadForm()
    form.issuer.choices = preview.issuer_choices()
    if request.method == "GET":
        form.issuer.data = preview.default_issuer(current_user.person)
    if not form.validate_on_submit():
        return _upload_page(form, status=422 if form.is_submitted() else 200)
    data, filename, text = _submitted(form)
    issuer = db.session.get(Organisation, form.issuer.data)
    try:
        parsed = wizard.read_upload(data, filename, issuer)
    except ImportRefused as refused:
        return _upload_page(form, error=str(refused), existing=refused.existing, status=409)
    except UnreadableDocument as unreadable:
        return _upload_page(form, error=str(unreadable), status=422)
    if text is not None:
        parsed["source_text"] = text
    draft = wizard.create_draft(current_user, data, filename, issuer, parsed)
    db.session.commit()
    return redirect(url_for("documents.preview_draft", draft_id=draft.id))


def _submitted(form: UploadForm) -> tuple[bytes, str, str | None]:
    """(bytes, filename, pasted text or None) of what was submitted."""
    upload_ = form.document.data
    if upload_:
        return upload_.read(), upload_.filename or "document", None
    text = form.text.data.strip()
    return text.encode("utf-8"), wizard.PASTED_FILENAME, text


def _upload_page(form, error=None, existing=None, status=200):
    return render_template(
        "documents/upload.html",
        form=form,
        error=error,
        existing=existing,
        drafts=wizard.drafts_of(current_user),
        discard_form=DiscardForm(),
        limit_mb=_limit_mb(),
    ), status


def _limit_mb() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 10 * 1024 * 1024
    return f"{limit / (1024 * 1024):.3g}"


def _own_draft(draft_id: int) -> ImportDraft:
    draft = db.session.get(ImportDraft, draft_id)
    if draft is None or draft.user_id != current_user.id:
        abort(404)
    return draft


@bp.route("/import/<int:draft_id>")
@role_required("secretary")
def preview_draft(draft_id: int):
    draft = _own_draft(draft_id)
    form = PreviewForm(data=wizard.form_data(draft.parsed))
    return _preview_page(draft, form)


@bp.route("/import/<int:draft_id>", methods=["POST"])
@role_required("secretary")
def review(draft_id: int):
    draft = _own_draft(draft_id)
    form = PreviewForm()
    _fill_choices(draft, form)
    if not form.validate():
        return _preview_page(draft, form, status=422)
    try:
        wizard.apply_edits(draft, form)
    except wizard.PreviewError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("documents.preview_draft", draft_id=draft_id))
    if not form.confirm.data:
        db.session.commit()
        flash(_("Правки сохранены."), "success")
        return redirect(url_for("documents.preview_draft", draft_id=draft_id))
    return _confirm(draft)


def _confirm(draft: ImportDraft):
    """Import in one transaction: on any error nothing (not even new people) is kept."""
    draft_id = draft.id
    try:
        result = wizard.confirm(draft, current_user)
        db.session.commit()
    except ImportRefused as refused:
        db.session.rollback()
        flash(str(refused), "error")
        target = refused.existing
        return redirect(
            url_for("documents.detail", document_id=target.id)
            if target
            else url_for("documents.preview_draft", draft_id=draft_id)
        )
    except IntegrityError:
        db.session.rollback()
        return _already_imported(draft_id)
    except Exception:
        db.session.rollback()
        log.exception("import of draft %s failed", draft_id)
        flash(_("Импорт не выполнен из-за ошибки; ничего не сохранено."), "error")
        return redirect(url_for("documents.preview_draft", draft_id=draft_id))
    _flash_summary(result)
    return redirect(url_for("documents.detail", document_id=result.document.id))


def _already_imported(draft_id: int):
    draft = _own_draft(draft_id)
    existing = existing_import(draft.data)
    flash(_("Этот файл уже импортирован."), "error")
    if existing is None:
        return redirect(url_for("documents.preview_draft", draft_id=draft_id))
    return redirect(url_for("documents.detail", document_id=existing.id))


def _flash_summary(result) -> None:
    flash(
        _(
            "Документ импортирован: поручений %(a)d, сроков %(o)d.",
            a=result.assignments,
            o=result.occurrences,
        ),
        "success",
    )
    if result.unresolved:
        names = ", ".join(dict.fromkeys(result.unresolved))
        flash(
            _("Не найдены в справочнике (поручения не созданы): %(names)s.", names=names), "error"
        )


def _fill_choices(draft: ImportDraft, form: PreviewForm) -> None:
    people = preview.person_choices(draft.issuer, preview.linked_people(draft.parsed))
    orgs = preview.organisation_choices(draft.issuer)
    for item_entry in form.items.entries:
        item_entry.form.add_person.choices = people
        for owner_entry in item_entry.form.owners.entries:
            owner_entry.form.person.choices = people
            owner_entry.form.organisation.choices = orgs


def _preview_page(draft: ImportDraft, form: PreviewForm, status: int = 200):
    _fill_choices(draft, form)
    matches = preview.owner_matches(draft.parsed, draft.issuer)
    period = wizard.draft_period(draft.parsed)
    readings = [wizard.deadline_reading(e.get("deadline") or {}) for e in draft.parsed["items"]]
    dates = {"date": wizard.draft_anchor(draft.parsed), "start": period.start, "end": period.end}
    return render_template(
        "documents/preview.html",
        draft=draft,
        form=form,
        matches=matches,
        readings=readings,
        dates=dates,
        discard_form=DiscardForm(),
    ), status


@bp.route("/import/<int:draft_id>/discard", methods=["POST"])
@role_required("secretary")
def discard(draft_id: int):
    draft = _own_draft(draft_id)
    if DiscardForm().validate_on_submit():
        db.session.delete(draft)
        db.session.commit()
        flash(_("Черновик удалён."), "success")
    return redirect(url_for("documents.upload"))


@bp.route("/deadline-preview", methods=["POST"])
@role_required("secretary")
def deadline_preview():
    """The reading of a deadline phrase as it is typed (JSON; CSRF token in a header)."""
    payload = request.get_json(silent=True) or {}
    try:
        draft = _own_draft(int(payload.get("draft") or 0))
    except (TypeError, ValueError):
        abort(404)
    raw = str(payload.get("raw") or "")[:500]
    return jsonify(wizard.deadline_preview(draft, raw))


@bp.app_errorhandler(RequestEntityTooLarge)
def too_large(error):
    return render_template("documents/too_large.html", limit_mb=_limit_mb()), 413


from tracker.documents import item_views  # noqa: E402,F401  (its routes join bp)
