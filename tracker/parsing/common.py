"""Text helpers shared by every document kind: cleaning, item numbers, clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.parsing.inline_deadline import cut_frequency, cut_inline_deadline

_ABBREVIATED_END_RE = re.compile(r"(?:^|[\s.])[А-ЯЁA-Zг]\.$")
_SPACE_RE = re.compile(r"\s+")

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


def one_line(text: str | None) -> str:
    """Text on one line: the parts joined from cells and lines (already normalised at the
    door) with their whitespace collapsed."""
    return " ".join((text or "").split())


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
