"""Bad files reach the wizard: one clear Russian sentence each, and nothing is written."""

import io
import random
import zipfile

import pytest
from sqlalchemy import func, select

from tests.documents.wizard_helpers import SEED_004, upload
from tests.parsing.test_reader_limits import docx_cell, docx_table, lying_docx
from tracker.documents.models import Document, ImportDraft


def _zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml inflates from kilobytes to 5 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (5 * 1024 * 1024))
    return buffer.getvalue()


GARBAGE = random.Random(7).randbytes(4000)
CASES = [
    ("empty", b"", "empty.txt", "Файл пуст."),
    (
        "garbage",
        GARBAGE,
        "garbage.txt",
        "Файл не похож на текстовый документ: в нём двоичные данные.",
    ),
    (
        "renamed",
        SEED_004.read_bytes(),
        "roadmap.docx",
        "Файл не является документом Word (.docx): это не zip-архив.",
    ),
    (
        "zip bomb",
        _zip_bomb(),
        "bomb.docx",
        "Архив .docx распаковывается в слишком большой объём; файл отклонён.",
    ),
    (
        "encoding",
        b"\x98" * 50 + "Привет мир".encode()[:-1],
        "cp.txt",
        "Не удалось определить кодировку текста (ожидается UTF-8 или cp1251).",
    ),
    (
        "no columns",
        (
            "Дорожная карта на 2021-2023 годы\n№ п/п\tАльфа\tБета\tГамма\n"
            "1.1\tкрасный\tзелёный\tсиний\n"
        ).encode(),
        "table.txt",
        (
            "В таблице не найдены столбцы «Мероприятие», «Срок», «Ответственный»: пункты из неё не "
            "выделены, проверьте документ."
        ),
    ),
    (
        "extension",
        b"%PDF-1.4 ...",
        "scan.pdf",
        "Формат «.pdf» не поддерживается: загрузите .txt, .md, .docx или .html.",
    ),
]


def _nothing_written(db) -> bool:
    return all(
        db.session.scalar(select(func.count()).select_from(model)) == 0
        for model in (Document, ImportDraft)
    )


@pytest.mark.parametrize(
    "data, filename, sentence", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_file_gets_one_sentence(db, nogliki, login, data, filename, sentence):
    client = login(nogliki["secretary"])
    response = upload(client, data, filename, nogliki["dept"].id)
    assert response.status_code == 422
    assert sentence in response.get_data(as_text=True)
    assert _nothing_written(db)


def test_oversize_file_gets_a_russian_page(app, db, nogliki, login):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    client = login(nogliki["secretary"])
    response = upload(client, SEED_004.read_bytes(), "004.txt", nogliki["dept"].id)
    assert response.status_code == 413
    assert "Файл слишком большой: можно загрузить не более" in response.get_data(as_text=True)
    assert _nothing_written(db)


def test_nothing_submitted(db, nogliki, login):
    client = login(nogliki["secretary"])
    response = client.post(
        "/documents/import", data={"text": " ", "issuer": str(nogliki["dept"].id)}
    )
    assert response.status_code == 422
    assert "Выберите файл или вставьте текст документа." in response.get_data(as_text=True)
    assert _nothing_written(db)


# A hostile attribute is read as harmless (the span clamped, or 1), so these two documents
# go through the whole parser and end as any table without items does. Every file stays under
# 500 KB: werkzeug's test client spools a bigger body to a temporary file it never closes.
NO_ITEMS = (
    "В документе не найдено ни одного пункта: он не распознан как дорожная карта, протокол, "
    "резолюция или приказ."
)
HOSTILE = [
    (
        "html nested 40 000 deep",
        b"<div>" * 40_000 + b"x" + b"</div>" * 40_000,
        "deep.html",
        "Документ HTML вложен слишком глубоко (больше 100 уровней тегов); файл отклонён.",
    ),
    (
        "colspan of fifty million",
        b'<table><tr><td colspan="50000000">x</td></tr></table>',
        "span.html",
        NO_ITEMS,
    ),
    (
        "gridSpan that is not a number",
        docx_table([docx_cell("x", "x") + docx_cell("y")]),
        "span.docx",
        NO_ITEMS,
    ),
    (
        "zip claiming 1 KiB that inflates to 256 MiB",
        lying_docx(256 * 1024**2, 1024),
        "bomb.docx",
        "Архив .docx распаковывается в слишком большой объём; файл отклонён.",
    ),
]


@pytest.mark.parametrize(
    "data, filename, sentence", [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE]
)
def test_hostile_file_gets_one_sentence_not_a_server_error(
    db, nogliki, login, data, filename, sentence
):
    client = login(nogliki["secretary"])
    response = upload(client, data, filename, nogliki["dept"].id)
    assert response.status_code == 422
    assert sentence in response.get_data(as_text=True)
    assert _nothing_written(db)
