"""Evidence files: kept only when allowed, fetched only with the right, byte-identical."""

import io
import os

from sqlalchemy import func, select

from tests.control.conftest import PDF, PNG
from tracker.assignments.models import Occurrence
from tracker.control.models import Attachment
from tracker.extensions import db


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Attachment))


def _stored(app) -> list[str]:
    folder = os.path.join(app.config["UPLOAD_DIR"], "evidence")
    return os.listdir(folder) if os.path.isdir(folder) else []


def _report(client, world, *files):
    data = {
        "report": "Приказ подписан",
        "files": [(io.BytesIO(body), name) for name, body in files],
    }
    return client.post(
        f"/control/occurrences/{world.occurrence.id}/report",
        data=data,
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_report_with_files_downloads_byte_identical_for_those_who_may_see(
    world, login, client, app
):
    login(world.owner)
    _report(client, world, ("приказ.pdf", PDF), ("фото.png", PNG))
    rows = db.session.scalars(select(Attachment).order_by(Attachment.id)).all()
    assert [r.original_name for r in rows] == ["приказ.pdf", "фото.png"]
    assert all(r.stored_name not in ("приказ.pdf",) and len(r.stored_name) == 32 for r in rows)
    assert sorted(_stored(app)) == sorted(r.stored_name for r in rows)
    client.post("/logout")
    for user in (world.controller, world.head, world.owner):
        login(user)
        with client.get(f"/control/attachments/{rows[1].id}") as response:
            assert response.status_code == 200 and response.data == PNG
            assert response.mimetype == "image/png"
        client.post("/logout")


def test_attachment_without_the_right_is_404(world, login, client):
    login(world.owner)
    _report(client, world, ("приказ.pdf", PDF))
    attachment_id = db.session.scalar(select(Attachment.id))
    client.post("/logout")
    login(world.stranger)
    assert client.get(f"/control/attachments/{attachment_id}").status_code == 404
    assert client.get(f"/control/attachments/{attachment_id + 99}").status_code == 404
    client.post("/logout")
    assert client.get(f"/control/attachments/{attachment_id}").status_code == 302  # sign in


def _refused(world, login, client, app, files, message):
    login(world.owner)
    page = _report(client, world, *files).get_data(as_text=True)
    assert message in page
    assert _count() == 0 and _stored(app) == []
    db.session.expire_all()
    assert db.session.get(Occurrence, world.occurrence.id).state == "open"


def test_exe_is_refused(world, login, client, app):
    _refused(
        world,
        login,
        client,
        app,
        [("setup.exe", b"MZ\x90\x00")],
        "Файл «setup.exe» нельзя загрузить",
    )


def test_pdf_that_is_not_a_pdf_is_refused(world, login, client, app):
    _refused(
        world,
        login,
        client,
        app,
        [("приказ.pdf", PDF), ("отчёт.pdf", b"MZ\x90\x00")],
        "Содержимое файла «отчёт.pdf» не соответствует расширению .pdf.",
    )


def test_oversize_file_is_refused(world, login, client, app):
    app.config["EVIDENCE_MAX_BYTES"] = 1024
    _refused(world, login, client, app, [("big.pdf", PDF + b"0" * 2048)], "Файл «big.pdf» больше")


def test_coexecutor_attaches_but_stranger_cannot(world, login, client):
    login(world.owner)
    client.post(
        f"/control/occurrences/{world.occurrence.id}/coexecutors",
        data={"person": world.colleague.person_id},
    )
    client.post("/logout")
    login(world.colleague)
    client.post(
        f"/control/occurrences/{world.occurrence.id}/attachments",
        data={"files": [(io.BytesIO(PDF), "справка.pdf")]},
        content_type="multipart/form-data",
    )
    assert _count() == 1
    attachment_id = db.session.scalar(select(Attachment.id))
    with client.get(f"/control/attachments/{attachment_id}") as response:
        assert response.data == PDF
    client.post("/logout")
    login(world.stranger)
    client.post(
        f"/control/occurrences/{world.occurrence.id}/attachments",
        data={"files": [(io.BytesIO(PDF), "чужое.pdf")]},
        content_type="multipart/form-data",
    )
    assert _count() == 1


def test_request_over_the_upload_limit_gets_a_message(world, login, client, app):
    app.config["MAX_CONTENT_LENGTH"] = 2000
    login(world.owner)
    page = _report(client, world, ("big.pdf", PDF + b"0" * 4000)).get_data(as_text=True)
    assert "Файлы слишком большие для одной загрузки." in page
    assert _count() == 0


def test_a_report_refused_after_its_files_were_written_leaves_no_file(
    world, login, client, app, monkeypatch
):
    from tracker.assignments.services import TransitionError
    from tracker.control import services

    audit = services.record

    def refuse_attachments(occurrence, user, action, *args, **details):
        if action == "attached":
            raise TransitionError("Хранилище недоступно.")
        return audit(occurrence, user, action, *args, **details)

    monkeypatch.setattr(services, "record", refuse_attachments)
    login(world.owner)
    page = _report(client, world, ("приказ.pdf", PDF)).get_data(as_text=True)
    assert "Хранилище недоступно." in page
    assert _count() == 0 and _stored(app) == []
    monkeypatch.undo()
    _report(client, world, ("приказ.pdf", PDF))
    assert _stored(app) == [db.session.scalar(select(Attachment.stored_name))]
