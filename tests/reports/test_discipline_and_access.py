"""Executive discipline per person and organisation; who may see which report."""

import pytest

from tests.reports.conftest import H1_2021
from tests.reports.helpers import page_figures


def _discipline(client, scenario, **extra):
    args = {**H1_2021, "documents": scenario.document.id, **extra}
    response = client.get("/reports/discipline", query_string=args)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return (
        page_figures(html, "by-person", "data-key"),
        page_figures(html, "by-organisation", "data-key"),
        html,
    )


def test_discipline_figures(scenario, login):
    people, orgs, _html = _discipline(login(scenario.admin), scenario)
    s = scenario
    # due, on time, late, overdue, share on time (on time / (due − not needed))
    assert people == {
        str(s.diskulcu.id): (4, 2, 0, 1, "50 %"),
        str(s.bobrova.id): (8, 2, 1, 3, "28,6 %"),
    }
    assert orgs == {
        str(s.imc.id): (4, 2, 0, 1, "50 %"),
        str(s.dept.id): (8, 2, 1, 3, "28,6 %"),
        str(s.schools[0].id): (1, 1, 0, 0, "100 %"),
        str(s.schools[1].id): (1, 0, 1, 0, "0 %"),
        str(s.schools[2].id): (1, 0, 0, 1, "0 %"),
    }


@pytest.mark.parametrize(
    "sort, descending, first",
    [
        ("name", False, "bobrova"),
        ("name", True, "diskulcu"),
        ("due", True, "bobrova"),
        ("overdue", False, "diskulcu"),
        ("share", True, "diskulcu"),
        ("share", False, "bobrova"),
        ("late", True, "bobrova"),
        ("drop table people", False, "bobrova"),
    ],
)
def test_discipline_sorting(scenario, login, sort, descending, first):
    args = {"sort": sort, "dir": "desc" if descending else "asc"}
    people, _orgs, _html = _discipline(login(scenario.admin), scenario, **args)
    assert next(iter(people)) == str(getattr(scenario, first).id)


def test_organisations_sort_by_share_with_ties_by_name(scenario, login):
    _people, orgs, _html = _discipline(login(scenario.admin), scenario, sort="share", dir="desc")
    s = scenario
    assert list(orgs) == [
        str(o.id) for o in (s.schools[0], s.imc, s.dept, s.schools[1], s.schools[2])
    ]


def test_head_sees_only_the_units_subtree(scenario, login):
    client = login(scenario.head_imc)
    figures = page_figures(
        client.get(
            "/reports/", query_string={**H1_2021, "documents": scenario.document.id}
        ).get_data(as_text=True)
    )
    assert figures == {
        "goals": (2, 2, 0, 0, 0, 0, "100 %"),
        "effectiveness": (1, 0, 0, 0, 0, 1, "0 %"),
        "none": (1, 0, 0, 1, 0, 0, "0 %"),
        "total": (4, 2, 0, 1, 0, 1, "50 %"),
    }
    people, orgs, html = _discipline(client, scenario)
    assert list(people) == [str(scenario.diskulcu.id)] and list(orgs) == [str(scenario.imc.id)]
    assert "Боброва" not in html


def test_head_of_the_department_may_narrow_to_a_school(scenario, login):
    client = login(scenario.head_dept)
    figures = page_figures(
        client.get("/reports/", query_string={**H1_2021, "unit": scenario.schools[1].id}).get_data(
            as_text=True
        )
    )
    assert figures == {
        "measures": (1, 0, 1, 0, 0, 0, "100 %"),
        "total": (1, 0, 1, 0, 0, 0, "100 %"),
    }


def test_head_may_not_look_outside_the_subtree(scenario, login):
    client = login(scenario.head_school)
    assert client.get("/reports/", query_string={"unit": scenario.imc.id}).status_code == 404
    assert (
        client.get("/reports/export.xlsx", query_string={"unit": scenario.imc.id}).status_code
        == 404
    )


@pytest.mark.parametrize(
    "path",
    [
        "/reports/",
        "/reports/discipline",
        "/reports/export.docx",
        "/reports/export.xlsx",
        "/reports/export.csv",
        "/reports/stage/goals",
    ],
)
def test_executors_are_refused(scenario, login, path):
    assert login(scenario.executor).get(path).status_code == 403


def test_anonymous_is_sent_to_login(scenario, client):
    assert client.get("/reports/").status_code in (302, 401)


def test_unknown_document_is_not_found(scenario, login):
    assert login(scenario.admin).get("/reports/?documents=9999").status_code == 404


def test_nav_link_for_heads(scenario, login):
    assert 'href="/reports/"' in login(scenario.head_imc).get("/reports/").get_data(as_text=True)


def test_no_nav_link_for_executors(scenario, login):
    html = login(scenario.executor).get("/preferences").get_data(as_text=True)
    assert 'href="/reports/"' not in html


def test_heads_choose_only_documents_they_may_see(scenario, login, db):
    from bs4 import BeautifulSoup
    from sqlalchemy import select

    from tracker.documents.models import Document

    other_id = db.session.scalar(select(Document.id).where(Document.title == "Протокол совещания"))
    client = login(scenario.head_imc)
    html = client.get("/reports/", query_string=H1_2021).get_data(as_text=True)
    offered = [o["value"] for o in BeautifulSoup(html, "html.parser").select("#documents option")]
    assert offered == [str(scenario.document.id)]
    assert client.get("/reports/", query_string={"documents": other_id}).status_code == 404
    assert (
        client.get("/reports/export.csv", query_string={"documents": other_id}).status_code == 404
    )
    mine = client.get("/reports/", query_string={"documents": scenario.document.id})
    assert mine.status_code == 200
    client.post("/logout")
    html = login(scenario.admin).get("/reports/").get_data(as_text=True)
    assert len(BeautifulSoup(html, "html.parser").select("#documents option")) == 2
