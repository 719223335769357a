"""An owner phrase (a roadmap cell, an addressee, a controller) to owners.

The phrase is cut at commas, semicolons and line breaks outside quotes into segments. A job
title goes with the person in its own segment ("начальнику отдела … Акимовой Н.В.",
"Боброва Л.В. ведущий консультант"), else with the person just before it that has none
("Боброва Л.В., ведущий консультант"), else with the person just after it. Anything else is
an organisation or, for a set of institutions, a group.
"""

import re
from dataclasses import dataclass

from tracker.domain.morph import parses
from tracker.domain.owners.model import Owner
from tracker.domain.owners.names import PersonMatch, find_people
from tracker.domain.owners.phrases import phrase_to_nominative, shared_case
from tracker.domain.owners.text import strip_edges, top_level_spans
from tracker.domain.owners.vocab import group_key, is_owner_head, is_position

_AND_RE = re.compile(r"\s+(?:и|а\s+также|(?P<with>совместно\s+с|со?|при\s+участии))\s+")
_LEADING_AND_RE = re.compile(r"^(?:и|а также)\s+", re.IGNORECASE)
# Remarks that qualify an owner without naming one.
# "Руководителям ОО, на базе которых организуются лагеря": the clause narrows the owner down,
# it names no other.
_RELATIVE_CLAUSE_RE = re.compile(
    r",\s*(?:(?:на|в|во|из|у|с|для|при|по|за)\s+)?(?:[а-яё]+\s+)?котор\w+\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_ANNOTATION_RE = re.compile(
    r"\(?\b(?:по\s+согласованию|при\s+необходимости|по\s+необходимости)\b\)?", re.IGNORECASE
)
_WORKPLACE_RE = re.compile(r"\s*\((?P<place>[^()]{2,120})\)")
_LETTER_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]")
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "INTJ", "PRED"})
_VERB_POS = frozenset({"INFN", "VERB", "GRND", "PRTF", "PRTS", "ADJS"})  # PRTF: ", показавшим …"
_JUNK = frozenset({"др", "другие", "прочие", "все", "т.д", "т.п", "нет", "да"})


@dataclass
class _Person:
    match: PersonMatch
    raw_start: int
    raw_end: int
    position: str | None = None


@dataclass
class _Loose:
    """An organisation or group; with_case_of_its_own for "совместно с отделом …"."""

    phrase: str
    case_of_its_own: bool = False


@dataclass
class _Position:
    phrase: str
    start: int
    end: int


def owners_from_phrase(text: str, case: str | None) -> list[Owner]:
    """Owners named in text, reading the words in case (None: as written)."""
    text = _RELATIVE_CLAUSE_RE.sub("", _ANNOTATION_RE.sub(" ", text))
    people = find_people(text)
    entries: list[_Person | _Position | _Loose] = []
    for start, end in top_level_spans(text, ",;\n/"):  # "ИМЦ/ОО": two owners
        inside = [p for p in people if start <= p.start < end]
        if inside:
            _add_segment(text, start, end, inside, entries)
        else:
            _add_loose(text, start, end, entries)
    return _dedupe([_finish(text, entry, case) for entry in entries])


def _add_segment(text, start, end, inside, entries) -> None:
    previous_end = start
    for index, person in enumerate(inside):
        entry = _Person(person, person.start, person.end)
        before = _chunk(text, previous_end, person.start)
        if index == 0:
            _place_before(text, before, entry, entries, previous_end)
        elif before and is_position(before):
            _attach_between(text, before, entries[-1], entry, previous_end, person.start)
        elif before:
            entries.extend(_loose_owners(before, previous_end, person.start))
        entries.append(entry)
        previous_end = _after_workplace(text, entry, end)
    after = _chunk(text, previous_end, end)
    last = entries[-1]
    if after and _is_job_title(after) and isinstance(last, _Person) and last.position is None:
        last.position, last.raw_end = after, end
    elif after:
        entries.extend(_loose_owners(after, previous_end, end))


def _after_workplace(text: str, entry: _Person, end: int) -> int:
    """ "Иванов И.И. (МБОУ СОШ № 2)": the bracket says where the person works and is no owner
    of its own; it stands for the position when none is given. Returns where the entry ends."""
    match = _WORKPLACE_RE.match(text, entry.match.end, end)
    if match is None or find_people(match.group("place")):
        return entry.match.end
    if entry.position is None:
        entry.position = match.group("place").strip()
    entry.raw_end = match.end()
    return match.end()


def _place_before(text, before, entry, entries, chunk_start) -> None:
    if before and is_position(before):
        entry.position, entry.raw_start = before, chunk_start
    elif before:
        entries.extend(_loose_owners(before, chunk_start, entry.raw_start))
    elif entries and isinstance(entries[-1], _Position):
        pending = entries.pop()
        entry.position, entry.raw_start = pending.phrase, pending.start


def _attach_between(text, chunk, previous, entry, start, end) -> None:
    raw = text[start:end].lstrip(" ,")
    joined_to_next = bool(_LEADING_AND_RE.match(raw)) or text[start:end].lstrip().startswith(",")
    if isinstance(previous, _Person) and previous.position is None and not joined_to_next:
        previous.position, previous.raw_end = chunk, end
    else:
        entry.position, entry.raw_start = chunk, start


