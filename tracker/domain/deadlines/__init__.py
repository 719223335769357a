"""Deadline phrases of Russian documents ("до 10.02.2022 года", "Ежегодно", "IV квартал
2022", "постоянно") parsed into dates, spans, recurrences and ongoing work."""

from tracker.domain.deadlines.model import Deadline, Period
from tracker.domain.deadlines.parser import parse_deadline

__all__ = ["Deadline", "Period", "parse_deadline"]
