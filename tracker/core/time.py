"""The one place the application reads the clock; tests inject their own."""

from datetime import UTC, date, datetime
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
