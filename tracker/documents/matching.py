"""Matching the parser's owners to the directory: people by surname and initials,
organisations by name, groups to every organisation of their kind."""

import re
from dataclasses import dataclass, field

from sqlalchemy import select

from tracker.domain.owners import person_key
from tracker.domain.owners.vocab import group_key
from tracker.extensions import db
from tracker.people.models import Organisation, Person

# Group keys of tracker.domain.owners → the kinds of organisation a group fans out to.
EDUCATIONAL = ("school", "kindergarten", "institution")
GROUP_KINDS = {
    "schools": ("school",),
    "teachers": ("school",),
    "kindergartens": ("kindergarten",),
    "additional_education": ("institution",),
    "colleges": ("institution",),
    "institutions": EDUCATIONAL,
    "all_orgs": EDUCATIONAL,
    "education_authorities": ("department",),
    "methodical_associations": EDUCATIONAL,
    # Sets outside the education directory: nobody to fan out to until a person assigns them.
    "municipalities": (),
    "executors": (),
    "unit_heads": (),
    "bodies": (),
}
_QUOTES_RE = re.compile(r"[«»\"'“”„]")


@dataclass
class Resolution:
    """What one parsed owner became: people and organisations, or nothing found."""

    raw: str
    kind: str
    person_ids: list[int] = field(default_factory=list)
    organisation_ids: list[int] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.person_ids or self.organisation_ids)


def normalise_org_name(name: str) -> str:
    return " ".join(_QUOTES_RE.sub("", name).lower().replace("ё", "е").split())


def _spellings(surname: str) -> set[str]:
    """How a lower-case, ё-less key may be written in the directory.

    SQLite's lower() folds ASCII only, so Cyrillic surnames are looked up by their
    spellings (an indexed IN) and compared in Python rather than with func.lower().
    """
    cased = {surname, surname.capitalize(), surname.title(), surname.upper()}
    with_yo = {
        f"{w[:i]}{'ё' if w[i] == 'е' else 'Ё'}{w[i + 1 :]}"
        for w in cased
        for i in range(len(w))
        if w[i] in "еЕ"
    }
    return cased | with_yo


def _plain(text: str) -> str:
    return text.lower().replace("ё", "е")


def find_person(name: str) -> Person | None:
    surname, initials = person_key(name)
    if not surname:
        return None
    stmt = select(Person).where(Person.surname.in_(_spellings(surname)))
    candidates = [p for p in db.session.scalars(stmt) if _plain(p.surname) == surname]
    exact = [p for p in candidates if _plain(p.initials) == initials.lower()]
    if len(exact) == 1:
        return exact[0]
    if not initials and len(candidates) == 1:
        return candidates[0]
    return None


def organisation_index() -> dict[str, int]:
    """Normalised full and short names of every organisation, to its id (one query)."""
    index: dict[str, int] = {}
    for org_id, name, short in db.session.execute(
        select(Organisation.id, Organisation.name, Organisation.short_name)
    ):
        index.setdefault(normalise_org_name(name), org_id)
        if short:
            index.setdefault(normalise_org_name(short), org_id)
    return index


def infer_group(name: str) -> str:
    """The kind of organisations a group names ("руководители ОО" → every school)."""
    return group_key(name) or "all_orgs"


def group_members(group: str | None, within: Organisation | None) -> list[int]:
    """Organisations a group owner fans out to, inside the issuer's subtree when known."""
    kinds = GROUP_KINDS.get(group or "all_orgs", EDUCATIONAL)
    stmt = select(Organisation.id).where(Organisation.kind.in_(kinds))
    if within is not None:
        stmt = stmt.where(Organisation.path.startswith(within.path, autoescape=True))
    return list(db.session.scalars(stmt.order_by(Organisation.path)))


class OwnerResolver:
    """Resolves the parser's owners for one import; the organisation index is built once."""

    def __init__(self, within: Organisation | None):
        self.within = within
        self._orgs: dict[str, int] | None = None

    def org_id(self, name: str) -> int | None:
        if self._orgs is None:
            self._orgs = organisation_index()
        return self._orgs.get(normalise_org_name(name))

    def resolve(self, owner: dict) -> Resolution:
        result = Resolution(raw=owner.get("raw") or owner.get("name") or "", kind=owner["kind"])
        if owner.get("person_id"):
            result.person_ids.append(int(owner["person_id"]))
        elif owner.get("organisation_id"):
            result.organisation_ids.append(int(owner["organisation_id"]))
        elif owner["kind"] == "person":
            person = find_person(owner["name"])
            result.person_ids += [person.id] if person else []
        elif owner["kind"] == "org":
            org_id = self.org_id(owner["name"])
            result.organisation_ids += [org_id] if org_id else []
        else:
            group = owner.get("group") or infer_group(owner.get("name") or "")
            result.organisation_ids += group_members(group, self.within)
        return result
