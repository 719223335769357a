"""An owner phrase (a roadmap cell, an addressee, a controller) to owners.

The phrase is cut at commas, semicolons and line breaks outside quotes into segments. A job
title goes with the person in its own segment ("начальнику отдела … Акимовой Н.В.",
"Боброва Л.В. ведущий консультант"), else with the person just before it that has none
("Боброва Л.В., ведущий консультант"), else with the person just after it. Anything else is
an organisation or, for a set of institutions, a group.
"""

import re
from dataclasses import dataclass

from tracker.domain.owners.model import Owner
from tracker.domain.owners.morph import parses
from tracker.domain.owners.names import PersonMatch, find_people
from tracker.domain.owners.phrases import phrase_to_nominative
from tracker.domain.owners.text import strip_edges, top_level_spans
from tracker.domain.owners.vocab import group_key, is_owner_head, is_position

_AND = re.compile(r"\s+и\s+")
_LEADING_AND = re.compile(r"^(?:и|а также)\s+", re.IGNORECASE)
_LETTER = re.compile(r"[А-ЯЁа-яёA-Za-z]")
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "INTJ", "PRED"})
_VERB_POS = frozenset({"INFN", "VERB", "GRND", "PRTS", "ADJS"})
_JUNK = frozenset({"др", "другие", "прочие", "все", "т.д", "т.п", "нет", "да"})


@dataclass
class _Person:
    match: PersonMatch
    raw_start: int
    raw_end: int
    position: str | None = None


@dataclass
class _Position:
    phrase: str
    start: int
    end: int


def owners_from_phrase(text: str, case: str | None) -> list[Owner]:
    """Owners named in text, reading the words in case (None: as written)."""
    people = find_people(text)
    entries: list[_Person | _Position | Owner] = []
    for start, end in top_level_spans(text, ",;\n"):
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
        previous_end = person.end
    after = _chunk(text, previous_end, end)
    last = entries[-1]
    if after and is_position(after) and isinstance(last, _Person) and last.position is None:
        last.position, last.raw_end = after, end
    elif after:
        entries.extend(_loose_owners(after, previous_end, end))


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
    joined_to_next = bool(_LEADING_AND.match(raw)) or text[start:end].lstrip().startswith(",")
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
    """A title on its own, not a set of people ("руководители ОО" is a group)."""
    return is_position(chunk) and group_key(chunk) is None


def _chunk(text: str, start: int, end: int) -> str:
    return _LEADING_AND.sub("", strip_edges(text[start:end]))


def _loose_owners(chunk: str, start: int, end: int) -> list[_Position | Owner]:
    found: list[_Position | Owner] = []
    for piece in _split_conjoined(chunk):
        piece = _drop_function_words(piece)
        if not piece:
            continue
        if _is_job_title(piece):
            found.append(_Position(piece, start, end))
        else:
            found.append(Owner(raw=piece, kind="org", name=piece))
    return found


def _split_conjoined(chunk: str) -> list[str]:
    """ "отдел образования и ОО" → two owners; "отдел образования и охраны прав детства" → one."""
    pieces, start = [], 0
    for match in _AND.finditer(chunk):
        if is_owner_head(chunk[match.end() :]) and is_owner_head(chunk[start : match.start()]):
            pieces.append(chunk[start : match.start()])
            start = match.end()
    pieces.append(chunk[start:])
    return [strip_edges(piece) for piece in pieces if strip_edges(piece)]


def _drop_function_words(piece: str) -> str:
    """Without leading prepositions and adverbs ("совместно с ОО" → "ОО"); "" for non-owners."""
    words = piece.split(" ")
    while words and _pos_of(words[0]) in _FUNCTION_POS and not words[0].isupper():
        words.pop(0)
    if not words or _pos_of(words[0]) in _VERB_POS or not _LETTER.search(words[0]):
        return ""
    rest = " ".join(words)
    return "" if rest.lower().rstrip(".") in _JUNK else rest


def _pos_of(word: str) -> str | None:
    found = parses(word.strip("«»()\"'.,:;").lower())
    return found[0].tag.POS if found else None


def _finish(text: str, entry, case: str | None) -> Owner:
    if isinstance(entry, _Person):
        raw = text[entry.raw_start : entry.raw_end].strip(" \n,;:–—-")
        position = _position_name(entry.position, case) if entry.position else None
        return Owner(raw=raw, kind="person", name=entry.match.name(case), position=position)
    if isinstance(entry, _Position):
        name = _position_name(entry.phrase, case)
        return Owner(raw=entry.phrase, kind="org", name=name, position=name)
    return _org_or_group(entry.raw, case)


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
