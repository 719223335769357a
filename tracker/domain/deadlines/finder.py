"""Finding deadline phrases inside a sentence, with the grammar that reads them.

The tokens of `lexicon` (dates, months, years, frequencies, "постоянно", "по графику")
are found in the sentence; tokens with only connectors between them ("с 14 марта по 14
апреля 2016 года", "ежемесячно до 5 числа") make one phrase, widened to the words that lead
it ("в срок до", "не позднее", "в течение"). Whether a phrase is a deadline depends on
what it names and on its lead:
- a day, a frequency or a count of days is one wherever it stands, unless it cites an act
  ("приказ от 30.08.2021 № 289"), an item ("п. 3.1"), or sits in quotes (a title);
- a month, a year, a quarter or a school year needs a lead of time ("в марте", "до конца
  2023 года", "к сентябрю") or a dash before it at the end ("– апрель – май 2024 г."):
  "выпускников 2009 года", "программа на 2014-2016 годы", "за 9 месяцев 2012 года" name
  no term;
- "постоянно", "по мере необходимости", "по графику" only end the item ("постоянно"
  may also open it before its verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.deadlines.lexicon import CLOCK_RE, ITEM_REF_RE, TOKEN_RE, fold
from tracker.domain.deadlines.tokens import names_a_window
from tracker.domain.vocabulary import words

STRONG = words(
    "iso num_range num num_my num_dm week_of day_range word_date school_half school_start_of "
    "per_years per_unit yearly halfly quarterly monthly weekly terms day_of_month part_end "
    "relative relative_term daily following"
)
DAY_KINDS = words("iso num num_dm num_range day_range word_date week_of")
DATE_KINDS = DAY_KINDS | words("num_my month")
END_ONLY = frozenset({"ongoing", "optional", "external", "event"})
FREQUENCIES = words("yearly halfly quarterly monthly weekly daily per_unit per_years terms weekday")
_CONNECTOR_RE = re.compile(
    r"^(?:[\s,;/()\-]|\b(?:и|или|по|до|с|со|а\s+также|далее|затем|гг?|годы?|года|году|годов"
    r"|числа|месяца|каждого|в|во|не\s+позднее|включительно|ч|час\w*|срок[аи]?)\b|\.)*$"
)
_MAX_GAP = 40
_LABEL = (
    r"(?:в\s+)?срок[аи]?(?:\s+(?:исполнения|выполнения|представления|проведения"
    r"|предоставления))?"
)
_LEAD_RE = re.compile(
    rf"(?:(?<!\w)(?:{_LABEL}\s*[-:]?\s*)?(?<!\w)(?P<word>не\s+позднее|не\s+позже|в\s+течение"
    r"|[вн]а?\s+период(?:\s+с)?|до\s+конца|до\s+начала|к\s+концу|к\s+началу|по\s+итогам"
    r"|по\s+окончании|начиная\s+с|по\s+состоянию\s+на|до|к|ко|с|со|по|в|во|на|за|от)"
    rf"|(?<!\w){_LABEL}\s*[-:]|(?P<dash>[-:]|(?<=[а-яa-z)»\"])\.))\s*$"
)
_TRAIL_RE = re.compile(
    r"\s*(?:гг?\.?(?![а-я])|годы|годах|годов|году|года|год)(?:\s+учебн\w+\s+год\w*)?"
    r"|\s+учебн\w+\s+год\w*"
)
# "согласно графику министерства образования", "в сроки, установленные министерством": a
# reference to a schedule runs to the end of the sentence.
_REFERENCE_TAIL_RE = re.compile(
    r"(?:[^;,]|,\s*(?=(?:утвержд|установлен|согласован|разработан|прилагаем)))"
    r"{0,160}?(?=[\s.;:]*$)"
)
# "в течение 10 дней со дня подписания", "… после проведения работы": counted from an event.
_AFTER_EVENT_RE = re.compile(
    r"\s+(?:со\s+дня|с\s+даты|с\s+момента|после)\s+[^.;,]{3,80}?(?=[.;,]|\s*$)"
)
# A gap that opens a term of its own: "на 2024–2026 годы | в срок до 01.10.2024".
_NEW_LEAD_RE = re.compile(r"\b(?:до|к|не\s+позднее|не\s+позже|с|со|начиная\s+с|в\s+течение|срок)\b")
_ADVERBS = frozenset({"yearly", "halfly", "quarterly", "monthly", "weekly", "daily"})
_ADJECTIVE_END_RE = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ому|ему|ым|им|ом|ем|ых|их|ыми|ими)$"
)
_TIME_LEADS = frozenset(
    (
        "не позднее", "не позже", "в течение", "в период", "в период с", "срок", "до конца",
        "до начала", "к концу", "к началу", "по итогам", "по окончании", "начиная с", "до", "к",
        "ко", "с", "со", "по", "в", "во",
    )
)  # fmt: skip
_TITLE_LEADS = frozenset({"за", "от", "по состоянию на"})
_MOVE_LEADS = frozenset({"на", "на период", "на период с"})
_CITATION_RE = re.compile(r"^\s*(?:г\.?|года)?\s*(?:№|n\b)")  # "от 25 марта 2013 года № 181"
_QUOTED_RE = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^”]*”")
_END_RE = re.compile(r"^[\s.;:,)]*$")
_ONGOING_FIRST_RE = re.compile(
    r"^\s*(?:постоянно|систематически|регулярно)\s+(?=[а-я]+(?:ть|ться)\b)"
)
_MOVED_RE = re.compile(r"\b(?:перенести|перенос\w*|продлить|продлени\w*|изменить\s+срок)", re.I)


@dataclass(frozen=True)
class Phrase:
    """A deadline phrase at text[start:end]; `lead` is the word that leads it ("до", "в")."""

    start: int
    end: int
    text: str
    kinds: frozenset[str]
    lead: str

    @property
    def strong(self) -> bool:
        return bool(self.kinds & STRONG)

    @property
    def clock_only(self) -> bool:
        return self.kinds == {"clock"}


def find_phrases(text: str, *, clocks: bool = False, cell: bool = False) -> list[Phrase]:
    """Every deadline phrase of text, in order. `clocks` keeps phrases that only name a time
    of day ("с 10-00"); `cell` reads text as a term cell, where a bare "Сентябрь" or
    "04.05.06" is the term (a row written on one line needs both to find its term)."""
    folded = fold(text)
    quoted = [m.span() for m in _QUOTED_RE.finditer(folded)]
    phrases = []
    for start, end, kinds in _groups(folded, clocks):
        if any(a < start < b for a, b in quoted):
            continue
        lead = _LEAD_RE.search(folded, max(0, start - 60), start)
        lead_start = lead.start() if lead and not lead.group("dash") else start
        end = _closed(folded, lead_start, _phrase_end(folded, end, kinds))
        phrase = Phrase(lead_start, end, text[lead_start:end].strip(), kinds, _lead_word(lead))
        if cell or _acceptable(phrase, folded):
            phrases.append(phrase)
    return phrases


def item_phrases(text: str) -> list[Phrase]:
    """The phrases that give an item its deadline: all of them, except that a moved term
    ("перенести … с 14.07 по 22.07 на период с 29.07 по 06.08") keeps only its new one."""
    phrases = find_phrases(text)
    if len(phrases) > 1 and _MOVED_RE.search(text):
        moved = [p for p in phrases if p.lead in _MOVE_LEADS]
        return moved[-1:] or phrases
    return [p for p in phrases if p.lead not in _MOVE_LEADS]


def _groups(folded: str, clocks: bool) -> list[tuple[int, int, frozenset[str]]]:
    """Runs of tokens with only connectors between them: (start, end, token kinds)."""
    tokens = [(m.start(), m.end(), m.lastgroup) for m in TOKEN_RE.finditer(folded) if _counts(m)]
    tokens += [(m.start(), m.end(), "clock") for m in CLOCK_RE.finditer(folded)]
    tokens.sort(key=lambda token: (token[0], -token[1]))
    groups: list[list] = []
    for start, end, kind in tokens:
        if groups and start < groups[-1][1]:
            continue  # a clock inside a date token
        gap = folded[groups[-1][1] : start] if groups else ""
        if (
            groups
            and _joins(gap)
            and _mixes(groups[-1][2], kind)
            and not _opens(gap, groups[-1][2], kind)
        ):
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].add(kind)
        else:
            groups.append([start, end, {kind}])
    return [
        (start, end, frozenset(kinds))
        for start, end, kinds in groups
        if clocks or kinds != {"clock"}
    ]


def _phrase_end(folded: str, end: int, kinds: frozenset[str]) -> int:
    """The phrase widened over "года", "г.", a closing bracket it opened, and, for a
    reference to a schedule, the words that name whose schedule it is."""
    trail = _TRAIL_RE.match(folded, end)
    end = trail.end() if trail else end
    if kinds & {"relative", "relative_term"}:
        after = _AFTER_EVENT_RE.match(folded, end)
        end = after.end() if after else end
    if kinds & {"external", "event"}:
        tail = _REFERENCE_TAIL_RE.match(folded, end)
        end = tail.end() if tail else end
    return end


def _closed(text: str, start: int, end: int) -> int:
    """A phrase that opens a bracket ends after it: "в летний период (июнь – август 2025 г.)"."""
    opened = text.count("(", start, end) - text.count(")", start, end)
    if opened > 0:
        close = text.find(")", end)
        if close != -1 and close - end < 10:
            return close + 1
    return end


def _counts(match: re.Match) -> bool:
    """A token that names a term here: not an item reference ("п. 3.12"), not an adjective
    of frequency ("ежегодную актуализацию")."""
    kind = match.lastgroup
    if kind.startswith("num") and ITEM_REF_RE.search(match.string, 0, match.start()):
        return False
    if kind in _ADVERBS and _ADJECTIVE_END_RE.search(match.group(0)):
        return False
    if kind == "external" and match.string[: match.start()].rstrip().endswith("("):
        return False  # "Зобнин С.Н. (по согласованию)": a remark on an owner
    return names_a_window(match) or _led_by_time(match.string, match.start())


def _led_by_time(folded: str, start: int) -> bool:
    """ "до 31.04.2024": a wrong date after a lead of time is a typo to flag, where "МР
    2.4.0162-19" is no date at all."""
    lead = _LEAD_RE.search(folded, max(0, start - 60), start)
    return bool(lead and lead.group("word") and " ".join(lead.group("word").split()) in _TIME_LEADS)


