"""Reading bytes into blocks, and refusing what cannot be read."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from tracker.parsing.readers import UnreadableDocument, read_blocks

RUSSIAN = "ПРОТОКОЛ № 1\nРешили:\n1. Провести совещание.\n"


def texts(blocks):
    return [b.text for b in blocks if not b.is_row]


@pytest.mark.parametrize(
    "data",
    [
        RUSSIAN.encode("utf-8"),
        b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"),
        RUSSIAN.encode("cp1251"),
        RUSSIAN.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1251", "utf-16-bom"],
)
def test_text_encodings(data):
    assert texts(read_blocks(data, "doc.txt")) == [
        "ПРОТОКОЛ № 1",
        "Решили:",
        "1. Провести совещание.",
    ]


def test_longer_cp1251_text_is_detected():
    text = "Дорожная карта по развитию муниципальной системы образования.\n" * 40
    assert texts(read_blocks(text.encode("cp1251"), "doc.md"))[0].startswith("Дорожная карта")


def test_tab_rows_and_numbered_tab_lines():
    data = "№\tМероприятие\tСрок\n1.1\tСовещание\tМай 2021\n1.\tТекст пункта\n\t\t\tрезультат\n"
    blocks = read_blocks(data.encode(), "plan.txt")
    assert blocks[0].cells == ("№", "Мероприятие", "Срок")
    assert blocks[1].cells == ("1.1", "Совещание", "Май 2021")
    assert not blocks[2].is_row and blocks[2].text == "1. Текст пункта"
    assert blocks[3].cells == ("", "", "", "результат")


def test_markdown_separator_rows_are_dropped():
    data = "| № | Мероприятие | Срок |\n|---|---|---|\n| 1 | Совещание | Май 2021 |\n"
    blocks = read_blocks(data.encode(), "plan.md")
    assert [b.cells for b in blocks] == [
        ("№", "Мероприятие", "Срок"),
        ("1", "Совещание", "Май 2021"),
    ]


def test_html_paragraphs_lists_and_tables():
    html = """<html><body><p>ПРОТОКОЛ № 2</p><p>Решили:</p>
    <ol><li>Провести <b>совещание</b>.</li><li>Подготовить отчёт.</li></ol>
    <table><tr><th>№</th><th colspan="2">Мероприятие</th></tr>
    <tr><td>1</td><td><p>Совещание</p></td><td>Май</td></tr></table></body></html>"""
    blocks = read_blocks(html.encode("utf-8"), "doc.html")
    assert texts(blocks) == [
        "ПРОТОКОЛ № 2",
        "Решили:",
        "1. Провести совещание.",
        "2. Подготовить отчёт.",
    ]
    rows = [b.cells for b in blocks if b.is_row]
    assert rows[0] == ("№", "Мероприятие", "")
    assert rows[1] == ("1", "Совещание", "Май")


def test_docx_roadmap_table_with_merged_cells(roadmap_docx):
    rows = [b.cells for b in read_blocks(roadmap_docx, "plan.docx") if b.is_row]
    assert rows[1] == ("I. Мониторинг", "", "", "", "")
    assert rows[2][3] == "Иванова А.А." and rows[3][3] == "Иванова А.А."
    assert rows[4] == ("", "продолжение текста отчёта", "", "", "")


def test_docx_list_numbering_is_recovered(protocol_docx):
    lines = texts(read_blocks(protocol_docx, "protocol.docx"))
    assert "1. Информацию принять к сведению." in lines
    assert any(line.startswith("2. Руководителям") for line in lines)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BAD_INPUTS = {
    "empty": (b"", "doc.txt", "пуст"),
    "blank": (b"  \n\t\n", "doc.txt", "пуст"),
    "binary garbage": (random.Random(7).randbytes(4000), "doc.txt", "двоичные"),
    "undecodable": (bytes(range(0x80, 0x100)) * 20, "doc.txt", "кодировк"),
    "renamed .docx": (RUSSIAN.encode(), "doc.docx", "не zip"),
    "zip without document.xml": (_zip({"readme.txt": b"hello"}), "doc.docx", "word/document.xml"),
    "zip bomb": (
        _zip({"word/document.xml": b"\0" * (60 * 1024 * 1024)}),
        "doc.docx",
        "слишком большой",
    ),
    "high-ratio zip": (
        _zip({"word/document.xml": b"a" * (5 * 1024 * 1024)}),
        "doc.docx",
        "слишком большой",
    ),
    "unsupported extension": (b"%PDF-1.4 ...", "doc.pdf", "не поддерживается"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_inputs_raise_one_russian_sentence(name):
    data, filename, fragment = BAD_INPUTS[name]
    with pytest.raises(UnreadableDocument) as error:
        read_blocks(data, filename)
    message = str(error.value)
    assert fragment in message
    assert "\n" not in message and message.endswith(".")


def test_oversize_input_is_refused_before_reading():
    with pytest.raises(UnreadableDocument, match="слишком большой"):
        read_blocks(RUSSIAN.encode() * 100, "doc.txt", max_bytes=1000)


def test_corrupt_docx_with_document_xml():
    data = _zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"})
    with pytest.raises(UnreadableDocument):
        read_blocks(data, "doc.docx")
