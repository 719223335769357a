"""In Chromium: a head opens the progress report and the stacked bars are drawn."""

from datetime import date

import pytest

from tests.e2e_support import browser, live_server  # noqa: F401
from tracker.extensions import db

pytestmark = pytest.mark.e2e


def _seed(app) -> None:
    from tests.factories import Factories

    with app.app_context():
        make = Factories(db.session)
        dept = make.org("Отдел образования", kind="department")
        head = make.person("Ренкевич", "ЛМ", org=dept, head_of=dept)
        official = make.person("Дискулцу", "ЛЮ", org=dept)
        make.user(head, roles=("head",), login="head")
        doc = make.document("Дорожная карта по профориентации")
        outcomes = [("done", date(2021, 3, 1)), ("done", date(2021, 5, 1)), ("open", None)]
        cases = [(stage, *o) for stage in ("goals", "monitoring") for o in outcomes]
        for n, (stage, state, done_on) in enumerate(cases):
            item = make.item(doc, f"Пункт {n}", stage, number=str(n + 1))
            make.occurrence(
                official, item=item, due_on=date(2021, 4, 15), state=state, done_on=done_on
            )
        db.session.commit()


def test_report_draws_the_stacked_bars(live_server, browser):  # noqa: F811
    _seed(live_server.app)
    page = browser.new_context().new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    live_server.sign_in(page, "head")
    page.goto(f"{live_server.url}/reports/?preset=h1&year=2021&as_of=2021-06-20")
    bars = page.locator("section.stage-section svg.bar")
    assert bars.count() == 2
    for index in range(2):
        rects = bars.nth(index).locator("rect[data-outcome]")
        assert rects.count() == 3  # on time, late, overdue
        widths = [rects.nth(i).bounding_box()["width"] for i in range(rects.count())]
        assert all(w > 0 for w in widths)
    box = bars.first.bounding_box()
    assert box["width"] > 100 and box["height"] > 0
    assert all(url.startswith(live_server.url) for url in requests)
