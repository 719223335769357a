"""Text helpers shared by every document kind: cleaning, item numbers, clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.parsing.inline_deadline import cut_frequency, cut_inline_deadline

_TAG_RE = re.compile(r"<[^>]{0,400}>")
_LI_RE = re.compile(r"<li[^>]*>", re.IGNORECASE)
_BOLD_RE = re.compile(r"\*\*|__")
_EDGE_STAR_RE = re.compile(r"(^\*+|\*+$)")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ABBREVIATED_END_RE = re.compile(r"(?:^|[\s.])[А-ЯЁA-Zг]\.$")
_SPACE_RE = re.compile(r"\s+")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")  # "# ПРОТОКОЛ № 1" in a .md export
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([.,;:)»])")
_ENTITY = {
    "&nbsp;": " ",
    "&laquo;": "«",
    "&raquo;": "»",
    "&quot;": '"',
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&ndash;": "–",
    "&mdash;": "—",
}

ITEM_RE = re.compile(
    r"^(?P<label>(?P<num>(?:\d{1,2}\.){1,3}\d{1,2}|\d{1,2})(?P<close>[.)])?"
    r"|(?P<letter>[а-яёa-z])\))\s+(?P<rest>\S.*)$"
)
BULLET_RE = re.compile(r"^[-–—•·▪●◦*]\s*(?P<rest>\S.*)$")
TERMINAL_RE = re.compile(r"[.!?;:]\s*[»\")]*\s*$")

_DEADLINE_LABEL = (
    r"\(?\s*\b(?:в\s+)?срок(?:и)?(?:\s+(?:исполнения|выполнения|реализации|представления"
    r"|предоставления|проведения))?\s*(?:[-–—:]+\s*|(?P<bare>\s+(?=(?:до|не|к|в|по|пост|еже|с)\b)))"
)
# "Ответственный: …", "отв. …", and without a colon when a name or a title follows
# (", ответственные Иванова И.И., Петров П.П.").
_OWNER_LABEL = (
    r"\(?\s*(?:\b(?:ответственн(?:ый|ые|ая|ое)|исполнител(?:ь|и))"
    r"(?:\s+(?:за\s+исполнение|исполнител\w*))?|(?<!\w)отв\.)"
    r"(?:\s*[-–—:]+\s*|\s+(?=[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.|(?:руководител|директор|заместител"
    r"|специалист|методист|начальник)))"
)
_CLAUSE_RE = re.compile(
    rf"(?P<deadline>{_DEADLINE_LABEL})|(?P<owner>{_OWNER_LABEL})", re.IGNORECASE
)


_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxYy", "АаВСсЕеНКМОоРрТХхУу")
_LATIN_RE = re.compile(r"[A-Za-z]")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
_MIXED_WORD_RE = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")
_LOOKALIKE_CAPS_RE = re.compile(r"(?<![\w.-])[AOEKMHCPTXB]{2,3}(?![\w-])")


def clean(text: str | None) -> str:
    """Strip HTML, markdown emphasis and entities; collapse whitespace."""
    if not text:
        return ""
    if "<" in text:
        text = _TAG_RE.sub(" ", _LI_RE.sub(" ", text))
    if "&" in text:
        for entity, char in _ENTITY.items():
            text = text.replace(entity, char)
    if "*" in text or "__" in text:
        text = _ITALIC_RE.sub(r"\1", _BOLD_RE.sub("", text))
    text = _SPACE_RE.sub(" ", text).strip()
    text = _MD_HEADING_RE.sub("", _EDGE_STAR_RE.sub("", text).strip())
    return cyrillic_lookalikes(_SPACE_BEFORE_PUNCT_RE.sub(r"\1", text))


def cyrillic_lookalikes(text: str) -> str:
    """Latin letters typed for Cyrillic ones: "пoстоянно" with a Latin o, "руководители OO".
    Only words that mix the two scripts, and two or three capitals beside Russian words."""
    if not _LATIN_RE.search(text) or not _CYRILLIC_RE.search(text):
        return text
    text = _MIXED_WORD_RE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    return _LOOKALIKE_CAPS_RE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def printed_number(match: re.Match) -> str:
    """The item number as printed: "2.1" for "2.1." and "1.1", "3)" for "3)"."""
    if match.group("letter"):
        return f"{match.group('letter')})"
    close = match.group("close") or ""
    return match.group("num") + (")" if close == ")" else "")


def number_depth(number: str | None) -> int:
    if not number or number.endswith(")") and number[0].isalpha():
        return 9
    return number.rstrip(").").count(".") + 1


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL_RE.search(text[-12:]))


@dataclass
class Clauses:
    """An item's text split into its body and its "Срок…" / "Ответственный…" clauses."""

    text: str
    deadline: str | None = None
    owner: str | None = None
    extra: list[str] = field(default_factory=list)


# A labelled term that already says how often ("ежемесячно", "2 раза в год", "по пятницам").
_FREQUENCY_WORD_RE = re.compile(
    r"еже\w+|раза?\s+в\s|кажд\w+|по\s+(?:понедельник|вторник|сред|четверг|пятниц)", re.IGNORECASE
)


def split_clauses(text: str) -> Clauses:
    """Cut labelled deadline and owner clauses out of an item's text."""
    # "в срок до 15.04.2023" with no dash or colon is a phrase inside the sentence, not a label
    # whose value runs to the end: the inline finder cuts just the phrase.
    matches = [m for m in _CLAUSE_RE.finditer(text) if not m.group("bare")]
    if not matches:
        return _trailing_deadline(text)
    body = text[: matches[0].start()]
    found = Clauses(text="")
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = _clause_value(text[match.end() : end])
        kind = "deadline" if match.group("deadline") else "owner"
        if getattr(found, kind) is None and value:
            setattr(found, kind, value)
        elif value:
            found.extra.append(value)
    if found.deadline is None:
        body, found.deadline = cut_inline_deadline(body)
    elif not _FREQUENCY_WORD_RE.search(found.deadline):
        body, frequency = cut_frequency(body)
        if frequency:
            found.deadline = f"{frequency} {found.deadline}"
    found.text = _tidy(body)
    return found


def _clause_value(value: str) -> str:
    """Trim punctuation after the clause, keeping the dot of "И.И." or "г." and a closing
    bracket that has its opening one ("Иванов И.И. (МБОУ СОШ № 2)")."""
    value = value.strip()
    while value:
        unmatched = value.endswith(")") and value.count(")") > value.count("(")
        if (
            value[-1] in " ;,"
            or unmatched
            or (value.endswith(".") and not _ABBREVIATED_END_RE.search(value))
        ):
            value = value[:-1]
        else:
            break
    return value.strip()


def _trailing_deadline(text: str) -> Clauses:
    """No labelled clause: a deadline phrase may still stand inside the sentence."""
    body, phrase = cut_inline_deadline(text)
    return Clauses(text=_tidy(body), deadline=phrase)


def _tidy(text: str) -> str:
    text = _SPACE_RE.sub(" ", text).strip()
    return text.rstrip(" ,;–—-(").strip()
