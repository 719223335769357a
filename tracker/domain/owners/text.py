"""Owner text: normalised, its edges trimmed, its top-level parts found."""

import re

from tracker.domain.text import normalize_line, normalize_text

_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)")
_EDGE_JUNK = " \n,;:–—-−.•·/\\|"
OPENERS = "«(„"
CLOSERS = "»)“"


def clean_text(text: str) -> str:
    """Text a person typed or a reader gave, through the one normalisation of documents."""
    return normalize_line(normalize_text(text or ""))


def one_line(text: str) -> str:
    """Text with every run of whitespace turned into one space."""
    return " ".join(text.split())


def strip_edges(text: str) -> str:
    """Text without separators, stray brackets and one enclosing pair of brackets at its ends."""
    text = _EMPTY_BRACKETS_RE.sub(" ", text).strip(_EDGE_JUNK)
    while True:
        opened, closed = text.count("("), text.count(")")
        if _is_wrapped(text):
            text = text[1:-1]
        elif text.startswith(")") or (text.startswith("(") and opened > closed):
            text = text[1:]
        elif text.endswith("(") or (text.endswith(")") and closed > opened):
            text = text[:-1]
        else:
            return one_line(text)
        text = text.strip(_EDGE_JUNK)


def _is_wrapped(text: str) -> bool:
    """ "(…)" with the first bracket closed by the last one."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index == len(text) - 1
    return False


def top_level_spans(text: str, separators: str) -> list[tuple[int, int]]:
    """Spans of text between separator characters that stand outside quotes and brackets."""
    enclosed = enclosed_mask(text)
    spans, start = [], 0
    for index, char in enumerate(text):
        if char in separators and not enclosed[index] and not _between_numbers(text, index):
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return spans


def _between_numbers(text: str, index: int) -> bool:
    """ "9, 11 классов", "СОШ № 1/2": a comma or slash between numbers separates no owners."""
    return (
        text[index] in ",/"
        and text[:index].rstrip()[-1:].isdigit()
        and text[index + 1 :].lstrip()[:1].isdigit()
    )


def enclosed_mask(text: str) -> list[bool]:
    """For each character of text: does it stand inside a matched pair of quotes or brackets?

    An opener that is never closed ("«Центр … «Одаренность»") encloses nothing.
    """
    mask, openers = [False] * len(text), []
    for index, char in enumerate(text):
        if char in OPENERS:
            openers.append(index)
        elif char in CLOSERS and openers:
            start = openers.pop()
            mask[start + 1 : index] = [True] * (index - start - 1)
    return mask
