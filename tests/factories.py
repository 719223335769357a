"""Factories for test data: small functions with sensible defaults."""

from datetime import date
from itertools import count

from tracker.assignments.models import Assignment, Occurrence
from tracker.auth.models import User
from tracker.documents.models import Document, Item
from tracker.people.models import Organisation, Person
from tracker.people.services import place_in_tree

_seq = count(1)


class Factories:
    def __init__(self, session):
        self.session = session

    def org(self, name=None, parent=None, kind="unit", timezone="Asia/Sakhalin"):
        org = Organisation(
            name=name or f"Организация {next(_seq)}", kind=kind, timezone=timezone, parent=parent
        )
        self.session.add(org)
        self.session.flush()
        place_in_tree(org)
        return org

    def person(self, surname=None, initials="ИИ", org=None, head_of=None, email=None, **kw):
        person = Person(
            surname=surname or f"Иванов{next(_seq)}",
            initials=initials,
            organisation=org,
            head_of=head_of,
            email=email,
            **kw,
        )
        self.session.add(person)
        self.session.flush()
        return person

    def user(self, person=None, roles=("executor",), login=None, password="secret-pass"):
        user = User(login=login or f"user{next(_seq)}", person=person)
        user.roles = roles
        user.set_password(password)
        self.session.add(user)
        self.session.flush()
        return user

    def document(self, title="Дорожная карта", kind="roadmap", **kw):
        kw.setdefault("period_start", date(2021, 1, 1))
        kw.setdefault("period_end", date(2023, 12, 31))
        doc = Document(title=title, kind=kind, **kw)
        self.session.add(doc)
        self.session.flush()
        return doc

    def item(self, document=None, text="Разработать положение", stage="goals", **kw):
        item = Item(document=document or self.document(), text=text, stage=stage, problems=[], **kw)
        self.session.add(item)
        self.session.flush()
        return item

    def occurrence(self, person=None, org=None, due_on=date(2022, 2, 10), item=None, **kw):
        item = item or self.item()
        org = org or (person.organisation if person else None)
        assignment = Assignment(item=item, person=person, organisation=org)
        occ = Occurrence(
            assignment=assignment,
            person=person,
            organisation=org,
            document=item.document,
            stage=item.stage,
            due_on=due_on,
            original_due_on=due_on,
            **kw,
        )
        self.session.add_all([assignment, occ])
        self.session.flush()
        return occ
