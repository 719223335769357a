"""Sign-in: hashed passwords, one plain message for any failure, throttling, CSRF."""

import pytest


@pytest.fixture
def official(make, db):
    user = make.user(make.person("Дискулцу", "ЛЮ"), login="diskultsu")
    db.session.commit()
    return user


def _post(client, login, password):
    return client.post("/login", data={"login": login, "password": password})


def test_password_is_hashed(official):
    assert "secret-pass" not in official.password_hash
    assert official.check_password("secret-pass")


def test_sign_in_and_out(client, official):
    assert _post(client, "diskultsu", "secret-pass").status_code == 302
    assert client.get("/my").status_code == 200
    client.post("/logout")
    assert client.get("/my").status_code == 302


def test_wrong_password_and_unknown_login_look_the_same(client, official):
    wrong = _post(client, "diskultsu", "nope").get_data(as_text=True)
    unknown = _post(client, "nobody", "nope").get_data(as_text=True)
    assert "Неверный логин или пароль." in wrong
    assert "Неверный логин или пароль." in unknown
    assert client.get("/my").status_code == 302


def test_repeated_failures_are_slowed_down(app, client, official, clock):
    app.config["LOGIN_THROTTLE_MAX_DELAY"] = 30.0
    for _ in range(app.config["LOGIN_THROTTLE_FREE_ATTEMPTS"] + 1):
        _post(client, "diskultsu", "nope")
    throttled = _post(client, "diskultsu", "secret-pass")
    assert throttled.status_code == 429
    assert "Повторите через" in throttled.get_data(as_text=True)
    clock.now = clock.now.replace(minute=clock.now.minute + 1)
    assert _post(client, "diskultsu", "secret-pass").status_code == 302


def test_unknown_login_is_throttled_too(app, client, official):
    app.config["LOGIN_THROTTLE_MAX_DELAY"] = 30.0
    for _ in range(app.config["LOGIN_THROTTLE_FREE_ATTEMPTS"] + 1):
        _post(client, "ghost", "nope")
    assert _post(client, "ghost", "nope").status_code == 429


def test_open_redirect_refused(client, official):
    response = client.post(
        "/login?next=https://evil.example/", data={"login": "diskultsu", "password": "secret-pass"}
    )
    assert response.headers["Location"] == "/"


def test_csrf_is_enforced(csrf_app):
    app = csrf_app
    with app.app_context():
        response = app.test_client().post("/login", data={"login": "a", "password": "b"})
        assert response.status_code == 400


def test_language_switch_to_english(client, official):
    client.post("/lang/en")
    html = client.get("/login").get_data(as_text=True)
    assert 'lang="en"' in html
