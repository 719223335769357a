"""Finding people's names in text: "Фамилия И.О.", "И.О. Фамилия", "Фамилия Имя Отчество"."""

import itertools
import re
from dataclasses import dataclass

from tracker.domain.morph import is_dictionary_word, lemmas, parses
from tracker.domain.owners.surnames import surname_to_nominative
from tracker.domain.vocabulary import (
    LABEL_LEMMAS,
    ORG_ABBREVIATION_RE,
    ORG_HEADS,
    POSITION_HEADS,
)

_SURNAME = r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?)"
_INITIALS_RE = re.compile(r"(?<![^\W_]|\.)([А-ЯЁ])\s?\.\s?(?:([А-ЯЁ])(?:\s?\.|(?![\w.])))?")
_SURNAME_BEFORE_RE = re.compile(rf"(?<![\w-])({_SURNAME})[^\S\n]+$")
_SURNAME_AFTER_RE = re.compile(rf"[^\S\n]*({_SURNAME})(?![\w-])")
_UNDOTTED_RE = re.compile(
    r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[^\S\n]+([А-ЯЁ]{2})(?![\w.])"
)
_WORD_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_PATRONYMIC_RE = re.compile(r"(?:[ое]вич|ьич|ич)(?:а|у|ем|е)?$|(?:[ое]вн|ичн|иничн)(?:а|ы|е|у|ой)$")
_NOT_SURNAMES = POSITION_HEADS | ORG_HEADS | LABEL_LEMMAS
_BRACKETED_WORD_RE = re.compile(r"(?<=[\w»\"]\s\()([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?=\))")


@dataclass(frozen=True)
class PersonMatch:
    """A name found at text[start:end]; surname as written, initials as "Н.В."."""

    start: int
    end: int
    surname: str
    initials: str
    gender: str | None = None

    def name(self, case: str | None) -> str:
        """ "Фамилия И.О." in the nominative, reading the surname in case ("Львович" when
        the document gives the surname alone)."""
        surname = surname_to_nominative(self.surname, case, self.gender)
        return f"{surname} {self.initials}" if self.initials else surname


def find_people(text: str) -> list[PersonMatch]:
    """Every name in text, in order, not overlapping."""
    found = _full_names(text)
    taken = [(m.start, m.end) for m in found]
    for match in [*_initialled_names(text), *_undotted_names(text), *_bracketed_surnames(text)]:
        if not any(match.start < end and start < match.end for start, end in taken):
            found.append(match)
            taken.append((match.start, match.end))
    return sorted(found, key=lambda m: m.start)


def _bracketed_surnames(text: str) -> list[PersonMatch]:
    """ "Главному управлению образования (Львович)": a surname alone in brackets after the
    body it heads."""
    found = []
    for match in _BRACKETED_WORD_RE.finditer(text):
        word = match.group(1)
        if _personal(word) and not lemmas(word) & _NOT_SURNAMES:
            found.append(PersonMatch(match.start(1), match.end(1), word, ""))
    return found


def _personal(word: str) -> bool:
    """A word that names a person: a surname the dictionary lacks or lists as a person's
    name ("Львович"), not a place or a thing ("Москва", "Приложение")."""
    strength = _surname_strength(word)
    if strength == 2:
        return True
    return strength == 1 and any(
        "anim" in p.tag and ("Surn" in p.tag or "Name" in p.tag or "Patr" in p.tag)
        for p in parses(word)
    )


def _undotted_names(text: str) -> list[PersonMatch]:
    """ "Иванова ИИ": initials typed without dots, after a word that is surely a surname
    (two capitals after an ordinary word are an abbreviation: "отдел ОО")."""
    found = []
    for match in _UNDOTTED_RE.finditer(text):
        surname, letters = match.group(1), match.group(2)
        if ORG_ABBREVIATION_RE.fullmatch(letters) or _surname_strength(surname) < 2:
            continue
        initials = f"{letters[0]}.{letters[1]}."
        found.append(PersonMatch(match.start(1), match.end(2), surname, initials))
    return found


