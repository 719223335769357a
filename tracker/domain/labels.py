"""Russian names of occurrence states, as users see them."""

STATE_LABELS = {
    "open": "В работе",
    "reported": "На проверке",
    "done": "Выполнено",
    "returned": "Возвращено",
    "not_needed": "Не требуется",
    "cancelled": "Отменено",
}
