"""Hostile input meets the readers' limits: spans are clamped, and what cannot be read in
bounded time and memory is refused with one Russian sentence."""

from __future__ import annotations

import io
import random
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tracker.parsing.docx_reader import MAX_XML_TAGS
from tracker.parsing.html_reader import MAX_DEPTH, MAX_TAGS
from tracker.parsing.limits import MAX_CELLS, MAX_COLUMNS
from tracker.parsing.readers import UnreadableDocument, decode_text, read_blocks

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)

DEEP = "Документ HTML вложен слишком глубоко (больше 100 уровней тегов); файл отклонён."
TOO_MANY_TAGS = (
    "Документ HTML слишком велик для разбора (больше 100\u00a0000 тегов); файл отклонён."
)
TOO_MANY_CELLS = "Таблицы документа слишком велики (больше 200\u00a0000 ячеек); файл отклонён."
BOMB = "Архив .docx распаковывается в слишком большой объём; файл отклонён."
CORRUPT = "Файл .docx повреждён и не открывается."
TOO_COMPLEX = (
    "Документ .docx слишком велик для разбора (больше миллиона элементов разметки); файл отклонён."
)


# --- builders --------------------------------------------------------------------------------


def docx_package(
    body: str, extra: dict[str, bytes] | None = None, method: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """The smallest package python-docx opens: `body` is the XML inside <w:body>; `extra`
    parts are stored as they are."""
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    return _package(document, method, extra or {})


def _package(document: str | bytes, method: int, extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document, compress_type=method)
        for name, content in extra.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def docx_cell(text: str, span: str | None = None) -> str:
    grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span is not None else ""
    return f"<w:tc>{grid}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def docx_table(rows: list[str]) -> bytes:
    return docx_package("<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>")


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size (and mark it deflated) in its local header and
    in the central directory, as a hostile tool would; its bytes stay as they are."""
    out = bytearray(data)
    local = _member(data, name).header_offset
    central = out.rfind(name.encode()) - 46  # the directory comes last, so its copy of the name
    for header, method_at, size_at in ((local, 8, 22), (central, 10, 24)):
        struct.pack_into("<H", out, header + method_at, zipfile.ZIP_DEFLATED)
        struct.pack_into("<I", out, header + size_at, size)
    return bytes(out)


def lying_docx(inflated: int, claimed: int) -> bytes:
    """A .docx whose document.xml inflates to `inflated` bytes of spaces while its headers
    claim `claimed`. Each MiB is one deflate block flushed apart from the others, so the
    block repeats and a gigabyte costs a megabyte and no time to build."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * MIB) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (inflated // MIB) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    package = _package(stream, zipfile.ZIP_STORED, {})
    return lie_about_size(package, "word/document.xml", claimed)


def understated_docx() -> bytes:
    """A valid deflated document.xml whose headers say it is half its real size."""
    package = docx_package(f"<w:p><w:r><w:t>{'а' * 2000}</w:t></w:r></w:p>")
    size = _member(package, "word/document.xml").file_size
    return lie_about_size(package, "word/document.xml", size // 2)


def _member(data: bytes, name: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.getinfo(name)


def cells_of(data: bytes, filename: str) -> list[tuple[str, ...]]:
    return [block.cells for block in read_blocks(data, filename) if block.is_row]


# --- spans are clamped, the document still reads ---------------------------------------------

SPANS = [
    ("50000000", MAX_COLUMNS),
    ("x", 1),
    ("-4", 1),
    ("0", 1),
    ("", 1),
    ("3", 3),
    ("9" * 5000, 1),  # past Python's limit on digits in int(): read as no number
]


@pytest.mark.parametrize("span, width", SPANS, ids=[s[:12] or "empty" for s, _ in SPANS])
def test_html_colspan_is_clamped(span, width):
    html = f'<table><tr><td colspan="{span}">а</td><td>б</td></tr></table>'
    assert cells_of(html.encode(), "t.html") == [("а", *[""] * (width - 1), "б")]


@pytest.mark.parametrize("span, width", SPANS, ids=[s[:12] or "empty" for s, _ in SPANS])
def test_docx_grid_span_is_clamped(span, width):
    data = docx_table([docx_cell("а", span) + docx_cell("б")])
    assert cells_of(data, "t.docx") == [("а", *[""] * (width - 1), "б")]


def test_a_span_never_stretches_a_row_past_the_column_limit():
    cells = "".join(f"<td>{n}</td>" for n in range(MAX_COLUMNS - 2))
    html = f'<table><tr>{cells}<td colspan="10">край</td></tr></table>'
    assert len(cells_of(html.encode(), "t.html")[0]) == MAX_COLUMNS


def test_ol_start_that_is_not_a_number_counts_from_one():
    html = '<ol start="x"><li>Первый</li><li>Второй</li></ol>'
    assert [b.text for b in read_blocks(html.encode(), "l.html")] == ["1. Первый", "2. Второй"]


# --- Word numbering with hostile attributes --------------------------------------------------

_HOSTILE_LIST = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="x"><w:start w:val="y"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="999999999999"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>"""
_HOSTILE_NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered_docx(levels: list[str]) -> bytes:
    document = Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(_HOSTILE_LIST))
    numbering.append(parse_xml(_HOSTILE_NUM))
    for n, level in enumerate(levels, 1):
        p = document.add_paragraph(f"Пункт {n}")._p
        p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_numbering_with_hostile_attributes_still_reads():
    """ilvl "x" is level 0, a start of "y" is 1, a start past Word's 32767 is clamped and
    printed in digits (no Roman numeral that long), and ilvl "99" is Word's last level."""
    data = _numbered_docx(["x", "1", "99"])
    assert [b.text for b in read_blocks(data, "n.docx")] == [
        "1. Пункт 1",
        "32767) Пункт 2",
        "1. Пункт 3",
    ]


# --- what is refused -------------------------------------------------------------------------


def _tag_flood_docx() -> bytes:
    """A million empty paragraphs, padded with incompressible bytes so the ratio allows them."""
    padding = random.Random(7).randbytes(100 * KIB)
    return docx_package("<w:p/>" * (MAX_XML_TAGS + 1), {"word/media/image1.png": padding})


REFUSED = [
    ("nested 50 000 deep", b"<div>" * 50_000 + b"x" + b"</div>" * 50_000, "d.html", DEEP),
    ("lists nested 2 000 deep", b"<ol><li>a" * 2_000, "l.html", DEEP),
    ("one level too deep", b"<b>" * (MAX_DEPTH + 1) + b"x", "b.html", DEEP),
    ("a flood of tags", b"<br>" * (MAX_TAGS + 1), "f.html", TOO_MANY_TAGS),
    (
        "html table past the cell limit",
        b"<table>"
        + b'<tr><td colspan="64">x</td></tr>' * (MAX_CELLS // MAX_COLUMNS + 1)
        + b"</table>",
        "t.html",
        TOO_MANY_CELLS,
    ),
    (
        "docx table past the cell limit",
        docx_table([docx_cell("x", str(MAX_COLUMNS))] * (MAX_CELLS // MAX_COLUMNS + 1)),
        "t.docx",
        TOO_MANY_CELLS,
    ),
    ("zip claiming 1 KiB that inflates to 1 GiB", lying_docx(GIB, KIB), "b.docx", BOMB),
    ("zip that understates a member", understated_docx(), "u.docx", CORRUPT),
    ("bzip2 member", docx_package("<w:p/>", method=zipfile.ZIP_BZIP2), "z.docx", CORRUPT),
    ("a flood of XML tags", _tag_flood_docx(), "x.docx", TOO_COMPLEX),
]


@pytest.mark.parametrize(
    "data, filename, sentence", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_hostile_input_is_refused_in_one_sentence(data, filename, sentence):
    with pytest.raises(UnreadableDocument) as refusal:
        read_blocks(data, filename)
    assert str(refusal.value) == sentence


def test_html_at_the_depth_limit_still_reads():
    html = b"<b>" * MAX_DEPTH + b"x"
    assert [b.text for b in read_blocks(html, "b.html")] == ["x"]


def test_lying_zip_bomb_is_refused_in_small_memory():
    """Before the check counted inflated bytes, this megabyte took 6 s and 2 GB."""
    data = lying_docx(GIB, KIB)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableDocument, match="слишком большой объём"):
            read_blocks(data, "bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MIB


# --- decoding: box drawing in Unicode text, and nothing else changes -------------------------

BOX_TABLE = """План мероприятий
┌────┬─────────────────────┬───────────────┐
│ №  │ Мероприятие         │ Срок          │
╞════╪═════════════════════╪═══════════════╡
│ 1  │ Провести совещание  │ до 01.06.2024 │
│ 2  │ Подготовить отчёт   │ ежеквартально │
└────┴─────────────────────┴───────────────┘
▀▄█▌▐░▒▓
"""
PLAIN_TABLE = "План мероприятий\n№\tМероприятие\tСрок\n1\tПровести совещание\tдо 01.06.2024\n"

DECODED = [
    ("utf-8 box drawing", BOX_TABLE.encode("utf-8"), BOX_TABLE),
    ("utf-8-bom box drawing", b"\xef\xbb\xbf" + BOX_TABLE.encode("utf-8"), BOX_TABLE),
    ("utf-16 box drawing", BOX_TABLE.encode("utf-16"), BOX_TABLE),
    ("cp1251 without box drawing", PLAIN_TABLE.encode("cp1251"), PLAIN_TABLE),
]


@pytest.mark.parametrize("data, text", [c[1:] for c in DECODED], ids=[c[0] for c in DECODED])
def test_decoding(data, text):
    assert decode_text(data) == text


NOT_TEXT = [
    ("binary junk", random.Random(7).randbytes(4000), "двоичные данные"),
    ("high bytes of no code page", bytes(range(0x80, 0x100)) * 20, "кодировк"),
]


@pytest.mark.parametrize("data, fragment", [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT])
def test_junk_is_still_refused(data, fragment):
    with pytest.raises(UnreadableDocument, match=fragment):
        decode_text(data)
