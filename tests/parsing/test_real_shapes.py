"""Shapes the real documents of municipalities take (see ../shared/corpus/real), each
written here afresh: one test per general rule, no real text copied."""

from __future__ import annotations

from datetime import date

from tracker.parsing.api import parse_bytes

TODAY = date(2026, 1, 15)


def doc(text: str, name: str = "doc.txt") -> dict:
    return parse_bytes(text.encode("utf-8"), name, today=TODAY).to_contract()


def item(parsed: dict, start: str) -> dict:
    return next(i for i in parsed["items"] if start.lower() in i["text"].lower())


def owners(entry: dict) -> list[tuple[str, str]]:
    return [(o["kind"], o["name"]) for o in entry["owners"]]


ORDER_NO_VERB = """Распоряжение от 12.03.2024 г № 45-Р

О проведении смотра

1.Руководителям общеобразовательных организаций:
1.1.Провести смотр кабинетов.
1.2.Направить в отдел образования в срок до 20 марта 2024 года отчёты.
2.Отделу по работе с населением (В.И. Кротова) опубликовать распоряжение.
3.Контроль за выполнением распоряжения возложить на заместителя главы А.А. Гетца.
Глава администрации
В.Н.СОКОЛОВ
"""


def test_an_order_without_operative_word_starts_at_its_first_point():
    parsed = doc(ORDER_NO_VERB)
    assert (parsed["kind"], parsed["number"], parsed["date"]) == ("order", "45-Р", "2024-03-12")
    assert owners(item(parsed, "Провести смотр")) == [
        ("group", "Руководители общеобразовательных организаций")
    ]
    assert item(parsed, "Направить")["deadline"]["due"] == "2024-03-20"
    assert owners(item(parsed, "опубликовать")) == [
        ("org", "Отдел по работе с населением"),
        ("person", "Кротова В.И."),
    ]
    assert parsed["controller"]["name"] == "Гетц А.А."  # a man's surname in the accusative
    assert not any("СОКОЛОВ" in i["text"] for i in parsed["items"])


def test_self_control_names_the_signatory():
    parsed = doc(
        "ПРИКАЗ\nот 01.02.2025 № 7\nПРИКАЗЫВАЮ:\n1. Провести совещание.\n"
        "2. Контроль за исполнением приказа оставляю за собой.\n"
        "Директор департамента образования\nС.В.ПЕТРОВ\n"
    )
    assert parsed["controller"]["name"] == "Петров С.В."
    assert parsed["controller"]["position"] == "директор департамента образования"


def test_a_commission_controls_through_its_chair_in_the_nominative():
    parsed = doc(
        "РЕШЕНИЕ\nот 01.02.2025 № 7\nСовет РЕШИЛ:\n1. Информацию принять к сведению.\n"
        "2. Контроль возложить на постоянную комиссию по социальной политике (А.Е.Горшкова).\n"
    )
    assert parsed["controller"]["name"] == "Горшкова А.Е."


def test_preamble_citations_give_no_date_and_a_title_card_after_the_body_does():
    parsed = doc(
        "В соответствии с постановлением администрации от 02 марта 2012 г. № 70 "
        "ПРИКАЗЫВАЮ:\n1. Подготовить помещения до 20.05.2025 года.\nДиректор И.И. Иванов\n"
        'Приказ отдела образования от 14 апреля 2025 г. N 12-о "О подготовке лагерей"\n'
    )
    assert (parsed["number"], parsed["date"]) == ("12-о", "2025-04-14")
    undated = doc("На основании решения от 02.03.2012 № 70 ПРИКАЗЫВАЮ:\n1. Провести сбор.\n")
    assert undated["date"] is None


def test_points_run_together_in_one_paragraph_are_parted():
    parsed = doc(
        "ПОСТАНОВЛЕНИЕ от 30 января 2025 года № 16 В целях поддержки Кабинет Министров "
        "п о с т а н о в л я е т : 1. Утвердить порядок выплат. 2. Министерству образования "
        "обеспечить выплаты с 1 марта 2025 года. 3. Контроль возложить на Иванова И.И."
    )
    assert [i["number"] for i in parsed["items"]] == ["1", "2", "3"]
    assert parsed["items"][1]["deadline"]["due"] == "2025-03-01"


def test_a_number_alone_on_its_line_opens_the_next_line():
    parsed = doc("ПРИКАЗ от 01.02.2025 № 3\nПРИКАЗЫВАЮ:\n1.\nПровести семинар.\n2.\nСдать отчёт.\n")
    assert [(i["number"], i["text"]) for i in parsed["items"]] == [
        ("1", "Провести семинар."),
        ("2", "Сдать отчёт."),
    ]


