"""Read .docx files: paragraphs with Word's list numbering, tables with merged cells.

The zip directory is checked before python-docx touches the archive, so a renamed
file or a zip bomb is refused without being decompressed.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.oxml.ns import qn

from tracker.parsing.docx_numbering import Numbering
from tracker.parsing.readers import Block, UnreadableDocument, paragraph, row

MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100


def read_docx(data: bytes) -> list[Block]:
    check_archive(data)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise UnreadableDocument("Файл .docx повреждён и не открывается.") from exc
    numbering = Numbering.from_document(document)
    return list(_body_blocks(document.element.body, numbering))


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
        total = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if total > MAX_UNZIPPED or (total > 1024 * 1024 and total / packed > MAX_RATIO):
            raise UnreadableDocument(
                "Архив .docx распаковывается в слишком большой объём; файл отклонён."
            )


def _body_blocks(body, numbering: Numbering):
    table_index = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = _paragraph_text(child, numbering)
            for line in text.split("\n"):
                if line.strip():
                    yield paragraph(line.strip())
        elif child.tag == qn("w:tbl"):
            yield from _table_rows(child, table_index, numbering)
            table_index += 1
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content, numbering)


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


def _table_rows(tbl, table_index: int, numbering: Numbering):
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
            cells.extend([""] * (span - 1))
            above[column] = text
        if any(c.strip() for c in cells):
            yield row(cells, table_index)


def _cell_geometry(tc) -> tuple[int, str | None]:
    tc_pr = tc.find(qn("w:tcPr"))
    if tc_pr is None:
        return 1, None
    span_el = tc_pr.find(qn("w:gridSpan"))
    span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
    merge_el = tc_pr.find(qn("w:vMerge"))
    merge = None
    if merge_el is not None:
        merge = "restart" if merge_el.get(qn("w:val")) == "restart" else "continue"
    return max(span, 1), merge


def _cell_text(tc, numbering: Numbering) -> str:
    lines = []
    for p in tc.iter(qn("w:p")):
        text = _paragraph_text(p, numbering, bare_label=True).strip()
        if text:
            lines.append(text)
    return "\n".join(lines)
