"""Loading the directory from CSV: a whole district, encodings, and all-or-nothing errors."""

import io
from pathlib import Path

from sqlalchemy import func, select

from tracker.auth.models import User
from tracker.people.forms import MAX_CSV_BYTES
from tracker.people.models import Organisation, Person

SAMPLE = Path(__file__).parent / "data" / "yuzhno_sakhalinsk.csv"
HEADER_RU = (
    "Организация;Вышестоящая;Тип;Часовой пояс;Фамилия;Имя;Отчество;Должность;E-mail;"
    "Руководитель;Логин;Роли"
)


def _upload(client, content: bytes, name="directory.csv"):
    return client.post(
        "/directory/import",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def _count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_district_sample_loads_fully(as_admin, db):
    before_orgs, before_people = _count(db, Organisation), _count(db, Person)
    response = _upload(as_admin, SAMPLE.read_bytes())
    html = response.get_data(as_text=True)
    assert 'id="import-summary"' in html, html[-2000:]
    assert '<dd data-count="organisations_created">68</dd>' in html
    assert '<dd data-count="people_created">70</dd>' in html
    assert _count(db, Organisation) == before_orgs + 68
    assert _count(db, Person) == before_people + 70
    schools = db.session.scalars(select(Organisation).where(Organisation.kind == "school")).all()
    assert len(schools) == 58
    ooo = db.session.scalar(
        select(Organisation).where(Organisation.name == "Отдел общего образования")
    )
    assert all(s.parent_id == ooo.id and s.path.startswith(ooo.path) for s in schools)
    assert all(s.timezone == "Asia/Sakhalin" for s in schools)
    assert ooo.timezone == "Asia/Sakhalin"  # inherited from the department
    heads = db.session.scalar(
        select(func.count()).where(Person.head_of_id.in_([s.id for s in schools]))
    )
    assert heads == 58
    chief = db.session.scalar(select(User).where(User.login == "lavrenteva"))
    assert chief.roles == {"head", "controller"} and chief.person.short_name == "Лаврентьева Г.П."
    deputy = db.session.scalar(select(Person).where(Person.position.like("заместитель%")))
    assert deputy.short_name == "Пак Е."


def test_reimport_updates_instead_of_duplicating(as_admin, db):
    _upload(as_admin, SAMPLE.read_bytes())
    people = _count(db, Person)
    html = _upload(as_admin, SAMPLE.read_bytes()).get_data(as_text=True)
    assert '<dd data-count="organisations_created">0</dd>' in html
    assert '<dd data-count="people_created">0</dd>' in html
    assert '<dd data-count="people_updated">70</dd>' in html
    assert _count(db, Person) == people


def test_bad_rows_write_nothing_and_report_lines(as_admin, db):
    nogliki = "Отдел образования Ногликского района"
    rows = [
        HEADER_RU,
        f"{nogliki};;управление;Asia/Sakhalin;Ренкевич;Людмила;Михайловна;начальник;;да;;",
        f"МБОУ СОШ № 1 пгт. Ноглики;{nogliki};школа;;Петрова;Анна;Андреевна;;petrova@;да;;",
        "МБОУ СОШ № 2 пгт. Ноглики;Несуществующий отдел;школа;;Иванова;Ирина;Ивановна;;;да;;",
        f"МБОУ СОШ с. Вал;{nogliki};лицей-интернат;Asia/Tokyo;;Ольга;;учитель;;нет;;",
    ]
    before = (_count(db, Organisation), _count(db, Person))
    html = _upload(as_admin, "\n".join(rows).encode("utf-8")).get_data(as_text=True)
    assert 'id="import-errors"' in html
    assert "Строка 3: неверный e-mail «petrova@»." in html
    assert "Строка 4: вышестоящая организация «Несуществующий отдел» не найдена" in html
    assert "Строка 5: неизвестный тип «лицей-интернат»." in html
    assert "Строка 5: неизвестный часовой пояс «Asia/Tokyo»." in html
    assert "Строка 5: не указана фамилия." in html
    assert "Строка 2" not in html
    assert (_count(db, Organisation), _count(db, Person)) == before


def test_cp1251_with_commas_and_english_headers(as_admin, db):
    text = (
        "organisation,parent,kind,timezone,surname,first_name,patronymic,position,email,head\r\n"
        "Управление образования Иркутского района,,department,asia/irkutsk,Смирнова,Ольга,"
        "Петровна,начальник,smirnova@example.ru,да\r\n"
        '"МОУ ИРМО ""Хомутовская СОШ № 1""",Управление образования Иркутского района,'
        "school,,Ёлкин,Пётр,Семёнович,директор,,да\r\n"
    )
    html = _upload(as_admin, text.encode("cp1251")).get_data(as_text=True)
    assert 'id="import-summary"' in html, html[-1500:]
    school = db.session.scalar(select(Organisation).where(Organisation.kind == "school"))
    assert school.name == 'МОУ ИРМО "Хомутовская СОШ № 1"'
    assert school.timezone == "Asia/Irkutsk"
    director = db.session.scalar(select(Person).where(Person.head_of_id == school.id))
    assert director.short_name == "Ёлкин П.С."


def test_utf8_without_bom_existing_parent(as_admin, db):
    text = f"{HEADER_RU}\nИМЦ;Отдел образования;подразделение;;Дискулцу;Л.Ю.;;методист;;нет;;\n"
    html = _upload(as_admin, text.encode("utf-8")).get_data(as_text=True)
    assert 'id="import-summary"' in html, html[-1500:]
    imc = db.session.scalar(select(Organisation).where(Organisation.name == "ИМЦ"))
    assert imc.parent.name == "Отдел образования"
    assert imc.timezone == imc.parent.timezone
    assert db.session.scalar(select(func.count()).where(Person.organisation_id == imc.id)) == 1


def test_upload_size_limit(as_admin, db, app):
    """The form refuses files over 2 MB by default; a smaller limit keeps the test light."""
    assert MAX_CSV_BYTES == 2 * 1024 * 1024
    app.config["DIRECTORY_CSV_MAX_BYTES"] = 10 * 1024
    content = (HEADER_RU + "\n" + "Школа;;школа;;;;;;;;;\n" * 400).encode("utf-8")
    assert len(content) > 10 * 1024
    response = _upload(as_admin, content)
    assert "Файл больше 10 КБ." in response.get_data(as_text=True)
    assert db.session.scalar(select(Organisation).where(Organisation.name == "Школа")) is None


def test_missing_organisation_column(as_admin):
    html = _upload(as_admin, "Фамилия;Имя\nИванов;Иван\n".encode()).get_data(as_text=True)
    assert "нет столбца «Организация»" in html
