"""Words that tell a position from an organisation, and a set of institutions (a group) from one."""

import re

from tracker.domain.morph import lemma, lemmas, parses
from tracker.domain.vocabulary import (
    ORG_ABBREVIATION_RE,
    ORG_HEADS,
    POSITION_HEADS,
    POSITION_MODIFIERS,
)

_GROUP_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("teachers", r"^(?:всем\s+|все\s+)?(?:классн\w*\s+руководител|педагог|учител|воспитател)"),
        ("kindergartens", r"\bД(?:ОУ|ОО)\b|дошкольн|детск\w*\s+сад|детсад"),
        ("additional_education", r"дополнительного\s+образования|\b(?:УДО|ОДО|ОУДО)\b"),
        ("colleges", r"профессиональн\w*\s+образовательн|\b(?:ПОО|ПОУ)\b"),
        (
            "schools",
            r"общеобразовательн|\b(?:ОО|ОУ|ООУ|ОбОУ|ШНОР)\b|\bшкол(?:ы|ам|ами|ах)?\b"
            r"|\bдиректор(?:ов|ам|ами)\b|заместител\w*\s+руководител(?:ей|ям)\b",
            # "заместители директоров по УВР", "… руководителей по ВР": one per school
        ),
        ("institutions", r"образовательн\w*\s+(?:организац|учрежден)|\bобразовательн\w+$"),
        (
            "education_authorities",
            r"орган\w*\s+(?:местного\s+самоуправления\s+)?(?:\w+\s+)?управлени\w*\s+(?:в\s+сфере\s+)?образовани",
        ),
        (
            "methodical_associations",
            r"методическ\w+\s+объединени(?:я|й|ям|ями|ях)\b|\b(?-i:ШМО|РМО|ГМО)\b",
        ),
        ("all_orgs", r"подведомственн|\bвсе[мх]?\s+(?:организаци|учреждени)"),
        # Sets the education directory does not hold: they are shown for a person to assign.
        (
            "municipalities",
            r"^глав\w*\s+(?:администраци\w*\s+)?(?:\w+(?:ск|н)\w*\s+)*(?:поселени|район|округ|образовани)",
        ),
        (
            "executors",
            r"^(?:исполнител|участник|соисполнител)\w*\s+(?:\w+\s+)?(?:программ|мероприят|план)",
        ),
        ("unit_heads", r"руководител\w*\s+(?:\w+\s+)?(?:подразделени|предприяти|служб)"),
        (
            "bodies",
            r"(?:организаци(?:и|й|ям|ями|ях)|учреждени(?:я|й|ям|ями|ях)|предприяти(?:я|й|ям))\b",
        ),
    )
)
# One named institution: a number, a name in quotes, a legal form before a name.
_SPECIFIC_RE = re.compile(
    r"№|«|\"|\d(?![\d,\s-]*(?:-?[хы]\s+)?класс)|\b[МГОК][БАК]?Д?ОУ\b\s+\S"
)  # digits of grades ("9, 11 классов") name no one institution
_PLURAL_INSTITUTIONS_RE = re.compile(
    r"(?:организаци(?:и|й|ям|ями|ях)|учреждени(?:я|й|ям|ями|ях)|школ(?:ы|ам|ами|ах)?|"
    r"сад(?:ы|ов|ам|ами|ах)|объединени(?:я|й|ям|ями|ях)|орган(?:ы|ов|ам|ами|ах)|руководител(?:и|ей|ям|ями|ях)|"
    r"директор(?:ов|ам|ами)|педагог(?:и|ов|ам|ами)|учител(?:я|ей|ям|ями)|воспитател(?:и|ей|ям|ями)"
    r"|поселени(?:й|ям|ях)|район(?:ов|ам)|исполнител(?:и|ей|ям|ями)|предприяти(?:й|ям)"
    r"|подразделени(?:й|ям))\b",
    re.IGNORECASE,
)
_ABBREVIATED_SET_RE = re.compile(r"\b(?:ОО|ОУ|ООУ|ДОУ|ДОО|УДО|ОДО|ПОО)\b")


def group_key(phrase: str) -> str | None:
    """The key of the set of institutions phrase names ("schools", …), None for one institution."""
    if _SPECIFIC_RE.search(phrase):
        return None
    if not (_PLURAL_INSTITUTIONS_RE.search(phrase) or _ABBREVIATED_SET_RE.search(phrase)):
        return None
    if _singular_head(phrase):
        return None  # "Психологическая служба школы": one body of one school
    for key, marker in _GROUP_MARKERS:
        if marker.search(phrase):
            return key
    return None


def _singular_head(phrase: str) -> bool:
    """The phrase's first noun can only be singular ("службе", not "школы" or "ОО")."""
    for word in first_words(phrase, 4):
        found = [p for p in parses(word.rstrip(".")) if p.tag.POS == "NOUN"]
        if found:
            return all(p.tag.number == "sing" for p in found) and not word.isupper()
    return False


def first_words(phrase: str, count: int = 3) -> list[str]:
    return re.findall(r"[А-ЯЁа-яё]+(?:[-.][А-ЯЁа-яё]+)*\.?", phrase)[:count]


def hyphen_head(word: str) -> str:
    """ "педагогу-библиотекарю" → "педагогу": the head word of a compound title."""
    head, dash, _ = word.partition("-")
    return head if dash and head.isalpha() and head[1:].islower() else word


def is_position(phrase: str) -> bool:
    """phrase starts with a job title.

    "ведущий консультант", "начальнику отдела", "зам. директора".
    """
    for word in first_words(phrase):
        bare = word.rstrip(".").lower()
        known = lemmas(word.rstrip(".")) | lemmas(hyphen_head(word.rstrip(".")))
        if bare in POSITION_HEADS or known & POSITION_HEADS:
            return True
        if not lemmas(bare) & POSITION_MODIFIERS:
            return False
    return False


def head_lemma(phrase: str) -> str | None:
    """The lemma of the first noun in the first few words of phrase."""
    for word in first_words(phrase, 4):
        bare = word.rstrip(".")
        if ORG_ABBREVIATION_RE.fullmatch(bare):
            return bare
        found = parses(bare)
        if found and any(p.tag.POS == "NOUN" for p in found[:2]):
            return _head_noun_lemma(bare)
    return None


def _head_noun_lemma(word: str) -> str:
    """ "учителям-предметникам" → "учитель": a compound title reads as its known head."""
    whole = lemma(word)
    last = whole.rsplit("-", 1)[-1]
    if last != whole and whole not in ORG_HEADS | POSITION_HEADS and last in ORG_HEADS:
        return last  # "пресс-службе" → "служба": the last part of a compound body heads it
    head = hyphen_head(word)
    if head != word and whole not in ORG_HEADS | POSITION_HEADS:
        part = lemma(head)
        if part in ORG_HEADS | POSITION_HEADS:
            return part
    return whole


def is_owner_head(phrase: str) -> bool:
    """phrase starts like an owner: a job title, an institution or body, or a set of them."""
    head = head_lemma(phrase)
    if head is None:
        return False
    return (
        head in ORG_HEADS
        or head in POSITION_HEADS
        or bool(ORG_ABBREVIATION_RE.fullmatch(head))
        or is_position(phrase)
    )
