"""Numbered and bulleted item lists: protocol decisions, order items, resolution blocks.

A line ending with ":" that names an addressee ("Руководителям ОО:") is a header: it is
not an item, and its owners pass to the items below it (deeper numbers or bullets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.domain.deadlines.finder import find_phrases
from tracker.domain.morph import is_infinitive
from tracker.domain.owners import split_addressee
from tracker.domain.vocabulary import FRAMING_VERBS, alternation
from tracker.parsing.common import (
    BULLET_RE,
    ITEM_RE,
    ends_sentence,
    number_depth,
    printed_number,
)

_FIRST_WORD_RE = re.compile(r"^[«\"(]?([А-ЯЁа-яё]+)")
_FRAMING_VERBS = rf"(?:{alternation(FRAMING_VERBS)})"
_ADDRESS_VERB_RE = re.compile(rf"^{_FRAMING_VERBS}\s+", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(
    r"^\(?\s*(?:в\s+)?(?:срок|ответственн|исполнител|отв\.)", re.IGNORECASE
)
# "8. Обеспечение обучающихся учебниками, в том числе:": the bullets below detail the item.
_INCLUDING_RE = re.compile(r"(?:в\s+том\s+числе|а\s+именно|включая)\s*:$", re.IGNORECASE)
_FRAMING_ONLY_RE = re.compile(rf"^{_FRAMING_VERBS}\s*:\s*$", re.IGNORECASE)
_OWNER_FIRST_RE = re.compile(
    r"^(?:ответственн\w*|исполнител\w*|отв\.)(?:\s+исполнител\w*)?\s*[:–—-]", re.IGNORECASE
)
_TASK_SPLIT_RE = re.compile(r";\s+(?=[а-яё])")
BULLET_DEPTH = 8
_BRACKETED_RE = re.compile(r"^\d{1,2}\)$")
_ENCLOSED_RE = re.compile(r"«[^«»]*»|\"[^\"]*\"|\([^()]*\)")
_LOWER_WORD_RE = re.compile(r"(?<![\w-])[а-яё]{4,}(?![\w-])")


@dataclass
class Draft:
    number: str | None
    depth: int
    parts: list[str]
    owners: list = field(default_factory=list)
    inherited: list = field(default_factory=list)
    absorbs: bool = False  # "Утвердить состав:" keeps the bullets below it as its text
    unmarked: bool = False  # a paragraph under an addressee header, with no number or bullet
    trailing: list[str] = field(default_factory=list)  # "1.1. Ответственный: …" before the text
    lead_of: Header | None = None  # the "Обеспечить:" header its bullet completes, if any

    @property
    def text(self) -> str:
        return " ".join(self.parts + self.trailing)


@dataclass
class Header:
    depth: int
    owners: list
    lead: str = ""  # "Утвердить" of "2. Утвердить:", prefixed to the sub-items' text
    term: str = ""  # "до 1 сентября 2014 года:" above the sub-items: the term of each


@dataclass
class ListParser:
    """Walk lines, producing drafts; `plain_items` says whether an unmarked paragraph after
    a finished item is an item of its own (protocols, orders) or ends the list."""

    plain_items: bool = True
    drafts: list[Draft] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    stopped: bool = False
    dotted_depth: int | None = None
    awaiting: bool = False  # a header was just read: its first item has not come yet

    def feed(self, line: str) -> None:
        number, depth, body = _split_marker(line)
        depth = self._nested_depth(number, depth)
        current = self.drafts[-1] if self.drafts else None
        plain = number is None and depth is None
        if plain and is_addressee_header(body):
            self.stopped = False
            self._start(None, 0, body)
            return
        if plain and self.stopped:
            return
        if plain and (self.awaiting or _next_unmarked(current, body)):
            self._start(None, BULLET_DEPTH, body, unmarked=True)
            return
        if plain and current and _term_heading(body) and _ends_with_verb(current.text):
            self._lead_from(current)  # "… обеспечить" / "до 1 сентября 2014 года:" / "…;"
            self.headers[-1].term = _term_heading(body)
            self.awaiting = True
            return
        if plain and current and current.absorbs and _bare_verb(current) and not self.awaiting:
            self._lead_from(current)  # "обеспечить:" / "до 1 сентября:" / "готовность …;"
            self._sub_item(body)
            return
        if plain and current and current.lead_of is not None and _next_sub_item(current, body):
            self._sub_item(body)
            return
        if plain and current and current.lead_of is not None and _CLAUSE_START_RE.match(body):
            for draft in self.drafts:  # "Срок – до …" after the bullets of "Обеспечить:"
                if draft.lead_of is current.lead_of:
                    draft.parts.append(body)
            return
        if plain and current and current.trailing and not current.parts:
            current.parts.append(body)  # the decision under "1.1. Ответственный: …"
            return
        if plain and current and _continues(current, body):
            current.parts.append(body)
            return
        if depth == BULLET_DEPTH and current and current.absorbs and not self.awaiting:
            if not _bare_verb(current):
                current.parts.append(body)
                return
            self._lead_from(current)
        if plain and current and not self.plain_items and not self._asks_under_header(body):
            self.stopped = True
            return
        if plain and current and not _asks_inside(body):
            return  # "Нумерация пунктов приводится в соответствии с источником": a note
        self.stopped = False
        self._start(number, depth if depth is not None else 0, body)

    def _sub_item(self, body: str) -> None:
        """An unmarked line under a bare verb: one more sub-item, or the term of those below
        it ("до 1 сентября 2014 года:")."""
        term = _term_heading(body)
        if term:
            self.headers[-1].term = term
            self.awaiting = True
        else:
            self._start(None, BULLET_DEPTH, body, unmarked=True)

    def _asks_under_header(self, body: str) -> bool:
        """Under "Управлению образования:" an unmarked "Обеспечить …" is one more item."""
        first = body.split(" ", 1)[0].lower()
        return bool(self.headers and self.headers[-1].owners and is_infinitive(first))

    def _nested_depth(self, number: str | None, depth: int | None) -> int | None:
        """ "1)" under "1. Утвердить:" is a sub-item: a bracketed single number sits one level
        below the last dotted number; a dotted one remembers its level."""
        if number is None or number[0].isalpha():
            return depth
        if _BRACKETED_RE.match(number):
            return depth if self.dotted_depth is None else self.dotted_depth + 1
        if not number.endswith(")"):
            self.dotted_depth = depth
        return depth

    def _start(self, number: str | None, depth: int, body: str, unmarked: bool = False) -> None:
        self._close_scopes(number, depth)
        if body.endswith(":") and self._try_header(number, depth, body):
            self.awaiting = True
            return
        self.awaiting = False
        owners, rest = _addressee(body)
        lead = self.headers[-1].lead if self.headers else ""
        listed = ":" in body[: max(body.find(rest[:30]), 0)]  # "Руководителям ОО: a; b; c"
        tasks = _tasks(rest, owners, listed) if owners else [(owners, rest)]
        for index, (task_owners, task) in enumerate(tasks):
            text = f"{lead} {task or body}" if lead else task or body
            draft = Draft(
                number if index == 0 else None,
                depth,
                [text],
                owners=list(task_owners),
                inherited=self._inherited(),
            )
            draft.unmarked = unmarked
            if lead:
                draft.lead_of = self.headers[-1]
            if lead and self.headers[-1].term:
                draft.trailing.append(f"Срок: {self.headers[-1].term}")
            draft.absorbs = body.endswith(":") and bool(
                opens_with_verb(task or body)
                or _INCLUDING_RE.search(body)
                or _ends_with_verb(without_trailing_term(body)[0])
            )
            if _OWNER_FIRST_RE.match(text):
                draft.parts, draft.trailing = [], [text]
            self.drafts.append(draft)

    def _try_header(self, number: str | None, depth: int, body: str) -> bool:
        if _FRAMING_ONLY_RE.match(body):  # "Рекомендовать:" / "3. Предложить:" over addressees
            self.headers.append(Header(depth if number else -1, []))
            return True
        owners, rest = _addressee(body)
        if owners and not rest.strip(" :"):
            self.headers.append(Header(depth if number else -1, owners))
            return True
        if opens_with_verb(rest or body) or _INCLUDING_RE.search(body):
            return False
        if _asks_inside(rest or body):
            return False  # "1. В связи с … установить начало отопительного сезона:"
        self.headers.append(Header(depth if number else -1, owners))
        return True

    def _lead_from(self, draft: Draft) -> None:
        """ "Обеспечить:" and bullets: each bullet completes the verb, so each is an item."""
        self.drafts.remove(draft)
        owners = draft.owners or draft.inherited
        lead, term = without_trailing_term(draft.text)
        self.headers.append(Header(draft.depth, owners, lead, term=term or ""))
        self.awaiting = bool(term)

    def _close_scopes(self, number: str | None, depth: int) -> None:
        """A numbered item at a header's depth or shallower leaves that header's scope;
        a drafted "verb:" item followed by deeper numbers turns into a header."""
        if number is None:
            return
        current = self.drafts[-1] if self.drafts else None
        if current and current.absorbs and current.number and depth > current.depth:
            self.drafts.pop()
            owners = current.owners or current.inherited
            self.headers.append(Header(current.depth, owners, current.text.rstrip(": ")))
        while self.headers and 0 <= depth <= self.headers[-1].depth:
            self.headers.pop()

    def _inherited(self) -> list:
        for header in reversed(self.headers):
            if header.owners:
                return list(header.owners)
        return []


def _tasks(rest: str, owners: list, listed: bool) -> list[tuple[list, str]]:
    """ "Руководителям ОО: провести анализ …; обеспечить …" — one addressee listing its
    tasks after a colon; "… провести собрания; отделу образования подготовить
    рекомендации" — a task with an addressee of its own. Clauses of one addressee without
    a colon ("Учителям продолжить …; провести … до конца года") stay one task."""
    parts = [part.strip() for part in _TASK_SPLIT_RE.split(rest)]
    if len(parts) == 1:
        return [(owners, rest)]
    tasks = []
    for part in parts:
        if opens_with_verb(_without_term(part)):
            if not listed and tasks:
                return [(owners, rest)]
            tasks.append((owners, part))
            continue
        own, task = _addressee(part)
        if not own or not opens_with_verb(_without_term(task)):
            return [(owners, rest)]
        tasks.append((own, task))
    return tasks


def _without_term(text: str) -> str:
    """ "до 15 марта 2025 года провести …" → "провести …": a term may come before the verb."""
    phrases = find_phrases(text)
    if phrases and phrases[0].start == 0:
        return text[phrases[0].end :].lstrip(" ,")
    return text


def _next_unmarked(current: Draft | None, body: str) -> bool:
    """Under "Координатору Захаровой Л.В.:" each finished paragraph opening with a verb
    ("…;" / "сформировать …") is one more item, numbered or not."""
    return bool(
        current and current.unmarked and ends_sentence(current.text) and opens_with_verb(body)
    )


def _next_sub_item(current: Draft, body: str) -> bool:
    """After "готовность … ;" under "обеспечить:", the next line is the next sub-item."""
    written = " ".join(current.parts)  # without the term a heading above gave it
    return current.unmarked and ends_sentence(written) and not _CLAUSE_START_RE.match(body)


def opens_with_verb(text: str) -> bool:
    """text opens with an infinitive: "Провести …", "Обеспечить:", "«Разработать»"."""
    first = _FIRST_WORD_RE.match(text)
    return bool(first) and is_infinitive(first.group(1).lower())


def _ends_with_verb(text: str) -> bool:
    words = _LOWER_WORD_RE.findall(text.rstrip(" :"))
    return bool(words) and text.rstrip(" :").endswith(words[-1]) and is_infinitive(words[-1])


def without_trailing_term(text: str) -> tuple[str, str | None]:
    """ "… обеспечить до 1 сентября 2025 года:" → ("… обеспечить", "до 1 сентября 2025 года"):
    a term that closes a lead line is the term of the lines below it."""
    text = text.rstrip(": ")
    phrases = find_phrases(text)
    if phrases and not text[phrases[-1].end :].strip(" .,") and phrases[-1].start > 0:
        return text[: phrases[-1].start].rstrip(" ,"), phrases[-1].text
    return text, None


def _asks_inside(text: str) -> bool:
    """A verb of command after an opening clause ("В связи с понижением температуры
    установить …:"), outside quotes and brackets."""
    plain = _ENCLOSED_RE.sub(" ", text)
    return opens_with_verb(plain) or any(
        is_infinitive(word) for word in _LOWER_WORD_RE.findall(plain)
    )


def _term_heading(body: str) -> str | None:
    """ "до 1 сентября 2014 года:": a line that is only a term, heading the lines below."""
    if not body.endswith(":"):
        return None
    phrase = body.rstrip(": ")
    found = find_phrases(phrase)
    covered = sum(len(p.text) for p in found)
    return phrase if found and covered >= 0.8 * len(phrase) else None


def _bare_verb(draft: Draft) -> bool:
    """ "Обеспечить:" alone, or closing its point ("… во взаимодействии с администрациями
    обеспечить:"); "Утвердить состав комиссии:" names what its bullets list."""
    text = without_trailing_term(draft.text)[0]
    words = text.split()
    return (
        len(draft.parts) == 1
        and bool(words)
        and (len(words) == 1 or (draft.text.endswith(":") and is_infinitive(words[-1].lower())))
    )


def _split_marker(line: str) -> tuple[str | None, int | None, str]:
    match = ITEM_RE.match(line)
    if match and not _looks_like_date(line):
        number = printed_number(match)
        return number, number_depth(number), match.group("rest").strip()
    bullet = BULLET_RE.match(line)
    if bullet:
        return None, BULLET_DEPTH, bullet.group("rest").strip()
    return None, None, line.strip()


def _looks_like_date(line: str) -> bool:
    return bool(re.match(r"^\d{1,2}\.\d{1,2}\.\d{2,4}", line))


def _continues(draft: Draft, line: str) -> bool:
    """A line broken off the previous item, or its deadline / owner clause."""
    if _CLAUSE_START_RE.match(line):
        return True
    if line[:1].islower() or line[:1] in '(«"':
        return True
    return not ends_sentence(draft.text)


def _addressee(body: str) -> tuple[list, str]:
    """Owners named in the dative at the start, also after "Рекомендовать …"."""
    owners, rest = split_addressee(body)
    if owners:
        return list(owners), rest.strip()
    verb = _ADDRESS_VERB_RE.match(body)
    if verb:
        owners, rest = split_addressee(body[verb.end() :])
        rest = rest.strip()
        if owners and not rest.strip(" :"):
            return list(owners), ""
        if owners and opens_with_verb(rest):
            return list(owners), f"{verb.group(0).strip()} {rest}"  # "Рекомендовать провести …"
    return [], body


def is_addressee_header(line: str, *, numbered: bool = False) -> bool:
    """A header such as "Управлению образования:" (owners and nothing else); with
    `numbered`, also "1. Управлению образования:"."""
    if not line.endswith(":") or len(line) > 300:
        return False
    number, _, body = _split_marker(line)
    if number is not None and not numbered:
        return False
    owners, rest = _addressee(body)
    return bool(owners) and not rest.strip(" :")


def parse_list(lines: list[str], *, plain_items: bool = True) -> list[Draft]:
    parser = ListParser(plain_items=plain_items)
    for line in lines:
        parser.feed(line)
    return parser.drafts
