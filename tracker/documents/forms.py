"""Forms of the import wizard: the upload, and the preview of every item with its owners."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, ValidationError

from tracker.domain.stages import STAGE_TITLES_RU

ACCEPTED_EXTENSIONS = ".docx,.txt,.md,.html,.htm"
OWNER_ACTIONS = [
    ("auto", _l("как распознано")),
    ("person", _l("связать с сотрудником")),
    ("create", _l("создать сотрудника")),
    ("drop", _l("не назначать")),
]


class UploadForm(FlaskForm):
    document = FileField(
        _l("Файл документа (.docx, .txt, .md, .html)"), render_kw={"accept": ACCEPTED_EXTENSIONS}
    )
    text = TextAreaField(_l("…или вставьте текст документа"), validators=[Length(max=2_000_000)])
    issuer = SelectField(_l("Кто издал документ"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Прочитать документ"))

    def validate_text(self, field) -> None:
        if not self.document.data and not (field.data or "").strip():
            raise ValidationError(_l("Выберите файл или вставьте текст документа."))

    def validate_issuer(self, field) -> None:
        if field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_l("Выберите организацию из списка."))


class OwnerForm(Form):
    """What to do with one owner the parser found (or one not found in the directory)."""

    action = SelectField(_l("Ответственный"), choices=OWNER_ACTIONS, default="auto")
    person = SelectField(_l("Сотрудник"), coerce=int, validate_choice=False, default=0)
    surname = StringField(_l("Фамилия"), validators=[Length(max=100)])
    initials = StringField(_l("Инициалы"), validators=[Length(max=8)])
    organisation = SelectField(_l("Организация"), coerce=int, validate_choice=False, default=0)

    def validate_person(self, field) -> None:
        if self.action.data == "person" and not field.data:
            raise ValidationError(_l("Выберите сотрудника."))

    def validate_surname(self, field) -> None:
        if self.action.data == "create" and not (field.data or "").strip():
            raise ValidationError(_l("Укажите фамилию нового сотрудника."))


class ItemFields:
    """What a secretary may correct in an item, in the preview and after the import."""

    stage = SelectField(
        _l("Этап"),
        choices=[("", "—")] + [(k, _l(v)) for k, v in STAGE_TITLES_RU.items()],
        default="",
    )
    text = TextAreaField(
        _l("Текст пункта"),
        validators=[
            DataRequired(message=_l("Текст пункта не может быть пустым.")),
            Length(max=20_000),
        ],
    )
    deadline = StringField(_l("Срок (как в документе)"), validators=[Length(max=500)])


class ItemForm(ItemFields, Form):
    actionable = BooleanField(_l("Поручение"))
    owners = FieldList(FormField(OwnerForm))
    add_person = SelectField(
        _l("Добавить ответственного"), coerce=int, validate_choice=False, default=0
    )


class PreviewForm(FlaskForm):
    title = StringField(
        _l("Название документа"),
        validators=[DataRequired(message=_l("Укажите название документа.")), Length(max=2000)],
    )
    items = FieldList(FormField(ItemForm))
    save = SubmitField(_l("Сохранить правки"))
    confirm = SubmitField(_l("Импортировать"))


class DiscardForm(FlaskForm):
    """A bare form: a button with its CSRF token."""

    submit = SubmitField(_l("Удалить черновик"))


# --- fixing an imported item on the document's page ----------------------------------------

OWNER_KINDS = [
    ("person", _l("Сотрудник")),
    ("organisation", _l("Организация")),
    ("group", _l("Группа (каждой организации)")),
]
GROUP_CHOICES = [  # the keys of tracker.documents.editing.GROUP_TITLES
    ("schools", _l("Общеобразовательные организации")),
    ("kindergartens", _l("Дошкольные образовательные организации")),
    ("additional_education", _l("Организации дополнительного образования")),
    ("institutions", _l("Все образовательные организации")),
    ("education_authorities", _l("Органы управления образованием")),
]


class ItemEditForm(ItemFields, FlaskForm):
    actionable = BooleanField(_l("Поручение (не только к сведению)"))
    check = SubmitField(_l("Проверить срок"))
    save = SubmitField(_l("Сохранить"))


class OwnerAddForm(FlaskForm):
    kind = SelectField(_l("Кого назначить"), choices=OWNER_KINDS, default="person")
    person = SelectField(_l("Сотрудник"), coerce=int, validate_choice=False, default=0)
    organisation = SelectField(_l("Организация"), coerce=int, validate_choice=False, default=0)
    group = SelectField(_l("Группа"), choices=GROUP_CHOICES, default="schools")
    submit = SubmitField(_l("Назначить"))

    def validate_person(self, field) -> None:
        if self.kind.data == "person" and not field.data:
            raise ValidationError(_l("Выберите сотрудника."))

    def validate_organisation(self, field) -> None:
        if self.kind.data == "organisation" and not field.data:
            raise ValidationError(_l("Выберите организацию."))


class OwnerRemoveForm(FlaskForm):
    """A bare form: the "remove" button with its CSRF token."""

    submit = SubmitField(_l("Снять"))
