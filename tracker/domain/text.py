"""One normalisation of text: every reader's text goes through it once at the door, and so
does any owner or deadline a person types.

Later stages trust what comes out: one kind of space, Cyrillic letters where Cyrillic was
meant, "№" for the Latin "N" of document numbers, words typed with spaced letters ("п о с т а
н о в л я е т") and words hyphenated or glued by a lost line break ("образова- ния",
"садминистрациями") made whole again, item numbers parted from their text ("1.Утвердить").
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from tracker.domain.morph import analyzer
from tracker.domain.vocabulary import ONE_LETTER_WORDS, PREFIXES, SHORT_WORDS

_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACE_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]")
_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxYy", "АаВСсЕеНКМОоРрТХхУу")
_LATIN_RE = re.compile(r"[A-Za-z]")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
_MIXED_WORD_RE = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")
_LOOKALIKE_CAPS_RE = re.compile(r"(?<![\w.-])[AOEKMHCPTXB]{2,3}(?![\w-])")
# A Latin initial between Cyrillic ones: "Иванов И.B.".
_LATIN_INITIAL_RE = re.compile(
    r"(?:(?<=[а-яёА-ЯЁ] )|(?<=[А-ЯЁA-Z]\.)|(?<=[А-ЯЁA-Z]\. ))([ABCEHKMOPTXY])(?=\.)"
)
# "N 780-р", "N V-35/9", "N п/п": a standalone Latin N before a number is the number sign.
_NUMERO_RE = re.compile(r"(?<![\w.])N(?=\s?(?:\S*\d|п\.|п/п|пп\b))")
# Single letters joined by single spaces: "П Р И К А З", "п о с т а н о в л я е т".
_SPACED_RE = re.compile(
    r"(?<![\w])(?:[А-ЯЁ] ){3,}[А-ЯЁ](?![\w])|(?<![\w])(?:[а-яё] ){3,}[а-яё](?![\w])"
)
# A word broken at a line end or by a hyphen followed by a space: "образова- ния".
_BROKEN_WORD_RE = re.compile(r"([А-ЯЁа-яё]*[а-яё])-[ \t]*\n?[ \t]*([а-яё]+)")
_GLUED_WORD_RE = re.compile(r"(?<![\w-])[а-яё]{8,}(?![\w-])")
# "2014-2015учебного года", "№ 16КАБИНЕТ МИНИСТРОВ": a number glued to the next word.
_DIGIT_GLUED_RE = re.compile(r"(?<=\d)(?=[а-яё]{4,}|[А-ЯЁ]{4,})")
_TAG_RE = re.compile(r"<[^>]{0,400}>")
_BR_RE = re.compile(r"<\s*(?:br|/p|/li|/div|/tr|/td|li|p)\b[^>]*>", re.IGNORECASE)
_QUOTES = str.maketrans({"“": "«", "”": "»", "„": "«", "‟": "«"})
_BOLD_RE = re.compile(r"\*\*|__")
_EDGE_STAR_RE = re.compile(r"(^\*+|\*+$)")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_SPACES_RE = re.compile(r"[ \t]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([.,;:)»])(?!\d)")
# "1.Утвердить", "1.1.Обеспечить", "I.Порядок", "2)Провести": the number glued to its text.
_GLUED_NUMBER_RE = re.compile(
    r"^((?:\d{1,2}\.){1,4}|\d{1,2}\)|(?-i:[IVX]{1,5})\.)(?=[А-ЯЁA-Z«\"(])"
)


def normalize_text(text: str) -> str:
    """Whole-text fixes, made before the layout is read (line structure kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD_SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", text))
    text = cyrillic_lookalikes(text)
    text = _NUMERO_RE.sub("№", text)
    text = unspaced(text)
    return mend_words(text)


def normalize_line(text: str) -> str:
    """One paragraph or table cell: markup leftovers gone, spaces collapsed, a glued item
    number parted from its text. Line breaks inside a cell are kept."""
    if not text:
        return ""
    if "<" in text:
        text = _TAG_RE.sub(" ", _BR_RE.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "__" in text:
        text = _ITALIC_RE.sub(r"\1", _BOLD_RE.sub("", text))
    lines = (_one_line(line.translate(_QUOTES)) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _one_line(line: str) -> str:
    line = _SPACES_RE.sub(" ", line).strip()
    line = _MD_HEADING_RE.sub("", _EDGE_STAR_RE.sub("", line).strip())
    line = _GLUED_NUMBER_RE.sub(r"\1 ", line)
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", line)


def cyrillic_lookalikes(text: str) -> str:
    """Latin letters typed for Cyrillic ones: "пoстоянно" with a Latin o, "руководители OO".
    Only words that mix the two scripts, and two or three capitals beside Russian words."""
    if not _LATIN_RE.search(text) or not _CYRILLIC_RE.search(text):
        return text
    text = _MIXED_WORD_RE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    text = _LATIN_INITIAL_RE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    return _LOOKALIKE_CAPS_RE.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def unspaced(text: str) -> str:
    """ "П Р И К А З" → "ПРИКАЗ", "п о с т а н о в л я е т" → "постановляет"."""
    return _SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), text)


def mend_words(text: str) -> str:
    """Words broken by a hyphen at a lost line end ("образова- ния", "мас-совых") or glued
    to their neighbour ("садминистрациями", "областио"), made whole where the dictionary
    knows the result and not the pieces."""
    text = _BROKEN_WORD_RE.sub(_joined_if_word, text)
    text = _DIGIT_GLUED_RE.sub(" ", text)
    return _GLUED_WORD_RE.sub(_split_if_glued, text)


def _joined_if_word(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    spaced = match.group(0) != f"{left}-{right}"
    joined = left + right
    known = _is_word(joined.lower())
    if known and (spaced or not (_is_word(left.lower()) and _is_word(right))):
        return joined
    return match.group(0)


def _split_if_glued(match: re.Match[str]) -> str:
    word = match.group(0)
    if _is_word(word):
        return word
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        if _fits(left, right) and _is_word(left) and _is_word(right):
            return f"{left} {right}"
    return word


def _fits(left: str, right: str) -> bool:
    """A plausible pair of words: a short piece must be a preposition or conjunction, so an
    unknown word is never cut into a prefix and a stem."""
    for piece, other in ((left, right), (right, left)):
        if len(piece) == 1 and (piece not in ONE_LETTER_WORDS or len(other) < 4):
            return False
        if 1 < len(piece) <= 3 and piece not in SHORT_WORDS:
            return False
    return left not in PREFIXES


@lru_cache(maxsize=100_000)
def _is_word(word: str) -> bool:
    """The dictionary knows word (exactly, else with ё for е)."""
    morph = analyzer()
    return morph.word_is_known(word, strict=True) or morph.word_is_known(word)
