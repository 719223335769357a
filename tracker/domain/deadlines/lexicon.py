"""Russian words of deadline phrases and the one regular expression that finds them.

Text is normalised first (lower case, ё → е, every dash → "-", tags and entities gone), so
the patterns need only one spelling of each.
"""

from __future__ import annotations

import re

from tracker.domain.text import normalize_line, normalize_text
from tracker.domain.vocabulary import MONTH_ABBREVIATED, MONTH_STEMS, month_of

# Month names in any grammatical case (январь, января, январе) and abbreviated.
_STEMS = "|".join(stem for stem in MONTH_STEMS if stem != "ма")
MONTH = rf"(?:(?:{_STEMS})[а-я]*|ма[йяею]|маем|{MONTH_ABBREVIATED}\b\.?)"
WEEKDAYS = (
    ("понедельник", "MO"), ("вторник", "TU"), ("сред", "WE"), ("четверг", "TH"),
    ("пятниц", "FR"), ("суббот", "SA"), ("воскресен", "SU"),
)  # fmt: skip
WEEKDAY = r"(?:понедельник|вторник|сред[аыу]|средам|четверг|пятниц|суббот|воскресень)[а-я]*"
ORDINALS = (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4))
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMBER_WORDS = {
    "один": 1, "одного": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "двух": 2,
    "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6,
    "шести": 6, "семь": 7, "семи": 7, "десять": 10, "десяти": 10, "пятнадцать": 15,
    "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
}  # fmt: skip
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
UNITS_PER_YEAR = {"год": 1, "полуг": 2, "кварт": 4, "месяц": 12, "недел": 52}

_YEAR = r"(?:19|20)\d{2}"
_YEAR_WORD = r"(?:\s*(?:гг|годы|года|году|годах|годов|год|г)\b\.?)?"
_NTH = (
    r"(?:iv|i{1,3}|[1-4](?!\d)|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[е]рт[а-я]*)(?:-?[а-я]{1,3})?"
)
_NTH2 = r"(?:i{1,2}|[12](?!\d)|перв[а-я]*|втор[а-я]*)(?:-?[а-я]{1,3})?"
_SEVERAL = r"(?:не\s+(?:менее|реже|более|чаще)\s+)?"

_YEARS = (
    rf"(?P<yr_pre>учебн[а-я]*\s+год[а-я]*\s*)?\b(?P<yr_a>{_YEAR})\s*(?:г\.?\s*)?"
    rf"(?P<yr_sep>[-/])\s*(?P<yr_b>\d{{4}}|\d\d)(?!\d)(?!\s*%){_YEAR_WORD}(?:\s*г\.)?"
    r"(?P<yr_school>\s*уч(?:ебн[а-я]*|\.))?"
)
_QUARTER = (
    rf"\b(?P<q_a>{_NTH})\s*(?:-\s*(?P<q_b>{_NTH})\s*)?кв(?:артал[а-я]*|\.|\b)"
    rf"(?:\s*(?P<q_y>{_YEAR})(?!\d))?"
)
_HALF = (
    rf"\b(?P<h_a>{_NTH2})\s*(?:-\s*(?P<h_b>{_NTH2})\s*)?полугод[а-я]*"
    rf"(?:\s*(?P<h_y>{_YEAR})(?!\d))?"
)
_PER_YEARS = (
    rf"(?:{_SEVERAL}{NUMBER}\s+)?раз[а]?\s+в\s+(?P<py_n>{NUMBER})\s*(?:-?х\s*)?(?:года|лет)\b"
)
_PER_UNIT = (
    rf"(?:{_SEVERAL}(?P<pu_n>{NUMBER})\s*(?:-?х\s*)?)?раз[а]?\s+в\s+"
    r"(?P<pu_u>год|полугод[а-я]*|квартал|месяц|недел[а-я]*)"
)
_RELATIVE = (
    rf"течени[еи]\s+(?:(?P<rel_n>{NUMBER})\s*(?:-?х\s*)?)?"
    r"(?P<rel_w>рабоч[а-я]*\s+|календарн[а-я]*\s+)?"
    r"(?P<rel_u>дн[а-я]*|день|недел[а-я]*|месяц[а-я]*)\b"
)
# School terms (четверти) end about late October, December, March and May.
_TERMS = (
    r"ежечетвертн[а-я]*|по\s+четвертям|по\s+(?:итогам|окончании|завершении)\s+"
    r"(?:каждой\s+)?(?:учебной\s+)?четверт[а-я]*|кажд[а-я]*\s+(?:учебн[а-я]*\s+)?четверт[а-я]*"
    r"|(?:(?:не\s+(?:реже|менее)\s+)?(?:одного|1)\s+)?раза?\s+в\s+(?:учебн[а-я]*\s+)?четверт[а-я]*"
)
TERM_ENDS = (10, 12, 3, 5)
_ONGOING = (
    r"постоянн[а-я]*|систематическ[а-я]*|регулярн[а-я]*|бессрочн[а-я]*|непрерывн[а-я]*"
    r"|(?:течени[еи]|протяжении)\s+(?:всего\s+)?(?:отчетного\s+)?периода|весь\s+период"
    r"|в\s+период\s+(?:действия|реализации)|течени[еи]\s+срока\s+действия"
    r"|по\s+мере\s+поступления|в\s+рабочем\s+порядке"
)
_EXTERNAL = (
    r"(?:в\s+соответствии\s+с|согласно|по)\s+(?:отдельн[а-я]*\s+|утвержденн[а-я]*\s+)?"
    r"(?:график|план|расписани|регламент)[а-я]*|по\s+(?:запрос|согласовани|требовани)[а-я]*"
    r"|в\s+установленн[а-я]*\s+срок[а-я]*|в\s+сроки,?\s+установленн[а-я]*"
)
# A term tied to an event, not to a date: "в день проведения работы", "в ходе проведения
# родительских собраний", "на августовской конференции", "в период весенних каникул".
_EVENT = (
    r"в\s+(?:день|дни)\s+(?:проведения\s+)?[а-я]+|в\s+ходе\s+(?:проведения\s+)?[а-я]+"
    r"|на\s+(?:августовск|январск|итогов|традиционн)[а-я]*\s+(?:конференци|совещани|педсовет"
    r"|заседани)[а-я]*|в\s+период\s+(?:работы|проведения|действия|весенних|летних|осенних"
    r"|зимних)\s+[а-я]+(?:\s+(?:школьных\s+)?каникул)?"
)

