"""What the occurrence page shows of control: history, files, comments, requests, and the
forms the viewer may use. Called by assignments.detail() so that view stays thin."""

from types import SimpleNamespace

from tracker.assignments.access import heads_over
from tracker.assignments.models import ACTIVE_STATES, REPORTED, Occurrence
from tracker.assignments.services import answers_for
from tracker.auth.models import User
from tracker.control import access, queries, services
from tracker.control.forms import (
    AttachForm,
    CommentForm,
    DecisionForm,
    ExtensionForm,
    PersonForm,
    ReportForm,
    ReturnForm,
)
from tracker.core.time import person_tz


def _viewer_tz(user: User) -> str | None:
    return person_tz(user.person)


def context(occurrence: Occurrence, user: User) -> SimpleNamespace:
    """Everything under one name, `control`, so the page's own context stays apart."""
    item = occurrence.assignment.item
    owner = answers_for(user, occurrence)
    decided_by = services.settings().extensions_decided_by
    pending = services.pending_extension(occurrence)
    return SimpleNamespace(
        history=queries.history(occurrence, _viewer_tz(user)),
        attachments=queries.attachments(occurrence),
        comments=queries.comments(occurrence),
        coexecutors=queries.coexecutors(occurrence),
        extensions=queries.extensions(occurrence),
        pending=pending,
        report_form=(ReportForm() if owner and occurrence.state in ACTIVE_STATES else None),
        return_form=(
            ReturnForm()
            if occurrence.state == REPORTED and access.is_controller(user, occurrence)
            else None
        ),
        extension_form=(
            ExtensionForm()
            if owner and not pending and occurrence.state in ACTIVE_STATES and occurrence.due_on
            else None
        ),
        may_decide=bool(pending) and access.may_decide_extension(user, occurrence, decided_by),
        decision_form=DecisionForm(),
        comment_form=CommentForm(),
        attach_form=(AttachForm() if access.may_contribute(user, occurrence) else None),
        team_form=_person_form(user, occurrence, access.may_manage_team),
        reassign_form=_person_form(user, occurrence, access.may_reassign),
        may_toggle_item=access.may_toggle_acceptance(user, item.effective_controller_id),
        may_toggle_document=access.may_toggle_acceptance(user, occurrence.document.controller_id),
        counted_due_on=services.counted_due_on(occurrence),
        is_head=heads_over(user, occurrence),
    )


def _person_form(user: User, occurrence: Occurrence, allowed) -> PersonForm | None:
    if not allowed(user, occurrence):
        return None
    form = PersonForm()
    people = (
        queries.people_of_unit(user)
        if (user.person and user.person.head_of_id) or user.has_role("admin")
        else _colleagues(user)
    )
    form.person.choices = [(0, "—")] + [(p.id, p.short_name) for p in people]
    return form


def _colleagues(user: User):
    """An owner who heads nothing picks helpers from their own organisation."""
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.people.models import Person

    org_id = user.person.organisation_id if user.person else None
    if org_id is None:
        return []
    stmt = select(Person).where(Person.organisation_id == org_id).order_by(Person.surname)
    return list(db.session.scalars(stmt.limit(1000)))
