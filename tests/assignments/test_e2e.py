"""In Chromium: an official ticks off an occurrence; the head sees it leave the overdue list."""

from datetime import date

import pytest

from tests.e2e_support import browser, live_server  # noqa: F401
from tracker.extensions import db

pytestmark = pytest.mark.e2e


def _scenario(app):
    from tests.factories import Factories

    with app.app_context():
        make = Factories(db.session)
        dept = make.org("Отдел образования", kind="department")
        head = make.person("Ренкевич", "ЛМ", org=dept, head_of=dept)
        official = make.person("Дискулцу", "ЛЮ", org=dept)
        make.user(head, roles=("head",), login="head")
        make.user(official, login="official")
        item = make.item(text="Разработка Положения о профориентации", deadline_raw="Январь 2022")
        occurrence = make.occurrence(official, due_on=date(2022, 1, 31), item=item)
        db.session.commit()
        return occurrence.id


def test_tick_off_then_head_sees_it_leave_overdue(live_server, browser):  # noqa: F811
    app, base = live_server.app, live_server.url
    occurrence_id = _scenario(app)
    card = f'[data-occurrence="{occurrence_id}"]'

    head_page = browser.new_context().new_page()
    live_server.sign_in(head_page, "head")
    head_page.goto(f"{base}/units?overdue=1")
    assert head_page.locator(card).count() == 1

    page = browser.new_context().new_page()
    live_server.sign_in(page, "official")
    page.goto(f"{base}/my")
    page.locator(f"#overdue {card} summary").click()
    page.locator(f"{card} textarea[name=report]").fill("Положение утверждено приказом № 12")
    page.locator(f"{card} button[type=submit]").click()
    page.wait_for_selector(".flash-success")
    assert page.locator(f"#overdue {card}").count() == 0

    head_page.reload()
    assert head_page.locator(card).count() == 0