def _initialled_names(text: str) -> list[PersonMatch]:
    found: list[PersonMatch] = []
    used_until = 0
    for initials in _INITIALS_RE.finditer(text):
        if initials.start() < used_until:
            continue
        match = _name_around(text, initials, used_until)
        if match is not None:
            found.append(match)
            used_until = match.end
    return found


def _name_around(text: str, initials: re.Match[str], used_until: int) -> PersonMatch | None:
    letters = ".".join(filter(None, initials.groups())) + "."
    window_start = max(used_until, initials.start() - 80)
    before = _SURNAME_BEFORE_RE.search(text, window_start, initials.start())
    after = _SURNAME_AFTER_RE.match(text, initials.end())
    if after and before and _INITIALS_RE.match(text, _skip_spaces(text, after.end(1))):
        after = None  # "Гладкий И.А. Мацалышенко В.М.": the next surname has initials of its own
    candidates = [
        (_surname_strength(before.group(1)), 1, before) if before else None,
        (_surname_strength(after.group(1)), 0, after) if after else None,
    ]
    best = max((c for c in candidates if c and c[0] > 0), default=None, key=lambda c: c[:2])
    if best is None:
        return None
    surname = best[2]
    start, end = (
        (surname.start(1), initials.end()) if best[1] else (initials.start(), surname.end(1))
    )
    return PersonMatch(start, end, surname.group(1), letters)


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _surname_strength(word: str) -> int:
    """2: surely a surname (pymorphy3 knows it as one, or doesn't know the word);
    1: might be; 0: not."""
    if ORG_ABBREVIATION_RE.fullmatch(word) or (word.isupper() and len(word) < 5):
        return 0
    title = word[:1] + word[1:].lower()
    if any("Surn" in p.tag for p in parses(title)) or not is_dictionary_word(title):
        return 2
    if lemmas(title) & _NOT_SURNAMES or parses(title)[0].tag.POS in ("INFN", "VERB"):
        return 0
    return 1


def _full_names(text: str) -> list[PersonMatch]:
    words = list(_WORD_RE.finditer(text))
    found: list[PersonMatch] = []
    index = 0
    while index + 2 < len(words):
        trio = words[index : index + 3]
        match = _full_name(text, trio) if _adjacent(text, trio) else None
        if match is None:
            index += 1
            continue
        found.append(match)
        index += 3
    return found


def _adjacent(text: str, trio: list[re.Match[str]]) -> bool:
    return all(text[a.end() : b.start()].isspace() for a, b in itertools.pairwise(trio))


def _full_name(text: str, trio: list[re.Match[str]]) -> PersonMatch | None:
    first, second, third = (w.group(0) for w in trio)
    start, end = trio[0].start(), trio[2].end()
    if _PATRONYMIC_RE.search(third) and _is_first_name(second) and _surname_first(text, trio):
        return PersonMatch(start, end, first, f"{second[0]}.{third[0]}.", _gender(third))
    if _PATRONYMIC_RE.search(second) and _is_first_name(first) and _surname_strength(third):
        return PersonMatch(start, end, third, f"{first[0]}.{second[0]}.", _gender(second))
    return None


def _surname_first(text: str, trio: list[re.Match[str]]) -> bool:
    """ "Иванова Мария Петровна": the first word is the surname, unless it is only a title
    and a surname follows the patronymic ("Докладчик Елена Петровна Лактионова")."""
    strength = _surname_strength(trio[0].group(0))
    if strength != 1:
        return strength == 2
    after = _WORD_RE.match(text, _skip_spaces(text, trio[2].end()))
    return after is None or _surname_strength(after.group(0)) == 0


def _is_first_name(word: str) -> bool:
    return any("Name" in p.tag for p in parses(word))


def _gender(patronymic: str) -> str:
    return "femn" if re.search(r"(?:вн|чн)\w*$", patronymic) else "masc"
