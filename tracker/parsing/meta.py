"""Document kind and its header: title, number, date and period."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.vocabulary import MONTHS_GENITIVE, MONTHS_NOMINATIVE, month_of

_MONTH_ALT = "|".join(MONTHS_GENITIVE)
_NUMERIC_DATE = r"(?P<d>\d{1,2})\s?[./]\s?(?P<m>\d{1,2})\s?[./]\s?(?P<y>\d{4}|\d{2})(?!\d)"
_WORD_DATE = rf"[«\"]?(?P<wd>\d{{1,2}})[»\"]?\s+(?P<wm>{_MONTH_ALT})\s+(?P<wy>\d{{4}})"
DATE_RE = re.compile(rf"(?:{_NUMERIC_DATE}|{_WORD_DATE})", re.IGNORECASE)
_NUMBER_RE = re.compile(r"№\s*(?P<n>[\w][\w\-/.]*\w|\w)")
_LEADING_NUMBER_RE = re.compile(r"^№\s*(?P<n>[\w][\w\-/]*)\s*$")
_MEETING_DATE_RE = re.compile(
    r"^дата(?:\s+и\s+время|,?\s+время)?(?:\s+проведения|\s+заседания)?", re.IGNORECASE
)
_SUBJECT_RE = re.compile(r"^Об?\s+[а-яё]\w+.{3,300}$")  # "О проведении Недели безопасности"
_PREAMBLE_RE = re.compile(
    r"^(?:в\s+соответствии|на\s+основании|в\s+целях|во\s+исполнение|руководствуясь|заслушав"
    r"|рассмотрев|в\s+связи|согласно|в\s+рамках|для\s+четкой|с\s+целью)\b",
    re.IGNORECASE,
)
# An act named in an oblique case before "от": "постановлением … от", "решения Совета … от".
_CITED_ACT_RE = re.compile(
    r"\b(?:постановлени(?:ем|я|ю|и)|приказ(?:ом|а|у)|решени(?:ем|я|ю)|распоряжени(?:ем|я|ю)"
    r"|письм(?:ом|а)|закон(?:ом|а)|протокол(?:ом|а)|указ(?:ом|а)|программ(?:ой|ы))\b"
    r"[^.;]{0,200}?\bот\s*[«\"]?\s*$",
    re.IGNORECASE,
)
_CARD_RE = re.compile(
    r"^(?:приказ|распоряжение|постановление|решение|протокол|указ)\b.{0,250}?\bот\s+"
    rf"(?P<date>{_NUMERIC_DATE}|{_WORD_DATE})\s*(?:г\.?|года)?\s*№\s*(?P<n>[\w][\w\-/.]*\w|\w)",
    re.IGNORECASE,
)
_STAMP_RE = re.compile(r"^(утверждаю|утвержден[оаы]?|согласовано|приложение)\b", re.IGNORECASE)

_KIND_PATTERNS = (
    (
        "protocol",
        re.compile(
            r"^(?:выписка\s+из\s+)?протокол\w*\b|^п\s?р\s?о\s?т\s?о\s?к\s?о\s?л\b", re.IGNORECASE
        ),
    ),
    (
        "order",
        re.compile(
            r"^(?:выписка\s+из\s+(?:приказа|распоряжения|постановления)"
            r"|приказ|распоряжение|постановление)\b"
            r"|^п\s?р\s?и\s?к\s?а\s?з\b",
            re.IGNORECASE,
        ),
    ),
    # "РЕШЕНИЕ КОЛЛЕГИИ", "Решение совета": a body's decisions (not "Решение:" in a protocol)
    (
        "resolution",
        re.compile(r"^(?:резолюция|рекомендации|решение(?![\s*]*[:.\-–—]))\b", re.IGNORECASE),
    ),
    (
        "roadmap",
        re.compile(
            r"^(?:«?дорожная\s+карта|план\s+мероприятий|комплекс\s+мер|план\b)", re.IGNORECASE
        ),
    ),
)
_NUMBERED = ("protocol", "order")
_PERIOD_YEARS_RE = re.compile(
    r"\b(?:на|в)\s+(?:период\s+)?(?:с\s+)?(?P<a>20\d\d)\s*(?:[-–—/]|\s+по\s+|\s+-\s+)\s*"
    r"(?P<b>20\d\d)(?:\s*(?:гг?\.?|годы|годах|год|годов))?(?P<school>\s+учебн\w+\s+год\w*)?",
    re.IGNORECASE,
)
_PERIOD_MONTH_RE = re.compile(
    rf"\bна\s+(?P<m>{'|'.join(MONTHS_NOMINATIVE)})\s+(?P<y>20\d\d)\b", re.IGNORECASE
)  # "План работы ИМЦ на февраль 2025 года"
_PERIOD_ONE_YEAR_RE = re.compile(r"\bна\s+(?P<a>20\d\d)\s*(?:год|г\.)(?!\w)", re.IGNORECASE)
_PLACE_RE = re.compile(r"^(?:г|гор|пос|п|с|пгт|ст)\.\s*[А-ЯЁ][\w-]*$")
_SPACED_WORD_RE = re.compile(r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ] ){2,}[А-ЯЁ](?![А-ЯЁа-яё])")  # "П Р И К А З"
_HEADING_EXTRAS_RE = re.compile(
    r"№\s*[\w\-/.]+|\b(?:от|г\.|года?)(?=\s|$)|\b(?:г|гор|пос|п|с|пгт|ст)\.\s*[А-ЯЁ][\w-]*",
    re.IGNORECASE,
)
_YEAR_WORD_RE = re.compile(r"\s*(?:г\.?|года?)\s*$")
SCHOOL_YEAR_RE = re.compile(r"учебн\w+\s+год|учебного\s+года", re.IGNORECASE)
_NAMED_SCHOOL_YEAR_RE = re.compile(r"(20\d\d)\s*[-–—/]\s*(20\d\d)\s+учебн\w+\s+год", re.IGNORECASE)


@dataclass
class Header:
    kind: str
    title: str | None
    number: str | None
    date: date | None
    marker_index: int | None


def parse_date(text: str) -> date | None:
    """The first well-formed date in text ("28.01.2022", "«28» января 2022 г.")."""
    for match in DATE_RE.finditer(text):
        value = _date_from_match(match)
        if value:
            return value
    return None


def _date_from_match(match: re.Match) -> date | None:
    if match.group("d"):
        day, month, year = int(match.group("d")), int(match.group("m")), match.group("y")
        year_n = int(year) + (2000 if len(year) == 2 else 0)
    else:
        day, year_n = int(match.group("wd")), int(match.group("wy"))
        word = match.group("wm").lower()
        month = month_of(word)
    try:
        return date(year_n, month, day) if 1990 <= year_n <= 2100 else None
    except ValueError:
        return None


def detect_kind(lines: list[str], limit: int = 25) -> tuple[str, int | None]:
    """The kind named by a heading near the top, and the heading's line index."""
    for index, line in enumerate(lines[:limit]):
        if _STAMP_RE.match(line):
            continue
        line = unspaced(line)  # "Р А С П О Р Я Ж Е Н И Е"
        for kind, pattern in _KIND_PATTERNS:
            if pattern.match(line) and len(line) < 400:
                return kind, index
    return "unknown", None


