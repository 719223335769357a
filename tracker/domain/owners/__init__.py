"""Owners of assignments (ответственные) found in roadmap cells, protocol items and orders."""

from tracker.domain.owners.addressee import split_addressee
from tracker.domain.owners.cell import parse_owners, person_key
from tracker.domain.owners.controller import find_controller
from tracker.domain.owners.model import Owner

__all__ = ["Owner", "find_controller", "parse_owners", "person_key", "split_addressee"]
