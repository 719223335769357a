"""Surnames in any case to the nominative, by pymorphy3 first and by suffix rules after."""

import re

from tracker.domain.morph import UNKNOWN_CASE_ORDER, keep_yo, parses

# Suffix rules for surnames pymorphy3 has no surname reading for: (ending, case, gender) → new end.
# Only the productive Russian families (-ов/-ев/-ин/-ын, -ский/-цкий) are touched, so an
# indeclinable surname ("Дискулцу", "Ренкевич", "Игнатенко") is left as written.
_SUFFIX_RULES: tuple[tuple[re.Pattern[str], frozenset[str | None], str], ...] = tuple(
    (re.compile(pattern), frozenset(cases), replacement)
    for pattern, cases, replacement in (
        (r"(?<=[оеёиы][вн])ой$", ("gent", "datv", "ablt", "loct", None), "а"),
        (r"(?<=[оеёиы][вн])у$", ("accs", None), "а"),
        (r"(?<=[оеёиы][вн])у$", ("datv",), ""),
        (r"(?<=[оеёиы][вн])ым$", ("ablt", None), ""),
        (r"(?<=[оеёиы][вн])а$", ("gent", "accs"), ""),
        (r"(?<=[оеёиы][вн])е$", ("loct",), ""),
        (r"(?<=[сц]к)ой$", ("gent", "datv", "ablt", "loct", None), "ая"),
        (r"(?<=[сц]к)ую$", ("accs", None), "ая"),
        (r"(?<=[сц]к)(?:ого|ому|им|ом)$", ("gent", "accs", "datv", "ablt", "loct", None), "ий"),
        # "возложить на … А.А. Гетца": a feminine accusative ends in -у, so -а after a
        # consonant is a man's consonant-stem surname ("Гетц").
        (r"(?<=[бвгджзклмнпрстфхцчшщ])а$", ("accs",), ""),
    )
)


_OBLIQUE_FEMALE_RE = re.compile(r"(?:[оеё]в|[иы]н)ой$")
_FEMALE_NOMINATIVE_RE = re.compile(r"(?:[оеёиы][вн]а|[сц]кая)$")


def surname_to_nominative(word: str, case: str | None = None, gender: str | None = None) -> str:
    """word (a surname, maybe double) in the nominative, Title-cased.

    case is the case the grammar implies, None when it says nothing; gender "masc"/"femn"
    when a first name or patronymic tells it.
    """
    parts = [_part_to_nominative(part, case, gender) for part in word.split("-") if part]
    return "-".join(part[:1].upper() + part[1:].lower() for part in parts) or word


def _part_to_nominative(word: str, case: str | None, gender: str | None) -> str:
    title = word[:1].upper() + word[1:].lower()
    if case in (None, "nomn") and _reads_as_nominative(title):
        return title
    found = [
        p
        for p in parses(title)
        if "Surn" in p.tag and "sing" in p.tag and _gender_fits(p.tag, gender)
    ]
    if not found:
        return _noun_reading(title, case, gender) or _suffix_rule(title, case)
    for wanted in _cases_to_try(case):
        chosen = [p for p in found if p.tag.case == wanted]
        if not chosen:
            continue
        if wanted == "nomn":
            return title
        inflected = max(chosen, key=lambda p: p.score).inflect({"nomn"})
        return keep_yo(title, inflected.word) if inflected else title
    return _suffix_rule(title, case)


def _reads_as_nominative(title: str) -> bool:
    """Without a case from the grammar, a surname that can be a nominative is one."""
    if _FEMALE_NOMINATIVE_RE.search(title):
        return True
    if _OBLIQUE_FEMALE_RE.search(title):
        return False  # "Смеловой Н.И.": a woman's surname in an oblique case, never a nominative
    return any(
        p.tag.case == "nomn" and "sing" in p.tag and p.tag.POS == "NOUN" and "inan" not in p.tag
        for p in parses(title)
    )


def _cases_to_try(case: str | None) -> tuple[str, ...]:
    if case is None or case == "nomn":
        return UNKNOWN_CASE_ORDER
    return (case, "nomn")


def _gender_fits(tag, gender: str | None) -> bool:
    return gender is None or "ms-f" in tag or "Fixd" in tag or tag.gender == gender


def _noun_reading(title: str, case: str | None, gender: str | None) -> str | None:
    """A consonant-stem surname pymorphy3 reads as a person's noun ("Ковалю" → "Коваль")."""
    if case in (None, "nomn"):
        return None
    for parse in parses(title):
        tag = parse.tag
        is_person = tag.POS == "NOUN" and "anim" in tag and "sing" in tag
        if is_person and tag.case == case and tag.gender == "masc" and gender != "femn":
            inflected = parse.inflect({"nomn"})
            return keep_yo(title, inflected.word) if inflected else None
    return None


def _suffix_rule(title: str, case: str | None) -> str:
    wanted = None if case == "nomn" else case
    for pattern, cases, replacement in _SUFFIX_RULES:
        if wanted in cases and pattern.search(title):
            return pattern.sub(replacement, title)
    return title
