"""Owners of a roadmap "Ответственный" cell, and the directory key of a person's name."""

import re

from tracker.domain.owners.model import Owner
from tracker.domain.owners.names import find_people
from tracker.domain.owners.safety import never_raise
from tracker.domain.owners.text import clean_text
from tracker.domain.owners.units import owners_from_phrase

_LABEL = re.compile(
    r"^\s*(?:ответственн(?:ый|ая|ые|ое)(?:\s+исполнител[ьи])?|отв\.?|исполнител[ьи]|"
    r"соисполнител[ьи])\s*(?:за\s+(?:исполнение|выполнение|реализацию)\s*)?[:\-–—]?\s*",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[А-ЯЁа-яёA-Za-z]+")


@never_raise(lambda text: [])
def parse_owners(text: str) -> list[Owner]:
    """Owners named in an owner cell or list: people, organisations, groups of institutions."""
    cleaned = _LABEL.sub("", clean_text(text), count=1)
    return owners_from_phrase(cleaned, None)


@never_raise(lambda name: ("", ""))
def person_key(name: str) -> tuple[str, str]:
    """("куропаткина", "ан"): nominative surname in lower case with ё as е, and the initials."""
    cleaned = clean_text(name)
    people = find_people(cleaned)
    if people:
        surname, initials = people[0].name(None).split(" ", 1)
        return _plain(surname), _plain(initials.replace(".", ""))
    words = _WORDS.findall(cleaned)
    if not words:
        return "", ""
    return _plain(words[0]), _plain("".join(word[0] for word in words[1:3]))


def _plain(text: str) -> str:
    return text.lower().replace("ё", "е")
