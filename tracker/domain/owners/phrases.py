"""Noun phrases to the nominative: only the head words inflect.

"начальнику отдела" → "начальник отдела".
"""

import re

from tracker.domain.morph import (
    PHRASE_POS,
    UNKNOWN_CASE_ORDER,
    has_case,
    inflect_word,
    parses,
)

_PLAIN_WORD_RE = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_TRAILING_PUNCT_RE = re.compile(r"[,;:.]+$")


def phrase_to_nominative(phrase: str, case: str | None) -> str:
    """phrase with its leading adjectives and head noun in the nominative, the rest as written.

    case is the case the grammar implies (e.g. "datv" after an addressee, "accs" after
    "возложить на"); None reads the first word as written, preferring the nominative.
    """
    words = phrase.split(" ")
    result = list(words)
    case = case or shared_case(words)
    agree = _head_noun_form(words, case)
    for index, word in enumerate(words):
        core = _TRAILING_PUNCT_RE.sub("", word)
        if not _inflectable(core):
            break
        inflected = inflect_word(core, case, agree=agree)
        if inflected is None:
            break
        form, tag = inflected
        result[index] = form + word[len(core) :]
        case = case or tag.case
        if core != word or _is_head(tag, words[index + 1 :], tag.case):
            break
    return " ".join(result)


def _head_noun_form(words: list[str], case: str | None) -> tuple[str | None, str | None] | None:
    """Gender and number of the noun the leading adjectives go with, read in case."""
    for word in words[:6]:
        core = _TRAILING_PUNCT_RE.sub("", word)
        if not _inflectable(core):
            return None
        found = [p for p in parses(core) if case is None or p.tag.case == case]
        nouns = [p for p in found if p.tag.POS == "NOUN"]
        if nouns and not any(p.tag.POS in ("ADJF", "PRTF") for p in found):
            return nouns[0].tag.gender, nouns[0].tag.number  # "главному" may be a noun too
    return None


def shared_case(words: list[str]) -> str | None:
    """The case the leading adjectives and their noun can all be in ("методическим центром")."""
    shared: set[str] | None = None
    for word in words[:6]:
        core = _TRAILING_PUNCT_RE.sub("", word)
        found = [p for p in parses(core) if p.tag.POS in PHRASE_POS] if _inflectable(core) else []
        if not found:
            break
        cases = {p.tag.case for p in found}
        shared = cases if shared is None else shared & cases
        if any(p.tag.POS == "NOUN" for p in found) or core != word:
            break
    return next((case for case in UNKNOWN_CASE_ORDER if shared and case in shared), None)


def _inflectable(word: str) -> bool:
    """A plain word; abbreviations ("ИМЦ", "КДНиЗП") keep their form."""
    capitals = sum(ch.isupper() for ch in word)
    abbreviation = len(word) > 1 and (word.isupper() or (capitals > 1 and "-" not in word))
    return bool(_PLAIN_WORD_RE.fullmatch(word)) and not abbreviation


def _is_head(tag, following: list[str], case: str | None) -> bool:
    """A noun ends the group; so does an adjective the next word can't agree with."""
    if tag.POS in ("NOUN", "NPRO"):
        return True
    if not following or not _inflectable(following[0]):
        return True
    return not has_case(following[0], case or "nomn", PHRASE_POS)
