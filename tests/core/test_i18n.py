"""English interface: pages render from the compiled catalog, and the catalog is complete.

The msgids are the Russian texts, so an untranslated message shows up in English pages as
Russian. The page tests look for a fixed list of Russian labels the pages would otherwise show.
"""

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import tracker

CATALOG_DIR = Path(tracker.__file__).parent / "translations" / "en" / "LC_MESSAGES"
PO_PATH = CATALOG_DIR / "messages.po"
MO_PATH = CATALOG_DIR / "messages.mo"

# Interface labels of /my, /units and /login (layout, buckets, cards, filters, badges).
RUSSIAN_LABELS = (
    "Контроль поручений",
    "Мои поручения",
    "Подразделения",
    "Календарь",
    "Выйти",
    "Просрочено",
    "На этой неделе",
    "Позже",
    "Постоянно",
    "Нет поручений.",
    "Документ",
    "Срок",
    "Ответственный",
    "рабочих дней просрочки",
    "Отметить выполнение",
    "Что сделано",
    "Поручения подразделений",
    "Показать",
    "Этап",
    "Состояние",
    "Поручение",
    "Страница",
    "В работе",
    "Целеполагание",
    "Мониторинг",
    "Вход",
    "Логин",
    "Пароль",
    "Запомнить меня",
    "Войти",
)


def _read_po():
    with PO_PATH.open("rb") as f:
        return read_po(f)


def _key(text):
    """A message's id or string; plural ones are tuples in .po files and lists in .mo files."""
    return tuple(text) if isinstance(text, list | tuple) else text


def _assert_english(html: str, *expected: str) -> None:
    for text in expected:
        assert text in html, text
    leftovers = [label for label in RUSSIAN_LABELS if label in html]
    assert not leftovers, f"untranslated labels: {leftovers}"


@pytest.fixture
def unit(make, db):
    """A department with a head and an official who has an overdue and a later assignment."""
    dept = make.org("Отдел образования", kind="department")
    imc = make.org("ИМЦ", parent=dept)
    head = make.person("Ренкевич", "ЛМ", org=dept, head_of=dept)
    official = make.person("Дискулцу", "ЛЮ", org=imc)
    users = {"head": make.user(head, roles=("head",)), "official": make.user(official)}
    for user in users.values():
        user.locale = "en"
    doc = make.document(title="Plan 2022", kind="roadmap")
    goals = make.item(document=doc, text="Draft the regulation", stage="goals")
    monitoring = make.item(document=doc, text="Run the survey", stage="monitoring")
    make.occurrence(official, due_on=date(2022, 1, 31), item=goals)
    make.occurrence(official, due_on=date(2022, 6, 30), item=monitoring)
    db.session.commit()
    return users


def test_my_assignments_in_english(unit, login):
    html = login(unit["official"]).get("/my").get_data(as_text=True)
    _assert_english(
        html,
        'lang="en"',
        "My assignments",
        "Overdue",
        "This week",
        "Later",
        "Deadline",
        "Goal setting. Regulatory framework",
        "In progress",
        "Mark as done",
        "Sign out",
    )


def test_head_units_page_in_english(unit, login):
    html = login(unit["head"]).get("/units").get_data(as_text=True)
    _assert_english(
        html,
        "Unit assignments",
        "Show",
        "Stage",
        "Status",
        "Owner",
        "working days overdue",
        "Monitoring",
        "In progress",
    )


def test_login_page_after_choosing_english(client):
    response = client.post("/lang/en")
    assert response.status_code == 302
    html = client.get("/login").get_data(as_text=True)
    _assert_english(html, 'lang="en"', "Sign in", "Login", "Password", "Remember me")


def test_login_page_stays_russian_by_default(client):
    html = client.get("/login").get_data(as_text=True)
    assert "Вход" in html and "Пароль" in html


def test_every_message_translated():
    catalog = _read_po()
    assert not catalog.fuzzy
    messages = [m for m in catalog if m.id]
    assert len(messages) > 500
    untranslated = [
        m.id
        for m in messages
        if m.fuzzy or not all((m.string,) if isinstance(m.string, str) else m.string)
    ]
    assert not untranslated, untranslated


def test_translations_keep_placeholders():
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for m in _read_po():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for text in strings:
            assert set(placeholder.findall(text)) == set(placeholder.findall(ids[0])), m.id


def test_compiled_catalog_is_current():
    """messages.mo is not older than messages.po: it holds every current translation.

    Compares contents, not modification times: a fresh checkout writes both files at once,
    in no guaranteed order.
    """
    assert MO_PATH.exists(), "run `make translations` (pybabel compile)"
    with MO_PATH.open("rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    source = {_key(m.id): _key(m.string) for m in _read_po() if m.id and m.string and not m.fuzzy}
    stale = [key for key, text in source.items() if compiled.get(key) != text]
    assert not stale, f"messages.mo is older than messages.po; recompile: {stale[:5]}"


def test_label_dicts_are_in_the_catalog():
    """Labels shown through `_(variable)` are listed in tracker/core/label_messages.py."""
    from tracker.domain.labels import STATE_LABELS
    from tracker.domain.progress import NO_STAGE_TITLE, OUTCOME_LABELS
    from tracker.domain.stages import STAGE_TITLES_RU
    from tracker.people.services import KIND_LABELS, ROLE_LABELS
    from tracker.reports.docx_export import FIGURES, SHARE_TITLE
    from tracker.reports.exports import HEADERS
    from tracker.reports.services import DEFINITIONS

    labels = {
        *STATE_LABELS.values(),
        *STAGE_TITLES_RU.values(),
        *OUTCOME_LABELS.values(),
        NO_STAGE_TITLE,
        *KIND_LABELS.values(),
        *ROLE_LABELS.values(),
        *HEADERS,
        *(title for _key, title in FIGURES),
        SHARE_TITLE,
        *DEFINITIONS,
    }
    msgids = {m.id for m in _read_po() if m.id}
    missing = sorted(labels - msgids)
    assert not missing, f"list in tracker/core/label_messages.py, `make translations`: {missing}"
