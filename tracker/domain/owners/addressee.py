"""The addressee of a protocol, resolution or order item, and what is left for it to do.

An addressee is either a dative noun phrase at the start of the item ("Начальнику отдела …
Акимовой Н.В. подготовить …", "Образовательным организациям:", "Рекомендовать руководителям
ОО обеспечить …") or an explicit clause ("Ответственный: …", "(отв. …)"). Names merely
mentioned elsewhere in the item are not owners.
"""

import re
from typing import NamedTuple

from tracker.domain.morph import PHRASE_POS, has_case, has_pos, is_infinitive, parses
from tracker.domain.owners.model import Owner
from tracker.domain.owners.names import find_people
from tracker.domain.owners.safety import never_raise
from tracker.domain.owners.text import clean_text, enclosed_mask, strip_edges
from tracker.domain.owners.units import owners_from_phrase
from tracker.domain.owners.vocab import first_words, is_owner_head
from tracker.domain.vocabulary import FRAMING_VERBS, ORG_ABBREVIATION_RE, alternation

_ITEM_NUMBER_RE = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[а-яa-z]\)|[-–—•·])\s+")
_FRAMING_RE = re.compile(rf"({alternation(FRAMING_VERBS)})\s+", re.IGNORECASE)
_FRAMING_REST_RE = re.compile(rf"^(?:{alternation(FRAMING_VERBS)})\b\s*:?\s*", re.IGNORECASE)
# The framing verbs that take their addressee in the accusative ("Обязать руководителя …").
_ACCUSATIVE_FRAMING = frozenset({"обязать", "просить"})
_TOKEN_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яё]+)*|:|\d{1,2}\.\d{1,2}\.\d{2,4}")
# Words that open a deadline or a manner, not a part of the addressee ("… Акимовой Н.В. в срок
# до 10.02.2022 подготовить"): the rest of the item starts there.
_ADVERBIAL_OPENERS = frozenset(
    {
        "в",
        "во",
        "до",
        "к",
        "не",
        "срок",
        "ежегодно",
        "ежемесячно",
        "ежеквартально",
        "еженедельно",
        "постоянно",
        "незамедлительно",
        "своевременно",
    }
)
_CLAUSE_TITLE = r"ответственн(?:ый|ая|ые|ое)(?:\s+исполнител[ьи])?|исполнител[ьи]"
_CLAUSE_FOR = r"\s*(?:за\s+(?:исполнение|выполнение|реализацию|организацию)\s*)?"
_RESPONSIBLE_IN_BRACKETS_RE = re.compile(
    rf"\(\s*(?:{_CLAUSE_TITLE}|отв\.?){_CLAUSE_FOR}[:\-–—]?\s*([^()]{{2,300}}?)\s*\)",
    re.IGNORECASE,
)
_RESPONSIBLE_CLAUSE_RE = re.compile(
    rf"(?<!\w)(?:{_CLAUSE_TITLE}|отв\.){_CLAUSE_FOR}[:\-–—]\s*([^\n;]{{2,300}}?)"
    r"\s*(?=[.,]?\s*[Сс]рок\b|[;\n]|$)",
    re.IGNORECASE,
)
_TERM_IN_CLAUSE_RE = re.compile(r"[,;]\s*(?:в\s+)?срок", re.IGNORECASE)
_MAX_ADDRESSEE_WORDS = 45
_MAX_HEADER_WORDS = 25
_MAX_ABBREVIATED_WORDS = 8
# "Зам.директора по УВР Петровой О.В.:" has no case ending to read: it is read as the dative
# "Заместителю директора …" an addressee line stands in.
_DEPUTY_ABBREVIATED_RE = re.compile(
    r"^(\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?)Зам\.\s*(?=(?:директора|начальника|главы|заведующего))",
    re.IGNORECASE,
)
# An unlisted body in capitals ("ОГИБДД …", "КДНиЗП") addresses an item like a listed one;
# the names of exams, programmes and systems do not.
_BODY_ABBREVIATION_RE = re.compile(
    r"(?!(?:ВПР|ГИА|ЕГЭ|ОГЭ|ГВЭ|ВСОШ|ФГОС|ФОП|ООП|ОВЗ|ИОМ|ЦОС|ФИС|ОКО|МСОКО|ВСОКО|НОКО|РФ|ПДД|ЧС)\b)"
    r"[А-ЯЁ]{3,8}(?:иЗП)?"
)
_ENCLOSED_RE = re.compile(r"«[^«»]*»|\([^()]*\)")
_TOGETHER_WITH_RE = re.compile(r"\s+совместно\s+с\s+", re.IGNORECASE)
_PREAMBLE_RE = re.compile(
    r"^\s*(?:(?:\d{1,3}\.)+\s*)?(?:в\s+целях|в\s+связи|для|с\s+целью|во\s+исполнение"
    r"|в\s+соответствии|на\s+основании|в\s+рамках)\b",
    re.IGNORECASE,
)
_CLAUSE_COMMA_RE = re.compile(r",(?![^()]*\))")
_TRAILING_AND_RE = re.compile(r"\s+(?:и|а\s+также)\s*$", re.IGNORECASE)
_DOUBLED_DOT_RE = re.compile(r"(?<!\.)\.\s*\.(?!\.)")
_PREPOSITION_RE = re.compile(r"\s(?:в|во|с|со|на|о|об|для|из|к|от|при)\s", re.IGNORECASE)


