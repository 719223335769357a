"""Stages of the management cycle from roadmap section headers and from item wording."""

import pytest

from tracker.domain.stages import STAGE_TITLES_RU, STAGES, stage_from_section, stage_from_text


def test_every_stage_has_a_russian_title():
    assert STAGES == ("goals", "indicators", "monitoring", "analysis", "measures", "effectiveness")
    assert set(STAGE_TITLES_RU) == set(STAGES)


@pytest.mark.parametrize(
    ("title", "stage"),
    [
        (
            (
                "I. Целеполагание. Нормативно-правовое обеспечение развития муниципальной системы "
                "по самоопределению и профессиональной ориентации обучающихся"
            ),
            "goals",
        ),
        ("**II. Показатели. Методы сбора информации**", "indicators"),
        ("II. Показатели. Методы сбора информации.", "indicators"),
        ("III. Мониторинг.", "monitoring"),
        ("Раздел 3. Мониторинг", "monitoring"),
        ("IV. Анализ. Адресные рекомендации.", "analysis"),
        ("IV Анализ, адресные рекомендации", "analysis"),
        ("5. Меры, управленческие решения", "measures"),
        ("V. Меры. Управленческие решения.", "measures"),
        ("VI. Анализ эффективности принятых мер.", "effectiveness"),
        ("<p>VI. Анализ эффективности принятых мер</p>", "effectiveness"),
        ("Мониторинг", "monitoring"),
        ("III.", "monitoring"),
        ("Раздел 4", "analysis"),
        ("VI", "effectiveness"),
        ("VII. Риски", None),
        ("VII", None),
        ("Пояснительная записка", None),
        ("1.1", None),
        ("", None),
    ],
)
def test_stage_from_section(title, stage):
    assert stage_from_section(title) == stage


def test_a_section_title_wins_over_its_numeral():
    assert stage_from_section("I. Мониторинг") == "monitoring"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # protocol 001
        ("подготовить приказ «Об утверждении плана профориентационной работы»", "goals"),
        ("Организовать курсы повышения квалификации руководящих работников", "measures"),
        ("Создать на базе МБОУ «СОШ № 27» стажировочную площадку", "measures"),
        ("Сформировать кейсотеку программно-методических материалов", "measures"),
        ("Ознакомить с результатами проведенного мониторинга работников", "analysis"),
        ("Актуализировать нормативную правовую базу", "goals"),
        ("Внедрять в практику профориентационной работы интерактивные формы", "measures"),
        ("Разработать комплекс мероприятий, направленный на мотивирование", "measures"),
        ("Довести до сведения работников рекомендации по организации работы", "analysis"),
        ("Обеспечить создание на всех уровнях общего образования условий", "measures"),
        # order 002
        ("Утвердить Порядок проведения мониторинга системы работы", "goals"),
        ("При проведении мониторинговых исследований руководствоваться Порядком", "monitoring"),
        # resolution 003
        ("внести изменения в систему регулярного мониторинга", "monitoring"),
        ("предусмотреть повышение квалификации групп педагогов", "measures"),
        ("определить направления работы и разработать планы по ориентации", "goals"),
        # roadmap 004 wording
        ("Разработка и утверждение дорожной карты развития", "goals"),
        ("Разработка и утверждение показателей, направленных на развитие", "indicators"),
        ("Описание методов сбора информации по самоопределению", "indicators"),
        ("Осуществление оценочных процедур, направленных на оценку развития", "monitoring"),
        ("Подготовка аналитического отчета по результатам каждого мониторинга", "analysis"),
        ("Подготовка комплексного, кластерного анализа", "analysis"),
        ("Разработка адресных рекомендаций для различных субъектов", "analysis"),
        ("Принятие конкретных мер, управленческих решений по результатам оценки", "measures"),
        ("Региональные, школьные совещания по анализу эффективности принятых мер", "effectiveness"),
        # the wording the brief names
        ("провести анкетирование родителей", "monitoring"),
        ("сбор данных о трудоустройстве выпускников", "monitoring"),
        ("подготовить справку по итогам проверки", "analysis"),
        ("анализ эффективности профориентационной работы", "effectiveness"),
        ("оценка результативности работы", "effectiveness"),
        ("подготовить приказ об утверждении плана", "goals"),
        ("утвердить состав рабочей группы", "goals"),
        ("критерии оценки деятельности", "indicators"),
        ("Информацию принять к сведению", None),
        # titles in quotes don't decide
        ("Информацию «О выполнении дорожной карты» разместить на сайте", "measures"),
        ("Провести конкурс «Анализ эффективности»", "measures"),
        ("«Положение о конкурсе»", "goals"),
        ("", None),
        ("Lorem ipsum", None),
    ],
)
def test_stage_from_text(text, stage):
    assert stage_from_text(text) == stage


@pytest.mark.parametrize(
    ("title", "stage"),
    [
        ("Блок 3. Сбор и обработка данных", "monitoring"),
        ("II. Показатели. Методы сбора информации", "indicators"),
        ("Блок 6. Рефлексия и корректировка", "effectiveness"),
    ],
)
def test_more_section_titles(title, stage):
    assert stage_from_section(title) == stage


def test_an_assessment_after_the_measures_taken_is_effectiveness():
    assert stage_from_text("Оценка динамики результатов после принятых мер") == "effectiveness"
    assert stage_from_text("Принятие мер по итогам мониторинга") != "effectiveness"