def test_a_term_heading_over_unnumbered_sub_points():
    parsed = doc(
        "РАСПОРЯЖЕНИЕ от 29 августа 2025 года № 141\nВ целях подготовки:\n"
        "1. Министерству образования во взаимодействии с районами обеспечить\n"
        "до 1 сентября 2025 года:\nготовность организаций к учебному году;\n"
        "завершение учёта детей.\n"
    )
    sub = [i for i in parsed["items"] if "готовность" in i["text"] or "завершение" in i["text"]]
    assert [i["deadline"]["due"] for i in sub] == ["2025-09-01", "2025-09-01"]
    assert all(owners(i) == [("org", "Министерство образования")] for i in sub)


def test_a_point_that_sets_a_term_over_its_lines_is_an_item_not_a_header():
    parsed = doc(
        "РАСПОРЯЖЕНИЕ от 25.09.2025 № 274\n"
        "1. В связи с похолоданием установить начало отопительного сезона:\n"
        "с 26 сентября 2025 г. - для школ и детских садов;\nс 10 октября 2025 г. - для жилья.\n"
    )
    first = item(parsed, "установить начало")
    assert (first["deadline"]["kind"], first["deadline"]["due"]) == ("date", "2025-09-26")


def test_textual_amendments_and_notes_are_not_tasks():
    parsed = doc(
        "ПОСТАНОВЛЕНИЕ от 03.06.2025 № 244\n1. Внести в Порядок следующие изменения:\n"
        'а) в абзаце втором цифры "8000" заменить цифрами "10500";\n'
        "б) пункт 3 изложить в следующей редакции;\n"
        "Нумерация пунктов приводится в соответствии с источником\n"
        "2. Отделу образования обеспечить выплаты.\n"
    )
    actionable = [i["text"] for i in parsed["items"] if i["actionable"]]
    assert not any("заменить" in t or "редакции" in t or "Нумерация" in t for t in actionable)
    assert any("обеспечить выплаты" in t for t in actionable)


def test_decisions_after_speeches_without_resolved():
    parsed = doc(
        "Протокол №3\n29 декабря 2025 года\n1) Итоги полугодия\n"
        "Заместитель директора Ольга Ивановна Петрова рассказала об итогах.\n"
        "1. Провести в 2025-2026 учебном году фестиваль идей.\n"
        "2. Психологической службе школы разработать программу сопровождения. май 2026\n"
    )
    assert parsed["kind"] == "protocol"
    assert [i["number"] for i in parsed["items"]] == ["1", "2"]
    assert owners(parsed["items"][1]) == [("org", "Психологическая служба школы")]
    assert parsed["items"][1]["deadline"]["due"] == "2026-05-31"


def test_a_decision_reported_in_news_text():
    parsed = doc(
        "Новости\n12.03.2025 прошло совещание руководителей школ. По его итогам было принято "
        "решение: руководителям образовательных организаций до 15 марта 2025 года провести "
        "собрания; отделу общего образования подготовить рекомендации до 1 апреля 2025 года.\n"
    )
    assert [(owners(i)[0][1], i["deadline"]["due"]) for i in parsed["items"]] == [
        ("руководители образовательных организаций", "2025-03-15"),
        ("отдел общего образования", "2025-04-01"),
    ]


def test_a_letter_to_heads_of_schools():
    parsed = doc(
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nот 14.02.2025 № 01-12/345\n"
        "Руководителям общеобразовательных организаций\nО проведении Недели безопасности\n"
        "Уважаемые руководители!\nУправление образования просит:\n"
        "1. Провести классные часы.\n2. Представить отчёт до 10.03.2025.\n"
        "Начальник управления образования И.И. Иванов\n"
    )
    assert (parsed["kind"], parsed["title"]) == ("order", "О проведении Недели безопасности")
    assert all(
        owners(i) == [("group", "Руководители общеобразовательных организаций")]
        for i in parsed["items"]
    )


def test_a_timetable_plan_dates_its_events_by_the_day_above_them():
    parsed = doc(
        "План мероприятий для выпускников\nI. Порядок проведения:\n26.06.2025\n"
        "19.00-20.00 (районы) - проведение торжественных линеек.\n"
        "Ответственные: руководители общеобразовательных учреждений.\n27.06.2025\n"
        "18.00 (театр) - театрализованная программа.\n"
        "Ответственные: Управление образования (начальник Бут В.Ф.).\n"
    )
    lines = item(parsed, "линеек")
    assert (lines["deadline"]["due"], owners(lines)[0][0]) == ("2025-06-26", "group")
    show = item(parsed, "театрализованная")
    assert show["deadline"]["due"] == "2025-06-27" and ("person", "Бут В.Ф.") in owners(show)


