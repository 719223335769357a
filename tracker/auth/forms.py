from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    login = StringField(_l("Логин"), validators=[DataRequired(), Length(max=120)])
    password = PasswordField(_l("Пароль"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Запомнить меня"))
    submit = SubmitField(_l("Войти"))


class PreferencesForm(FlaskForm):
    locale = SelectField(_l("Язык"), choices=[("ru", "Русский"), ("en", "English")])
    notify_mode = SelectField(
        _l("Уведомления"),
        choices=[("each", _l("Каждое напоминание")), ("digest", _l("Только ежедневная сводка"))],
    )
    submit = SubmitField(_l("Сохранить"))