# Alternatives, tried in this order at each position; the outer group names the token.
PATTERNS = (
    ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
    ("num_range", r"(?<![\d.])(?P<nr_a>\d{1,2})\s*-\s*(?P<nr_b>\d{1,2})\.(?P<nr_m>\d{1,2})(?:\.(?P<nr_y>\d{2,4}))?(?![\d.])"),  # noqa: E501
    ("num", r"(?<![\d.])(?P<num_d>\d{1,3})[./](?P<num_m>\d{1,2})[./](?P<num_y>\d{1,5})(?!\d)"),
    ("num_my", r"(?<![\d.])(?P<nmy_m>\d{1,2})[./](?P<nmy_y>\d{4})(?![\d.])"),
    ("num_dm", r"(?<![\d.])(?P<ndm_d>\d{1,2})\.(?P<ndm_m>0[1-9]|1[0-2])(?![\d]|\.\d)"),
    ("week_of", rf"(?P<wo_n>перв|втор|трет|четверт|последн)[а-я]*\s+недел[а-я]*\s+(?P<wo_m>{MONTH})(?:\s*(?P<wo_y>{_YEAR})(?!\d))?"),  # noqa: E501
    ("day_range", rf"(?<![\d.])(?P<dr_a>\d{{1,2}})\s*(?:-|по|до)\s*(?P<dr_b>\d{{1,2}})(?:-?(?:го|е))?\s*(?P<dr_m>{MONTH})(?:\s*(?P<dr_y>{_YEAR})(?!\d))?"),  # noqa: E501
    ("word_date", rf"\b(?P<wd_d>\d{{1,2}})(?:-?(?:го|е))?\s*(?P<wd_m>{MONTH})(?:\s*(?P<wd_y>{_YEAR})(?!\d))?"),  # noqa: E501
    ("school_half", rf"\b(?P<sh_n>{_NTH2})\s*полугод[а-я]*\s+(?P<sh_a>{_YEAR})\s*[-/]\s*(?:{_YEAR}|\d\d)\s*(?:учебн[а-я]*|уч\.)\s*год[а-я]*"),  # noqa: E501
    ("school_term", rf"\b(?P<st_n>{_NTH})\s*четверт[а-я]*"),
    ("school_start_of", rf"начал[а-я]*\s+(?P<ss_a>{_YEAR})\s*[-/]\s*(?:{_YEAR}|\d\d)\s*(?:учебн[а-я]*|уч\.)\s*год[а-я]*"),  # noqa: E501
    ("years", _YEARS),
    ("quarter", _QUARTER),
    ("half", _HALF),
    ("month", rf"\b(?P<mo_m>{MONTH})(?:\s*(?P<mo_y>{_YEAR})(?!\d))?"),
    ("year", rf"\b(?P<y_y>{_YEAR})(?!\d)"),
    ("school_start", r"начал[а-я]*\s+(?:нового\s+)?учебного\s+года"),
    ("school", r"учебн[а-я]*\s+год[а-я]*"),
    ("summer", r"летн[а-я]*\s+(?:период|каникул)[а-я]*|\bлетом\b"),
    ("this_year", r"(?:течени[еи]|конц[ае]|итогам)\s+(?:текущего\s+|календарного\s+)?года\b"),
    ("per_years", _PER_YEARS),
    ("per_unit", _PER_UNIT),
    ("yearly", r"ежегодн[а-я]*|кажд[а-я]*\s+год\b|кажд[а-я]*\s+года\b"),
    ("halfly", r"ежеполугодн[а-я]*|по\s+полугодиям|кажд[а-я]*\s+полугоди[а-я]*"),
    ("quarterly", r"ежекварт[а-я]*|поквартальн[а-я]*|по\s+кварталам|кажд[а-я]*\s+квартал[а-я]*"),
    ("monthly", r"ежемесячн[а-я]*|помесячн[а-я]*|по\s+месяцам|кажд[а-я]*\s+месяц[а-я]*"),
    ("weekly", r"еженедельн[а-я]*|кажд[а-я]*\s+недел[а-я]*"),
    ("terms", _TERMS),
    ("weekday", rf"\b(?P<wk>{WEEKDAY})"),
    ("day_of_month", r"\b(?P<dom>\d{1,2})\s*(?:-?го\s*)?числ[а-я]*"),
    ("part_end", r"последн[а-я]*\s+месяц[а-я]*\s+(?P<pe_u>квартал|полугод)[а-я]*"),
    ("following", r"следующ[а-я]*\s+за\s+отчетн[а-я]*\s+(?P<fo_u>квартал|полугод|месяц|год)[а-я]*"),  # noqa: E501
    ("relative", _RELATIVE),
    ("relative_term", rf"\bв\s+(?P<rs_n>{NUMBER})?\s*-?\s*(?P<rs_u>дневн|недельн|месячн)[а-я]*\s+срок"),  # noqa: E501
    ("then", r"\bдалее\b|в\s+дальнейшем|\bзатем\b|впоследствии"),
    ("daily", r"ежедневн[а-я]*|кажд[а-я]*\s+день"),
    ("ongoing", _ONGOING),
    ("optional", r"(?:по|при|в\s+случае)\s+(?:мере\s+)?необходимост[а-я]*|по\s+мере\s+потребност[а-я]*"),  # noqa: E501
    ("external", _EXTERNAL),
    ("event", _EVENT),
)  # fmt: skip
TOKEN_RE = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in PATTERNS) + ")"
)  # tokens start a word: the guard spares the alternatives every other position