def _opens(gap: str, kinds: set[str], kind: str) -> bool:
    """A coarse term followed by a dated one with a lead of its own ("на 2024–2026 годы в
    срок до 01.10.2024") is two phrases."""
    return not kinds & STRONG and kind in STRONG and bool(_NEW_LEAD_RE.search(gap))


def _mixes(kinds: set[str], kind: str) -> bool:
    """ "по графику" and "по мере необходимости" stand alone: "в соответствии с планом,
    не реже раза в четверть" names the term only in its second part."""
    return not ({kind} | kinds) & {"external", "optional"} or {kind} | kinds <= END_ONLY


def _joins(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and bool(_CONNECTOR_RE.match(gap))


def _lead_word(lead: re.Match | None) -> str:
    """ "до" of "в срок до", "-" for a dash or a "Срок:" label, "" for none."""
    if lead is None:
        return ""
    if lead.group("word"):
        return " ".join(lead.group("word").split())
    return "-"


def _acceptable(phrase: Phrase, folded: str) -> bool:
    after = folded[phrase.end :]
    if phrase.lead in _TITLE_LEADS:
        return False
    if phrase.strong:
        return not _CITATION_RE.match(after)
    at_end = bool(_END_RE.match(after))
    if "event" in phrase.kinds and phrase.kinds - END_ONLY - {"then", "clock"}:
        return True  # "на августовской конференции 2025 года"
    if phrase.kinds & END_ONLY and not phrase.kinds - END_ONLY - {"then"}:
        opens = phrase.start == 0 and _ONGOING_FIRST_RE.match(folded)
        return at_end or bool(opens)
    if phrase.clock_only:
        return True
    if phrase.lead in _MOVE_LEADS:
        return True  # kept for a moved term; item_phrases drops it otherwise
    return phrase.lead in _TIME_LEADS or (phrase.lead == "-" and at_end)
