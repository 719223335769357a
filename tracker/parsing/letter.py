"""Letters to the heads of schools: the addressee above a salutation, numbered points below.

    Руководителям общеобразовательных организаций
    Уважаемые руководители!
    Управление образования … просит:
    1. Провести классные часы …
    2. Представить отчёт до 10.03.2025.

The points are read as an order's; the addressee owns each point that names no owner.
"""

from __future__ import annotations

import re

from tracker.domain.owners import split_addressee
from tracker.parsing.items import Found
from tracker.parsing.lists import parse_list
from tracker.parsing.order import FIRST_ITEM_RE, until_end
from tracker.parsing.shaping import shape

_SALUTATION_RE = re.compile(r"^(?:глубоко)?уважаем\w+\s+[^!]{2,120}!\s*$", re.IGNORECASE)
_ADDRESSEE_LOOKBACK = 8


def read_letter(lines: list[str]) -> Found | None:
    """The points of a letter, or None when the text has no salutation above numbered points."""
    salutation = next((i for i, line in enumerate(lines) if _SALUTATION_RE.match(line)), None)
    if salutation is None:
        return None
    first = next(
        (i for i in range(salutation + 1, len(lines)) if FIRST_ITEM_RE.match(lines[i])), None
    )
    if first is None:
        return None
    found = Found(body_start=first)
    shape(parse_list(until_end(lines[first:])), found)
    addressees = _addressees(lines[max(0, salutation - _ADDRESSEE_LOOKBACK) : salutation])
    for item in found.items:
        if item.actionable and not item.owners:
            item.owners = list(addressees)
    return found


def _addressees(lines: list[str]) -> list:
    """Owners named in the dative on lines of their own ("Руководителям ОО")."""
    owners: list = []
    for line in lines:
        found, rest = split_addressee(line)
        if found and not rest.strip(" .:,"):
            owners.extend(found)
    return owners
