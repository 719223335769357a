"""The import wizard end to end: upload, review and edit, confirm into one transaction."""

from datetime import date, timedelta

from sqlalchemy import func, select

from tests.documents.wizard_helpers import (
    SEED_004,
    draft_id_of,
    form_fields,
    item_index,
    owner_index,
    submit,
    upload,
)
from tracker.assignments.models import Assignment, Occurrence
from tracker.documents.models import Document, ImportDraft, Item
from tracker.notifications.models import MailBatch
from tracker.people.models import Person


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _start(client, nogliki, data=None, filename="004.txt"):
    """Upload the seed; (draft id, preview html)."""
    draft_id = draft_id_of(
        upload(client, data or SEED_004.read_bytes(), filename, nogliki["dept"].id)
    )
    page = client.get(f"/documents/import/{draft_id}")
    assert page.status_code == 200
    return draft_id, page.get_data(as_text=True)


def _item(db, number: str) -> Item:
    return db.session.scalars(select(Item).where(Item.number == number)).one()


def _occurrences(db, number: str, person: Person | None = None) -> list[Occurrence]:
    stmt = select(Occurrence).join(Assignment).join(Item).where(Item.number == number)
    if person is not None:
        stmt = stmt.where(Occurrence.person_id == person.id)
    return list(db.session.scalars(stmt.order_by(Occurrence.due_on)))


def test_happy_path_creates_items_assignments_and_occurrences(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    assert "Разработка и утверждение дорожной карты" in html
    assert "Январь 2021" in html and "29.01.2021 (перенос с 31.01.2021)" in html
    response = submit(client, draft_id, form_fields(html))
    assert response.status_code == 302
    document = db.session.scalars(select(Document)).one()
    assert response.headers["Location"].endswith(f"/documents/{document.id}")
    assert document.kind == "roadmap" and document.issuer_id == nogliki["dept"].id
    assert _count(db, Item) == 17
    assert _count(db, ImportDraft) == 0
    people = nogliki["people"]
    first = _occurrences(db, "1.1", people["diskultsu"])
    assert [o.due_on for o in first] == [date(2021, 1, 29)]  # Sunday 31.01 → Friday
    assert {o.organisation_id for o in _occurrences(db, "1.1")} >= {nogliki["imc"].id}
    school_ids = {s.id for s in nogliki["schools"]}
    fanned = db.session.scalars(
        select(Assignment.organisation_id)
        .join(Item)
        .where(Item.number == "3.1", Assignment.person_id.is_(None))
    ).all()
    assert school_ids <= set(fanned)
    assert len(_occurrences(db, "3.1", None)) == 3 * (len(school_ids) + 2)  # yearly × owners
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Документ импортирован" in page
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(MailBatch)
            .where(MailBatch.person_id == people["diskultsu"].id)
        )
        == 1
    )