class _Boundary(NamedTuple):
    end: int
    rest_start: int
    kind: str  # what follows the addressee: "colon", "verb", "adverbial" or "end"


@never_raise(lambda text: ([], text))
def split_addressee(text: str) -> tuple[list[Owner], str]:
    """(owners the item is addressed to, the item without its addressee); ([], text) if none."""
    cleaned = clean_text(text)
    clause_owners, body = _take_responsible_clauses(cleaned)
    leading_owners, rest = _split_leading(body)
    if not leading_owners:
        leading_owners, rest = _after_preamble(body)
    owners = _merge(leading_owners, clause_owners)
    if not owners:
        return [], text
    return owners, rest


def _after_preamble(body: str) -> tuple[list[Owner], str]:
    """ "В целях …, Управлению образования (Иванова И.И.) обеспечить …": the addressee
    after an opening clause, right before the verb."""
    if not _PREAMBLE_RE.match(body):
        return [], body
    for comma in reversed([m.end() for m in _CLAUSE_COMMA_RE.finditer(body)]):
        owners, rest = _split_leading(body[comma:].lstrip())
        if owners:
            return owners, rest
    return [], body


def _take_responsible_clauses(text: str) -> tuple[list[Owner], str]:
    found: list[Owner] = []

    def take(match: re.Match[str]) -> str:
        phrase, term = _split_term(match.group(1))
        owners = owners_from_phrase(phrase, None)
        found.extend(owners)
        if not owners:
            return match.group(0)
        return f" ({term})" if term else " "

    for pattern in (_RESPONSIBLE_IN_BRACKETS_RE, _RESPONSIBLE_CLAUSE_RE):
        text = pattern.sub(take, text)
    return found, _tidy(text) if found else text


def _split_term(phrase: str) -> tuple[str, str]:
    """ "Иванова И.И., срок – до 01.03.2023": the owners, and the deadline clause kept for
    the item (a bracket often holds both)."""
    match = _TERM_IN_CLAUSE_RE.search(phrase)
    if match is None:
        return phrase, ""
    return phrase[: match.start()], phrase[match.start() :].strip(" ,;")


def _split_leading(body: str) -> tuple[list[Owner], str]:
    body = _DEPUTY_ABBREVIATED_RE.sub(r"\1Заместителю ", body, count=1)
    number = _ITEM_NUMBER_RE.match(body)
    start = number.end() if number else 0
    case = "datv"
    framing = _FRAMING_RE.match(body, start)
    if framing:
        case = "accs" if framing.group(1).lower() in _ACCUSATIVE_FRAMING else "datv"
        start = framing.end()
    boundary = _boundary(body, start)
    if boundary is None:
        return [], body
    prefix = body[start : boundary.end]
    if not _looks_like_addressee(prefix, case, boundary.kind):
        return [], body
    owners = owners_from_phrase(_TRAILING_AND_RE.sub("", prefix), case)
    if not owners:
        return [], body
    after = body[boundary.rest_start :].lstrip(" \n:–—-")
    if _FRAMING_RE.match(after):  # "Обязать руководителя … и рекомендовать главам … обеспечить"
        more, rest = _split_leading(after)
        return _merge(owners, more), _rest(rest)
    return owners, _rest(after)


