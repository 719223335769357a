"""Labels that reach the interface through `_(variable)`, listed for message extraction.

Templates and reports translate these with `_(STATE_LABELS[state])` and the like, which
`pybabel extract` cannot see. Listing them here as literal `_l()` calls keeps them in the
catalog; tests/core/test_i18n.py checks this list still matches the dicts it mirrors.
"""

from flask_babel import lazy_gettext as _l

LABEL_MESSAGES = (
    # Occurrence states: tracker/domain/labels.py STATE_LABELS
    _l("В работе"),
    _l("На проверке"),
    _l("Выполнено"),
    _l("Возвращено"),
    _l("Не требуется"),
    _l("Отменено"),
    # Management-cycle stages: tracker/domain/stages.py STAGE_TITLES_RU
    _l("Целеполагание. Нормативно-правовое обеспечение"),
    _l("Показатели. Методы сбора информации"),
    _l("Мониторинг"),
    _l("Анализ. Адресные рекомендации"),
    _l("Меры. Управленческие решения"),
    _l("Анализ эффективности принятых мер"),
    # Report outcomes: tracker/domain/progress.py OUTCOME_LABELS and NO_STAGE_TITLE
    _l("Выполнено в срок"),
    _l("Выполнено с нарушением срока"),
    _l("Просрочено"),
    _l("Не потребовалось"),
    _l("Срок не наступил"),
    _l("Без этапа"),
    # Organisation kinds and roles: tracker/people/services.py KIND_LABELS, ROLE_LABELS
    _l("Управление (отдел) образования"),
    _l("Подразделение"),
    _l("Школа"),
    _l("Детский сад"),
    _l("Учреждение"),
    _l("Администратор"),
    _l("Секретарь"),
    _l("Руководитель"),
    _l("Контролёр"),
    _l("Исполнитель"),
    # Report column headers: tracker/reports/exports.py HEADERS
    _l("Документ"),
    _l("№ пункта"),
    _l("Пункт"),
    _l("Этап"),
    _l("Ответственный"),
    _l("Организация"),
    _l("Срок"),
    _l("Первоначальный срок"),
    _l("Состояние"),
    _l("Исполнение"),
    _l("Дата выполнения"),
    _l("Отчёт"),
    # Report figures: tracker/reports/docx_export.py FIGURES, SHARE_TITLE
    _l("Срок исполнения в периоде"),
    _l("Доля выполненных"),
    # Report definitions: tracker/reports/services.py DEFINITIONS
    _l(
        "Учитываются поручения со сроком исполнения в выбранном периоде (включительно); "
        "отменённые не учитываются; постоянные поручения учитываются в контрольных "
        "точках."
    ),
    _l(
        "Выполнено в срок — отмечено выполненным не позднее срока; с нарушением срока — "
        "позже срока; выполнение после даты «по состоянию на» не учитывается."
    ),
    _l(
        "Просрочено — не выполнено (в работе, возвращено или на проверке у контролёра), и"
        " срок истёк до даты «по состоянию на»; срок не наступил — не выполнено, срок ещё"
        " не истёк."
    ),
    _l(
        "Доля выполненных = (в срок + с нарушением срока) / (всего − не потребовалось); "
        "доля в срок = в срок / (всего − не потребовалось)."
    ),
)
