"""The item lists under each stage, the stage page, and the report with CSRF switched on."""

from bs4 import BeautifulSoup

from tests.reports.conftest import H1_2021
from tracker.extensions import db


def _outcomes(html: str, section: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [tr["data-outcome"] for tr in soup.select(f"#{section} tbody tr")]


def test_items_under_each_stage_overdue_first(scenario, login):
    html = (
        login(scenario.admin)
        .get("/reports/", query_string={**H1_2021, "documents": scenario.document.id})
        .get_data(as_text=True)
    )
    assert _outcomes(html, "stage-monitoring") == [
        "overdue",
        "overdue",
        "not_yet_due",
        "on_time",
        "on_time",
        "not_needed",
    ]
    assert _outcomes(html, "stage-measures") == ["overdue", "late", "on_time"]
    assert "Отчёт направлен" in html and "МБОУ СОШ № 3" in html
    assert "Боброва Л.В." in html


def test_stage_page_pages_through_one_stage(scenario, login):
    client = login(scenario.admin)
    response = client.get("/reports/stage/monitoring", query_string=H1_2021)
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert len(soup.select("table.items tbody tr")) == 6
    assert soup.select_one("table.items tbody tr")["data-outcome"] == "overdue"
    unstaged = client.get("/reports/stage/none", query_string=H1_2021)
    assert "Без этапа" in unstaged.get_data(as_text=True)
    assert (
        len(
            BeautifulSoup(unstaged.get_data(as_text=True), "html.parser").select(
                "table.items tbody tr"
            )
        )
        == 1
    )
    assert client.get("/reports/stage/nonsense").status_code == 404


def test_report_works_with_csrf_enabled(clock, csrf_app):
    """The filter form is a GET form: no token needed; the sign-in form still wants one."""
    from tests.factories import Factories

    app = csrf_app
    with app.app_context():
        make = Factories(db.session)
        user = make.user(roles=("admin",))
        user_id = user.id
        db.session.commit()
        client = app.test_client()
        assert (
            client.post("/login", data={"login": user.login, "password": "secret-pass"}).status_code
            == 400
        )
        with client.session_transaction() as session:
            session["_user_id"] = str(user_id)
            session["_fresh"] = True
        response = client.get("/reports/", query_string=H1_2021)
        assert response.status_code == 200
        assert "csrf_token" not in response.get_data(as_text=True).split("report-filters")[1][:3000]
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