def read_header(lines: list[str], body_start: int, kind: str | None = None) -> Header:
    """Kind, title, number and date from the lines before the body starts, else from a
    title card wherever it is printed; `kind` is what the body was read as, when known."""
    named, marker = detect_kind(lines)
    kind = kind or named
    start = marker if marker is not None else 0
    zone = lines[start : max(body_start, start + 1)][:12]
    number, day = _number(zone), _document_date(kind, zone, lines[:start])
    if number is None or day is None:
        card_number, card_day = title_card(lines)
        number, day = number or card_number, day or card_day
    return Header(
        kind=kind, title=_title(lines, marker), number=number, date=day, marker_index=marker
    )


def _title(lines: list[str], marker: int | None) -> str | None:
    if marker is None:
        subject = next((line for line in lines[:15] if _SUBJECT_RE.match(line)), None)
        return (subject or (lines[0] if lines else ""))[:300] or None
    heading = _bare_heading(lines[marker])
    parts = [heading]
    following = lines[marker + 1 : marker + 4] if len(heading.split()) <= 3 else []
    for line in following:
        if _LEADING_NUMBER_RE.match(line) or _PLACE_RE.match(line):
            continue
        if DATE_RE.search(line) and (len(line) < 100 or "№" in line):
            continue
        if len(line) < 400 and not line.endswith(":"):
            parts.append(line)
        break
    return unspaced(" ".join(parts))[:400]


def unspaced(text: str) -> str:
    """ "П Р И К А З" → "ПРИКАЗ": a heading typed with its letters spaced out."""
    return _SPACED_WORD_RE.sub(lambda m: m.group(0).replace(" ", ""), text)


def _bare_heading(line: str) -> str:
    """ "ПОСТАНОВЛЕНИЕ от 29.01.2024 № 56 п. Первомайский" (lines joined because they start in
    lower case) → "ПОСТАНОВЛЕНИЕ": the subject is then looked for on the lines below."""
    line = unspaced(line)
    bare = _HEADING_EXTRAS_RE.sub(" ", DATE_RE.sub(" ", line))
    bare = " ".join(bare.split())
    return bare if bare and len(bare.split()) <= 3 and bare != line else line


