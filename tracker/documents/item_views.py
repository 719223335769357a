"""Fixing an imported item on its document's page: routes on the documents blueprint
(imported at the bottom of views.py)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.documents import editing, owner_editing, preview, queries
from tracker.documents.forms import ItemEditForm, OwnerAddForm, OwnerRemoveForm
from tracker.documents.models import Item
from tracker.documents.views import bp
from tracker.documents.wizard import deadline_reading
from tracker.extensions import db


@bp.app_template_global()
def may_edit_item(item: Item) -> bool:
    """Whether the signed-in user may fix this item (the "Исправить" link)."""
    return current_user.is_authenticated and editing.may_edit(current_user, item)


def _editable_item(document_id: int, item_id: int) -> Item:
    """404 for what the user may not see, 403 for what they see but may not change."""
    document = queries.visible_document(document_id, current_user) or abort(404)
    item = db.session.get(Item, item_id)
    if item is None or item.document_id != document.id:
        abort(404)
    if not editing.may_edit(current_user, item):
        abort(403)
    return item


def _item_data(item: Item) -> dict:
    return {
        "stage": item.stage or "",
        "text": item.text,
        "deadline": item.deadline_raw or "",
        "actionable": item.is_actionable,
    }


def _edit_url(item: Item) -> str:
    return url_for("documents.edit_item", document_id=item.document_id, item_id=item.id)


@bp.route("/<int:document_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit_item(document_id: int, item_id: int):
    item = _editable_item(document_id, item_id)
    form = ItemEditForm(data=_item_data(item)) if request.method == "GET" else ItemEditForm()
    if not form.validate_on_submit():
        return _edit_page(item, form, status=422 if form.is_submitted() else 200)
    if form.check.data:
        return _edit_page(item, form)
    changes = editing.ItemChanges(
        stage=form.stage.data or None,
        text=form.text.data,
        deadline_raw=form.deadline.data,
        actionable=form.actionable.data,
    )
    notified = editing.update_item(item, changes, current_user)
    db.session.commit()
    flash(_("Пункт исправлен."), "success")
    if notified:
        flash(_("Ответственным отправлено уведомление о новых сроках."), "success")
    return redirect(url_for("documents.detail", document_id=document_id, _anchor=f"item-{item.id}"))


@bp.route("/<int:document_id>/items/<int:item_id>/owners", methods=["POST"])
@login_required
def add_owner(document_id: int, item_id: int):
    item = _editable_item(document_id, item_id)
    form = OwnerAddForm()
    _fill_owner_choices(item, form)
    if not form.validate_on_submit():
        return _edit_page(item, owner_form=form, status=422)
    target = {
        "person": {"person_id": form.person.data},
        "organisation": {"organisation_id": form.organisation.data},
        "group": {"group": form.group.data},
    }[form.kind.data]
    try:
        created = owner_editing.add_owner(item, current_user, **target)
    except editing.EditError as error:
        db.session.rollback()
        getattr(form, form.kind.data).errors.append(str(error))
        return _edit_page(item, owner_form=form, status=422)
    db.session.commit()
    flash(_("Назначено ответственных: %(n)d.", n=created), "success")
    return redirect(_edit_url(item))


@bp.route(
    "/<int:document_id>/items/<int:item_id>/owners/<int:assignment_id>/remove", methods=["POST"]
)
@login_required
def remove_owner(document_id: int, item_id: int, assignment_id: int):
    item = _editable_item(document_id, item_id)
    if not OwnerRemoveForm().validate_on_submit():
        abort(400)
    try:
        owner_editing.remove_owner(item, assignment_id, current_user)
    except editing.EditError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(_edit_url(item))
    db.session.commit()
    flash(_("Ответственный снят, его сроки отменены."), "success")
    return redirect(_edit_url(item))


def _fill_owner_choices(item: Item, form: OwnerAddForm) -> None:
    issuer = item.document.issuer
    form.person.choices = preview.person_choices(issuer, set())
    form.organisation.choices = preview.organisation_choices(issuer)


def _edit_page(
    item: Item,
    form: ItemEditForm | None = None,
    owner_form: OwnerAddForm | None = None,
    status: int = 200,
):
    form = form or ItemEditForm(formdata=None, data=_item_data(item))
    if owner_form is None:
        owner_form = OwnerAddForm(formdata=None)
        _fill_owner_choices(item, owner_form)
    deadline = editing.parse_for(item.document, (form.deadline.data or "").strip() or None)
    owners = owner_editing.owners_of(item)
    return render_template(
        "documents/item_edit.html",
        item=item,
        document=item.document,
        form=form,
        owner_form=owner_form,
        remove_form=OwnerRemoveForm(formdata=None),
        owners=owners,
        removable={a.id for a in owners if owner_editing.removable(a)},
        reading=deadline_reading(deadline),
        deadline_problems=deadline["problems"],
    ), status
