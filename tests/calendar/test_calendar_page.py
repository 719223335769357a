"""The "Календарь" page: creating, showing once, regenerating and revoking the address."""

import re

from tracker.extensions import db as _db

TOKEN = re.compile(r"/calendar/([A-Za-z0-9_-]{43})\.ics")


def test_page_needs_login(client):
    response = client.get("/calendar/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_create_show_once_regenerate_revoke(region, client, login):
    users, _, _ = region
    login(users["official"])
    page = client.get("/calendar/").get_data(as_text=True)
    assert "Создать адрес календаря" in page and 'href="/calendar/"' in page
    assert "до суток" in page
    for name in ("Outlook", "Google Calendar", "Apple Calendar", "Яндекс Календарь", "Thunderbird"):
        assert name in page
    created = client.post("/calendar/regenerate")
    html = created.get_data(as_text=True)
    assert created.status_code == 200 and created.headers["Cache-Control"] == "no-store"
    token = TOKEN.search(html).group(1)
    assert f"http://127.0.0.1:5000/calendar/{token}.ics" in html
    assert f"webcal://127.0.0.1:5000/calendar/{token}.ics" in html
    assert "<svg" in html and "показывается только один раз" in html
    assert "?scope=units" not in html  # not a head
    assert client.get(f"/calendar/{token}.ics").status_code == 200

    later = client.get("/calendar/").get_data(as_text=True)
    assert token not in later and "Создать новый адрес" in later
    assert "храним только отпечаток" in later

    renewed = TOKEN.search(client.post("/calendar/regenerate").get_data(as_text=True)).group(1)
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get(f"/calendar/{renewed}.ics").status_code == 200

    assert client.post("/calendar/revoke").status_code == 302
    assert client.get(f"/calendar/{renewed}.ics").status_code == 404
    assert "Адреса календаря пока нет" in client.get("/calendar/").get_data(as_text=True)


def test_head_gets_units_address(region, client, login):
    users, _, _ = region
    html = login(users["head"]).post("/calendar/regenerate").get_data(as_text=True)
    token = TOKEN.search(html).group(1)
    assert f"/calendar/{token}.ics?scope=units" in html
    assert client.get(f"/calendar/{token}.ics?scope=units").status_code == 200


def test_forms_need_csrf_when_enabled(csrf_app):
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        user = Factories(_db.session).user()
        _db.session.commit()
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
        page = client.get("/calendar/").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        assert client.post("/calendar/regenerate").status_code == 400
        assert client.post("/calendar/revoke").status_code == 400
        done = client.post("/calendar/regenerate", data={"csrf_token": csrf})
        assert done.status_code == 200 and TOKEN.search(done.get_data(as_text=True))
        _db.session.remove()
        _db.drop_all()
