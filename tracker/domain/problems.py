"""What a person must look at in a parsed document: a code and its values, worded only
when shown (in Russian, or through the catalog in the reader's language).

Code that decides compares codes, never sentences; what is stored is the record
{"code": …, "values": {…}}, so a reworded sentence changes nothing already imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


def N_(message: str) -> str:
    """Marks a message for the catalog (`pybabel extract -k N_`) without translating it."""
    return message


MESSAGES: dict[str, str] = {
    # deadlines
    "deadline_missing": N_("Срок не указан"),
    "deadline_unreadable": N_("Срок «%(raw)s» не распознан: укажите дату вручную"),
    "deadline_invalid": N_("Срок «%(raw)s» не распознан: неверная дата «%(bad)s»"),
    "deadline_by_schedule": N_("Срок «%(raw)s» задан по графику или плану: укажите даты вручную"),
    "deadline_schedule_note": N_("Срок «%(raw)s» ссылается на график или план: проверьте даты"),
    "deadline_after_event": N_(
        "Срок «%(raw)s» отсчитывается от события, а не от даты документа: укажите дату вручную"
    ),
    "deadline_as_needed": N_(
        "Срок «%(raw)s» не содержит даты (по необходимости): укажите дату, если потребуется"
    ),
    "deadline_no_occurrences": N_(
        "Повторяющийся срок «%(raw)s» не даёт ни одной даты в периоде %(period)s"
    ),
    "deadline_too_many": N_("Срок «%(raw)s» даёт слишком много дат: учтены первые %(limit)s"),
    "deadline_yearly_days": N_(
        "Срок «%(raw)s» называет разные дни года: учтён первый, проверьте даты"
    ),
    "deadline_unsupported": N_("Периодичность «%(raw)s» не распознана: укажите даты вручную"),
    "deadline_outside": N_("Срок %(day)s вне периода документа %(period)s"),
    "deadline_implausible": N_(
        "Срок «%(raw)s» называет %(day)s — раньше даты документа больше чем на год: проверьте год"
    ),
    # owners
    "owner_missing": N_("Ответственный не указан: назначьте исполнителя вручную."),
    "owner_unread": N_("Ответственный «%(raw)s» не распознан: укажите его вручную."),
    "several_clauses": N_(
        "В пункте больше одного срока или ответственного («%(raw)s»): проверьте."
    ),
    # the document
    "date_missing": N_(
        "Дата и период документа не найдены: период взят по текущему году, проверьте его."
    ),
    "date_missing_years": N_(
        "Дата и период документа не найдены: период %(first)s–%(last)s взят по годам в "
        "сроках, проверьте его."
    ),
    "nothing_found": N_(
        "В документе не найдено ни одного пункта: он не распознан как дорожная карта, "
        "протокол, резолюция или приказ."
    ),
    "no_columns": N_(
        "В таблице не найдены столбцы «Мероприятие», «Срок», «Ответственный»: "
        "пункты из неё не выделены, проверьте документ."
    ),
    # sentences stored before problems had codes; a deadline's is replaced with the deadline
    "note": "%(text)s",
    "deadline_note": "%(text)s",
}


_STORED = frozenset({"note", "deadline_note"})


@dataclass(frozen=True)
class Problem:
    code: str
    values: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    key: tuple = field(default=(), repr=False)

    @classmethod
    def of(cls, code: str, **values) -> Problem:
        if code not in MESSAGES:
            raise KeyError(code)
        plain = {name: str(value) for name, value in values.items()}
        return cls(code, plain, (code, *sorted(plain.items())))

    @classmethod
    def from_record(cls, record: dict | str) -> Problem:
        """A stored record; a bare string (stored before codes) becomes a note."""
        if isinstance(record, str):
            return cls.of("note", text=record)
        code = record.get("code", "note")
        return cls.of(code if code in MESSAGES else "note", **(record.get("values") or {}))

    def record(self) -> dict:
        return (
            {"code": self.code, "values": dict(self.values)} if self.values else {"code": self.code}
        )

    def sentence(self, translate: Callable[[str], str] | None = None) -> str:
        """The problem worded for a person: Russian, or through `translate` (gettext)."""
        template = MESSAGES[self.code]
        if translate is not None and self.code not in _STORED:
            template = translate(template)
        return template % self.values if self.values else template

    def __str__(self) -> str:
        return self.sentence()


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """problems without repeats, in order."""
    return list(dict.fromkeys(problems))


def records(problems: Iterable[Problem]) -> list[dict]:
    return [problem.record() for problem in unique(problems)]


def from_records(stored: Iterable[dict | str] | None) -> list[Problem]:
    return unique(Problem.from_record(record) for record in stored or [])
