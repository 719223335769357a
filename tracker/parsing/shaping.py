"""Turn list drafts into items: clauses cut out, owners, controller, actionability."""

from __future__ import annotations

import re

from tracker.domain.owners import find_controller, parse_owners
from tracker.parsing.common import clean, split_clauses
from tracker.parsing.items import Found, RawItem
from tracker.parsing.lists import Draft

_NOTHING_TO_DO_RE = re.compile(
    r"^(?:(?:информаци\w+|доклад\w*|сообщени\w+|отч[её]т\w*|выступлени\w+)\b.{0,400}?)?"
    r"(?:принять\s+к\s+(?:сведению|информации)|взять\s+на\s+заметку)\s*[.;]?$"
    r"|^(?:признать|считать|отметить)\s+(?:работу|деятельность|информацию|выполнени\w+|"
    r"удовлетворительн|положительн|эффективн)",
    re.IGNORECASE,
)
_CONTROL_RE = re.compile(r"^контроль\s+(?:за|над)?\s*(?:исполнени|выполнени)", re.IGNORECASE)


def shape(drafts: list[Draft], found: Found) -> None:
    for draft in drafts:
        item = shape_one(draft, found)
        if item is not None:
            found.items.append(item)


def shape_one(draft: Draft, found: Found) -> RawItem | None:
    text = clean(draft.text)
    if not text:
        return None
    if _CONTROL_RE.match(text):
        controller = find_controller(text)
        if controller is not None and found.controller is None:
            found.controller = controller
        return RawItem(number=draft.number, text=text, actionable=False)
    clauses = split_clauses(text)
    owners = list(draft.owners)
    if clauses.owner:
        owners = owners or list(parse_owners(clauses.owner))
    item = RawItem(
        number=draft.number,
        text=_capital_ok(clauses.text or text),
        owners=owners or list(draft.inherited),
        deadline_raw=clauses.deadline,
    )
    item.actionable = is_actionable(item.text)
    if clauses.extra:
        extra = "», «".join(clauses.extra)
        item.problems.append(
            f"В пункте больше одного срока или ответственного («{extra}»): проверьте."
        )
    if clauses.owner and not owners:
        item.problems.append(f"Ответственный «{clauses.owner}» не распознан: укажите его вручную.")
    return item


def is_actionable(text: str) -> bool:
    """False for items that ask nothing ("Информацию принять к сведению")."""
    return not _NOTHING_TO_DO_RE.search(text)


def _capital_ok(text: str) -> str:
    return text.strip(" -–—:;,")
