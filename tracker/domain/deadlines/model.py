"""The values a deadline phrase is parsed into, and the sentences shown for its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("date", "span", "recurring", "ongoing", "unknown", "none")


@dataclass(frozen=True)
class Period:
    """The stretch of time a document covers; it bounds recurrences."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts after it ends: {self.start} > {self.end}")

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Deadline:
    raw: str | None
    kind: str  # one of KINDS
    start: date | None = None
    due: date | None = None
    rrule: str | None = None  # RFC 5545 RRULE body, e.g. "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"
    optional: bool = False  # "по необходимости": an occurrence may be marked not needed
    then_ongoing: bool = False  # "… и далее постоянно"
    occurrences: list[date] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Russian sentences for a person

    def to_contract(self) -> dict:
        """The "deadline" object of PARSE-CONTRACT.md."""
        return {
            "raw": self.raw,
            "kind": self.kind,
            "start": _iso(self.start),
            "due": _iso(self.due),
            "rrule": self.rrule,
            "optional": self.optional,
            "then_ongoing": self.then_ongoing,
            "occurrences": [d.isoformat() for d in self.occurrences],
            "problems": list(self.problems),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y") if day.year >= 1000 else day.isoformat()


# Problem sentences, by the situation that produces them.
NOT_GIVEN = "Срок не указан"
UNREADABLE = "Срок «{raw}» не распознан: укажите дату вручную"
INVALID = "Срок «{raw}» не распознан: неверная дата «{bad}»"
BY_SCHEDULE = "Срок «{raw}» задан по графику или плану: укажите даты вручную"
SCHEDULE_NOTE = "Срок «{raw}» ссылается на график или план: проверьте даты"
AFTER_EVENT = "Срок «{raw}» отсчитывается от события, а не от даты документа: укажите дату вручную"
AS_NEEDED = "Срок «{raw}» не содержит даты (по необходимости): укажите дату, если потребуется"
NO_OCCURRENCES = "Повторяющийся срок «{raw}» не даёт ни одной даты в периоде {period}"
TOO_MANY = "Срок «{raw}» даёт слишком много дат: учтены первые {limit}"
YEARLY_DAYS = "Срок «{raw}» называет разные дни года: учтён первый, проверьте даты"
UNSUPPORTED = "Периодичность «{raw}» не распознана: укажите даты вручную"
OUTSIDE = "Срок {day} вне периода документа {period}"
IMPLAUSIBLE = "Срок «{raw}» называет {day} — раньше даты документа больше чем на год: проверьте год"


def period_text(start: date, end: date) -> str:
    return f"{ru_date(start)}–{ru_date(end)}"
