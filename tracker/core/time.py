"""The one place the application reads the clock; tests inject their own."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app


def now_utc() -> datetime:
    """The current instant (UTC, aware); an app may set config["CLOCK"] to a callable."""
    clock = current_app.config.get("CLOCK") if current_app else None
    return clock() if clock else datetime.now(UTC)


def today_in(tz_name: str | None) -> date:
    """The calendar date now in the given time zone (Moscow when unknown)."""
    return now_utc().astimezone(ZoneInfo(tz_name or "Europe/Moscow")).date()


def as_utc(instant: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


def local_day(instant: datetime, tz_name: str | None) -> date:
    return as_utc(instant).astimezone(ZoneInfo(tz_name or "Europe/Moscow")).date()


def start_of_local_day(tz_name: str | None) -> datetime:
    """Today's local midnight in the given zone, as a UTC instant."""
    zone = ZoneInfo(tz_name or "Europe/Moscow")
    local_midnight = datetime.combine(now_utc().astimezone(zone).date(), time(), zone)
    return local_midnight.astimezone(UTC)


def person_tz(person) -> str | None:
    """The time zone of a person's organisation (None: Moscow)."""
    return person.organisation.timezone if person and person.organisation else None


def occurrence_tz(occurrence) -> str | None:
    """The time zone a deadline is local to: that of the owning organisation."""
    return occurrence.organisation.timezone if occurrence.organisation else None


def user_today(user) -> date:
    """Today in the time zone of the user's organisation."""
    return today_in(person_tz(user.person))
