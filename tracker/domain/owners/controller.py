"""The controller of an order: "Контроль за исполнением … возложить на …"."""

import re

from tracker.domain.owners.model import Owner
from tracker.domain.owners.names import find_people
from tracker.domain.owners.safety import never_raise
from tracker.domain.owners.text import clean_text, one_line
from tracker.domain.owners.units import owners_from_phrase
from tracker.domain.owners.vocab import is_position

_CONTROL_RE = re.compile(r"\bконтрол(?:ь|я|ю|ем)\b", re.IGNORECASE)
# The verb decides the case of the controller: "возложить на" + accusative, "поручить" +
# dative; "Контроль … осуществляет" + nominative only when "Контроль" opens the sentence.
_VERB_CASES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (
        re.compile(
            r"\b(?:возл(?:ожить|агаю|агается|ожен\w*)|возложен\w*)\b.*?\bна\s+", re.IGNORECASE
        ),
        "accs",
    ),
    (re.compile(r"\b(?:поручить|поручаю|поручается)\s+", re.IGNORECASE), "datv"),
    (re.compile(r"\b(?:осуществля\w*|осуществит\w*|обеспечива\w*)\s+", re.IGNORECASE), None),
)
_KEEPS_FOR_ONESELF_RE = re.compile(
    r"\b(?:оставляю|оставить|остается|оставлю)\b[^.]*?\bза\s+собой|\bна\s+себя\b",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"\.(?=\s+[А-ЯЁ][а-яё]{2,})|[;\n]|\.\s*$")
_WINDOW = 400
_LETTERS_RE = re.compile(r"[А-ЯЁа-яё]{2,}")
_TITLE_AFTER_RE = re.compile(r"\s*,\s*([^,;]+?)(?=[,;]|\.?$)")


def keeps_control(text: str) -> bool:
    """ "Контроль за исполнением приказа оставляю за собой": the signatory controls."""
    return bool(_CONTROL_RE.search(text) and _KEEPS_FOR_ONESELF_RE.search(text))


@never_raise(lambda text: None)
def find_controller(text: str) -> Owner | None:
    """Who controls the execution of the document, or None (no clause, or "оставляю за собой")."""
    cleaned = clean_text(text)
    for control in _CONTROL_RE.finditer(cleaned):
        opening = one_line(cleaned[_sentence_start(cleaned, control.start()) : control.start()])
        window = one_line(cleaned[control.start() : control.start() + _WINDOW])
        sentence = f"{opening} {_first_sentence(window)}"
        if _KEEPS_FOR_ONESELF_RE.search(sentence):
            return None
        owner = _controller_in(sentence, opens_sentence=not _LETTERS_RE.search(opening))
        if owner is not None:
            return owner
    return None


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding text[position] starts ("Возложить контроль … на …")."""
    window_start = max(position - 120, 0)
    ends = [m.end() for m in re.finditer(r"[.;:!?\n]\s*", text[window_start:position])]
    return window_start + ends[-1] if ends else window_start


def _first_sentence(window: str) -> str:
    """window up to the end of its first sentence (dots after initials don't end it)."""
    for end in _SENTENCE_END_RE.finditer(window):
        if not _ends_inside_name(window[: end.start()]):
            return window[: end.end()]
    return window


def _ends_inside_name(sentence: str) -> bool:
    return bool(re.search(r"(?<![\w.])[А-ЯЁ]$|(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ]$", sentence))


def _controller_in(sentence: str, opens_sentence: bool) -> Owner | None:
    for verb, case in _VERB_CASES:
        match = verb.search(sentence)
        if match and (case is not None or opens_sentence):
            return _best_owner(sentence[match.end() :], case)
    return None


def _best_owner(phrase: str, case: str | None) -> Owner | None:
    people = find_people(phrase)
    if people:
        title_after = _TITLE_AFTER_RE.match(phrase, people[0].end)
        keep_title = title_after is not None and is_position(title_after.group(1))
        phrase = phrase[: title_after.end() if keep_title else people[0].end]
    owners = owners_from_phrase(phrase, case)
    persons = [owner for owner in owners if owner.kind == "person"]
    return (persons or owners or [None])[0]
