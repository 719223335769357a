"""Forms of the directory: organisations, people, accounts and the CSV upload."""

from flask import current_app
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from tracker.people.services import KIND_LABELS, MIN_PASSWORD_LENGTH, ROLE_LABELS, TIMEZONES

MAX_CSV_BYTES = 2 * 1024 * 1024


class OrganisationForm(FlaskForm):
    name = StringField(_l("Полное наименование"), validators=[DataRequired(), Length(max=300)])
    short_name = StringField(_l("Краткое наименование"), validators=[Optional(), Length(max=120)])
    kind = SelectField(_l("Тип"), choices=[(k, _l(v)) for k, v in KIND_LABELS.items()])
    timezone = SelectField(
        _l("Часовой пояс"), choices=[(z, z) for z in TIMEZONES], default="Europe/Moscow"
    )
    parent_id = SelectField(_l("Вышестоящая организация"), coerce=int, default=0)
    submit = SubmitField(_l("Сохранить"))


class DeleteForm(FlaskForm):
    """An empty form: only the CSRF token behind a delete button."""

    submit = SubmitField(_l("Удалить"))


class PersonForm(FlaskForm):
    surname = StringField(_l("Фамилия"), validators=[DataRequired(), Length(max=100)])
    first_name = StringField(_l("Имя"), validators=[Optional(), Length(max=100)])
    patronymic = StringField(_l("Отчество"), validators=[Optional(), Length(max=100)])
    initials = StringField(
        _l("Инициалы (если имя и отчество неизвестны)"), validators=[Optional(), Length(max=8)]
    )
    position = StringField(_l("Должность"), validators=[Optional(), Length(max=300)])
    email = StringField(_l("E-mail"), validators=[Optional(), Email(), Length(max=254)])
    organisation_id = SelectField(_l("Организация"), coerce=int, default=0)
    head_of_id = SelectField(_l("Руководит"), coerce=int, default=0)
    submit = SubmitField(_l("Сохранить"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.first_name.data or "").strip() and not (self.initials.data or "").strip():
            self.initials.errors.append(_l("Укажите имя и отчество или хотя бы инициалы."))
            return False
        return valid


class UserForm(FlaskForm):
    person_id = SelectField(_l("Сотрудник"), coerce=int, default=0)
    login = StringField(_l("Логин"), validators=[DataRequired(), Length(max=120)])
    roles = SelectMultipleField(
        _l("Роли"), choices=[(k, _l(v)) for k, v in ROLE_LABELS.items()], default=["executor"]
    )
    is_enabled = BooleanField(_l("Учётная запись включена"), default=True)
    password = PasswordField(
        _l("Новый пароль"), validators=[Optional(), Length(min=MIN_PASSWORD_LENGTH, max=200)]
    )
    submit = SubmitField(_l("Сохранить"))

    def validate_roles(self, field):
        if not field.data:
            raise ValidationError(_l("Выберите хотя бы одну роль."))


def _human_size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return gettext("%(n)s МБ", n=f"{limit / 1024 / 1024:g}")
    return gettext("%(n)s КБ", n=f"{limit / 1024:g}")


def _max_size(form, field):
    """Below the app-wide MAX_CONTENT_LENGTH: a directory never needs more than this."""
    upload = field.data
    if upload is None:
        return
    limit = current_app.config.get("DIRECTORY_CSV_MAX_BYTES", MAX_CSV_BYTES)
    upload.stream.seek(0, 2)
    size = upload.stream.tell()
    upload.stream.seek(0)
    if size > limit:
        raise ValidationError(gettext("Файл больше %(size)s.", size=_human_size(limit)))


class CsvImportForm(FlaskForm):
    file = FileField(
        _l("Файл CSV"),
        validators=[
            FileRequired(_l("Выберите файл.")),
            FileAllowed(["csv", "txt"], _l("Нужен файл CSV.")),
            _max_size,
        ],
    )
    submit = SubmitField(_l("Загрузить"))
