"""The values a deadline phrase is parsed into."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.domain.problems import Problem, records, unique

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
    problems: list[Problem] = field(default_factory=list)  # for a person to look at

    def to_contract(self) -> dict:
        """The "deadline" object of PARSE-CONTRACT.md: its problems worded in Russian."""
        return self._as_dict([str(problem) for problem in unique(self.problems)])

    def to_record(self) -> dict:
        """The same object as it is kept for review: its problems as code records."""
        return self._as_dict(records(self.problems))

    def _as_dict(self, problems: list) -> dict:
        return {
            "raw": self.raw,
            "kind": self.kind,
            "start": _iso(self.start),
            "due": _iso(self.due),
            "rrule": self.rrule,
            "optional": self.optional,
            "then_ongoing": self.then_ongoing,
            "occurrences": [d.isoformat() for d in self.occurrences],
            "problems": problems,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y") if day.year >= 1000 else day.isoformat()


def period_text(start: date, end: date) -> str:
    return f"{ru_date(start)}–{ru_date(end)}"
