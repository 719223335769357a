"""The read side of the import preview: what each parsed owner matches in the directory,
and the choices of the "link a person" / "create a person" selects."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import or_, select

from tracker.documents.matching import OwnerResolver, Resolution
from tracker.extensions import db
from tracker.people.models import Organisation, Person


@dataclass
class OwnerMatch:
    """One parsed owner as the preview shows it."""

    raw: str
    kind: str
    found: bool
    label: str
    dropped: bool = False


class _CachingResolver(OwnerResolver):
    """Resolves each distinct owner phrase once (a roadmap repeats the same owners)."""

    def __init__(self, within: Organisation | None):
        super().__init__(within)
        self._seen: dict[tuple, Resolution] = {}

    def resolve(self, owner: dict) -> Resolution:
        key = tuple(owner.get(k) for k in ("kind", "name", "group", "person_id", "organisation_id"))
        if key not in self._seen:
            self._seen[key] = super().resolve(owner)
        return self._seen[key]


def owner_matches(parsed: dict, issuer: Organisation | None) -> list[list[OwnerMatch]]:
    """Per item, per owner: found or not, and what it became."""
    resolver = _CachingResolver(issuer)
    resolved = [
        [(o, resolver.resolve(o)) for o in entry.get("owners") or []] for entry in parsed["items"]
    ]
    people, orgs = _labels(r for item in resolved for _o, r in item)
    return [[_match(o, r, people, orgs) for o, r in item] for item in resolved]


def _labels(resolutions) -> tuple[dict[int, str], dict[int, str]]:
    person_ids, org_ids = set(), set()
    for r in resolutions:
        person_ids.update(r.person_ids)
        if r.kind != "group":
            org_ids.update(r.organisation_ids)
    people = (
        {
            p.id: _person_label(p)
            for p in db.session.scalars(select(Person).where(Person.id.in_(person_ids)))
        }
        if person_ids
        else {}
    )
    orgs = (
        dict(
            db.session.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
            ).all()
        )
        if org_ids
        else {}
    )
    return people, orgs


def _person_label(person: Person) -> str:
    return f"{person.short_name}, {person.position}" if person.position else person.short_name


def _match(owner: dict, r: Resolution, people: dict, orgs: dict) -> OwnerMatch:
    if r.kind == "group":
        label = _("%(n)d организаций", n=len(r.organisation_ids))
    else:
        label = "; ".join(
            [people.get(i, "") for i in r.person_ids]
            + [orgs.get(i, "") for i in r.organisation_ids]
        )
    return OwnerMatch(
        raw=owner.get("raw") or r.raw,
        kind=r.kind,
        found=r.found,
        label=label or _("не найден"),
        dropped=bool(owner.get("dropped")),
    )


def person_choices(issuer: Organisation | None, linked: set[int]) -> list[tuple[int, str]]:
    """People of the issuer's subtree (and anyone already linked), for the selects."""
    stmt = select(Person).outerjoin(Person.organisation).order_by(Person.surname, Person.initials)
    if issuer is not None:
        stmt = stmt.where(
            or_(
                Organisation.path.startswith(issuer.path, autoescape=True),
                Person.id.in_(linked or {0}),
            )
        )
    return [(0, "—")] + [(p.id, _person_label(p)) for p in db.session.scalars(stmt)]


def organisation_choices(issuer: Organisation | None) -> list[tuple[int, str]]:
    stmt = select(Organisation.id, Organisation.name).order_by(Organisation.path)
    if issuer is not None:
        stmt = stmt.where(Organisation.path.startswith(issuer.path, autoescape=True))
    return [(0, "—")] + [tuple(row) for row in db.session.execute(stmt)]


def issuer_choices() -> list[tuple[int, str]]:
    """Departments (or, in a directory without them, the roots of the tree)."""
    stmt = (
        select(Organisation.id, Organisation.name)
        .where(or_(Organisation.kind == "department", Organisation.parent_id.is_(None)))
        .order_by(Organisation.name)
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def default_issuer(person: Person | None) -> int | None:
    """The department at the root of the user's own organisation."""
    if person is None or person.organisation is None:
        return None
    return int(person.organisation.path.strip("/").split("/")[0])


def linked_people(parsed: dict) -> set[int]:
    return {
        int(o["person_id"])
        for e in parsed["items"]
        for o in e.get("owners") or []
        if o.get("person_id")
    }
