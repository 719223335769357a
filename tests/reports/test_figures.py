"""The page's figures for the hand-built half-year, on SQLite and PostgreSQL."""

from tests.reports.conftest import EXPECTED, H1_2021
from tests.reports.helpers import page_figures


def _args(scenario, **extra):
    return {**H1_2021, "documents": scenario.document.id, **extra}


def test_every_figure_per_stage(scenario, login):
    client = login(scenario.admin)
    response = client.get("/reports/", query_string=_args(scenario))
    assert response.status_code == 200
    assert page_figures(response.get_data(as_text=True)) == EXPECTED


def test_stage_order_and_titles(scenario, login):
    html = (
        login(scenario.admin).get("/reports/", query_string=_args(scenario)).get_data(as_text=True)
    )
    positions = [
        html.index(f'data-stage="{k}"')
        for k in ("goals", "monitoring", "measures", "effectiveness", "none")
    ]
    assert positions == sorted(positions)
    assert "Без этапа" in html and "Мониторинг" in html
    assert "I полугодие 2021 года" in html and "20.06.2021" in html


def test_extension_counted_at_original_date_when_the_department_says_so(scenario, login, db):
    from tracker.control.services import update_settings

    update_settings(scenario.admin, "controller", "original")
    db.session.commit()
    html = (
        login(scenario.admin).get("/reports/", query_string=_args(scenario)).get_data(as_text=True)
    )
    figures = page_figures(html)
    assert figures["goals"] == (4, 1, 2, 1, 0, 0, "75 %")
    assert figures["total"][:3] == (15, 4, 3)
    assert "первоначальный срок" in html


def test_all_documents_add_the_other_document(scenario, login):
    html = login(scenario.admin).get("/reports/", query_string=H1_2021).get_data(as_text=True)
    figures = page_figures(html)
    assert figures["goals"] == (5, 2, 1, 2, 0, 0, "60 %")
    assert figures["total"][:4] == (16, 5, 2, 6)


def test_as_of_a_later_day_turns_not_yet_due_into_overdue(scenario, login):
    args = _args(scenario, as_of="2021-07-01")
    figures = page_figures(
        login(scenario.admin).get("/reports/", query_string=args).get_data(as_text=True)
    )
    # the 30.06 monthly occurrence and the 30.06 check-in are now overdue; the one done
    # on 25.06 is late instead of overdue
    assert figures["monitoring"] == (6, 2, 0, 3, 1, 0, "40 %")
    assert figures["effectiveness"] == (1, 0, 0, 1, 0, 0, "0 %")
    assert figures["goals"] == (4, 2, 2, 0, 0, 0, "100 %")


def test_periods_school_year_custom_and_whole_document(scenario, login):
    client = login(scenario.admin)
    doc = scenario.document.id
    whole = page_figures(
        client.get(
            "/reports/",
            query_string={"documents": doc, "preset": "document", "as_of": "2021-06-20"},
        ).get_data(as_text=True)
    )
    assert whole["monitoring"][0] == 7  # the July occurrence joins; cancelled never counts
    custom = page_figures(
        client.get(
            "/reports/",
            query_string={
                "documents": doc,
                "preset": "custom",
                "date_from": "2021-04-01",
                "date_to": "2021-04-30",
                "as_of": "2021-06-20",
            },
        ).get_data(as_text=True)
    )
    assert custom["measures"][0] == 3 and custom["monitoring"] == (1, 0, 0, 1, 0, 0, "0 %")
    assert set(custom) == {"measures", "monitoring", "total"}
    school = page_figures(
        client.get(
            "/reports/",
            query_string={
                "documents": doc,
                "preset": "school_year",
                "year": "2020",
                "as_of": "2021-06-20",
            },
        ).get_data(as_text=True)
    )
    assert school["monitoring"][0] == 7  # 01.09.2020–31.08.2021 takes in July as well
    later = client.get(
        "/reports/",
        query_string={
            "documents": doc,
            "preset": "school_year",
            "year": "2021",
            "as_of": "2021-06-20",
        },
    )
    assert page_figures(later.get_data(as_text=True)) == {}
    assert "сроков исполнения нет" in later.get_data(as_text=True)
