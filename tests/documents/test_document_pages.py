"""The documents list, a document's page, its original file, and who may see them."""

import re
from datetime import date
from urllib.parse import quote

import pytest

from tests.documents.wizard_helpers import SEED_004, draft_id_of, form_fields, submit, upload
from tracker.extensions import db as _db


@pytest.fixture
def documents(db, make, nogliki):
    """A: Дискулцу's item and a school's; B: Боброва's only."""
    people, school = nogliki["people"], nogliki["schools"][0]
    a = make.document("Дорожная карта по профориентации", number="12", issued_on=date(2021, 1, 15))
    b = make.document("Протокол совещания", kind="protocol", issued_on=date(2022, 1, 28))
    item_a = make.item(a, text="Разработать положение")
    make.item(a, text="Информацию принять к сведению", is_actionable=False)
    make.occurrence(people["diskultsu"], item=item_a, due_on=date(2022, 2, 1))
    make.occurrence(None, org=school, item=item_a, due_on=date(2022, 3, 1))
    make.occurrence(people["diskultsu"], item=item_a, due_on=date(2021, 3, 1), state="done")
    make.occurrence(people["bobrova"], item=make.item(b), due_on=date(2022, 3, 1))
    users = {
        "diskultsu": make.user(people["diskultsu"]),
        "bobrova": make.user(people["bobrova"]),
        "director": make.user(nogliki["directors"][0], roles=("head", "executor")),
        "department head": make.user(people["renkevich"], roles=("head",)),
        "controller": make.user(None, roles=("controller",)),
        "nobody": make.user(None),
    }
    db.session.commit()
    return a, b, users


def _row(html: str, title: str) -> list[str]:
    row = re.search(
        r"<tr>\s*<td>[^<]*</td>\s*<td><a[^>]*>" + re.escape(title) + r".*?</tr>", html, re.DOTALL
    ).group(0)
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
    ]


def test_list_counts_items_open_and_overdue(documents, login):
    a, b, users = documents
    html = login(users["controller"]).get("/documents/").get_data(as_text=True)
    assert _row(html, a.title) == ["Дорожная карта", a.title, "12", "15.01.2021", "2", "2", "1"]
    assert _row(html, b.title) == ["Протокол", b.title, "—", "28.01.2022", "1", "1", "0"]


@pytest.mark.parametrize(
    "who, sees_a, sees_b",
    [
        ("controller", True, True),
        ("department head", True, True),
        ("director", True, False),
        ("diskultsu", True, False),
        ("bobrova", False, True),
        ("nobody", False, False),
    ],
)
def test_who_sees_which_document(documents, client, login, who, sees_a, sees_b):
    a, b, users = documents
    login(users[who])
    listing = client.get("/documents/").get_data(as_text=True)
    for document, sees in ((a, sees_a), (b, sees_b)):
        assert client.get(f"/documents/{document.id}").status_code == (200 if sees else 404)
        assert (f'href="/documents/{document.id}"' in listing) is sees


def test_document_page_shows_items_owners_and_problems(documents, login):
    a, _b, users = documents
    html = login(users["controller"]).get(f"/documents/{a.id}").get_data(as_text=True)
    assert "Разработать положение" in html and "Дискулцу Л.Ю." in html
    assert "МБОУ СОШ № 1 пгт Ноглики" in html and "не поручение (к сведению)" in html


def test_original_file_downloads_byte_identical(db, nogliki, login, make):
    client = login(nogliki["secretary"])
    data = SEED_004.read_bytes()
    name = "Дорожная карта 2021-2023.txt"
    draft_id = draft_id_of(upload(client, data, name, nogliki["dept"].id))
    html = client.get(f"/documents/import/{draft_id}").get_data(as_text=True)
    document_url = submit(client, draft_id, form_fields(html)).headers["Location"]
    response = client.get(document_url + "/original")
    assert response.status_code == 200 and response.data == data
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name)}" in disposition
    stranger = make.user(make.person("Чужой", "ЧЧ"))
    db.session.commit()
    client.post("/logout")
    login(stranger)
    assert client.get(document_url + "/original").status_code == 404


def test_deadline_preview_needs_the_csrf_header(clock, csrf_app):
    """CSRF is on in production: the JSON endpoint takes its token from a header."""
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        make = Factories(_db.session)
        dept = make.org("Отдел образования", kind="department")
        user = make.user(make.person("Саматова", "СЛ", org=dept), roles=("secretary",))
        _db.session.commit()
        client = app.test_client()
        token = _token(client.get("/login").get_data(as_text=True))
        client.post(
            "/login", data={"login": user.login, "password": "secret-pass", "csrf_token": token}
        )
        page = client.get("/documents/import").get_data(as_text=True)
        response = client.post(
            "/documents/import",
            data={
                "csrf_token": _token(page),
                "issuer": str(dept.id),
                "text": (
                    "ПРИКАЗ № 5 от 10.01.2022\nПРИКАЗЫВАЮ:\n1. Утвердить план. Срок: до 01.03.2022."
                ),
            },
        )
        draft_id = draft_id_of(response)
        preview = client.get(f"/documents/import/{draft_id}").get_data(as_text=True)
        meta = re.search(r'name="csrf-token" content="([^"]+)"', preview).group(1)
        body = {"draft": draft_id, "raw": "до 01.03.2022"}
        assert client.post("/documents/deadline-preview", json=body).status_code == 400
        answer = client.post(
            "/documents/deadline-preview", json=body, headers={"X-CSRFToken": meta}
        )
        assert answer.status_code == 200 and answer.get_json()["due"] == "2022-03-01"
        _db.session.remove()
        _db.drop_all()


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
