"""Shapes of real documents found by writing unseen ones: preambles, speeches, owner lines,
plans without tables, split term columns, months, abbreviations (one test per shape)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.parsing.api import parse_bytes
from tracker.parsing.inline_deadline import cut_inline_deadline

TODAY = date(2026, 1, 15)  # stands in for undated documents


def _doc(text: str, name: str = "doc.txt") -> dict:
    return parse_bytes(text.encode("utf-8"), name, today=TODAY).to_contract()


def test_a_preamble_ending_in_postanovlyaet_opens_the_items():
    doc = _doc(
        "**ПОСТАНОВЛЕНИЕ**\nот 29.01.2024 № 56\nп. Первомайский\n"
        "**Об утверждении комплекса мер по развитию наставничества на 2024-2026 годы**\n"
        "В целях реализации … администрация района **ПОСТАНОВЛЯЕТ:**\n"
        "1. Отделу образования (Алексеева О.В.) обеспечить координацию деятельности.\n"
        "2. Контроль за исполнением настоящего постановления возложить на заместителя "
        "главы администрации Зуеву Т.А.\n"
        "Глава района\t\tВ.Н. Карпов\n"
    )
    assert (doc["kind"], doc["number"], doc["date"]) == ("order", "56", "2024-01-29")
    assert doc["title"].startswith("ПОСТАНОВЛЕНИЕ Об утверждении комплекса мер")
    assert doc["period"] == {"start": "2024-01-01", "end": "2026-12-31"}
    assert doc["controller"]["name"] == "Зуева Т.А."
    first = doc["items"][0]
    assert first["text"].startswith("обеспечить координацию")
    assert [o["name"] for o in first["owners"]][-1] == "Алексеева О.В."


def test_speeches_under_roman_numbered_questions_are_not_items():
    doc = _doc(
        "ПРОТОКОЛ № 2\nсовещания руководителей\nот 27.02.2024\n"
        "**I. СЛУШАЛИ:**\nЖукову М.В., начальника отдела: подготовка к ГИА.\n"
        "**РЕШИЛИ:**\n1.1. Руководителям ОО обеспечить подготовку к ГИА до 15.03.2024.\n"
        "**II. СЛУШАЛИ:**\nПетрову А.С.: организация питания.\n"
        "**РЕШИЛИ:**\n2.1. Руководителям ОО провести проверку до 20.03.2024.\n"
    )
    assert [i["number"] for i in doc["items"]] == ["1.1", "2.1"]
    assert all(o["kind"] == "group" for i in doc["items"] for o in i["owners"])


def test_owners_in_a_bracket_may_carry_their_positions():
    doc = _doc(
        "ПРОТОКОЛ № 1\nот 14.09.2023\nРЕШИЛИ:\n"
        "1. Подготовить методические рекомендации (Мельникова О.А., методист ИМЦ; "
        "Сорокина Т.В., руководитель РМО) в срок до 01 октября 2023 г.\n"
    )
    [item] = doc["items"]
    assert item["text"] == "Подготовить методические рекомендации"
    assert [(o["name"], o["position"]) for o in item["owners"]] == [
        ("Мельникова О.А.", "методист ИМЦ"),
        ("Сорокина Т.В.", "руководитель РМО"),
    ]
    assert item["deadline"]["due"] == "2023-10-01"


def test_a_school_year_period_holds_the_documents_own_dates():
    doc = _doc(
        "ПРОТОКОЛ № 2\nот 27.02.2024\nРЕШИЛИ:\n"
        "1. Руководителям ОО провести самодиагностику в течение учебного года.\n"
        "2. Руководителям ОО обеспечить готовность к новому учебному году к 1 сентября.\n"
    )
    assert doc["period"] == {"start": "2024-02-27", "end": "2024-12-31"}
    assert doc["items"][1]["deadline"]["due"] == "2024-09-01"
    assert not doc["items"][1]["problems"]


def test_a_bare_verb_makes_each_bullet_below_it_an_item():
    doc = _doc(
        "ПРОТОКОЛ № 4\nот 21.12.2023\nРЕШИЛИ:\n1. Руководителям ОО:\n1.1. Обеспечить:\n"
        "- присутствие общественных наблюдателей при проведении ВПР;\n"
        "- видеонаблюдение в аудиториях при проведении ВПР.\n"
        "1.2. Утвердить состав рабочей группы:\n- Иванова И.И.;\n- Петрова П.П.\n"
    )
    texts = [i["text"] for i in doc["items"]]
    assert texts[:2] == [
        "Обеспечить присутствие общественных наблюдателей при проведении ВПР",
        "Обеспечить видеонаблюдение в аудиториях при проведении ВПР.",
    ]
    assert len(texts) == 3 and texts[2].startswith("Утвердить состав рабочей группы")
    assert all(o["kind"] == "group" for i in doc["items"] for o in i["owners"])


def test_a_board_decision_is_a_resolution_read_from_its_decisions():
    doc = _doc(
        "**РЕШЕНИЕ КОЛЛЕГИИ**\n21.12.2023 № 4\nЗаслушав информацию, коллегия **РЕШИЛА:**\n"
        "1. Информацию принять к сведению.\n"
        "2. Управлению образования (Ершова Г.М.):\n"
        "2.1. Разработать муниципальную программу в срок до 30.06.2024.\n"
        "3. Контроль за исполнением решения возложить на заместителя начальника "
        "Ткаченко В.С.\n"
    )
    assert (doc["kind"], doc["number"], doc["date"]) == ("resolution", "4", "2023-12-21")
    assert [i["actionable"] for i in doc["items"]][:2] == [False, True]
    assert doc["items"][1]["deadline"]["due"] == "2024-06-30"
    assert doc["controller"]["name"] == "Ткаченко В.С."


@pytest.mark.parametrize(
    ("text", "body", "phrase"),
    [
        (
            "Направить заявку в Управление образования в недельный срок.",
            "Направить заявку в Управление образования",
            "в недельный срок",
        ),
        (
            "Представить отчёт в сроки, установленные министерством.",
            "Представить отчёт",
            "в сроки, установленные министерством",
        ),
        (
            "Организовать отдых детей в летний период (июнь – август 2025 г.);",
            "Организовать отдых детей",
            "в летний период (июнь – август 2025 г.)",
        ),
        (
            "Представить анализ работы по итогам I полугодия.",
            "Представить анализ работы",
            "по итогам I полугодия",
        ),
        (
            "Ежегодно до 1 марта и 15 октября представлять отчёт о работе.",
            "Ежегодно до 1 марта и 15 октября представлять отчёт о работе.",
            "Ежегодно до 1 марта и 15 октября",
        ),
    ],
)
def test_more_inline_deadlines(text, body, phrase):
    assert cut_inline_deadline(text) == (body, phrase)


def test_owner_lines_after_an_item_belong_to_it():
    doc = _doc(
        "ПРОТОКОЛ № 3\nот 12.11.2024\nРЕШИЛИ:\n"
        "1.1. Подготовить аналитическую справку об итогах олимпиады.\n"
        "Срок: до 01.12.2024.\n"
        "Отв.: Горбунова Е.Н.\n"
        "1.2. Провести анализ ошибок.\n"
        "Отв.: Иванов И.И. (МБОУ СОШ № 2), Лаптева О.С. (МБОУ «Гимназия № 1»).\n"
    )
    assert [i["number"] for i in doc["items"]] == ["1.1", "1.2"]
    first, second = doc["items"]
    assert [o["name"] for o in first["owners"]] == ["Горбунова Е.Н."]
    assert first["deadline"]["due"] == "2024-12-01"
    assert [(o["kind"], o["name"], o["position"]) for o in second["owners"]] == [
        ("person", "Иванов И.И.", "МБОУ СОШ № 2"),
        ("person", "Лаптева О.С.", "МБОУ «Гимназия № 1»"),
    ]


def test_work_laid_on_a_group_makes_the_group_the_owner():
    doc = _doc(
        "ПРОТОКОЛ № 3\nот 12.11.2024\nРЕШИЛИ:\n"
        "1. Организацию доставки участников ГИА в ППЭ возложить на руководителей "
        "общеобразовательных организаций.\n"
        "2. Классным руководителям 9, 11 классов провести родительские собрания до 20.12.2024.\n"
    )
    owners = [[(o["kind"], o["name"]) for o in i["owners"]] for i in doc["items"]]
    assert owners == [
        [("group", "руководители общеобразовательных организаций")],
        [("group", "Классные руководители 9, 11 классов")],
    ]


def test_a_protocol_period_reaches_the_school_year_its_deadlines_name():
    doc = _doc(
        "ПРОТОКОЛ № 3\nот 15.10.2024\nРЕШИЛИ:\n"
        "1. Руководителям ОО провести пробные экзамены до 20.12.2024.\n"
        "2. Руководителям ОО подготовить отчёты о летней кампании к 25.08.2025.\n"
    )
    assert doc["period"] == {"start": "2024-10-15", "end": "2025-08-31"}
    assert not any(i["problems"] for i in doc["items"])


def test_a_preamble_ending_in_a_colon_opens_the_items():
    doc = _doc(
        "**РАСПОРЯЖЕНИЕ**\nот 17.03.2025 № 56-р\n"
        "В целях обеспечения объективности результатов:\n"
        "1. Назначить муниципальным координатором ВПР Захарову Л.В.\n"
        "2. Муниципальному координатору Захаровой Л.В.:\n"
        "обеспечить информирование ОО о сроках проведения ВПР – незамедлительно;\n"
        "сформировать муниципальный план-график до 15:00 25.03.2025.\n"
        "3. Руководителям ОО: провести анализ результатов ВПР не позднее 1 ноября 2025 г.; "
        "обеспечить объективность оценивания.\n"
        "4. Распоряжение от 12.03.2024 № 41-р считать утратившим силу.\n"
        "Начальник управления\t\tТ.А. Жукова\n"
    )
    items = doc["items"]
    assert [i["text"][:20] for i in items] == [
        "Назначить муниципаль",
        "обеспечить информиро",
        "сформировать муницип",
        "провести анализ резу",
        "обеспечить объективн",
        "Распоряжение от 12.0",
    ]
    assert [o["name"] for o in items[1]["owners"]] == ["Захарова Л.В."]
    assert items[2]["deadline"]["due"] == "2025-03-25"
    assert items[3]["deadline"]["due"] == "2025-11-01"
    assert [o["kind"] for o in items[4]["owners"]] == ["group"]
    assert [i["actionable"] for i in items] == [True, True, True, True, True, False]


def test_a_plan_grouped_by_month_dates_its_rows_by_the_month():
    doc = _doc(
        "План-график оценочных процедур на 2024/2025 учебный год\n"
        "Месяц\tМероприятие\tДата проведения\tОтветственные\n"
        "Сентябрь\tВходная диагностика по математике\t18.09\tЛосева Н.В.\n"
        "Декабрь\tИтоговое сочинение\t04.12\tЖукова Т.А.\n"
        "\tМуниципальная контрольная работа\tв течение месяца\tЛосева Н.В.\n"
    )
    dues = [i["deadline"]["due"] for i in doc["items"]]
    assert dues == ["2024-09-18", "2024-12-04", "2024-12-31"]


@pytest.mark.parametrize(
    ("phrase", "owners"),
    [
        (
            "Учителям-предметникам составить планы ликвидации задолженности.",
            [("group", "Учителя-предметники")],
        ),
        (
            "Педагогу-библиотекарю Семёновой А.А. организовать неделю чтения.",
            [("person", "Семёнова А.А.")],
        ),
        ("Решение принято единогласно.", []),
    ],
)
def test_compound_titles_address_items(phrase, owners):
    doc = _doc(f"ПРОТОКОЛ № 3\nот 10.01.2025\nПОСТАНОВИЛИ:\n1. {phrase}\n")
    [item] = doc["items"]
    assert [(o["kind"], o["name"]) for o in item["owners"]] == owners
    assert item["actionable"] is bool(owners)


def test_an_owner_line_before_the_decision_belongs_to_it():
    doc = _doc(
        "ПРОТОКОЛ № 2\nот 10.09.2024\nРЕШИЛИ:\n"
        "1.1. Ответственный: Сунцов Д.В., главный специалист.\n"
        "Обобщить результаты приёмки образовательных организаций.\n"
        "Срок исполнения – до 20.09.2024.\n"
        "1.2. Ответственные: руководители образовательных организаций.\n"
        "Устранить замечания комиссии.\n"
        "Срок исполнения – до 01.10.2024.\n"
    )
    assert [(i["number"], i["text"]) for i in doc["items"]] == [
        ("1.1", "Обобщить результаты приёмки образовательных организаций."),
        ("1.2", "Устранить замечания комиссии."),
    ]
    assert [o["name"] for o in doc["items"][0]["owners"]] == ["Сунцов Д.В."]
    assert [i["deadline"]["due"] for i in doc["items"]] == ["2024-09-20", "2024-10-01"]


def test_abbreviated_addressees():
    doc = _doc(
        "ПРОТОКОЛ № 4\nот 15.11.2024\nРЕШИЛИ:\n"
        "1. МОУО совместно с МБУ ДО «ДДТ» провести фестиваль до 20.12.2024.\n"
        "2. Зам.директора по УВР Петровой О.В.:\n"
        "2.1. провести анализ результатов до 25.12.2024.\n"
    )
    owners = [[(o["kind"], o["name"]) for o in i["owners"]] for i in doc["items"]]
    assert owners == [[("org", "МОУО"), ("org", "МБУ ДО «ДДТ»")], [("person", "Петрова О.В.")]]


def test_a_framing_verb_over_addressees_is_no_item():
    doc = _doc(
        "РЕЗОЛЮЦИЯ\nавгустовской конференции 26.08.2024\n"
        "2. Считать приоритетными направлениями:\n- формирование функциональной грамотности;\n"
        "- наставничество.\n3. Предложить:\n3.1. Управлению образования:\n"
        "- организовать работу проектных команд до 01.10.2024;\n"
        "- провести диагностику до 15.12.2024.\n"
        "4. Настоящая резолюция вступает в силу со дня принятия.\n"
    )
    actionable = [i["text"] for i in doc["items"] if i["actionable"]]
    assert actionable == [
        "организовать работу проектных команд",
        "провести диагностику",
    ]


@pytest.mark.parametrize(
    ("raw", "due", "count"),
    [
        ("2025 г. – 50%; 2026 г. – 100%", "2025-12-31", 2),
        ("до 01.03.2025, далее – ежегодно до 1 сентября", "2025-03-01", 3),
    ],
)
def test_percent_targets_and_a_first_date_before_a_yearly_one(raw, due, count):
    from tracker.domain.deadlines import Period, parse_deadline

    deadline = parse_deadline(raw, Period(date(2025, 1, 1), date(2026, 12, 31)))
    assert (deadline.due.isoformat(), len(deadline.occurrences)) == (due, count)


def test_a_spaced_heading_makes_a_plain_title():
    doc = _doc(
        "П Р И К А З\nот 01.09.2024 № 12\nОб организации работы\nПРИКАЗЫВАЮ:\n"
        "1. Методисту ИМЦ Иванову И.И. провести семинар до 01.10.2024.\n"
    )
    assert (doc["title"], doc["number"], doc["date"]) == (
        "ПРИКАЗ Об организации работы",
        "12",
        "2024-09-01",
    )


def test_a_plan_of_numbered_paragraphs_without_a_table():
    doc = _doc(
        "УТВЕРЖДЁН\nприказом отдела образования\nот 14.05.2025 № 87-о\nПЛАН МЕРОПРИЯТИЙ\n"
        "по подготовке образовательных организаций к новому учебному году\n"
        "1. Издание приказа о подготовке к новому учебному году. Срок: до 30.05.2025. "
        "Ответственный: Ерёменко В.Д., заместитель начальника отдела образования.\n"
        "2. Обеспечение обучающихся учебниками, в том числе:\n"
        "- формирование сводной заявки;\n- организация обменного фонда.\n"
        "Срок исполнения: до 25.08.2025. Ответственный исполнитель: Малахова Е.И.\n"
        "3. Проведение учебных эвакуационных тренировок. Срок: в течение первой недели "
        "сентября 2025 года. Ответственные: руководители ОО.\n"
    )
    assert (doc["kind"], doc["date"]) == ("roadmap", "2025-05-14")
    assert [i["deadline"]["due"] for i in doc["items"]] == [
        "2025-05-30",
        "2025-08-25",
        "2025-09-07",
    ]
    assert [[o["name"] for o in i["owners"]] for i in doc["items"]][:2] == [
        ["Ерёменко В.Д."],
        ["Малахова Е.И."],
    ]


def test_start_and_end_columns_make_a_span():
    doc = _doc(
        "Дорожная карта на 2025-2027 годы\n"
        "№ п/п\tНаименование мероприятия\tСроки реализации\t\tОтветственный исполнитель\n"
        "\t\tначало\tокончание\t\n"
        "1.1\tРазработка плана\t01.02.2025\t31.03.2025\tКомитет образования\n"
        "1.2\tОбучение специалистов\t2025\t2027\tКомитет образования\n"
        "1.3\tОтчёт\t—\t15.05.2025\tКомитет образования\n"
    )
    spans = [(i["deadline"]["start"], i["deadline"]["due"]) for i in doc["items"]]
    assert spans == [
        ("2025-02-01", "2025-03-31"),
        ("2025-01-01", "2027-12-31"),
        (None, "2025-05-15"),
    ]


def test_a_one_month_plan_and_the_hour_after_a_date():
    doc = _doc(
        "План работы ИМЦ на февраль 2025 года\n"
        "№\tМероприятие\tСрок\tОтветственный\n"
        "1\tСеминар-практикум\t12.02<br>14.00\tИванова И.И.\n"
        "2\tМетодическая помощь молодым специалистам\tв течение месяца\tПетрова П.П.\n"
    )
    assert doc["period"] == {"start": "2025-02-01", "end": "2025-02-28"}
    assert [i["deadline"]["due"] for i in doc["items"]] == ["2025-02-12", "2025-02-28"]


def test_the_addressee_of_a_recommendation_inside_an_item_owns_it():
    doc = _doc(
        "ПРОТОКОЛ № 2\nот 20.11.2024\nРЕШИЛИ:\n"
        "1. Одобрить Положение о конкурсе и рекомендовать Управлению образования утвердить "
        "его приказом. Срок: до 06.12.2024.\n"
    )
    [item] = doc["items"]
    assert [(o["kind"], o["name"]) for o in item["owners"]] == [("org", "Управление образования")]
    assert item["actionable"]


def test_decisions_straight_under_roman_questions():
    doc = _doc(
        "**ПРОТОКОЛ № 12**\nрабочего совещания\n05.11.2024\n"
        "**I. О подготовке к осенне-зимнему периоду**\n(Дьяченко В.М., Руденко П.А.)\n"
        "1. Принять к сведению информацию начальника управления.\n"
        "2. Руководителям ОО обеспечить наличие запаса топлива до 15.11.2024.\n"
        "**II. О подвозе обучающихся**\n(Руденко П.А.)\n"
        "1. Рекомендовать ОГИБДД МО МВД России «Кудымкарский» (по согласованию) провести "
        "проверки школьных автобусов до 01.12.2024.\n"
        "Председательствующий\t\tН.Н. Белякова\n"
    )
    items = doc["items"]
    assert [i["actionable"] for i in items] == [False, True, True]
    assert [o["name"] for o in items[2]["owners"]] == ["ОГИБДД МО МВД России «Кудымкарский»"]
    assert [i["deadline"]["due"] for i in items[1:]] == ["2024-11-15", "2024-12-01"]


def test_a_term_after_the_bullets_of_a_verb_covers_each_of_them():
    doc = _doc(
        "ПРОТОКОЛ № 5\nот 12.09.2024\nРЕШИЛИ:\n3. Руководителям ОО обеспечить:\n"
        "- проведение входной диагностики;\n- корректировку планов внутришкольного контроля;\n"
        "Срок – до 01.10.2024г.\n"
    )
    assert [i["deadline"]["due"] for i in doc["items"]] == ["2024-10-01", "2024-10-01"]


def test_cells_with_two_dates_slash_owners_and_latin_letters():
    doc = _doc(
        "Дорожная карта на 2024-2026 годы\n"
        "№\tМероприятие\tСрок\tОтветственный\n"
        "1\tРазработка рекомендаций\tдо 01.02.2025<br>до 01.02.2026\tИМЦ/ОО\n"
        "2\tСопровождение выпускников\tпoстоянно\tРуководители OO\n"
        "3\tОбучение педагогов\t2024-2025г.г.\tУО, ИМЦ, ОО\n"
    )
    first, second, third = doc["items"]
    assert first["deadline"]["occurrences"] == ["2025-02-01", "2026-02-01"]
    assert [(o["kind"], o["name"]) for o in first["owners"]] == [("org", "ИМЦ"), ("group", "ОО")]
    assert second["deadline"]["kind"] == "ongoing"
    assert [o["kind"] for o in second["owners"]] == ["group"]
    assert (third["deadline"]["start"], third["deadline"]["due"]) == ("2024-01-01", "2025-12-31")


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("Р А С П О Р Я Ж Е Н И Е", "order"), ("П О С Т А Н О В Л Е Н И Е", "order")],
)
def test_spaced_headings_of_every_kind(heading, kind):
    doc = _doc(
        f"{heading}\nот 05.03.2025 № 87-р\nО проведении ГИА\nПОСТАНОВЛЯЕТ:\n"
        "1. Руководителям ОО обеспечить проведение ГИА до 15.07.2025 и далее ежегодно.\n"
        "2. Захаровой Е.В., руководителю школы молодого педагога, организовать "
        "наставничество до 01.10.2025.\n"
    )
    assert (doc["kind"], doc["number"]) == (kind, "87-р")
    first, second = doc["items"]
    assert first["deadline"]["raw"] == "до 15.07.2025 и далее ежегодно"
    assert [(o["kind"], o["name"], o["position"]) for o in second["owners"]] == [
        ("person", "Захарова Е.В.", "руководитель школы молодого педагога")
    ]


def test_co_executors_under_a_spanning_header_own_the_item_too():
    doc = _doc(
        "Дорожная карта на 2025 год\n"
        "№\tМероприятие\tСрок\tИсполнители\t\n"
        "\t\t\tответственный\tсоисполнители\n"
        "1.1\tМониторинг антирисковых программ\tежеквартально\tФедорова Л.И.\tГусев А.Н.\n"
    )
    [item] = doc["items"]
    assert [o["name"] for o in item["owners"]] == ["Федорова Л.И.", "Гусев А.Н."]


def test_a_frequency_in_the_text_joins_the_labelled_term():
    doc = _doc(
        "ПРОТОКОЛ № 3\nот 20.05.2023\nРЕШИЛИ:\n"
        "3) Ковалевой Н.Ю. еженедельно по пятницам информировать начальника управления о ходе "
        "летней кампании. Срок – в период с 01.06.2023 по 31.08.2023.\n"
        "4) Главному специалисту управления образования Балашовой О.В. ежегодно в октябре и "
        "марте проводить диагностические работы.\n"
        "5) Руководителям ОО постоянно повышать квалификацию педагогов.\n"
    )
    weekly, yearly, ongoing = doc["items"]
    assert weekly["deadline"]["rrule"] == "FREQ=WEEKLY;BYDAY=FR"
    assert len(weekly["deadline"]["occurrences"]) == 13
    assert yearly["owners"][0]["position"] == "главный специалист управления образования"
    assert yearly["deadline"]["raw"] == "ежегодно в октябре и марте"
    assert ongoing["deadline"]["kind"] == "ongoing"