def _boundary(body: str, start: int) -> _Boundary | None:
    """Where the addressee ends: a colon, the first infinitive or deadline outside quotes."""
    enclosed = enclosed_mask(body)
    words, described = 0, False
    for token in _TOKEN_RE.finditer(body, start):
        word = token.group(0)
        if enclosed[token.start()]:
            continue
        if word == ":":
            return _Boundary(token.start(), token.end(), "colon")
        if is_infinitive(word.lower()):
            return _Boundary(token.start(), token.start(), "verb")
        described = _describes(body, token, described)
        if words and not described and _opens_adverbial(word):
            return _Boundary(token.start(), token.start(), "adverbial")
        words += 1
        if words > _MAX_ADDRESSEE_WORDS:
            return None
    return _Boundary(len(body), len(body), "end") if words <= _MAX_HEADER_WORDS else None


def _describes(body: str, token: re.Match[str], described: bool) -> bool:
    """ ", осуществляющим управление в сфере образования": a participle after a comma
    describes the addressee up to the next comma, so "в", "до" inside it open no deadline."""
    if not body[: token.start()].rstrip().endswith(","):
        return described
    return has_pos(token.group(0).lower(), "PRTF")


def _opens_adverbial(word: str) -> bool:
    return word[:1].isdigit() or word in _ADVERBIAL_OPENERS


def _looks_like_addressee(prefix: str, case: str, followed_by: str) -> bool:
    words = prefix.split()
    if not words:
        return False
    first = words[0].strip('«»"(),.*')
    if ORG_ABBREVIATION_RE.fullmatch(first) or _BODY_ABBREVIATION_RE.fullmatch(first):
        # An abbreviation has no case: only "ИМЦ провести …" or "ИМЦ:" make it an addressee.
        # "МОУО совместно с МБУ ДО «ДДТ»": two owners; a name in quotes or brackets is one
        plain = _TOGETHER_WITH_RE.sub(",", _ENCLOSED_RE.sub(" ", prefix))
        short = len(plain.split()) <= _MAX_ABBREVIATED_WORDS and not _PREPOSITION_RE.search(plain)
        return short and followed_by in ("colon", "verb")
    found = parses(first)
    if not found or found[0].tag.POS not in PHRASE_POS or not has_case(first, case):
        return False
    if followed_by == "end":  # a bare phrase: only a plainly dative one ("Управлению образования")
        return _head_only_in(prefix, case)
    people = find_people(prefix)
    if people and not prefix[people[-1].end :].strip(" ,."):
        return True  # "Повару школы Смеловой Н.И. составить …": a title, then the person
    return is_owner_head(prefix) or bool(people and people[0].start == prefix.find(words[0]))


def _head_only_in(prefix: str, case: str) -> bool:
    """The head noun of prefix can be read in no other case than case."""
    head = next((word for word in first_words(prefix, 4) if has_pos(word, "NOUN")), None)
    if head is None or not is_owner_head(prefix):
        return False
    return all(p.tag.case == case for p in parses(head) if p.tag.POS == "NOUN")


def _rest(text: str) -> str:
    rest = text.lstrip(" \n:–—-")
    return _FRAMING_REST_RE.sub("", rest, count=1).strip()


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    text = _DOUBLED_DOT_RE.sub(".", text)
    return strip_edges(text) if not text.strip().endswith(".") else text.strip()


def _merge(first: list[Owner], second: list[Owner]) -> list[Owner]:
    names = {(owner.kind, owner.name.lower()) for owner in first}
    return first + [owner for owner in second if (owner.kind, owner.name.lower()) not in names]
