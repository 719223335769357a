"""Evidence links: plain web addresses only, one a line."""

from urllib.parse import urlsplit


def is_web_link(text: str) -> bool:
    """An http(s) address with a host and no whitespace or control characters anywhere.

    Anything else (javascript:, data:, an address with a space hiding a second "link")
    is refused, because links are rendered as href attributes other people click.
    """
    if not text or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return False
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def split_links(text: str | None) -> list[str]:
    """The non-empty lines of a links field, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
