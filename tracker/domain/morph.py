"""Russian morphology: one lazily loaded pymorphy3 analyzer and the few questions we ask it."""

import re
from functools import cache, lru_cache

import pymorphy3

# When the grammar gives no case, a surname is read in this order of cases. Accusative before
# dative: "Корочкову" is read as the woman Корочкова (DOMAIN.md), not the man Корочков.
UNKNOWN_CASE_ORDER = ("nomn", "accs", "datv", "gent", "ablt", "loct")
# pymorphy3 fails on letters Unicode has no name for; it is only ever asked about these.
_ANALYSABLE_RE = re.compile(r"[А-ЯЁа-яёA-Za-z0-9][А-ЯЁа-яёA-Za-z0-9.\-]{0,59}")
PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO"})


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of word (its spelling is kept: capitals help the predictor)."""
    if not _ANALYSABLE_RE.fullmatch(word):
        return ()
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The dictionary form of word, lower case, ё written as е."""
    found = parses(word)
    form = found[0].normal_form if found else word.lower()
    return form.replace("ё", "е")


def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 offers for word (ё written as е)."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word)) or {word.lower()}


def has_pos(word: str, pos: str) -> bool:
    return any(pos == p.tag.POS for p in parses(word))


def is_infinitive(word: str) -> bool:
    found = parses(word)
    return bool(found) and any(p.tag.POS == "INFN" and p.score >= 0.2 for p in found)


def has_case(word: str, case: str, pos: frozenset[str] = PHRASE_POS) -> bool:
    return any(p.tag.case == case and p.tag.POS in pos for p in parses(word))


def is_dictionary_word(word: str) -> bool:
    return any(p.is_known for p in parses(word))


def match_case(source: str, target: str) -> str:
    """target spelled with the capitalisation of source (Title, UPPER or lower)."""
    if len(source) > 1 and source.isupper():
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def keep_yo(source: str, target: str) -> str:
    """pymorphy3 writes ё where the source wrote е: keep the source's spelling."""
    return target if "ё" in source.lower() else target.replace("ё", "е").replace("Ё", "Е")


def _usual_form(inflected) -> str:
    """Of two spellings with one tag the dictionary lists the current one last
    ("учители" / "учителя")."""
    same = [form.word for form in inflected.lexeme if form.tag == inflected.tag]
    return same[-1] if same else inflected.word


def inflect_word(
    word: str,
    case: str | None,
    pos: frozenset[str] = PHRASE_POS,
    agree: tuple[str | None, str | None] | None = None,
):
    """(nominative form, tag) of word read in case (None: as written), or None if it can't be.

    `agree` is the (gender, number) of the noun an adjective goes with. The parts of a
    compound title decline alike ("учителям-предметникам" → "учителя-
    предметники"); inflected whole, pymorphy3 picks the archaic "учители".
    """
    head, dash, tail = word.partition("-")
    if dash and head.isalpha() and tail.isalpha() and head[1:].islower():
        parts = inflect_word(head, case, pos), inflect_word(tail, case, pos)
        if all(parts) and parts[0][1].POS == parts[1][1].POS == "NOUN":
            return f"{parts[0][0]}-{parts[1][0]}", parts[0][1]
    found = [p for p in parses(word) if p.tag.POS in pos]
    if not found:
        return None
    for wanted in (case,) if case else UNKNOWN_CASE_ORDER:
        chosen = [p for p in found if p.tag.case == wanted]
        if agree:  # an adjective takes its noun's gender and number ("бюджетному учреждению")
            chosen = [p for p in chosen if _agrees(p.tag, agree)] or chosen
        if chosen:
            best = max(chosen, key=lambda p: p.score)
            if wanted == "nomn":
                return word, best.tag
            inflected = best.inflect({"nomn"})
            if inflected is None:
                return None
            return match_case(word, keep_yo(word, _usual_form(inflected))), best.tag
    return None


def _agrees(tag, agree: tuple[str | None, str | None]) -> bool:
    gender, number = agree
    if number == "plur":
        return tag.number == "plur"
    return tag.number != "plur" and (gender is None or tag.gender in (gender, None))
