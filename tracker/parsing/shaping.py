"""Turn list drafts into items: clauses cut out, owners, controller, actionability."""

from __future__ import annotations

import re

from tracker.domain.morph import is_infinitive
from tracker.domain.owners import find_controller, parse_owners, split_addressee
from tracker.domain.owners.names import find_people
from tracker.domain.owners.units import owners_from_phrase
from tracker.domain.problems import Problem
from tracker.domain.vocabulary import FRAMING_VERBS, alternation
from tracker.parsing.common import one_line, split_clauses
from tracker.parsing.items import Found, RawItem
from tracker.parsing.lists import Draft

# Decisions that ask nothing of anyone: noting a report, approving of experience, repealing.
_NOTHING_TO_DO_RE = re.compile(
    r"^(?:(?:информаци\w+|доклад\w*|сообщени\w+|отч[её]т\w*|выступлени\w+)\b.{0,400}?)?"
    r"(?P<verb>(?:принять|взять)\s+(?:к\s+(?:сведению|информации)|на\s+заметку)"
    r"|одобрить|поддержать|согласиться|поблагодарить|объявить\s+благодарност\w*"
    r"|признать|считать|отметить)(?![\w-])",
    re.IGNORECASE,
)
# A vote, a repeal, an entry into force, or the body speaking of itself: "Решение принято
# единогласно", "… считать утратившим силу", "Постановление вступает в силу …",
# "Конференция выражает благодарность …".
_NO_TASK_RE = re.compile(
    r"^решени\w*\s+принят|утратившим\s+силу|вступа\w+\s+в\s+силу"
    r"|^[А-ЯЁ]\w+\s+(?:выража|отмеча)(?:ет|ют)\b"
    # A textual amendment the act makes itself: "цифры "8000" заменить цифрами "10500"".
    r"|\b(?:цифр\w*|слов\w*|числ\w*|абзац\w*)\s+.{0,80}?\bзаменить\s+(?:цифр|слов|числ)"
    r"|изложить\s+в\s+(?:следующей|новой)\s+редакции|\bдополнить\s+(?:пункт|подпункт|абзац"
    r"|слов|стать|раздел|приложени)\w*|\bисключить\s+(?:слов|пункт|подпункт|абзац|цифр)\w*",
    re.IGNORECASE,
)
# "… принять к сведению и использовать в работе": a second verb asks for something after all.
_FURTHER_VERB_RE = re.compile(r"(?:\bи|[,;:])\s+(?P<word>[а-яё]+(?:ть|ться|чь))\b", re.IGNORECASE)
_NO_OP_VERBS = frozenset(
    {
        "одобрить",
        "поддержать",
        "согласиться",
        "поблагодарить",
        "отметить",
        "признать",
        "считать",
        "принять",
        "взять",
    }
)
_TRAILING_BRACKET_RE = re.compile(r"\((?P<inside>[^()]{3,200})\)\s*[.;]?\s*$")
_LIST_SEPARATOR_RE = re.compile(r"[;,]")
_LAID_ON_RE = re.compile(
    r"^[А-ЯЁа-яё].{2,300}?\bвозложить\s+на\s+(?P<who>[^;]+?)[.;]?$",
    re.IGNORECASE,
)
_APPOINTED_RE = re.compile(
    r"^(?:определить|назначить)\s+(?P<who>\S.{2,250}?)\s+ответственн(?:ым|ой|ыми)\b", re.I
)
_LETTER_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]")
_RECOMMEND_INSIDE_RE = re.compile(
    rf"(?:\bи|,)\s+(?=(?:{alternation(FRAMING_VERBS)})\s)", re.IGNORECASE
)
_CONTROL_RE = re.compile(
    r"^контрол[ья]\b.{0,160}?\b(?:возлож|оставля|осуществл|поруч|обеспечива)", re.IGNORECASE
)


def shape(drafts: list[Draft], found: Found) -> None:
    for draft in drafts:
        item = shape_one(draft, found)
        if item is not None:
            found.items.append(item)


