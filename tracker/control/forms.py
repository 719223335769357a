from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    MultipleFileField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, ValidationError

from tracker.control.models import COUNTS_AGAINST, DECIDERS


def _links(form, field) -> None:
    """One link a line, each http(s); stored together in the occurrence's evidence field."""
    lines = [line.strip() for line in (field.data or "").splitlines() if line.strip()]
    for line in lines:
        if not line.lower().startswith(("http://", "https://")) or " " in line:
            raise ValidationError(_l("Ссылка должна начинаться с http:// или https://"))
    field.links = lines


class ReportForm(FlaskForm):
    report = TextAreaField(
        _l("Что сделано"),
        validators=[DataRequired(message=_l("Напишите коротко, что сделано.")), Length(max=4000)],
    )
    links = TextAreaField(
        _l("Ссылки на подтверждение (по одной в строке)"), validators=[Length(max=1000), _links]
    )
    files = MultipleFileField(_l("Файлы"))
    submit = SubmitField(_l("Отправить отчёт"))


class ReturnForm(FlaskForm):
    comment = TextAreaField(
        _l("Почему возвращается"),
        validators=[
            DataRequired(message=_l("Укажите, почему отчёт возвращается.")),
            Length(max=4000),
        ],
    )
    submit = SubmitField(_l("Вернуть на доработку"))


class ExtensionForm(FlaskForm):
    new_due_on = StringField(_l("Новый срок"))
    reason = TextAreaField(
        _l("Причина"),
        validators=[DataRequired(message=_l("Укажите причину переноса срока.")), Length(max=4000)],
    )
    submit = SubmitField(_l("Попросить перенос"))

    def validate_new_due_on(self, field) -> None:
        try:
            field.parsed = date.fromisoformat((field.data or "").strip())
        except ValueError:
            field.parsed = None
            raise ValidationError(_l("Укажите новый срок датой.")) from None


class DecisionForm(FlaskForm):
    decision = HiddenField()
    comment = TextAreaField(_l("Комментарий"), validators=[Length(max=4000)])


class CommentForm(FlaskForm):
    text = TextAreaField(
        _l("Комментарий"),
        validators=[DataRequired(message=_l("Напишите текст комментария.")), Length(max=4000)],
    )
    mention_ids = HiddenField()
    submit = SubmitField(_l("Отправить"))


class AttachForm(FlaskForm):
    files = MultipleFileField(_l("Файлы"))
    submit = SubmitField(_l("Приложить"))


class PersonForm(FlaskForm):
    """Pick a person: a co-executor to add, or the new owner of a re-assignment."""

    person = SelectField(_l("Сотрудник"), coerce=int, validate_choice=False, default=0)
    submit = SubmitField()


class SettingsForm(FlaskForm):
    extensions_decided_by = RadioField(
        _l("Перенос срока согласует"),
        choices=[("controller", _l("контролёр")), ("head", _l("руководитель исполнителя"))],
    )
    report_counts_against = RadioField(
        _l("Исполнение оценивается по сроку"),
        choices=[("new", _l("новому (после переноса)")), ("original", _l("первоначальному"))],
    )
    submit = SubmitField(_l("Сохранить"))

    def validate_extensions_decided_by(self, field) -> None:
        if field.data not in DECIDERS:
            raise ValidationError(_l("Выберите значение."))

    def validate_report_counts_against(self, field) -> None:
        if field.data not in COUNTS_AGAINST:
            raise ValidationError(_l("Выберите значение."))
