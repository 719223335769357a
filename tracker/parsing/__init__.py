"""Document parser: bytes of a roadmap, protocol, resolution or order in, items out."""

from tracker.parsing.readers import UnreadableDocument

__all__ = ["ParsedDocument", "ParsedItem", "UnreadableDocument", "parse_bytes"]


def __getattr__(name: str):
    """The API lives in `api`, imported on first use so that readers stand alone."""
    if name in ("ParsedDocument", "ParsedItem", "parse_bytes"):
        from tracker.parsing import api

        return getattr(api, name)
    raise AttributeError(name)