def test_same_file_again_is_refused_with_a_link(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    submit(client, draft_id, form_fields(html))
    document = db.session.scalars(select(Document)).one()
    again = upload(client, SEED_004.read_bytes(), "копия.txt", nogliki["dept"].id)
    body = again.get_data(as_text=True)
    assert again.status_code == 409
    assert "Этот файл уже импортирован." in body
    assert f'href="/documents/{document.id}"' in body
    assert _count(db, ImportDraft) == 0 and _count(db, Document) == 1


def test_edited_deadline_and_stage_change_what_is_created(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    index = item_index(html, "1.2")
    fields = form_fields(html)
    assert fields[f"items-{index}-deadline"] == "Май 2021"
    fields[f"items-{index}-deadline"] = "до 14.03.2021"  # a Sunday
    fields[f"items-{index}-stage"] = "monitoring"
    saved = submit(client, draft_id, fields, button="save", follow=True)
    assert "12.03.2021 (перенос с 14.03.2021)" in saved.get_data(as_text=True)
    submit(client, draft_id, form_fields(saved.get_data(as_text=True)))
    item = _item(db, "1.2")
    assert item.stage == "monitoring" and item.deadline_raw == "до 14.03.2021"
    dues = {o.due_on for o in _occurrences(db, "1.2")}
    assert dues == {date(2021, 3, 12)}
    assert {o.stage for o in _occurrences(db, "1.2")} == {"monitoring"}


def test_deadline_preview_reads_the_phrase_as_typed(db, nogliki, login, make):
    client = login(nogliki["secretary"])
    draft_id, _html = _start(client, nogliki)
    answer = client.post(
        "/documents/deadline-preview", json={"draft": draft_id, "raw": "Январь 2021"}
    ).get_json()
    assert answer["kind"] == "date" and answer["due"] == "2021-01-31"
    assert answer["reading"] == "до 29.01.2021 (перенос с 31.01.2021)"
    unknown = client.post(
        "/documents/deadline-preview", json={"draft": draft_id, "raw": "20.02.200"}
    ).get_json()
    assert unknown["kind"] == "unknown" and unknown["problems"]


def test_person_created_in_place_owns_the_assignment(db, nogliki, login):
    db.session.delete(nogliki["people"]["bobrova"])
    db.session.commit()
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    index = item_index(html, "2.1")
    owner = owner_index(html, index, "Боброва Л.В.")
    assert "не найден в справочнике" in html
    fields = form_fields(html)
    assert fields[f"items-{index}-owners-{owner}-surname"] == "Боброва"
    prefix = f"items-{index}-owners-{owner}-"
    fields.update(
        {
            prefix + "action": "create",
            prefix + "initials": "ЛВ",
            prefix + "organisation": str(nogliki["dept"].id),
        }
    )
    response = submit(client, draft_id, fields)
    assert response.status_code == 302
    created = db.session.scalars(select(Person).where(Person.surname == "Боброва")).one()
    assert created.initials == "ЛВ" and created.organisation_id == nogliki["dept"].id
    assert [o.person_id for o in _occurrences(db, "2.1")] == [created.id]


def test_owner_linked_to_an_existing_person_or_dropped(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    index = item_index(html, "5.3")  # Ренкевич Л.М.
    owner = owner_index(html, index, "Ренкевич Л.М.")
    fields = form_fields(html)
    prefix = f"items-{index}-owners-{owner}-"
    fields.update(
        {prefix + "action": "person", prefix + "person": str(nogliki["people"]["bobrova"].id)}
    )
    second = item_index(html, "2.1")
    fields[f"items-{second}-owners-0-action"] = "drop"
    fields[f"items-{second}-add_person"] = str(nogliki["people"]["renkevich"].id)
    submit(client, draft_id, fields)
    bobrova, renkevich = nogliki["people"]["bobrova"], nogliki["people"]["renkevich"]
    assert {o.person_id for o in _occurrences(db, "5.3")} == {bobrova.id}
    assert {o.person_id for o in _occurrences(db, "2.1")} == {renkevich.id}


def test_not_an_assignment_creates_no_occurrences(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    index = item_index(html, "1.3")
    fields = form_fields(html)
    fields.pop(f"items-{index}-actionable")
    submit(client, draft_id, fields)
    assert _item(db, "1.3").is_actionable is False
    assert _occurrences(db, "1.3") == []


def test_a_failure_during_confirm_writes_nothing(db, nogliki, login):
    """A bad date in the last item fails the import after everything before it was flushed."""
    db.session.delete(nogliki["people"]["bobrova"])
    db.session.commit()
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    draft = db.session.get(ImportDraft, draft_id)
    parsed = dict(draft.parsed)
    parsed["items"] = [dict(e) for e in parsed["items"]]
    parsed["items"][-1]["deadline"] = dict(
        parsed["items"][-1]["deadline"], kind="date", occurrences=["2021-02-30"]
    )
    draft.parsed = parsed
    db.session.commit()
    index = item_index(html, "2.1")
    fields = form_fields(html)
    prefix = f"items-{index}-owners-0-"
    fields.update({prefix + "action": "create", prefix + "initials": "ЛВ"})
    response = submit(client, draft_id, fields)
    assert response.headers["Location"].endswith(f"/documents/import/{draft_id}")
    with client.session_transaction() as session:
        assert ("error", "Импорт не выполнен из-за ошибки; ничего не сохранено.") in session[
            "_flashes"
        ]
    for model in (Document, Item, Assignment, Occurrence, MailBatch):
        assert _count(db, model) == 0, model
    assert db.session.scalar(select(Person).where(Person.surname == "Боброва")) is None
    assert db.session.get(ImportDraft, draft_id) is not None


def test_empty_item_text_is_refused_in_the_preview(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    fields = form_fields(html)
    fields["items-0-text"] = "  "
    response = submit(client, draft_id, fields)
    assert response.status_code == 422
    assert "Текст пункта не может быть пустым." in response.get_data(as_text=True)
    assert _count(db, Document) == 0


def test_drafts_belong_to_their_user(db, nogliki, login, make):
    other = make.user(make.person("Другая", "ДД", org=nogliki["dept"]), roles=("secretary",))
    db.session.commit()
    client = login(nogliki["secretary"])
    draft_id, html = _start(client, nogliki)
    client.post("/logout")
    login(other)
    assert client.get(f"/documents/import/{draft_id}").status_code == 404
    assert submit(client, draft_id, form_fields(html)).status_code == 404
    assert client.post(f"/documents/import/{draft_id}/discard").status_code == 404
    assert (
        client.post(
            "/documents/deadline-preview", json={"draft": draft_id, "raw": "Май 2021"}
        ).status_code
        == 404
    )
    assert _count(db, Document) == 0 and _count(db, ImportDraft) == 1


def test_drafts_can_be_discarded_and_old_ones_go_away(db, nogliki, login, clock):
    client = login(nogliki["secretary"])
    draft_id, _html = _start(client, nogliki)
    listing = client.get("/documents/import").get_data(as_text=True)
    assert f"/documents/import/{draft_id}/discard" in listing
    assert client.post(f"/documents/import/{draft_id}/discard").status_code == 302
    assert _count(db, ImportDraft) == 0
    _start(client, nogliki)
    clock.now += timedelta(days=15)
    _start(client, nogliki, data=b"\xef\xbb\xbf" + SEED_004.read_bytes())
    assert _count(db, ImportDraft) == 1


def test_pasted_text_is_imported_and_kept(db, nogliki, login):
    text = (
        "ПРОТОКОЛ № 3\nсовещания руководителей от 28.01.2022\n"
        "РЕШИЛИ:\n1. Провести мониторинг готовности школ. Срок: до 10.02.2022 года. "
        "Ответственный: Боброва Л.В.\n"
    )
    client = login(nogliki["secretary"])
    response = client.post(
        "/documents/import", data={"text": text, "issuer": str(nogliki["dept"].id)}
    )
    draft_id = draft_id_of(response)
    html = client.get(f"/documents/import/{draft_id}").get_data(as_text=True)
    submit(client, draft_id, form_fields(html))
    document = db.session.scalars(select(Document)).one()
    assert document.source_text.startswith("ПРОТОКОЛ № 3")
    assert document.original_file == text.strip().encode("utf-8")


def test_only_secretaries_import(db, nogliki, login):
    client = login(nogliki["secretary"])
    draft_id, _html = _start(client, nogliki)
    client.post("/logout")
    executor = nogliki["people"]["diskultsu"]
    from tracker.auth.models import User

    user = User(login="exec", person=executor)
    user.roles = ("executor",)
    user.set_password("secret-pass")
    db.session.add(user)
    db.session.commit()
    login(user)
    assert client.get("/documents/import").status_code == 403
    assert client.get(f"/documents/import/{draft_id}").status_code == 403
