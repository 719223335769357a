"""Turn the bytes of an uploaded file into blocks: paragraph lines and table rows.

Everything downstream works on blocks, so the format quirks (encodings, Word's
numbering, merged cells, HTML lists) stay in this module and `docx_reader`.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from tracker.domain.text import normalize_line, normalize_text
from tracker.parsing.blocks import Block, paragraph, row

MAX_BYTES = 10 * 1024 * 1024
TEXT_EXTENSIONS = {".txt", ".md", ".text"}
HTML_EXTENSIONS = {".html", ".htm"}
DOCX_EXTENSIONS = {".docx"}

_CONTROL_BYTES_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WHITESPACE_RE = re.compile(r"\s")
_PLAUSIBLE = r"\w\s.,;:!?()\[\]«»\"'„“”`/\\№%*+=<>#&@|~^$_{}\-–—…°§"
_IMPLAUSIBLE_RE = re.compile(rf"[^{_PLAUSIBLE}]")
# Box drawing and block elements (U+2500-U+259F) draw tables in text exports. In UTF-8 or
# UTF-16 they are what the bytes say; in an 8-bit code page they are what the wrong page
# makes of Cyrillic letters (cp1251 "А-Я" read as cp866), so only Unicode text may hold them.
_IMPLAUSIBLE_UNICODE_RE = re.compile(rf"[^{_PLAUSIBLE}\u2500-\u259f]")
_CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")


class UnreadableDocument(Exception):
    """The file cannot be read as a document; the message is one Russian sentence."""


def extension(filename: str) -> str:
    match = re.search(r"(\.[^./\\]+)$", filename or "")
    return match.group(1).lower() if match else ""


def read_blocks(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> list[Block]:
    """Read a document into blocks or raise UnreadableDocument saying why."""
    if len(data) > max_bytes:
        raise UnreadableDocument(
            f"Файл слишком большой: {len(data)} байт при допустимых {max_bytes}."
        )
    if not data.strip():
        raise UnreadableDocument("Файл пуст.")
    ext = extension(filename)
    if ext in DOCX_EXTENSIONS:
        from tracker.parsing.docx_reader import read_docx

        return normalized(read_docx(data))
    if ext in HTML_EXTENSIONS:
        from tracker.parsing.html_reader import read_html

        return normalized(read_html(decode_text(data)))
    if ext in TEXT_EXTENSIONS:
        from tracker.parsing.layout import text_blocks

        return text_blocks(normalize_text(decode_text(data)))
    raise UnreadableDocument(
        f"Формат «{ext or filename}» не поддерживается: загрузите .txt, .md, .docx или .html."
    )


def normalized(blocks: list[Block]) -> list[Block]:
    """Blocks of a .docx or .html file through the same normalisation as plain text."""
    out = []
    for block in blocks:
        if block.is_row:
            cells = [normalize_line(normalize_text(cell)) for cell in block.cells]
            out.append(row(cells, block.table))
        else:
            text = normalize_line(normalize_text(block.text))
            if text:
                out.append(paragraph(text))
    return out


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or a Cyrillic 8-bit code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"), _IMPLAUSIBLE_UNICODE_RE)
    sample = data[:100_000]
    if b"\x00" in sample or len(_CONTROL_BYTES_RE.findall(sample)) > max(2, len(sample) // 200):
        raise UnreadableDocument("Файл не похож на текстовый документ: в нём двоичные данные.")
    try:
        return _checked(data.decode("utf-8-sig"), _IMPLAUSIBLE_UNICODE_RE)
    except UnicodeDecodeError:
        pass
    decoded = []
    for encoding in _candidate_encodings(data):
        try:
            decoded.append(_checked(data.decode(encoding)))
        except (UnicodeDecodeError, LookupError, UnreadableDocument):
            continue
    if not decoded:
        raise UnreadableDocument(
            "Не удалось определить кодировку текста (ожидается UTF-8 или cp1251)."
        )
    return max(decoded, key=_russianness)


def _candidate_encodings(data: bytes) -> list[str]:
    """cp1251 first (ties go to it), then charset-normalizer's guess and other Cyrillic pages."""
    best = from_bytes(data[:200_000]).best()
    guessed = best.encoding if best is not None else None
    extra = [guessed] if guessed in _CYRILLIC_ENCODINGS else []
    return list(dict.fromkeys(["cp1251", *extra, "koi8_r", "cp866"]))


def _russianness(text: str) -> float:
    """Share of standard Cyrillic letters among non-ASCII characters: the wrong code page
    turns some of them into symbols, dashes or box drawing."""
    foreign = [ch for ch in text[:100_000] if ord(ch) > 127]
    if not foreign:
        return 0.0
    return sum(1 for ch in foreign if "А" <= ch <= "я" or ch in "Ёё") / len(foreign)


def _checked(text: str, implausible: re.Pattern = _IMPLAUSIBLE_RE) -> str:
    """Reject decoded text that is mostly control characters or symbol soup."""
    sample = text[:100_000]
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 200):
        raise UnreadableDocument("Файл не похож на текстовый документ: в нём двоичные данные.")
    visible = len(sample) - len(_WHITESPACE_RE.findall(sample))
    if not visible:
        raise UnreadableDocument("Файл пуст.")
    if len(implausible.findall(sample)) / visible > 0.15:
        raise UnreadableDocument(
            "Не удалось прочитать текст: он не похож на текст ни в одной кодировке."
        )
    return text
