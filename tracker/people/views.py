"""The directory an administrator maintains: organisations, people, accounts, CSV import."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.models import User
from tracker.extensions import db, login_manager
from tracker.people import queries, services
from tracker.people.csv_import import import_directory
from tracker.people.forms import CsvImportForm, DeleteForm, OrganisationForm, PersonForm, UserForm
from tracker.people.models import Organisation, Person

bp = Blueprint("people", __name__, url_prefix="/directory")


@bp.before_request
def admins_only():
    """Every page here is the administrator's (same rule as role_required("admin"))."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.has_role("admin"):
        abort(403)


@bp.context_processor
def labels():
    return {"KIND_LABELS": services.KIND_LABELS, "ROLE_LABELS": services.ROLE_LABELS}


def _org_or_none(org_id: int) -> Organisation | None:
    return db.get_or_404(Organisation, org_id) if org_id else None


# --- organisations -----------------------------------------------------------------------


@bp.route("/organisations")
def organisations():
    return render_template(
        "people/organisations.html", tree=queries.organisation_tree(), delete_form=DeleteForm()
    )


@bp.route("/organisations/new", methods=["GET", "POST"])
def organisation_new():
    form = OrganisationForm()
    form.parent_id.choices = queries.organisation_choices(_("— верхний уровень —"))
    if request.method == "GET":
        form.parent_id.data = request.args.get("parent", 0, type=int)
    if form.validate_on_submit():
        parent = _org_or_none(form.parent_id.data)
        org = services.create_organisation(
            form.name.data, form.kind.data, form.timezone.data, parent, form.short_name.data
        )
        db.session.commit()
        flash(_("Организация «%(name)s» создана.", name=org.label), "success")
        return redirect(url_for("people.organisations"))
    return render_template("people/organisation_form.html", form=form, org=None)


@bp.route("/organisations/<int:org_id>/edit", methods=["GET", "POST"])
def organisation_edit(org_id: int):
    org = db.get_or_404(Organisation, org_id)
    form = OrganisationForm(obj=org)
    if request.method == "GET":
        form.parent_id.data = org.parent_id or 0
    form.parent_id.choices = queries.organisation_choices(_("— верхний уровень —"), exclude=org)
    if form.validate_on_submit():
        try:
            services.update_organisation(
                org,
                name=form.name.data,
                short_name=form.short_name.data,
                kind=form.kind.data,
                timezone=form.timezone.data,
                parent=_org_or_none(form.parent_id.data),
            )
        except services.DirectoryError as exc:
            db.session.rollback()
            form.parent_id.errors.append(str(exc))
        else:
            db.session.commit()
            flash(_("Изменения сохранены."), "success")
            return redirect(url_for("people.organisations"))
    return render_template("people/organisation_form.html", form=form, org=org)


@bp.route("/organisations/<int:org_id>/delete", methods=["POST"])
def organisation_delete(org_id: int):
    org = db.get_or_404(Organisation, org_id)
    if not DeleteForm().validate_on_submit():
        abort(400)
    try:
        services.delete_organisation(org)
    except services.DirectoryError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        db.session.commit()
        flash(_("Организация удалена."), "success")
    return redirect(url_for("people.organisations"))


# --- people ------------------------------------------------------------------------------


@bp.route("/people")
def people():
    surname = request.args.get("q", "").strip()
    org = _org_or_none(request.args.get("org", 0, type=int))
    page = queries.people_page(request.args.get("page", 1, type=int), surname, org)
    return render_template(
        "people/people.html",
        page=page,
        q=surname,
        org=org,
        org_choices=queries.organisation_choices(_("Все организации")),
    )


def _person_form(person: Person | None) -> PersonForm:
    form = PersonForm(obj=person)
    if person is not None and request.method == "GET":
        form.organisation_id.data = person.organisation_id or 0
        form.head_of_id.data = person.head_of_id or 0
    choices = queries.organisation_choices(_("— не указана —"))
    form.organisation_id.choices = choices
    form.head_of_id.choices = [(0, _("— никем не руководит —"))] + choices[1:]
    return form


@bp.route("/people/new", methods=["GET", "POST"], defaults={"person_id": None})
@bp.route("/people/<int:person_id>/edit", methods=["GET", "POST"])
def person_edit(person_id: int | None):
    person = db.get_or_404(Person, person_id) if person_id else None
    form = _person_form(person)
    if form.validate_on_submit():
        saved = services.save_person(
            person or Person(),
            surname=form.surname.data,
            first_name=form.first_name.data or "",
            patronymic=form.patronymic.data or "",
            initials=form.initials.data or "",
            position=form.position.data,
            email=form.email.data,
            organisation=_org_or_none(form.organisation_id.data),
            head_of=_org_or_none(form.head_of_id.data),
        )
        db.session.commit()
        flash(_("Сотрудник %(name)s сохранён.", name=saved.short_name), "success")
        return redirect(url_for("people.people"))
    return render_template("people/person_form.html", form=form, person=person)


# --- user accounts -----------------------------------------------------------------------


@bp.route("/accounts")
def accounts():
    page = queries.users_page(request.args.get("page", 1, type=int))
    return render_template("people/accounts.html", page=page)


@bp.route("/accounts/new", methods=["GET", "POST"], defaults={"user_id": None})
@bp.route("/accounts/<int:user_id>/edit", methods=["GET", "POST"])
def account_edit(user_id: int | None):
    user = db.get_or_404(User, user_id) if user_id else None
    form = UserForm(obj=user)
    if user is not None and request.method == "GET":
        form.person_id.data = user.person_id or 0
        form.roles.data = sorted(user.roles)
    form.person_id.choices = queries.people_choices(_("— без сотрудника —"))
    if form.validate_on_submit():
        if user is None and not form.password.data:
            form.password.errors.append(_("Задайте пароль новой учётной записи."))
        elif _save_account(form, user):
            return redirect(url_for("people.accounts"))
    return render_template("people/account_form.html", form=form, user=user)


def _save_account(form: UserForm, user: User | None) -> bool:
    person = db.get_or_404(Person, form.person_id.data) if form.person_id.data else None
    try:
        saved = services.save_user(
            user or User(),
            login=form.login.data,
            person=person,
            roles=form.roles.data,
            is_enabled=form.is_enabled.data,
            password=form.password.data or None,
            acting=current_user,
        )
    except services.DirectoryError as exc:
        db.session.rollback()
        form.login.errors.append(str(exc))
        return False
    db.session.commit()
    flash(_("Учётная запись «%(login)s» сохранена.", login=saved.login), "success")
    return True


# --- CSV import --------------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"])
def csv_import():
    form = CsvImportForm()
    result = None
    if form.validate_on_submit():
        result = import_directory(form.file.data.read())
        if result.errors:
            db.session.rollback()
        else:
            db.session.commit()
            flash(_("Справочник загружен."), "success")
    return render_template("people/import.html", form=form, result=result)
