"""Owners of a roadmap "Ответственный" cell, and the directory key of a person's name."""

import re

from tracker.domain.owners.model import Owner
from tracker.domain.owners.names import find_people
from tracker.domain.owners.safety import never_raise
from tracker.domain.owners.text import clean_text
from tracker.domain.owners.units import owners_from_phrase
from tracker.domain.owners.vocab import group_key, is_owner_head, is_position

_LABEL_RE = re.compile(
    r"^\s*(?:ответственн(?:ый|ая|ые|ое)(?:\s+исполнител[ьи])?|отв\.?|исполнител[ьи]|"
    r"соисполнител[ьи])\s*(?:за\s+(?:исполнение|выполнение|реализацию)\s*)?[:\-–—]?\s*",
    re.IGNORECASE,
)
_WORDS_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]+")


@never_raise(lambda text: [])
def parse_owners(text: str) -> list[Owner]:
    """Owners named in an owner cell or list: people, organisations, groups of institutions."""
    cleaned = _LABEL_RE.sub("", clean_text(text), count=1)
    return owners_from_phrase(cleaned, None)


@never_raise(lambda name: ("", ""))
def person_key(name: str) -> tuple[str, str]:
    """("куропаткина", "ан"): nominative surname in lower case with ё as е, and the initials."""
    cleaned = clean_text(name)
    people = find_people(cleaned)
    if people:
        surname, initials = people[0].name(None).split(" ", 1)
        return _plain(surname), _plain(initials.replace(".", ""))
    words = _WORDS_RE.findall(cleaned)
    if not words:
        return "", ""
    return _plain(words[0]), _plain("".join(word[0] for word in words[1:3]))


def _plain(text: str) -> str:
    return text.lower().replace("ё", "е")


_ANNOTATION_RE = re.compile(r"\(\s*(?:по\s+согласованию|при\s+необходимости)\s*\)", re.IGNORECASE)
_PARTS_RE = re.compile(r"\s*(?:[,;/]|\s(?:и|а\s+также)\s)\s*")
_ABBREVIATION_RE = re.compile(r"^(?:[А-ЯЁ]{2,}[а-яё]{0,2}[А-ЯЁ]*\s*)+(?:[«\"][^«»\"]+[»\"])?$")
_PLURAL_PEOPLE_RE = re.compile(r"^(?:сотрудник|работник|специалист|представител|член)\w*\b", re.I)


@never_raise(lambda text: False)
def names_owners(text: str) -> bool:
    """text names only owners — people, bodies, positions, sets of them — and no activity:
    "Кулешова Р.В. Звягина М.А.", "ДОиН, ГУ ОЦМКО, МОУО", "Главы поселений (по
    согласованию)"; not "Формирование схемы участия"."""
    cleaned = _ANNOTATION_RE.sub(" ", clean_text(text))
    people = find_people(cleaned)
    for person in reversed(people):
        cleaned = cleaned[: person.start] + "," + cleaned[person.end :]
    parts = [p.strip(' .()«»"') for p in _PARTS_RE.split(cleaned)]
    parts = [p for p in parts if p]
    if not parts:
        return bool(people)
    # "Департамент культуры, спорта и молодежной политики": a lower-case part goes on naming
    # the body before it.
    return _owner_part(parts[0]) and all(
        _owner_part(part) or part[:1].islower() for part in parts[1:]
    )


def _owner_part(part: str) -> bool:
    return bool(
        _ABBREVIATION_RE.match(part)
        or _PLURAL_PEOPLE_RE.match(part)
        or is_owner_head(part)
        or is_position(part)
        or group_key(part)
    )