JOINER_RE = re.compile(
    r"\s*(?:(?:гг?|года?)\b\.?)?\s*(?:-|по|до)\s*"
)  # "А – Б", "с А по Б", "с А до Б"
FROM_RE = re.compile(r"(?:^|[\s(,;:])(?:начиная\s+)?со?\s*$")  # "с А", "начиная с А"
ITEM_REF_RE = re.compile(r"(?:\bп|\bпп|пункт[а-я]*|№)\.?\s*$")  # "п. 3.12" is no date

_DASH_RE = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")


# A time of day: "10:00", "8-00", "15.00 час.", "19.00", "с 14 часов"; it dates nothing.
CLOCK_RE = re.compile(
    r"(?<![\d.:-])(?:[01]?\d|2[0-3])(?::[0-5]\d|-[0-5]\d(?![.\d])|\.(?:1[3-9]|[2-5]\d|00)(?![.\d]))"
    r"(?:\s*(?:ч\b\.?|час\w*))?"
    r"|(?<![\d.])(?:[01]?\d|2[0-3])\s*(?:ч\b\.?|час\w*)"
)
_FOLD = str.maketrans({"ё": "е", "Ё": "е"})


def fold(text: str) -> str:
    """Lower case, ё → е, every dash → "-": one character for one, so positions in the
    result are positions in text."""
    folded = text.translate(_FOLD).lower()
    if len(folded) != len(text):  # a letter whose lower case is two characters
        folded = "".join(
            c if len(c) == 1 else o for c, o in zip(map(str.lower, text), text, strict=True)
        )
        folded = folded.translate(_FOLD)
    return _DASH_RE.sub("-", folded)


def normalize(raw: str) -> str:
    """A deadline phrase through the one normalisation of text, then folded (lower case,
    ё → е, every dash "-") on one line; the lines of a cell stay apart as separate dates."""
    text = "; ".join(normalize_line(normalize_text(raw)).split("\n"))
    return fold(" ".join(text.split())).strip(" .,;:-\"'«»()")


def month_number(word: str) -> int:
    number = month_of(word)
    if number is None:
        raise ValueError(word)
    return number


def weekday_code(word: str) -> str:
    return next(code for stem, code in WEEKDAYS if word.startswith(stem))


def ordinal(word: str) -> int:
    """I, II, 3, "третий", "1-е" → 1, 2, 3, 3, 1."""
    word = word.rstrip("-абвгдежзийклмнопрстуфхцчшщъыьэюя") or word
    if word in ROMAN:
        return ROMAN[word]
    if word.isdigit():
        return int(word)
    return next(n for stem, n in ORDINALS if word.startswith(stem))


def number(word: str) -> int:
    word = word.strip()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]
