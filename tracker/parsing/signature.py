"""Signature lines: where a document's points end ("Глава администрации … В.Н. Иванов")."""

from __future__ import annotations

import re

from tracker.domain.owners.model import Owner
from tracker.domain.owners.units import owners_from_phrase
from tracker.domain.vocabulary import SIGNATURE_TITLES, alternation

_TITLES = alternation(re.escape(title).replace("\\ ", "\\s*") for title in SIGNATURE_TITLES)
_TITLE_RE = re.compile(rf"^(?:{_TITLES})(?=[\s:,|_]|$)", re.IGNORECASE)
_SURNAME = r"[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+)(?:-[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+))?"
_INITIALS = r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?"
# "В.Н.ИЛЯСОВ", "Е.П. Шучалин", "Шучалин Е.П.", "К.Патраев", "С.СИТНИКОВА".
NAME_RE = re.compile(rf"(?:{_INITIALS}{_SURNAME}|{_SURNAME}\s+{_INITIALS})")
_NAME_LINE_RE = re.compile(rf"^[\s_|]*{NAME_RE.pattern}[\s_|]*$")
_ENDS_IN_NAME_RE = re.compile(rf"\s{_INITIALS}{_SURNAME}[\s_|]*$")
_MAX_SIGNATURE = 200
# "Исп. Петрова А.С., тел. 2-22-33" under the signature; "Исполнитель: заместители
# директоров" in a point is its owner line, not a signature.
_EXECUTOR_RE = re.compile(rf"^исп(?:олнитель)?\.?:?\s*{NAME_RE.pattern}", re.IGNORECASE)


def is_signature(line: str) -> bool:
    """A signature line: a title in the nominative opening a short line ("Мэр города",
    "Директор школы:"), or a name alone ("В.Н.ИЛЯСОВ")."""
    line = line.strip()
    if _NAME_LINE_RE.match(line) or _EXECUTOR_RE.match(line):
        return True
    return len(line) <= _MAX_SIGNATURE and bool(_TITLE_RE.match(line))


def signatory(lines: list[str]) -> Owner | None:
    """The person who signs, from the signature lines below the points ("Директор
    департамента образования" / "С.В.НАУМОВ"), with the title as the position."""
    titles: list[str] = []
    for line in lines:
        line = line.strip(" _|")
        if _NAME_LINE_RE.match(line) or (_TITLE_RE.match(line) and NAME_RE.search(line)):
            name = NAME_RE.search(line)
            title = " ".join(titles + [line[: name.start()].strip(" _|")]).strip()
            return _person(name.group(0), title)
        if not _TITLE_RE.match(line) and not titles:
            continue
        titles.append(line)
    return None


def _person(name: str, title: str) -> Owner | None:
    people = [o for o in owners_from_phrase(name, None) if o.kind == "person"]
    if not people:
        return None
    person = people[0]
    person.position = title[:1].lower() + title[1:] if title else None
    return person


def ends_in_signature(line: str) -> bool:
    """ "Мэр города В.Н.ПАВЛЕНКО", "Глава муниципального образования В.П.Ложечко": a title
    with its signatory's name on one line."""
    return bool(_TITLE_RE.match(line.strip())) and bool(_ENDS_IN_NAME_RE.search(line))
