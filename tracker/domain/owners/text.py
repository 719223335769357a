"""Cleaning of owner text: markup leftovers, odd spaces, Latin look-alike letters, quotes."""

import html
import re

_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/li|/div|/tr|/td|li|p)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]{0,200}>")
_MARKDOWN = re.compile(r"\*{1,3}|_{2,}|`+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]")
_SPACES = re.compile(r" {2,}")
_MIXED_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LOOKALIKES = str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")
_QUOTES = str.maketrans({"“": "«", "”": "»", "„": "«", "‟": "«"})

# A lone capital letter before a dot between Cyrillic text: an initial typed in Latin
# ("Иванов И.B.").
_LATIN_INITIAL = re.compile(
    r"(?:(?<=[а-яёА-ЯЁ] )|(?<=[А-ЯЁA-Z]\.)|(?<=[А-ЯЁA-Z]\. ))([ABCEHKMOPTXY])(?=\.)"
)

_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_EDGE_JUNK = " \n,;:–—-−.•·/\\|"
OPENERS = "«(„"
CLOSERS = "»)“"


def clean_text(text: str) -> str:
    """Text without markup and invisible characters, with Cyrillic letters restored."""
    text = html.unescape(_BLOCK_TAG.sub("\n", text or ""))
    text = _ANY_TAG.sub(" ", text)
    text = _MARKDOWN.sub("", _INVISIBLE.sub("", text))
    text = _ODD_SPACE.sub(" ", text).translate(_QUOTES)
    text = _MIXED_WORD.sub(_restore_cyrillic, text)
    text = _LATIN_INITIAL.sub(lambda m: m.group(1).translate(_LOOKALIKES), text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _restore_cyrillic(match: re.Match[str]) -> str:
    word = match.group(0)
    if _CYRILLIC.search(word):
        return word.translate(_LOOKALIKES)
    return word


def one_line(text: str) -> str:
    """Text with every run of whitespace turned into one space."""
    return " ".join(text.split())


def strip_edges(text: str) -> str:
    """Text without separators, stray brackets and one enclosing pair of brackets at its ends."""
    text = _EMPTY_BRACKETS.sub(" ", text).strip(_EDGE_JUNK)
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
