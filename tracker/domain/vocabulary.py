"""The words documents are read by, in one place: months, operative and framing verbs,
decision words, signature titles, short function words.

Every pattern that looks for one of these kinds of word builds it from here, so a new
spelling added once reaches every document kind and every stage.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


def alternation(options) -> str:
    """A regular-expression alternation, longest first (so "приказываю" wins over "приказ")."""
    return "|".join(sorted(options, key=len, reverse=True))


# Prepositions, conjunctions and pronouns short enough to be glued to a neighbouring word.
ONE_LETTER_WORDS = words("в с к о у и")
SHORT_WORDS = words(
    "по на за из от до со во об ко не при для без над под про как что или его её их"
)
# Prefixes the dictionary also lists as words: "предпрофильных" is no "пред профильных".
PREFIXES = words(
    "пред пост анти меж полу само взаимо много пере недо сверх внутри гипер ультра мини "
    "макси авто теле радио видео фото инфо эко био гео спец гос под над раз"
)


# --- months ------------------------------------------------------------------------------
# Stems of month names in any case ("январь", "января", "январе"), in calendar order.
MONTH_STEMS = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
)  # fmt: skip
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
)  # fmt: skip

MONTHS_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь",
)  # fmt: skip


# The short forms tables use: "янв.", "февр.", "сент.", "нояб.".
MONTH_ABBREVIATIONS = (
    "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
)  # fmt: skip
_MAY = frozenset({"май", "мая", "мае", "маю", "маем"})
MONTH_ABBREVIATED = r"(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)"


def month_of(word: str) -> int | None:
    """1–12 for a month name in any case or abbreviated ("мая", "Сентябрь", "сент."), None
    for another word."""
    word = word.lower().rstrip(".")
    for number, short in enumerate(MONTH_ABBREVIATIONS, start=1):
        if word.startswith(short) and (
            short != "ма" or word in ("май", "мая", "мае", "маю", "маем")
        ):
            return number
    return None


# --- the words that open and frame a document's points -----------------------------------
# The operative word of an order after its preamble: "ПРИКАЗЫВАЮ:", "администрация
# постановляет:".
OPERATIVE_VERBS = (
    "приказываю", "постановляю", "постановляет", "обязываю", "распоряжаюсь", "предлагаю",
)  # fmt: skip
# "Рекомендовать руководителям ОО …": a verb that hands the point to its addressee.
FRAMING_VERBS = ("рекомендовать", "поручить", "обязать", "предложить", "просить")
# A protocol's decision: "РЕШИЛИ:", "Постановили:", "Принято решение:".
DECISION_WORDS = (
    "решили", "постановили", "решено", "решение", "приняли решение", "принятые решения",
    "решил", "решила", "постановил", "постановила", "принято решение",
)  # fmt: skip
# What ends a decision block: the next speech, the vote, the signatures.
SPEECH_WORDS = (
    "выступил", "выступила", "выступили", "слушали", "голосовали", "голосование",
    "итоги голосования", "председатель", "председательствующий", "секретарь", "приложение",
    "приложения", "повестка", "подписи", "докладчик",
)  # fmt: skip

# --- signatures ----------------------------------------------------------------------------
# Titles that open a signature line, in the nominative: "Глава администрации района …",
# "Мэр города", "Первый вице-губернатор", "Директор школы:".
SIGNATURE_TITLES = (
    "начальник", "заведующий", "заведующая", "директор", "руководитель", "глава",
    "председатель", "секретарь", "и.о.", "и. о.", "ио", "врио", "исполняющий", "исполняющая",
    "заместитель", "зам.", "мэр", "вице-мэр", "губернатор", "вице-губернатор", "министр",
    "первый заместитель", "первый вице-губернатор", "первый вице-мэр", "ректор", "управляющий",
    "управляющая", "президент",
    "с приказом ознакомлен", "с приказом ознакомлены", "ознакомлен", "ознакомлены",
    "приложение", "подпись", "м.п.", "м. п.", "утверждаю", "согласовано", "проект вносит",
    "проект распоряжения вносит", "проект постановления вносит", "проект приказа вносит",
)  # fmt: skip


# --- the columns of a measures table --------------------------------------------------------
# (role, stems at the start of a word of the header cell), tried in this order: "Срок
# исполнения" is a term, "Ответственный за исполнение" an owner, "Место и дата проведения"
# a term (its dates are read from the cell), "Место проведения" nothing.
COLUMN_ROLES = (
    ("month", r"^месяц"),
    ("deadline_end", r"^(?:срок\w*\s+)?(?:окончани|завершени)"),
    ("co_owner", r"соисполнител"),
    ("owner", r"ответствен|исполнител|^отв(?:-ный|\.|етств)"),
    ("deadline", r"срок|дата|даты|период|время|^когда|^начал[оа]\b"),
    ("result", r"результат|форма\s+(?:завершени|отч[её]т)|итогов\w*\s+документ|^выход"),
    ("number", r"^(?:№|n\b|номер|п\s*/\s*п|пп\b)"),
    (
        "text",
        r"мероприят|содержани|наименовани|поручени|решени|действи|вид\w*\s+работ|задач"
        r"|процедур|направлени|^работ[аы]?\b|^тем[аы]?$|описани",
    ),
)
# Columns that name no owner however their cells look: "Контролирующий орган", "Участники".
IGNORED_COLUMNS = r"контрол\w*\s+орган|участник|место\s+проведения$|^место$|примечани"
