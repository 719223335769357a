"""Recover the labels of Word's automatic list numbering ("1.", "2.1.", "а)", "-").

Word stores only a list id and level per paragraph; the printed label comes from the
numbering part, so we replay the counters in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
# Word has nine list levels (w:ilvl 0-8); a level outside them would index past the counters.
_LEVELS = 9
# No real list starts past 32767 (the largest value of a 16-bit counter); clamping keeps a
# hostile start from making absurd labels.
_MAX_START = 32767
# Roman numerals end at MMMCMXCIX; past that a label would repeat "M" a thousand times per
# million, so larger counters are printed in digits.
_MAX_ROMAN = 3999
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_counter(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("russianLower", "russianUpper"):
        letter = _RU_LETTERS[(n - 1) % len(_RU_LETTERS)]
        return letter.upper() if fmt == "russianUpper" else letter
    if fmt in ("upperRoman", "lowerRoman") and n <= _MAX_ROMAN:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


@dataclass
class Numbering:
    """Level definitions per list id, and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return cls()
        abstract = {
            a.get(qn("w:abstractNumId")): _levels(a) for a in root.findall(qn("w:abstractNum"))
        }
        levels = {}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})
        return cls(levels=levels, styles=_style_numbering(document))

    def label(self, p) -> str | None:
        """The printed label of paragraph `p`, advancing the counters; None if unnumbered."""
        num_id, ilvl = _num_ref(p)
        if num_id is None:
            num_id, ilvl = self.styles.get(_style_id(p), (None, 0))
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        defs = self.levels[num_id]
        level = defs.get(ilvl, Level())
        if level.fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(num_id, [0] * _LEVELS)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else defs.get(ilvl, Level()).start
        for deeper in range(ilvl + 1, _LEVELS):
            counts[deeper] = 0
        text = level.text
        for k in range(ilvl + 1):
            value = counts[k] or defs.get(k, Level()).start
            text = text.replace(f"%{k + 1}", format_counter(value, defs.get(k, Level()).fmt))
        return text.strip() or None


def _levels(abstract) -> dict[int, Level]:
    out = {}
    for lvl in abstract.findall(qn("w:lvl")):
        fmt = _val(lvl, "w:numFmt", "decimal")
        text = _val(lvl, "w:lvlText", "")
        start = _number(_val(lvl, "w:start", "1"), default=1, high=_MAX_START)
        out[_level(lvl.get(qn("w:ilvl")))] = Level(fmt=fmt, text=text, start=start)
    return out


def _number(value: str | None, *, default: int, high: int) -> int:
    """An integer attribute of the numbering part; Word writes digits, anything else (a
    hand-edited or hostile file) falls back to `default` rather than failing the upload."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, 0), high)


def _level(value: str | None) -> int:
    return _number(value, default=0, high=_LEVELS - 1)


def _val(parent, tag: str, default: str) -> str:
    el = parent.find(qn(tag))
    return el.get(qn("w:val"), default) if el is not None else default


def _num_ref(p) -> tuple[str | None, int]:
    p_pr = p.find(qn("w:pPr"))
    num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
    if num_pr is None:
        return None, 0
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    level = _level(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return (num_id.get(qn("w:val")) if num_id is not None else None), level


def _style_id(p) -> str | None:
    p_pr = p.find(qn("w:pPr"))
    style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def _style_numbering(document) -> dict[str, tuple[str | None, int]]:
    """List numbering that paragraph styles carry ("List Number" and the like)."""
    out = {}
    for style in document.styles.element.findall(qn("w:style")):
        num_id, ilvl = _num_ref(style)
        if num_id is not None:
            out[style.get(qn("w:styleId"))] = (num_id, ilvl)
    return out
