"""The stage of the management cycle (управленческий цикл) a roadmap section or an item is in.

Words are compared by lemma (pymorphy3), so inflected forms match: "мониторинговых
исследований" → monitoring, "по анализу эффективности" → effectiveness.
"""

import re

from tracker.domain.morph import lemma
from tracker.domain.owners.safety import never_raise
from tracker.domain.owners.text import clean_text

STAGES: tuple[str, ...] = (
    "goals",
    "indicators",
    "monitoring",
    "analysis",
    "measures",
    "effectiveness",
)
STAGE_TITLES_RU: dict[str, str] = {
    "goals": "Целеполагание. Нормативно-правовое обеспечение",
    "indicators": "Показатели. Методы сбора информации",
    "monitoring": "Мониторинг",
    "analysis": "Анализ. Адресные рекомендации",
    "measures": "Меры. Управленческие решения",
    "effectiveness": "Анализ эффективности принятых мер",
}

_WORD_RE = re.compile(r"[А-ЯЁа-яё]+")
_QUOTED_RE = re.compile(r"«[^«»]*»")
_SECTION_NUMBER_RE = re.compile(
    r"^\s*(?:(?:раздел|этап|блок|часть|глава)\s+)?(?P<number>[IVX]{1,4}|\d{1,2})(?![\w.]\d)"
    r"\s*[.):]?\s*",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}

_EFFECT = frozenset({"эффективность", "результативность"})
_EFFECT_LEADS = frozenset(
    {
        "анализ",
        "анализировать",
        "проанализировать",
        "оценка",
        "оценить",
        "оценивать",
        "обсуждение",
        "рассмотрение",
        "изучение",
        "совещание",
    }
)


def _table(**stage_words: str) -> dict[str, str]:
    return {word: stage for stage, words in stage_words.items() for word in words.split()}


def _pairs(**stage_pairs: str) -> dict[tuple[str, str], str]:
    table = {}
    for stage, pairs in stage_pairs.items():
        for pair in pairs.split(","):
            first, second = pair.split()
            table[(first, second)] = stage
    return table


# Words that name what an item is about, in any form; the earliest one decides.
_TOPIC_WORDS = _table(
    effectiveness="эффективность результативность",
    indicators="показатель индикатор критерий измерительный",
    monitoring="мониторинг мониторинговый анкетирование анкета анкетировать опрос диагностика "
    "тестирование обследование исследование учет",
    analysis="анализ аналитический анализировать проанализировать рекомендация справка отчет "
    "обобщение",
    goals="приказ положение план нормативный нормативно регламент порядок концепция программа "
    "стратегия целеполагание документ устав",
    measures="курс мероприятие квалификация семинар вебинар конкурс совещание конференция мера "
    "стажировочный наставничество консультация обучение олимпиада тренинг экскурсия собрание "
    "форум акция",
)
_TOPIC_PAIRS = _pairs(
    goals="дорожный карта, локальный акт",
    indicators="метод сбор",
    monitoring="сбор информация, сбор данные, оценочный процедура",
    analysis="результат мониторинг",
    measures="управленческий решение, повышение квалификация",
)
# Verbs say less than topics: they decide only when no topic word is there.
_ACTION_WORDS = _table(
    goals="утвердить утверждать утверждение актуализировать актуализация скорректировать "
    "корректировка",
    analysis="обобщить изучить",
    monitoring="отслеживать собрать",
    measures="организовать организация провести проводить проведение обеспечить обеспечение "
    "внедрить внедрять внедрение создать создание сформировать формирование реализовать "
    "реализация осуществить осуществлять осуществление способствовать оказать оказывать "
    "довести ознакомить разместить направить включить назначить назначение предусмотреть "
    "использовать использование адаптировать объединить продолжить развивать "
    "развитие совершенствовать усилить активизировать разработать разработка начать определить "
    "привлечь вовлечь информировать информирование подготовить подготовка",
)
# A section title names its stage with these words ("Меры. Управленческие решения").
_SECTION_WORDS = _TOPIC_WORDS | _table(
    goals="цель правовой нормативно-правовой",
    monitoring="сбор",
    effectiveness="рефлексия",
    indicators="метод",
    analysis="адресный",
    measures="управленческий решение",
)


@never_raise(lambda title: None)
def stage_from_section(title: str) -> str | None:
    """The stage of a roadmap section header: by its words, by its numeral I–VI if it has none."""
    text = clean_text(title)
    number = _SECTION_NUMBER_RE.match(text)
    words = _lemmas(text[number.end() :] if number else text)
    if words:
        return _effectiveness(words) or _earliest(words, _SECTION_WORDS, _TOPIC_PAIRS)
    return _stage_by_number(number.group("number")) if number else None


@never_raise(lambda text: None)
def stage_from_text(text: str) -> str | None:
    """The stage an item's wording suggests, or None when it suggests none.

    Titles in quotes («О выполнении дорожной карты …») are read only when the rest says nothing.
    """
    cleaned = clean_text(text)
    return _stage_of_words(_lemmas(_without_quoted(cleaned))) or _stage_of_words(_lemmas(cleaned))


def _stage_of_words(words: list[str]) -> str | None:
    return (
        _founding(words)
        or _effectiveness(words)
        or _earliest(words, _TOPIC_WORDS, _TOPIC_PAIRS)
        or _earliest(words, _ACTION_WORDS, {})
    )


_APPROVE = frozenset({"утвердить", "утверждать"})
_FOUND = frozenset({"создать", "сформировать", "образовать"})
_BODIES = frozenset({"комиссия", "группа", "совет", "комитет", "штаб", "оргкомитет", "жюри"})


def _founding(words: list[str]) -> str | None:
    """ "Утвердить …", "Создать комиссию / рабочую группу …": the point lays down how the work
    is governed, whatever it is about (goals)."""
    if words and words[0] in _APPROVE:
        return "goals"
    if words and words[0] in _FOUND and _BODIES.intersection(words[1:6]):
        return "goals"
    return None


def _without_quoted(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _QUOTED_RE.sub(" ", text)
    return text


def _lemmas(text: str) -> list[str]:
    return [lemma(word.lower()) for word in _WORD_RE.findall(text)[:400]]


def _effectiveness(words: list[str]) -> str | None:
    """ "анализ эффективности", "эффективность принятых мер" (a stage of its own)."""
    for index, word in enumerate(words):
        if word not in _EFFECT:
            continue
        if _EFFECT_LEADS.intersection(words[max(index - 3, 0) : index]):
            return "effectiveness"
        if "мера" in words[index + 1 : index + 4]:
            return "effectiveness"
    for index, word in enumerate(words[:-1]):  # "оценка динамики … после принятых мер"
        if (
            word in ("принятый", "принять")
            and words[index + 1] == "мера"
            and _EFFECT_LEADS.intersection(words[:index])
        ):
            return "effectiveness"
    return None


def _earliest(words: list[str], table: dict[str, str], pairs: dict) -> str | None:
    for index, word in enumerate(words):
        for following in words[index + 1 : index + 3]:
            if (word, following) in pairs:
                return pairs[(word, following)]
        if word in table:
            return table[word]
    return None


def _stage_by_number(numeral: str) -> str | None:
    number = int(numeral) if numeral.isdigit() else _ROMAN.get(numeral.upper(), 0)
    return STAGES[number - 1] if 1 <= number <= len(STAGES) else None