def _number(zone: list[str]) -> str | None:
    for line in zone:
        leading = _LEADING_NUMBER_RE.match(line)
        if leading:
            return leading.group("n")
        if _numbered_heading(line) or (DATE_RE.search(line) and len(line) < 80):
            match = _NUMBER_RE.search(line)
            if match:
                return match.group("n").rstrip(".")
    return None


def _numbered_heading(line: str) -> bool:
    """ "ПРОТОКОЛ № 3-р", "П Р И К А З … № 45": the headings that carry a document number."""
    return any(pattern.match(line) for kind, pattern in _KIND_PATTERNS if kind in _NUMBERED)


def _date(zone: list[str], *, cited: bool = False) -> date | None:
    """The document's date in zone; `cited` also takes an approving act's date (a plan's
    "УТВЕРЖДЕН приказом от 02.02.2023 № 118" is the plan's date)."""
    for line in zone:
        if _MEETING_DATE_RE.match(line) and parse_date(line):
            return parse_date(line)
    for line in zone:
        value = parse_date(line) if cited else next(own_dates(line), None)
        if value:
            return value
    return None


def own_dates(line: str):
    """The dates a line gives the document itself: not those of the acts a preamble cites
    ("В соответствии с постановлением … от 02 марта 2012 г. №70")."""
    if _PREAMBLE_RE.match(line):
        return
    heading = any(pattern.match(unspaced(line)) for _, pattern in _KIND_PATTERNS)
    for index, match in enumerate(DATE_RE.finditer(line)):
        value = _date_from_match(match)
        own = (heading and index == 0) or not _CITED_ACT_RE.search(line, 0, match.start())
        if value and own:
            yield value


def title_card(lines: list[str]) -> tuple[str | None, date | None]:
    """Number and date from a title card printed anywhere, also after the body (a legal
    database's "Решение Совета … от 8 февраля 2019 г. № V-35/9 «Об …»")."""
    for line in lines:
        card = _CARD_RE.match(line)
        if card:
            value = _date_from_match(DATE_RE.search(card.group("date")))
            return card.group("n").rstrip("."), value
    return None, None


def _document_date(kind: str, zone: list[str], above: list[str]) -> date | None:
    """A plan dates from its approval stamp above the heading, whatever dates its title
    cites ("(акт проверки от 27.12.2024 …)"); other documents from their heading."""
    if kind == "roadmap":
        return _approval_date(kind, above) or _date(zone, cited=True)
    return _date(zone) or _date(_unstamped(above))


def _approval_date(kind: str, above: list[str]) -> date | None:
    """A plan dates from its approval: "УТВЕРЖДЕН приказом … от 10.01.2023 № 15". (A protocol's
    approval stamp is not its meeting's date, so only roadmaps read it.)"""
    return _date(above[:8], cited=True) if kind == "roadmap" else None


def _unstamped(lines: list[str]) -> list[str]:
    """Lines above the kind heading, minus an approval stamp ("Утверждаю: … 31.01.2022")."""
    for index, line in enumerate(lines):
        if _STAMP_RE.match(line):
            return lines[:index]
    return lines


def stated_period(title_lines: list[str]) -> tuple[date, date] | None:
    """A period stated in the title: "на 2021-2023 годы", "на 2022–2023 учебный год"."""
    text = " ".join(title_lines)
    match = _PERIOD_YEARS_RE.search(text)
    if match:
        a, b = int(match.group("a")), int(match.group("b"))
        if a <= b <= a + 10:
            if match.group("school"):
                return date(a, 9, 1), date(b, 8, 31)
            return date(a, 1, 1), date(b, 12, 31)
    month = _PERIOD_MONTH_RE.search(text)
    if month:
        number = month_of(month.group("m"))
        year = int(month.group("y"))
        return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
    one = _PERIOD_ONE_YEAR_RE.search(text)
    if one:
        year = int(one.group("a"))
        return date(year, 1, 1), date(year, 12, 31)
    return None


def derived_period(anchor: date, text: str) -> tuple[date, date]:
    """From the document date to the end of its year, or of its school year when the
    items speak of the school year (extended to a later school year they name)."""
    if not SCHOOL_YEAR_RE.search(text):
        return anchor, date(anchor.year, 12, 31)
    end_year = anchor.year + 1 if anchor.month >= 9 else anchor.year
    for match in _NAMED_SCHOOL_YEAR_RE.finditer(text):
        later = int(match.group(2))
        if end_year < later <= end_year + 3:
            end_year = later
    return anchor, date(end_year, 8, 31)
