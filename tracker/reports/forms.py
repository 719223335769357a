"""The report's filter form: read from the query string, so a report is a shareable link."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import NumberRange, Optional

from tracker.domain import progress
from tracker.reports.services import ReportRequest

PRESET_CHOICES = [
    (progress.H1, _l("I полугодие")),
    (progress.H2, _l("II полугодие")),
    (progress.SCHOOL_YEAR, _l("Учебный год (с 1 сентября)")),
    (progress.YEAR, _l("Календарный год")),
    (progress.DOCUMENT, _l("Весь период документа")),
    (progress.CUSTOM, _l("Свои даты")),
]


class ReportForm(FlaskForm):
    class Meta:
        csrf = False

    documents = SelectMultipleField(_l("Документы"), coerce=int, validate_choice=False)
    preset = SelectField(_l("Период"), choices=PRESET_CHOICES, default=progress.H1)
    year = IntegerField(_l("Год"), validators=[Optional(), NumberRange(2000, 2100)])
    date_from = DateField(_l("с"), validators=[Optional()])
    date_to = DateField(_l("по"), validators=[Optional()])
    as_of = DateField(_l("По состоянию на"), validators=[Optional()])
    unit = SelectField(_l("Организация"), coerce=int, validate_choice=False, default=0)

    def to_request(self) -> ReportRequest:
        """Plain values for the service; invalid entries fall back to their defaults."""
        self.validate()

        def ok(f):
            return None if f.errors else f.data

        preset = self.preset.data if self.preset.data in progress.PRESETS else progress.H1
        return ReportRequest(
            document_ids=tuple(sorted(set(self.documents.data or ()))),
            preset=preset,
            year=ok(self.year),
            date_from=ok(self.date_from),
            date_to=ok(self.date_to),
            as_of=ok(self.as_of),
            unit_id=self.unit.data or None,
        )
