"""With CSRF on, a control POST without the token changes nothing."""

import re

from tracker.assignments.models import Occurrence
from tracker.extensions import db


def test_post_without_token_is_refused(clock, csrf_app):
    app = csrf_app
    with app.app_context():
        from tests.factories import Factories

        make = Factories(db.session)
        person = make.person("Дискулцу", "ЛЮ", org=make.org())
        make.user(person, login="owner")
        occurrence = make.occurrence(person)
        db.session.commit()
        client = app.test_client()
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        client.post(
            "/login", data={"login": "owner", "password": "secret-pass", "csrf_token": token}
        )
        assert client.get(f"/occurrences/{occurrence.id}").status_code == 200
        response = client.post(
            f"/control/occurrences/{occurrence.id}/report", data={"report": "Сделано"}
        )
        assert response.status_code == 400
        db.session.expire_all()
        assert db.session.get(Occurrence, occurrence.id).state == "open"
        db.drop_all()