def test_periods_ticked_in_their_columns():
    parsed = doc(
        "План на 2025 год\n"
        "| № | Мероприятие | I кв. | II кв. | III кв. | IV кв. | Ответственный |\n"
        "|---|---|---|---|---|---|---|\n| 1 | Диагностика | х | | | х | ИМЦ |\n",
        "plan.md",
    )
    assert parsed["items"][0]["deadline"]["occurrences"] == ["2025-03-31", "2025-12-31"]


def test_owner_and_term_grammar_in_cells_and_sentences():
    parsed = doc(
        "План мероприятий на 2018-2019 учебный год\n№\tМероприятие\tСроки\tОтветственные\n"
        "1\tСобрания\tСентябрь, Октябрь, январь, март.\tГладкий И.А. (по согласованию) "
        "Мацалышенко В.М.\n2\tСбор списков\tДо 28.04.19 До 05.05.19\tглавы сельских поселений\n"
    )
    first, second = parsed["items"]
    assert first["deadline"]["kind"] == "recurring"
    assert first["deadline"]["occurrences"] == [
        "2018-09-30",
        "2018-10-31",
        "2019-01-31",
        "2019-03-31",
    ]
    assert [o["name"] for o in first["owners"]] == ["Гладкий И.А.", "Мацалышенко В.М."]
    assert (second["deadline"]["kind"], second["deadline"]["due"]) == ("date", "2019-04-28")
    assert owners(second) == [("group", "главы сельских поселений")]


def test_addressees_of_every_shape():
    parsed = doc(
        "ПРИКАЗ от 10.01.2025 № 2\nПРИКАЗЫВАЮ:\n"
        "1. Главному управлению образования (Львович) определить схему.\n"
        "2. Повару школы Смеловой Н.И. составить меню.\n"
        "3. Пресс-службе администрации (В.А. Худоярова) опубликовать приказ.\n"
        "4. Обязать руководителя учреждения «Центр» и рекомендовать главам сельских "
        "поселений обеспечить участие.\n"
        "5. Определить учреждение «Центр народной культуры» (Л.В. Мартьянова) ответственным "
        "учреждением за отбор.\n"
        "6. В целях подготовки, Управлению образования (Иванова И.И.) обеспечить семинар.\n"
    )
    persons = [[o["name"] for o in i["owners"] if o["kind"] == "person"] for i in parsed["items"]]
    assert persons == [
        ["Львович"],
        ["Смелова Н.И."],
        ["Худоярова В.А."],
        [],
        ["Мартьянова Л.В."],
        ["Иванова И.И."],
    ]
    assert [o["kind"] for o in parsed["items"][3]["owners"]] == ["org", "group"]


def test_a_year_before_the_document_is_flagged_not_trusted_and_a_moved_term_is_the_new_one():
    parsed = doc(
        "Приказ № 43 от 15.06.2021 г.\nприказываю:\n"
        "1. Провести бал 19 июня 2021 года, во вторую смену 26 июня 2010 г.\n"
        "2. Перенести смену лагеря с 14.07.2021 по 22.07.2021 г. на период с 29.07.2021 по "
        "06.08.2021 г.\n"
    )
    ball, shift = parsed["items"]
    assert ball["deadline"]["due"] == "2021-06-19" and ball["deadline"]["problems"]
    assert (shift["deadline"]["start"], shift["deadline"]["due"]) == ("2021-07-29", "2021-08-06")


def test_a_start_day_is_the_day_the_work_is_done():
    parsed = doc("Распоряжение от 17.10.2006 г № 531\n1.Начать отопительный сезон с 18.10.2006.\n")
    assert parsed["items"][0]["deadline"]["due"] == "2006-10-18"


def test_a_place_and_date_column_dates_only_by_its_dates():
    parsed = doc(
        "План мероприятий\n| № | Мероприятие | Место и дата проведения | Ответственный |\n"
        "|---|---|---|---|\n| 1 | Концерт | Дом культуры 10 - 12 июня 2025 г. | Руководители ОО |\n"
        "| 2 | Встреча | Школы района | Руководители ОО |\n",
        "plan.md",
    )
    assert [i["deadline"]["kind"] for i in parsed["items"]] == ["span", "none"]
