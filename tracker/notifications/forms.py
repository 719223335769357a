from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, ValidationError

from tracker.domain.notification_policy import parse_days

WEEKDAYS = [
    (0, _l("понедельник")),
    (1, _l("вторник")),
    (2, _l("среда")),
    (3, _l("четверг")),
    (4, _l("пятница")),
]


def _days_list(form, field) -> None:
    try:
        parse_days(field.data or "")
    except ValueError as error:
        raise ValidationError(_l("Перечислите числа от 0 до 60 через запятую.")) from error


def _days(label):
    return StringField(label, validators=[Length(max=60), _days_list])


def _after(label):
    return IntegerField(label, validators=[NumberRange(min=0, max=60)])


class PolicyForm(FlaskForm):
    reminder_days = _days(_l("Напоминания исполнителю, рабочих дней до срока"))
    overdue_after = _after(_l("Уведомление о просрочке, рабочих дней после срока (0 — нет)"))
    escalate_head_after = _after(_l("Руководителю подразделения, рабочих дней просрочки"))
    escalate_upper_after = _after(_l("Вышестоящему руководителю, рабочих дней просрочки"))
    controller_after = _days(_l("Напоминания контролёру, рабочих дней после отчёта"))
    checkin_before = _days(_l("Отчёт по постоянным поручениям, рабочих дней до конца периода"))
    digest_weekday = SelectField(
        _l("День еженедельной сводки руководителям"), coerce=int, choices=WEEKDAYS
    )
    send_hour = IntegerField(
        _l("Час отправки (местное время получателя)"), validators=[NumberRange(min=0, max=23)]
    )
    max_attempts = IntegerField(
        _l("Попыток отправки письма"), validators=[NumberRange(min=1, max=20)]
    )
    submit = SubmitField(_l("Сохранить"))


class AnswerForm(FlaskForm):
    report = TextAreaField(_l("Что сделано"), validators=[DataRequired(), Length(max=4000)])
    submit = SubmitField(_l("Подтвердить"))


class ButtonForm(FlaskForm):
    """A bare form: a button with its CSRF token."""

    submit = SubmitField()
