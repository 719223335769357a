"""Turn the bytes of an uploaded file into blocks: paragraph lines and table rows.

Everything downstream works on blocks, so the format quirks (encodings, Word's
numbering, merged cells, HTML lists) stay in this module and `docx_reader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

MAX_BYTES = 10 * 1024 * 1024
TEXT_EXTENSIONS = {".txt", ".md", ".text"}
HTML_EXTENSIONS = {".html", ".htm"}
DOCX_EXTENSIONS = {".docx"}

_CONTROL_BYTES_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WHITESPACE_RE = re.compile(r"\s")
_IMPLAUSIBLE_RE = re.compile(r"[^\w\s.,;:!?()\[\]«»\"'„“”`/\\№%*+=<>#&@|~^$_{}\-–—…°§]")
_SEPARATOR_CELL_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_MARKER_CELL_RE = re.compile(r"^\s*(?:(?:\d{1,2}\.)*\d{1,2}[.)]?|[а-яa-z]\)|[-–—•·▪●])\s*$")
_CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")


class UnreadableDocument(Exception):
    """The file cannot be read as a document; the message is one Russian sentence."""


@dataclass(frozen=True)
class Block:
    """One paragraph line (`cells` is None) or one table row (`cells` holds its cells).

    `table` numbers the tables of a .docx/.html file; text files leave it None
    because a tab-separated row carries no table identity.
    """

    text: str
    cells: tuple[str, ...] | None = None
    table: int | None = None

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def paragraph(text: str) -> Block:
    return Block(text=text)


def row(cells: list[str] | tuple[str, ...], table: int | None = None) -> Block:
    cells = tuple(cells)
    return Block(text="\t".join(cells), cells=cells, table=table)


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

        return read_docx(data)
    if ext in HTML_EXTENSIONS:
        from tracker.parsing.html_reader import read_html

        return read_html(decode_text(data))
    if ext in TEXT_EXTENSIONS:
        return text_blocks(decode_text(data))
    raise UnreadableDocument(
        f"Формат «{ext or filename}» не поддерживается: загрузите .txt, .md, .docx или .html."
    )


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or a Cyrillic 8-bit code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"))
    sample = data[:100_000]
    if b"\x00" in sample or len(_CONTROL_BYTES_RE.findall(sample)) > max(2, len(sample) // 200):
        raise UnreadableDocument("Файл не похож на текстовый документ: в нём двоичные данные.")
    try:
        return _checked(data.decode("utf-8-sig"))
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


def _checked(text: str) -> str:
    """Reject decoded text that is mostly control characters or symbol soup."""
    sample = text[:100_000]
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 200):
        raise UnreadableDocument("Файл не похож на текстовый документ: в нём двоичные данные.")
    visible = len(sample) - len(_WHITESPACE_RE.findall(sample))
    if not visible:
        raise UnreadableDocument("Файл пуст.")
    if len(_IMPLAUSIBLE_RE.findall(sample)) / visible > 0.15:
        raise UnreadableDocument(
            "Не удалось прочитать текст: он не похож на текст ни в одной кодировке."
        )
    return text


def text_blocks(text: str) -> list[Block]:
    """Lines of a plain-text export: tab-separated or |pipe| lines are table rows."""
    blocks: list[Block] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = _row_cells(line)
        if cells is not None and len(cells) == 2 and _MARKER_CELL_RE.match(cells[0]):
            blocks.append(paragraph(f"{cells[0].strip()} {cells[1].strip()}"))
        elif cells is not None:
            if not all(_SEPARATOR_CELL_RE.match(c) or not c.strip() for c in cells):
                blocks.append(row([c.strip() for c in cells]))
        elif line.strip():
            blocks.append(paragraph(line.strip()))
    return blocks


def _row_cells(line: str) -> list[str] | None:
    """A line is a row when a tab separates text, or when it starts with two or more
    tabs (a continuation row whose first cells are empty); one leading tab is an indent."""
    if line.strip() and ("\t" in line.lstrip("\t") or line.startswith("\t\t")):
        return line.split("\t")
    stripped = line.strip()
    if len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|"):
        return stripped[1:-1].split("|")
    return None
