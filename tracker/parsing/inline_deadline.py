"""A deadline phrase written inside an item's sentence, with no "Срок:" label.

Decisions put the deadline anywhere: "Директорам школ ежемесячно до 5 числа представлять …",
"… проанализировать результаты в срок до 15.04.2023 на заседаниях …", "… ежегодно в
октябре", "… в 2023 году". Only phrases that cannot be anything else are taken: a frequency
word, or "до / не позднее / к" followed by a real date — never a bare "до" ("довести до
сведения"). Phrases inside quotes («План на 2023 год») belong to a title and are skipped.
"""

from __future__ import annotations

import re

_MONTH_OF = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_MONTH_NAMED = (
    r"(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
)
_MONTHS = rf"(?:{_MONTH_OF}|{_MONTH_NAMED})"
_YEARS_PAIR = r"20\d\d\s*[-–—/]\s*20\d\d"
_SCHOOL_YEAR = r"(?:(?:учебно\w+|уч\.)\s+год\w*|уч\.\s*г\.?)"  # "учебного года", "уч.г."
# "… со дня подписания": counted from an event.
_AFTER_EVENT = r"(?:\s+(?:со\s+дня|с\s+даты|с\s+момента|после)\s+[^.;]{3,80}?)?"
_DAY = rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?)"
_YEAR_WORD = r"(?:\s*(?:г\.|года|г(?![а-яё])))?"
_TERM = r"(?:(?:в\s+)?срок(?:и)?(?:\s+(?:исполнения|выполнения|представления))?\s+)?"
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s*ч\.?|\s+час\w*)?\s+)?"  # "до 15:00 25.03.2025"
_BY_ONE_DATE = rf"{_TERM}(?:до|не\s+позднее|не\s+позже|к)\s+{_CLOCK}{_DAY}{_YEAR_WORD}"
_THEN = r"(?:,?\s+(?:и\s+)?далее\s*[-–—]?\s*(?:постоянно|ежегодно|ежеквартально|ежемесячно))?"
_BY_DATE = rf"{_BY_ONE_DATE}(?:\s+и\s+{_DAY}{_YEAR_WORD})?{_THEN}"  # "до 1 марта и 15 октября"
_SPAN = rf"(?:в\s+период\s+)?с\s+(?:{_DAY}|\d{{1,2}})\s+(?:по|до)\s+{_DAY}{_YEAR_WORD}"
_NTH_DAY = r"\d{1,2}(?:-?го)?\s+числа"
_DAY_OF_MONTH = (
    rf"(?:{_TERM}(?:до|не\s+позднее|к)\s+{_NTH_DAY}(?:\s+(?:каждого\s+)?месяца)?"
    r"(?:,?\s+следующего\s+за\s+отч[её]тн\w+(?:\s+(?:периодом|кварталом|месяцем|полугодием))?)?)"
)
_FREQUENCY = (
    r"(?:ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно|ежечетвертно|раз\s+в\s+полугодие|"
    r"по\s+(?:итогам|окончании)\s+(?:каждой\s+)?четверти|"
    r"(?:не\s+(?:реже|менее)\s+)?(?:одного|двух|2|1)\s+раз[а]?\s+в\s+(?:год|полугодие|квартал|месяц|четверть))"
)
_MONTH_IN = r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
_MONTH_WINDOW = rf"в\s+{_MONTH_IN}(?:\s*[-–—]\s*{_MONTH_IN})?(?:\s+и\s+{_MONTH_IN})*"
_NTH_PART = r"(?:I{1,3}|IV|[1-4])(?:-?м)?\s+(?:квартал|полугоди)"
_YEAR_OF = r"20\d\d\s*(?:года|г\.|г(?![а-яё]))"
_YEAR_MAYBE = r"20\d\d(?:\s*(?:года|г\.|г(?![а-яё])))?"
# Named parts of a year: with the year they are a deadline anywhere in the sentence.
_DATED_PART = (
    rf"(?:в\s+{_MONTH_IN}(?:\s*[-–—]\s*{_MONTH_IN})?\s+{_YEAR_OF}"
    rf"|в\s+(?:течение\s+)?{_NTH_PART}\w*\s+{_YEAR_OF}"
    rf"|в\s+течение\s+{_MONTH_OF}(?:\s*[-–—]\s*{_MONTH_OF})?\s+{_YEAR_MAYBE}"
    rf"|в\s+(?:течение\s+)?{_YEARS_PAIR}\s+{_SCHOOL_YEAR}"
    rf"|(?:до|к)\s+(?:конца|окончания|началу|начала)\s+(?:{_YEAR_OF}|{_NTH_PART}\w*\s+{_YEAR_OF}"
    r"|текущего\s+(?:учебного\s+)?года|(?:нового\s+)?учебного\s+года|года))"
)
# "… в период с апреля по июнь 2025 года": the months a recurrence runs in.
_MONTHS_FRAME = (
    rf"(?:в\s+период\s+)?с\s+{_MONTH_OF}\s+по\s+(?:{_MONTH_OF}|{_MONTH_NAMED})(?:\s+{_YEAR_MAYBE})?"
)
_FREQUENCY_TAIL = (
    r"(?:\s*\([^()]{3,30}\)|\s+по\s+(?:понедельник|вторник|сред|четверг|пятниц|суббот)ам)?"
    rf"(?:,?\s+(?:{_DAY_OF_MONTH}|{_BY_DATE}|{_MONTH_WINDOW}))?(?:,?\s+(?:{_MONTHS_FRAME}|{_SPAN}))?"
)
_ANYWHERE = re.compile(
    rf"(?<![\w-])(?:{_FREQUENCY}{_FREQUENCY_TAIL}|{_DAY_OF_MONTH}|{_SPAN}|{_BY_DATE}|{_DATED_PART})"
    r"(?![\w])",
    re.IGNORECASE,
)
# Only at the end of the sentence: elsewhere these words describe the work, not its term.
_AT_END = re.compile(
    r"(?<![\w-])\(?(?P<phrase>в\s+20\d\d\s+году"
    rf"|в\s+(?:I{{1,2}}|[12])(?:-?м)?\s+полугоди\w+\s+{_YEARS_PAIR}\s+{_SCHOOL_YEAR}"
    rf"|(?:к|до)\s+начал\w+\s+(?:{_YEARS_PAIR}\s+)?(?:нового\s+)?{_SCHOOL_YEAR}"
    r"|в\s+течение\s+(?:20\d\d\s+года|учебного\s+года|года)"
    r"|по\s+(?:отдельному|утвержд[её]нному)\s+графику|постоянно|по\s+мере\s+необходимости"
    r"|в\s+течение\s+(?:месяца|недели|(?:\d{1,2}|одного|двух|тр[её]х|пяти|десяти)\s+"
    rf"(?:(?:рабочих\s+|календарных\s+)?дней|недель|месяцев|месяца)){_AFTER_EVENT}"
    r"|(?:согласно|в\s+соответствии\s+с)\s+(?:утвержд[её]нн\w+\s+)?(?:график|расписани)\w*[^;]{0,120}?"
    rf"|на\s+августовск\w+\s+(?:конференци|совещани|педсовет)\w*(?:\s+{_YEAR_OF})?"
    rf"|в\s+[а-яё0-9-]*(?:дневн|недельн|месячн)\w*\s+срок{_AFTER_EVENT}"
    r"|незамедлительно(?:\s+по\s+мере\s+\w+)?|систематически|в\s+(?:день|дни)\s+[^.;]{3,60}?"
    r"|в\s+сроки?,?\s+установленн\w+[^.;]{0,80}?"
    r"|в\s+летний\s+период(?:\s*\([^()]{3,60}\))?"
    rf"|в\s+период\s+[^.;()]{{3,60}}?\s*\({_MONTH_NAMED}\s*[-–—]\s*{_MONTH_NAMED}\s+{_YEAR_MAYBE}\)"
    rf"|по\s+итогам\s+(?:{_NTH_PART}\w*|учебного\s+года|года)(?:\s+{_YEAR_MAYBE})?"
    rf"|{_MONTH_NAMED}(?:\s*[-–—]\s*{_MONTH_NAMED})?\s+{_YEAR_MAYBE}"
    rf"(?:\s*,\s*{_MONTH_NAMED}\s+{_YEAR_MAYBE})*"
    r"|в?о?\s*(?:течение\s+)?(?:I{1,3}|IV|[1-4])(?:-?й)?\s+(?:четверт|полугоди)\w*"
    rf"|в\s+{_MONTH_IN}(?:\s*[-–—]\s*{_MONTH_IN})?|в\s+{_NTH_PART}\w*)\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
# "постоянно повышать квалификацию …": the word opens the task; elsewhere in a sentence it
# may describe something else ("постоянно действующего семинара").
_ONGOING_FIRST_RE = re.compile(r"^(постоянно|систематически|регулярно)\s+(?=[а-яё]+(?:ть|ться)\b)")
_FREQUENCY_RE = re.compile(rf"(?<![\w-])(?:{_FREQUENCY}){_FREQUENCY_TAIL}(?![\w])", re.IGNORECASE)


def cut_frequency(text: str) -> tuple[str, str | None]:
    """text without a frequency phrase ("еженедельно по пятницам"), and the phrase: it joins
    a labelled term that names only the dates ("Срок – в период с 01.06 по 31.08")."""
    match = _FREQUENCY_RE.search(text)
    if match is None:
        return text, None
    if not text[: match.start()].strip(" -–—•"):
        return text, match.group(0)  # it opens the item: left in the text, as above
    rest = f"{text[: match.start()].rstrip(' ,')} {text[match.end() :].lstrip(' ,')}".strip()
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", rest), match.group(0)


_LEADING_TERM_RE = re.compile(rf"^{_TERM}", re.IGNORECASE)
_QUOTED_RE = re.compile(r"«[^«»]*»|\"[^\"]*\"")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([.,;:])")
_MIN_BODY = 12


def find_inline_deadline(text: str) -> tuple[int, int, str] | None:
    """(start, end, phrase) of the deadline phrase in text, or None."""
    leading = _ONGOING_FIRST_RE.match(text)
    if leading:
        return leading.start(1), leading.end(1), leading.group(1)
    quoted = [m.span() for m in _QUOTED_RE.finditer(text)]
    for match in _ANYWHERE.finditer(text):
        if not _inside(match.start(), quoted):
            return match.start(), match.end(), match.group(0)
    match = _AT_END.search(text)
    if match and match.start() >= _MIN_BODY and not _inside(match.start(), quoted):
        return match.start(), match.end(), match.group("phrase")
    return None


def cut_inline_deadline(text: str) -> tuple[str, str | None]:
    """text without its inline deadline phrase, and the phrase (None when there is none).

    Only a phrase that ends the item is cut: one that opens it ("Ежемесячно проводить
    анализ …") or stands inside it ("организовать в 2024-2025 учебном году серию …") stays,
    so the text reads as the document wrote it; so does one that would leave too little text
    (the item is only a date).
    """
    found = find_inline_deadline(text)
    if found is None:
        return text, None
    start, end, phrase = found
    if not text[:start].strip(" -–—•") or text[end:].strip(" .;,)"):
        return text, _LEADING_TERM_RE.sub("", phrase.strip()) or phrase
    after = text[end:].lstrip(" ,")
    rest = f"{text[:start].rstrip(' ,–—-')} {'' if after in ('.', ';') else after}".strip()
    if len(rest) < _MIN_BODY:
        return text, None
    phrase = _LEADING_TERM_RE.sub("", phrase.strip()) or phrase
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", rest), phrase


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)
