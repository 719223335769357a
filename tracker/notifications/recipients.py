"""Who receives a notice: the owner, the head above, the head above that, the controller.

The directory (organisations and heads) is small next to the occurrences, so a sweep loads
it once; recipients' time zones and modes are fetched only for the people involved.
"""

from dataclasses import dataclass

from sqlalchemy import select

from tracker.auth.models import User
from tracker.domain.notification_policy import CONTROLLER, HEAD, OWNER, UPPER
from tracker.extensions import db
from tracker.people.models import Organisation, Person


@dataclass(frozen=True)
class Recipient:
    person_id: int
    timezone: str | None
    mode: str  # "each" | "digest"


class Directory:
    def __init__(self) -> None:
        rows = db.session.execute(select(Organisation.id, Organisation.path, Organisation.timezone))
        self.paths: dict[int, list[int]] = {}
        self.timezones: dict[int, str] = {}
        for org_id, path, tz in rows:
            self.paths[org_id] = [int(p) for p in path.strip("/").split("/") if p] or [org_id]
            self.timezones[org_id] = tz
        self.heads: dict[int, int] = {}
        heads = select(Person.id, Person.head_of_id).where(Person.head_of_id.is_not(None))
        for person_id, org_id in db.session.execute(heads.order_by(Person.id.desc())):
            self.heads[org_id] = person_id
        self.head_orgs = {person: org for org, person in self.heads.items()}
        self._people: dict[int, Recipient] = {}

    def ancestors(self, org_id: int | None) -> list[int]:
        """The organisation and those above it, nearest first."""
        return list(reversed(self.paths.get(org_id, []))) if org_id else []

    def owner(self, person_id: int | None, org_id: int | None) -> int | None:
        """A person owner, or for an organisation's assignment its head (a school director)."""
        return person_id if person_id is not None else self.heads.get(org_id)

    def head_above(self, org_id: int | None, excluding: set[int]) -> tuple[int, int] | None:
        """The nearest head, starting at the organisation itself, who is not excluded."""
        for unit in self.ancestors(org_id):
            head = self.heads.get(unit)
            if head is not None and head not in excluding:
                return head, unit
        return None

    def recipient_for(self, audience: str, person_id, org_id, controller_id=None) -> int | None:
        if audience == CONTROLLER:
            return controller_id
        owner = self.owner(person_id, org_id)
        if audience == OWNER:
            return owner
        head = self.head_above(org_id, {owner})
        if audience == HEAD or head is None:
            return head[0] if head else None
        parent = self.paths.get(head[1], [])[:-1]
        upper = self.head_above(parent[-1], {owner, head[0]}) if parent else None
        return upper[0] if upper and audience == UPPER else None

    def load_people(self, person_ids) -> dict[int, Recipient]:
        """Time zone and mode of each person, fetched once per sweep."""
        missing = sorted({p for p in person_ids if p is not None} - self._people.keys())
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            stmt = (
                select(Person.id, Person.organisation_id, Person.head_of_id, User.notify_mode)
                .outerjoin(User, User.person_id == Person.id)
                .where(Person.id.in_(chunk))
            )
            for pid, org_id, head_of_id, mode in db.session.execute(stmt):
                tz = self.timezones.get(org_id or head_of_id)
                self._people[pid] = Recipient(pid, tz, mode or "each")
        return self._people
