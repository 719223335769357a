"""Writing a VCALENDAR of occurrences (RFC 5545, with the X-WR and RFC 7986 extras).

Events and to-dos are written line by line with tracker.domain.ical_text; see its
docstring for why icalendar's own serializer is not used on this hot path.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _

from tracker.domain.ical_text import (
    CRLF,
    content_line,
    ical_date,
    ical_utc,
    person_short_name,
    shorten,
    text_line,
)
from tracker.domain.labels import STATE_LABELS
from tracker.domain.stages import STAGE_TITLES_RU

FEED_VERSION = "1"  # bump when the layout changes, so every ETag changes with it
PRODID = "-//tracker//Kontrol porucheniy//RU"
CLOSED_EVENT_STATES = {"cancelled": "CANCELLED", "not_needed": "CANCELLED"}
TODO_STATES = {
    "done": "COMPLETED",
    "not_needed": "CANCELLED",
    "cancelled": "CANCELLED",
    "reported": "IN-PROCESS",
}


@dataclass(frozen=True)
class FeedSpec:
    """What the feed address asks for: scope, filters and component type."""

    scope: str = "mine"  # mine | units | document
    document_id: int | None = None
    include_done: bool = False
    stage: str | None = None
    todo: bool = False

    @property
    def key(self) -> str:
        return (
            f"{self.scope}:{self.document_id}:{int(self.include_done)}:{self.stage}:"
            f"{int(self.todo)}"
        )


def parse_spec(args) -> FeedSpec | None:
    """Read the query string; None for anything malformed (the view answers 404)."""
    scope = args.get("scope", "mine")
    document = args.get("document")
    stage = args.get("stage") or None
    components = args.get("components", "event")
    if scope not in ("mine", "units") or components not in ("event", "todo"):
        return None
    if stage is not None and stage not in STAGE_TITLES_RU:
        return None
    document_id = None
    if document is not None:
        if not document.isdigit() or len(document) > 12:
            return None
        scope, document_id = "document", int(document)
    return FeedSpec(scope, document_id, args.get("done") == "1", stage, components == "todo")


@dataclass(frozen=True)
class FeedContext:
    """Everything besides the rows: names, links, alarm and translated labels."""

    name: str
    timezone: str
    base_url: str
    host: str
    alarm: str | None  # an RFC 5545 duration such as "-P1D"; None for no alarm
    todo: bool
    shows_others: bool
    locale: str
    labels: dict  # translated strings and stage titles, looked up once per feed


def etag_for(user_id: int, spec: FeedSpec, fingerprint, extra: str) -> str:
    """A fingerprint of the feed's rows, its filters and its settings."""
    last = fingerprint.last_modified.isoformat() if fingerprint.last_modified else "-"
    raw = (
        f"{FEED_VERSION}|{user_id}|{spec.key}|{fingerprint.count}|{last}|"
        f"{fingerprint.max_sequence}|{extra}"
    )
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def build_calendar(rows, ctx: FeedContext, fragments: dict | None = None) -> bytes:
    """The whole VCALENDAR; `fragments` caches each event's bytes across builds.

    An event is a pure function of its row and the context (DTSTAMP is the row's
    updated_at, not the build time), so after one occurrence changes a rebuild
    re-serialises that one event and reuses the other 999.
    """
    lines = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        content_line("PRODID", PRODID),
        b"CALSCALE:GREGORIAN",
        b"METHOD:PUBLISH",
        text_line("X-WR-CALNAME", ctx.name),
        text_line("NAME", ctx.name),
        text_line("X-WR-TIMEZONE", ctx.timezone),
        b"REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        b"X-PUBLISHED-TTL:PT1H",
    ]
    write = _todo_lines if ctx.todo else _event_lines
    fragments = {} if fragments is None else fragments
    key = (ctx.host, ctx.base_url, ctx.alarm, ctx.todo, ctx.shows_others, ctx.locale)
    for row in rows:
        fragment = fragments.get((key, row))
        if fragment is None:
            component: list[bytes] = []
            write(component, row, ctx, ical_utc(row.updated_at))
            fragment = fragments[(key, row)] = CRLF.join(component)
        lines.append(fragment)
    lines.append(b"END:VCALENDAR")
    lines.append(b"")
    return CRLF.join(lines)


