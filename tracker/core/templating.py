"""Jinja filters and globals shared by every area."""

from datetime import date, datetime

from flask import Flask
from flask_babel import format_date, get_locale, gettext

from tracker.domain.labels import STATE_LABELS
from tracker.domain.links import is_web_link, split_links
from tracker.domain.problems import Problem
from tracker.domain.stages import STAGE_TITLES_RU


def format_day(value: date | datetime | None) -> str:
    """ "10.02.2022" in Russian, the locale's short form otherwise."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.date()
    if str(get_locale()) == "ru":
        return value.strftime("%d.%m.%Y")
    return format_date(value, "medium")


def evidence_links(text: str | None) -> list[str]:
    """The stored links that are safe to render as href (older rows were checked less)."""
    return [link for link in split_links(text) if is_web_link(link)]


def problem_sentence(record: dict | str) -> str:
    """A stored problem worded in the reader's language."""
    return Problem.from_record(record).sentence(gettext)


def init_templating(app: Flask) -> None:
    app.jinja_env.filters["problem"] = problem_sentence
    app.jinja_env.filters["evidence_links"] = evidence_links
    app.jinja_env.filters["day"] = format_day
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["STAGE_LABELS"] = STAGE_TITLES_RU
    app.jinja_env.globals["STATE_LABELS"] = STATE_LABELS
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