def shape_one(draft: Draft, found: Found) -> RawItem | None:
    text = one_line(draft.text)
    if not _LETTER_RE.search(text):
        return None  # "5." cut off by the end of the excerpt
    if _CONTROL_RE.match(text):
        controller = find_controller(text)
        if controller is not None and found.controller is None:
            found.controller = controller
        return RawItem(number=draft.number, text=text, actionable=False)
    clauses = split_clauses(text)
    owners = list(draft.owners) or _laid_on(text) or _appointed(text) or _recommended_to(text)
    if not owners and not clauses.owner:
        clauses.text, owners = _bracketed_people(clauses.text or text)
    if clauses.owner:
        owners = owners or list(parse_owners(clauses.owner))
    item = RawItem(
        number=draft.number,
        text=_capital_ok(clauses.text or text),
        owners=owners or list(draft.inherited),
        deadline_raw=clauses.deadline,
    )
    item.actionable = is_actionable(item.text, addressed=bool(item.owners))
    if clauses.extra:
        item.problems.append(Problem.of("several_clauses", raw="», «".join(clauses.extra)))
    if clauses.owner and not owners:
        item.problems.append(Problem.of("owner_unread", raw=clauses.owner))
    return item


def _bracketed_people(text: str) -> tuple[str, list]:
    """ "Провести семинар до 01.03.2023 (Иванова И.И., Петров П.П.)": names alone in a bracket
    at the end, each perhaps with its position ("Мельникова О.А., методист ИМЦ; …"), are the
    owners. Names inside the sentence are only mentioned."""
    match = _TRAILING_BRACKET_RE.search(text)
    if match is None:
        return text, []
    inside = match.group("inside").strip()
    people = find_people(inside)
    if not people or people[0].start > 0 or not _names_with_positions(inside, people):
        return text, []
    return text[: match.start()].rstrip(" ,"), list(parse_owners(inside))


def _names_with_positions(inside: str, people: list) -> bool:
    """What is left between the names is only their positions, written in lower case."""
    leftover = inside
    for person in reversed(people):
        leftover = leftover[: person.start] + ";" + leftover[person.end :]
    chunks = (chunk.strip(" и") for chunk in _LIST_SEPARATOR_RE.split(leftover))
    return all(not chunk or chunk[:1].islower() for chunk in chunks)


def _recommended_to(text: str) -> list:
    """ "Одобрить Положение … и рекомендовать Управлению образования утвердить его": the
    addressee of a recommendation inside the item owns it."""
    match = _RECOMMEND_INSIDE_RE.search(text)
    if match is None:
        return []
    owners, rest = split_addressee(text[match.end() :])
    return list(owners) if owners and rest else []


def _appointed(text: str) -> list:
    """ "Определить бюджетное учреждение … (Л.В. Мартьянова) ответственным учреждением за
    …": the accusative object named responsible owns the point."""
    match = _APPOINTED_RE.match(text)
    return list(owners_from_phrase(match.group("who"), "accs")) if match else []


def _laid_on(text: str) -> list:
    """ "Ответственность за … возложить на Сидорову А.А.": the accusative names the owner."""
    match = _LAID_ON_RE.search(text)
    return list(owners_from_phrase(match.group("who"), "accs")) if match else []


def is_actionable(text: str, *, addressed: bool = False) -> bool:
    """False for items that ask nothing ("Информацию принять к сведению", "Одобрить опыт …",
    "Признать утратившим силу …") unless another verb asks for work ("… и использовать").
    An item addressed to someone ("Руководителям ОО отметить …") asks them, unless it only
    has them take note."""
    if _NO_TASK_RE.search(text):
        return False
    match = _NOTHING_TO_DO_RE.search(text)
    if match is None:
        return True
    if addressed and not match.group("verb").lower().startswith(("принять", "взять")):
        return True
    for further in _FURTHER_VERB_RE.finditer(text, match.end()):
        word = further.group("word").lower()
        if word not in _NO_OP_VERBS and is_infinitive(word):
            return True
    return False


def _capital_ok(text: str) -> str:
    return text.strip(" -–—:;,")
