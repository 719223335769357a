from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from tracker.core.validators import web_links


class CompleteForm(FlaskForm):
    report = TextAreaField(
        _l("Что сделано"),
        validators=[DataRequired(message=_l("Напишите коротко, что сделано.")), Length(max=4000)],
    )
    evidence_url = StringField(
        _l("Ссылка на подтверждение"),
        validators=[Optional(), web_links, Length(max=1000)],
    )
    submit = SubmitField(_l("Выполнено"))


class ActionForm(FlaskForm):
    """A bare form: a button with its CSRF token."""

    next = HiddenField()
    submit = SubmitField()


class UnitFilterForm(FlaskForm):
    class Meta:
        csrf = False

    unit = SelectField(_l("Подразделение"), coerce=int, validate_choice=False, default=0)
    person = SelectField(_l("Ответственный"), coerce=int, validate_choice=False, default=0)
    document = SelectField(_l("Документ"), coerce=int, validate_choice=False, default=0)
    stage = SelectField(_l("Этап"), validate_choice=False, default="")
    overdue = SelectField(
        _l("Показать"),
        choices=[("", _l("все открытые")), ("1", _l("только просроченные"))],
        default="",
    )
