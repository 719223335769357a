"""Read .docx files: paragraphs with Word's list numbering, tables with merged cells.

The archive is checked before python-docx touches it: a renamed file is refused, and every
member is inflated in chunks and counted, so a zip bomb is refused without being held in
memory even when its directory lies about the sizes.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from dataclasses import dataclass

from docx import Document
from docx.oxml.ns import qn

from tracker.parsing.docx_numbering import Numbering
from tracker.parsing.limits import CellBudget, span_width
from tracker.parsing.readers import Block, UnreadableDocument, paragraph, row

MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100
# Below this an archive may inflate at any ratio: a short document of repetitive XML
# compresses a hundredfold and is harmless.
SMALL_UNZIPPED = 1024 * 1024
# Inflating this much at a time keeps the check's own memory small whatever a member holds.
CHUNK = 64 * 1024
# "<" counted while inflating: a Word page takes one to three thousand, so this is several
# hundred pages. python-docx and the walk below spend ~5 µs and ~130 bytes per tag, and
# 50 MB of "<w:p/>" (7.8 million tags) took 40 s and 1 GB. Every member is counted, since
# the package, not the file name, says which parts are XML; an image adds one per 256 bytes.
MAX_XML_TAGS = 1_000_000

# Word stores or deflates every part; bzip2 and lzma would inflate a whole chunk at once
# (zipfile gives them no output limit), and Word never encrypts single members.
_WORD_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ENCRYPTED = 0x1
_BOMB = "Архив .docx распаковывается в слишком большой объём; файл отклонён."
_CORRUPT = "Файл .docx повреждён и не открывается."
_TOO_COMPLEX = (
    "Документ .docx слишком велик для разбора (больше миллиона элементов разметки); файл отклонён."
)


def read_docx(data: bytes) -> list[Block]:
    check_archive(data)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise UnreadableDocument(_CORRUPT) from exc
    numbering = Numbering.from_document(document)
    return list(_body_blocks(document.element.body, numbering, CellBudget()))


def check_archive(data: bytes) -> None:
    """Refuse non-zip files, zips without word/document.xml, and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(
            "Файл не является документом Word (.docx): это не zip-архив."
        ) from exc
    with archive:
        infos = archive.infolist()
        if "word/document.xml" not in {info.filename for info in infos}:
            raise UnreadableDocument(
                "Файл не является документом Word (.docx): нет word/document.xml."
            )
        budget = _Budget(inflation_budget(len(data)))
        for info in infos:
            _inflate(archive, info, budget)


def inflation_budget(packed: int) -> int:
    """Bytes an archive of `packed` bytes may inflate to: never past MAX_UNZIPPED, and past
    SMALL_UNZIPPED no more than MAX_RATIO times the file itself."""
    return min(MAX_UNZIPPED, max(SMALL_UNZIPPED, MAX_RATIO * packed))


@dataclass
class _Budget:
    """What the archive may still inflate to: bytes, and tags for python-docx to build."""

    bytes_left: int
    tags_left: int = MAX_XML_TAGS

    def spend(self, chunk: bytes) -> None:
        self.bytes_left -= len(chunk)
        if self.bytes_left < 0:
            raise UnreadableDocument(_BOMB)
        self.tags_left -= chunk.count(b"<")
        if self.tags_left < 0:
            raise UnreadableDocument(_TOO_COMPLEX)


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> None:
    """Inflate one member in chunks and count what comes out against the budget.

    zipfile stops a member at the size the directory declares, but python-docx's
    `ZipFile.read` inflates the whole stream in one call before cutting it there, so the
    member is opened as if it declared more than the budget and must end exactly at its
    declared size: then python-docx inflates no more than was counted here.
    """
    if info.compress_type not in _WORD_COMPRESSION or info.flag_bits & _ENCRYPTED:
        raise UnreadableDocument(_CORRUPT)
    probe = copy.copy(info)
    # zipfile may inflate a chunk ahead of what read() returned; with this much room it
    # never reaches the declared end (and checks the CRC) before the budget is passed.
    probe.file_size = budget.bytes_left + 2 * CHUNK
    size = 0
    try:
        with archive.open(probe) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                budget.spend(chunk)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as exc:
        raise UnreadableDocument(_CORRUPT) from exc
    if size != info.file_size:
        raise UnreadableDocument(_CORRUPT)


def _body_blocks(body, numbering: Numbering, budget: CellBudget):
    table_index = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = _paragraph_text(child, numbering)
            for line in text.split("\n"):
                if line.strip():
                    yield paragraph(line.strip())
        elif child.tag == qn("w:tbl"):
            yield from _table_rows(child, table_index, numbering, budget)
            table_index += 1
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content, numbering, budget)


def _paragraph_text(p, numbering: Numbering, *, bare_label: bool = False) -> str:
    """The paragraph's text after its list label; with `bare_label`, the label alone when
    the paragraph is empty (a table's № column numbered by Word: "1.", "2.")."""
    text = "".join(_run_texts(p))
    label = numbering.label(p)
    if label and (text.strip() or bare_label):
        return f"{label} {text.strip()}".strip()
    return text


def _run_texts(p):
    """Text of runs, hyperlinks included; tabs and breaks kept as whitespace."""
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            yield node.text or ""
        elif node.tag == qn("w:tab"):
            yield " "
        else:
            yield "\n"


def _table_rows(tbl, table_index: int, numbering: Numbering, budget: CellBudget):
    """Rows on the table grid: a horizontally merged cell gives its text once and empty
    cells after it; a vertically merged cell repeats the text of the cell above."""
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(qn("w:tr")):
        cells: list[str] = []
        for tc in tr.iterchildren(qn("w:tc")):
            span, merge = _cell_geometry(tc)
            column = len(cells)
            text = above.get(column, "") if merge == "continue" else _cell_text(tc, numbering)
            cells.append(text)
            cells.extend([""] * (span_width(span, column) - 1))
            above[column] = text
        budget.spend(len(cells))
        if any(c.strip() for c in cells):
            yield row(cells, table_index)


def _cell_geometry(tc) -> tuple[str | None, str | None]:
    """The cell's gridSpan as written (span_width reads it) and its vMerge state."""
    tc_pr = tc.find(qn("w:tcPr"))
    if tc_pr is None:
        return None, None
    span_el = tc_pr.find(qn("w:gridSpan"))
    span = span_el.get(qn("w:val")) if span_el is not None else None
    merge_el = tc_pr.find(qn("w:vMerge"))
    merge = None
    if merge_el is not None:
        merge = "restart" if merge_el.get(qn("w:val")) == "restart" else "continue"
    return span, merge


def _cell_text(tc, numbering: Numbering) -> str:
    lines = []
    for p in tc.iter(qn("w:p")):
        text = _paragraph_text(p, numbering, bare_label=True).strip()
        if text:
            lines.append(text)
    return "\n".join(lines)