def _event_lines(lines: list, row, ctx: FeedContext, stamp: str) -> None:
    day = row.due_on
    lines += (
        b"BEGIN:VEVENT",
        content_line("UID", f"occurrence-{row.id}@{ctx.host}"),
        content_line("DTSTAMP", stamp),
        content_line("DTSTART", ical_date(day), "VALUE=DATE"),
        content_line("DTEND", ical_date(day + timedelta(days=1)), "VALUE=DATE"),
        b"TRANSP:TRANSPARENT",
        content_line("STATUS", CLOSED_EVENT_STATES.get(row.state, "CONFIRMED")),
    )
    summary = _common_lines(lines, row, ctx)
    _alarm_lines(lines, ctx.alarm, summary, "")
    lines.append(b"END:VEVENT")


def _todo_lines(lines: list, row, ctx: FeedContext, stamp: str) -> None:
    lines += (
        b"BEGIN:VTODO",
        content_line("UID", f"occurrence-{row.id}-todo@{ctx.host}"),
        content_line("DTSTAMP", stamp),
        content_line("DUE", ical_date(row.due_on), "VALUE=DATE"),
        content_line("STATUS", TODO_STATES.get(row.state, "NEEDS-ACTION")),
    )
    if row.state == "done" and row.done_at is not None:
        lines.append(content_line("COMPLETED", ical_utc(row.done_at)))
    summary = _common_lines(lines, row, ctx)
    _alarm_lines(lines, ctx.alarm, summary, "RELATED=END")
    lines.append(b"END:VTODO")


def _common_lines(lines: list, row, ctx: FeedContext) -> str:
    """SUMMARY, DESCRIPTION, URL, CATEGORIES, LAST-MODIFIED, SEQUENCE; returns the summary."""
    labels = ctx.labels
    owner = _owner(row)
    prefix = labels["checkin"] if row.is_checkin else labels["due"]
    who = f"{owner} — " if ctx.shows_others and owner else ""
    summary = f"{prefix}: {who}{shorten(row.item_text, 80)}"
    link = f"{ctx.base_url}/occurrences/{row.id}"
    lines += (
        text_line("SUMMARY", summary),
        text_line("DESCRIPTION", _description(row, owner, link, labels)),
        content_line("URL", link, "VALUE=URI"),
    )
    stage = labels["stages"].get(row.stage)
    if stage:
        lines.append(text_line("CATEGORIES", stage))
    if row.updated_at is not None:
        lines.append(content_line("LAST-MODIFIED", ical_utc(row.updated_at)))
    lines.append(content_line("SEQUENCE", str(row.sequence or 0)))
    return summary


def _description(row, owner: str | None, link: str, labels: dict) -> str:
    document = (
        row.document_title if len(row.document_title) <= 80 else shorten(row.document_title, 80)
    )
    if row.document_number:
        document = f"{document} № {row.document_number}"
    parts = [row.item_text.strip(), "", f"{labels['document']}: {document}"]
    if row.item_number:
        parts.append(f"{labels['item']}: {row.item_number}")
    if row.deadline_raw:
        parts.append(f"{labels['deadline']}: «{row.deadline_raw.strip()}»")
    if row.item_result:
        parts.append(f"{labels['result']}: {row.item_result.strip()}")
    parts.append(f"{labels['owner']}: {owner or '—'}")
    parts.append(f"{labels['state']}: {labels['states'].get(row.state, row.state)}")
    parts += ["", link]
    return "\n".join(parts)


def _owner(row) -> str | None:
    return (
        person_short_name(row.surname, row.initials)
        or row.organisation_short_name
        or row.organisation_name
        or row.owner_raw
    )


def _alarm_lines(lines: list, alarm: str | None, summary: str, related: str) -> None:
    if not alarm:
        return
    lines += (
        b"BEGIN:VALARM",
        b"ACTION:DISPLAY",
        text_line("DESCRIPTION", summary),
        content_line("TRIGGER", alarm, related),
        b"END:VALARM",
    )


def feed_labels() -> dict:
    """The feed's words in the active locale, translated once rather than per event."""
    return {
        "due": _("Срок"),
        "checkin": _("Отчёт"),
        "document": _("Документ"),
        "item": _("Пункт"),
        "deadline": _("Срок по документу"),
        "result": _("Ожидаемый результат"),
        "owner": _("Ответственный"),
        "state": _("Состояние"),
        "states": {key: _(title) for key, title in STATE_LABELS.items()},
        "stages": {key: _(title) for key, title in STAGE_TITLES_RU.items()},
    }
