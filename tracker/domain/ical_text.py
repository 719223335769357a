"""RFC 5545 text helpers: escaping, folding, dates, and short titles.

The feed writer uses these instead of icalendar's serializer because that one spends
~0.3 ms per event (about 300 ms for a 1,000-occurrence feed), ten times the feed's
budget. The output is checked by parsing it with icalendar and with Mozilla's ical.js.
"""

import re
from datetime import UTC, date, datetime

LINE_OCTETS = 75
CRLF = b"\r\n"

# Control characters other than HTAB are not allowed in TEXT values (RFC 5545 §3.3.11).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES_RE = re.compile(r"\s+")


def escape_text(value: str) -> str:
    """Escape a TEXT value; CRLF and CR become newlines before escaping.

    Chained str.replace, not str.translate: translate is ~10x slower on Cyrillic text.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_RE.search(value):
        value = _CONTROL_RE.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: bytes) -> bytes:
    """Fold one content line at 75 octets without splitting a UTF-8 character.

    Continuation lines start with a space, which counts toward their 75 octets.
    """
    if len(line) <= LINE_OCTETS:
        return line
    parts = []
    start, limit = 0, LINE_OCTETS
    while len(line) - start > limit:
        end = start + limit
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back up
            end -= 1
        parts.append(line[start:end])
        start, limit = end, LINE_OCTETS - 1
    parts.append(line[start:])
    return b"\r\n ".join(parts)


def content_line(name: str, value: str, params: str = "") -> bytes:
    """A folded `NAME;PARAMS:value` line; the value must already be escaped."""
    head = f"{name};{params}" if params else name
    return fold(f"{head}:{value}".encode())


def text_line(name: str, value: str, params: str = "") -> bytes:
    return content_line(name, escape_text(value), params)


def ical_date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def ical_utc(instant: datetime) -> str:
    """A UTC DATE-TIME ("20220207T060000Z"); naive values are taken as UTC."""
    if instant.tzinfo is not None:
        instant = instant.astimezone(UTC)
    return (
        f"{instant.year:04d}{instant.month:02d}{instant.day:02d}"
        f"T{instant.hour:02d}{instant.minute:02d}{instant.second:02d}Z"
    )


def shorten(text: str, limit: int = 80) -> str:
    """Collapse whitespace and cut at a word boundary, marking the cut with "…"."""
    text = _SPACES_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-—") + "…"


def person_short_name(surname: str | None, initials: str | None) -> str | None:
    """ "Фамилия И.О." from columns (the same rule as Person.short_name, without the ORM)."""
    if not surname:
        return None
    letters = "".join(f"{c}." for c in (initials or ""))
    return f"{surname} {letters}".strip()
