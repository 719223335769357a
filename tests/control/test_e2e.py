"""In Chromium: report → return → report → accept, by the owner and the controller."""

from datetime import date

import pytest

from tests.control.conftest import PDF
from tests.e2e_support import browser, live_server  # noqa: F401
from tracker.extensions import db

pytestmark = pytest.mark.e2e


def _scenario(app):
    from tests.factories import Factories

    with app.app_context():
        make = Factories(db.session)
        dept = make.org("Отдел образования", kind="department")
        owner = make.person("Дискулцу", "ЛЮ", org=dept)
        controller = make.person("Игнатенко", "НВ", org=dept)
        make.user(owner, login="official")
        make.user(controller, roles=("controller",), login="controller")
        document = make.document(controller_id=controller.id, title="Приказ о контроле")
        item = make.item(document=document, text="Разработка Положения о профориентации")
        occurrence = make.occurrence(owner, due_on=date(2022, 2, 10), item=item)
        db.session.commit()
        return occurrence.id


def _report(page, base, occurrence_id, text, tmp_path=None):
    page.goto(f"{base}/occurrences/{occurrence_id}")
    page.fill("#report textarea[name=report]", text)
    if tmp_path is not None:
        evidence = tmp_path / "приказ.pdf"
        evidence.write_bytes(PDF)
        page.set_input_files("#report input[name=files]", str(evidence))
    page.click("#report button[type=submit]")
    page.wait_for_selector(".flash-success")


def test_report_return_report_accept(live_server, browser, tmp_path):  # noqa: F811
    app, base = live_server.app, live_server.url
    occurrence_id = _scenario(app)
    owner = browser.new_context().new_page()
    live_server.sign_in(owner, "official")
    _report(owner, base, occurrence_id, "Положение разработано", tmp_path)
    assert "На проверке" in owner.inner_text(f'[data-occurrence="{occurrence_id}"]')

    controller = browser.new_context().new_page()
    live_server.sign_in(controller, "controller")
    controller.goto(f"{base}/control/")
    controller.click(f'#queue [data-occurrence="{occurrence_id}"] a.occ-text')
    assert controller.locator("#files a", has_text="приказ.pdf").count() == 1
    controller.fill("#review textarea[name=comment]", "Приложите приказ об утверждении")
    controller.click("#review button[name=return]")
    controller.wait_for_selector(".flash-success")

    owner.goto(f"{base}/occurrences/{occurrence_id}")
    assert "Приложите приказ об утверждении" in owner.inner_text("#history")
    _report(owner, base, occurrence_id, "Положение утверждено приказом № 12")

    controller.goto(f"{base}/control/")
    controller.click(f'#queue [data-occurrence="{occurrence_id}"] a.occ-text')
    controller.click("#review button[name=accept]")
    controller.wait_for_selector(".flash-success")
    assert "Выполнено" in controller.inner_text(f'[data-occurrence="{occurrence_id}"]')
    history = controller.inner_text("#history")
    for step in ("Отчёт отправлен", "Возвращено на доработку", "Принято контролёром"):
        assert step in history
    controller.goto(f"{base}/control/")
    assert controller.locator(f'#queue [data-occurrence="{occurrence_id}"]').count() == 0
