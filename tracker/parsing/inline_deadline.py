"""A deadline phrase written inside an item's sentence, with no "Срок:" label.

Decisions put the deadline anywhere: "Директорам школ ежемесячно до 5 числа представлять …",
"… проанализировать результаты в срок до 15.04.2023 на заседаниях …", "… ежегодно в
октябре", "… в 2023 году". The phrases are found by the deadline grammar itself
(`tracker.domain.deadlines.finder`); here they are only cut from the item's text.
"""

from __future__ import annotations

import re

from tracker.domain.deadlines.finder import FREQUENCIES, Phrase, find_phrases, item_phrases

_LEADING_LABEL_RE = re.compile(
    r"^(?:в\s+)?срок[аи]?(?:\s+(?:исполнения|выполнения|представления|проведения"
    r"|предоставления))?(?:\s*[-–—:]\s*|\s+)(?=(?:до|не|к|по|с|в|еже)\w*\b)",
    re.IGNORECASE,
)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([.,;:])")
_MIN_BODY = 12


def cut_inline_deadline(text: str) -> tuple[str, str | None]:
    """text without its inline deadline phrase, and the phrase (None when there is none).

    Only a phrase that ends the item is cut: one that opens it ("Ежемесячно проводить
    анализ …") or stands inside it ("организовать в 2024-2025 учебном году серию …") stays,
    so the text reads as the document wrote it; so does one that would leave too little text
    (the item is only a date). Several phrases are kept together ("19 июня 2021 года; 26
    июня 2021 года"), for the deadline parser to read as several dates.
    """
    phrases = item_phrases(text)
    if not phrases:
        return text, None
    raw = "; ".join(_unlabelled(p.text) for p in phrases)
    last = phrases[-1]
    if not text[: last.start].strip(" -–—•") or text[last.end :].strip(" .;,)"):
        return text, raw
    after = text[last.end :].lstrip(" ,")
    rest = f"{text[: last.start].rstrip(' ,–—-')} {'' if after in ('.', ';') else after}".strip()
    if len(rest) < _MIN_BODY:
        return text, None
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", rest), raw


def cut_frequency(text: str) -> tuple[str, str | None]:
    """text without a frequency phrase ("еженедельно по пятницам"), and the phrase: it joins
    a labelled term that names only the dates ("Срок – в период с 01.06 по 31.08")."""
    found = next((p for p in find_phrases(text) if p.kinds & FREQUENCIES), None)
    if found is None:
        return text, None
    if not text[: found.start].strip(" -–—•"):
        return text, found.text  # it opens the item: left in the text
    rest = f"{text[: found.start].rstrip(' ,')} {text[found.end :].lstrip(' ,')}".strip()
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", rest), found.text


def _unlabelled(phrase: str) -> str:
    return _LEADING_LABEL_RE.sub("", phrase) or phrase


__all__ = ["Phrase", "cut_frequency", "cut_inline_deadline"]