def _add_loose(text, start, end, entries) -> None:
    chunk = _chunk(text, start, end)
    if not chunk:
        return
    last = entries[-1] if entries else None
    if _is_job_title(chunk) and isinstance(last, _Person) and last.position is None:
        last.position, last.raw_end = chunk, end
        return
    entries.extend(_loose_owners(chunk, start, end))


def _is_job_title(chunk: str) -> bool:
    """A title on its own, not a set of people: "руководители ОО" is a group, while
    "руководителю школы молодого педагога" (one person) is a title."""
    return is_position(chunk) and (group_key(chunk) is None or _singular_head(chunk))


def _singular_head(chunk: str) -> bool:
    """The first word can only be singular ("руководителю"; not "заведующим")."""
    found = [p for p in parses(chunk.split(" ", 1)[0].strip(",.;:")) if p.tag.number]
    return bool(found) and all(p.tag.number == "sing" for p in found)


def _chunk(text: str, start: int, end: int) -> str:
    return _LEADING_AND_RE.sub("", strip_edges(text[start:end]))


def _loose_owners(chunk: str, start: int, end: int) -> list[_Position | _Loose]:
    found: list[_Position | _Loose] = []
    for piece, case_of_its_own in _split_conjoined(chunk):
        piece = _drop_function_words(piece)
        if not piece:
            continue
        if _is_job_title(piece):
            found.append(_Position(piece, start, end))
        else:
            found.append(_Loose(piece, case_of_its_own))
    return found


def _split_conjoined(chunk: str) -> list[tuple[str, bool]]:
    """ "отдел образования и ОО" → two owners; "отдел образования и охраны прав детства" → one.

    Each piece comes with whether it has a case of its own ("совместно с ИМЦ").
    """
    pieces, start, own_case = [], 0, False
    for match in _AND_RE.finditer(chunk):
        if is_owner_head(chunk[match.end() :]) and is_owner_head(chunk[start : match.start()]):
            pieces.append((chunk[start : match.start()], own_case))
            start, own_case = match.end(), bool(match.group("with"))
    pieces.append((chunk[start:], own_case))
    return [(strip_edges(piece), own) for piece, own in pieces if strip_edges(piece)]


def _drop_function_words(piece: str) -> str:
    """Without leading prepositions and adverbs ("совместно с ОО" → "ОО"); "" for non-owners."""
    words = piece.split(" ")
    while words and _pos_of(words[0]) in _FUNCTION_POS and not words[0].isupper():
        words.pop(0)
    if not words or not _LETTER_RE.search(words[0]):
        return ""
    if _pos_of(words[0]) in _VERB_POS and not is_position(" ".join(words)):
        return ""  # "заведующие ДОО" is PRTF too, but a title
    rest = " ".join(words)
    return "" if rest.lower().rstrip(".") in _JUNK else rest


def _pos_of(word: str) -> str | None:
    found = parses(word.strip("«»()\"'.,:;").lower())
    return found[0].tag.POS if found else None


def _finish(text: str, entry, case: str | None) -> Owner:
    if isinstance(entry, _Person):
        return _person_owner(text, entry, case)
    if isinstance(entry, _Position):
        name = _position_name(entry.phrase, case)
        return Owner(raw=entry.phrase, kind="org", name=name, position=name)
    return _org_or_group(entry.phrase, None if entry.case_of_its_own else case)


def _person_owner(text: str, entry: _Person, case: str | None) -> Owner:
    raw = text[entry.raw_start : entry.raw_end].strip(" \n,;:–—-")
    if _bracketed(text, entry.match):
        case = None  # "Отделу … (В.И. Лютанова)": a name in brackets is written as it is
    if entry.position is None:
        return Owner(raw=raw, kind="person", name=entry.match.name(case))
    # A name stands in the case of its title: "ведущему специалисту Иванову" is Иванов.
    case = case or shared_case(entry.position.split(" "))
    position = _position_name(entry.position, case)
    return Owner(raw=raw, kind="person", name=entry.match.name(case), position=position)


def _bracketed(text: str, match: PersonMatch) -> bool:
    return text[: match.start].rstrip().endswith("(")


def _org_or_group(phrase: str, case: str | None) -> Owner:
    name = phrase_to_nominative(phrase, case)
    key = group_key(name) or group_key(phrase)
    return Owner(raw=phrase, kind="group" if key else "org", name=name, group=key)


def _position_name(phrase: str, case: str | None) -> str:
    name = phrase_to_nominative(phrase, case)
    first = name.split(" ", 1)[0]
    if first[:1].isupper() and not (len(first) > 1 and first.isupper()):
        name = name[:1].lower() + name[1:]
    return name


def _dedupe(owners: list[Owner]) -> list[Owner]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for owner in owners:
        key = (owner.kind, owner.name.lower().replace("ё", "е"))
        if owner.name and key not in seen:
            seen.add(key)
            unique.append(owner)
    return unique
